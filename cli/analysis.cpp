// SPDX-License-Identifier: MIT
#include "analysis.hpp"

#include <exception>
#include <functional>
#include <future>

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

// The metrics do not depend on one another, and each runs on one core: each gets a thread
// of its own, so that on two cores PageRank costs nothing beside Louvain (at 100,000
// policies: 0.3 s beside 1 s). Each thread writes its own member of the result.
NodeMetrics compute_metrics(const Graph& full, const ViewWeights& weights, const MetricRequest& request) {
  NodeMetrics metrics;
  const Graph policy_view = make_view(full, View::policy, weights);
  std::vector<std::future<void>> running;
  auto start = [&](bool wanted, std::function<void()> compute) {
    if (wanted) running.push_back(std::async(std::launch::async, std::move(compute)));
  };
  start(request.pagerank, [&] { metrics.pagerank = pagerank(policy_view).scores; });
  start(request.betweenness, [&] {
    BetweennessOptions options{.sample_sources = request.betweenness_sample, .seed = request.seed};
    metrics.betweenness = betweenness(policy_view, options).scores;
  });
  start(request.component, [&] { metrics.component = weakly_connected_components(policy_view).of; });
  start(request.community, [&] { metrics.community = louvain(policy_view, {.seed = request.seed}).partition.of; });
  start(request.generation && request.focus.has_value(), [&] {
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
  });
  // Every thread is waited for before the first failure, if any, is thrown again.
  std::exception_ptr failure;
  for (auto& metric : running) {
    try {
      metric.get();
    } catch (...) {
      if (!failure) failure = std::current_exception();
    }
  }
  if (failure) std::rethrow_exception(failure);
  return metrics;
}

}  // namespace policygraph::cli
