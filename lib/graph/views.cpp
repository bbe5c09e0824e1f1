// SPDX-License-Identifier: MIT
// The views of MODEL.md section 2: `full` (a copy with the given kind weights), `lineage`
// (policies and their lineage edges) and `policy` (policies, lineage edges and `related`
// edges between policies that share a tag, a cluster or a facility).
//
// The policy view is a simple weighted digraph: PageRank and Louvain read it as such. All
// edges of one ordered pair are therefore one edge whose weight is the sum (MODEL.md 5.10:
// a supersedes link plus one shared tag weighs 3 + 1), and that edge keeps the kind of its
// strongest meaning: `supersedes` if the pair has a supersedes link, else `consolidates`,
// `repeals`, `amends`, `implements` in that order, else `related`.
//
// Density (5.15): one tag on 10% of 100,000 policies links 10^8 ordered pairs, so the
// related edges are found per policy u with a sparse accumulator: walk u's tags, clusters and
// facilities, add each co-member's share into a dense array indexed by policy, remember who
// was touched, emit u's edges in order and clear only what was touched. Memory beyond the
// output is O(P); there is never a map keyed by pairs.
#include <algorithm>
#include <cstdint>

#include "policygraph/graph.hpp"

namespace policygraph {
namespace {

// The weight of an edge of this kind in the full graph and the lineage view (5.10).
double kind_weight(const Edge& edge, const ViewWeights& weights) {
  switch (edge.kind) {
    case EdgeKind::supersedes: return weights.supersedes;
    case EdgeKind::consolidates: return weights.consolidates;
    case EdgeKind::repeals: return weights.repeals;
    case EdgeKind::amends: return weights.amends;
    case EdgeKind::implements: return weights.implements;
    case EdgeKind::member_of: return weights.cluster;
    case EdgeKind::tagged: return weights.tag;
    case EdgeKind::related_facility: return weights.facility;
    case EdgeKind::related: break;
  }
  return edge.weight;  // a `related` edge already carries its computed weight
}

// Edges through which two policies are related: both point at the same tag, cluster or
// facility with an edge of this kind.
bool is_sharing(EdgeKind kind) {
  return kind == EdgeKind::tagged || kind == EdgeKind::member_of || kind == EdgeKind::related_facility;
}

Graph copy_of(const Graph& full, const ViewWeights& weights) {
  GraphBuilder builder(full.shared_records());
  // Nodes go in vertex order, so the builder's (kind, id) renumbering keeps every id.
  for (VertexId v : full.vertices()) builder.add_node(full.node(v));
  for (const Edge& edge : full.edges())
    builder.add_edge(edge.source, edge.target, edge.kind, kind_weight(edge, weights));
  return std::move(builder).finish();
}

Graph lineage_view(const Graph& full, const ViewWeights& weights) {
  GraphBuilder builder(full.shared_records());
  for (VertexId v : full.policies()) builder.add_node(full.node(v));
  for (const Edge& edge : full.edges())
    if (is_lineage(edge.kind) && edge.source < full.policy_count() && edge.target < full.policy_count())
      builder.add_edge(edge.source, edge.target, edge.kind, kind_weight(edge, weights));
  return std::move(builder).finish();
}

Graph policy_view(const Graph& full, const ViewWeights& weights, ViewReport& report) {
  const auto policy_count = static_cast<VertexId>(full.policy_count());
  GraphBuilder builder(full.shared_records());
  for (VertexId v : full.policies()) builder.add_node(full.node(v));

  // The accumulator for the current source u, indexed by target policy.
  // Weakest to strongest; `lineage_links` gives the lineage ones in the same order.
  enum class Link : std::uint8_t { none, related, implements, amends, repeals, consolidates, supersedes };
  constexpr EdgeKind lineage_links[] = {EdgeKind::implements, EdgeKind::amends, EdgeKind::repeals,
                                        EdgeKind::consolidates, EdgeKind::supersedes};
  auto link_of = [&](EdgeKind kind) {
    for (std::size_t i = 0; i < std::size(lineage_links); ++i)
      if (lineage_links[i] == kind) return static_cast<Link>(i + 2);
    return Link::related;
  };
  std::vector<double> weight(policy_count, 0.0);
  std::vector<Link> link(policy_count, Link::none);
  std::vector<bool> touched_mark(policy_count, false);
  std::vector<bool> shares(policy_count, false);  // u and v share a tag, cluster or facility
  std::vector<VertexId> touched;
  auto touch = [&](VertexId v, double w, Link kind) {
    if (!touched_mark[v]) {
      touched_mark[v] = true;
      touched.push_back(v);
    }
    weight[v] += w;
    link[v] = std::max(link[v], kind);
  };

  for (VertexId u = 0; u < policy_count; ++u) {
    for (EdgeId e : full.out_edges(u)) {
      const Edge& edge = full.edge(e);
      if (is_lineage(edge.kind)) {
        if (edge.target < policy_count && edge.target != u)
          touch(edge.target, kind_weight(edge, weights), link_of(edge.kind));
      } else if (is_sharing(edge.kind)) {
        const double share = kind_weight(edge, weights);
        for (EdgeId f : full.in_edges(edge.target)) {
          const Edge& other = full.edge(f);
          if (other.kind == edge.kind && other.source < policy_count && other.source != u) {
            touch(other.source, share, Link::related);
            shares[other.source] = true;
          }
        }
      }
    }
    std::sort(touched.begin(), touched.end());
    for (VertexId v : touched) {
      const EdgeKind kind =
          link[v] >= Link::implements ? lineage_links[static_cast<std::uint8_t>(link[v]) - 2] : EdgeKind::related;
      builder.add_edge(u, v, kind, weight[v]);
      if (shares[v] && v > u) ++report.related_pairs;  // each pair once, from its smaller end
      shares[v] = false;
      weight[v] = 0.0;
      link[v] = Link::none;
      touched_mark[v] = false;
    }
    touched.clear();
  }

  return std::move(builder).finish();
}

}  // namespace

std::size_t related_pair_bound(const Graph& full) {
  std::size_t bound = 0;
  for (VertexId hub = static_cast<VertexId>(full.policy_count()); hub < full.node_count(); ++hub) {
    // A facility is shared through related_facility edges, a cluster through member_of, a
    // tag through tagged; count each kind's policy members separately.
    std::size_t members[3] = {0, 0, 0};
    for (EdgeId f : full.in_edges(hub)) {
      const Edge& edge = full.edge(f);
      if (edge.source >= full.policy_count()) continue;
      if (edge.kind == EdgeKind::tagged) ++members[0];
      if (edge.kind == EdgeKind::member_of) ++members[1];
      if (edge.kind == EdgeKind::related_facility) ++members[2];
    }
    for (std::size_t k : members) bound += k * (k - (k > 0 ? 1 : 0)) / 2;
  }
  return bound;
}

Graph make_view(const Graph& full, View view, const ViewWeights& weights, ViewReport* report) {
  ViewReport local;
  ViewReport& out = report ? *report : local;
  out = ViewReport{};
  switch (view) {
    case View::full: return copy_of(full, weights);
    case View::lineage: return lineage_view(full, weights);
    case View::policy: return policy_view(full, weights, out);
  }
  return copy_of(full, weights);
}

}  // namespace policygraph
