// SPDX-License-Identifier: MIT
// A file's times as the cache keeps them: nanoseconds since the epoch in one integer.
#pragma once

#include <sys/stat.h>

#include <cstdint>

namespace policygraph::support {

inline std::int64_t nanoseconds(const struct timespec& time) {
  return static_cast<std::int64_t>(time.tv_sec) * 1'000'000'000 + time.tv_nsec;
}

}  // namespace policygraph::support
