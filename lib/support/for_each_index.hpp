// SPDX-License-Identifier: MIT
// The one parallel loop of the loader: indices handed out by an atomic counter, so that
// threads take work as they free up and each index is done exactly once.
#pragma once

#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace policygraph::support {

/// Runs work(i) for i in [0, count) on `threads` threads, the calling one included; each
/// index once. work(i) returns false to stop every thread early. An exception from work(i),
/// on any thread, stops every thread and is thrown again here once they have all ended (an
/// exception leaving a thread's function would end the process).
template <typename Work>
void for_each_index(std::size_t count, unsigned threads, Work&& work) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex failure_mutex;
  std::exception_ptr failure;
  auto run = [&] {
    try {
      for (std::size_t i = next++; i < count && !stop; i = next++)
        if (!work(i)) stop = true;
    } catch (...) {
      stop = true;
      const std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
    }
  };
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads && t < count; ++t) pool.emplace_back(run);
    run();
  }  // joins the pool
  if (failure) std::rethrow_exception(failure);
}

}  // namespace policygraph::support
