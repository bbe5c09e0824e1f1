// SPDX-License-Identifier: MIT
// Issue 18, point 2: `export -o` replaced whatever it was given by a regular file, a FIFO, a
// device (`-o /dev/null`, as root) or a symbolic link alike. Atomic replacement is for
// regular files: a FIFO, a character device or an open descriptor is written straight
// through, and a link's target is replaced, the link kept.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "export/export_test_util.hpp"
#include "policygraph/export.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;
namespace fs = std::filesystem;

void write_hello(const fs::path& path) {
  write_file_atomically(path, [](std::ostream& out) { out << "hello\n"; });
}

mode_t type_of(const fs::path& path) {
  struct stat info {};
  EXPECT_EQ(::lstat(path.c_str(), &info), 0) << path;
  return info.st_mode & S_IFMT;
}

std::size_t entries_in(const fs::path& folder) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

// Everything that can be read from `fd` now, without waiting.
std::string drain(int fd) {
  std::string text;
  char buffer[4096];
  for (ssize_t got; (got = ::read(fd, buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<std::size_t>(got));
  return text;
}

TEST(SpecialOutputs, AFifoIsWrittenThrough) {
  auto folder = scratch_folder("output-fifo");
  const fs::path fifo = folder / "out.graphml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  // A reader first, so that the export's open does not wait for one.
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(reader, 0);
  write_hello(fifo);
  EXPECT_EQ(drain(reader), "hello\n");
  ::close(reader);
  EXPECT_EQ(type_of(fifo), S_IFIFO);
  EXPECT_EQ(entries_in(folder), 1u);
}

TEST(SpecialOutputs, AnOpenDescriptorIsWrittenTo) {
  // As bash's `-o >(gzip)` gives it: /dev/fd/N.
  for (const std::string prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    int pipe_ends[2];
    ASSERT_EQ(::pipe(pipe_ends), 0);
    ::fcntl(pipe_ends[0], F_SETFL, O_NONBLOCK);
    EXPECT_NO_THROW(write_hello(prefix + std::to_string(pipe_ends[1]))) << prefix;
    EXPECT_EQ(drain(pipe_ends[0]), "hello\n") << prefix;
    EXPECT_NE(::fcntl(pipe_ends[1], F_GETFD), -1) << "the caller's descriptor stays open";
    ::close(pipe_ends[0]);
    ::close(pipe_ends[1]);
  }
}

TEST(SpecialOutputs, ALinkIsKeptAndItsTargetReplaced) {
  auto folder = scratch_folder("output-link");
  fs::create_directories(folder / "real");
  write_text(folder / "real" / "graph.graphml", "old\n");
  fs::create_symlink("real/graph.graphml", folder / "latest.graphml");
  write_hello(folder / "latest.graphml");
  EXPECT_EQ(type_of(folder / "latest.graphml"), S_IFLNK);
  EXPECT_EQ(fs::read_symlink(folder / "latest.graphml"), "real/graph.graphml");
  EXPECT_EQ(read_text(folder / "real" / "graph.graphml"), "hello\n");
  EXPECT_EQ(entries_in(folder), 2u);           // no temporary beside the link
  EXPECT_EQ(entries_in(folder / "real"), 1u);  // nor beside the target
}

TEST(SpecialOutputs, ALinkThatLeadsNowhereGetsItsTargetCreated) {
  auto folder = scratch_folder("output-dangling");
  fs::create_directories(folder / "real");
  fs::create_symlink("real/new.graphml", folder / "latest.graphml");
  write_hello(folder / "latest.graphml");
  EXPECT_EQ(type_of(folder / "latest.graphml"), S_IFLNK);
  EXPECT_EQ(read_text(folder / "real" / "new.graphml"), "hello\n");
}

TEST(SpecialOutputs, ACharacterDeviceIsWrittenThrough) {
  // Through a link, so that a regression replaces the link, never /dev/null itself.
  auto folder = scratch_folder("output-device");
  fs::create_symlink("/dev/null", folder / "null");
  write_hello(folder / "null");
  EXPECT_EQ(type_of(folder / "null"), S_IFLNK);
  EXPECT_EQ(type_of("/dev/null"), S_IFCHR);
  EXPECT_EQ(entries_in(folder), 1u);
}

TEST(SpecialOutputs, ASocketOrAFolderIsRefused) {
  auto folder = scratch_folder("output-socket");
  const fs::path path = folder / "socket";
  int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  ASSERT_LT(path.string().size(), sizeof address.sun_path);
  std::strcpy(address.sun_path, path.c_str());
  ASSERT_EQ(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
  try {
    write_hello(path);
    ADD_FAILURE() << "no ExportError";
  } catch (const ExportError& error) {
    EXPECT_EQ(std::string(error.what()), path.string() + ": is a socket, not a file or a stream to write to");
  }
  ::close(fd);
  EXPECT_EQ(type_of(path), S_IFSOCK);
  fs::create_directories(folder / "a-folder");
  try {
    write_hello(folder / "a-folder");
    ADD_FAILURE() << "no ExportError";
  } catch (const ExportError& error) {
    EXPECT_EQ(std::string(error.what()), (folder / "a-folder").string() + ": is a folder; give a file name");
  }
}

}  // namespace
}  // namespace policygraph
