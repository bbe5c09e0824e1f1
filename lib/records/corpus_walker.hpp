// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "policygraph/diagnostics.hpp"

namespace policygraph::records {

/// A record file found below the corpus root.
struct CorpusFile {
  std::string relative_path;  ///< '/'-separated, as diagnostics show it
  std::string path;           ///< to open (a string, not a std::filesystem::path: splitting
                              ///< 100,000 paths into components cost more than the walk)
  bool through_link = false;  ///< the file is a symbolic link the walk followed (--follow-symlinks)
};

/// A folder the walk listed, with its times as they were just before it was listed: while
/// both stay the same, no entry of it has been added, removed or renamed.
struct FolderStamp {
  std::string relative_path;  ///< '/'-separated; empty for the corpus folder itself
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  bool operator==(const FolderStamp&) const = default;
};

/// What a walk of the corpus found.
struct CorpusListing {
  std::vector<CorpusFile> files;
  /// Every folder listed. Empty when the walk met a symbolic link or an entry of unknown
  /// type, or reported a problem: then what it found may change without any folder's times
  /// changing, and only a walk can tell.
  std::vector<FolderStamp> folders;
};

/// Every record file below `root` (by the endings of MODEL.md section 1), in byte order of
/// the relative path, so that the load is the same on every run.
///
/// Hidden files and folders are skipped. Symbolic links: a link to something inside the
/// corpus is skipped (its target is read by its own path, and reading it twice would make
/// duplicates); a link leading out is skipped with a note unless `follow_symlinks`; a link
/// that loops or leads nowhere gets one warning. A FIFO, socket or device with a record
/// ending (or a followed link to one) is a warning, never opened. A root that cannot be
/// read is an error on the root itself. Sibling folders are listed on up to `threads`
/// threads at once; the listing is the same for any count.
CorpusListing list_corpus_files(const std::filesystem::path& root, bool follow_symlinks, unsigned threads,
                                Diagnostics& diagnostics);

/// The file at `relative_path` (a folder's for a FolderStamp) as a walk of `root` without
/// symbolic links names it.
CorpusFile corpus_file(const std::filesystem::path& root, std::string_view relative_path);

}  // namespace policygraph::records
