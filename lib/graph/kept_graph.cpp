// SPDX-License-Identifier: MIT
// build_graph() over the cache: the full graph of a corpus, kept in a file beside the cache
// of parsed records (`records-<hash>.graph` beside `records-<hash>.cache`).
//
// A warm load hands the records over in a tenth of the time their first parse took, and
// the build of the graph was then as long again as the load (0.8 s of a warm end to end at
// 100,000 policies: the nodes ordered, 1.5 million references looked up, the edges sorted
// and merged). Read back, the graph costs the reading of its bytes and their checks.
//
// The file is one key, the graph's bytes (graph_codec.hpp) and a checksum (kept_file.hpp).
// The key is what the graph depends on: the records (their identity as the cache holds
// them, and their count), the weights of the edges, the library's build (so that a change
// to the builder builds again) and this layout's version. A file whose key or checksum
// differs, or whose bytes do not decode into a graph that fits the records, is built again
// and replaced, without a word.
#include "graph/full_graph.hpp"
#include "graph/graph_codec.hpp"
#include "graph/kept_file.hpp"

namespace policygraph {
namespace {

constexpr std::string_view magic = "policygraph graph\n";
constexpr std::uint32_t format_version = 1;

}  // namespace

Graph build_graph(std::vector<Record> records, const CacheReport& cache, Diagnostics& diagnostics,
                  const ViewWeights& weights) {
  if (cache.records_identity == 0 || cache.graph_file.empty())
    return build_graph(std::move(records), diagnostics, weights);
  std::string key = graph_detail::kept_key(magic, format_version, cache, records.size(), weights);
  auto shared = std::make_shared<const std::vector<Record>>(std::move(records));
  if (std::optional<graph_detail::KeptBytes> bytes = graph_detail::read_kept(cache.graph_file, key))
    if (std::optional<Graph> kept = graph_detail::GraphCodec::read(bytes->body(), shared, diagnostics))
      return std::move(*kept);
  Diagnostics built;
  Graph graph = graph_detail::build_full_graph(shared, built, weights);
  std::string bytes = std::move(key);
  graph_detail::GraphCodec::write(bytes, graph, built);
  graph_detail::keep(cache.graph_file, std::move(bytes));
  diagnostics.insert(diagnostics.end(), built.begin(), built.end());
  return graph;
}

}  // namespace policygraph
