// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <filesystem>

#include "policygraph/diagnostics.hpp"

namespace policygraph::records {

/// The warning on a corpus folder that yielded no record (it said "ok, no problems"): how
/// many files were read, and, when a folder above `root` holds `policies/` or
/// `facilities/`, that folder, which is most likely the corpus meant.
Diagnostic no_records_found(const std::filesystem::path& root, std::size_t files_read);

}  // namespace policygraph::records
