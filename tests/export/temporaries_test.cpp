// SPDX-License-Identifier: MIT
// Issue 18, point 4: an export killed midway left its temporary file (or, for CSV, its
// staging folder) beside the target for ever. The next export to the same target removes
// those of writers that are gone (their pid is in the name) or older than an hour.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <vector>

#include "export/export_fixture.hpp"
#include "export/export_test_util.hpp"
#include "support/temporary_files.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;
namespace fs = std::filesystem;

// The pid of a process that has ended (and been reaped).
pid_t dead_pid() {
  pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  int status = 0;
  ::waitpid(child, &status, 0);
  return child;
}

void make_old(const fs::path& path) {
  fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::hours(2));
}

TEST(StaleTemporaries, AnExportRemovesThoseOfGoneOrOldWritersOfItsTarget) {
  auto folder = scratch_folder("stale-file");
  const std::string dead = std::to_string(dead_pid());
  const std::string alive = std::to_string(::getpid());
  write_text(folder / "x.graphml", "old");
  write_text(folder / (".x.graphml.tmp-" + dead + "-AbC123"), "killed");    // writer gone
  write_text(folder / (".x.graphml.tmp-" + alive + "-AbC123"), "writing");  // writer alive, recent
  write_text(folder / (".x.graphml.tmp-" + alive + "-Old123"), "stuck");    // alive, but hours old
  write_text(folder / ".x.graphml.tmp-Zz9Yy8", "before pids");              // no pid, hours old
  make_old(folder / (".x.graphml.tmp-" + alive + "-Old123"));
  make_old(folder / ".x.graphml.tmp-Zz9Yy8");
  write_text(folder / ".x.graphml.tmp-Qq1Ww2", "no pid, recent");  // may be alive
  write_text(folder / (".y.graphml.tmp-" + dead + "-AbC123"), "another target");
  write_text(folder / ".x.graphml.tmp-notes", "not a name of ours");

  write_file_atomically(folder / "x.graphml", [](std::ostream& out) { out << "new"; });
  EXPECT_EQ(read_text(folder / "x.graphml"), "new");
  EXPECT_FALSE(fs::exists(folder / (".x.graphml.tmp-" + dead + "-AbC123")));
  EXPECT_TRUE(fs::exists(folder / (".x.graphml.tmp-" + alive + "-AbC123")));
  EXPECT_FALSE(fs::exists(folder / (".x.graphml.tmp-" + alive + "-Old123")));
  EXPECT_FALSE(fs::exists(folder / ".x.graphml.tmp-Zz9Yy8"));
  EXPECT_TRUE(fs::exists(folder / ".x.graphml.tmp-Qq1Ww2"));
  EXPECT_TRUE(fs::exists(folder / (".y.graphml.tmp-" + dead + "-AbC123")));
  EXPECT_TRUE(fs::exists(folder / ".x.graphml.tmp-notes"));
}

TEST(StaleTemporaries, ACsvExportRemovesTheStagingFolderOfAGoneWriter) {
  auto folder = scratch_folder("stale-csv");
  const fs::path staging = folder / (".neo4j.tmp-" + std::to_string(dead_pid()) + "-AbC123");
  fs::create_directories(staging);
  write_text(staging / "nodes.csv", "half an export");
  export_to_path(ExportFormat::csv, folder / "neo4j", make_export_graph());
  EXPECT_FALSE(fs::exists(staging));
  EXPECT_TRUE(fs::exists(folder / "neo4j" / "nodes.csv"));
}

// Runs `work` in a child process with the command line's signal handlers installed;
// returns the signal that ended it, or 0 when it exited.
template <typename Work>
int signal_ending(Work work) {
  pid_t child = ::fork();
  if (child == 0) {
    support::remove_temporaries_on_signals();
    work();
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

TEST(InterruptedExport, AFileExportLeavesNoTemporaryAndTheOldFile) {
  auto folder = scratch_folder("interrupted-file");
  write_text(folder / "x.graphml", "old");
  EXPECT_EQ(signal_ending([&] {
              write_file_atomically(folder / "x.graphml", [](std::ostream& out) {
                out << std::string(1 << 20, 'x') << std::flush;
                ::raise(SIGTERM);
              });
            }),
            SIGTERM);
  EXPECT_EQ(read_text(folder / "x.graphml"), "old");
  EXPECT_EQ(std::distance(fs::directory_iterator(folder), fs::directory_iterator()), 1);
}

TEST(InterruptedExport, ACsvExportLeavesNoStagingFolder) {
  auto folder = scratch_folder("interrupted-csv");
  std::vector<FolderFile> files{{"nodes.csv", [](std::ostream& out) { out << "id\n"; }},
                                {"edges.csv", [](std::ostream& out) {
                                   out << "half" << std::flush;
                                   ::raise(SIGINT);
                                 }}};
  EXPECT_EQ(
      signal_ending([&] { write_folder_atomically(folder / "neo4j", files, [](std::string_view) { return true; }); }),
      SIGINT);
  EXPECT_EQ(std::distance(fs::directory_iterator(folder), fs::directory_iterator()), 0);
}

}  // namespace
}  // namespace policygraph
