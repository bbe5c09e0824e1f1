// SPDX-License-Identifier: MIT
#include "support/sort_on_threads.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <vector>

namespace policygraph::support {
namespace {

std::vector<int> shuffled(std::size_t count, unsigned seed) {
  std::vector<int> items(count);
  std::iota(items.begin(), items.end(), -static_cast<int>(count / 3));
  std::shuffle(items.begin(), items.end(), std::mt19937(seed));
  return items;
}

TEST(SortOnThreads, SortsAsStdSortForAnyCountOfThreadsAndStretches) {
  // Stretches of at least 4 items: many rounds of merging, and counts that are not a power
  // of two leave a stretch without a partner in some rounds.
  for (std::size_t count : {0, 1, 2, 7, 100, 1000, 4099}) {
    for (unsigned threads : {1U, 2U, 3U, 5U}) {
      std::vector<int> items = shuffled(count, static_cast<unsigned>(count) + threads);
      std::vector<int> expected = items;
      std::sort(expected.begin(), expected.end());
      sort_on_threads(items, std::less<>(), threads, 4);
      EXPECT_EQ(items, expected) << count << " items on " << threads << " threads";
    }
  }
}

TEST(SortOnThreads, TakesTheOrderItIsGiven) {
  std::vector<int> items = shuffled(5000, 3);
  std::vector<int> expected = items;
  std::sort(expected.begin(), expected.end(), std::greater<>());
  sort_on_threads(items, std::greater<>(), 2, 16);
  EXPECT_EQ(items, expected);
}

}  // namespace
}  // namespace policygraph::support
