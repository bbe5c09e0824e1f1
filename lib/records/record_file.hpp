// SPDX-License-Identifier: MIT
// Reading one record file of the corpus whole, between the walk that listed it and the
// parser: the only place the loader opens a record file.
#pragma once

#include <sys/stat.h>

#include <optional>
#include <string>

#include "corpus_walker.hpp"
#include "folder_handle.hpp"
#include "policygraph/loader.hpp"

namespace policygraph::records {

/// The whole file in one read (a loop only for short reads), or nullopt with a diagnostic
/// in `diagnostics`. `info` gets the file's status as it was when it was opened. The file is
/// opened from `folder` (one per thread).
std::optional<std::string> read_record_file(const CorpusFile& file, const Limits& limits, Diagnostics& diagnostics,
                                            struct stat& info, FolderHandle& folder);

}  // namespace policygraph::records
