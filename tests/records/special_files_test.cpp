// SPDX-License-Identifier: MIT
// Issue 18, point 1: special files (a FIFO, a socket, a device) where the loader expects a
// record file or its cache. Opening a FIFO for reading waits for a writer, so a FIFO must
// never be opened the ordinary way; each case here runs with a time limit, and a test that
// would hang opens the FIFO for writing at the limit, to let the run end, and fails.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <future>
#include <string>
#include <vector>

#include "policygraph/loader.hpp"
#include "records/cache_location.hpp"
#include "records/record_file.hpp"
#include "records/temp_corpus.hpp"

namespace policygraph {
namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

Strings messages(const Diagnostics& diagnostics) {
  Strings out;
  for (const auto& d : diagnostics) out.push_back(format_diagnostic(d));
  return out;
}

void make_fifo(const fs::path& path) {
  fs::create_directories(path.parent_path());
  ASSERT_EQ(::mkfifo(path.c_str(), 0644), 0) << std::strerror(errno);
}

// Runs `work`; if it has not returned after two seconds, opens each of `fifos` for writing
// (so that a reader blocked on it goes on) and fails the test.
template <typename Work>
auto within_two_seconds(const std::vector<fs::path>& fifos, Work work) {
  auto result = std::async(std::launch::async, work);
  if (result.wait_for(std::chrono::seconds(2)) == std::future_status::timeout) {
    ADD_FAILURE() << "hangs on a FIFO";
    while (result.wait_for(std::chrono::milliseconds(50)) == std::future_status::timeout)
      for (const auto& fifo : fifos) {
        int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
        if (fd >= 0) ::close(fd);
      }
  }
  return result.get();
}

TEST(SpecialFiles, FifoNamedLikeARecordIsAWarning) {
  TempCorpus corpus;
  corpus.write("policies/en/a.md", "---\nid: a\ntitle: A\n---\n");
  make_fifo(corpus.root() / "policies" / "en" / "pipe.md");
  make_fifo(corpus.root() / "policies" / "en" / "pipe.txt");  // no record ending: not ours
  Corpus loaded = within_two_seconds({}, [&] { return load_corpus(corpus.root()); });
  ASSERT_EQ(loaded.records.size(), 1u);
  EXPECT_EQ(messages(loaded.diagnostics),
            Strings{"policies/en/pipe.md: warning: a named pipe (FIFO), not a regular file; skipped; remove it or "
                    "give it a name without a record ending"});
}

TEST(SpecialFiles, SocketNamedLikeARecordIsAWarning) {
  TempCorpus corpus;
  corpus.write("a.yaml", "id: a\ntitle: A\n");
  const fs::path path = corpus.root() / "socket.yaml";
  int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  ASSERT_LT(path.string().size(), sizeof address.sun_path);
  std::strcpy(address.sun_path, path.c_str());
  ASSERT_EQ(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0) << std::strerror(errno);
  Corpus loaded = load_corpus(corpus.root());
  ::close(fd);
  EXPECT_EQ(messages(loaded.diagnostics),
            Strings{"socket.yaml: warning: a socket, not a regular file; skipped; remove it or give it a name without "
                    "a record ending"});
}

TEST(SpecialFiles, FollowedLinkToADeviceIsAWarning) {
  TempCorpus corpus;
  corpus.write("a.yaml", "id: a\ntitle: A\n");
  fs::create_symlink("/dev/null", corpus.root() / "null.yaml");
  LoadOptions follow;
  follow.follow_symlinks = true;
  Corpus loaded = load_corpus(corpus.root(), follow);
  EXPECT_EQ(messages(loaded.diagnostics),
            Strings{"null.yaml: warning: a character device, not a regular file; skipped; remove it or give it a "
                    "name without a record ending"});
}

// A file the walk listed that is a FIFO by the time it is read (swapped in between).
TEST(SpecialFiles, RecordFileSwappedForAFifoIsAWarningNotAHang) {
  TempCorpus corpus;
  const fs::path fifo = corpus.root() / "a.md";
  make_fifo(fifo);
  Diagnostics diagnostics;
  struct stat info {};
  auto text = within_two_seconds({fifo}, [&] {
    records::FolderHandle folder;
    return records::read_record_file({"a.md", fifo.string()}, {}, diagnostics, info, folder);
  });
  EXPECT_FALSE(text.has_value());
  EXPECT_EQ(messages(diagnostics),
            Strings{"a.md: warning: a named pipe (FIFO), not a regular file; skipped; remove it or give it a name "
                    "without a record ending"});
}

TEST(SpecialFiles, RecordFileSwappedForALinkIsNotFollowed) {
  TempCorpus corpus;
  TempCorpus outside;
  fs::path secret = outside.write("secret.md", "---\nid: secret\n---\n");
  fs::create_symlink(secret, corpus.root() / "a.md");
  Diagnostics diagnostics;
  struct stat info {};
  records::FolderHandle folder;
  auto text = records::read_record_file({"a.md", (corpus.root() / "a.md").string()}, {}, diagnostics, info, folder);
  EXPECT_FALSE(text.has_value());
  EXPECT_EQ(messages(diagnostics),
            Strings{"a.md: warning: a symbolic link now, not the file the corpus listed; skipped; read the corpus "
                    "again"});
}

TEST(SpecialFiles, VanishedFileIsSaidToHaveVanished) {
  TempCorpus corpus;
  Diagnostics diagnostics;
  struct stat info {};
  records::FolderHandle folder;
  auto text =
      records::read_record_file({"gone.md", (corpus.root() / "gone.md").string()}, {}, diagnostics, info, folder);
  EXPECT_FALSE(text.has_value());
  EXPECT_EQ(messages(diagnostics),
            Strings{"gone.md: warning: the file vanished while the corpus was read (it was listed, then gone); "
                    "skipped"});
}

TEST(SpecialFiles, FifoAtTheCachesPathIsLeftAloneWithANote) {
  TempCorpus corpus;
  TempCorpus cache;
  corpus.write("a.yaml", "id: a\ntitle: A\n");
  LoadOptions options;
  options.use_cache = true;
  options.cache_folder = cache.root();
  const fs::path file = records::cache_location(fs::canonical(corpus.root()), cache.root())->file;
  make_fifo(file);
  Corpus loaded = within_two_seconds({file}, [&] { return load_corpus(corpus.root(), options); });
  EXPECT_EQ(loaded.records.size(), 1u);
  EXPECT_FALSE(loaded.cache.used);
  EXPECT_EQ(loaded.cache.note, "the cache '" + file.string() +
                                   "' is a named pipe (FIFO), not a regular file; no cache is kept; remove it");
  struct stat info {};
  ASSERT_EQ(::lstat(file.c_str(), &info), 0);
  EXPECT_TRUE(S_ISFIFO(info.st_mode));  // left as it was
}

TEST(SpecialFiles, LinkAtTheCachesPathIsNotFollowed) {
  TempCorpus corpus;
  TempCorpus cache;
  TempCorpus elsewhere;
  corpus.write("a.yaml", "id: a\ntitle: A\n");
  fs::path unrelated = elsewhere.write("records.cache", "someone else's");
  LoadOptions options;
  options.use_cache = true;
  options.cache_folder = cache.root();
  const fs::path file = records::cache_location(fs::canonical(corpus.root()), cache.root())->file;
  fs::create_symlink(unrelated, file);
  Corpus loaded = load_corpus(corpus.root(), options);
  EXPECT_FALSE(loaded.cache.used);
  EXPECT_EQ(loaded.cache.note,
            "the cache '" + file.string() + "' is a symbolic link, not a regular file; no cache is kept; remove it");
  EXPECT_TRUE(fs::is_symlink(file));
  std::ifstream in(unrelated);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "someone else's");
}

}  // namespace
}  // namespace policygraph
