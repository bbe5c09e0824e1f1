// SPDX-License-Identifier: MIT
// Issue 18, points 3 and 6: where the cache of parsed records lives. Not in the corpus (a
// folder someone else may own, often a git repository) unless asked, then with a
// .gitignore; never written through a link that leads out of where it should be.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "policygraph/loader.hpp"
#include "records/scoped_environment.hpp"
#include "records/temp_corpus.hpp"

namespace policygraph {
namespace {

namespace fs = std::filesystem;

LoadOptions caching() {
  LoadOptions options;
  options.use_cache = true;
  return options;
}

LoadOptions cached_in(const fs::path& folder) {
  LoadOptions options = caching();
  options.cache_folder = folder;
  return options;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::size_t entries_in(const fs::path& folder) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

TEST(CacheLocation, TheLoaderDoesNotCacheUnlessAsked) {
  TempCorpus corpus;
  TempCorpus home;
  corpus.write("a.yaml", "id: a\ntitle: A\n");
  ScopedEnvironment xdg("XDG_CACHE_HOME", home.root().string());
  Corpus loaded = load_corpus(corpus.root());
  EXPECT_FALSE(loaded.cache.used);
  EXPECT_EQ(loaded.cache.note, "");
  EXPECT_EQ(entries_in(home.root()), 0u);
  EXPECT_EQ(entries_in(corpus.root()), 1u);
}

TEST(CacheLocation, TheDefaultIsTheUsersCacheFolderKeyedByTheCorpusesRealPath) {
  TempCorpus corpus;
  TempCorpus home;
  corpus.write("a.yaml", "id: a\ntitle: A\n");
  ScopedEnvironment xdg("XDG_CACHE_HOME", home.root().string());
  Corpus cold = load_corpus(corpus.root(), caching());
  EXPECT_EQ(cold.cache.note, "");
  EXPECT_EQ(cold.cache.folder.parent_path(), home.root() / "policygraph");
  // A readable name and a hash of the real path: <name>-<16 hex digits>.
  const std::string name = fs::canonical(corpus.root()).filename().string();
  const std::string folder = cold.cache.folder.filename().string();
  EXPECT_EQ(folder.rfind(name + "-", 0), 0u) << folder;
  EXPECT_EQ(folder.size(), name.size() + 17) << folder;
  EXPECT_TRUE(fs::is_regular_file(cold.cache.folder / "records.cache"));
  EXPECT_EQ(entries_in(corpus.root()), 1u);  // nothing written in the corpus

  Corpus warm = load_corpus(corpus.root(), caching());
  EXPECT_EQ(warm.cache.reused, 1u);
  // The same corpus by another path (a link to it) is the same corpus, with the same cache.
  fs::create_directory_symlink(corpus.root(), home.root() / "link");
  Corpus linked = load_corpus(home.root() / "link", caching());
  EXPECT_EQ(linked.cache.folder, cold.cache.folder);
  EXPECT_EQ(linked.cache.reused, 1u);
}

TEST(CacheLocation, WithoutXdgCacheHomeTheCacheIsInHome) {
  TempCorpus corpus;
  TempCorpus home;
  corpus.write("a.yaml", "id: a\ntitle: A\n");
  ScopedEnvironment xdg("XDG_CACHE_HOME", std::nullopt);
  ScopedEnvironment user_home("HOME", home.root().string());
  Corpus loaded = load_corpus(corpus.root(), caching());
  EXPECT_EQ(loaded.cache.note, "");
  EXPECT_EQ(loaded.cache.folder.parent_path(), home.root() / ".cache" / "policygraph");
  EXPECT_TRUE(loaded.cache.used);
}

TEST(CacheLocation, WithNeitherXdgCacheHomeNorHomeThereIsNoCacheAndANote) {
  TempCorpus corpus;
  corpus.write("a.yaml", "id: a\ntitle: A\n");
  ScopedEnvironment xdg("XDG_CACHE_HOME", std::nullopt);
  ScopedEnvironment user_home("HOME", std::nullopt);
  Corpus loaded = load_corpus(corpus.root(), caching());
  EXPECT_FALSE(loaded.cache.used);
  EXPECT_EQ(loaded.cache.note,
            "no cache of parsed records: neither XDG_CACHE_HOME nor HOME is set; give a folder with --cache DIR");
  EXPECT_EQ(loaded.records.size(), 1u);
}

TEST(CacheLocation, AFolderCreatedForTheCacheGetsAGitignoreOfEverything) {
  TempCorpus corpus;
  TempCorpus existing;
  corpus.write("a.yaml", "id: a\ntitle: A\n");
  const fs::path folder = corpus.root() / ".policygraph-cache";
  Corpus cold = load_corpus(corpus.root(), cached_in(folder));
  EXPECT_TRUE(cold.cache.used);
  EXPECT_EQ(read_text(folder / ".gitignore"),
            "# Created by policygraph: its cache of parsed records, never to be committed.\n*\n");
  EXPECT_EQ(load_corpus(corpus.root(), cached_in(folder)).cache.reused, 1u);
  // A folder that was there already is the user's: nothing but the cache goes in it.
  load_corpus(corpus.root(), cached_in(existing.root()));
  EXPECT_FALSE(fs::exists(existing.root() / ".gitignore"));
}

// The fault of issue 18: a cache folder in the corpus that is a link out of it, and the
// cache written at the other end, over a file of the same name.
TEST(CacheLocation, ACacheFolderInTheCorpusThatLinksOutOfItIsRefused) {
  TempCorpus corpus;
  TempCorpus outside;
  corpus.write("a.yaml", "id: a\ntitle: A\n");
  const fs::path link = corpus.root() / ".policygraph-cache";
  fs::create_directory_symlink(outside.root(), link);
  Corpus loaded = load_corpus(corpus.root(), cached_in(link));
  EXPECT_FALSE(loaded.cache.used);
  EXPECT_EQ(loaded.cache.note,
            "the cache folder '" + link.string() + "' is a symbolic link out of the corpus (to '" +
                fs::canonical(outside.root()).string() +
                "'); no cache is kept; remove the link, or give the folder it leads to with --cache");
  EXPECT_EQ(entries_in(outside.root()), 0u);
  EXPECT_EQ(loaded.records.size(), 1u);
}

TEST(CacheLocation, TheDefaultCacheFolderMayNotBeALink) {
  TempCorpus corpus;
  TempCorpus home;
  TempCorpus elsewhere;
  corpus.write("a.yaml", "id: a\ntitle: A\n");
  ScopedEnvironment xdg("XDG_CACHE_HOME", home.root().string());
  const fs::path folder = load_corpus(corpus.root(), caching()).cache.folder;
  fs::remove_all(folder);
  fs::create_directory_symlink(elsewhere.root(), folder);
  Corpus loaded = load_corpus(corpus.root(), caching());
  EXPECT_FALSE(loaded.cache.used);
  EXPECT_EQ(loaded.cache.note, "the cache folder '" + folder.string() + "' is a symbolic link (to '" +
                                   fs::canonical(elsewhere.root()).string() + "'); no cache is kept; remove the link");
  EXPECT_EQ(entries_in(elsewhere.root()), 0u);
}

}  // namespace
}  // namespace policygraph
