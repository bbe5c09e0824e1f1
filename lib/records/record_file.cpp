// SPDX-License-Identifier: MIT
#include "record_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace policygraph::records {
namespace {

Diagnostic file_problem(const std::string& file, Severity severity, std::string message) {
  return Diagnostic{file, 0, 0, severity, std::move(message)};
}

std::string errno_text(int number) { return std::error_code(number, std::generic_category()).message(); }

}  // namespace

std::optional<std::string> read_record_file(const CorpusFile& file, const Limits& limits, Diagnostics& diagnostics,
                                            struct stat& info) {
  int fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    diagnostics.push_back(file_problem(file.relative_path, Severity::error,
                                       "cannot read the file (" + errno_text(errno) + "); check its permissions"));
    return std::nullopt;
  }
  std::optional<std::string> text;
  if (::fstat(fd, &info) != 0) {
    diagnostics.push_back(
        file_problem(file.relative_path, Severity::error, "cannot read the file (" + errno_text(errno) + ")"));
  } else if (static_cast<std::size_t>(info.st_size) > limits.max_file_bytes) {
    diagnostics.push_back(file_problem(file.relative_path, Severity::error,
                                       "file is " + std::to_string(info.st_size) + " bytes, more than the limit of " +
                                           std::to_string(limits.max_file_bytes) +
                                           " bytes; it is skipped; split it into smaller files or raise "
                                           "--max-file-size"));
  } else {
    text.emplace();
    text->resize(static_cast<std::size_t>(info.st_size));
    std::size_t done = 0;
    while (done < text->size()) {
      ssize_t got = ::read(fd, text->data() + done, text->size() - done);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) {
        diagnostics.push_back(file_problem(file.relative_path, Severity::error,
                                           "cannot read the file (" + errno_text(errno) + "); check its permissions"));
        text.reset();
        break;
      }
      if (got == 0) {  // shrank while we read: keep what is there
        text->resize(done);
        break;
      }
      done += static_cast<std::size_t>(got);
    }
  }
  ::close(fd);
  return text;
}

}  // namespace policygraph::records
