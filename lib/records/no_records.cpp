// SPDX-License-Identifier: MIT
#include "no_records.hpp"

#include <string>
#include <system_error>

namespace policygraph::records {
namespace {

namespace fs = std::filesystem;

// The folders of a corpus's records (MODEL.md section 1) that `folder` holds, as a message
// names them: "policies/", "policies/ and facilities/", or empty.
std::string record_folders_in(const fs::path& folder) {
  std::error_code error;
  const bool policies = fs::is_directory(folder / "policies", error);
  const bool facilities = fs::is_directory(folder / "facilities", error);
  if (policies && facilities) return "policies/ and facilities/";
  return policies ? "policies/" : facilities ? "facilities/" : "";
}

}  // namespace

Diagnostic no_records_found(const fs::path& root, std::size_t files_read) {
  std::string message =
      files_read == 0
          ? "no records found: no file here has a record ending (.md, .markdown, .yaml, .yml, .json, "
            ".jsonl, .ndjson)"
          : "no records found in the " + std::to_string(files_read) + (files_read == 1 ? " file read" : " files read");
  std::error_code error;
  const fs::path real = fs::canonical(root, error);
  std::string hint = "; give the folder of your records with -C";
  if (!error) {
    // The nearest folder above that looks like a corpus: -C named a folder inside one.
    for (fs::path above = real.parent_path(); !above.empty(); above = above.parent_path()) {
      if (const std::string folders = record_folders_in(above); !folders.empty()) {
        hint = "; " +
               (above == real.parent_path() ? "the folder above, '" + above.string() + "',"
                                            : "'" + above.string() + "', a folder above,") +
               " holds " + folders + ": give it with -C";
        break;
      }
      if (above == above.root_path()) break;
    }
  }
  return Diagnostic{".", 0, 0, Severity::warning, message + hint};
}

}  // namespace policygraph::records
