// SPDX-License-Identifier: MIT
#include "cache_location.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <system_error>

#include "support/file_kind.hpp"
#include "support/unique_fd.hpp"
#include "support/xxhash64.hpp"

namespace policygraph::records {
namespace {

namespace fs = std::filesystem;

std::string hex(std::uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

// The corpus folder's name as part of a folder name: what a reader of ~/.cache recognises.
std::string readable_name(const fs::path& canonical_root) {
  std::string name;
  for (char c : canonical_root.filename().string()) {
    const bool plain =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    name += plain ? c : '_';
    if (name.size() == 40) break;
  }
  return name.empty() ? "root" : name;
}

bool within(const fs::path& path, const fs::path& folder) {
  const std::string p = path.generic_string();
  const std::string f = folder.generic_string();
  return p == f || (p.size() > f.size() && p.compare(0, f.size(), f) == 0 && (f.back() == '/' || p[f.size()] == '/'));
}

// Where a link leads, for a message: its real path, or what it says when it leads nowhere.
std::string link_target(const fs::path& link) {
  std::error_code error;
  fs::path target = fs::canonical(link, error);
  if (!error) return target.string();
  return fs::read_symlink(link, error).string();
}

}  // namespace

std::optional<CacheLocation> cache_location(const fs::path& canonical_root, const std::optional<fs::path>& folder) {
  const std::string corpus_hash = hex(support::xxhash64(canonical_root.generic_string()));
  if (folder) return CacheLocation{*folder, *folder / ("records-" + corpus_hash + ".cache"), true};
  fs::path base;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && xdg[0] == '/')
    base = xdg;
  else if (const char* home = std::getenv("HOME"); home != nullptr && home[0] == '/')
    base = fs::path(home) / ".cache";
  if (base.empty()) return std::nullopt;
  fs::path own = base / "policygraph" / (readable_name(canonical_root) + "-" + corpus_hash);
  return CacheLocation{own, own / "records.cache", false};
}

std::string cache_location_problem(const CacheLocation& location, const fs::path& root,
                                   const fs::path& canonical_root) {
  struct stat info {};
  const bool folder_is_link = ::lstat(location.folder.c_str(), &info) == 0 && S_ISLNK(info.st_mode);
  const std::string folder = "the cache folder '" + location.folder.string() + "' ";
  if (!location.given && folder_is_link)
    return folder + "is a symbolic link (to '" + link_target(location.folder) + "'); no cache is kept; remove the link";
  if (location.given) {
    // In the corpus by its path, out of it by its real path: a link on the way leads out.
    std::error_code error;
    const fs::path named = fs::absolute(location.folder, error).lexically_normal();
    const fs::path real = fs::weakly_canonical(location.folder, error);
    const bool named_inside =
        within(named, fs::absolute(root, error).lexically_normal()) || within(named, canonical_root);
    if (!error && named_inside && !within(real, canonical_root))
      return folder +
             (folder_is_link ? "is a symbolic link out of the corpus"
                             : "leads out of the corpus through a symbolic link") +
             " (to '" + real.string() +
             "'); no cache is kept; remove the link, or give the folder it leads to with --cache";
  }
  if (::lstat(location.file.c_str(), &info) == 0 && !S_ISREG(info.st_mode))
    return "the cache '" + location.file.string() + "' is " + std::string(support::file_kind_name(info.st_mode)) +
           ", not a regular file; no cache is kept; remove it";
  return {};
}

std::string make_cache_folder(const CacheLocation& location) {
  std::error_code error;
  if (fs::is_directory(location.folder, error)) return {};
  fs::create_directories(location.folder, error);
  if (error) return "cannot create the folder '" + location.folder.string() + "' (" + error.message() + ")";
  if (!location.given) return {};
  // Never through a link, never over a file that is there: only a folder we just made gets one.
  support::UniqueFd fd(
      ::open((location.folder / ".gitignore").c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
  if (fd.valid()) {
    constexpr std::string_view text =
        "# Created by policygraph: its cache of parsed records, never to be committed.\n*\n";
    if (::write(fd.get(), text.data(), text.size()) != static_cast<ssize_t>(text.size()))
      return "cannot write '" + (location.folder / ".gitignore").string() + "' (" +
             std::error_code(errno, std::generic_category()).message() + ")";
  }
  return {};
}

}  // namespace policygraph::records
