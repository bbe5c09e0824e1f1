// SPDX-License-Identifier: MIT
// The walk of a cold load alone: lists a corpus folder's record files REPEAT times in one
// process (the first run warms the kernel's caches of the folders) and prints each run's
// time and their median, in milliseconds. BENCHMARKS.md quotes it.
//
//   policygraph_bench_walk CORPUS [--repeat N] [--threads N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "records/corpus_walker.hpp"
#include "support/for_each_index.hpp"

int main(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "--help") {
    std::fprintf(argc < 2 ? stderr : stdout, "usage: policygraph_bench_walk CORPUS [--repeat N] [--threads N]\n");
    return argc < 2 ? 2 : 0;
  }
  int repeat = 7;
  unsigned threads = policygraph::support::default_threads();
  for (int i = 2; i < argc; i += 2) {
    const std::string option = argv[i];
    if (i + 1 == argc) {
      std::fprintf(stderr, "policygraph_bench_walk: %s needs a number\n", option.c_str());
      return 2;
    }
    if (option == "--repeat") {
      repeat = std::max(1, std::atoi(argv[i + 1]));
    } else if (option == "--threads") {
      threads = static_cast<unsigned>(std::max(1, std::atoi(argv[i + 1])));
    } else {
      std::fprintf(stderr, "policygraph_bench_walk: unknown option %s\n", option.c_str());
      return 2;
    }
  }
  std::vector<double> times;
  std::size_t files = 0;
  for (int run = 0; run < repeat; ++run) {
    policygraph::Diagnostics diagnostics;
    const auto start = std::chrono::steady_clock::now();
    files = policygraph::records::list_corpus_files(argv[1], false, threads, diagnostics).files.size();
    times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    std::printf("run %d: %.1f ms\n", run + 1, times.back());
  }
  std::sort(times.begin(), times.end());
  std::printf("%zu files, %u threads: median %.1f ms\n", files, threads, times[times.size() / 2]);
  return 0;
}
