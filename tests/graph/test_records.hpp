// SPDX-License-Identifier: MIT
// Small helpers to write records by hand in the graph tests: no files, no loader.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "policygraph/graph.hpp"
#include "policygraph/lineage.hpp"
#include "policygraph/record.hpp"
#include "records/record_dump.hpp"

namespace policygraph::testing {

/// A policy record `policies/<id>.md` titled "Title <id>", dated by `date` (YYYY[-MM[-DD]])
/// unless empty.
inline Record policy(const std::string& id, const std::string& date = "") {
  Record record;
  record.kind = RecordKind::policy;
  record.id = id;
  record.label = "Title " + id;
  record.file = "policies/" + id + ".md";
  record.where = {2, 5};
  if (!date.empty()) record.date = parse_date(date);
  return record;
}

/// A facility record `facilities/<id>.md` named "Name <id>".
inline Record facility(const std::string& id) {
  Record record;
  record.kind = RecordKind::facility;
  record.id = id;
  record.label = "Name " + id;
  record.file = "facilities/" + id + ".md";
  record.where = {2, 5};
  return record;
}

/// References to `ids`, each placed at line 7, column 3 + 10 × its position.
inline std::vector<Reference> refs(std::initializer_list<std::string> ids) {
  std::vector<Reference> result;
  int column = 3;
  for (const auto& id : ids) {
    result.push_back({id, {7, column}});
    column += 10;
  }
  return result;
}

inline Graph build(std::vector<Record> records, Diagnostics* diagnostics = nullptr, const ViewWeights& weights = {}) {
  Diagnostics ignored;
  return build_graph(std::move(records), diagnostics ? *diagnostics : ignored, weights);
}

/// The vertex of policy `id`; fails the test (returning 0) when there is none.
inline VertexId vertex(const Graph& graph, const std::string& id, NodeKind kind = NodeKind::policy) {
  auto found = graph.find(kind, id);
  EXPECT_TRUE(found) << "no node " << to_string(kind) << ":" << id;
  return found.value_or(0);
}

/// Node ids of `vertices`, in the same order.
inline std::vector<std::string> ids(const Graph& graph, const std::vector<VertexId>& vertices) {
  std::vector<std::string> result;
  for (VertexId v : vertices) result.push_back(graph.node(v).id);
  return result;
}

/// The edges of the graph as "source -kind-> target (weight)" lines, in edge order.
inline std::vector<std::string> edge_list(const Graph& graph) {
  std::vector<std::string> result;
  for (const Edge& edge : graph.edges()) {
    std::string weight = std::to_string(edge.weight);
    weight.erase(weight.find_last_not_of('0') + 1);
    if (weight.back() == '.') weight.pop_back();
    result.push_back(graph.key(edge.source) + " -" + std::string(to_string(edge.kind)) + "-> " +
                     graph.key(edge.target) + " (" + weight + ")");
  }
  return result;
}

}  // namespace policygraph::testing
