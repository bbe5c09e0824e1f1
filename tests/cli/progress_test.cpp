// SPDX-License-Identifier: MIT
#include "progress.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace policygraph::cli {
namespace {

TEST(ProgressBar, SilentWhenStderrIsNotATerminal) {
  std::ostringstream err;
  ProgressBar bar(err, false, "loading", std::chrono::milliseconds(0));
  bar.update(5, 10);
  bar.finish();
  EXPECT_EQ(err.str(), "");
}

TEST(ProgressBar, SilentForQuickWork) {
  std::ostringstream err;
  ProgressBar bar(err, true, "loading");  // the default: shown only after a second
  bar.update(5, 10);
  bar.finish();
  EXPECT_EQ(err.str(), "");
}

TEST(ProgressBar, DrawsAndClearsItsLineOnATerminal) {
  std::ostringstream err;
  ProgressBar bar(err, true, "loading", std::chrono::milliseconds(0));
  bar.update(5, 10);
  EXPECT_EQ(err.str(), "\rloading [###############               ] 5/10 files");
  bar.finish();
  EXPECT_EQ(err.str().substr(err.str().size() - 5), "\r\x1b[2K");
}

}  // namespace
}  // namespace policygraph::cli
