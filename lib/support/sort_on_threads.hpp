// SPDX-License-Identifier: MIT
// A sort that takes every core: stretches sorted side by side, then merged.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

#include "support/for_each_index.hpp"

namespace policygraph::support {

/// `items` sorted by `less` (a strict weak order) on `threads` threads: one stretch per
/// thread sorted on its own, then neighbouring stretches merged in pairs, the pairs of a
/// round side by side. Not stable, as std::sort is not: `less` must tell apart items that
/// need an order. Fewer than `least_per_thread` items per thread take fewer threads.
template <typename T, typename Less>
void sort_on_threads(std::vector<T>& items, Less less, unsigned threads, std::size_t least_per_thread = 65536) {
  const IndexRanges stretches = IndexRanges::one_per_thread(items.size(), least_per_thread, threads);
  const auto at = [&](std::size_t index) { return items.begin() + static_cast<std::ptrdiff_t>(index); };
  for_each_range(stretches, threads,
                 [&](std::size_t, std::size_t first, std::size_t last) { std::sort(at(first), at(last), less); });
  // Round by round, each stretch of `width` merged with the one after it.
  for (std::size_t width = stretches.size; width < items.size(); width *= 2) {
    const std::size_t pairs = (items.size() + 2 * width - 1) / (2 * width);
    for_each_index(pairs, threads, [&](std::size_t pair) {
      const std::size_t first = pair * 2 * width;
      const std::size_t middle = std::min(items.size(), first + width);
      const std::size_t last = std::min(items.size(), first + 2 * width);
      std::inplace_merge(at(first), at(middle), at(last), less);
      return true;
    });
  }
}

}  // namespace policygraph::support
