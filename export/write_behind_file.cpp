// SPDX-License-Identifier: MIT
#include "write_behind_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace policygraph::export_detail {
namespace {

constexpr std::size_t buffer_bytes = 1 << 20;
// How much is written before its write-out is asked for: large enough that the requests
// cost nothing, small enough that the disk starts early.
constexpr std::uint64_t write_out_step = 16 << 20;

}  // namespace

WriteBehindFile::WriteBehindFile(int fd) : fd_(fd), buffer_(buffer_bytes) {
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

bool WriteBehindFile::write_all(const char* bytes, std::size_t count) {
  while (count > 0) {
    const ssize_t done = ::write(fd_, bytes, count);
    if (done < 0 && errno == EINTR) continue;
    if (done < 0) {
      failed_ = true;
      error_ = errno;
      return false;
    }
    bytes += done;
    count -= static_cast<std::size_t>(done);
    written_ += static_cast<std::uint64_t>(done);
  }
  if (written_ - write_started_ >= write_out_step) {
    // Only a request: it does not wait, and where the file system does not support it the
    // fsync at the end does all the work, as it did before.
    ::sync_file_range(fd_, static_cast<off64_t>(write_started_), static_cast<off64_t>(written_ - write_started_),
                      SYNC_FILE_RANGE_WRITE);
    write_started_ = written_;
  }
  return true;
}

bool WriteBehindFile::write_buffer() {
  const std::size_t count = static_cast<std::size_t>(pptr() - pbase());
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return failed_ ? false : write_all(buffer_.data(), count);
}

WriteBehindFile::int_type WriteBehindFile::overflow(int_type ch) {
  if (!write_buffer()) return traits_type::eof();
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  *pptr() = traits_type::to_char_type(ch);
  pbump(1);
  return ch;
}

std::streamsize WriteBehindFile::xsputn(const char* bytes, std::streamsize count) {
  const auto room = static_cast<std::streamsize>(epptr() - pptr());
  if (count <= room) {
    std::memcpy(pptr(), bytes, static_cast<std::size_t>(count));
    pbump(static_cast<int>(count));
    return count;
  }
  if (!write_buffer()) return 0;
  if (static_cast<std::size_t>(count) <= buffer_.size()) {
    std::memcpy(pptr(), bytes, static_cast<std::size_t>(count));
    pbump(static_cast<int>(count));
    return count;
  }
  // Larger than the buffer: straight from the caller's bytes.
  return write_all(bytes, static_cast<std::size_t>(count)) ? count : 0;
}

int WriteBehindFile::sync() { return write_buffer() ? 0 : -1; }

bool WriteBehindFile::finish() {
  const bool ok = write_buffer();
  if (!ok) errno = error_;
  return ok;
}

}  // namespace policygraph::export_detail
