// SPDX-License-Identifier: MIT
// compute_metrics() with the session's cache: computed and kept the first time, read back the
// next (planted values show which route was taken), a kept generation never used.
#include <gtest/gtest.h>

#include <filesystem>

#include "analysis.hpp"
#include "cli_fixture.hpp"
#include "policygraph/loader.hpp"

namespace policygraph::cli::testing {
namespace {

namespace fs = std::filesystem;

struct CachedGraph {
  explicit CachedGraph(const TempCorpus& corpus) {
    LoadOptions options;
    options.use_cache = true;
    options.cache_folder = fs::path(corpus.path()) / ".cache";
    Corpus loaded = load_corpus(corpus.path(), options);
    cache = loaded.cache;
    Diagnostics diagnostics;
    graph = build_graph(std::move(loaded.records), cache, diagnostics);
  }
  CacheReport cache;
  Graph graph;
};

TEST(ComputeMetrics, KeptOnceThenReadBackWithoutAKeptGeneration) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  const CachedGraph cached(corpus);
  ASSERT_NE(cached.cache.records_identity, 0U);
  MetricRequest request;
  request.pagerank = true;
  request.community = true;
  const NodeMetrics computed = compute_metrics(cached.graph, {}, request, nullptr);
  ASSERT_TRUE(computed.pagerank && computed.community);
  for (const char* run : {"keeps", "reads"}) {
    const NodeMetrics metrics = compute_metrics(cached.graph, {}, request, &cached.cache);
    EXPECT_EQ(metrics.pagerank, computed.pagerank) << run;
    EXPECT_EQ(metrics.community, computed.community) << run;
    EXPECT_FALSE(metrics.generation.has_value()) << run;
  }

  // Planted under the request's key, a generation with them: the values are read, not
  // computed; the generation is dropped, none being asked for.
  NodeMetrics planted;
  planted.pagerank = std::vector<double>(computed.pagerank->size(), 0.125);
  planted.community = std::vector<std::uint32_t>(computed.community->size(), 9);
  planted.generation = std::vector<std::int32_t>(computed.pagerank->size(), 4);
  keep_metrics(cached.graph, cached.cache, {}, kept_parameters(request), planted);
  const NodeMetrics read = compute_metrics(cached.graph, {}, request, &cached.cache);
  EXPECT_EQ(read.pagerank, planted.pagerank);
  EXPECT_EQ(read.community, planted.community);
  EXPECT_FALSE(read.generation.has_value());

  // Another request is another key: computed, not the planted values.
  MetricRequest pagerank_only;
  pagerank_only.pagerank = true;
  EXPECT_EQ(compute_metrics(cached.graph, {}, pagerank_only, &cached.cache).pagerank, computed.pagerank);
}

}  // namespace
}  // namespace policygraph::cli::testing
