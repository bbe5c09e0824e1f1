// SPDX-License-Identifier: MIT
#include "support/for_each_index.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace policygraph::support {
namespace {

TEST(ForEachIndex, DoesEveryIndexOnce) {
  std::vector<std::atomic<int>> done(1000);
  for_each_index(done.size(), 4, [&](std::size_t i) {
    ++done[i];
    return true;
  });
  for (const auto& count : done) EXPECT_EQ(count, 1);
}

// Issue 18: an exception on a loader thread (note_and_thin ran outside any try) ended the
// process; it must reach the caller.
TEST(ForEachIndex, AnExceptionOnAnotherThreadReachesTheCaller) {
  const std::thread::id caller = std::this_thread::get_id();
  std::atomic<std::size_t> done{0};
  EXPECT_THROW(for_each_index(1000, 3,
                              [&](std::size_t) {
                                if (std::this_thread::get_id() != caller)
                                  throw std::runtime_error("out of memory, say");
                                std::this_thread::sleep_for(std::chrono::milliseconds(1));  // leave work to the others
                                ++done;
                                return true;
                              }),
               std::runtime_error);
  EXPECT_LT(done, 1000u);  // the others stopped early
}

TEST(ForEachIndex, AnExceptionOnTheCallingThreadReachesTheCaller) {
  EXPECT_THROW(for_each_index(10, 1,
                              [&](std::size_t i) {
                                if (i == 5) throw std::runtime_error("x");
                                return true;
                              }),
               std::runtime_error);
}

}  // namespace
}  // namespace policygraph::support
