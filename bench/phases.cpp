// SPDX-License-Identifier: MIT
// Where the time goes: loads a corpus and times each pass of the pipeline on its own —
// load, build, each view, each algorithm, a replaced-by query, each export format (with the
// size of what it writes) — and prints one JSON object. bench/run.sh puts it beside the
// NetworkX baseline; it is also the profile BENCHMARKS.md quotes.
//
//   policygraph_bench_phases CORPUS [--betweenness-sample K] [--skip-exports] [--export FORMAT] [--cache]
//
// The load is cold (every file parsed, no cache read or written) unless --cache is given.
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "policygraph/policygraph.hpp"

namespace {

using Clock = std::chrono::steady_clock;

// Runs `work` once and returns its wall time in seconds.
template <typename Work>
double seconds(Work&& work) {
  auto start = Clock::now();
  work();
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Counts bytes without keeping them, so a 1 GB export does not cost 1 GB of memory here.
class CountingBuffer : public std::streambuf {
 public:
  std::size_t bytes = 0;

 protected:
  int_type overflow(int_type c) override {
    if (c != traits_type::eof()) ++bytes;
    return c;
  }
  std::streamsize xsputn(const char*, std::streamsize n) override {
    bytes += static_cast<std::size_t>(n);
    return n;
  }
};

}  // namespace

int main(int argc, char** argv) {
  using namespace policygraph;
  constexpr const char* usage =
      "usage: policygraph_bench_phases CORPUS [--betweenness-sample K] [--skip-exports] [--export FORMAT] [--cache]\n";
  const std::string first = argc >= 2 ? argv[1] : "";
  if (argc < 2 || first == "--help" || first == "-h") {
    (argc < 2 ? std::cerr : std::cout) << usage;
    return argc < 2 ? 2 : 0;
  }
  std::size_t sample = 100;
  bool exports = true;
  bool cache = false;
  std::string only_format;  // --export FORMAT: time that one alone (a profile of it)
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--betweenness-sample" && i + 1 < argc) {
      sample = std::strtoul(argv[++i], nullptr, 10);
    } else if (arg == "--skip-exports") {
      exports = false;
    } else if (arg == "--export" && i + 1 < argc) {
      only_format = argv[++i];
    } else if (arg == "--cache") {
      cache = true;
    } else {
      std::cerr << "policygraph_bench_phases: unknown option " << arg << "\n" << usage;
      return 2;
    }
  }

  nlohmann::ordered_json report;
  Corpus corpus;
  LoadOptions load;
  load.use_cache = cache;
  report["load"] = seconds([&] { corpus = load_corpus(argv[1], load); });
  report["files"] = corpus.files_read;
  report["records"] = corpus.records.size();
  Diagnostics diagnostics = std::move(corpus.diagnostics);
  Graph graph;
  report["build"] = seconds([&] { graph = build_graph(std::move(corpus.records), diagnostics); });
  report["nodes"] = graph.node_count();
  report["edges"] = graph.edge_count();

  Graph policy_view;
  ViewReport view_report;
  report["policy_view"] = seconds([&] { policy_view = make_view(graph, View::policy, {}, &view_report); });
  report["policy_view_edges"] = policy_view.edge_count();

  std::string first_policy = graph.policy_count() ? graph.node(0).id : "";
  report["replaced_by"] = seconds([&] {
    if (auto v = graph.find(NodeKind::policy, first_policy)) (void)replaced_by(graph, *v);
  });

  PageRankResult ranks;
  report["pagerank"] = seconds([&] { ranks = pagerank(policy_view); });
  report["pagerank_iterations"] = ranks.iterations;
  report["betweenness_sampled"] = seconds([&] { (void)betweenness(policy_view, {.sample_sources = sample}); });
  report["betweenness_sources"] = sample;
  report["components"] = seconds([&] { (void)weakly_connected_components(policy_view); });
  LouvainResult communities;
  report["louvain"] = seconds([&] { communities = louvain(policy_view, {.seed = 0}); });
  report["modularity"] = communities.modularity;

  if (exports) {
    NodeMetrics metrics;
    metrics.pagerank = ranks.scores;
    metrics.community = communities.partition.of;
    ExportOptions options;
    options.metrics = &metrics;
    for (ExportFormat format :
         {ExportFormat::graphml, ExportFormat::gexf, ExportFormat::json, ExportFormat::csv, ExportFormat::dot}) {
      CountingBuffer counter;
      std::ostream out(&counter);
      std::string name(to_string(format));
      if (!only_format.empty() && name != only_format) continue;
      report["export_" + name] = seconds([&] { export_to_stream(format, out, graph, options); });
      report["export_" + name + "_bytes"] = counter.bytes;
    }
  }
  std::cout << report.dump(2) << '\n';
  return 0;
}
