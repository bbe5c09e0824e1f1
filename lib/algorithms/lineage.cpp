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
// Cycles are input errors (reported by build_graph), but every query must still terminate,
// and `current` is defined on strongly connected components (5.8).
//
// The walks are Boost.Graph's, run on the Graph's own arrays (lib/graph/bgl.hpp): the lineage
// or succession edges are a filtered_graph of them, pointing newer -> older, and a
// reverse_graph of that walks from the older policy to the newer. `lineage` is two
// breadth_first_visit walks; `current` a breadth_first_visit, then strong_components on the
// part reached; the cycles strong_components on all policies. Boost's depth-first search
// keeps an explicit stack, so a 100,000-policy chain does not overflow the call stack. The
// queries about one policy keep the colours and distances of their walks in hash maps, so
// their work (and memory) is proportional to the part of the graph they reach, not to the
// corpus.
#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/visitors.hpp>
#include <boost/pending/queue.hpp>
#include <boost/property_map/property_map.hpp>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>

#include "graph/bgl.hpp"
#include "policygraph/lineage.hpp"

namespace policygraph {
namespace {

using Colors = std::unordered_map<VertexId, boost::default_color_type>;

// A directed graph of its own, compressed, on indices 0..n-1.
using LocalGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                      boost::no_property, std::uint32_t, std::uint32_t>;

// Strongly connected components by Boost's strong_components (Tarjan's algorithm,
// "Depth-first search and linear graph algorithms", SIAM J. Comput. 1(2), 1972): the
// component of each vertex, and their number. O(V + E).
std::vector<std::uint32_t> strong_components_of(const LocalGraph& graph, std::uint32_t& count) {
  std::vector<std::uint32_t> component(boost::num_vertices(graph));
  count = boost::strong_components(
      graph, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, graph)));
  return component;
}

// A breadth-first visitor that records the vertices in the order the walk finds them (the
// start first) and every edge it examines, as (from, to).
struct ReachRecorder : boost::default_bfs_visitor {
  std::vector<VertexId>* found = nullptr;
  std::vector<std::pair<VertexId, VertexId>>* links = nullptr;
  template <typename BoostGraph>
  void discover_vertex(VertexId v, const BoostGraph&) const {
    found->push_back(v);
  }
  template <typename BoostEdge, typename BoostGraph>
  void examine_edge(const BoostEdge& e, const BoostGraph& g) const {
    using boost::source, boost::target;
    links->emplace_back(source(e, g), target(e, g));
  }
};

// The length of a shortest path from `start` to each vertex reached in `g`; `start` itself 0.
// A breadth-first walk recording distances along its tree edges. O(V + E) of the part reached.
template <typename BoostGraph>
std::unordered_map<VertexId, int> distances_from(const BoostGraph& g, VertexId start) {
  std::unordered_map<VertexId, int> distance{{start, 0}};
  Colors colors;
  boost::queue<VertexId> queue;
  boost::breadth_first_visit(
      g, start, queue,
      boost::make_bfs_visitor(boost::record_distances(boost::make_assoc_property_map(distance), boost::on_tree_edge())),
      boost::make_assoc_property_map(colors));
  return distance;
}

}  // namespace

ReplacedBy replaced_by(const Graph& graph, VertexId policy) {
  ReplacedBy result;
  result.policy = policy;
  for (EdgeId e : graph.in_edges(policy))
    if (is_succession(graph.edge(e).kind)) result.successors.push_back(graph.edge(e).source);
  // A pair linked by both `supersedes` and `consolidates` is one successor.
  std::sort(result.successors.begin(), result.successors.end());
  result.successors.erase(std::unique(result.successors.begin(), result.successors.end()), result.successors.end());

  // The part of the successor graph reachable from `policy`: walked older -> newer, along
  // the succession edges reversed.
  const bgl::Csr csr(graph);
  const bgl::KindGraph succession = bgl::kind_graph(csr, bgl::KindSet(is_succession));
  std::vector<VertexId> reached;
  std::vector<std::pair<VertexId, VertexId>> links;
  ReachRecorder recorder;
  recorder.found = &reached;
  recorder.links = &links;
  Colors colors;
  boost::queue<VertexId> queue;
  boost::breadth_first_visit(boost::make_reverse_graph(succession), policy, queue, recorder,
                             boost::make_assoc_property_map(colors));

  // That part as a graph of its own on local indices (the order found), so that its strong
  // components cost what it holds. A breadth-first walk examines the vertices in the order
  // it finds them, so the links come sorted by their first end, as the compressed graph wants.
  std::unordered_map<VertexId, std::uint32_t> local;
  local.reserve(reached.size());
  for (std::uint32_t i = 0; i < reached.size(); ++i) local.emplace(reached[i], i);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> local_links;
  local_links.reserve(links.size());
  for (const auto& [from, to] : links) local_links.emplace_back(local.at(from), local.at(to));
  const LocalGraph successors(boost::edges_are_sorted, local_links.begin(), local_links.end(),
                              static_cast<std::uint32_t>(reached.size()));
  std::uint32_t component_count = 0;
  const std::vector<std::uint32_t> component = strong_components_of(successors, component_count);

  // current = the terminal components: those no successor edge leaves (5.8). On a DAG each
  // is one policy without successors; a cycle nothing replaces is current as a whole.
  std::vector<bool> terminal(component_count, true);
  for (const auto& [from, to] : local_links)
    if (component[from] != component[to]) terminal[component[from]] = false;
  for (std::uint32_t v = 0; v < reached.size(); ++v)
    if (terminal[component[v]]) result.current.push_back(reached[v]);
  std::sort(result.current.begin(), result.current.end());
  return result;
}

Lineage lineage(const Graph& graph, VertexId policy, const std::vector<EdgeKind>& kinds) {
  bgl::KindSet follow;
  if (kinds.empty()) follow = bgl::KindSet(is_lineage);
  for (EdgeKind kind : kinds)
    if (is_lineage(kind)) follow.insert(kind);
  // Shortest distances by two breadth-first walks: to predecessors (generation -k) along
  // the lineage edges, to successors (+k) along them reversed. On a cycle a policy can be
  // both; it keeps the shorter distance, and on a tie the successor side, since "what came
  // after" is the question users ask most. (Only cyclic, hence invalid, input is affected.)
  const bgl::Csr csr(graph);
  const bgl::KindGraph earlier = bgl::kind_graph(csr, follow);
  std::unordered_map<VertexId, int> generation = distances_from(boost::make_reverse_graph(earlier), policy);
  for (const auto& [v, distance] : distances_from(earlier, policy)) {
    auto [found, inserted] = generation.try_emplace(v, -distance);
    if (!inserted && distance < found->second) found->second = -distance;
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
      if (follow.contains(graph.edge(e).kind) && generation.contains(graph.edge(e).target)) result.edges.push_back(e);
  std::sort(result.edges.begin(), result.edges.end());
  return result;
}

Lineage lineage(const Graph& graph, VertexId policy) { return lineage(graph, policy, {}); }

std::vector<std::vector<VertexId>> lineage_cycles(const Graph& graph) {
  // Lineage edges join policies only, and policies are vertices 0..P-1: Boost's Tarjan on
  // the lineage edges of that prefix.
  const bgl::Csr policies(graph, graph.policy_count());
  const bgl::KindGraph lineage_graph = bgl::kind_graph(policies, bgl::KindSet(is_lineage));
  std::vector<std::uint32_t> component(graph.policy_count());
  const std::uint32_t component_count = boost::strong_components(
      lineage_graph,
      boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, lineage_graph)));
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
