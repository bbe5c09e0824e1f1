// SPDX-License-Identifier: MIT
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
#include <random>
#include <sstream>
#include <thread>
#include <vector>

#include "policygraph/loader.hpp"
#include "records/record_dump.hpp"

namespace policygraph {
namespace {

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
void write_corpus(const TempFolder& corpus) {
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

// Where the files' blobs sit in a cache file: [begin, end). One run in a cache written anew.
std::pair<std::size_t, std::size_t> blob_region(const fs::path& file) {
  std::string problem;
  auto cache = records::read_cache(file, records::current_cache_key({}), problem);
  EXPECT_TRUE(cache.has_value()) << problem;
  if (!cache || cache->files().empty()) return {0, 0};
  std::uint64_t begin = UINT64_MAX, end = 0;
  for (const records::CachedFile& entry : cache->files()) {
    begin = std::min(begin, entry.blob.offset);
    end = std::max(end, entry.blob.end());
  }
  return {static_cast<std::size_t>(begin), static_cast<std::size_t>(end)};
}

// Where the table of a cache file begins, and its merged corpus's last chunk ends.
std::pair<std::size_t, std::size_t> table_and_last_chunk_end(const fs::path& file) {
  std::string problem;
  auto cache = records::read_cache(file, records::current_cache_key({}), problem);
  EXPECT_TRUE(cache.has_value()) << problem;
  if (!cache || !cache->merge() || cache->merge()->chunks.empty()) return {0, 0};
  return {static_cast<std::size_t>(cache->table_offset()),
          static_cast<std::size_t>(cache->merge()->chunks.back().end())};
}

LoadOptions cached_in(const fs::path& folder) {
  LoadOptions options;
  options.use_cache = true;
  options.cache_folder = folder;
  return options;
}

LoadOptions without_cache() {
  LoadOptions options;
  options.use_cache = false;
  return options;
}

fs::path cache_file(const TempFolder& corpus, const fs::path& folder) {
  return records::cache_location(fs::canonical(corpus.root()), folder)->file;
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_bytes(const fs::path& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

// The positions of a cache file that the brute-force tests damage, in order: every byte of
// the header (where each field means something else), the first and last byte of each
// region given, and a seeded sample of the rest. Every position costs a load, which under
// the sanitizers takes milliseconds: all of them made the records tests take 50 s.
std::vector<std::size_t> sampled_positions(std::size_t size, std::initializer_list<std::size_t> region_starts) {
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

TEST(ParseCache, WarmLoadEqualsColdLoad) {
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  Corpus plain = load_corpus(corpus.root(), without_cache());
  Corpus cold = load_corpus(corpus.root(), cached_in(cache.root()));
  Corpus warm = load_corpus(corpus.root(), cached_in(cache.root()));

  EXPECT_TRUE(cold.cache.used);
  EXPECT_EQ(cold.cache.parsed, corpus_files);
  EXPECT_EQ(cold.cache.reused, 0u);
  EXPECT_EQ(cold.cache.note, "");
  EXPECT_EQ(cold.cache.folder, cache.root());

  EXPECT_FALSE(cold.cache.merged);
  EXPECT_TRUE(warm.cache.used);
  EXPECT_TRUE(warm.cache.merged);
  EXPECT_EQ(warm.cache.reused, corpus_files);
  EXPECT_EQ(warm.cache.verified, 0u);
  EXPECT_EQ(warm.cache.parsed, 0u);
  EXPECT_EQ(warm.cache.removed, 0u);
  EXPECT_EQ(warm.cache.note, "");

  ASSERT_FALSE(plain.diagnostics.empty());  // the corpus has bad files: their diagnostics are cached too
  EXPECT_EQ(dump(cold), dump(plain));
  EXPECT_EQ(dump(warm), dump(plain));
}

TEST(ParseCache, AnotherLanguageIsMergedAgainAndCached) {
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  LoadOptions in_chinese = cached_in(cache.root());
  in_chinese.preferred_language = "zh";
  LoadOptions plain_chinese = without_cache();
  plain_chinese.preferred_language = "zh";
  load_corpus(corpus.root(), cached_in(cache.root()));

  Corpus first = load_corpus(corpus.root(), in_chinese);  // the merged corpus is for English
  EXPECT_FALSE(first.cache.merged);
  EXPECT_EQ(first.cache.reused, corpus_files);
  EXPECT_EQ(dump(first), dump(load_corpus(corpus.root(), plain_chinese)));
  Corpus again = load_corpus(corpus.root(), in_chinese);
  EXPECT_TRUE(again.cache.merged);
  EXPECT_EQ(dump(again), dump(first));
  Corpus english = load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_FALSE(english.cache.merged);
  EXPECT_EQ(dump(english), dump(load_corpus(corpus.root(), without_cache())));
}

TEST(ParseCache, WalkDiagnosticsAreNotCachedWithTheMergedCorpus) {
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  fs::create_symlink("a.md", corpus.root() / "policies" / "en" / "link.md");  // a note of the walk
  Corpus cold = load_corpus(corpus.root(), cached_in(cache.root()));
  Corpus warm = load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_TRUE(warm.cache.merged);
  EXPECT_EQ(dump(warm), dump(cold));
  fs::remove(corpus.root() / "policies" / "en" / "link.md");
  Corpus unlinked = load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_TRUE(unlinked.cache.merged);
  EXPECT_EQ(dump(unlinked), dump(load_corpus(corpus.root(), without_cache())));
  EXPECT_LT(unlinked.diagnostics.size(), warm.diagnostics.size());
}

TEST(ParseCache, OneChangedFileIsNotServedByTheMergedCorpus) {
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  load_corpus(corpus.root(), cached_in(cache.root()));
  load_corpus(corpus.root(), cached_in(cache.root()));
  corpus.write("policies/zh/a.md", "---\nid: a\ntitle: 甲法修订\n---\n", 60);
  Corpus changed = load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_FALSE(changed.cache.merged);
  EXPECT_EQ(changed.cache.parsed, 1u);
  EXPECT_EQ(dump(changed), dump(load_corpus(corpus.root(), without_cache())));
  Corpus after = load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_TRUE(after.cache.merged);
  EXPECT_EQ(dump(after), dump(changed));
}

TEST(ParseCache, UnchangedCorpusIsNotWrittenAgain) {
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  load_corpus(corpus.root(), cached_in(cache.root()));
  fs::path file = cache_file(corpus, cache.root());
  auto written = fs::last_write_time(file);
  fs::last_write_time(file, written - std::chrono::hours(2));
  load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_EQ(fs::last_write_time(file), written - std::chrono::hours(2));
}

TEST(ParseCache, ChangedFileAloneIsParsed) {
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  load_corpus(corpus.root(), cached_in(cache.root()));
  corpus.write("policies/en/b.md", "---\nid: b\ntitle: B renamed\nyear: 2010\n---\n", 60);
  Corpus warm = load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_EQ(warm.cache.parsed, 1u);
  EXPECT_EQ(warm.cache.reused, corpus_files - 1);
  EXPECT_EQ(dump(warm), dump(load_corpus(corpus.root(), without_cache())));
}

TEST(ParseCache, SameSizeSameTimeChangeIsFoundByTheStatusChangeTime) {
  // What `touch -d` or `cp -p` leave: new bytes, old size, old time. Only ctime moved.
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  load_corpus(corpus.root(), cached_in(cache.root()));
  const fs::path b = corpus.root() / "policies/en/b.md";
  auto time = fs::last_write_time(b);
  std::string text = read_bytes(b);
  // File times come from a clock that ticks every few milliseconds: wait for the next tick,
  // or the new ctime could equal the cached one.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  text.replace(text.find("title: B"), 8, "title: Q");
  write_bytes(b, text);
  fs::last_write_time(b, time);
  Corpus warm = load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_EQ(warm.cache.parsed, 1u);
  EXPECT_EQ(dump(warm), dump(load_corpus(corpus.root(), without_cache())));
}

TEST(ParseCache, AddedFileIsParsed) {
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  load_corpus(corpus.root(), cached_in(cache.root()));
  corpus.write("policies/en/new.md", "---\nid: new\ntitle: New\n---\n");
  Corpus warm = load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_EQ(warm.cache.parsed, 1u);
  EXPECT_EQ(warm.cache.reused, corpus_files);
  EXPECT_EQ(dump(warm), dump(load_corpus(corpus.root(), without_cache())));
  Corpus again = load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_EQ(again.cache.reused, corpus_files + 1);
}

TEST(ParseCache, RemovedFileIsDropped) {
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  load_corpus(corpus.root(), cached_in(cache.root()));
  fs::remove(corpus.root() / "policies/list.yaml");
  Corpus warm = load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_EQ(warm.cache.removed, 1u);
  EXPECT_EQ(warm.cache.parsed, 0u);
  EXPECT_EQ(warm.cache.reused, corpus_files - 1);
  EXPECT_EQ(dump(warm), dump(load_corpus(corpus.root(), without_cache())));
  Corpus again = load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_EQ(again.cache.removed, 0u);  // the entry is gone from the rewritten cache
  EXPECT_EQ(again.cache.reused, corpus_files - 1);
}

TEST(ParseCache, TouchedButUnchangedFileIsReusedByItsHash) {
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  load_corpus(corpus.root(), cached_in(cache.root()));
  corpus.set_age("policies/en/a.md", 120);
  Corpus warm = load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_EQ(warm.cache.reused, corpus_files);
  EXPECT_EQ(warm.cache.verified, 1u);
  EXPECT_EQ(warm.cache.parsed, 0u);
  Corpus again = load_corpus(corpus.root(), cached_in(cache.root()));  // its new time was saved
  EXPECT_EQ(again.cache.reused, corpus_files);
  EXPECT_EQ(again.cache.verified, 0u);
}

TEST(ParseCache, RecentlyModifiedFileIsVerifiedByItsHash) {
  // Modified within the racy window before the load that cached it: a change in the same
  // clock tick would not show in its time, so the next load reads and hashes it.
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  std::ofstream(corpus.root() / "policies/en/now.md", std::ios::binary) << "---\nid: now\n---\n";
  load_corpus(corpus.root(), cached_in(cache.root()));
  Corpus warm = load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_EQ(warm.cache.verified, 1u);
  EXPECT_EQ(warm.cache.reused, corpus_files + 1);
}

TEST(ParseCache, EveryFlippedByteIsFoundAndRebuilt) {
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  const auto expected = dump(load_corpus(corpus.root(), without_cache()));
  load_corpus(corpus.root(), cached_in(cache.root()));
  const fs::path file = cache_file(corpus, cache.root());
  const std::string good = read_bytes(file);
  ASSERT_GT(good.size(), 100u);
  const auto [blobs_begin, blobs_end] = blob_region(file);
  LoadOptions in_french = cached_in(cache.root());
  in_french.preferred_language = "fr";
  const auto expected_in_french = dump(load_corpus(corpus.root(), in_french));
  std::size_t found_later = 0;
  std::size_t in_blobs = 0;
  for (std::size_t i : sampled_positions(good.size(), {blobs_begin, blobs_end})) {
    in_blobs += i >= blobs_begin && i < blobs_end ? 1 : 0;
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x20);
    write_bytes(file, bad);
    Corpus loaded = load_corpus(corpus.root(), cached_in(cache.root()));
    ASSERT_EQ(dump(loaded), expected) << "byte " << i;
    if (loaded.cache.note.find("; it is rebuilt") != std::string::npos) continue;
    // A load served by the merged corpus does not read the files' blobs: a damaged blob is
    // found by the first load that needs it (another language, here), never used.
    ASSERT_GE(i, blobs_begin) << "byte " << i;
    ASSERT_LT(i, blobs_end) << "byte " << i;
    ASSERT_EQ(loaded.cache.parsed, 0u) << "byte " << i;
    write_bytes(file, bad);
    Corpus needing_blobs = load_corpus(corpus.root(), in_french);
    ASSERT_EQ(dump(needing_blobs), expected_in_french) << "byte " << i;
    ASSERT_NE(needing_blobs.cache.note.find("; it is rebuilt"), std::string::npos) << "byte " << i;
    ++found_later;
  }
  EXPECT_EQ(found_later, in_blobs);
  EXPECT_GT(in_blobs, 3u);
  Corpus rebuilt = load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_EQ(rebuilt.cache.note, "");
  EXPECT_EQ(rebuilt.cache.reused, corpus_files);
}

TEST(ParseCache, FlippedByteNotes) {
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  load_corpus(corpus.root(), cached_in(cache.root()));
  const fs::path file = cache_file(corpus, cache.root());
  const std::string good = read_bytes(file);
  const std::size_t last_blob_byte = blob_region(file).second - 1;
  auto note_after_flip = [&](std::size_t i) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 1);
    write_bytes(file, bad);
    return load_corpus(corpus.root(), cached_in(cache.root())).cache;
  };
  const std::string name = "the cache '" + file.string() + "' ";
  const auto [table_offset, last_chunk_end] = table_and_last_chunk_end(file);
  ASSERT_GT(last_chunk_end, 0u);
  EXPECT_EQ(note_after_flip(0).note, name + "is damaged (not a policygraph cache); it is rebuilt");
  // The table's place, its checksum, the file's length: the header's checksum guards them.
  for (std::size_t i : {12u, 28u, 36u, 51u})
    EXPECT_EQ(note_after_flip(i).note, name + "is damaged (the checksum of its header does not match); it is rebuilt")
        << i;
  EXPECT_EQ(note_after_flip(table_offset + 1).note,
            name + "is damaged (the checksum of its table does not match); it is rebuilt");
  EXPECT_EQ(note_after_flip(good.size() - 1).note,
            name + "is damaged (the checksum of its table does not match); it is rebuilt");
  CacheReport last_chunk = note_after_flip(last_chunk_end - 1);
  EXPECT_EQ(last_chunk.note, name +
                                 "is damaged (a chunk of its merged corpus does not match its checksum or does not "
                                 "decode); it is rebuilt");
  EXPECT_EQ(last_chunk.parsed, 0u);  // the files' entries were sound
  EXPECT_EQ(last_chunk.reused, corpus_files);

  // The files' blobs are read when the merged corpus cannot serve the load (here it was
  // merged for another language).
  std::string bad = good;
  bad[last_blob_byte] = static_cast<char>(bad[last_blob_byte] ^ 1);
  write_bytes(file, bad);
  LoadOptions in_french = cached_in(cache.root());
  in_french.preferred_language = "fr";
  CacheReport last_blob = load_corpus(corpus.root(), in_french).cache;
  EXPECT_EQ(last_blob.note,
            name + "is damaged (1 entry does not match its checksum or does not decode); it is rebuilt");
  EXPECT_EQ(last_blob.parsed, 1u);  // the other entries were sound
  EXPECT_EQ(last_blob.reused, corpus_files - 1);
}

TEST(ParseCache, TruncatedCacheIsRebuilt) {
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  const auto expected = dump(load_corpus(corpus.root(), without_cache()));
  load_corpus(corpus.root(), cached_in(cache.root()));
  const fs::path file = cache_file(corpus, cache.root());
  const std::string good = read_bytes(file);
  const auto [blobs_begin, blobs_end] = blob_region(file);
  for (std::size_t length : sampled_positions(good.size(), {blobs_begin, blobs_end})) {
    fs::resize_file(file, length);
    Corpus loaded = load_corpus(corpus.root(), cached_in(cache.root()));
    ASSERT_EQ(dump(loaded), expected) << length;
    ASSERT_EQ(loaded.cache.parsed, corpus_files) << length;
    ASSERT_NE(loaded.cache.note.find("is damaged"), std::string::npos) << length;
  }
  fs::resize_file(file, good.size() / 2);
  EXPECT_EQ(load_corpus(corpus.root(), cached_in(cache.root())).cache.note,
            "the cache '" + file.string() + "' is damaged (truncated); it is rebuilt");
}

// A cache written by another key: the rebuild and its note.
CacheReport load_after_writing_with(const records::CacheKey& key, const TempFolder& corpus, const TempFolder& cache) {
  load_corpus(corpus.root(), cached_in(cache.root()));
  const fs::path file = cache_file(corpus, cache.root());
  std::string problem;
  EXPECT_TRUE(records::read_cache(file, records::current_cache_key({}), problem).has_value()) << problem;
  EXPECT_TRUE(records::write_empty_cache(file, key, problem)) << problem;
  return load_corpus(corpus.root(), cached_in(cache.root())).cache;
}

TEST(ParseCache, CacheOfAnotherFormatIsRebuilt) {
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  records::CacheKey key = records::current_cache_key({});
  key.format_version += 1;
  CacheReport report = load_after_writing_with(key, corpus, cache);
  EXPECT_EQ(report.note, "the cache '" + cache_file(corpus, cache.root()).string() + "' is in cache format " +
                             std::to_string(key.format_version) + " (this is format " +
                             std::to_string(key.format_version - 1) + "); it is rebuilt");
  EXPECT_EQ(report.parsed, corpus_files);
}

TEST(ParseCache, CacheOfAnotherVersionOrBuildIsRebuilt) {
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  records::CacheKey key = records::current_cache_key({});
  const std::string version = key.library_version;
  key.library_version = "0.0.0-old";
  CacheReport report = load_after_writing_with(key, corpus, cache);
  EXPECT_EQ(report.note, "the cache '" + cache_file(corpus, cache.root()).string() +
                             "' was written by policygraph 0.0.0-old (this is " + version + "); it is rebuilt");
  EXPECT_EQ(report.parsed, corpus_files);

  key = records::current_cache_key({});
  key.build_identity += " and another";
  report = load_after_writing_with(key, corpus, cache);
  EXPECT_NE(report.note.find("was written by another build of policygraph"), std::string::npos) << report.note;
  EXPECT_EQ(report.parsed, corpus_files);
}

// Issue 18, point 5: the key was the size and time of the binary, so that a build of the
// same size and time (reproducible builds fix times) read another build's cache, and a copy
// of the binary elsewhere rebuilt it. The key is the build's content now.
TEST(ParseCache, KeyIsTheBuildNotTheBinarysTimes) {
  const records::CacheKey before = records::current_cache_key({});
  struct stat binary {};
  ASSERT_EQ(::stat("/proc/self/exe", &binary), 0);
  const struct timespec times[2] = {binary.st_atim, {binary.st_mtim.tv_sec + 1, binary.st_mtim.tv_nsec}};
  ASSERT_EQ(::utimensat(AT_FDCWD, "/proc/self/exe", times, 0), 0);
  EXPECT_EQ(records::current_cache_key({}).build_identity, before.build_identity);
  const std::string& id = before.build_identity;
  for (const char* part : {"policygraph ", "source ", "yaml-cpp ", "libyaml "})
    EXPECT_NE(id.find(part), std::string::npos) << part << " in " << id;
#if defined(__clang__)
  EXPECT_NE(id.find("Clang "), std::string::npos) << id;
#elif defined(__GNUC__)
  EXPECT_NE(id.find("GNU " + std::to_string(__GNUC__) + "."), std::string::npos) << id;
#endif
}

TEST(ParseCache, OtherLimitsRebuild) {
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  load_corpus(corpus.root(), cached_in(cache.root()));
  LoadOptions deeper = cached_in(cache.root());
  deeper.limits.max_depth = 20;
  Corpus loaded = load_corpus(corpus.root(), deeper);
  EXPECT_NE(loaded.cache.note.find("was written with other limits; it is rebuilt"), std::string::npos);
  EXPECT_EQ(loaded.cache.parsed, corpus_files);
  EXPECT_EQ(load_corpus(corpus.root(), deeper).cache.reused, corpus_files);
}

TEST(ParseCache, UnwritableCacheFolderLoadsWithoutACacheAndANote) {
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  write_bytes(cache.root() / "a-file", "not a folder");  // even root cannot make a folder in it
  Corpus loaded = load_corpus(corpus.root(), cached_in(cache.root() / "a-file" / "cache"));
  EXPECT_FALSE(loaded.cache.used);
  EXPECT_EQ(loaded.cache.parsed, corpus_files);
  EXPECT_EQ(loaded.cache.note.rfind("the cache of parsed records is not saved: cannot create the folder", 0), 0u)
      << loaded.cache.note;
  EXPECT_EQ(dump(loaded), dump(load_corpus(corpus.root(), without_cache())));
}

TEST(ParseCache, NoCacheWritesNothing) {
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  LoadOptions options = cached_in(cache.root() / "cache");
  options.use_cache = false;
  Corpus loaded = load_corpus(corpus.root(), options);
  EXPECT_FALSE(loaded.cache.used);
  EXPECT_EQ(loaded.cache.note, "");
  EXPECT_EQ(loaded.cache.parsed, 0u);
  EXPECT_FALSE(fs::exists(cache.root() / "cache"));
}

TEST(ParseCache, RunsAtOnceLeaveOneWholeCache) {
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  {
    std::vector<std::jthread> runs;
    for (int i = 0; i < 4; ++i)
      runs.emplace_back([&] {
        LoadOptions options = cached_in(cache.root());
        options.threads = 1;
        load_corpus(corpus.root(), options);
      });
  }
  Corpus warm = load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_EQ(warm.cache.note, "");
  EXPECT_EQ(warm.cache.reused, corpus_files);
  std::size_t leftovers = 0;
  for (const auto& entry : fs::directory_iterator(cache.root())) leftovers += entry.path().extension() != ".cache";
  EXPECT_EQ(leftovers, 0u);  // no temporary file left behind
}

// Issue 18, point 4: a cache write killed midway left its temporary file for ever.
TEST(ParseCache, StaleTemporariesOfGoneWritersAreRemoved) {
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  const fs::path file = cache_file(corpus, cache.root());
  const std::string name = file.filename().string();
  pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  const fs::path dead = cache.root() / ("." + name + ".tmp-" + std::to_string(child) + "-AbC123");
  const fs::path before_pids = cache.root() / ("." + name + ".Zz9Yy8");  // as older versions named them
  write_bytes(dead, "killed");
  write_bytes(before_pids, "killed long ago");
  fs::last_write_time(before_pids, fs::file_time_type::clock::now() - std::chrono::hours(2));
  EXPECT_TRUE(load_corpus(corpus.root(), cached_in(cache.root())).cache.used);
  EXPECT_FALSE(fs::exists(dead));
  EXPECT_FALSE(fs::exists(before_pids));
  EXPECT_TRUE(fs::exists(file));
}

TEST(ParseCache, OneFolderServesSeveralCorpora) {
  TempFolder first;
  TempFolder second;
  TempFolder cache;
  write_corpus(first);
  second.write("policies/en/z.md", "---\nid: z\n---\n");
  load_corpus(first.root(), cached_in(cache.root()));
  load_corpus(second.root(), cached_in(cache.root()));
  EXPECT_EQ(load_corpus(first.root(), cached_in(cache.root())).cache.reused, corpus_files);
  EXPECT_EQ(load_corpus(second.root(), cached_in(cache.root())).cache.reused, 1u);
}

namespace listing {

// A corpus and a cache whose last load was served by the cache's listing: every folder
// aged, the cache written after that, then a load that did not walk.
struct Listed {
  TempFolder corpus;
  TempFolder cache;
  Listed() {
    write_corpus(corpus);
    corpus.age_folders();
    load_corpus(corpus.root(), cached_in(cache.root()));
    Corpus warm = load_corpus(corpus.root(), cached_in(cache.root()));
    EXPECT_FALSE(warm.cache.walked);
  }
  Corpus load() const { return load_corpus(corpus.root(), cached_in(cache.root())); }
  Corpus plain() const { return load_corpus(corpus.root(), without_cache()); }
};

TEST(CacheListing, UnchangedFoldersStandForTheWalk) {
  Listed listed;
  Corpus warm = listed.load();
  EXPECT_FALSE(warm.cache.walked);
  EXPECT_TRUE(warm.cache.merged);
  EXPECT_EQ(dump(warm), dump(listed.plain()));
  Corpus cold = load_corpus(listed.corpus.root(), without_cache());
  EXPECT_TRUE(cold.cache.walked);
}

TEST(CacheListing, FileChangedInPlaceIsFoundWithoutAWalk) {
  Listed listed;
  const fs::path b = listed.corpus.root() / "policies/en/b.md";
  std::ofstream(b, std::ios::binary | std::ios::trunc) << "---\nid: b\ntitle: B edited\n---\n";
  listed.corpus.set_age("policies/en/b.md", 60);  // writing in place leaves the folder's times
  Corpus changed = listed.load();
  EXPECT_FALSE(changed.cache.walked);
  EXPECT_EQ(changed.cache.parsed, 1u);
  EXPECT_EQ(dump(changed), dump(listed.plain()));
}

TEST(CacheListing, FileAddedToAListedFolderIsFound) {
  Listed listed;
  listed.corpus.write("policies/en/new.md", "---\nid: new\ntitle: New\n---\n");
  Corpus added = listed.load();
  EXPECT_TRUE(added.cache.walked);
  EXPECT_EQ(added.cache.parsed, 1u);
  EXPECT_EQ(dump(added), dump(listed.plain()));
}

TEST(CacheListing, FileRemovedOrRenamedIsFound) {
  Listed listed;
  fs::remove(listed.corpus.root() / "policies/list.yaml");
  Corpus removed = listed.load();
  EXPECT_TRUE(removed.cache.walked);
  EXPECT_EQ(removed.cache.removed, 1u);
  EXPECT_EQ(dump(removed), dump(listed.plain()));

  listed.corpus.age_folders();
  Corpus walked = listed.load();  // served by the merged corpus, and the new times are cached
  EXPECT_TRUE(walked.cache.walked);
  EXPECT_TRUE(walked.cache.merged);
  EXPECT_FALSE(listed.load().cache.walked);
  fs::rename(listed.corpus.root() / "policies/en/b.md", listed.corpus.root() / "policies/en/b2.md");
  Corpus renamed = listed.load();
  EXPECT_TRUE(renamed.cache.walked);
  EXPECT_EQ(dump(renamed), dump(listed.plain()));
}

TEST(CacheListing, FileInANewOrEmptyFolderIsFound) {
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  fs::create_directories(corpus.root() / "policies" / "fr");  // empty, listed all the same
  corpus.age_folders();
  load_corpus(corpus.root(), cached_in(cache.root()));
  ASSERT_FALSE(load_corpus(corpus.root(), cached_in(cache.root())).cache.walked);

  std::ofstream(corpus.root() / "policies/fr/a.md", std::ios::binary) << "---\nid: a\ntitle: Loi A\n---\n";
  Corpus in_empty = load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_TRUE(in_empty.cache.walked);
  EXPECT_EQ(dump(in_empty), dump(load_corpus(corpus.root(), without_cache())));

  corpus.write("facilities/de/deep/1.md", "---\nid: plant-1\nname: Werk\n---\n");
  Corpus in_new = load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_TRUE(in_new.cache.walked);
  EXPECT_EQ(dump(in_new), dump(load_corpus(corpus.root(), without_cache())));
}

TEST(CacheListing, RecentlyChangedFolderIsWalked) {
  // Changed within the racy window before the load that cached it: an entry added in the
  // same clock tick would not show in its time.
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  load_corpus(corpus.root(), cached_in(cache.root()));
  load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_TRUE(load_corpus(corpus.root(), cached_in(cache.root())).cache.walked);
}

TEST(CacheListing, SymbolicLinkInTheCorpusMeansAWalkEveryTime) {
  // A link's target can change without any folder's times changing.
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  fs::create_symlink("a.md", corpus.root() / "policies" / "en" / "link.md");
  corpus.age_folders();
  load_corpus(corpus.root(), cached_in(cache.root()));
  Corpus warm = load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_TRUE(warm.cache.walked);
  EXPECT_TRUE(warm.cache.merged);
  EXPECT_EQ(dump(warm), dump(load_corpus(corpus.root(), without_cache())));
}

TEST(CacheListing, FileLeftOutOfTheCacheMeansAWalkEveryTime) {
  // A file too large to read has no entry: a listing made of the entries would lose it, and
  // its diagnostic with it.
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  corpus.write("policies/en/huge.md", "---\nid: huge\ntitle: " + std::string(4096, 'h') + "\n---\n");
  corpus.age_folders();
  LoadOptions small = cached_in(cache.root());
  small.limits.max_file_bytes = 1024;
  LoadOptions small_plain = without_cache();
  small_plain.limits.max_file_bytes = 1024;
  load_corpus(corpus.root(), small);
  Corpus warm = load_corpus(corpus.root(), small);
  EXPECT_TRUE(warm.cache.walked);
  EXPECT_EQ(dump(warm), dump(load_corpus(corpus.root(), small_plain)));
}

}  // namespace listing

namespace appending {

// What a cache file's header says: where its table is and where it ends.
struct Header {
  std::uint64_t table_offset = 0;
  std::uint64_t length = 0;
};

Header header_of(const fs::path& file) {
  std::string problem;
  auto cache = records::read_cache(file, records::current_cache_key({}), problem);
  EXPECT_TRUE(cache.has_value()) << problem;
  if (!cache) return {};
  return {cache->table_offset(), cache->length()};
}

// The bytes of the data no entry or chunk names, and all the data.
std::pair<std::uint64_t, std::uint64_t> dead_and_data(const fs::path& file) {
  std::string problem;
  auto cache = records::read_cache(file, records::current_cache_key({}), problem);
  EXPECT_TRUE(cache.has_value()) << problem;
  if (!cache) return {0, 0};
  std::uint64_t live = 0;
  for (const records::CachedFile& entry : cache->files()) live += entry.blob.length;
  if (cache->merge())
    for (const records::CacheSpan& chunk : cache->merge()->chunks) live += chunk.length;
  const std::uint64_t data = cache->table_offset() - records::cache_data_begin;
  return {data - live, data};
}

// A corpus loaded once with the cache, then b.md edited and loaded again: the second load
// appended to the cache. `before` is the header after the first load.
struct Appended {
  TempFolder corpus;
  TempFolder cache;
  fs::path file;
  Header before;
  std::vector<std::string> expected;
  Appended() {
    write_corpus(corpus);
    load_corpus(corpus.root(), cached_in(cache.root()));
    file = cache_file(corpus, cache.root());
    before = header_of(file);
    corpus.write("policies/en/b.md", "---\nid: b\ntitle: B edited\nyear: 2010\n---\n", 60);
    Corpus edited = load_corpus(corpus.root(), cached_in(cache.root()));
    EXPECT_EQ(edited.cache.parsed, 1u);
    EXPECT_EQ(edited.cache.note, "");
    expected = dump(load_corpus(corpus.root(), without_cache()));
    EXPECT_EQ(dump(edited), expected);
  }
  Corpus load(const std::string& language = "en") const {
    LoadOptions options = cached_in(cache.root());
    options.preferred_language = language;
    return load_corpus(corpus.root(), options);
  }
};

TEST(CacheAppend, EditedFileAppendsItsBlobAndATableAndLeavesTheRestInPlace) {
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  load_corpus(corpus.root(), cached_in(cache.root()));
  const fs::path file = cache_file(corpus, cache.root());
  const std::string first = read_bytes(file);
  const Header before = header_of(file);
  struct stat old_status {};
  ASSERT_EQ(::stat(file.c_str(), &old_status), 0);

  corpus.write("policies/en/b.md", "---\nid: b\ntitle: B edited\nyear: 2010\n---\n", 60);
  Corpus edited = load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_EQ(edited.cache.parsed, 1u);
  EXPECT_EQ(edited.cache.reused, corpus_files - 1);
  const std::string second = read_bytes(file);
  struct stat new_status {};
  ASSERT_EQ(::stat(file.c_str(), &new_status), 0);
  EXPECT_EQ(new_status.st_ino, old_status.st_ino);  // the same file, appended to
  const Header after = header_of(file);
  EXPECT_EQ(after.table_offset >= before.length, true);
  // Every byte the old header named is still there, but the header itself.
  ASSERT_GE(second.size(), first.size());
  EXPECT_EQ(second.substr(records::cache_data_begin, first.size() - records::cache_data_begin),
            first.substr(records::cache_data_begin));
  EXPECT_NE(second.substr(0, records::cache_data_begin), first.substr(0, records::cache_data_begin));

  const auto expected = dump(load_corpus(corpus.root(), without_cache()));
  EXPECT_EQ(dump(edited), expected);
  Corpus warm = load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_TRUE(warm.cache.merged);
  EXPECT_EQ(warm.cache.note, "");
  EXPECT_EQ(dump(warm), expected);
  LoadOptions in_french = cached_in(cache.root());
  in_french.preferred_language = "fr";
  LoadOptions plain_french = without_cache();
  plain_french.preferred_language = "fr";
  Corpus french = load_corpus(corpus.root(), in_french);  // every blob, the appended one too
  EXPECT_EQ(french.cache.reused, corpus_files);
  EXPECT_EQ(french.cache.note, "");
  EXPECT_EQ(dump(french), dump(load_corpus(corpus.root(), plain_french)));
}

TEST(CacheAppend, KilledAppendLeavesTheOldCacheWhole) {
  // A writer killed before its header write leaves bytes past the end the header names.
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  const auto expected = dump(load_corpus(corpus.root(), without_cache()));
  load_corpus(corpus.root(), cached_in(cache.root()));
  const fs::path file = cache_file(corpus, cache.root());
  const std::string whole = read_bytes(file);
  write_bytes(file, whole + std::string(5000, '\x5a'));
  Corpus warm = load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_TRUE(warm.cache.merged);
  EXPECT_EQ(warm.cache.note, "");
  EXPECT_EQ(dump(warm), expected);

  corpus.write("policies/en/b.md", "---\nid: b\ntitle: B edited\nyear: 2010\n---\n", 60);
  Corpus edited = load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_EQ(edited.cache.parsed, 1u);
  EXPECT_EQ(edited.cache.note, "");
  EXPECT_EQ(header_of(file).table_offset >= whole.size(), true);
  const auto expected_now = dump(load_corpus(corpus.root(), without_cache()));
  EXPECT_EQ(dump(edited), expected_now);
  Corpus after = load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_TRUE(after.cache.merged);
  EXPECT_EQ(dump(after), expected_now);
}

TEST(CacheAppend, TruncatedAppendedTailIsFoundAndRebuilt) {
  Appended appended;
  const std::string good = read_bytes(appended.file);
  ASSERT_GT(good.size(), appended.before.length);
  for (std::size_t length :
       {appended.before.length, appended.before.length + 1, good.size() / 2 + good.size() / 4, good.size() - 1}) {
    if (length >= good.size() || length < appended.before.length) continue;
    write_bytes(appended.file, good.substr(0, length));
    Corpus loaded = appended.load();
    ASSERT_EQ(dump(loaded), appended.expected) << length;
    ASSERT_EQ(loaded.cache.note, "the cache '" + appended.file.string() + "' is damaged (truncated); it is rebuilt")
        << length;
    ASSERT_EQ(loaded.cache.parsed, corpus_files) << length;
  }
}

TEST(CacheAppend, EveryFlippedByteOfTheAppendedTailIsFound) {
  Appended appended;
  const std::string good = read_bytes(appended.file);
  const Header after = header_of(appended.file);
  LoadOptions plain_french = without_cache();
  plain_french.preferred_language = "fr";
  const auto expected_in_french = dump(load_corpus(appended.corpus.root(), plain_french));
  // Each end of the appended part and of its table, and a seeded sample between.
  std::vector<std::size_t> positions{appended.before.length, after.table_offset - 1, after.table_offset,
                                     good.size() - 1};
  std::mt19937_64 random(20261203);
  for (int n = 0; n < 64; ++n)
    positions.push_back(appended.before.length + random() % (good.size() - appended.before.length));
  std::size_t found_at_once = 0, found_later = 0;
  for (std::size_t i : positions) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x20);
    write_bytes(appended.file, bad);
    Corpus loaded = appended.load();
    ASSERT_EQ(dump(loaded), appended.expected) << "byte " << i;
    const bool found = loaded.cache.note.find("; it is rebuilt") != std::string::npos;
    if (i >= after.table_offset) {
      ASSERT_TRUE(found) << "byte " << i;  // the table's checksum
    }
    found_at_once += found ? 1 : 0;
    if (!found) {
      // Not read by a load the merged corpus serves: the new blob, found by a load in
      // another language, which reads every blob.
      write_bytes(appended.file, bad);
      Corpus french = appended.load("fr");
      ASSERT_EQ(dump(french), expected_in_french) << "byte " << i;
      ASSERT_NE(french.cache.note.find("; it is rebuilt"), std::string::npos) << "byte " << i;
      ++found_later;
    }
  }
  EXPECT_GT(found_at_once, 0u);  // the table, a chunk
  EXPECT_GT(found_later, 0u);    // the new blob
}

TEST(CacheCompaction, DeadSpacePastAQuarterIsCompacted) {
  // Ten Chinese records with 20 KB of text each: large blobs, but the merged corpus keeps
  // only their titles, so that an edit of a small record appends little (it is appended
  // to), and each edit of a large one leaves 20 KB dead, until the dead space passes a
  // quarter of the data and 64 KiB (it is compacted).
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  for (int i = 0; i < 10; ++i) {
    const std::string id = "big" + std::to_string(i);
    corpus.write("policies/en/" + id + ".md", "---\nid: " + id + "\ntitle: Big " + id + "\n---\n");
    corpus.write("policies/zh/" + id + ".md",
                 "---\nid: " + id + "\ntitle: 大 " + id + "\nsummary: " + std::string(20'000, 'z') + "\n---\n");
  }
  load_corpus(corpus.root(), cached_in(cache.root()));
  const fs::path file = cache_file(corpus, cache.root());
  std::vector<std::string> appends, compactions;  // the edits that appended, that compacted
  for (int edit = 1; edit <= 10; ++edit) {
    if (edit <= 3)
      corpus.write("policies/en/b.md", "---\nid: b\ntitle: B " + std::to_string(edit) + "\n---\n", 60 + edit);
    else
      corpus.write("policies/zh/big0.md",
                   "---\nid: big0\ntitle: 大\nsummary: " + std::string(20'000, 'y') + std::to_string(edit) + "\n---\n",
                   60 + edit);
    struct stat before {};
    ASSERT_EQ(::stat(file.c_str(), &before), 0);
    Corpus edited = load_corpus(corpus.root(), cached_in(cache.root()));
    ASSERT_EQ(edited.cache.parsed, 1u) << edit;
    ASSERT_EQ(edited.cache.note, "") << edit;
    ASSERT_EQ(dump(edited), dump(load_corpus(corpus.root(), without_cache()))) << edit;
    const auto [dead, data] = dead_and_data(file);
    // Checked before each append: at most a quarter, and what one append adds.
    ASSERT_TRUE(dead * 2 <= data || dead <= (128 << 10)) << edit << ": " << dead << " dead of " << data;
    struct stat now {};
    ASSERT_EQ(::stat(file.c_str(), &now), 0);
    // Appended: the same file, longer; compacted: a new file renamed into place, shorter.
    if (now.st_ino == before.st_ino && now.st_size > before.st_size) appends.push_back(std::to_string(edit));
    if (now.st_ino != before.st_ino && now.st_size < before.st_size) compactions.push_back(std::to_string(edit));
  }
  EXPECT_EQ(appends.size() + compactions.size(), 10u);
  EXPECT_EQ(appends.size() >= 3 && appends[0] == "1" && appends[2] == "3", true);  // the small edits
  EXPECT_FALSE(compactions.empty());
  Corpus warm = load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_TRUE(warm.cache.merged);
  EXPECT_EQ(warm.cache.note, "");
  EXPECT_EQ(dump(warm), dump(load_corpus(corpus.root(), without_cache())));
}

TEST(CacheAppend, CacheHeldByAnotherWriterIsWrittenAnew) {
  Appended appended;
  const int fd = ::open(appended.file.c_str(), O_RDONLY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);
  struct stat held {};
  ASSERT_EQ(::fstat(fd, &held), 0);
  appended.corpus.write("policies/en/b.md", "---\nid: b\ntitle: B again\nyear: 2010\n---\n", 90);
  Corpus edited = appended.load();
  ::close(fd);
  EXPECT_EQ(edited.cache.parsed, 1u);
  EXPECT_EQ(edited.cache.note, "");
  struct stat now {};
  ASSERT_EQ(::stat(appended.file.c_str(), &now), 0);
  EXPECT_NE(now.st_ino, held.st_ino);  // not appended to while held: a new file renamed into place
  const auto expected = dump(load_corpus(appended.corpus.root(), without_cache()));
  EXPECT_EQ(dump(edited), expected);
  Corpus warm = appended.load();
  EXPECT_TRUE(warm.cache.merged);
  EXPECT_EQ(dump(warm), expected);
}

}  // namespace appending

namespace patching {

// A record file of random content: ids from a small pool, so that kinds and ids move
// between files, languages share them (translations) and one language repeats them
// (duplicates); statuses in and out of the vocabulary; relations between the ids.
std::string random_record_file(std::mt19937_64& random, bool list) {
  static const char* const ids[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"};
  static const char* const statuses[] = {"Active", "Repealed", "Proposed", "Superseded", ""};
  auto pick = [&](auto& from) { return from[random() % std::size(from)]; };
  auto record = [&](const std::string& indent) {
    std::string text = indent + "id: " + pick(ids) + "\n";
    if (random() % 4 != 0) text += indent + "title: T" + std::to_string(random() % 1000) + "\n";
    // Now and then a word outside the vocabulary: the merge's note on it spans the corpus.
    const std::string status = random() % 40 == 0 ? "Zombie" : pick(statuses);
    if (!status.empty()) text += indent + "status: " + status + "\n";
    if (random() % 2 == 0) text += indent + "year: " + std::to_string(2000 + random() % 20) + "\n";
    if (random() % 3 == 0) text += indent + "evolution:\n" + indent + "  supersedes: [" + pick(ids) + "]\n";
    if (random() % 3 == 0) text += indent + "tags: [t" + std::to_string(random() % 3) + "]\n";
    return text;
  };
  if (!list) return "---\n" + record("") + "---\n";
  std::string text;
  for (std::size_t n = 1 + random() % 3; n > 0; --n) {
    std::string item = record("  ");
    item[0] = '-';
    text += item;
  }
  return text;
}

const std::vector<std::string>& random_corpus_files() {
  static const std::vector<std::string> files = [] {
    std::vector<std::string> out;
    for (const char* language : {"en", "zh", "fr"})
      for (int i = 0; i < 6; ++i) out.push_back("policies/" + std::string(language) + "/p" + std::to_string(i) + ".md");
    out.push_back("policies/list.yaml");
    out.push_back("policies/en/more.yaml");
    out.push_back("facilities/en/plant.md");
    return out;
  }();
  return files;
}

TEST(CachePatch, RandomEditsGiveTheAnswersOfAFullLoad) {
  TempFolder corpus;
  TempFolder cache;
  std::mt19937_64 random(20261203);
  const auto& files = random_corpus_files();
  for (const std::string& file : files) corpus.write(file, random_record_file(random, file.ends_with(".yaml")));
  load_corpus(corpus.root(), cached_in(cache.root()));
  for (int round = 1; round <= 40; ++round) {
    for (std::size_t n = 1 + random() % 3; n > 0; --n) {
      const std::string& file = files[random() % files.size()];
      corpus.write(file, random_record_file(random, file.ends_with(".yaml")), 10 * round);
    }
    Corpus cached = load_corpus(corpus.root(), cached_in(cache.root()));
    ASSERT_EQ(dump(cached), dump(load_corpus(corpus.root(), without_cache()))) << "round " << round;
    ASSERT_EQ(cached.cache.note, "") << "round " << round;
    ASSERT_GE(cached.cache.parsed, 1u) << "round " << round;
    Corpus warm = load_corpus(corpus.root(), cached_in(cache.root()));
    ASSERT_TRUE(warm.cache.merged) << "round " << round;
    ASSERT_EQ(dump(warm), dump(cached)) << "round " << round;
  }
}

TEST(CachePatch, OnlyTheEditedFilesAndThoseSharingTheirIdsAreDecoded) {
  // A damaged blob of a file that shares no id with the edited one: a patched load never
  // reads it (no note), a load that decodes every file finds it.
  TempFolder corpus;
  TempFolder cache;
  write_corpus(corpus);
  load_corpus(corpus.root(), cached_in(cache.root()));
  const fs::path file = cache_file(corpus, cache.root());
  std::size_t more_json_blob_end = 0;
  {
    std::string problem;
    auto read = records::read_cache(file, records::current_cache_key({}), problem);
    ASSERT_TRUE(read.has_value()) << problem;
    for (const records::CachedFile& entry : read->files())
      if (entry.path == "policies/more.json") more_json_blob_end = static_cast<std::size_t>(entry.blob.end());
  }
  ASSERT_GT(more_json_blob_end, 0u);
  std::string bytes = read_bytes(file);
  bytes[more_json_blob_end - 1] = static_cast<char>(bytes[more_json_blob_end - 1] ^ 1);
  write_bytes(file, bytes);

  corpus.write("policies/en/b.md", "---\nid: b\ntitle: B patched\nyear: 2010\n---\n", 60);
  Corpus patched = load_corpus(corpus.root(), cached_in(cache.root()));
  EXPECT_EQ(patched.cache.parsed, 1u);
  EXPECT_EQ(patched.cache.note, "");  // more.json's blob was not read
  EXPECT_FALSE(patched.cache.merged);
  EXPECT_EQ(dump(patched), dump(load_corpus(corpus.root(), without_cache())));

  LoadOptions in_french = cached_in(cache.root());
  in_french.preferred_language = "fr";
  Corpus every_blob = load_corpus(corpus.root(), in_french);
  EXPECT_EQ(every_blob.cache.note,
            "the cache '" + file.string() +
                "' is damaged (1 entry does not match its checksum or does not decode); it is rebuilt");
}

}  // namespace patching

}  // namespace
}  // namespace policygraph
