// SPDX-License-Identifier: MIT
#include "write_behind_file.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
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

TEST(WriteBehindFile, WritesEveryByteInOrderWhateverTheSizeOfEachWrite) {
  // Single characters, pieces smaller and larger than the 1 MiB buffer, and more than the
  // 16 MiB after which the write-out of what is written is asked for.
  const fs::path path = temporary_path();
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  ASSERT_GE(fd, 0);
  std::string expected;
  std::mt19937 random(7);
  {
    WriteBehindFile file(fd);
    std::ostream out(&file);
    for (std::size_t size :
         {std::size_t{1}, std::size_t{1}, std::size_t{1000}, std::size_t{65536}, std::size_t{1} << 20,
          (std::size_t{3} << 20) + 17, std::size_t{5}, std::size_t{20} << 20}) {
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
    ASSERT_TRUE(out.good());
    ASSERT_TRUE(file.finish());
  }
  ASSERT_EQ(::close(fd), 0);
  const std::string written = read_back(path);
  fs::remove(path);
  EXPECT_EQ(written.size(), expected.size());
  EXPECT_TRUE(written == expected);
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
  // Larger than the buffer: written at once, and the stream fails there.
  EXPECT_FALSE(stream_good_before_finish(std::string(3 << 20, 'x')));
}

TEST(WriteBehindFile, ASmallWriteThatFailsIsFoundByFinish) {
  // Buffered: nothing is written before finish().
  EXPECT_TRUE(stream_good_before_finish("buffered"));
}

}  // namespace
}  // namespace policygraph::export_detail
