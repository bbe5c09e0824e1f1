// SPDX-License-Identifier: MIT
// What the tests of the cache share: a corpus in a temporary folder, cache folders, the
// positions of a cache file's parts, loads with and without the cache.
#pragma once

#include "records/cache_session.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <optional>
#include <random>
#include <sstream>
#include <thread>
#include <vector>

#include "policygraph/loader.hpp"
#include "records/record_dump.hpp"

namespace policygraph {
namespace cache_test {

namespace fs = std::filesystem;

// A folder in the temporary directory, removed at the end of the test.
class TempFolder {
 public:
  TempFolder() {
    std::random_device random;
    root_ = fs::temp_directory_path() /
            ("policygraph-cache-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
    fs::create_directories(root_);
  }
  ~TempFolder() {
    std::error_code ignored;
    fs::permissions(root_, fs::perms::owner_all, fs::perm_options::add, ignored);
    fs::remove_all(root_, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  const fs::path& root() const { return root_; }

  // Writes the file with a modification time an hour ago (`age` seconds more), so that
  // it is older than the racy window and its time alone vouches for it.
  fs::path write(const std::string& relative, std::string_view text, int age = 0) const {
    fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    set_age(relative, age);
    return path;
  }
  void set_age(const std::string& relative, int age) const {
    fs::last_write_time(root_ / relative,
                        fs::file_time_type::clock::now() - std::chrono::hours(1) - std::chrono::seconds(age));
  }
  // Gives the folder and every folder below it that the walk lists a modification time an
  // hour ago, so that their times alone vouch for their entries.
  void age_folders() const {
    set_age("", 0);
    for (auto it = fs::recursive_directory_iterator(root_); it != fs::recursive_directory_iterator(); ++it) {
      if (it->path().filename().string().front() == '.') {
        it.disable_recursion_pending();
        continue;
      }
      if (it->is_directory() && !it->is_symlink()) set_age(fs::relative(it->path(), root_).string(), 0);
    }
  }

 private:
  fs::path root_;
};

// Every kind of field, translations, a file with several records, and files whose
// diagnostics must come back from the cache as they were.
inline void write_corpus(const TempFolder& corpus) {
  corpus.write("policies/en/a.md",
               "---\nid: a\ntitle: Act A\npubDate: '2005-03-04'\ncountry: CA\ntags: [carbon, storage]\n"
               "evolution:\n  supersedes: [old]\n  consolidatedFrom: [x, y]\n  clusters: [north]\n"
               "  milestones:\n    - date: '2006'\n      event: In force\n"
               "relatedFacilities: [plant-1]\n---\nBody\n");
  corpus.write("policies/zh/a.md", "---\nid: a\ntitle: 甲法\n---\n");
  corpus.write("policies/en/b.md",
               "---\nid: b\ntitle: B\nyear: 2010\nstatus: Repealed\nevolution:\n  supersededBy: c\n"
               "  amends: [{id: a, date: 2011-02}]\n  effective: 2010-06-01\n  expires: 2030\n---\n");
  corpus.write("policies/list.yaml", "- id: c\n  title: C\n- id: d\n  title: D\n  year: nineteen\n");
  corpus.write("policies/more.json", "[{\"id\": \"e\", \"title\": \"E\"}]");
  corpus.write("policies/lines.jsonl", "{\"id\": \"f\", \"title\": \"F\"}\n{\"id\": 7, \"title\": \"Seven\"}\n");
  corpus.write("policies/bad.md", "---\nid: [broken\n---\n");
  corpus.write("facilities/en/1.md", "---\nid: plant-1\nname: Plant\nhub: North\nrelatedPolicies: a\n---\n");
  corpus.write("README.md", "# About this corpus\n");
}

constexpr std::size_t corpus_files = 9;

// The cache file read back as a load reads it (a failure of the test when it cannot be).
inline std::optional<records::LoadedCache> read_back(const fs::path& file) {
  std::string problem;
  auto cache = records::read_cache(file, records::current_cache_key({}), problem);
  EXPECT_TRUE(cache.has_value()) << problem;
  return cache;
}

// Where the files' blobs sit in a cache file: [begin, end). One run in a cache written anew.
inline std::pair<std::size_t, std::size_t> blob_region(const fs::path& file) {
  auto cache = read_back(file);
  if (!cache || cache->files().empty()) return {0, 0};
  std::uint64_t begin = UINT64_MAX, end = 0;
  for (const records::CachedFile& entry : cache->files()) {
    begin = std::min(begin, entry.blob.offset);
    end = std::max(end, entry.blob.end());
  }
  return {static_cast<std::size_t>(begin), static_cast<std::size_t>(end)};
}

// Where the table of a cache file begins, and its merged corpus's last chunk ends.
inline std::pair<std::size_t, std::size_t> table_and_last_chunk_end(const fs::path& file) {
  auto cache = read_back(file);
  if (!cache || !cache->merge() || cache->merge()->chunks.empty()) return {0, 0};
  return {static_cast<std::size_t>(cache->table_offset()),
          static_cast<std::size_t>(cache->merge()->chunks.back().end())};
}

inline LoadOptions cached_in(const fs::path& folder) {
  LoadOptions options;
  options.use_cache = true;
  options.cache_folder = folder;
  return options;
}

inline LoadOptions without_cache() {
  LoadOptions options;
  options.use_cache = false;
  return options;
}

// A corpus folder and a cache folder, and loads of the one with and without the other: what
// nearly every cache test starts from. The test writes the corpus (write_corpus, or its own).
struct CorpusAndCache {
  TempFolder corpus;
  TempFolder cache;
  Corpus load_cached() const { return load_corpus(corpus.root(), cached_in(cache.root())); }
  Corpus load_plain() const { return load_corpus(corpus.root(), without_cache()); }
};

// The same as a fixture, for the suites whose tests all start from it.
class CacheTest : public ::testing::Test, protected CorpusAndCache {};

inline fs::path cache_file(const TempFolder& corpus, const fs::path& folder) {
  return records::cache_location(fs::canonical(corpus.root()), folder)->file;
}

inline std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

inline void write_bytes(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// The positions of a cache file that the brute-force tests damage, in order: every byte of
// the header (where each field means something else), the first and last byte of each
// region given, and a seeded sample of the rest. Every position costs a load, which under
// the sanitizers takes milliseconds: all of them made the records tests take 50 s.
inline std::vector<std::size_t> sampled_positions(std::size_t size, std::initializer_list<std::size_t> region_starts) {
  constexpr std::size_t header_bytes = records::cache_data_begin;
  constexpr std::size_t sample = 96;
  std::vector<std::size_t> positions;
  for (std::size_t i = 0; i < std::min(header_bytes, size); ++i) positions.push_back(i);
  for (std::size_t start : region_starts)
    for (std::size_t i : {start - 1, start, start + 1})
      if (i < size) positions.push_back(i);
  if (size > 0) positions.push_back(size - 1);
  std::mt19937_64 random(20240518);
  for (std::size_t i = 0; i < sample && size > header_bytes; ++i)
    positions.push_back(header_bytes + random() % (size - header_bytes));
  std::sort(positions.begin(), positions.end());
  positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
  return positions;
}

}  // namespace cache_test
}  // namespace policygraph
