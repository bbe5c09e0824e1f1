// SPDX-License-Identifier: MIT
#include "write_behind_file.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <ostream>
#include <random>
#include <string>

namespace policygraph::export_detail {
namespace {

namespace fs = std::filesystem;

fs::path temporary_path() {
  std::random_device random;
  return fs::temp_directory_path() /
         ("policygraph-write-behind-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
}

std::string read_back(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Writes pieces of these sizes (1: one put()) and a number through a WriteBehindFile into
// a new file at `path`; what was meant to be written. `direct_written` gets how much of it
// bypassed the page cache.
std::string write_pieces(const fs::path& path, LargeFile large, std::initializer_list<std::size_t> sizes,
                         std::uint64_t& direct_written) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  EXPECT_GE(fd, 0);
  std::string expected;
  std::mt19937 random(7);
  {
    WriteBehindFile file(fd, large);
    std::ostream out(&file);
    for (std::size_t size : sizes) {
      std::string piece(size, '\0');
      for (char& c : piece) c = static_cast<char>('a' + random() % 26);
      if (size == 1)
        out.put(piece[0]);
      else
        out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
      expected += piece;
    }
    out << 42 << '\n';
    expected += "42\n";
    EXPECT_TRUE(out.good());
    EXPECT_TRUE(file.finish());
    direct_written = file.written_direct();
  }
  EXPECT_EQ(::fcntl(fd, F_GETFL) & O_DIRECT, 0) << "O_DIRECT is cleared at the end";
  EXPECT_EQ(::close(fd), 0);
  return expected;
}

// Single characters, pieces smaller and larger than the 4 MiB buffer, pieces that end off a
// block, and more than the 16 MiB past which the write-out is asked for and a file the
// export made bypasses the page cache.
constexpr std::initializer_list<std::size_t> mixed_sizes = {
    1, 1, 1000, 65536, std::size_t{1} << 20, (std::size_t{3} << 20) + 17, 5, std::size_t{20} << 20, 4095, 1, 4097};

TEST(WriteBehindFile, WritesEveryByteInOrderWhateverTheSizeOfEachWrite) {
  for (LargeFile large : {LargeFile::cached, LargeFile::direct}) {
    const fs::path path = temporary_path();
    std::uint64_t direct_written = 0;
    const std::string expected = write_pieces(path, large, mixed_sizes, direct_written);
    const std::string written = read_back(path);
    fs::remove(path);
    EXPECT_EQ(written.size(), expected.size());
    EXPECT_TRUE(written == expected);
    if (large == LargeFile::cached) {
      EXPECT_EQ(direct_written, 0U);
    }
  }
}

TEST(WriteBehindFile, ALargeFileOfItsOwnBypassesThePageCacheWhereTheFileSystemAllows) {
  const fs::path path = temporary_path();
  std::uint64_t direct_written = 0;
  write_pieces(path, LargeFile::direct, mixed_sizes, direct_written);
  const auto size = fs::file_size(path);
  fs::remove(path);
  // O_DIRECT is a property of the file system under the temporary folder: say so, rather
  // than pass silently, where it is not a local disk's (ext4, XFS, Btrfs) or refuses it.
  if (direct_written == 0)
    GTEST_SKIP() << "the file system of " << path.parent_path() << " is not ext4, XFS or Btrfs, or refuses O_DIRECT";
  // Not the first 16 MiB, not the tail past the last whole block.
  EXPECT_GE(direct_written, 8U << 20);
  EXPECT_LE(direct_written + (16U << 20), size);
  EXPECT_EQ(direct_written % 4096, 0U);
}

TEST(WriteBehindFile, ASmallFileStaysInThePageCache) {
  const fs::path path = temporary_path();
  std::uint64_t direct_written = 0;
  write_pieces(path, LargeFile::direct, {1000, std::size_t{5} << 20, 17}, direct_written);
  fs::remove(path);
  EXPECT_EQ(direct_written, 0U);
}

// A file open for reading only, so that every write to it fails with EBADF; closed and
// removed at the end of the test.
class ReadOnlyFile {
 public:
  ReadOnlyFile() : path_(temporary_path()), fd_(::open(path_.c_str(), O_RDONLY | O_CREAT | O_CLOEXEC, 0600)) {}
  ~ReadOnlyFile() {
    if (fd_ >= 0) ::close(fd_);
    std::error_code ignored;
    fs::remove(path_, ignored);
  }
  ReadOnlyFile(const ReadOnlyFile&) = delete;
  ReadOnlyFile& operator=(const ReadOnlyFile&) = delete;
  int fd() const { return fd_; }

 private:
  fs::path path_;
  int fd_;
};

// Writes `text` through a WriteBehindFile into a file that refuses it; what the stream said
// before finish(), and that finish() failed with EBADF.
bool stream_good_before_finish(const std::string& text) {
  ReadOnlyFile file;
  EXPECT_GE(file.fd(), 0);
  WriteBehindFile buffer(file.fd());
  std::ostream out(&buffer);
  out << text;
  const bool good = out.good();
  errno = 0;
  EXPECT_FALSE(buffer.finish());
  EXPECT_EQ(errno, EBADF);
  return good;
}

TEST(WriteBehindFile, AFailedWriteIsReportedWithItsError) {
  // Larger than the 4 MiB buffer: written as it fills, and the stream fails there.
  EXPECT_FALSE(stream_good_before_finish(std::string(5 << 20, 'x')));
}

TEST(WriteBehindFile, ASmallWriteThatFailsIsFoundByFinish) {
  // Buffered: nothing is written before finish().
  EXPECT_TRUE(stream_good_before_finish("buffered"));
}

}  // namespace
}  // namespace policygraph::export_detail
