// SPDX-License-Identifier: MIT
// Where the cache of parsed records of a corpus lives, and whether it may be used there.
//
// By default in the user's cache folder, never in the corpus: a corpus is often a git
// repository someone else owns, and the tool may be run from a folder by mistake. A folder
// given with LoadOptions::cache_folder (--cache DIR) may be in the corpus; one that
// policygraph creates gets a .gitignore of everything, as pytest's and ruff's caches do.
// The cache is never written through a link that leads out of where it should be.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace policygraph::records {

struct CacheLocation {
  std::filesystem::path folder;
  std::filesystem::path file;
  bool given = false;  ///< `folder` is the one LoadOptions::cache_folder names
};

/// `folder` when given, the file named after the corpus (`records-<hash>.cache`, so that one
/// folder can serve several corpora); else
/// `${XDG_CACHE_HOME:-$HOME/.cache}/policygraph/<name>-<hash>/records.cache`, with <name> the
/// corpus folder's name (letters, digits, `.`, `_` and `-`; others as `_`) for a reader, and
/// <hash> 16 hex digits of support::xxhash64 of `canonical_root`, the corpus folder's real path.
/// Nullopt when neither variable is set to an absolute path.
std::optional<CacheLocation> cache_location(const std::filesystem::path& canonical_root,
                                            const std::optional<std::filesystem::path>& folder);

/// Why the cache must not be read or written at `location`, as a note for the user, or empty:
/// the default folder is a symbolic link; a given folder inside the corpus (`root` as given,
/// `canonical_root` its real path) leads out of it through a link; or the cache file is not
/// a regular file (a link, a FIFO, a device: not ours to read or replace).
std::string cache_location_problem(const CacheLocation& location, const std::filesystem::path& root,
                                   const std::filesystem::path& canonical_root);

/// Creates the location's folder when it is missing; a given folder created so gets a
/// `.gitignore` of `*`. Empty, or why it cannot.
std::string make_cache_folder(const CacheLocation& location);

}  // namespace policygraph::records
