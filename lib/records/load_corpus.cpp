// SPDX-License-Identifier: MIT
// load_corpus: walk, read and parse on every core, merge.
//
// The file list is sorted before any thread starts; threads take the next file index from
// an atomic counter and write the result into that file's own slot, so no lock is needed
// and the merge (slot by slot, in file order) does not depend on which thread was faster.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <system_error>
#include <thread>

#include "corpus_walker.hpp"
#include "policygraph/loader.hpp"

namespace policygraph {
namespace {

using records::CorpusFile;

Diagnostic file_problem(const std::string& file, Severity severity, std::string message) {
  return Diagnostic{file, 0, 0, severity, std::move(message)};
}

std::string errno_text(int number) { return std::error_code(number, std::generic_category()).message(); }

// The whole file in one read (a loop only for short reads), or a diagnostic.
std::optional<std::string> read_file(const CorpusFile& file, const Limits& limits, Diagnostics& diagnostics) {
  int fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    diagnostics.push_back(file_problem(file.relative_path, Severity::error,
                                       "cannot read the file (" + errno_text(errno) + "); check its permissions"));
    return std::nullopt;
  }
  struct stat info {};
  std::optional<std::string> text;
  if (::fstat(fd, &info) != 0) {
    diagnostics.push_back(file_problem(file.relative_path, Severity::error,
                                       "cannot read the file (" + errno_text(errno) + ")"));
  } else if (static_cast<std::size_t>(info.st_size) > limits.max_file_bytes) {
    diagnostics.push_back(file_problem(file.relative_path, Severity::error,
                                       "file is " + std::to_string(info.st_size) + " bytes, more than the limit of " +
                                           std::to_string(limits.max_file_bytes) + "; it is skipped; split it"));
  } else {
    text.emplace();
    text->resize(static_cast<std::size_t>(info.st_size));
    std::size_t done = 0;
    while (done < text->size()) {
      ssize_t got = ::read(fd, text->data() + done, text->size() - done);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) {
        diagnostics.push_back(file_problem(file.relative_path, Severity::error,
                                           "cannot read the file (" + errno_text(errno) + "); check its permissions"));
        text.reset();
        break;
      }
      if (got == 0) {  // shrank while we read: keep what is there
        text->resize(done);
        break;
      }
      done += static_cast<std::size_t>(got);
    }
  }
  ::close(fd);
  return text;
}

struct FileResult {
  ParseResult parsed;
  bool read = false;
};

FileResult load_file(const CorpusFile& file, const Limits& limits) {
  FileResult result;
  try {
    auto context = context_for_path(file.relative_path);
    if (!context) return result;
    auto text = read_file(file, limits, result.parsed.diagnostics);
    if (!text) return result;
    result.read = true;
    ParseResult parsed = parse_records(*text, *context, limits);
    result.parsed.records = std::move(parsed.records);
    result.parsed.diagnostics.insert(result.parsed.diagnostics.end(), std::make_move_iterator(parsed.diagnostics.begin()),
                                     std::make_move_iterator(parsed.diagnostics.end()));
  } catch (const std::exception& e) {  // out of memory, say: this file's problem only
    result.parsed.diagnostics.push_back(
        file_problem(file.relative_path, Severity::error, std::string("cannot load the file (") + e.what() + ")"));
  }
  return result;
}

}  // namespace

Corpus load_corpus(const std::filesystem::path& root, const LoadOptions& options) {
  Corpus corpus;
  try {
    std::vector<CorpusFile> files = records::list_corpus_files(root, options.follow_symlinks, corpus.diagnostics);
    std::vector<FileResult> results(files.size());

    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    auto work = [&](bool reports_progress) {
      for (std::size_t i = next++; i < files.size(); i = next++) {
        results[i] = load_file(files[i], options.limits);
        std::size_t finished = ++done;
        if (reports_progress && options.on_progress && finished % 256 == 0) options.on_progress(finished, files.size());
      }
    };
    unsigned threads = options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(files.size(), 1)));
    {
      std::vector<std::jthread> pool;
      pool.reserve(threads - 1);
      for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, false);
      work(true);  // the calling thread works too, and is the one that reports progress
    }
    if (options.on_progress) options.on_progress(files.size(), files.size());

    std::size_t record_count = 0;
    for (const auto& result : results) record_count += result.parsed.records.size();
    std::vector<Record> all;
    all.reserve(record_count);
    for (auto& result : results) {
      corpus.files_read += result.read ? 1 : 0;
      std::move(result.parsed.records.begin(), result.parsed.records.end(), std::back_inserter(all));
      std::move(result.parsed.diagnostics.begin(), result.parsed.diagnostics.end(),
                std::back_inserter(corpus.diagnostics));
      result = {};
    }
    corpus.records = merge_translations(std::move(all), options.preferred_language, corpus.diagnostics);
  } catch (const std::exception& e) {
    corpus.diagnostics.push_back(file_problem(root.generic_string(), Severity::error,
                                              std::string("cannot load the corpus (") + e.what() + ")"));
  }
  sort_diagnostics(corpus.diagnostics);
  return corpus;
}

}  // namespace policygraph
