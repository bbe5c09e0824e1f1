// SPDX-License-Identifier: MIT
// A file's or folder's times as the cache keeps them (nanoseconds since the epoch in one
// integer), and the one rule by which they vouch that nothing changed.
#pragma once

#include <sys/stat.h>

#include <cstdint>

namespace policygraph::support {

inline std::int64_t nanoseconds(const struct timespec& time) {
  return static_cast<std::int64_t>(time.tv_sec) * 1'000'000'000 + time.tv_nsec;
}

/// Whether `info` has the times recorded, modified before `trusted_before_ns`: a change
/// within the same clock tick as the load that recorded them would not show in them
/// (git's "racily clean" entries), so only older ones vouch for the content.
inline bool times_vouch(const struct stat& info, std::int64_t mtime_ns, std::int64_t ctime_ns,
                        std::int64_t trusted_before_ns) {
  const std::int64_t now_mtime_ns = nanoseconds(info.st_mtim);
  return now_mtime_ns == mtime_ns && nanoseconds(info.st_ctim) == ctime_ns && now_mtime_ns < trusted_before_ns;
}

}  // namespace policygraph::support
