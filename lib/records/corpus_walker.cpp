// SPDX-License-Identifier: MIT
#include "corpus_walker.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

#include "policygraph/loader.hpp"
#include "support/file_kind.hpp"
#include "support/file_times.hpp"

namespace policygraph::records {
namespace {

namespace fs = std::filesystem;
using support::nanoseconds;

class Walker {
 public:
  Walker(bool follow_symlinks, Diagnostics& diagnostics)
      : follow_(follow_symlinks), diagnostics_(diagnostics), diagnostics_before_(diagnostics.size()) {}

  CorpusListing run(const fs::path& root) {
    std::error_code error;
    root_ = fs::canonical(root, error).generic_string();
    if (error || !fs::is_directory(root, error)) {
      report(root.generic_string(), Severity::error,
             "cannot read the corpus folder (" + (error ? error.message() : std::string("not a folder")) +
                 "); check the path given with -C");
      return {};
    }
    walk(root.string(), root_, "");
    // Folders are walked in byte order of their names, which is byte order of the paths
    // but where a name sorts between a folder and its files ("a/b" after "a-c"): check,
    // and sort only then.
    auto by_path = [](const CorpusFile& a, const CorpusFile& b) { return a.relative_path < b.relative_path; };
    if (!std::is_sorted(files_.begin(), files_.end(), by_path)) std::sort(files_.begin(), files_.end(), by_path);
    if (!plain_ || diagnostics_.size() != diagnostics_before_) folders_.clear();
    return {std::move(files_), std::move(folders_)};
  }

 private:
  void report(std::string file, Severity severity, std::string message) {
    diagnostics_.push_back(Diagnostic{std::move(file), 0, 0, severity, std::move(message)});
  }

  bool inside_corpus(const std::string& canonical) const {
    return canonical == root_ || (canonical.size() > root_.size() && canonical.compare(0, root_.size(), root_) == 0 &&
                                  (root_.back() == '/' || canonical[root_.size()] == '/'));
  }

  // A real path as a diagnostic shows it: relative to the corpus folder when inside it
  // (the corpus folder itself is '.'), else as it is.
  std::string shown(const std::string& canonical) const {
    if (!inside_corpus(canonical)) return canonical;
    if (canonical.size() == root_.size()) return ".";
    return canonical.substr(root_.size() + (root_.back() == '/' ? 0 : 1));
  }

  struct Entry {
    std::string name;
    unsigned char type;  // DT_* of readdir; DT_UNKNOWN where the file system does not say
  };

  // The folder's entries but the hidden ones (names starting with '.'), in byte order.
  // readdir rather than std::filesystem::directory_iterator: on a corpus of 100,000 files
  // the iterator's path objects, copied for every comparison of the sort, cost several
  // times the system calls themselves.
  bool list_folder(const std::string& path, const std::string& relative, std::vector<Entry>& entries, int& error) {
    DIR* folder = ::opendir(path.c_str());
    if (folder == nullptr) {
      error = errno;
      return false;
    }
    // The times before the entries: a change made while they are read shows as a newer time.
    struct stat info {};
    if (::fstat(::dirfd(folder), &info) == 0)
      folders_.push_back({relative, nanoseconds(info.st_mtim), nanoseconds(info.st_ctim)});
    else
      plain_ = false;
    errno = 0;
    while (const dirent* entry = ::readdir(folder)) {
      if (entry->d_name[0] != '.') entries.push_back({entry->d_name, entry->d_type});
      errno = 0;
    }
    error = errno;
    ::closedir(folder);
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
    return error == 0;
  }

  // `path` opens the folder; `canonical` is its real path (for loop detection).
  void walk(const std::string& path, const std::string& canonical, const std::string& prefix) {
    ancestors_.push_back(canonical);
    std::vector<Entry> entries;
    int error = 0;
    if (!list_folder(path, prefix, entries, error)) {
      report(prefix.empty() ? std::string(".") : prefix, Severity::error,
             "cannot read the folder (" + std::error_code(error, std::generic_category()).message() +
                 "); check its permissions; its records are missing");
      if (entries.empty()) {
        ancestors_.pop_back();
        return;
      }
    }
    for (const auto& entry : entries) visit(path, entry, prefix);
    ancestors_.pop_back();
  }

  static unsigned char type_of(const std::string& path, unsigned char type) {
    if (type != DT_UNKNOWN) return type;
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0) return DT_UNKNOWN;
    return static_cast<unsigned char>(IFTODT(info.st_mode));
  }

  // A FIFO, socket or device named like a record: never opened (a FIFO's open would wait
  // for a writer, a device's reads may never end), but not passed over in silence either.
  void report_special_file(const std::string& relative, mode_t mode) {
    report(relative, Severity::warning,
           std::string(support::file_kind_name(mode)) +
               ", not a regular file; skipped; remove it or give it a name without a record ending");
  }

  void visit(const std::string& folder, const Entry& entry, const std::string& prefix) {
    const std::string& name = entry.name;
    std::string path = folder + "/" + name;
    std::string relative = prefix.empty() ? name : prefix + "/" + name;
    const bool has_record_ending = format_for_path(name).has_value();
    std::error_code error;

    const unsigned char type = type_of(path, entry.type);
    plain_ = plain_ && (type == DT_DIR || type == DT_REG);
    if (type != DT_LNK) {
      if (type == DT_DIR) {
        walk(path, ancestors_.back() + "/" + name, relative);
      } else if (has_record_ending && type == DT_REG) {
        files_.push_back({std::move(relative), std::move(path)});
      } else if (has_record_ending && type != DT_UNKNOWN) {
        report_special_file(relative, DTTOIF(type));
      }
      return;
    }

    const std::string target = fs::canonical(path, error).generic_string();
    if (error) {
      if (error == std::errc::too_many_symbolic_link_levels)
        report(relative, Severity::warning, "symbolic link loop (" + error.message() + "); skipped; remove the link");
      else if (has_record_ending)
        report(relative, Severity::warning,
               "symbolic link leads nowhere (" + error.message() + "); skipped; remove the link or restore its target");
      return;
    }
    const bool is_folder = fs::is_directory(target, error);
    if (!is_folder && !has_record_ending) return;
    if (std::find(ancestors_.begin(), ancestors_.end(), target) != ancestors_.end()) {
      report(relative, Severity::warning,
             "symbolic link loop: it leads back to '" + shown(target) +
                 "', a folder that holds it; skipped; remove the link");
      return;
    }
    if (inside_corpus(target)) {
      report(relative, Severity::note,
             "symbolic link to '" + shown(target) + "' inside the corpus, which is read by its own path; skipped");
      return;
    }
    if (!follow_) {
      report(relative, Severity::note,
             "symbolic link leads out of the corpus folder (to '" + target +
                 "'); skipped; allow it with follow_symlinks (--follow-symlinks)");
      return;
    }
    struct stat info {};
    if (is_folder)
      walk(path, target, relative);
    else if (::stat(target.c_str(), &info) != 0)
      return;  // gone since canonical() found it
    else if (S_ISREG(info.st_mode))
      files_.push_back({relative, path, true});
    else
      report_special_file(relative, info.st_mode);
  }

  bool follow_;
  Diagnostics& diagnostics_;
  std::string root_;
  std::vector<std::string> ancestors_;  // real paths of the folders being walked
  std::vector<CorpusFile> files_;
  std::vector<FolderStamp> folders_;
  bool plain_ = true;  // only folders and regular files met, every folder's times read
  std::size_t diagnostics_before_;
};

}  // namespace

CorpusListing list_corpus_files(const std::filesystem::path& root, bool follow_symlinks, Diagnostics& diagnostics) {
  return Walker(follow_symlinks, diagnostics).run(root);
}

CorpusFile corpus_file(const std::filesystem::path& root, std::string_view relative_path) {
  // As the walk builds them: the root as given, then '/' and each name.
  std::string path = root.string();
  if (!relative_path.empty()) (path += '/') += relative_path;
  return {std::string(relative_path), std::move(path)};
}

}  // namespace policygraph::records
