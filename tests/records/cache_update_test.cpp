// SPDX-License-Identifier: MIT
// Updating the cache: the listing that stands for the walk, appends after edits, compaction,
// and the merged corpus patched for a few edited files.
#include "records/cache_test_corpus.hpp"

namespace policygraph {
namespace {

using namespace cache_test;
using CacheListing = CacheTest;
using CacheAppend = CacheTest;
using CacheCompaction = CacheTest;
using CachePatch = CacheTest;

namespace listing {

// A corpus and a cache whose last load was served by the cache's listing: every folder
// aged, the cache written after that, then a load that did not walk.
struct Listed : CorpusAndCache {
  Listed() {
    write_corpus(corpus);
    corpus.age_folders();
    load_cached();
    Corpus warm = load_cached();
    EXPECT_FALSE(warm.cache.walked);
  }
};

TEST_F(CacheListing, UnchangedFoldersStandForTheWalk) {
  Listed listed;
  Corpus warm = listed.load_cached();
  EXPECT_FALSE(warm.cache.walked);
  EXPECT_TRUE(warm.cache.merged);
  EXPECT_EQ(dump(warm), dump(listed.load_plain()));
  Corpus cold = listed.load_plain();
  EXPECT_TRUE(cold.cache.walked);
}

TEST_F(CacheListing, FileChangedInPlaceIsFoundWithoutAWalk) {
  Listed listed;
  const fs::path b = listed.corpus.root() / "policies/en/b.md";
  std::ofstream(b, std::ios::binary | std::ios::trunc) << "---\nid: b\ntitle: B edited\n---\n";
  listed.corpus.set_age("policies/en/b.md", 60);  // writing in place leaves the folder's times
  Corpus changed = listed.load_cached();
  EXPECT_FALSE(changed.cache.walked);
  EXPECT_EQ(changed.cache.parsed, 1u);
  EXPECT_EQ(dump(changed), dump(listed.load_plain()));
}

TEST_F(CacheListing, FileAddedToAListedFolderIsFound) {
  Listed listed;
  listed.corpus.write("policies/en/new.md", "---\nid: new\ntitle: New\n---\n");
  Corpus added = listed.load_cached();
  EXPECT_TRUE(added.cache.walked);
  EXPECT_EQ(added.cache.parsed, 1u);
  EXPECT_EQ(dump(added), dump(listed.load_plain()));
}

TEST_F(CacheListing, FileRemovedOrRenamedIsFound) {
  Listed listed;
  fs::remove(listed.corpus.root() / "policies/list.yaml");
  Corpus removed = listed.load_cached();
  EXPECT_TRUE(removed.cache.walked);
  EXPECT_EQ(removed.cache.removed, 1u);
  EXPECT_EQ(dump(removed), dump(listed.load_plain()));

  listed.corpus.age_folders();
  Corpus walked = listed.load_cached();  // served by the merged corpus, and the new times are cached
  EXPECT_TRUE(walked.cache.walked);
  EXPECT_TRUE(walked.cache.merged);
  EXPECT_FALSE(listed.load_cached().cache.walked);
  fs::rename(listed.corpus.root() / "policies/en/b.md", listed.corpus.root() / "policies/en/b2.md");
  Corpus renamed = listed.load_cached();
  EXPECT_TRUE(renamed.cache.walked);
  EXPECT_EQ(dump(renamed), dump(listed.load_plain()));
}

TEST_F(CacheListing, FileInANewOrEmptyFolderIsFound) {
  write_corpus(corpus);
  fs::create_directories(corpus.root() / "policies" / "fr");  // empty, listed all the same
  corpus.age_folders();
  load_cached();
  ASSERT_FALSE(load_cached().cache.walked);

  std::ofstream(corpus.root() / "policies/fr/a.md", std::ios::binary) << "---\nid: a\ntitle: Loi A\n---\n";
  Corpus in_empty = load_cached();
  EXPECT_TRUE(in_empty.cache.walked);
  EXPECT_EQ(dump(in_empty), dump(load_plain()));

  corpus.write("facilities/de/deep/1.md", "---\nid: plant-1\nname: Werk\n---\n");
  Corpus in_new = load_cached();
  EXPECT_TRUE(in_new.cache.walked);
  EXPECT_EQ(dump(in_new), dump(load_plain()));
}

TEST_F(CacheListing, RecentlyChangedFolderIsWalked) {
  // Changed within the racy window before the load that cached it: an entry added in the
  // same clock tick would not show in its time.
  write_corpus(corpus);
  load_cached();
  load_cached();
  EXPECT_TRUE(load_cached().cache.walked);
}

TEST_F(CacheListing, SymbolicLinkInTheCorpusMeansAWalkEveryTime) {
  // A link's target can change without any folder's times changing.
  write_corpus(corpus);
  fs::create_symlink("a.md", corpus.root() / "policies" / "en" / "link.md");
  corpus.age_folders();
  load_cached();
  Corpus warm = load_cached();
  EXPECT_TRUE(warm.cache.walked);
  EXPECT_TRUE(warm.cache.merged);
  EXPECT_EQ(dump(warm), dump(load_plain()));
}

TEST_F(CacheListing, FileLeftOutOfTheCacheMeansAWalkEveryTime) {
  // A file too large to read has no entry: a listing made of the entries would lose it, and
  // its diagnostic with it.
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
  auto cache = read_back(file);
  if (!cache) return {};
  return {cache->table_offset(), cache->length()};
}

// The bytes of the data no entry or chunk names, and all the data.
std::pair<std::uint64_t, std::uint64_t> dead_and_data(const fs::path& file) {
  auto cache = read_back(file);
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
struct Appended : CorpusAndCache {
  fs::path file;
  Header before;
  std::vector<std::string> expected;
  Appended() {
    write_corpus(corpus);
    load_cached();
    file = cache_file(corpus, cache.root());
    before = header_of(file);
    corpus.write("policies/en/b.md", "---\nid: b\ntitle: B edited\nyear: 2010\n---\n", 60);
    Corpus edited = load_cached();
    EXPECT_EQ(edited.cache.parsed, 1u);
    EXPECT_EQ(edited.cache.note, "");
    expected = dump(load_plain());
    EXPECT_EQ(dump(edited), expected);
  }
  Corpus load(const std::string& language = "en") const {
    LoadOptions options = cached_in(cache.root());
    options.preferred_language = language;
    return load_corpus(corpus.root(), options);
  }
};

TEST_F(CacheAppend, EditedFileAppendsItsBlobAndATableAndLeavesTheRestInPlace) {
  write_corpus(corpus);
  load_cached();
  const fs::path file = cache_file(corpus, cache.root());
  const std::string first = read_bytes(file);
  const Header before = header_of(file);
  struct stat old_status {};
  ASSERT_EQ(::stat(file.c_str(), &old_status), 0);

  corpus.write("policies/en/b.md", "---\nid: b\ntitle: B edited\nyear: 2010\n---\n", 60);
  Corpus edited = load_cached();
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

  const auto expected = dump(load_plain());
  EXPECT_EQ(dump(edited), expected);
  Corpus warm = load_cached();
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

TEST_F(CacheAppend, KilledAppendLeavesTheOldCacheWhole) {
  // A writer killed before its header write leaves bytes past the end the header names.
  write_corpus(corpus);
  const auto expected = dump(load_plain());
  load_cached();
  const fs::path file = cache_file(corpus, cache.root());
  const std::string whole = read_bytes(file);
  write_bytes(file, whole + std::string(5000, '\x5a'));
  Corpus warm = load_cached();
  EXPECT_TRUE(warm.cache.merged);
  EXPECT_EQ(warm.cache.note, "");
  EXPECT_EQ(dump(warm), expected);

  corpus.write("policies/en/b.md", "---\nid: b\ntitle: B edited\nyear: 2010\n---\n", 60);
  Corpus edited = load_cached();
  EXPECT_EQ(edited.cache.parsed, 1u);
  EXPECT_EQ(edited.cache.note, "");
  EXPECT_EQ(header_of(file).table_offset >= whole.size(), true);
  const auto expected_now = dump(load_plain());
  EXPECT_EQ(dump(edited), expected_now);
  Corpus after = load_cached();
  EXPECT_TRUE(after.cache.merged);
  EXPECT_EQ(dump(after), expected_now);
}

TEST_F(CacheAppend, TruncatedAppendedTailIsFoundAndRebuilt) {
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

TEST_F(CacheAppend, EveryFlippedByteOfTheAppendedTailIsFound) {
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

TEST_F(CacheCompaction, DeadSpacePastAQuarterIsCompacted) {
  // Ten Chinese records with 20 KB of text each: large blobs, but the merged corpus keeps
  // only their titles, so that an edit of a small record appends little (it is appended
  // to), and each edit of a large one leaves 20 KB dead, until the dead space passes a
  // quarter of the data and 64 KiB (it is compacted).
  write_corpus(corpus);
  for (int i = 0; i < 10; ++i) {
    const std::string id = "big" + std::to_string(i);
    corpus.write("policies/en/" + id + ".md", "---\nid: " + id + "\ntitle: Big " + id + "\n---\n");
    corpus.write("policies/zh/" + id + ".md",
                 "---\nid: " + id + "\ntitle: 大 " + id + "\nsummary: " + std::string(20'000, 'z') + "\n---\n");
  }
  load_cached();
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
    Corpus edited = load_cached();
    ASSERT_EQ(edited.cache.parsed, 1u) << edit;
    ASSERT_EQ(edited.cache.note, "") << edit;
    ASSERT_EQ(dump(edited), dump(load_plain())) << edit;
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
  Corpus warm = load_cached();
  EXPECT_TRUE(warm.cache.merged);
  EXPECT_EQ(warm.cache.note, "");
  EXPECT_EQ(dump(warm), dump(load_plain()));
}

TEST_F(CacheAppend, CacheHeldByAnotherWriterIsWrittenAnew) {
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

TEST_F(CachePatch, RandomEditsGiveTheAnswersOfAFullLoad) {
  std::mt19937_64 random(20261203);
  const auto& files = random_corpus_files();
  for (const std::string& file : files) corpus.write(file, random_record_file(random, file.ends_with(".yaml")));
  load_cached();
  for (int round = 1; round <= 40; ++round) {
    for (std::size_t n = 1 + random() % 3; n > 0; --n) {
      const std::string& file = files[random() % files.size()];
      corpus.write(file, random_record_file(random, file.ends_with(".yaml")), 10 * round);
    }
    Corpus cached = load_cached();
    ASSERT_EQ(dump(cached), dump(load_plain())) << "round " << round;
    ASSERT_EQ(cached.cache.note, "") << "round " << round;
    ASSERT_GE(cached.cache.parsed, 1u) << "round " << round;
    Corpus warm = load_cached();
    ASSERT_TRUE(warm.cache.merged) << "round " << round;
    ASSERT_EQ(dump(warm), dump(cached)) << "round " << round;
  }
}

// Flips the last byte of `path`'s blob in the cache file: a load that decodes that blob
// says the cache is damaged; one that never reads it says nothing.
void damage_blob(const fs::path& file, std::string_view path) {
  std::size_t blob_end = 0;
  {
    auto read = read_back(file);
    ASSERT_TRUE(read.has_value());
    for (const records::CachedFile& entry : read->files())
      if (entry.path == path) blob_end = static_cast<std::size_t>(entry.blob.end());
  }
  ASSERT_GT(blob_end, 0u);
  std::string bytes = read_bytes(file);
  bytes[blob_end - 1] = static_cast<char>(bytes[blob_end - 1] ^ 1);
  write_bytes(file, bytes);
}

TEST_F(CachePatch, OnlyTheEditedFilesAndThoseSharingTheirIdsAreDecoded) {
  // A damaged blob of a file that shares no id with the edited one: a patched load never
  // reads it (no note), a load that decodes every file finds it.
  write_corpus(corpus);
  load_cached();
  const fs::path file = cache_file(corpus, cache.root());
  damage_blob(file, "policies/more.json");

  corpus.write("policies/en/b.md", "---\nid: b\ntitle: B patched\nyear: 2010\n---\n", 60);
  Corpus patched = load_cached();
  EXPECT_EQ(patched.cache.parsed, 1u);
  EXPECT_EQ(patched.cache.note, "");  // more.json's blob was not read
  EXPECT_FALSE(patched.cache.merged);
  EXPECT_EQ(dump(patched), dump(load_plain()));

  LoadOptions in_french = cached_in(cache.root());
  in_french.preferred_language = "fr";
  Corpus every_blob = load_corpus(corpus.root(), in_french);
  EXPECT_EQ(every_blob.cache.note,
            "the cache '" + file.string() +
                "' is damaged (1 entry does not match its checksum or does not decode); it is rebuilt");
}

TEST_F(CachePatch, WordsOutsideTheVocabularyAreCountedWithoutDecodingOtherFiles) {
  // The note on such a word counts its uses over the whole corpus: a patch counts the other
  // records' from the cache, and decodes no other file (more.json's damaged blob stays unread).
  write_corpus(corpus);
  corpus.write("policies/en/z1.md", "---\nid: z1\ntitle: Z1\nstatus: Zombie\n---\n");
  corpus.write("policies/en/z2.md", "---\nid: z2\ntitle: Z2\nstatus: Zombie\n---\n");
  corpus.write("policies/zh/z2.md", "---\nid: z2\ntitle: Z2\nstatus: Zombie\n---\n");
  Corpus first = load_cached();
  auto notes_on = [](const Corpus& loaded, std::string_view word) {
    std::vector<std::string> found;
    for (const Diagnostic& d : loaded.diagnostics)
      if (d.message.starts_with("status '" + std::string(word) + "'")) found.push_back(format_diagnostic(d));
    return found;
  };
  ASSERT_EQ(notes_on(first, "Zombie").size(), 1u);
  EXPECT_NE(notes_on(first, "Zombie")[0].find("policies/en/z1.md:4:9: note: status 'Zombie'"), std::string::npos);
  EXPECT_NE(notes_on(first, "Zombie")[0].find("the 3 records"), std::string::npos);
  damage_blob(cache_file(corpus, cache.root()), "policies/more.json");

  // The first use edited to another unknown word: the note moves to the next use, one fewer.
  corpus.write("policies/en/z1.md", "---\nid: z1\ntitle: Z1\nstatus: Ghost\n---\n", 60);
  Corpus patched = load_cached();
  EXPECT_EQ(patched.cache.parsed, 1u);
  EXPECT_EQ(patched.cache.note, "");  // patched: more.json's blob was not read
  EXPECT_EQ(dump(patched), dump(load_plain()));
  ASSERT_EQ(notes_on(patched, "Zombie").size(), 1u);
  EXPECT_NE(notes_on(patched, "Zombie")[0].find("policies/en/z2.md:4:9: note: status 'Zombie'"), std::string::npos);
  EXPECT_NE(notes_on(patched, "Zombie")[0].find("the 2 records"), std::string::npos);
  ASSERT_EQ(notes_on(patched, "Ghost").size(), 1u);
  EXPECT_NE(notes_on(patched, "Ghost")[0].find("this policy's state is unknown"), std::string::npos);

  // And back to a word of the vocabulary: no note on Ghost; the patched cache serves a warm load.
  corpus.write("policies/en/z1.md", "---\nid: z1\ntitle: Z1\nstatus: Repealed\n---\n", 120);
  Corpus again = load_cached();
  EXPECT_EQ(again.cache.note, "");
  EXPECT_EQ(dump(again), dump(load_plain()));
  EXPECT_TRUE(notes_on(again, "Ghost").empty());
  Corpus warm = load_cached();
  EXPECT_TRUE(warm.cache.merged);
  EXPECT_EQ(dump(warm), dump(again));
}

}  // namespace patching

}  // namespace
}  // namespace policygraph
