// SPDX-License-Identifier: MIT
// The one place Boost.Graph's concepts are mapped onto the Graph. Only lib/graph and
// lib/algorithms include it; the public headers stay free of Boost.
//
// The Graph already stores its adjacency the way boost::compressed_sparse_row_graph does:
// edges sorted by source, out_edges(v) and in_edges(v) contiguous spans of edge ids. So
// instead of copying it into a Boost graph, the adapters below let Boost.Graph's algorithms
// walk those arrays as they are (as graph-tool does for its own storage):
//
// bgl::Csr is the directed graph: vertex descriptor = VertexId, edge descriptor = EdgeId,
// out_edges / in_edges the Graph's spans. It is a BidirectionalGraph and a VertexListGraph,
// so boost::reverse_graph turns it round and boost::filtered_graph keeps some kinds of edges
// (kind_graph below). It only refers to the Graph, which must outlive it; nothing here
// allocates.
#pragma once

#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/property_map/property_map.hpp>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <utility>

#include "policygraph/graph.hpp"

namespace policygraph::bgl {

/// The Graph's compressed adjacency seen by Boost.Graph. Its vertices are 0 .. vertex_count-1:
/// the whole graph, or a prefix of it (`Csr(graph, graph.policy_count())`: the policies,
/// which come first); an edge to a vertex beyond the prefix must be filtered out by the
/// caller (EdgeKinds does).
class Csr {
 public:
  explicit Csr(const Graph& graph) : Csr(graph, graph.node_count()) {}
  Csr(const Graph& graph, std::size_t vertex_count) : graph_(&graph), vertex_count_(vertex_count) {}
  const Graph& graph() const { return *graph_; }
  std::size_t vertex_count() const { return vertex_count_; }

 private:
  const Graph* graph_;
  std::size_t vertex_count_;
};

/// Boost.Graph's name for the ways a Csr can be walked.
struct CsrTraversal : boost::bidirectional_graph_tag, boost::vertex_list_graph_tag {};

}  // namespace policygraph::bgl

namespace boost {

template <>
struct graph_traits<policygraph::bgl::Csr> {
  using vertex_descriptor = policygraph::VertexId;
  using edge_descriptor = policygraph::EdgeId;
  using directed_category = bidirectional_tag;
  using edge_parallel_category = allow_parallel_edge_tag;
  using traversal_category = policygraph::bgl::CsrTraversal;
  using out_edge_iterator = const policygraph::EdgeId*;
  using in_edge_iterator = const policygraph::EdgeId*;
  using vertex_iterator = counting_iterator<policygraph::VertexId>;
  /// Named by filtered_graph; a Csr is no EdgeListGraph, so nothing walks it.
  using edge_iterator = counting_iterator<policygraph::EdgeId>;
  using degree_size_type = std::size_t;
  using vertices_size_type = std::size_t;
  using edges_size_type = std::size_t;
  static vertex_descriptor null_vertex() { return std::numeric_limits<policygraph::VertexId>::max(); }
};

template <>
struct property_map<policygraph::bgl::Csr, vertex_index_t> {
  using type = typed_identity_property_map<policygraph::VertexId>;
  using const_type = type;
};

}  // namespace boost

namespace policygraph::bgl {

inline std::pair<const EdgeId*, const EdgeId*> out_edges(VertexId v, const Csr& csr) {
  const std::span<const EdgeId> edges = csr.graph().out_edges(v);
  return {edges.data(), edges.data() + edges.size()};
}
inline std::pair<const EdgeId*, const EdgeId*> in_edges(VertexId v, const Csr& csr) {
  const std::span<const EdgeId> edges = csr.graph().in_edges(v);
  return {edges.data(), edges.data() + edges.size()};
}
inline std::size_t out_degree(VertexId v, const Csr& csr) { return csr.graph().out_edges(v).size(); }
inline std::size_t in_degree(VertexId v, const Csr& csr) { return csr.graph().in_edges(v).size(); }
inline std::size_t degree(VertexId v, const Csr& csr) { return out_degree(v, csr) + in_degree(v, csr); }
inline VertexId source(EdgeId e, const Csr& csr) { return csr.graph().edge(e).source; }
inline VertexId target(EdgeId e, const Csr& csr) { return csr.graph().edge(e).target; }
inline std::pair<boost::counting_iterator<VertexId>, boost::counting_iterator<VertexId>> vertices(const Csr& csr) {
  return {boost::counting_iterator<VertexId>(0),
          boost::counting_iterator<VertexId>(static_cast<VertexId>(csr.vertex_count()))};
}
inline std::size_t num_vertices(const Csr& csr) { return csr.vertex_count(); }
/// Vertex ids are their own index: Boost's per-vertex maps are plain vectors indexed by id.
inline boost::typed_identity_property_map<VertexId> get(boost::vertex_index_t, const Csr&) { return {}; }

/// A set of edge kinds, one bit per kind.
class KindSet {
 public:
  KindSet() = default;
  /// The kinds `keep` accepts (is_lineage, is_succession, ...).
  explicit KindSet(bool (*keep)(EdgeKind)) {
    for (unsigned kind = 0; kind <= static_cast<unsigned>(EdgeKind::implements); ++kind)
      if (keep(static_cast<EdgeKind>(kind))) bits_ |= 1u << kind;
  }
  void insert(EdgeKind kind) { bits_ |= 1u << static_cast<unsigned>(kind); }
  bool contains(EdgeKind kind) const { return (bits_ >> static_cast<unsigned>(kind) & 1u) != 0; }

 private:
  std::uint32_t bits_ = 0;
};

/// An edge predicate for boost::filtered_graph: the edges of the kinds in `kinds` whose both
/// ends lie below `vertex_limit` (the vertices of a Csr on a prefix). Default-constructible,
/// as filtered_graph requires; such a predicate keeps nothing.
struct EdgeKinds {
  const Graph* graph = nullptr;
  KindSet kinds;
  VertexId vertex_limit = 0;
  bool operator()(EdgeId e) const {
    if (graph == nullptr) return false;
    const Edge& edge = graph->edge(e);
    return kinds.contains(edge.kind) && edge.source < vertex_limit && edge.target < vertex_limit;
  }
};

/// The edges of `csr` of the given kinds (pointing newer → older for the lineage kinds);
/// boost::make_reverse_graph of it walks them older → newer.
using KindGraph = boost::filtered_graph<Csr, EdgeKinds>;
inline KindGraph kind_graph(const Csr& csr, KindSet kinds) {
  return KindGraph(csr, EdgeKinds{&csr.graph(), kinds, static_cast<VertexId>(csr.vertex_count())});
}

}  // namespace policygraph::bgl
