// SPDX-License-Identifier: MIT
#include "support/temporary_files.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace policygraph::support {
namespace {

namespace fs = std::filesystem;

fs::path scratch(const std::string& name) {
  std::random_device random;
  fs::path folder = fs::temp_directory_path() / ("policygraph-temporaries-" + name + "-" + std::to_string(random()));
  fs::create_directories(folder);
  return folder;
}

// Runs `work` in a child process with the handlers installed; returns the signal that
// ended it, or 0 when it exited.
template <typename Work>
int signal_ending(Work work) {
  pid_t child = ::fork();
  if (child == 0) {
    remove_temporaries_on_signals();
    work();
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

TEST(TemporaryFiles, RegisteredOnesAreRemovedOnASignalThatThenEndsTheProcess) {
  for (int number : {SIGINT, SIGTERM, SIGHUP}) {
    const fs::path folder = scratch("signal");
    const fs::path file = folder / ".x.tmp-1-AbC123";
    const fs::path staging = folder / ".csv.tmp-1-AbC123";
    const fs::path kept = folder / "kept";
    EXPECT_EQ(signal_ending([&] {
                std::ofstream(file) << "half";
                fs::create_directory(staging);
                std::ofstream(staging / "nodes.csv") << "half";
                std::ofstream(staging / ".edges.csv.tmp-1-XyZ789") << "half";
                std::ofstream(kept) << "not registered";
                TemporaryRegistration a(file, false);
                TemporaryRegistration b(staging, true);
                TemporaryRegistration c(kept, false);
                c.release();
                ::raise(number);
              }),
              number);
    EXPECT_FALSE(fs::exists(file)) << number;
    EXPECT_FALSE(fs::exists(staging)) << number;
    EXPECT_TRUE(fs::exists(kept)) << number;
    fs::remove_all(folder);
  }
}

TEST(TemporaryFiles, AnIgnoredSignalStaysIgnored) {
  const fs::path folder = scratch("ignored");
  EXPECT_EQ(signal_ending([&] {
              ::signal(SIGTERM, SIG_IGN);  // as nohup does for SIGHUP
              remove_temporaries_on_signals();
              ::raise(SIGTERM);
            }),
            0);
  fs::remove_all(folder);
}

TEST(TemporaryFiles, PatternNamesTheWriter) {
  EXPECT_EQ(temporary_pattern("out/x.graphml", "tmp"), "out/.x.graphml.tmp-" + std::to_string(::getpid()) + "-XXXXXX");
  EXPECT_EQ(temporary_pattern("x.graphml", "old"), "./.x.graphml.old-" + std::to_string(::getpid()) + "-XXXXXX");
}

}  // namespace
}  // namespace policygraph::support
