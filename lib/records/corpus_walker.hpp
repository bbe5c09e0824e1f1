// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "policygraph/diagnostics.hpp"

namespace policygraph::records {

/// A record file found below the corpus root.
struct CorpusFile {
  std::string relative_path;  ///< '/'-separated, as diagnostics show it
  std::string path;           ///< to open (a string, not a std::filesystem::path: splitting
                              ///< 100,000 paths into components cost more than the walk)
};

/// Every record file below `root` (by the endings of MODEL.md section 1), in byte order of
/// the relative path, so that the load is the same on every run.
///
/// Hidden files and folders are skipped. Symbolic links: a link to something inside the
/// corpus is skipped (its target is read by its own path, and reading it twice would make
/// duplicates); a link leading out is skipped with a note unless `follow_symlinks`; a link
/// that loops or leads nowhere gets one warning. A root that cannot be read is an error on
/// the root itself.
std::vector<CorpusFile> list_corpus_files(const std::filesystem::path& root, bool follow_symlinks,
                                          Diagnostics& diagnostics);

}  // namespace policygraph::records
