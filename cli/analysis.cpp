// SPDX-License-Identifier: MIT
#include "analysis.hpp"

#include "exit_codes.hpp"
#include "options.hpp"
#include "policygraph/communities.hpp"
#include "policygraph/did_you_mean.hpp"
#include "policygraph/influence.hpp"
#include "policygraph/lineage.hpp"

namespace policygraph::cli {

MetricRequest parse_metric_names(const std::vector<std::string>& names) {
  const std::vector<std::string>& known = choices_of("--metrics");
  MetricRequest request;
  bool all = names.empty();
  for (const auto& name : names) {
    if (name == "all" || name.empty())
      all = true;
    else if (name == "pagerank")
      request.pagerank = true;
    else if (name == "betweenness")
      request.betweenness = true;
    else if (name == "component")
      request.component = true;
    else if (name == "community")
      request.community = true;
    else if (name == "generation")
      request.generation = true;
    else {
      const std::string hint = did_you_mean(name, known);
      throw usage_error("--metrics: unknown metric '" + name + "'" + (hint.empty() ? "" : "; " + hint) +
                        " (all, pagerank, betweenness, component, community, generation)");
    }
  }
  if (all) request.pagerank = request.betweenness = request.component = request.community = request.generation = true;
  return request;
}

NodeMetrics compute_metrics(const Graph& full, const ViewWeights& weights, const MetricRequest& request) {
  NodeMetrics metrics;
  Graph policy_view = make_view(full, View::policy, weights);
  if (request.pagerank) metrics.pagerank = pagerank(policy_view).scores;
  if (request.betweenness) {
    BetweennessOptions options{.sample_sources = request.betweenness_sample, .seed = request.seed};
    metrics.betweenness = betweenness(policy_view, options).scores;
  }
  if (request.component) metrics.component = weakly_connected_components(policy_view).of;
  if (request.community) metrics.community = louvain(policy_view, {.seed = request.seed}).partition.of;
  if (request.generation && request.focus) {
    std::vector<std::int32_t> generation(full.policy_count(), 0);
    std::vector<bool> member(full.policy_count(), false);
    for (const auto& entry : lineage(full, *request.focus).members) {
      generation[entry.policy] = entry.generation;
      member[entry.policy] = true;
    }
    // Policies outside the focus's lineage have no generation; exporters leave the value out.
    for (VertexId v = 0; v < generation.size(); ++v)
      if (!member[v]) generation[v] = NodeMetrics::no_generation;
    metrics.generation = std::move(generation);
  }
  return metrics;
}

}  // namespace policygraph::cli
