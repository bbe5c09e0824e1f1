// SPDX-License-Identifier: MIT
// load_corpus: walk, read and parse on every core, merge.
//
// The file list is sorted before any thread starts; threads take the next file index from
// an atomic counter and write the result into that file's own slot, so no lock is needed
// and the merge (slot by slot, in file order) does not depend on which thread was faster.
//
// With the cache (cache_session.hpp), each thread first asks whether its file's cached
// parse still holds: same size and times, it is decoded without reading the file; else
// the file is read and the cache asks its hash. Only what is left is parsed, and handed
// to the cache on the same thread. Reading takes four threads per core (unless --threads
// says otherwise), so that the cores parse while some threads wait on the disk.
//
// When every file is as cached, the cache's merged corpus serves the load instead: one stat
// per file, then the merged records decoded chunk by chunk on every core; the files' blobs
// and the translations merge are skipped. When every folder is as cached too, the cache's
// listing stands for the walk (cache_file.cpp says why that is safe).
//
// While files are parsed, a record in another language than the preferred one is thinned
// to what the merge takes from it as soon as its preferred-language twin is known
// (translation_twins.hpp): a load holds one language's records whole, not every language's.
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <iterator>
#include <numeric>
#include <system_error>
#include <thread>

#include "cache_session.hpp"
#include "corpus_walker.hpp"
#include "no_records.hpp"
#include "policygraph/loader.hpp"
#include "record_file.hpp"
#include "status_words.hpp"
#include "support/for_each_index.hpp"
#include "translation_twins.hpp"

namespace policygraph {
namespace {

using records::CorpusFile;

Diagnostic file_problem(const std::string& file, Severity severity, std::string message) {
  return Diagnostic{file, 0, 0, severity, std::move(message)};
}

struct FileResult {
  ParseResult parsed;
  bool read = false;  // read now, or through the cache before
};

FileResult load_file(const CorpusFile& file, const Limits& limits, records::CacheSession& cache, std::size_t index,
                     records::FolderHandle& folder) {
  FileResult result;
  try {
    auto context = context_for_path(file.relative_path);
    if (!context) return result;
    if (auto cached = cache.reuse_unchanged(index, file, folder)) {
      result.parsed = std::move(*cached);
      result.read = true;
      return result;
    }
    struct stat info {};
    auto text = records::read_record_file(file, limits, result.parsed.diagnostics, info, folder);
    if (!text) return result;
    result.read = true;
    if (auto cached = cache.reuse_same_content(index, *text, info)) {
      result.parsed = std::move(*cached);
      return result;
    }
    ParseResult parsed = parse_records(*text, *context, limits);
    result.parsed.records = std::move(parsed.records);
    result.parsed.diagnostics.insert(result.parsed.diagnostics.end(),
                                     std::make_move_iterator(parsed.diagnostics.begin()),
                                     std::make_move_iterator(parsed.diagnostics.end()));
    cache.store(index, file.relative_path, text->size(), result.parsed);
  } catch (const std::exception& e) {  // out of memory, say: this file's problem only
    cache.forget(index);
    result = {};
    result.parsed.diagnostics.push_back(
        file_problem(file.relative_path, Severity::error, std::string("cannot load the file (") + e.what() + ")"));
  }
  return result;
}

// The indices of `files`, those in a folder of the preferred language first, each part in
// path order.
std::vector<std::size_t> preferred_language_first(const std::vector<CorpusFile>& files, std::string_view language) {
  std::vector<std::size_t> order(files.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_partition(order.begin(), order.end(), [&](std::size_t i) {
    auto context = context_for_path(files[i].relative_path);
    return context && context->default_language == language;
  });
  return order;
}

// Each file from its cached parse or parsed now, on every core, in the slot of its index.
std::vector<FileResult> load_every_file(const std::vector<CorpusFile>& files, records::CacheSession& cache,
                                        const LoadOptions& options, unsigned threads) {
  std::vector<FileResult> results(files.size());
  // Preferred-language files first, so that the other languages' records find their twin
  // already parsed and are thinned at once (translation_twins.hpp).
  const std::vector<std::size_t> order = preferred_language_first(files, options.preferred_language);
  records::PreferredTwins twins(options.preferred_language);
  std::atomic<std::size_t> done{0};
  // The calling thread is the one that reports progress.
  const std::thread::id reporter = std::this_thread::get_id();
  // Runs of files rather than one at a time: a run keeps its folder open (FolderHandle),
  // and the order puts a folder's files side by side.
  constexpr std::size_t files_per_run = 64;
  support::for_each_range({files.size(), files_per_run}, threads,
                          [&](std::size_t, std::size_t first, std::size_t last) {
                            records::FolderHandle folder;
                            for (std::size_t position = first; position < last; ++position) {
                              const std::size_t i = order[position];
                              results[i] = load_file(files[i], options.limits, cache, i, folder);
                              // After load_file: the cache keeps every file's records whole, for loads in other
                              // languages.
                              twins.note_and_thin(results[i].parsed.records);
                              std::size_t finished = ++done;
                              if (options.on_progress && finished % 256 == 0 && std::this_thread::get_id() == reporter)
                                options.on_progress(finished, files.size());
                            }
                          });
  if (options.on_progress) options.on_progress(files.size(), files.size());
  return results;
}

// Each file from its cached parse or parsed now, then the merge; the cache is written
// when anything changed.
void load_each_file(const std::vector<CorpusFile>& files, records::CacheSession& cache, const LoadOptions& options,
                    unsigned threads, Corpus& corpus) {
  cache.prepare_files();
  std::vector<FileResult> results =
      load_every_file(files, cache, options, support::disk_bound_threads_or_default(options.threads));
  // The cache's entries go to disk now, so that what it holds of them can be freed before
  // the merge allocates the merged records.
  cache.files_done(files, corpus.cache);

  std::size_t record_count = 0;
  for (const auto& result : results) record_count += result.parsed.records.size();
  std::vector<Record*> all;  // where each file's records are, for the merge
  all.reserve(record_count);
  for (FileResult& result : results) {
    corpus.files_read += result.read ? 1 : 0;
    for (Record& record : result.parsed.records) all.push_back(&record);
    std::move(result.parsed.diagnostics.begin(), result.parsed.diagnostics.end(),
              std::back_inserter(corpus.diagnostics));
    result.parsed.diagnostics = {};
  }
  records::StatusWordUses status_words;
  corpus.records = records::merge_translations_noting_words(all, options.preferred_language, corpus.diagnostics,
                                                            status_words, threads);
  records::append_status_word_notes(status_words, corpus.diagnostics);
  results = {};
  sort_diagnostics(corpus.diagnostics);
  cache.finish(corpus, options.preferred_language, status_words, corpus.cache);
}

}  // namespace

Corpus load_corpus(const std::filesystem::path& root, const LoadOptions& options) {
  Corpus corpus;
  try {
    // The walk's own diagnostics (links, unreadable folders) are not cached: they are
    // added to the files' after the cache is written, and again after it is read.
    Diagnostics walk_diagnostics;
    // for_each_index starts no more threads than it has items: no need to cap this.
    const unsigned threads = support::threads_or_default(options.threads);
    records::CacheSession cache(root, options);
    std::optional<records::CorpusListing> listing = cache.unchanged_listing(root, threads);
    const bool listed_by_cache = listing.has_value();
    if (!listing) listing = records::list_corpus_files(root, options.follow_symlinks, threads, walk_diagnostics);
    if (listing->files.empty()) cache = {};  // nothing to cache, no folder to create for it
    cache.match(*listing, listed_by_cache);
    const std::vector<CorpusFile>& files = listing->files;

    auto load_changed = [&](std::size_t index, ParseResult& parsed) {
      records::FolderHandle folder;
      FileResult result = load_file(files[index], options.limits, cache, index, folder);
      parsed = std::move(result.parsed);
      return result.read;
    };
    if (cache.serve_merged(files, options.preferred_language, threads, load_changed, corpus)) {
      if (options.on_progress) options.on_progress(files.size(), files.size());
    } else {
      load_each_file(files, cache, options, threads, corpus);
    }
    corpus.cache.walked = !listed_by_cache;
    std::move(walk_diagnostics.begin(), walk_diagnostics.end(), std::back_inserter(corpus.diagnostics));
    // Not cached either: it depends on the folders around the corpus.
    std::error_code error;
    if (corpus.records.empty() && std::filesystem::is_directory(root, error))
      corpus.diagnostics.push_back(records::no_records_found(root, corpus.files_read));
  } catch (const std::exception& e) {
    corpus.diagnostics.push_back(
        file_problem(root.generic_string(), Severity::error, std::string("cannot load the corpus (") + e.what() + ")"));
  }
  sort_diagnostics(corpus.diagnostics);
  return corpus;
}

}  // namespace policygraph
