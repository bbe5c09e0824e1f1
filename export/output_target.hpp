// SPDX-License-Identifier: MIT
// What an export's output path names, and so how it is written. Atomic replacement (a
// temporary file renamed over the target) is for regular files: renamed over a FIFO, a
// device or a symbolic link, it would replace them with a regular file (`-o /dev/null` run
// as root broke the system's null device). A FIFO, a character device or an open
// descriptor (`/dev/stdout`, bash's `>(gzip)` as /dev/fd/63) is written straight through; a
// link is followed, and its target replaced, the link kept.
#pragma once

#include <filesystem>

namespace policygraph::export_detail {

struct OutputTarget {
  enum class Kind : unsigned char {
    replace,     ///< a regular file, or none yet: write `path` atomically
    stream,      ///< a FIFO or character device: open `path` and write through
    descriptor,  ///< an open descriptor of this process: write to `fd`, never closed
  };
  Kind kind = Kind::replace;
  std::filesystem::path path;  ///< the file to replace (a link's target) or to open
  int fd = -1;                 ///< for `descriptor`
};

/// How to write an export to `path`. Throws ExportError for what cannot take one: a folder,
/// a socket, a block device, a symbolic link loop.
OutputTarget output_target(const std::filesystem::path& path);

}  // namespace policygraph::export_detail
