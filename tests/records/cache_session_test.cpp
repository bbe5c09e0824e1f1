// SPDX-License-Identifier: MIT
// The cache of parsed records as a load sees it: warm equals cold, what changes is parsed
// again, a damaged or foreign cache is rebuilt, runs at once leave one whole cache.
#include "records/cache_test_corpus.hpp"

namespace policygraph {
namespace {

using namespace cache_test;
using ParseCache = CacheTest;

TEST_F(ParseCache, WarmLoadEqualsColdLoad) {
  write_corpus(corpus);
  Corpus plain = load_plain();
  Corpus cold = load_cached();
  Corpus warm = load_cached();

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

// The identity build_graph() keys the kept graph on: the same while the records are, another
// once they change, none without a cache; the load that saves a merged corpus and the load it
// serves next agree, so the graph kept by the first is read by the second.
TEST_F(ParseCache, RecordsIdentityFollowsTheRecords) {
  write_corpus(corpus);
  Corpus cold = load_cached();
  Corpus warm = load_cached();
  EXPECT_NE(cold.cache.records_identity, 0u);
  EXPECT_EQ(warm.cache.records_identity, cold.cache.records_identity);
  EXPECT_EQ(cold.cache.graph_file, fs::path(cache_file(corpus, cache.root())).replace_extension(".graph"));
  EXPECT_EQ(warm.cache.graph_file, cold.cache.graph_file);
  Corpus plain = load_plain();
  EXPECT_EQ(plain.cache.records_identity, 0u);
  EXPECT_TRUE(plain.cache.graph_file.empty());

  corpus.write("policies/en/b.md", "---\nid: b\ntitle: B renamed\nyear: 2010\n---\n", 60);
  Corpus changed = load_cached();
  EXPECT_NE(changed.cache.records_identity, 0u);
  EXPECT_NE(changed.cache.records_identity, cold.cache.records_identity);
  EXPECT_EQ(load_cached().cache.records_identity, changed.cache.records_identity);

  LoadOptions in_chinese = cached_in(cache.root());
  in_chinese.preferred_language = "zh";
  const std::uint64_t chinese = load_corpus(corpus.root(), in_chinese).cache.records_identity;
  EXPECT_NE(chinese, 0u);
  EXPECT_NE(chinese, changed.cache.records_identity);
  EXPECT_EQ(load_corpus(corpus.root(), in_chinese).cache.records_identity, chinese);
}

TEST_F(ParseCache, AnotherLanguageIsMergedAgainAndCached) {
  write_corpus(corpus);
  LoadOptions in_chinese = cached_in(cache.root());
  in_chinese.preferred_language = "zh";
  LoadOptions plain_chinese = without_cache();
  plain_chinese.preferred_language = "zh";
  load_cached();

  Corpus first = load_corpus(corpus.root(), in_chinese);  // the merged corpus is for English
  EXPECT_FALSE(first.cache.merged);
  EXPECT_EQ(first.cache.reused, corpus_files);
  EXPECT_EQ(dump(first), dump(load_corpus(corpus.root(), plain_chinese)));
  Corpus again = load_corpus(corpus.root(), in_chinese);
  EXPECT_TRUE(again.cache.merged);
  EXPECT_EQ(dump(again), dump(first));
  Corpus english = load_cached();
  EXPECT_FALSE(english.cache.merged);
  EXPECT_EQ(dump(english), dump(load_plain()));
}

TEST_F(ParseCache, WalkDiagnosticsAreNotCachedWithTheMergedCorpus) {
  write_corpus(corpus);
  fs::create_symlink("a.md", corpus.root() / "policies" / "en" / "link.md");  // a note of the walk
  Corpus cold = load_cached();
  Corpus warm = load_cached();
  EXPECT_TRUE(warm.cache.merged);
  EXPECT_EQ(dump(warm), dump(cold));
  fs::remove(corpus.root() / "policies" / "en" / "link.md");
  Corpus unlinked = load_cached();
  EXPECT_TRUE(unlinked.cache.merged);
  EXPECT_EQ(dump(unlinked), dump(load_plain()));
  EXPECT_LT(unlinked.diagnostics.size(), warm.diagnostics.size());
}

TEST_F(ParseCache, OneChangedFileIsNotServedByTheMergedCorpus) {
  write_corpus(corpus);
  load_cached();
  load_cached();
  corpus.write("policies/zh/a.md", "---\nid: a\ntitle: 甲法修订\n---\n", 60);
  Corpus changed = load_cached();
  EXPECT_FALSE(changed.cache.merged);
  EXPECT_EQ(changed.cache.parsed, 1u);
  EXPECT_EQ(dump(changed), dump(load_plain()));
  Corpus after = load_cached();
  EXPECT_TRUE(after.cache.merged);
  EXPECT_EQ(dump(after), dump(changed));
}

TEST_F(ParseCache, UnchangedCorpusIsNotWrittenAgain) {
  write_corpus(corpus);
  load_cached();
  fs::path file = cache_file(corpus, cache.root());
  auto written = fs::last_write_time(file);
  fs::last_write_time(file, written - std::chrono::hours(2));
  load_cached();
  EXPECT_EQ(fs::last_write_time(file), written - std::chrono::hours(2));
}

TEST_F(ParseCache, ChangedFileAloneIsParsed) {
  write_corpus(corpus);
  load_cached();
  corpus.write("policies/en/b.md", "---\nid: b\ntitle: B renamed\nyear: 2010\n---\n", 60);
  Corpus warm = load_cached();
  EXPECT_EQ(warm.cache.parsed, 1u);
  EXPECT_EQ(warm.cache.reused, corpus_files - 1);
  EXPECT_EQ(dump(warm), dump(load_plain()));
}

TEST_F(ParseCache, SameSizeSameTimeChangeIsFoundByTheStatusChangeTime) {
  // What `touch -d` or `cp -p` leave: new bytes, old size, old time. Only ctime moved.
  write_corpus(corpus);
  load_cached();
  const fs::path b = corpus.root() / "policies/en/b.md";
  auto time = fs::last_write_time(b);
  std::string text = read_bytes(b);
  // File times come from a clock that ticks every few milliseconds: wait for the next tick,
  // or the new ctime could equal the cached one.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  text.replace(text.find("title: B"), 8, "title: Q");
  write_bytes(b, text);
  fs::last_write_time(b, time);
  Corpus warm = load_cached();
  EXPECT_EQ(warm.cache.parsed, 1u);
  EXPECT_EQ(dump(warm), dump(load_plain()));
}

TEST_F(ParseCache, AddedFileIsParsed) {
  write_corpus(corpus);
  load_cached();
  corpus.write("policies/en/new.md", "---\nid: new\ntitle: New\n---\n");
  Corpus warm = load_cached();
  EXPECT_EQ(warm.cache.parsed, 1u);
  EXPECT_EQ(warm.cache.reused, corpus_files);
  EXPECT_EQ(dump(warm), dump(load_plain()));
  Corpus again = load_cached();
  EXPECT_EQ(again.cache.reused, corpus_files + 1);
}

TEST_F(ParseCache, RemovedFileIsDropped) {
  write_corpus(corpus);
  load_cached();
  fs::remove(corpus.root() / "policies/list.yaml");
  Corpus warm = load_cached();
  EXPECT_EQ(warm.cache.removed, 1u);
  EXPECT_EQ(warm.cache.parsed, 0u);
  EXPECT_EQ(warm.cache.reused, corpus_files - 1);
  EXPECT_EQ(dump(warm), dump(load_plain()));
  Corpus again = load_cached();
  EXPECT_EQ(again.cache.removed, 0u);  // the entry is gone from the rewritten cache
  EXPECT_EQ(again.cache.reused, corpus_files - 1);
}

TEST_F(ParseCache, TouchedButUnchangedFileIsReusedByItsHash) {
  write_corpus(corpus);
  load_cached();
  corpus.set_age("policies/en/a.md", 120);
  Corpus warm = load_cached();
  EXPECT_EQ(warm.cache.reused, corpus_files);
  EXPECT_EQ(warm.cache.verified, 1u);
  EXPECT_EQ(warm.cache.parsed, 0u);
  Corpus again = load_cached();  // its new time was saved
  EXPECT_EQ(again.cache.reused, corpus_files);
  EXPECT_EQ(again.cache.verified, 0u);
}

TEST_F(ParseCache, RecentlyModifiedFileIsVerifiedByItsHash) {
  // Modified within the racy window before the load that cached it: a change in the same
  // clock tick would not show in its time, so the next load reads and hashes it.
  write_corpus(corpus);
  std::ofstream(corpus.root() / "policies/en/now.md", std::ios::binary) << "---\nid: now\n---\n";
  load_cached();
  Corpus warm = load_cached();
  EXPECT_EQ(warm.cache.verified, 1u);
  EXPECT_EQ(warm.cache.reused, corpus_files + 1);
}

TEST_F(ParseCache, EveryFlippedByteIsFoundAndRebuilt) {
  write_corpus(corpus);
  const auto expected = dump(load_plain());
  load_cached();
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
    Corpus loaded = load_cached();
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
  Corpus rebuilt = load_cached();
  EXPECT_EQ(rebuilt.cache.note, "");
  EXPECT_EQ(rebuilt.cache.reused, corpus_files);
}

TEST_F(ParseCache, FlippedByteNotes) {
  write_corpus(corpus);
  load_cached();
  const fs::path file = cache_file(corpus, cache.root());
  const std::string good = read_bytes(file);
  const std::size_t last_blob_byte = blob_region(file).second - 1;
  auto note_after_flip = [&](std::size_t i) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 1);
    write_bytes(file, bad);
    return load_cached().cache;
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

TEST_F(ParseCache, AChunkThatMiscountsItsRecordsIsDamage) {
  // A warm load makes room for the records of every chunk of the merged corpus from their
  // counts before it decodes any: a count changed in the file must not serve a record more
  // or less, nor read past the chunk.
  write_corpus(corpus);
  const auto expected = dump(load_plain());
  load_cached();
  const fs::path file = cache_file(corpus, cache.root());
  const std::string good = read_bytes(file);
  const auto loaded = read_back(file);
  ASSERT_TRUE(loaded && loaded->merge());
  const std::vector<records::CacheSpan> chunks = loaded->merge()->chunks;
  ASSERT_GE(chunks.size(), 2u);  // the records, then the diagnostics
  for (const records::CacheSpan& chunk : chunks) {
    const auto count = static_cast<unsigned char>(good[chunk.offset]);
    ASSERT_LT(count, 0x7F);  // one varint byte in this small corpus
    for (const unsigned char changed : {static_cast<unsigned char>(count + 1), static_cast<unsigned char>(count ^ 1)}) {
      std::string bad = good;
      bad[chunk.offset] = static_cast<char>(changed);
      write_bytes(file, bad);
      const Corpus served = load_cached();
      ASSERT_EQ(dump(served), expected) << chunk.offset << " " << int(changed);
      EXPECT_NE(served.cache.note.find("a chunk of its merged corpus does not match"), std::string::npos)
          << served.cache.note;
    }
  }
}

TEST_F(ParseCache, TruncatedCacheIsRebuilt) {
  write_corpus(corpus);
  const auto expected = dump(load_plain());
  load_cached();
  const fs::path file = cache_file(corpus, cache.root());
  const std::string good = read_bytes(file);
  const auto [blobs_begin, blobs_end] = blob_region(file);
  for (std::size_t length : sampled_positions(good.size(), {blobs_begin, blobs_end})) {
    fs::resize_file(file, length);
    Corpus loaded = load_cached();
    ASSERT_EQ(dump(loaded), expected) << length;
    ASSERT_EQ(loaded.cache.parsed, corpus_files) << length;
    ASSERT_NE(loaded.cache.note.find("is damaged"), std::string::npos) << length;
  }
  fs::resize_file(file, good.size() / 2);
  EXPECT_EQ(load_cached().cache.note, "the cache '" + file.string() + "' is damaged (truncated); it is rebuilt");
}

// A cache written by another key: the rebuild and its note.
CacheReport load_after_writing_with(const records::CacheKey& key, const CorpusAndCache& folders) {
  folders.load_cached();
  const fs::path file = cache_file(folders.corpus, folders.cache.root());
  std::string problem;
  EXPECT_TRUE(records::read_cache(file, records::current_cache_key({}), problem).has_value()) << problem;
  EXPECT_TRUE(records::write_empty_cache(file, key, problem)) << problem;
  return folders.load_cached().cache;
}

TEST_F(ParseCache, CacheOfAnotherFormatIsRebuilt) {
  write_corpus(corpus);
  records::CacheKey key = records::current_cache_key({});
  key.format_version += 1;
  CacheReport report = load_after_writing_with(key, *this);
  EXPECT_EQ(report.note, "the cache '" + cache_file(corpus, cache.root()).string() + "' is in cache format " +
                             std::to_string(key.format_version) + " (this is format " +
                             std::to_string(key.format_version - 1) + "); it is rebuilt");
  EXPECT_EQ(report.parsed, corpus_files);
}

TEST_F(ParseCache, CacheOfAnotherVersionOrBuildIsRebuilt) {
  write_corpus(corpus);
  records::CacheKey key = records::current_cache_key({});
  const std::string version = key.library_version;
  key.library_version = "0.0.0-old";
  CacheReport report = load_after_writing_with(key, *this);
  EXPECT_EQ(report.note, "the cache '" + cache_file(corpus, cache.root()).string() +
                             "' was written by policygraph 0.0.0-old (this is " + version + "); it is rebuilt");
  EXPECT_EQ(report.parsed, corpus_files);

  key = records::current_cache_key({});
  key.build_identity += " and another";
  report = load_after_writing_with(key, *this);
  EXPECT_NE(report.note.find("was written by another build of policygraph"), std::string::npos) << report.note;
  EXPECT_EQ(report.parsed, corpus_files);
}

// Issue 18, point 5: the key was the size and time of the binary, so that a build of the
// same size and time (reproducible builds fix times) read another build's cache, and a copy
// of the binary elsewhere rebuilt it. The key is the build's content now.
TEST_F(ParseCache, KeyIsTheBuildNotTheBinarysTimes) {
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

TEST_F(ParseCache, OtherLimitsRebuild) {
  write_corpus(corpus);
  load_cached();
  LoadOptions deeper = cached_in(cache.root());
  deeper.limits.max_depth = 20;
  Corpus loaded = load_corpus(corpus.root(), deeper);
  EXPECT_NE(loaded.cache.note.find("was written with other limits; it is rebuilt"), std::string::npos);
  EXPECT_EQ(loaded.cache.parsed, corpus_files);
  EXPECT_EQ(load_corpus(corpus.root(), deeper).cache.reused, corpus_files);
}

TEST_F(ParseCache, UnwritableCacheFolderLoadsWithoutACacheAndANote) {
  write_corpus(corpus);
  write_bytes(cache.root() / "a-file", "not a folder");  // even root cannot make a folder in it
  Corpus loaded = load_corpus(corpus.root(), cached_in(cache.root() / "a-file" / "cache"));
  EXPECT_FALSE(loaded.cache.used);
  EXPECT_EQ(loaded.cache.parsed, corpus_files);
  EXPECT_EQ(loaded.cache.note.rfind("the cache of parsed records is not saved: cannot create the folder", 0), 0u)
      << loaded.cache.note;
  EXPECT_EQ(dump(loaded), dump(load_plain()));
}

TEST_F(ParseCache, NoCacheWritesNothing) {
  write_corpus(corpus);
  LoadOptions options = cached_in(cache.root() / "cache");
  options.use_cache = false;
  Corpus loaded = load_corpus(corpus.root(), options);
  EXPECT_FALSE(loaded.cache.used);
  EXPECT_EQ(loaded.cache.note, "");
  EXPECT_EQ(loaded.cache.parsed, 0u);
  EXPECT_FALSE(fs::exists(cache.root() / "cache"));
}

TEST_F(ParseCache, RunsAtOnceLeaveOneWholeCache) {
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
  Corpus warm = load_cached();
  EXPECT_EQ(warm.cache.note, "");
  EXPECT_EQ(warm.cache.reused, corpus_files);
  std::size_t leftovers = 0;
  for (const auto& entry : fs::directory_iterator(cache.root())) leftovers += entry.path().extension() != ".cache";
  EXPECT_EQ(leftovers, 0u);  // no temporary file left behind
}

// Issue 18, point 4: a cache write killed midway left its temporary file for ever.
TEST_F(ParseCache, StaleTemporariesOfGoneWritersAreRemoved) {
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
  EXPECT_TRUE(load_cached().cache.used);
  EXPECT_FALSE(fs::exists(dead));
  EXPECT_FALSE(fs::exists(before_pids));
  EXPECT_TRUE(fs::exists(file));
}

TEST_F(ParseCache, OneFolderServesSeveralCorpora) {
  TempFolder first;
  TempFolder second;
  write_corpus(first);
  second.write("policies/en/z.md", "---\nid: z\n---\n");
  load_corpus(first.root(), cached_in(cache.root()));
  load_corpus(second.root(), cached_in(cache.root()));
  EXPECT_EQ(load_corpus(first.root(), cached_in(cache.root())).cache.reused, corpus_files);
  EXPECT_EQ(load_corpus(second.root(), cached_in(cache.root())).cache.reused, 1u);
}

}  // namespace
}  // namespace policygraph
