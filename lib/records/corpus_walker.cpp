// SPDX-License-Identifier: MIT
#include "corpus_walker.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <optional>
#include <system_error>

#include "policygraph/loader.hpp"
#include "support/byte_prefix.hpp"
#include "support/file_kind.hpp"
#include "support/file_times.hpp"
#include "support/for_each_index.hpp"

namespace policygraph::records {
namespace {

namespace fs = std::filesystem;
using support::nanoseconds;

class Walker {
 public:
  Walker(bool follow_symlinks, unsigned threads, Diagnostics& diagnostics)
      : follow_(follow_symlinks),
        threads_(threads),
        diagnostics_(diagnostics),
        diagnostics_before_(diagnostics.size()) {}

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

  // `folder` + '/' + `name`, or `name` where `folder` is empty (the corpus folder's
  // relative path), in one allocation: the walk makes two such paths per file.
  static std::string joined(const std::string& folder, const std::string& name) {
    if (folder.empty()) return name;
    std::string path;
    path.reserve(folder.size() + 1 + name.size());
    path.append(folder).append(1, '/').append(name);
    return path;
  }

  struct Entry {
    std::string name;
    unsigned char type;  // DT_* of readdir; DT_UNKNOWN where the file system does not say
    // Most comparisons of a sort are of the names' first bytes as numbers: a folder of
    // 470,000 files spent most of its walk in memcmp otherwise.
    support::BytePrefix prefix;

    Entry(std::string_view entry_name, unsigned char entry_type)
        : name(entry_name), type(entry_type), prefix(support::BytePrefix::of(name)) {}
    friend bool operator<(const Entry& a, const Entry& b) {
      if (a.prefix != b.prefix) return a.prefix < b.prefix;
      return a.name < b.name;
    }
  };

  // One folder's listing: its times just before its entries were read (none when they could
  // not be read), then its entries but the hidden ones (names starting with '.'), in byte
  // order, and the errno that stopped the reading, if any. It touches nothing of the walk's,
  // so that sibling folders are listed on every core at once.
  struct Listing {
    std::optional<FolderStamp> stamp;
    std::vector<Entry> entries;
    int error = 0;
  };

  // readdir rather than std::filesystem::directory_iterator: on a corpus of 100,000 files
  // the iterator's path objects, copied for every comparison of the sort, cost several
  // times the system calls themselves.
  static Listing list_folder(const std::string& path, const std::string& relative) {
    Listing listing;
    DIR* folder = ::opendir(path.c_str());
    if (folder == nullptr) {
      listing.error = errno;
      return listing;
    }
    // The times before the entries: a change made while they are read shows as a newer time.
    struct stat info {};
    if (::fstat(::dirfd(folder), &info) == 0)
      listing.stamp = FolderStamp{relative, nanoseconds(info.st_mtim), nanoseconds(info.st_ctim)};
    errno = 0;
    while (const dirent* entry = ::readdir(folder)) {
      if (entry->d_name[0] != '.') listing.entries.emplace_back(entry->d_name, entry->d_type);
      errno = 0;
    }
    listing.error = errno;
    ::closedir(folder);
    std::sort(listing.entries.begin(), listing.entries.end());
    return listing;
  }

  // The entries whose folders are listed ahead, side by side: folders by readdir's type
  // (links and unknown types are looked at one by one in visit()).
  static bool listed_ahead(const Entry& entry) { return entry.type == DT_DIR; }

  // The listings of the entries listed_ahead(), in their order: a corpus keeps most of its
  // files in a few sibling folders (en/ and zh/, say). None when fewer than two.
  std::vector<Listing> list_subfolders(const std::string& path, const std::string& prefix,
                                       const std::vector<Entry>& entries) const {
    std::vector<const Entry*> subfolders;
    for (const Entry& entry : entries)
      if (listed_ahead(entry)) subfolders.push_back(&entry);
    if (subfolders.size() < 2) return {};  // listed when walked
    std::vector<Listing> listings(subfolders.size());
    support::for_each_index(subfolders.size(), threads_, [&](std::size_t i) {
      const std::string& name = subfolders[i]->name;
      listings[i] = list_folder(joined(path, name), joined(prefix, name));
      return true;
    });
    return listings;
  }

  // `path` opens the folder; `canonical` is its real path (for loop detection); `listed`
  // is its listing when it was made ahead.
  void walk(const std::string& path, const std::string& canonical, const std::string& prefix,
            Listing* listed = nullptr) {
    ancestors_.push_back(canonical);
    Listing listing = listed != nullptr ? std::move(*listed) : list_folder(path, prefix);
    if (listing.stamp)
      folders_.push_back(std::move(*listing.stamp));
    else
      plain_ = false;
    if (listing.error != 0) {
      report(prefix.empty() ? std::string(".") : prefix, Severity::error,
             "cannot read the folder (" + std::error_code(listing.error, std::generic_category()).message() +
                 "); check its permissions; its records are missing");
      if (listing.entries.empty()) {
        ancestors_.pop_back();
        return;
      }
    }
    std::vector<Listing> subfolders = list_subfolders(path, prefix, listing.entries);
    files_.reserve(files_.size() + listing.entries.size());
    std::size_t next_subfolder = 0;
    for (const auto& entry : listing.entries) {
      Listing* ahead = nullptr;
      if (listed_ahead(entry) && !subfolders.empty()) ahead = &subfolders[next_subfolder++];
      visit(path, entry, prefix, ahead);
    }
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

  void visit(const std::string& folder, const Entry& entry, const std::string& prefix, Listing* listed) {
    const std::string& name = entry.name;
    std::string path = joined(folder, name);
    std::string relative = joined(prefix, name);
    const bool has_record_ending = format_for_path(name).has_value();
    std::error_code error;

    const unsigned char type = type_of(path, entry.type);
    plain_ = plain_ && (type == DT_DIR || type == DT_REG);
    if (type != DT_LNK) {
      if (type == DT_DIR) {
        walk(path, joined(ancestors_.back(), name), relative, listed);
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
  unsigned threads_;
  Diagnostics& diagnostics_;
  std::string root_;
  std::vector<std::string> ancestors_;  // real paths of the folders being walked
  std::vector<CorpusFile> files_;
  std::vector<FolderStamp> folders_;
  bool plain_ = true;  // only folders and regular files met, every folder's times read
  std::size_t diagnostics_before_;
};

}  // namespace

CorpusListing list_corpus_files(const std::filesystem::path& root, bool follow_symlinks, unsigned threads,
                                Diagnostics& diagnostics) {
  return Walker(follow_symlinks, threads, diagnostics).run(root);
}

CorpusFile corpus_file(const std::filesystem::path& root, std::string_view relative_path) {
  // As the walk builds them: the root as given, then '/' and each name.
  std::string path = root.string();
  if (!relative_path.empty()) (path += '/') += relative_path;
  return {std::string(relative_path), std::move(path)};
}

}  // namespace policygraph::records
