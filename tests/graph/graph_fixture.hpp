// SPDX-License-Identifier: MIT
// A corpus's records with every kind of node and edge, and a graph's whole content as text:
// what the tests of a graph kept beside the cache share.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "graph/test_records.hpp"

namespace policygraph::testing {

/// Policies of every relation (one to an id never described, one to itself), facilities,
/// clusters and tags with spaces and capitals, dates and none: a graph with every kind of
/// node and edge and some diagnostics of its build.
inline std::vector<Record> varied_records(int policies = 40) {
  std::vector<Record> records;
  const Relation relations[] = {Relation::supersedes, Relation::consolidates, Relation::repeals, Relation::amends,
                                Relation::implements};
  for (int i = 0; i < policies; ++i) {
    Record record =
        policy("p" + std::to_string(i), i % 3 == 0 ? "" : std::to_string(1990 + i) + "-0" + std::to_string(1 + i % 9));
    if (i > 0) relate(record, relations[i % 5], refs({"p" + std::to_string(i / 2)}), i % 4 == 0);
    if (i % 7 == 0) relate(record, Relation::amends, refs({"missing-" + std::to_string(i)}));
    if (i == 5) relate(record, Relation::supersedes, refs({"p5"}));
    record.clusters = {"Cluster " + std::to_string(i % 4), "cluster  " + std::to_string(i % 4)};
    record.tags = {"Tag" + std::to_string(i % 6)};
    record.related_facilities = refs({"f" + std::to_string(i % 10)});
    records.push_back(std::move(record));
  }
  for (int i = 0; i < 10; ++i) records.push_back(facility("f" + std::to_string(i)));
  return records;
}

/// Everything a graph holds, one line per node, edge and adjacency, for comparing two.
inline std::string graph_text(const Graph& graph) {
  std::ostringstream text;
  text << graph.node_count() << " nodes, " << graph.policy_count() << " policies, " << graph.edge_count() << " edges\n";
  for (VertexId v : graph.vertices()) {
    const Node& node = graph.node(v);
    text << graph.key(v) << " '" << node.label << "' " << node.resolved << ' ' << (node.date ? node.date->iso() : "-")
         << " record " << node.record << " out";
    for (EdgeId e : graph.out_edges(v)) text << ' ' << e;
    text << " in";
    for (EdgeId e : graph.in_edges(v)) text << ' ' << e;
    text << '\n';
  }
  for (const Edge& edge : graph.edges())
    text << edge.source << ' ' << to_string(edge.kind) << ' ' << edge.target << ' ' << edge.weight << '\n';
  return text.str();
}

inline std::vector<std::string> diagnostic_lines(const Diagnostics& diagnostics) {
  std::vector<std::string> lines;
  for (const Diagnostic& diagnostic : diagnostics) lines.push_back(format_diagnostic(diagnostic));
  return lines;
}

}  // namespace policygraph::testing
