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

TEST(WriteBehindFile, AFailedWriteIsReportedWithItsError) {
  const fs::path path = temporary_path();
  int fd = ::open(path.c_str(), O_RDONLY | O_CREAT | O_CLOEXEC, 0600);  // not open for writing
  ASSERT_GE(fd, 0);
  {
    WriteBehindFile file(fd);
    std::ostream out(&file);
    out << std::string(3 << 20, 'x');  // larger than the buffer: written at once, and fails
    EXPECT_FALSE(out.good());
    errno = 0;
    EXPECT_FALSE(file.finish());
    EXPECT_EQ(errno, EBADF);
  }
  ::close(fd);
  fs::remove(path);
}

TEST(WriteBehindFile, ASmallWriteThatFailsIsFoundByFinish) {
  const fs::path path = temporary_path();
  int fd = ::open(path.c_str(), O_RDONLY | O_CREAT | O_CLOEXEC, 0600);
  ASSERT_GE(fd, 0);
  {
    WriteBehindFile file(fd);
    std::ostream out(&file);
    out << "buffered";  // nothing written yet
    EXPECT_TRUE(out.good());
    errno = 0;
    EXPECT_FALSE(file.finish());
    EXPECT_EQ(errno, EBADF);
  }
  ::close(fd);
  fs::remove(path);
}

}  // namespace
}  // namespace policygraph::export_detail
