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

// Every item in exactly one range, the ranges in order and none empty.
void expect_ranges_cover(const IndexRanges& ranges, std::size_t count) {
  std::vector<std::atomic<int>> done(count);
  std::vector<std::size_t> firsts(ranges.number()), lasts(ranges.number());
  for_each_range(ranges, 3, [&](std::size_t range, std::size_t first, std::size_t last) {
    firsts[range] = first;
    lasts[range] = last;
    for (std::size_t i = first; i < last; ++i) ++done[i];
  });
  for (const auto& count_done : done) EXPECT_EQ(count_done, 1);
  for (std::size_t r = 0; r < ranges.number(); ++r) {
    EXPECT_LT(firsts[r], lasts[r]) << "range " << r << " of " << count;
    if (r > 0) {
      EXPECT_EQ(firsts[r], lasts[r - 1]);
    }
  }
}

TEST(ForEachRange, FixedSizeRangesCoverEveryItemOnce) {
  for (std::size_t count : {0, 1, 4095, 4096, 4097, 10000}) {
    const IndexRanges ranges{count, 4096};
    EXPECT_EQ(ranges.number(), (count + 4095) / 4096);
    expect_ranges_cover(ranges, count);
  }
}

TEST(ForEachRange, OneRangePerThreadUnlessRangesWouldBeSmall) {
  // 2 threads, at least 4096 items a range.
  EXPECT_EQ(IndexRanges::one_per_thread(0, 4096, 2).number(), 0U);
  EXPECT_EQ(IndexRanges::one_per_thread(10, 4096, 2).number(), 1U);
  EXPECT_EQ(IndexRanges::one_per_thread(8191, 4096, 2).number(), 1U);
  EXPECT_EQ(IndexRanges::one_per_thread(8192, 4096, 2).number(), 2U);
  EXPECT_EQ(IndexRanges::one_per_thread(1000001, 4096, 2).number(), 2U);
  EXPECT_EQ(IndexRanges::one_per_thread(1000001, 4096, 3).number(), 3U);
  for (std::size_t count : {0, 10, 8192, 1000001})
    expect_ranges_cover(IndexRanges::one_per_thread(count, 4096, 3), count);
}

TEST(ForEachRange, AWorkThatReturnsFalseStopsTheOthers) {
  std::atomic<std::size_t> ranges_done{0};
  const bool completed = for_each_range({100000, 10}, 2, [&](std::size_t range, std::size_t, std::size_t) {
    ++ranges_done;
    return range != 3;
  });
  EXPECT_FALSE(completed);
  EXPECT_LT(ranges_done, 10000U);
  EXPECT_GE(ranges_done, 4U);
}

TEST(ForEachIndex, SaysWhetherEveryIndexWasDone) {
  for (unsigned threads : {1u, 3u}) {
    EXPECT_TRUE(for_each_index(1000, threads, [](std::size_t) { return true; })) << threads;
    EXPECT_TRUE(for_each_index(0, threads, [](std::size_t) { return false; })) << threads;           // nothing to do
    EXPECT_FALSE(for_each_index(1000, threads, [](std::size_t i) { return i != 999; })) << threads;  // the last
    EXPECT_TRUE(for_each_range({100, 7}, threads, [](std::size_t, std::size_t, std::size_t) {})) << threads;
  }
}

TEST(ForEachRange, DefaultThreadsAreAtLeastOneAndAGivenNumberWins) {
  EXPECT_GE(default_threads(), 1U);
  EXPECT_EQ(threads_or_default(0), default_threads());
  EXPECT_EQ(threads_or_default(5), 5U);
}

}  // namespace
}  // namespace policygraph::support
