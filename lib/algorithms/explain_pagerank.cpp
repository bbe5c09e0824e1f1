// SPDX-License-Identifier: MIT
// Where a policy's PageRank comes from (explain_pagerank in influence.hpp).
//
// PageRank's last step (pagerank.cpp) computed the policy's score from the previous iterate
// x' as a sum of parts: the teleport (1 − α)/N, the dangling share α D/N, and one term
// α x'[u] w(u→v)/out(u) per in-edge of the policy view. Recomputing those terms from x' gives
// back the score to rounding, with no iteration left out.
//
// A view edge u→v is the sum of everything that links the pair in the full graph (views.cpp,
// MODEL.md 5.10): the weight of each lineage edge u→v, plus tag_weight per tag both carry,
// cluster_weight per cluster both are members of, facility_weight per facility both are
// related to. Each of those is a part of its own, computed from the full graph as the view
// computed it, so the parts of one edge add up to its weight.
#include <algorithm>
#include <array>
#include <cstdint>

#include "policygraph/influence.hpp"

namespace policygraph {
namespace {

// The lineage kinds in the order of RankSource.
constexpr std::array<EdgeKind, 5> lineage_kinds{EdgeKind::supersedes, EdgeKind::consolidates, EdgeKind::repeals,
                                                EdgeKind::amends, EdgeKind::implements};
// The edges through which two policies share something, in the order of RankSource.
constexpr std::array<EdgeKind, 3> sharing_kinds{EdgeKind::tagged, EdgeKind::member_of, EdgeKind::related_facility};

double lineage_weight(EdgeKind kind, const ViewWeights& weights) {
  switch (kind) {
    case EdgeKind::supersedes: return weights.supersedes;
    case EdgeKind::consolidates: return weights.consolidates;
    case EdgeKind::repeals: return weights.repeals;
    case EdgeKind::amends: return weights.amends;
    case EdgeKind::implements: return weights.implements;
    default: return 0.0;
  }
}

double sharing_weight(std::size_t index, const ViewWeights& weights) {
  const double per_item[] = {weights.tag, weights.cluster, weights.facility};
  return per_item[index];
}

RankSource lineage_source(EdgeKind kind) {
  const auto at = std::find(lineage_kinds.begin(), lineage_kinds.end(), kind) - lineage_kinds.begin();
  return static_cast<RankSource>(at);
}

RankSource sharing_source(std::size_t index) {
  return static_cast<RankSource>(static_cast<std::size_t>(RankSource::shared_tag) + index);
}

// The tags, clusters and facilities of `policy` in the full graph, each list sorted.
std::array<std::vector<VertexId>, 3> shared_things_of(const Graph& full, VertexId policy) {
  std::array<std::vector<VertexId>, 3> things;
  for (EdgeId e : full.out_edges(policy)) {
    const Edge& edge = full.edge(e);
    for (std::size_t i = 0; i < sharing_kinds.size(); ++i)
      if (edge.kind == sharing_kinds[i]) things[i].push_back(edge.target);
  }
  for (auto& list : things) std::sort(list.begin(), list.end());
  return things;
}

}  // namespace

std::string_view to_string(RankSource source) {
  switch (source) {
    case RankSource::supersedes: return "supersedes";
    case RankSource::consolidates: return "consolidates";
    case RankSource::repeals: return "repeals";
    case RankSource::amends: return "amends";
    case RankSource::implements: return "implements";
    case RankSource::shared_tag: return "shared_tag";
    case RankSource::shared_cluster: return "shared_cluster";
    case RankSource::shared_facility: return "shared_facility";
    case RankSource::teleport: return "teleport";
    case RankSource::dangling: return "dangling";
  }
  return "teleport";
}

PageRankExplanation explain_pagerank(const Graph& full, const Graph& policy_view, const PageRankResult& ranks,
                                     VertexId policy, const ViewWeights& weights, const PageRankOptions& options) {
  PageRankExplanation result;
  result.policy = policy;
  result.pagerank = ranks.scores.at(policy);
  result.damping = options.damping;
  result.vertex_count = policy_view.node_count();
  const std::vector<double>& previous = ranks.previous_scores.empty() ? ranks.scores : ranks.previous_scores;
  const double alpha = options.damping;
  const double n = static_cast<double>(result.vertex_count);

  auto out_weight = [&](VertexId u) {
    double sum = 0.0;
    for (EdgeId e : policy_view.out_edges(u)) sum += policy_view.edge(e).weight;
    return sum;
  };

  double dangling_rank = 0.0;
  for (VertexId u : policy_view.vertices()) {
    if (out_weight(u) > 0.0) continue;
    dangling_rank += previous[u];
    ++result.dangling_count;
  }

  const auto things = shared_things_of(full, policy);
  for (EdgeId e : policy_view.in_edges(policy)) {
    const VertexId from = policy_view.edge(e).source;
    const double total_out = out_weight(from);
    if (total_out <= 0.0) continue;  // a dangling vertex's rank is in the dangling share
    const double per_weight = alpha * previous[from] / total_out;
    auto add = [&](RankSource source, double weight) {
      if (weight > 0.0 && per_weight > 0.0) result.contributions.push_back({from, source, per_weight * weight});
    };

    std::array<double, 5> lineage{};
    std::array<std::size_t, 3> shared{};
    for (EdgeId f : full.out_edges(from)) {
      const Edge& edge = full.edge(f);
      if (is_lineage(edge.kind)) {
        if (edge.target == policy)
          lineage[static_cast<std::size_t>(lineage_source(edge.kind))] += lineage_weight(edge.kind, weights);
        continue;
      }
      for (std::size_t i = 0; i < sharing_kinds.size(); ++i)
        if (edge.kind == sharing_kinds[i] && std::binary_search(things[i].begin(), things[i].end(), edge.target))
          ++shared[i];
    }
    for (std::size_t i = 0; i < lineage.size(); ++i) add(static_cast<RankSource>(i), lineage[i]);
    for (std::size_t i = 0; i < shared.size(); ++i)
      add(sharing_source(i), static_cast<double>(shared[i]) * sharing_weight(i, weights));
  }

  if (n > 0) {
    if (dangling_rank > 0.0)
      result.contributions.push_back({std::nullopt, RankSource::dangling, alpha * dangling_rank / n});
    result.contributions.push_back({std::nullopt, RankSource::teleport, (1.0 - alpha) / n});
  }
  std::stable_sort(result.contributions.begin(), result.contributions.end(),
                   [](const RankContribution& a, const RankContribution& b) {
                     if (a.amount != b.amount) return a.amount > b.amount;
                     if (a.from.has_value() != b.from.has_value()) return a.from.has_value();
                     if (a.from != b.from) return *a.from < *b.from;
                     return a.source < b.source;
                   });
  return result;
}

std::vector<RankSourceTotal> totals_by_source(const PageRankExplanation& explanation) {
  constexpr std::size_t source_count = static_cast<std::size_t>(RankSource::dangling) + 1;
  std::vector<RankSourceTotal> totals(source_count);
  for (std::size_t i = 0; i < source_count; ++i) totals[i].source = static_cast<RankSource>(i);
  std::vector<bool> present(source_count, false);
  for (const RankContribution& part : explanation.contributions) {
    RankSourceTotal& total = totals[static_cast<std::size_t>(part.source)];
    present[static_cast<std::size_t>(part.source)] = true;
    total.amount += part.amount;
    if (part.from) total.from.push_back(*part.from);
  }
  std::vector<RankSourceTotal> result;
  for (std::size_t i = 0; i < source_count; ++i) {
    if (!present[i]) continue;
    std::sort(totals[i].from.begin(), totals[i].from.end());
    totals[i].from.erase(std::unique(totals[i].from.begin(), totals[i].from.end()), totals[i].from.end());
    result.push_back(std::move(totals[i]));
  }
  std::stable_sort(result.begin(), result.end(),
                   [](const RankSourceTotal& a, const RankSourceTotal& b) { return a.amount > b.amount; });
  return result;
}

}  // namespace policygraph
