// SPDX-License-Identifier: MIT
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>

namespace policygraph {

// A corpus folder in the temporary directory, removed at the end of the test (the rights a
// test took away given back first).
class TempCorpus {
 public:
  TempCorpus() {
    std::random_device random;
    root_ = std::filesystem::temp_directory_path() /
            ("policygraph-records-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
    std::filesystem::create_directories(root_);
  }
  ~TempCorpus() {
    std::error_code ignored;
    std::filesystem::permissions(root_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ignored);
    for (auto& entry : std::filesystem::recursive_directory_iterator(root_, ignored))
      std::filesystem::permissions(entry.path(), std::filesystem::perms::owner_all,
                                   std::filesystem::perm_options::add | std::filesystem::perm_options::nofollow,
                                   ignored);
    std::filesystem::remove_all(root_, ignored);
  }
  TempCorpus(const TempCorpus&) = delete;
  TempCorpus& operator=(const TempCorpus&) = delete;

  const std::filesystem::path& root() const { return root_; }
  std::filesystem::path write(const std::string& relative, std::string_view text) const {
    std::filesystem::path path = root_ / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

 private:
  std::filesystem::path root_;
};

}  // namespace policygraph
