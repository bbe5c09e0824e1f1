// SPDX-License-Identifier: MIT
// The folder of a run of corpus files, opened once for the run.
#pragma once

#include <fcntl.h>

#include <string>
#include <string_view>

#include "support/unique_fd.hpp"

namespace policygraph::records {

/// For files taken in path order (a folder's files side by side, as the walk lists them):
/// each file's folder is opened once for its run of files, and the file is looked up from
/// there, so the kernel looks up one name per file rather than every folder of its path
/// again. Used by the stat of every file of a warm load and the open of every file of a
/// cold one. One per thread.
class FolderHandle {
 public:
  /// Where to look `path` up with the *at() calls: its folder's descriptor and its last
  /// name; AT_FDCWD and the whole path where it names no folder or its folder cannot be
  /// opened (then the call fails or succeeds as it would on the path).
  struct Place {
    int at;
    const char* name;
  };
  /// The place points into `path`, which must outlive its use (so no temporary).
  Place place_of(std::string&& path) = delete;
  Place place_of(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos) return {AT_FDCWD, path.c_str()};
    const std::string_view folder(path.data(), slash);
    if (folder != folder_) {
      folder_.assign(folder);
      folder_fd_.reset(::open(folder_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    }
    if (!folder_fd_.valid()) return {AT_FDCWD, path.c_str()};
    return {folder_fd_.get(), path.c_str() + slash + 1};
  }

 private:
  std::string folder_;
  support::UniqueFd folder_fd_;
};

}  // namespace policygraph::records
