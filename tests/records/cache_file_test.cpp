// SPDX-License-Identifier: MIT
// The cache file's table (cache_file.hpp): written in blocks of entries and read back on any
// number of threads, each block on a core, the same entries in the same order; paths out of
// order or repeated, within a block or across the edge of two, are a damaged table.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "records/cache_file.hpp"
#include "records/temp_corpus.hpp"

namespace policygraph {
namespace {

namespace fs = std::filesystem;
using records::CacheEntry;

// More entries than two blocks of the table hold, each different in every field.
struct ManyEntries {
  explicit ManyEntries(std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
      std::string number = std::to_string(i);
      paths.push_back("policies/en/" + std::string(6 - std::min<std::size_t>(6, number.size()), '0') + number + ".md");
      keys.push_back(std::string(8 * (i % 3), static_cast<char>('a' + i % 26)));
    }
    for (std::size_t i = 0; i < count; ++i) {
      CacheEntry entry;
      entry.path = paths[i];
      entry.size = 1000 + i;
      entry.mtime_ns = 1'700'000'000'000'000'000 + static_cast<std::int64_t>(i);
      entry.ctime_ns = -static_cast<std::int64_t>(i);
      entry.content_hash = 0x9E3779B97F4A7C15ULL * (i + 1);
      entry.blob = {records::cache_data_begin, 0, i};  // no data: empty blobs at the data's end
      entry.keys = keys[i];
      entries.push_back(entry);
    }
  }
  std::vector<std::string> paths;
  std::vector<std::string> keys;
  std::vector<CacheEntry> entries;
};

// Writes a cache of `entries` alone; the problem, if any.
std::string write_table(const fs::path& file, const std::vector<CacheEntry>& entries) {
  records::CacheWriter writer;
  std::string problem;
  if (!writer.create(file, problem)) return problem;
  writer.commit(records::current_cache_key({}),
                {.load_started_ns = 42, .entries = entries, .folders = {}, .merge = nullptr}, problem);
  return problem;
}

class CacheFileTable : public ::testing::Test {
 protected:
  fs::path file() const { return folder.root() / "records.cache"; }
  TempCorpus folder;
};

TEST_F(CacheFileTable, ManyBlocksReadBackOnAnyNumberOfThreads) {
  for (std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{8192}, std::size_t{8193}, std::size_t{20001}}) {
    const ManyEntries many(count);
    ASSERT_EQ(write_table(file(), many.entries), "") << count;
    for (unsigned threads : {1U, 2U, 3U}) {
      std::string problem;
      const auto cache = records::read_cache(file(), records::current_cache_key({}), problem, threads);
      ASSERT_TRUE(cache.has_value()) << count << " entries, " << threads << " threads: " << problem;
      EXPECT_EQ(cache->load_started_ns(), 42);
      ASSERT_EQ(cache->files().size(), count);
      for (std::size_t i = 0; i < count; ++i) {
        const records::CachedFile& read = cache->files()[i];
        const CacheEntry& written = many.entries[i];
        ASSERT_EQ(read.path, written.path) << i;
        ASSERT_EQ(read.size, written.size) << i;
        ASSERT_EQ(read.mtime_ns, written.mtime_ns) << i;
        ASSERT_EQ(read.ctime_ns, written.ctime_ns) << i;
        ASSERT_EQ(read.content_hash, written.content_hash) << i;
        ASSERT_EQ(read.blob.checksum, written.blob.checksum) << i;
        ASSERT_EQ(read.keys, written.keys) << i;
      }
    }
  }
}

TEST_F(CacheFileTable, PathsOutOfOrderInABlockOrAcrossTwoAreDamage) {
  const ManyEntries many(20001);
  // Within the first block, at the edge of the first two, of the last two, and one path twice.
  for (std::size_t at : {std::size_t{5}, std::size_t{8191}, std::size_t{16383}}) {
    std::vector<CacheEntry> swapped = many.entries;
    std::swap(swapped[at], swapped[at + 1]);
    std::vector<CacheEntry> repeated = many.entries;
    repeated[at + 1].path = repeated[at].path;
    for (const auto* entries : {&swapped, &repeated}) {
      ASSERT_EQ(write_table(file(), *entries), "");
      for (unsigned threads : {1U, 2U}) {
        std::string problem;
        EXPECT_FALSE(records::read_cache(file(), records::current_cache_key({}), problem, threads).has_value())
            << "at " << at << ", " << threads << " threads";
        EXPECT_EQ(problem, "is damaged (its table does not decode)") << "at " << at;
      }
    }
  }
}

}  // namespace
}  // namespace policygraph
