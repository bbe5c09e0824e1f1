// SPDX-License-Identifier: MIT
// An output stream buffer over a file descriptor that does not leave a large export's
// writing to the end.
//
// The first 16 MiB of a regular file go through the page cache, and the kernel is asked to
// start writing each part of it to disk as soon as it is written (sync_file_range) instead
// of leaving it all to the fsync that makes an export durable. Past 16 MiB the file is
// written with O_DIRECT, from this buffer straight to the disk: an export is fsync'ed
// anyway, so its bytes must reach the disk whatever the route, and the page cache route
// copies every byte once more and takes a page of memory for it. For a 1.3 GB GraphML that
// copy was the largest single share of a warm run (the pages it fills are new to the
// process each time), and the 1.3 GB it cached pushed the corpus's own files out of the
// cache, so that the next run read them from disk again. Only on a local disk (ext4, XFS,
// Btrfs): on a network share each direct write would wait for its round trip. Where O_DIRECT
// is refused (a block size above this buffer's alignment, say) the writing stays in the page
// cache, as it did before. Only a file the export made itself is switched: a pipe or
// a device (O_DIRECT means something else there) and a descriptor shared with the shell
// are left as they are.
#pragma once

#include <cstdint>
#include <memory>
#include <streambuf>

namespace policygraph::export_detail {

/// Whether a large file may bypass the page cache (see above).
enum class LargeFile { cached, direct };

class WriteBehindFile : public std::streambuf {
 public:
  /// Writes to `fd` (not owned, not closed) from its current offset. With LargeFile::direct
  /// and a regular file, the descriptor's O_DIRECT flag is set past the first 16 MiB and is
  /// clear again after finish().
  explicit WriteBehindFile(int fd, LargeFile large = LargeFile::cached);
  WriteBehindFile(const WriteBehindFile&) = delete;
  WriteBehindFile& operator=(const WriteBehindFile&) = delete;
  ~WriteBehindFile() override;

  /// Writes what is buffered. False, with errno set, when any write failed.
  bool finish();

  /// Bytes written with O_DIRECT so far (for the tests).
  std::uint64_t written_direct() const { return written_direct_; }

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* bytes, std::streamsize count) override;
  int sync() override;

 private:
  struct FreeAligned {
    void operator()(char* buffer) const;
  };

  /// Writes what the buffer holds: all of it, or with `keep_tail` in direct mode, all but
  /// the bytes past the last whole block, which stay at the front of the buffer.
  bool write_buffer(bool keep_tail);
  bool write_all(const char* bytes, std::size_t count);
  void start_direct_if_worth_it(std::size_t count);
  void stop_direct();

  int fd_;
  std::unique_ptr<char[], FreeAligned> buffer_;
  bool may_go_direct_ = false;       // a regular file the caller lets bypass the cache
  bool direct_ = false;              // the descriptor has O_DIRECT now
  bool direct_refused_ = false;      // tried and refused: never again for this file
  std::uint64_t start_offset_ = 0;   // the descriptor's offset at the start
  std::uint64_t written_ = 0;        // bytes handed to write(2)
  std::uint64_t write_started_ = 0;  // of those, bytes whose write-out was asked for
  std::uint64_t written_direct_ = 0;
  bool failed_ = false;
  int error_ = 0;
};

}  // namespace policygraph::export_detail
