// SPDX-License-Identifier: MIT
#include "write_behind_file.hpp"

#include <fcntl.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <new>

namespace policygraph::export_detail {
namespace {

constexpr std::size_t buffer_bytes = 4 << 20;
// O_DIRECT wants the memory, the file offset and the length aligned to the device's logical
// block (512 or 4096 bytes): 4096 serves both.
constexpr std::size_t block_bytes = 4096;
// How much is written before its write-out is asked for, and before a file is big enough to
// bypass the page cache: large enough that a small file (a diagram, a report page) never
// leaves the cache, small enough that the disk starts early.
constexpr std::uint64_t write_out_step = 16 << 20;

int descriptor_flags(int fd) { return ::fcntl(fd, F_GETFL); }

// The local disk file systems whose O_DIRECT writes go straight to the device. Elsewhere (a
// network share, where each direct write waits for its round trip; tmpfs; FUSE) the page
// cache stays the route.
bool on_local_disk(int fd) {
  struct statfs info {};
  if (::fstatfs(fd, &info) != 0) return false;
  const auto type = static_cast<unsigned long>(info.f_type);  // EXT4_SUPER_MAGIC stands for ext2 and ext3 too
  return type == EXT4_SUPER_MAGIC || type == XFS_SUPER_MAGIC || type == BTRFS_SUPER_MAGIC;
}

}  // namespace

void WriteBehindFile::FreeAligned::operator()(char* buffer) const {
  ::operator delete[](buffer, std::align_val_t{block_bytes});
}

WriteBehindFile::WriteBehindFile(int fd, LargeFile large)
    : fd_(fd), buffer_(static_cast<char*>(::operator new[](buffer_bytes, std::align_val_t{block_bytes}))) {
  setp(buffer_.get(), buffer_.get() + buffer_bytes);
  struct stat status {};
  const off_t offset = ::lseek(fd, 0, SEEK_CUR);
  may_go_direct_ = large == LargeFile::direct && ::fstat(fd, &status) == 0 && S_ISREG(status.st_mode) && offset >= 0 &&
                   on_local_disk(fd);
  start_offset_ = offset >= 0 ? static_cast<std::uint64_t>(offset) : 0;
}

WriteBehindFile::~WriteBehindFile() { stop_direct(); }

void WriteBehindFile::stop_direct() {
  if (!direct_) return;
  direct_ = false;
  const int flags = descriptor_flags(fd_);
  if (flags >= 0) ::fcntl(fd_, F_SETFL, flags & ~O_DIRECT);
}

// Past the first write-out step of a regular file, at a block boundary (whole buffers are
// written until then, so it is one unless a flush came in between).
void WriteBehindFile::start_direct_if_worth_it(std::size_t count) {
  if (direct_ || direct_refused_ || !may_go_direct_ || written_ + count <= write_out_step) return;
  if ((start_offset_ + written_) % block_bytes != 0) return;
  const int flags = descriptor_flags(fd_);
  if (flags < 0 || ::fcntl(fd_, F_SETFL, flags | O_DIRECT) != 0) {
    direct_refused_ = true;
    return;
  }
  direct_ = true;
}

// In direct mode the bytes are whole blocks from the aligned buffer. A file system may
// accept O_DIRECT and still refuse the write (EINVAL: a larger block than ours), and a short
// write (a full disk) may end off a block: in both cases the rest of the file goes through
// the page cache, whose write then succeeds or reports the error.
bool WriteBehindFile::write_all(const char* bytes, std::size_t count) {
  while (count > 0) {
    const ssize_t done = ::write(fd_, bytes, count);
    if (done < 0 && errno == EINTR) continue;
    if (done < 0 && errno == EINVAL && direct_) {
      stop_direct();
      direct_refused_ = true;
      continue;
    }
    if (done < 0) {
      failed_ = true;
      error_ = errno;
      return false;
    }
    const auto written = static_cast<std::size_t>(done);
    bytes += written;
    count -= written;
    written_ += written;
    if (!direct_) continue;
    written_direct_ += written;
    write_started_ = written_;  // on its way to the disk already
    if (count > 0 && written % block_bytes != 0) {
      stop_direct();
      direct_refused_ = true;
    }
  }
  if (!direct_ && written_ - write_started_ >= write_out_step) {
    // Only a request: it does not wait, and where the file system does not support it the
    // fsync at the end does all the work.
    ::sync_file_range(fd_, static_cast<off64_t>(write_started_), static_cast<off64_t>(written_ - write_started_),
                      SYNC_FILE_RANGE_WRITE);
    write_started_ = written_;
  }
  return true;
}

bool WriteBehindFile::write_buffer(bool keep_tail) {
  const auto count = static_cast<std::size_t>(pptr() - pbase());
  setp(buffer_.get(), buffer_.get() + buffer_bytes);
  if (failed_) return false;
  start_direct_if_worth_it(count);
  if (!direct_) return write_all(buffer_.get(), count);
  const std::size_t whole_blocks = count - count % block_bytes;
  if (!write_all(buffer_.get(), whole_blocks)) return false;
  const std::size_t tail = count - whole_blocks;
  if (tail == 0) return true;
  if (keep_tail && direct_) {
    std::memmove(buffer_.get(), buffer_.get() + whole_blocks, tail);
    pbump(static_cast<int>(tail));
    return true;
  }
  // The end of the file, or a flush: the bytes past the last block go through the page
  // cache, and the file leaves direct mode (its offset is off a block now).
  stop_direct();
  return write_all(buffer_.get() + whole_blocks, tail);
}

WriteBehindFile::int_type WriteBehindFile::overflow(int_type ch) {
  if (!write_buffer(true)) return traits_type::eof();
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  *pptr() = traits_type::to_char_type(ch);
  pbump(1);
  return ch;
}

// Every byte goes through the buffer, whose memory is aligned for O_DIRECT; a copy costs
// little next to the write.
std::streamsize WriteBehindFile::xsputn(const char* bytes, std::streamsize count) {
  std::streamsize copied = 0;
  while (copied < count) {
    if (pptr() == epptr() && !write_buffer(true)) return copied;
    const auto piece = std::min<std::streamsize>(count - copied, epptr() - pptr());
    std::memcpy(pptr(), bytes + copied, static_cast<std::size_t>(piece));
    pbump(static_cast<int>(piece));
    copied += piece;
  }
  return copied;
}

int WriteBehindFile::sync() { return write_buffer(false) ? 0 : -1; }

bool WriteBehindFile::finish() {
  const bool ok = write_buffer(false);
  stop_direct();
  if (!ok) errno = error_;
  return ok;
}

}  // namespace policygraph::export_detail
