// SPDX-License-Identifier: MIT
// A record file is opened without waiting and without following a link (unless the walk
// followed one to reach it), and read only when the descriptor is a regular file: between
// the walk and the read, a file may vanish or be replaced by a link, a FIFO (whose ordinary
// open waits for a writer for ever) or a device (whose reads never end).
#include "record_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

#include "support/file_kind.hpp"
#include "support/unique_fd.hpp"

namespace policygraph::records {
namespace {

Diagnostic file_problem(const std::string& file, Severity severity, std::string message) {
  return Diagnostic{file, 0, 0, severity, std::move(message)};
}

std::string errno_text(int number) { return std::error_code(number, std::generic_category()).message(); }

Diagnostic not_a_regular_file(const std::string& file, mode_t mode) {
  return file_problem(file, Severity::warning,
                      std::string(support::file_kind_name(mode)) +
                          ", not a regular file; skipped; remove it or give it a name without a record ending");
}

// Why `file` could not be opened, as a diagnostic.
Diagnostic open_problem(const CorpusFile& file, int error) {
  if (error == ENOENT || error == ENOTDIR)
    return file_problem(file.relative_path, Severity::warning,
                        "the file vanished while the corpus was read (it was listed, then gone); skipped");
  struct stat info {};
  if (::lstat(file.path.c_str(), &info) == 0) {
    if (S_ISLNK(info.st_mode) && !file.through_link)
      return file_problem(file.relative_path, Severity::warning,
                          "a symbolic link now, not the file the corpus listed; skipped; read the corpus again");
    if (!S_ISREG(info.st_mode) && !S_ISLNK(info.st_mode)) return not_a_regular_file(file.relative_path, info.st_mode);
  }
  return file_problem(file.relative_path, Severity::error,
                      "cannot read the file (" + errno_text(error) + "); check its permissions");
}

}  // namespace

std::optional<std::string> read_record_file(const CorpusFile& file, const Limits& limits, Diagnostics& diagnostics,
                                            struct stat& info, FolderHandle& folder) {
  const int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | (file.through_link ? 0 : O_NOFOLLOW);
  const FolderHandle::Place place = folder.place_of(file.path);
  support::UniqueFd fd(::openat(place.at, place.name, flags));
  if (!fd.valid()) {
    diagnostics.push_back(open_problem(file, errno));
    return std::nullopt;
  }
  if (::fstat(fd.get(), &info) != 0) {
    diagnostics.push_back(
        file_problem(file.relative_path, Severity::error, "cannot read the file (" + errno_text(errno) + ")"));
    return std::nullopt;
  }
  if (!S_ISREG(info.st_mode)) {
    diagnostics.push_back(not_a_regular_file(file.relative_path, info.st_mode));
    return std::nullopt;
  }
  if (static_cast<std::size_t>(info.st_size) > limits.max_file_bytes) {
    diagnostics.push_back(file_problem(file.relative_path, Severity::error,
                                       "file is " + std::to_string(info.st_size) + " bytes, more than the limit of " +
                                           std::to_string(limits.max_file_bytes) +
                                           " bytes; it is skipped; split it into smaller files or raise "
                                           "--max-file-size"));
    return std::nullopt;
  }
  std::string text(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t got = ::read(fd.get(), text.data() + done, text.size() - done);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      diagnostics.push_back(file_problem(file.relative_path, Severity::error,
                                         "cannot read the file (" + errno_text(errno) + "); check its permissions"));
      return std::nullopt;
    }
    if (got == 0) {  // shrank while we read: keep what is there
      text.resize(done);
      break;
    }
    done += static_cast<std::size_t>(got);
  }
  return text;
}

}  // namespace policygraph::records
