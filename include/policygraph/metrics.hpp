// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <vector>

namespace policygraph {

class Graph;
struct CacheReport;
struct ViewWeights;

/// Computed values that exporters write as node attributes. Each vector is indexed by the
/// vertex ids of the graph it was computed on; since every view keeps the policy ids
/// (see Graph), a vector over the `policy` view applies to the policy nodes of any view.
/// A vertex beyond a vector's end has no value.
struct NodeMetrics {
  std::optional<std::vector<double>> pagerank;
  std::optional<std::vector<double>> betweenness;
  std::optional<std::vector<std::uint32_t>> component;
  std::optional<std::vector<std::uint32_t>> community;
  /// Relative to a focus policy; `no_generation` for policies outside its lineage.
  std::optional<std::vector<std::int32_t>> generation;

  /// The generation of a policy that is neither an ancestor nor a descendant of the focus.
  static constexpr std::int32_t no_generation = std::numeric_limits<std::int32_t>::min();
};

/// Metrics computed on a graph that build_graph() kept beside the cache (`full`, built with
/// `weights` from the records of the load that left `cache`), kept beside it too
/// (`records-<hash>.metrics`), so that the next run on the same records reads them instead of
/// computing them again: PageRank and Louvain on the policy view of 100,000 policies take a
/// second and more. `parameters` is whatever else they depend on (which metrics, a seed),
/// in the caller's words, compared byte for byte. Nullopt when nothing is kept for that key
/// (another corpus, weights, parameters or build of the library), when the file is damaged,
/// or without such a cache (`cache.records_identity` 0).
std::optional<NodeMetrics> read_kept_metrics(const Graph& full, const CacheReport& cache, const ViewWeights& weights,
                                             std::string_view parameters);
/// Keeps `metrics` for read_kept_metrics() with the same key, replacing what was kept (one
/// set: the last computed). Best effort: metrics that cannot be kept are computed next time.
void keep_metrics(const Graph& full, const CacheReport& cache, const ViewWeights& weights, std::string_view parameters,
                  const NodeMetrics& metrics);

}  // namespace policygraph
