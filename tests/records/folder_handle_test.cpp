// SPDX-License-Identifier: MIT
// Files read through a FolderHandle are the files their paths name, in whatever folder
// order they come.
#include "records/folder_handle.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "records/record_file.hpp"
#include "temp_corpus.hpp"

namespace policygraph::records {
namespace {

std::string read_through(FolderHandle& folder, const std::string& path) {
  Diagnostics diagnostics;
  struct stat info {};
  auto text = read_record_file({"x.md", path}, {}, diagnostics, info, folder);
  return text ? *text : "(" + std::to_string(diagnostics.size()) + " diagnostics)";
}

// The same name in several folders, visited back and forth: a handle that kept the last
// folder open would read the wrong one.
TEST(FolderHandle, EachPathIsLookedUpInItsOwnFolder) {
  TempCorpus corpus;
  for (const char* folder : {"a", "b", "a/c"}) corpus.write(std::string(folder) + "/x.md", folder);
  const std::string root = corpus.root().string();
  FolderHandle folder;
  for (const char* name : {"a", "a", "b", "a/c", "a", "b", "b"})
    EXPECT_EQ(read_through(folder, root + "/" + name + "/x.md"), name);
}

// A path without a folder is looked up from the working directory; one whose folder cannot
// be opened fails as its open would, with the file's diagnostic.
TEST(FolderHandle, PathsWithoutAFolderOrWithAMissingOne) {
  TempCorpus corpus;
  corpus.write("x.md", "here");
  const std::string before = std::filesystem::current_path().string();
  ASSERT_EQ(::chdir(corpus.root().c_str()), 0);
  FolderHandle folder;
  EXPECT_EQ(read_through(folder, "x.md"), "here");
  EXPECT_EQ(read_through(folder, corpus.root().string() + "/missing/x.md"), "(1 diagnostics)");
  EXPECT_EQ(read_through(folder, "x.md"), "here");
  ASSERT_EQ(::chdir(before.c_str()), 0);
  const std::string bare = "y.md";
  const FolderHandle::Place place = folder.place_of(bare);
  EXPECT_EQ(place.at, AT_FDCWD);
  EXPECT_STREQ(place.name, "y.md");
}

}  // namespace
}  // namespace policygraph::records
