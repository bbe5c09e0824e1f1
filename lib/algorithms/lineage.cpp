// SPDX-License-Identifier: MIT
// The lineage queries of MODEL.md section 3 (replaced-by, current, lineage) and the lineage
// cycles of 5.9. In-force and the other answers of section 7 are in evolution.cpp.
//
// A lineage edge (the five relations of MODEL.md 7.1) points from the newer policy to the
// older one, so "successors of X" are the sources of X's incoming `supersedes` and
// `consolidates` edges, and "later acts" and "earlier acts" the other ends of X's incoming
// and outgoing lineage edges. Every other edge kind is ignored, so the queries give the same
// answers on the full graph and on its lineage view.
//
// Cycles are input errors (reported by build_graph), but every query must still terminate:
// the walks below mark what they visit, and `current` is defined on strongly connected
// components (5.8), found by an iterative Tarjan so that a 100,000-policy chain does not
// overflow the call stack.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>
#include <utility>

#include "policygraph/lineage.hpp"

namespace policygraph {
namespace {

// Calls `visit(other end)` for each edge of a kind that `follow` accepts entering (later
// acts) or leaving (earlier acts) v. `current` follows succession only; the cycles every
// relation; `lineage` every relation, or the kinds asked for.
template <typename Follow, typename Visit>
void for_each_later(const Graph& graph, VertexId v, Follow follow, Visit visit) {
  for (EdgeId e : graph.in_edges(v))
    if (follow(graph.edge(e).kind)) visit(graph.edge(e).source);
}

template <typename Follow, typename Visit>
void for_each_earlier(const Graph& graph, VertexId v, Follow follow, Visit visit) {
  for (EdgeId e : graph.out_edges(v))
    if (follow(graph.edge(e).kind)) visit(graph.edge(e).target);
}

template <typename Visit>
void for_each_successor(const Graph& graph, VertexId v, Visit visit) {
  for_each_later(graph, v, is_succession, visit);
}

// A small directed graph on local indices 0..n-1, compressed: the neighbours of v are
// targets[offsets[v] .. offsets[v + 1]).
struct LocalGraph {
  std::vector<std::uint32_t> offsets{0};
  std::vector<std::uint32_t> targets;
  std::size_t size() const { return offsets.size() - 1; }
};

// Strongly connected components by Tarjan's algorithm (R. Tarjan, "Depth-first search and
// linear graph algorithms", SIAM J. Comput. 1(2), 1972), with an explicit stack instead of
// recursion. Returns the component of each vertex; components are numbered in the order
// Tarjan completes them, which is a reverse topological order of the condensation.
// O(V + E).
std::vector<std::uint32_t> strong_components(const LocalGraph& graph, std::uint32_t& component_count) {
  constexpr std::uint32_t unvisited = std::numeric_limits<std::uint32_t>::max();
  const std::size_t n = graph.size();
  std::vector<std::uint32_t> index(n, unvisited), low(n, 0), component(n, unvisited);
  std::vector<std::uint32_t> stack;                             // Tarjan's vertex stack
  std::vector<std::pair<std::uint32_t, std::uint32_t>> frames;  // (vertex, next edge position)
  std::uint32_t counter = 0;
  component_count = 0;

  for (std::uint32_t root = 0; root < n; ++root) {
    if (index[root] != unvisited) continue;
    index[root] = low[root] = counter++;
    stack.push_back(root);
    frames.emplace_back(root, graph.offsets[root]);
    while (!frames.empty()) {
      const std::uint32_t v = frames.back().first;
      const std::uint32_t position = frames.back().second;
      if (position < graph.offsets[v + 1]) {
        ++frames.back().second;
        const std::uint32_t w = graph.targets[position];
        if (index[w] == unvisited) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          frames.emplace_back(w, graph.offsets[w]);
        } else if (component[w] == unvisited) {  // w is on the stack
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      // All of v's edges are done.
      if (low[v] == index[v]) {
        std::uint32_t w;
        do {
          w = stack.back();
          stack.pop_back();
          component[w] = component_count;
        } while (w != v);
        ++component_count;
      }
      frames.pop_back();
      if (!frames.empty()) low[frames.back().first] = std::min(low[frames.back().first], low[v]);
    }
  }
  return component;
}

}  // namespace

ReplacedBy replaced_by(const Graph& graph, VertexId policy) {
  ReplacedBy result;
  result.policy = policy;
  for_each_successor(graph, policy, [&](VertexId s) { result.successors.push_back(s); });
  // A pair linked by both `supersedes` and `consolidates` is one successor.
  std::sort(result.successors.begin(), result.successors.end());
  result.successors.erase(std::unique(result.successors.begin(), result.successors.end()), result.successors.end());

  // The part of the successor graph reachable from `policy`, on local indices, so the work
  // (and memory) is proportional to the part reached, not to the corpus.
  std::vector<VertexId> reached{policy};
  std::unordered_map<VertexId, std::uint32_t> local{{policy, 0}};
  LocalGraph successors;
  for (std::size_t i = 0; i < reached.size(); ++i) {
    for_each_successor(graph, reached[i], [&](VertexId s) {
      auto [found, inserted] = local.try_emplace(s, static_cast<std::uint32_t>(reached.size()));
      if (inserted) reached.push_back(s);
      successors.targets.push_back(found->second);
    });
    successors.offsets.push_back(static_cast<std::uint32_t>(successors.targets.size()));
  }

  // current = the terminal components: those no successor edge leaves (5.8). On a DAG each
  // is one policy without successors; a cycle nothing replaces is current as a whole.
  std::uint32_t component_count = 0;
  const auto component = strong_components(successors, component_count);
  std::vector<bool> terminal(component_count, true);
  for (std::uint32_t v = 0; v < successors.size(); ++v)
    for (std::uint32_t i = successors.offsets[v]; i < successors.offsets[v + 1]; ++i)
      if (component[successors.targets[i]] != component[v]) terminal[component[v]] = false;
  for (std::uint32_t v = 0; v < successors.size(); ++v)
    if (terminal[component[v]]) result.current.push_back(reached[v]);
  std::sort(result.current.begin(), result.current.end());
  return result;
}

Lineage lineage(const Graph& graph, VertexId policy, const std::vector<EdgeKind>& kinds) {
  auto follow = [&kinds](EdgeKind kind) {
    return is_lineage(kind) && (kinds.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end());
  };
  // Two breadth-first walks give shortest distances: predecessors (generation -k) along
  // outgoing lineage edges, successors (+k) along incoming ones. On a cycle a policy can be
  // both; it keeps the generation found first: the shorter distance, and on a tie the
  // successor side, since "what came after" is the question users ask most. (Only cyclic,
  // hence invalid, input is affected.)
  std::unordered_map<VertexId, int> generation{{policy, 0}};
  std::vector<VertexId> successor_frontier{policy}, predecessor_frontier{policy};
  for (int distance = 1; !successor_frontier.empty() || !predecessor_frontier.empty(); ++distance) {
    std::vector<VertexId> next_successors, next_predecessors;
    for (VertexId v : successor_frontier)
      for_each_later(graph, v, follow, [&](VertexId s) {
        if (generation.try_emplace(s, distance).second) next_successors.push_back(s);
      });
    for (VertexId v : predecessor_frontier)
      for_each_earlier(graph, v, follow, [&](VertexId p) {
        if (generation.try_emplace(p, -distance).second) next_predecessors.push_back(p);
      });
    successor_frontier = std::move(next_successors);
    predecessor_frontier = std::move(next_predecessors);
  }

  Lineage result;
  result.policy = policy;
  result.members.reserve(generation.size());
  for (const auto& [v, g] : generation) result.members.push_back({v, g});
  // By date, undated last, then generation, then id (policy vertex ids are in id order).
  std::sort(result.members.begin(), result.members.end(), [&](const LineageMember& a, const LineageMember& b) {
    const auto& date_a = graph.node(a.policy).date;
    const auto& date_b = graph.node(b.policy).date;
    if (date_a.has_value() != date_b.has_value()) return date_a.has_value();
    if (date_a && *date_a != *date_b) return *date_a < *date_b;
    if (a.generation != b.generation) return a.generation < b.generation;
    return a.policy < b.policy;
  });
  for (const auto& [v, g] : generation)
    for (EdgeId e : graph.out_edges(v))
      if (follow(graph.edge(e).kind) && generation.contains(graph.edge(e).target)) result.edges.push_back(e);
  std::sort(result.edges.begin(), result.edges.end());
  return result;
}

Lineage lineage(const Graph& graph, VertexId policy) { return lineage(graph, policy, {}); }

std::vector<std::vector<VertexId>> lineage_cycles(const Graph& graph) {
  // Lineage edges join policies only, and policies are vertices 0..P-1, so local index =
  // vertex id.
  LocalGraph lineage_graph;
  for (VertexId v : graph.policies()) {
    for_each_earlier(graph, v, is_lineage, [&](VertexId p) {
      if (p < graph.policy_count()) lineage_graph.targets.push_back(p);
    });
    lineage_graph.offsets.push_back(static_cast<std::uint32_t>(lineage_graph.targets.size()));
  }
  std::uint32_t component_count = 0;
  const auto component = strong_components(lineage_graph, component_count);
  std::vector<std::vector<VertexId>> members(component_count);
  for (VertexId v : graph.policies()) members[component[v]].push_back(v);  // ascending ids
  std::vector<std::vector<VertexId>> cycles;
  for (auto& group : members)
    if (group.size() > 1) cycles.push_back(std::move(group));
  std::sort(cycles.begin(), cycles.end(), [](const auto& a, const auto& b) { return a.front() < b.front(); });
  return cycles;
}

void lineage_diagnostics(const Graph& graph, Diagnostics& diagnostics) {
  for (const auto& cycle : lineage_cycles(graph)) {
    std::string message = "lineage cycle among " + std::to_string(cycle.size()) + " policies: ";
    for (std::size_t i = 0; i < cycle.size(); ++i) {
      if (i > 0) message += ", ";
      const Record* record = graph.record(cycle[i]);
      message += "'" + graph.node(cycle[i]).id + "' (" + (record ? record->file : std::string("no record")) + ")";
    }
    message += "; the relations of 'evolution' (supersedes, amends, repeals, ...) must not lead back to a policy";

    // Point at the field at fault (5.14): in the first member that has a record, the first
    // lineage reference to another member of the cycle; else that record's id.
    Diagnostic diagnostic{
        .file = "", .line = 0, .column = 0, .severity = Severity::error, .message = std::move(message)};
    auto in_cycle = [&](const std::string& id) {
      auto v = graph.find(NodeKind::policy, id);
      return v && std::binary_search(cycle.begin(), cycle.end(), *v);
    };
    for (VertexId v : cycle) {
      const Record* record = graph.record(v);
      if (!record) continue;
      diagnostic.file = record->file;
      Location where = record->where;
      bool found = false;
      for (const RelationItem& item : record->relations)
        if (!found && item.other.id != record->id && in_cycle(item.other.id)) {
          where = item.other.where;
          found = true;
        }
      diagnostic.line = where.line;
      diagnostic.column = where.column;
      break;
    }
    diagnostics.push_back(std::move(diagnostic));
  }
}

}  // namespace policygraph
