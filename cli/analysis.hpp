// SPDX-License-Identifier: MIT
// The analysis pass shared by `influence`, `clusters` and `export --metrics`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "policygraph/graph.hpp"
#include "policygraph/loader.hpp"
#include "policygraph/metrics.hpp"

namespace policygraph::cli {

struct MetricRequest {
  bool pagerank = false;
  bool betweenness = false;
  bool component = false;
  bool community = false;
  bool generation = false;
  std::optional<std::size_t> betweenness_sample;
  std::uint64_t seed = 0;
  std::optional<VertexId> focus;  ///< generation is relative to it
};

/// Parses `--metrics` values ("all", or names); throws a usage error naming the bad one.
MetricRequest parse_metric_names(const std::vector<std::string>& names);

/// What the metrics compute_metrics() keeps depend on besides the graph and the weights
/// (which metrics, the seed, the betweenness sample): the words of their key.
std::string kept_parameters(const MetricRequest& request);

/// Computes the requested metrics on the `policy` view of `full`, or reads them where they
/// were kept beside `cache` (the session's load) for the same graph and request; computed,
/// they are kept there for the next run. Without a cache (nullptr), computes them.
NodeMetrics compute_metrics(const Graph& full, const ViewWeights& weights, const MetricRequest& request,
                            const CacheReport* cache = nullptr);

}  // namespace policygraph::cli
