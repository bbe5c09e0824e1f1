// SPDX-License-Identifier: MIT
// An output stream buffer over a file descriptor that asks the kernel to start writing each
// part of the file to disk as soon as it is written (sync_file_range), instead of leaving it
// all to the fsync that makes an export durable. The kernel only begins writing dirty pages
// on its own past a tenth or so of memory: a 1.3 GB GraphML then waited for its whole
// write-out at the fsync, after it was generated. Started early, the disk works while the
// rest is generated.
#pragma once

#include <cstdint>
#include <streambuf>
#include <vector>

namespace policygraph::export_detail {

class WriteBehindFile : public std::streambuf {
 public:
  /// Writes to `fd` (not owned, not closed) from its current offset.
  explicit WriteBehindFile(int fd);
  WriteBehindFile(const WriteBehindFile&) = delete;
  WriteBehindFile& operator=(const WriteBehindFile&) = delete;

  /// Writes what is buffered. False, with errno set, when any write failed.
  bool finish();

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* bytes, std::streamsize count) override;
  int sync() override;

 private:
  bool write_buffer();
  bool write_all(const char* bytes, std::size_t count);

  int fd_;
  std::vector<char> buffer_;
  std::uint64_t written_ = 0;        // bytes handed to write(2)
  std::uint64_t write_started_ = 0;  // of those, bytes whose write-out was asked for
  bool failed_ = false;
  int error_ = 0;
};

}  // namespace policygraph::export_detail
