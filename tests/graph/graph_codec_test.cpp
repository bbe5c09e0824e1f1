// SPDX-License-Identifier: MIT
// A built graph read back from its bytes is the same graph over the same records; bytes
// that are not a graph of those records are refused, never a crash.
#include "graph/graph_codec.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <random>

#include "graph/graph_fixture.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;
using graph_detail::GraphCodec;

struct Built {
  std::shared_ptr<const std::vector<Record>> records;
  Graph graph;
  Diagnostics diagnostics;
  std::string bytes;
};

Built built(std::vector<Record> records, const ViewWeights& weights = {}) {
  Built result;
  result.graph = build_graph(std::move(records), result.diagnostics, weights);
  result.records = result.graph.shared_records();
  GraphCodec::write(result.bytes, result.graph, result.diagnostics);
  return result;
}

TEST(GraphCodec, ReadBackIsTheSameGraphOverTheSameRecords) {
  ViewWeights weights;
  weights.amends = 0.1 + 0.2;  // a weight whose last bit matters
  const Built original = built(varied_records(), weights);
  ASSERT_GT(original.graph.edge_count(), 100u);
  ASSERT_FALSE(original.diagnostics.empty());  // a self-reference, ids never described

  Diagnostics diagnostics{Diagnostic{"before.md", 1, 1, Severity::note, "already there"}};
  std::optional<Graph> read = GraphCodec::read(original.bytes, original.records, diagnostics);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(graph_text(*read), graph_text(original.graph));
  EXPECT_EQ(&read->records(), original.records.get());
  ASSERT_EQ(diagnostics.size(), original.diagnostics.size() + 1);
  EXPECT_EQ(diagnostic_lines(Diagnostics(diagnostics.begin() + 1, diagnostics.end())),
            diagnostic_lines(original.diagnostics));
  for (EdgeId e = 0; e < read->edge_count(); ++e) EXPECT_EQ(read->edge(e).weight, original.graph.edge(e).weight);
}

TEST(GraphCodec, AnEmptyGraph) {
  const Built original = built({});
  Diagnostics diagnostics;
  std::optional<Graph> read = GraphCodec::read(original.bytes, original.records, diagnostics);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->node_count(), 0u);
  EXPECT_TRUE(diagnostics.empty());
}

// Every cut of the bytes is refused, and any byte changed gives a refusal or a graph every
// view can trust (the reader's checks; the file's checksum is kept_graph's): under the
// sanitizers, a read past an array would show.
TEST(GraphCodec, CutOrChangedBytesAreRefusedOrSafe) {
  const Built original = built(varied_records(12));
  for (std::size_t length = 0; length < original.bytes.size(); ++length) {
    Diagnostics diagnostics;
    EXPECT_FALSE(GraphCodec::read(original.bytes.substr(0, length), original.records, diagnostics)) << length;
    EXPECT_TRUE(diagnostics.empty());
  }
  std::mt19937 random(7);
  int refused = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string bytes = original.bytes;
    bytes[random() % bytes.size()] = static_cast<char>(random());
    Diagnostics diagnostics;
    std::optional<Graph> read = GraphCodec::read(bytes, original.records, diagnostics);
    if (!read) {
      ++refused;
      continue;
    }
    for (VertexId v : read->vertices()) {
      for (EdgeId e : read->out_edges(v)) ASSERT_EQ(read->edge(e).source, v);
      for (EdgeId e : read->in_edges(v)) ASSERT_EQ(read->edge(e).target, v);
      if (const Record* record = read->record(v)) {
        ASSERT_EQ(record->id, read->node(v).id);
      }
    }
  }
  EXPECT_GT(refused, 1000);
}

// The records a graph is read over must be those it was built from: a record whose id is
// not its node's is refused.
TEST(GraphCodec, OtherRecordsAreRefused) {
  const Built original = built(varied_records());
  std::vector<Record> other = *original.records;
  other[3].id += "x";
  Diagnostics diagnostics;
  EXPECT_FALSE(
      GraphCodec::read(original.bytes, std::make_shared<const std::vector<Record>>(std::move(other)), diagnostics));
  EXPECT_FALSE(GraphCodec::read(original.bytes, std::make_shared<const std::vector<Record>>(), diagnostics));
}

}  // namespace
}  // namespace policygraph
