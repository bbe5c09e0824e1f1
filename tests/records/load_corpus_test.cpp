// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "policygraph/loader.hpp"
#include "records/record_dump.hpp"
#include "records/temp_corpus.hpp"

namespace policygraph {
namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

Strings messages(const Corpus& corpus) {
  Strings out;
  for (const auto& d : corpus.diagnostics) out.push_back(format_diagnostic(d));
  return out;
}

Strings keys(const Corpus& corpus) {
  Strings out;
  for (const auto& r : corpus.records) out.push_back(std::string(to_string(r.kind)) + ":" + r.id);
  return out;
}

void write_small_corpus(const TempCorpus& corpus) {
  corpus.write("policies/en/a.md", "---\nid: a\ntitle: Act A\nevolution:\n  supersedes: [old]\n---\nBody\n");
  corpus.write("policies/zh/a.md", "---\nid: a\ntitle: 甲法\n---\n");
  corpus.write("policies/en/b.md", "---\n{ 'id': 'b', 'title': 'Flow B' }\n---\n");
  corpus.write("policies/list.yaml", "- id: c\n  title: C\n- id: d\n  title: D\n");
  corpus.write("policies/more.json", "[{\"id\": \"e\", \"title\": \"E\"}]");
  corpus.write("policies/lines.jsonl", "{\"id\": \"f\", \"title\": \"F\"}\n\n{\"id\": 7, \"title\": \"Seven\"}\n");
  corpus.write("facilities/en/1.md", "---\nid: 1\nname: Plant\nhub: North\nrelatedPolicies: a\n---\n");
  corpus.write("facilities/zh/1.md", "---\nid: 1\nname: 工厂\n---\n");
  corpus.write("README.md", "# About this corpus\n");
  corpus.write(".git/x.md", "---\nid: hidden\n---\n");
  corpus.write("policies/.draft.md", "---\nid: hidden\n---\n");
  corpus.write("notes.txt", "id: not-read\n");
}

TEST(LoadCorpus, ReadsEveryKindAndMergesTranslations) {
  TempCorpus corpus;
  write_small_corpus(corpus);
  Corpus loaded = load_corpus(corpus.root());
  EXPECT_EQ(keys(loaded), (Strings{"policy:7", "policy:a", "policy:b", "policy:c", "policy:d", "policy:e", "policy:f",
                                   "facility:1"}));
  EXPECT_EQ(messages(loaded), Strings{"README.md: note: no front matter (a first line '---'); read as a plain page, "
                                      "not a record"});
  EXPECT_EQ(loaded.files_read, 9u);
  const Record& a = loaded.records[1];
  EXPECT_EQ(a.label, "Act A");
  EXPECT_EQ(a.language, "en");
  ASSERT_EQ(a.translations.size(), 1u);
  EXPECT_EQ(a.translations[0].name, "title@zh");
  EXPECT_EQ(a.translations[0].value, "甲法");
  EXPECT_EQ(relation_refs(a, Relation::supersedes)[0].id, "old");
  const Record& plant = loaded.records.back();
  EXPECT_EQ(plant.kind, RecordKind::facility);
  EXPECT_EQ(plant.clusters, Strings{"North"});
  EXPECT_EQ(plant.translations[0].name, "name@zh");
}

TEST(LoadCorpus, SameResultWhateverTheThreadCount) {
  TempCorpus corpus;
  write_small_corpus(corpus);
  for (int i = 0; i < 40; ++i)
    corpus.write("policies/en/gen" + std::to_string(i) + ".md",
                 "---\nid: g" + std::to_string(i % 30) + "\ntitle: G" + std::to_string(i) + "\n---\n");
  // Without the cache, explicitly: a cache written by the first load would serve the second,
  // which would then parse nothing and compare the cache with itself.
  LoadOptions one_thread, four_threads;
  one_thread.use_cache = four_threads.use_cache = false;
  one_thread.threads = 1;
  four_threads.threads = 4;
  Corpus one = load_corpus(corpus.root(), one_thread);
  Corpus four = load_corpus(corpus.root(), four_threads);
  // Both read every file themselves: 9 of the small corpus and the 40 generated.
  EXPECT_FALSE(one.cache.used);
  EXPECT_FALSE(four.cache.used);
  EXPECT_EQ(one.files_read, 49u);
  EXPECT_EQ(four.files_read, 49u);
  EXPECT_EQ(one.records.size(), 38u);  // 8 of the small corpus, g0..g29
  EXPECT_EQ(keys(one), keys(four));
  EXPECT_EQ(messages(one), messages(four));
  EXPECT_EQ(count_errors(one.diagnostics), 10u);  // gen30..gen39 repeat g0..g9
  EXPECT_EQ(dump(one), dump(four));
}

TEST(LoadCorpus, ReportsProgress) {
  TempCorpus corpus;
  write_small_corpus(corpus);
  std::size_t last_done = 0, last_total = 0;
  LoadOptions options;
  options.on_progress = [&](std::size_t done, std::size_t total) {
    last_done = done;
    last_total = total;
  };
  load_corpus(corpus.root(), options);
  EXPECT_EQ(last_done, 9u);
  EXPECT_EQ(last_total, 9u);
}

TEST(LoadCorpus, DuplicateIdNamesBothFiles) {
  TempCorpus corpus;
  corpus.write("policies/en/one.md", "---\nid: same\ntitle: One\n---\n");
  corpus.write("policies/en/two.md", "---\nid: same\ntitle: Two\n---\n");
  corpus.write("policies/en/other.md", "---\nid: other\ntitle: Other\n---\n");
  Corpus loaded = load_corpus(corpus.root());
  EXPECT_EQ(keys(loaded), (Strings{"policy:other", "policy:same"}));
  EXPECT_EQ(loaded.records[1].label, "One");
  EXPECT_EQ(messages(loaded),
            Strings{"policies/en/two.md:2:5: error: policy 'same' in language 'en' is defined twice: in "
                    "policies/en/one.md:2 (kept) and in policies/en/two.md:2 (skipped); remove one or give it another "
                    "id"});
}

TEST(LoadCorpus, BadFilesDoNotLoseTheOthers) {
  TempCorpus corpus;
  corpus.write("policies/en/good1.md", "---\nid: good1\ntitle: Good\n---\n");
  corpus.write("policies/en/syntax.md", "---\nid: s\ntitle: [x\n---\n");
  corpus.write("policies/en/unclosed.md", "---\nid: u\n");
  corpus.write("policies/en/empty.md", "");
  corpus.write("policies/en/noid.md", "---\ntitle: T\n---\n");
  corpus.write("policies/en/idmap.md", "---\nid: {a: b}\n---\n");
  corpus.write("policies/en/binary.md", std::string("\x7f"
                                                    "ELF\0\0",
                                                    6));
  corpus.write("policies/en/latin1.md", "---\nid: l\ntitle: caf\xe9\n---\n");
  corpus.write("policies/en/deep.yaml", "id: d\nx: " + std::string(10'000, '[') + std::string(10'000, ']'));
  corpus.write("policies/en/laughs.yaml",
               "id: bomb\ntitle: B\nl0: &l0 [a, a]\nl1: &l1 [*l0, *l0]\nl2: &l2 [*l1, *l1]\ntags: *l2\n");
  corpus.write("policies/en/good2.yaml", "id: good2\ntitle: Good too\n");
  Corpus loaded = load_corpus(corpus.root());
  EXPECT_EQ(keys(loaded), (Strings{"policy:bomb", "policy:good1", "policy:good2"}));
  EXPECT_EQ(loaded.files_read, 11u);
  Strings files;
  for (const auto& d : loaded.diagnostics) files.push_back(d.file);
  EXPECT_EQ(files, (Strings{"policies/en/binary.md", "policies/en/deep.yaml", "policies/en/empty.md",
                            "policies/en/idmap.md", "policies/en/latin1.md", "policies/en/laughs.yaml",
                            "policies/en/noid.md", "policies/en/syntax.md", "policies/en/unclosed.md"}));
}

TEST(LoadCorpus, MissingRootIsAnErrorOnTheRoot) {
  Corpus loaded = load_corpus("/nonexistent/policygraph/corpus");
  EXPECT_TRUE(loaded.records.empty());
  ASSERT_EQ(loaded.diagnostics.size(), 1u);
  EXPECT_EQ(format_diagnostic(loaded.diagnostics[0]),
            "/nonexistent/policygraph/corpus: error: cannot read the corpus folder (No such file or directory); check "
            "the path given with -C");
}

TEST(LoadCorpus, FileLargerThanTheLimitIsSkipped) {
  TempCorpus corpus;
  corpus.write("a.yaml", "id: a\ntitle: " + std::string(200, 'x') + "\n");
  corpus.write("b.yaml", "id: b\ntitle: B\n");
  LoadOptions options;
  options.limits.max_file_bytes = 100;
  Corpus loaded = load_corpus(corpus.root(), options);
  EXPECT_EQ(keys(loaded), Strings{"policy:b"});
  EXPECT_EQ(messages(loaded),
            Strings{"a.yaml: error: file is 214 bytes, more than the limit of 100 bytes; it is skipped; split it into "
                    "smaller files or raise --max-file-size"});
}

TEST(LoadCorpus, SymlinkLoopIsReportedOnce) {
  TempCorpus corpus;
  corpus.write("policies/a.md", "---\nid: a\ntitle: A\n---\n");
  fs::create_directory_symlink("..", corpus.root() / "policies" / "loop");
  fs::create_symlink("self.md", corpus.root() / "self.md");
  Corpus loaded = load_corpus(corpus.root());
  EXPECT_EQ(keys(loaded), Strings{"policy:a"});
  ASSERT_EQ(loaded.diagnostics.size(), 2u);
  EXPECT_EQ(format_diagnostic(loaded.diagnostics[0]),
            "policies/loop: warning: symbolic link loop: it leads back to '.', a folder that holds it; skipped; "
            "remove the link");
  EXPECT_EQ(format_diagnostic(loaded.diagnostics[1]),
            "self.md: warning: symbolic link loop (Too many levels of symbolic links); skipped; remove the link");
}

TEST(LoadCorpus, SymlinksOutOfTheCorpusNeedFollowSymlinks) {
  TempCorpus corpus;
  TempCorpus outside;
  outside.write("en/x.md", "---\nid: x\ntitle: X\n---\n");
  corpus.write("policies/a.md", "---\nid: a\ntitle: A\n---\n");
  fs::create_directory_symlink(outside.root(), corpus.root() / "policies" / "linked");
  fs::create_symlink(corpus.root() / "policies" / "a.md", corpus.root() / "policies" / "again.md");

  Corpus kept_in = load_corpus(corpus.root());
  EXPECT_EQ(keys(kept_in), Strings{"policy:a"});
  ASSERT_EQ(kept_in.diagnostics.size(), 2u);
  EXPECT_EQ(kept_in.diagnostics[0].file, "policies/again.md");  // inside: read by its own path only
  EXPECT_EQ(kept_in.diagnostics[0].severity, Severity::note);
  EXPECT_EQ(kept_in.diagnostics[1].file, "policies/linked");
  EXPECT_NE(kept_in.diagnostics[1].message.find("leads out of the corpus folder"), std::string::npos);

  LoadOptions follow;
  follow.follow_symlinks = true;
  Corpus followed = load_corpus(corpus.root(), follow);
  EXPECT_EQ(keys(followed), (Strings{"policy:a", "policy:x"}));
  EXPECT_EQ(followed.records[1].file, "policies/linked/en/x.md");
  EXPECT_EQ(followed.records[1].language, "en");
}

TEST(LoadCorpus, UnreadableFileIsADiagnostic) {
  TempCorpus corpus;
  corpus.write("a.md", "---\nid: a\ntitle: A\n---\n");
  fs::path locked = corpus.write("locked.md", "---\nid: l\ntitle: L\n---\n");
  fs::permissions(locked, fs::perms::none);
  if (::access(locked.c_str(), R_OK) == 0) GTEST_SKIP() << "running with rights to read every file (root)";
  Corpus loaded = load_corpus(corpus.root());
  EXPECT_EQ(keys(loaded), Strings{"policy:a"});
  EXPECT_EQ(messages(loaded),
            Strings{"locked.md: error: cannot read the file (Permission denied); check its permissions"});
}

}  // namespace
}  // namespace policygraph
