// SPDX-License-Identifier: MIT
// read_kept_metrics() and keep_metrics(): the metrics kept beside the kept graph are read
// back to the last bit while their key holds (the records' identity and count, the weights,
// the caller's parameters, the build), and never when any part of it changed, the file is
// damaged, or there is no cache to keep them beside.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <fstream>
#include <iterator>

#include "graph/graph_fixture.hpp"
#include "policygraph/loader.hpp"
#include "policygraph/metrics.hpp"
#include "records/temp_corpus.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;
namespace fs = std::filesystem;

class KeptMetrics : public ::testing::Test {
 protected:
  CacheReport cache_report(std::uint64_t identity) const {
    CacheReport report;
    report.records_identity = identity;
    report.graph_file = folder.root() / "records-0.graph";
    return report;
  }
  fs::path metrics_file() const { return folder.root() / "records-0.metrics"; }
  std::string file_bytes() const {
    std::ifstream in(metrics_file(), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  TempCorpus folder;  // a temporary folder for the kept files
  // Before `full`, which is built into it: members are made in the order they are declared.
  Diagnostics build_diagnostics;
  Graph full = build_graph(varied_records(12), build_diagnostics);
};

// Values no computation here would give, so that a read shows they were kept, not made.
NodeMetrics planted() {
  NodeMetrics metrics;
  metrics.pagerank = std::vector<double>{0.1, 1.0 / 3.0, -0.0, std::nextafter(1.0, 2.0)};
  metrics.community = std::vector<std::uint32_t>{0, 7, UINT32_MAX};
  metrics.generation = std::vector<std::int32_t>{-3, NodeMetrics::no_generation, 2};
  return metrics;  // betweenness and component absent
}

void expect_same(const NodeMetrics& read, const NodeMetrics& kept) {
  ASSERT_EQ(read.pagerank.has_value(), kept.pagerank.has_value());
  if (kept.pagerank) {
    ASSERT_EQ(read.pagerank->size(), kept.pagerank->size());
    for (std::size_t i = 0; i < kept.pagerank->size(); ++i)  // bit for bit: -0.0 is not 0.0
      EXPECT_EQ(std::bit_cast<std::uint64_t>((*read.pagerank)[i]), std::bit_cast<std::uint64_t>((*kept.pagerank)[i]));
  }
  EXPECT_EQ(read.betweenness, kept.betweenness);
  EXPECT_EQ(read.component, kept.component);
  EXPECT_EQ(read.community, kept.community);
  EXPECT_EQ(read.generation, kept.generation);
}

TEST_F(KeptMetrics, KeptOnceThenReadBackBitForBit) {
  EXPECT_FALSE(read_kept_metrics(full, cache_report(42), {}, "pagerank").has_value());  // nothing kept yet
  keep_metrics(full, cache_report(42), {}, "pagerank", planted());
  ASSERT_TRUE(fs::exists(metrics_file()));
  const std::optional<NodeMetrics> read = read_kept_metrics(full, cache_report(42), {}, "pagerank");
  ASSERT_TRUE(read.has_value());
  expect_same(*read, planted());
  // Every metric present, none empty or absent alike.
  NodeMetrics all;
  all.pagerank = std::vector<double>{};
  all.betweenness = std::vector<double>{0.25};
  all.component = std::vector<std::uint32_t>{3, 3};
  all.community = std::vector<std::uint32_t>{};
  keep_metrics(full, cache_report(42), {}, "all", all);
  expect_same(*read_kept_metrics(full, cache_report(42), {}, "all"), all);
}

TEST_F(KeptMetrics, AnyPartOfTheKeyChangedIsNotRead) {
  keep_metrics(full, cache_report(42), {}, "pagerank seed=1", planted());
  ASSERT_TRUE(read_kept_metrics(full, cache_report(42), {}, "pagerank seed=1").has_value());
  EXPECT_FALSE(read_kept_metrics(full, cache_report(43), {}, "pagerank seed=1").has_value());  // other records
  EXPECT_FALSE(read_kept_metrics(full, cache_report(42), {}, "pagerank seed=2").has_value());  // other parameters
  EXPECT_FALSE(read_kept_metrics(full, cache_report(42), {}, "pagerank seed=").has_value());
  ViewWeights weights;
  weights.tag = 1.5;
  EXPECT_FALSE(read_kept_metrics(full, cache_report(42), weights, "pagerank seed=1").has_value());
  Diagnostics diagnostics;
  const Graph fewer = build_graph(varied_records(11), diagnostics);  // another count of records
  EXPECT_FALSE(read_kept_metrics(fewer, cache_report(42), {}, "pagerank seed=1").has_value());
  // One set is kept: the last.
  keep_metrics(full, cache_report(42), {}, "pagerank seed=2", NodeMetrics{});
  EXPECT_FALSE(read_kept_metrics(full, cache_report(42), {}, "pagerank seed=1").has_value());
  EXPECT_TRUE(read_kept_metrics(full, cache_report(42), {}, "pagerank seed=2").has_value());
}

TEST_F(KeptMetrics, EveryDamagedByteIsNotRead) {
  keep_metrics(full, cache_report(7), {}, "pagerank", planted());
  const std::string good = file_bytes();
  for (std::size_t i = 0; i < good.size(); ++i) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x20);
    std::ofstream(metrics_file(), std::ios::binary | std::ios::trunc) << bad;
    EXPECT_FALSE(read_kept_metrics(full, cache_report(7), {}, "pagerank").has_value()) << "byte " << i;
  }
  for (std::size_t length : {std::size_t{0}, good.size() / 2, good.size() - 1}) {
    std::ofstream(metrics_file(), std::ios::binary | std::ios::trunc) << good.substr(0, length);
    EXPECT_FALSE(read_kept_metrics(full, cache_report(7), {}, "pagerank").has_value()) << length << " bytes";
  }
  std::ofstream(metrics_file(), std::ios::binary | std::ios::trunc) << good;
  EXPECT_TRUE(read_kept_metrics(full, cache_report(7), {}, "pagerank").has_value());
}

TEST_F(KeptMetrics, NoIdentityOrNoPlaceKeepsNothing) {
  keep_metrics(full, cache_report(0), {}, "pagerank", planted());
  EXPECT_TRUE(fs::is_empty(folder.root()));
  EXPECT_FALSE(read_kept_metrics(full, cache_report(0), {}, "pagerank").has_value());
  CacheReport nowhere = cache_report(9);
  nowhere.graph_file = folder.root() / "missing" / "records-0.graph";
  keep_metrics(full, nowhere, {}, "pagerank", planted());
  EXPECT_TRUE(fs::is_empty(folder.root()));  // nothing made, not even a temporary
  CacheReport no_graph_file = cache_report(9);
  no_graph_file.graph_file.clear();
  keep_metrics(full, no_graph_file, {}, "pagerank", planted());
  EXPECT_TRUE(fs::is_empty(folder.root()));
}

}  // namespace
}  // namespace policygraph
