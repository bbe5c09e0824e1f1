// SPDX-License-Identifier: MIT
// The walk of a corpus folder: its files in byte order of their paths, and the same listing
// whether sibling folders are listed one after another or side by side.
#include "records/corpus_walker.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "records/temp_corpus.hpp"

namespace policygraph {
namespace {

using Strings = std::vector<std::string>;

Strings relative_paths(const records::CorpusListing& listing) {
  Strings paths;
  for (const records::CorpusFile& file : listing.files) paths.push_back(file.relative_path);
  return paths;
}

records::CorpusListing walk(const TempCorpus& corpus, unsigned threads) {
  Diagnostics diagnostics;
  records::CorpusListing listing = records::list_corpus_files(corpus.root(), false, threads, diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  return listing;
}

// Names that share their first 8 or 16 bytes (the walk sorts by them first), that are
// prefixes of one another, that differ only past byte 16, and bytes above 0x7F (UTF-8),
// which sort after every ASCII byte.
const Strings tricky_names = {"abcdefgh.md",
                              "abcdefgh-.md",
                              "abcdefghijklmnop.md",
                              "abcdefghijklmnop.md.md",
                              "abcdefghijklmnopq.md",
                              "abcdefghijklmno.md",
                              "abcdefghijklmnoq.md",
                              "abcdefghijklmnopqrstuvwxy-1.md",
                              "abcdefghijklmnopqrstuvwxy-2.md",
                              "a.md",
                              "b.md",
                              "Z.md",
                              "0.md",
                              "\xc3\xa9t\xc3\xa9.md",
                              "z.md",
                              "~.md",
                              "abcdefgh\xc3\xa9.md",
                              "abcdefghz.md"};

TEST(CorpusWalker, FilesComeInByteOrderOfTheirPaths) {
  TempCorpus corpus;
  Strings written;
  for (const std::string folder : {"policies/en", "policies/zh", "policies", "facilities/en"})
    for (const std::string& name : tricky_names) {
      corpus.write(folder + "/" + name, "---\nid: x\n---\n");
      written.push_back(folder + "/" + name);
    }
  // A name that sorts between a folder and its files: "policies-x.md" comes after
  // "policies/..." in the walk's order of folders, before it in byte order.
  corpus.write("policies-x.md", "");
  written.push_back("policies-x.md");
  std::sort(written.begin(), written.end());
  for (unsigned threads : {1u, 2u, 4u}) EXPECT_EQ(relative_paths(walk(corpus, threads)), written) << threads;
}

TEST(CorpusWalker, FoldersAreEnteredInByteOrderOfTheirNames) {
  // The files would come out in order whatever order the folders were entered in (the walk
  // sorts its files once more when they are not in order); the folders' order is the one
  // the sort of each folder's entries gives.
  TempCorpus corpus;
  Strings names = {"ab",
                   "ba",
                   "z",
                   "Z",
                   "0",
                   "\xc3\xa9",
                   "abcdefgh",
                   "abcdefgi",
                   "abcdefghijklmnop",
                   "abcdefghijklmnoq",
                   "abcdefghijklmnopq",
                   "abcdefghijklmnopp"};
  for (const std::string& name : names) corpus.write(name + "/f.md", "");
  std::sort(names.begin(), names.end());
  names.insert(names.begin(), "");  // the corpus folder itself
  for (unsigned threads : {1u, 2u}) {
    Strings folders;
    for (const records::FolderStamp& folder : walk(corpus, threads).folders) folders.push_back(folder.relative_path);
    EXPECT_EQ(folders, names) << threads;
  }
}

TEST(CorpusWalker, RandomNamesComeInByteOrder) {
  TempCorpus corpus;
  std::mt19937 random(20261204);
  const std::string alphabet[] = {"a", "b", "-", ".", "0", "\xc3\xa9", "abcdefgh", "Z"};
  Strings written;
  for (int i = 0; i < 400; ++i) {
    std::string name;
    const int pieces = 1 + static_cast<int>(random() % 8);
    for (int p = 0; p < pieces; ++p) name += alphabet[random() % std::size(alphabet)];
    if (name[0] == '.') name.insert(0, "x");  // hidden files are skipped
    name += ".md";
    const std::string path = std::string(i % 3 == 0 ? "one" : i % 3 == 1 ? "two" : "two/three") + "/" + name;
    if (std::find(written.begin(), written.end(), path) != written.end()) continue;
    corpus.write(path, "");
    written.push_back(path);
  }
  std::sort(written.begin(), written.end());
  EXPECT_EQ(relative_paths(walk(corpus, 1)), written);
  EXPECT_EQ(relative_paths(walk(corpus, 2)), written);
}

TEST(CorpusWalker, SiblingFoldersListedSideBySideGiveTheSameListing) {
  TempCorpus corpus;
  for (const std::string folder : {"a/x", "a/y", "a/y/deep", "b", "c/x", "c/z", "d"})
    for (int i = 0; i < 20; ++i) corpus.write(folder + "/" + std::to_string(i) + ".md", "");
  const records::CorpusListing alone = walk(corpus, 1);
  const records::CorpusListing side_by_side = walk(corpus, 4);
  EXPECT_EQ(relative_paths(side_by_side), relative_paths(alone));
  EXPECT_EQ(alone.files.size(), 140u);
  // Every folder with its times, in the order the walk enters them.
  Strings folders;
  for (const records::FolderStamp& folder : side_by_side.folders) folders.push_back(folder.relative_path);
  EXPECT_EQ(folders, (Strings{"", "a", "a/x", "a/y", "a/y/deep", "b", "c", "c/x", "c/z", "d"}));
  EXPECT_EQ(side_by_side.folders, alone.folders);
  for (std::size_t i = 0; i < alone.files.size(); ++i) EXPECT_EQ(side_by_side.files[i].path, alone.files[i].path);
}

}  // namespace
}  // namespace policygraph
