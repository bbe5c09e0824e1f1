// SPDX-License-Identifier: MIT
#include "corpus_walker.hpp"

#include <algorithm>
#include <cerrno>
#include <system_error>

#include "policygraph/loader.hpp"

namespace policygraph::records {
namespace {

namespace fs = std::filesystem;

class Walker {
 public:
  Walker(bool follow_symlinks, Diagnostics& diagnostics) : follow_(follow_symlinks), diagnostics_(diagnostics) {}

  std::vector<CorpusFile> run(const fs::path& root) {
    std::error_code error;
    root_ = fs::canonical(root, error).generic_string();
    if (error || !fs::is_directory(root, error)) {
      report(root.generic_string(), Severity::error,
             "cannot read the corpus folder (" + (error ? error.message() : std::string("not a folder")) +
                 "); check the path given with -C");
      return {};
    }
    walk(root, root_, "");
    std::sort(files_.begin(), files_.end(),
              [](const CorpusFile& a, const CorpusFile& b) { return a.relative_path < b.relative_path; });
    return std::move(files_);
  }

 private:
  void report(std::string file, Severity severity, std::string message) {
    diagnostics_.push_back(Diagnostic{std::move(file), 0, 0, severity, std::move(message)});
  }

  bool inside_corpus(const std::string& canonical) const {
    return canonical == root_ || (canonical.size() > root_.size() && canonical.compare(0, root_.size(), root_) == 0 &&
                                  (root_.back() == '/' || canonical[root_.size()] == '/'));
  }

  // `folder` is opened by `path`; `canonical` is its real path (for loop detection).
  void walk(const fs::path& path, const std::string& canonical, const std::string& prefix) {
    ancestors_.push_back(canonical);
    std::error_code error;
    fs::directory_iterator it(path, error);
    if (error) {
      report(prefix.empty() ? std::string(".") : prefix, Severity::error,
             "cannot read the folder (" + error.message() + "); check its permissions; its records are missing");
      ancestors_.pop_back();
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (; it != fs::directory_iterator(); it.increment(error)) {
      if (error) break;
      entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end(), [](const fs::directory_entry& a, const fs::directory_entry& b) {
      return a.path().filename().string() < b.path().filename().string();
    });
    for (const auto& entry : entries) visit(entry, prefix);
    ancestors_.pop_back();
  }

  void visit(const fs::directory_entry& entry, const std::string& prefix) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name.front() == '.') return;  // hidden
    const std::string relative = prefix.empty() ? name : prefix + "/" + name;
    const bool has_record_ending = format_for_path(name).has_value();
    std::error_code error;

    if (!entry.is_symlink(error)) {
      if (entry.is_directory(error)) {
        walk(entry.path(), ancestors_.back() + "/" + name, relative);
      } else if (has_record_ending && entry.is_regular_file(error)) {
        files_.push_back({relative, entry.path()});
      }
      return;
    }

    const std::string target = fs::canonical(entry.path(), error).generic_string();
    if (error) {
      if (error == std::errc::too_many_symbolic_link_levels)
        report(relative, Severity::warning, "symbolic link loop (" + error.message() + "); skipped; remove the link");
      else if (has_record_ending)
        report(relative, Severity::warning, "symbolic link leads nowhere (" + error.message() + "); skipped");
      return;
    }
    const bool is_folder = fs::is_directory(target, error);
    if (!is_folder && !has_record_ending) return;
    if (std::find(ancestors_.begin(), ancestors_.end(), target) != ancestors_.end()) {
      report(relative, Severity::warning,
             "symbolic link loop: it leads back to the folder '" + target + "' that holds it; skipped");
      return;
    }
    if (inside_corpus(target)) {
      report(relative, Severity::note,
             "symbolic link to '" + target + "' inside the corpus, which is read by its own path; skipped");
      return;
    }
    if (!follow_) {
      report(relative, Severity::note,
             "symbolic link leads out of the corpus folder (to '" + target +
                 "'); skipped; allow it with follow_symlinks (--follow-symlinks)");
      return;
    }
    if (is_folder)
      walk(entry.path(), target, relative);
    else if (fs::is_regular_file(target, error))
      files_.push_back({relative, entry.path()});
  }

  bool follow_;
  Diagnostics& diagnostics_;
  std::string root_;
  std::vector<std::string> ancestors_;  // real paths of the folders being walked
  std::vector<CorpusFile> files_;
};

}  // namespace

std::vector<CorpusFile> list_corpus_files(const std::filesystem::path& root, bool follow_symlinks,
                                          Diagnostics& diagnostics) {
  return Walker(follow_symlinks, diagnostics).run(root);
}

}  // namespace policygraph::records
