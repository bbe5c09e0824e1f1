// SPDX-License-Identifier: MIT
// Runs the command line in-process on a small corpus written into a temporary folder.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "run.hpp"

namespace policygraph::cli::testing {

struct Result {
  int code = 0;
  std::string out;
  std::string err;
};

inline Result run_cli(std::vector<std::string> args) {
  std::ostringstream out;
  std::ostringstream err;
  Terminal plain;  // not a terminal: no colour, width 100
  int code = run(args, out, err, plain);
  return {code, out.str(), err.str()};
}

/// run_cli() on the corpus in `folder`, without the cache: `args`, then -C FOLDER --no-cache.
inline Result run_on(const std::string& folder, std::vector<std::string> args) {
  args.insert(args.end(), {"-C", folder, "--no-cache"});
  return run_cli(std::move(args));
}

/// The JSON a run wrote on stdout; a run that failed fails the test.
inline nlohmann::json json_of(const Result& result) {
  EXPECT_EQ(result.code, 0) << result.err;
  return nlohmann::json::parse(result.out);
}

/// The "id" of each entry of a JSON list, in its order.
inline std::vector<std::string> ids_of(const nlohmann::json& entries) {
  std::vector<std::string> ids;
  for (const auto& entry : entries) ids.push_back(entry["id"].get<std::string>());
  return ids;
}

/// A corpus folder that lives as long as the test.
class TempCorpus {
 public:
  TempCorpus() {
    std::random_device seed;
    root_ = std::filesystem::temp_directory_path() / ("policygraph-cli-" + std::to_string(seed()));
    std::filesystem::create_directories(root_);
  }
  ~TempCorpus() { std::filesystem::remove_all(root_); }
  TempCorpus(const TempCorpus&) = delete;
  TempCorpus& operator=(const TempCorpus&) = delete;

  void write(const std::string& relative, const std::string& text) const {
    auto path = root_ / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  }
  std::string path() const { return root_.string(); }
  /// run_on() this corpus.
  Result run(std::vector<std::string> args) const { return run_on(path(), std::move(args)); }

 private:
  std::filesystem::path root_;
};

//   a-2001 <-supersedes- b-2005 <-supersedes- c-2010     (c replaced b, which replaced a)
//                              <-supersedes- d-2012     (b also replaced by d: a branch)
inline void write_branching_corpus(const TempCorpus& corpus) {
  corpus.write("policies/en/a.md", "---\nid: a-2001\ntitle: First Carbon Act\nyear: 2001\ntags: [carbon]\n---\n");
  corpus.write("policies/en/b.md",
               "---\nid: b-2005\ntitle: Carbon Act Amendment\npubDate: '2005-03'\nevolution:\n  supersedes: [a-2001]\n"
               "tags: [carbon]\n---\n");
  corpus.write("policies/en/c.md",
               "---\nid: c-2010\ntitle: Carbon Pricing Act\nyear: 2010\nevolution:\n  supersedes: b-2005\n---\n");
  corpus.write("policies/en/d.md",
               "---\nid: d-2012\ntitle: Storage Regulation\nyear: 2012\nevolution:\n  supersedes: [b-2005]\n---\n");
  corpus.write("policies/zh/a.md", "---\nid: a-2001\ntitle: 第一部碳法\nyear: 2001\n---\n");
}

/// A corpus folder holding write_branching_corpus()'s records.
struct BranchingCorpus : TempCorpus {
  BranchingCorpus() { write_branching_corpus(*this); }
};

}  // namespace policygraph::cli::testing
