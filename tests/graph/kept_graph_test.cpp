// SPDX-License-Identifier: MIT
// build_graph() over the cache: the graph is kept beside the cache and read back while its
// key holds (the records' identity and count, the weights, the build), built again and kept
// anew when any part of it changes or the file is damaged, and only built where it cannot be
// kept. Whatever the route, the graph and diagnostics are build_graph()'s.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "graph/graph_fixture.hpp"
#include "policygraph/loader.hpp"
#include "records/temp_corpus.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;
namespace fs = std::filesystem;

class KeptGraph : public ::testing::Test {
 protected:
  CacheReport cache_report(std::uint64_t identity) const {
    CacheReport report;
    report.records_identity = identity;
    report.graph_file = folder.root() / "records-0.graph";
    return report;
  }
  // Builds through the cache and checks the result against a plain build of the same records.
  Graph kept_build(const std::vector<Record>& records, const CacheReport& report, const ViewWeights& weights = {}) {
    Diagnostics kept_diagnostics, plain_diagnostics;
    Graph kept = build_graph(records, report, kept_diagnostics, weights);
    Graph plain = build_graph(records, plain_diagnostics, weights);
    EXPECT_EQ(graph_text(kept), graph_text(plain));
    EXPECT_EQ(diagnostic_lines(kept_diagnostics), diagnostic_lines(plain_diagnostics));
    return kept;
  }
  std::string file_bytes() const {
    std::ifstream in(cache_report(1).graph_file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  TempCorpus folder;  // a temporary folder for the cache's files
};

std::string label_of_p0(const Graph& graph) { return graph.node(vertex(graph, "p0")).label; }

// Records renamed but keeping their ids and count: a graph read back from the file carries the
// labels it was built with, so which route was taken shows.
std::vector<Record> relabelled(std::vector<Record> records) {
  for (Record& record : records) record.label += " (relabelled)";
  return records;
}

TEST_F(KeptGraph, KeptOnceThenReadBack) {
  const std::vector<Record> records = varied_records();
  kept_build(records, cache_report(42));
  ASSERT_TRUE(fs::exists(cache_report(42).graph_file));
  const std::string kept_bytes = file_bytes();

  // The same identity says the same records: the graph is read, not built (the labels show it).
  Diagnostics diagnostics;
  Graph read = build_graph(relabelled(records), cache_report(42), diagnostics);
  EXPECT_EQ(label_of_p0(read), records[0].label);
  EXPECT_EQ(file_bytes(), kept_bytes);
  Diagnostics plain_diagnostics;
  EXPECT_EQ(diagnostic_lines(diagnostics),
            diagnostic_lines((build_graph(records, plain_diagnostics), plain_diagnostics)));
}

TEST_F(KeptGraph, AnyPartOfTheKeyChangedBuildsAgain) {
  const std::vector<Record> records = varied_records();
  kept_build(records, cache_report(42));
  // Another identity: the records changed.
  Graph other_records = kept_build(relabelled(records), cache_report(43));
  EXPECT_EQ(label_of_p0(other_records), records[0].label + " (relabelled)");
  // The file now holds the new one, read back as such.
  Diagnostics diagnostics;
  EXPECT_EQ(label_of_p0(build_graph(records, cache_report(43), diagnostics)), records[0].label + " (relabelled)");
  // Other weights.
  ViewWeights weights;
  weights.implements = 5;
  Graph weighted = kept_build(records, cache_report(43), weights);
  EXPECT_EQ(label_of_p0(weighted), records[0].label);
  // Another count of records under the same identity (never from a real cache; the key holds it anyway).
  std::vector<Record> fewer = records;
  fewer.pop_back();
  kept_build(fewer, cache_report(43), weights);
}

TEST_F(KeptGraph, EveryDamagedByteIsBuiltAgainAndReplaced) {
  const std::vector<Record> records = varied_records(8);
  kept_build(records, cache_report(7));
  const std::string good = file_bytes();
  for (std::size_t i = 0; i < good.size(); i += 1 + good.size() / 300) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x20);
    std::ofstream(cache_report(7).graph_file, std::ios::binary | std::ios::trunc) << bad;
    Graph graph = kept_build(relabelled(records), cache_report(7));
    EXPECT_EQ(label_of_p0(graph), records[0].label + " (relabelled)") << "byte " << i;
    std::ofstream(cache_report(7).graph_file, std::ios::binary | std::ios::trunc) << good;
  }
  fs::resize_file(cache_report(7).graph_file, good.size() / 2);
  kept_build(records, cache_report(7));
  EXPECT_EQ(file_bytes(), good);
}

TEST_F(KeptGraph, NoIdentityOrNoPlaceIsAPlainBuild) {
  const std::vector<Record> records = varied_records(8);
  kept_build(records, cache_report(0));
  EXPECT_TRUE(fs::is_empty(folder.root()));
  CacheReport nowhere = cache_report(9);
  nowhere.graph_file = folder.root() / "missing" / "records-0.graph";
  kept_build(records, nowhere);
  EXPECT_TRUE(fs::is_empty(folder.root()));  // nothing made, not even a temporary
}

}  // namespace
}  // namespace policygraph
