// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <sstream>

#include "export/export_fixture.hpp"
#include "export/export_test_util.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;
namespace fs = std::filesystem;

std::size_t file_count(const fs::path& folder) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

TEST(WriteFileAtomically, WritesTheWholeFile) {
  auto folder = scratch_folder("atomic-writes");
  write_file_atomically(folder / "out.txt", [](std::ostream& out) { out << "hello\n"; });
  EXPECT_EQ(read_text(folder / "out.txt"), "hello\n");
  EXPECT_EQ(file_count(folder), 1u);
}

TEST(WriteFileAtomically, LeavesTheOldFileWhenTheWriterThrows) {
  auto folder = scratch_folder("atomic-throws");
  write_text(folder / "out.txt", "old\n");
  EXPECT_THROW(write_file_atomically(folder / "out.txt",
                                     [](std::ostream& out) {
                                       out << std::string(100000, 'x');
                                       throw std::runtime_error("midway");
                                     }),
               ExportError);
  EXPECT_EQ(read_text(folder / "out.txt"), "old\n");
  EXPECT_EQ(file_count(folder), 1u);  // no temporary left behind
}

TEST(WriteFileAtomically, ExportErrorPassesThrough) {
  auto folder = scratch_folder("atomic-export-error");
  try {
    write_file_atomically(folder / "out.txt", [](std::ostream&) { throw ExportError("graphviz said no"); });
    FAIL();
  } catch (const ExportError& error) {
    EXPECT_STREQ(error.what(), "graphviz said no");
  }
  EXPECT_EQ(file_count(folder), 0u);
}

TEST(WriteFileAtomically, CreatesMissingFolders) {
  auto folder = scratch_folder("atomic-missing");
  write_file_atomically(folder / "no" / "such" / "out.txt", [](std::ostream& out) { out << "x"; });
  EXPECT_EQ(read_text(folder / "no" / "such" / "out.txt"), "x");
}

TEST(WriteFileAtomically, FolderThatCannotBeMadeIsAnExportError) {
  auto folder = scratch_folder("atomic-blocked");
  std::ofstream(folder / "file") << "a file where a folder would go";
  try {
    write_file_atomically(folder / "file" / "out.txt", [](std::ostream& out) { out << "x"; });
    FAIL() << "no ExportError";
  } catch (const ExportError& error) {
    EXPECT_EQ(std::string(error.what())
                  .rfind((folder / "file" / "out.txt").string() + ": cannot create the folder '" +
                             (folder / "file").string() + "' (",
                         0),
              0u)
        << error.what();
    EXPECT_NE(std::string(error.what()).find("); write the file elsewhere"), std::string::npos) << error.what();
  }
}

// The replaced folder is removed whole, its files on several threads at once.
TEST(WriteFolderAtomically, TheReplacedFolderIsGoneWhole) {
  auto folder = scratch_folder("atomic-folder-replaced");
  auto page = [](std::string text) { return [text](std::ostream& out) { out << text; }; };
  std::vector<FolderFile> old_files;
  for (int i = 0; i < 600; ++i) old_files.push_back({"page-" + std::to_string(i) + ".html", page("old"), false});
  write_folder_atomically(folder / "report", old_files, [](std::string_view) { return true; });
  ASSERT_EQ(file_count(folder / "report"), 600u);

  write_folder_atomically(folder / "report", {{"index.html", page("new"), false}},
                          [](std::string_view) { return true; });
  EXPECT_EQ(file_count(folder / "report"), 1u);
  EXPECT_EQ(read_text(folder / "report" / "index.html"), "new");
  EXPECT_EQ(file_count(folder), 1u);  // no old folder left beside it
}

TEST(ExportToPath, CsvWritesAFolder) {
  auto folder = scratch_folder("export-csv");
  Graph graph = make_export_graph();
  export_to_path(ExportFormat::csv, folder / "csv", graph);
  EXPECT_EQ(read_text(folder / "csv" / "nodes.csv").rfind(":ID(Node),id,:LABEL", 0), 0u);
  EXPECT_EQ(read_text(folder / "csv" / "edges.csv").rfind(":START_ID(Node)", 0), 0u);
}

TEST(ExportToPath, SameBytesAsTheStream) {
  auto folder = scratch_folder("export-stream");
  Graph graph = make_export_graph();
  for (ExportFormat format : {ExportFormat::graphml, ExportFormat::gexf, ExportFormat::dot, ExportFormat::json}) {
    std::ostringstream out;
    export_to_stream(format, out, graph);
    auto path = folder / ("graph." + std::string(to_string(format)));
    export_to_path(format, path, graph);
    EXPECT_EQ(read_text(path), out.str()) << to_string(format);
  }
}

}  // namespace
}  // namespace policygraph
