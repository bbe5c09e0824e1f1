// SPDX-License-Identifier: MIT
// Small graphs and the NetworkX fixture shared by the algorithm tests.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "policygraph/graph.hpp"

namespace policygraph::testing {

/// A node; written out because a designated initializer that skips `date` trips
/// -Wmissing-field-initializers.
inline Node make_node(NodeKind kind, std::string id, std::string label) {
  Node node;
  node.kind = kind;
  node.id = std::move(id);
  node.label = std::move(label);
  return node;
}

/// A graph of policies named by the given ids, which must come in byte order so that the
/// builder's vertex i stays vertex i once finished.
struct SmallGraph {
  GraphBuilder builder;
  explicit SmallGraph(std::initializer_list<const char*> ids) {
    for (const char* id : ids) builder.add_node(make_node(NodeKind::policy, id, id));
  }
  VertexId operator[](const char* id) const { return *builder.find(NodeKind::policy, id); }
  SmallGraph& edge(const char* from, const char* to, EdgeKind kind = EdgeKind::related, double weight = 1.0) {
    builder.add_edge((*this)[from], (*this)[to], kind, weight);
    return *this;
  }
  /// A `related` edge each way, as the policy view has them.
  SmallGraph& both(const char* a, const char* b, double weight = 1.0) {
    return edge(a, b, EdgeKind::related, weight).edge(b, a, EdgeKind::related, weight);
  }
  Graph finish() { return std::move(builder).finish(); }
};

/// Two 4-cliques a1..a4 and b1..b4, `related` both ways with weight 1, bridged a4 ─ b1.
inline Graph two_cliques() {
  SmallGraph small({"a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4"});
  for (const char* clique : {"a", "b"}) {
    for (int i = 1; i <= 4; ++i) {
      for (int j = i + 1; j <= 4; ++j) {
        const std::string u = clique + std::to_string(i), v = clique + std::to_string(j);
        small.both(u.c_str(), v.c_str());
      }
    }
  }
  return small.both("a4", "b1").finish();
}

/// A measured difference for RecordProperty, in scientific notation.
inline std::string scientific(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3e", value);
  return text;
}

/// tests/data/algorithms_fixture.json, written by tests/algorithms/make_fixtures.py.
inline const nlohmann::json& fixture() {
  static const nlohmann::json data = [] {
    std::ifstream in(std::string(POLICYGRAPH_SOURCE_DIR) + "/tests/data/algorithms_fixture.json");
    if (!in) throw std::runtime_error("cannot read tests/data/algorithms_fixture.json");
    return nlohmann::json::parse(in);
  }();
  return data;
}

inline EdgeKind fixture_kind(const std::string& name) {
  if (name == "supersedes") return EdgeKind::supersedes;
  if (name == "consolidates") return EdgeKind::consolidates;
  return EdgeKind::related;
}

/// The fixture's graph: policies p000..p299 (vertex i is p{i}), its edges as written.
inline Graph fixture_graph() {
  const nlohmann::json& data = fixture();
  GraphBuilder builder;
  const int n = data.at("node_count").get<int>();
  for (int i = 0; i < n; ++i) {
    std::string id = std::to_string(i);
    id.insert(0, 3 - id.size(), '0');
    builder.add_node(make_node(NodeKind::policy, "p" + id, id));
  }
  for (const auto& edge : data.at("edges")) {
    builder.add_edge(edge[0].get<VertexId>(), edge[1].get<VertexId>(), fixture_kind(edge[2].get<std::string>()),
                     edge[3].get<double>());
  }
  return std::move(builder).finish();
}

}  // namespace policygraph::testing
