// SPDX-License-Identifier: MIT
#include "output_target.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <optional>
#include <string>
#include <string_view>

#include "policygraph/export.hpp"

namespace policygraph::export_detail {
namespace {

namespace fs = std::filesystem;

// The descriptor a path names when it names one of this process's open descriptors that can
// be written: /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N. Writing to the
// descriptor itself keeps its offset and O_APPEND, where opening the path again would not.
std::optional<int> named_descriptor(const fs::path& path) {
  const std::string text = path.lexically_normal().string();
  int fd = -1;
  if (text == "/dev/stdout") {
    fd = 1;
  } else if (text == "/dev/stderr") {
    fd = 2;
  } else {
    for (std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
      if (!text.starts_with(prefix)) continue;
      const std::string_view digits = std::string_view(text).substr(prefix.size());
      auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), fd);
      if (error != std::errc() || end != digits.data() + digits.size()) fd = -1;
    }
  }
  if (fd < 0) return std::nullopt;
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0 || (flags & O_ACCMODE) == O_RDONLY) return std::nullopt;
  return fd;
}

// The path a chain of symbolic links ends at, which may not exist (a link that leads
// nowhere gets its target created).
fs::path end_of_links(const fs::path& path) {
  fs::path at = path;
  for (int hops = 0; hops < 40; ++hops) {
    struct stat info {};
    if (::lstat(at.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) return at;
    std::error_code error;
    const fs::path next = fs::read_symlink(at, error);
    if (error) throw ExportError(path.string() + ": cannot read the symbolic link (" + error.message() + ")");
    at = next.is_absolute() ? next : at.parent_path() / next;
  }
  throw ExportError(path.string() + ": symbolic link loop; remove the link or write the file elsewhere");
}

OutputTarget by_type(const fs::path& named, const fs::path& path, mode_t mode) {
  if (S_ISREG(mode)) return {OutputTarget::Kind::replace, path};
  if (S_ISFIFO(mode) || S_ISCHR(mode)) return {OutputTarget::Kind::stream, path};
  if (S_ISDIR(mode)) throw ExportError(named.string() + ": is a folder; give a file name");
  if (S_ISSOCK(mode)) throw ExportError(named.string() + ": is a socket, not a file or a stream to write to");
  if (S_ISBLK(mode))
    throw ExportError(named.string() + ": is a block device; policygraph does not write an export onto a disk");
  throw ExportError(named.string() + ": is not a file to write to");
}

}  // namespace

OutputTarget output_target(const fs::path& path) {
  if (std::optional<int> fd = named_descriptor(path)) return {OutputTarget::Kind::descriptor, path, *fd};
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0) return {OutputTarget::Kind::replace, path};  // absent: created
  if (!S_ISLNK(info.st_mode)) return by_type(path, path, info.st_mode);
  // A link: what it leads to decides. stat follows the links of /proc (/dev/fd/N of another
  // process, /dev/stdout when not ours) to pipes and terminals that have no path.
  if (::stat(path.c_str(), &info) == 0) {
    if (!S_ISREG(info.st_mode)) return by_type(path, path, info.st_mode);
    std::error_code error;
    fs::path target = fs::canonical(path, error);
    return {OutputTarget::Kind::replace, error ? end_of_links(path) : target};
  }
  return {OutputTarget::Kind::replace, end_of_links(path)};
}

}  // namespace policygraph::export_detail
