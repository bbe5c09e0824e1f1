// SPDX-License-Identifier: MIT
// What a file is, in the words a diagnostic uses: the loader reads only regular files, and
// says what it found instead.
#pragma once

#include <sys/stat.h>

#include <string_view>

namespace policygraph::support {

/// "a named pipe (FIFO)", "a socket", ... for the type bits of a `st_mode`.
inline std::string_view file_kind_name(mode_t mode) {
  if (S_ISREG(mode)) return "a regular file";
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISLNK(mode)) return "a symbolic link";
  if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "a special file";
}

}  // namespace policygraph::support
