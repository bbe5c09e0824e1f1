// SPDX-License-Identifier: MIT
// load_corpus: walk, read and parse on every core, merge.
//
// The file list is sorted before any thread starts; threads take the next file index from
// an atomic counter and write the result into that file's own slot, so no lock is needed
// and the merge (slot by slot, in file order) does not depend on which thread was faster.
//
// With the cache (parse_cache.hpp), each thread first asks whether its file's cached
// parse still holds: same size and times, it is decoded without reading the file; else
// the file is read and hashed, and an unchanged hash reuses the cached parse too. Only
// what is left is parsed, and encoded on the same thread for the new cache.
//
// When every file is as cached, the cache's merged corpus serves the load instead: one stat
// per file, then the merged records decoded chunk by chunk on every core; the files' blobs
// and the translations merge are skipped. When every folder is as cached too, the cache's
// listing stands for the walk (parse_cache.cpp says why that is safe).
//
// While files are parsed, a record in another language than the preferred one is thinned
// to what the merge takes from it as soon as its preferred-language twin is known
// (translation_twins.hpp): a load holds one language's records whole, not every language's.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <numeric>
#include <system_error>
#include <thread>

#include "corpus_walker.hpp"
#include "no_records.hpp"
#include "parse_cache.hpp"
#include "policygraph/loader.hpp"
#include "record_file.hpp"
#include "support/file_times.hpp"
#include "support/for_each_index.hpp"
#include "translation_twins.hpp"

namespace policygraph {
namespace {

using records::CachedFile;
using records::CorpusFile;

Diagnostic file_problem(const std::string& file, Severity severity, std::string message) {
  return Diagnostic{file, 0, 0, severity, std::move(message)};
}

using support::for_each_index;
using support::nanoseconds;

struct FileResult {
  ParseResult parsed;
  bool read = false;
  // For the cache:
  bool cacheable = false;              // read whole (or reused): worth an entry
  const CachedFile* reused = nullptr;  // the parse came from this entry
  bool as_cached = false;              // reused with the very stamp cached: the entry is unchanged
  bool verified = false;               // reused after reading and hashing the file
  bool damaged = false;                // the cached parse did not decode
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  std::uint64_t content_hash = 0;
  std::string blob;  // the encoded parse, when parsed now
  std::uint64_t blob_checksum = 0;
};

void stamp(FileResult& result, const struct stat& info) {
  result.size = static_cast<std::uint64_t>(info.st_size);
  result.mtime_ns = nanoseconds(info.st_mtim);
  result.ctime_ns = nanoseconds(info.st_ctim);
}

// Whether a file's status vouches for its cached parse: the same size and times, and
// modified well before the load that cached it (see parse_cache.cpp on racy files).
bool stamp_matches(const struct stat& info, const CachedFile& cached, std::int64_t trusted_before_ns) {
  return static_cast<std::uint64_t>(info.st_size) == cached.size &&
         support::times_vouch(info, cached.mtime_ns, cached.ctime_ns, trusted_before_ns);
}

// The cached parse of `cached`, when its blob decodes (a damaged one does not: the file is
// parsed then).
bool reuse(FileResult& result, const CachedFile& cached) {
  std::optional<ParseResult> parsed = records::decode_parse_result(cached);
  if (!parsed) return false;
  result.parsed = std::move(*parsed);
  result.read = true;
  result.cacheable = true;
  result.reused = &cached;
  result.content_hash = cached.content_hash;
  result.blob_checksum = cached.blob_checksum;
  return true;
}

FileResult load_file(const CorpusFile& file, const Limits& limits, const records::CacheSession& cache,
                     std::size_t index) {
  FileResult result;
  try {
    auto context = context_for_path(file.relative_path);
    if (!context) return result;
    const CachedFile* cached = cache.cached(index);
    struct stat info {};
    // lstat unless the walk followed a link here: a file swapped for a link is not what was cached.
    if (cached != nullptr &&
        (file.through_link ? ::stat(file.path.c_str(), &info) : ::lstat(file.path.c_str(), &info)) == 0 &&
        S_ISREG(info.st_mode)) {
      stamp(result, info);
      if (stamp_matches(info, *cached, cache.trusted_before_ns())) {
        if (reuse(result, *cached)) {
          result.as_cached = true;
          return result;
        }
        result.damaged = true;
        cached = nullptr;
      }
    }
    auto text = records::read_record_file(file, limits, result.parsed.diagnostics, info);
    if (!text) return result;
    result.read = true;
    if (cache.enabled()) {
      stamp(result, info);
      result.content_hash = records::hash64(*text);
      if (cached != nullptr && cached->content_hash == result.content_hash && cached->size == text->size()) {
        if (reuse(result, *cached)) {
          result.verified = true;
          return result;
        }
        result.damaged = true;
      }
    }
    ParseResult parsed = parse_records(*text, *context, limits);
    result.parsed.records = std::move(parsed.records);
    result.parsed.diagnostics.insert(result.parsed.diagnostics.end(),
                                     std::make_move_iterator(parsed.diagnostics.begin()),
                                     std::make_move_iterator(parsed.diagnostics.end()));
    // A file that changed size while it was read is not cached: its stamp may not match
    // the text that was parsed.
    if (cache.enabled() && text->size() == result.size) {
      result.blob = records::encode_parse_result(result.parsed, file.relative_path);
      result.blob_checksum = records::hash64(result.blob);
      result.cacheable = true;
    }
  } catch (const std::exception& e) {  // out of memory, say: this file's problem only
    result = {};
    result.parsed.diagnostics.push_back(
        file_problem(file.relative_path, Severity::error, std::string("cannot load the file (") + e.what() + ")"));
  }
  return result;
}

// stat() of files taken in path order: each folder is opened once for its run of files, so
// the kernel looks up one name per file rather than every folder of its path again.
class FolderStat {
 public:
  // `follow`: the walk followed a link to the file; else a link there is not the file.
  bool stat(const std::string& path, bool follow, struct stat& info) {
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos) return (follow ? ::stat(path.c_str(), &info) : ::lstat(path.c_str(), &info)) == 0;
    const std::string_view folder(path.data(), slash);
    if (folder != folder_) {
      folder_.assign(folder);
      folder_fd_.reset(::open(folder_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    }
    if (!folder_fd_.valid()) return (follow ? ::stat(path.c_str(), &info) : ::lstat(path.c_str(), &info)) == 0;
    return ::fstatat(folder_fd_.get(), path.c_str() + slash + 1, &info, follow ? 0 : AT_SYMLINK_NOFOLLOW) == 0;
  }

 private:
  std::string folder_;
  support::UniqueFd folder_fd_;
};

// Every file as cached: the stat of each, on every core, in runs of consecutive files.
bool every_stamp_matches(const std::vector<CorpusFile>& files, const records::CacheSession& cache, unsigned threads) {
  constexpr std::size_t run = 1024;
  std::atomic<bool> mismatch{false};
  for_each_index((files.size() + run - 1) / run, threads, [&](std::size_t block) {
    FolderStat folder;
    for (std::size_t i = block * run; i < std::min(files.size(), (block + 1) * run); ++i) {
      struct stat info {};
      const CachedFile* cached = cache.cached(i);
      const bool same = cached != nullptr && folder.stat(files[i].path, files[i].through_link, info) &&
                        S_ISREG(info.st_mode) && stamp_matches(info, *cached, cache.trusted_before_ns());
      if (!same) {
        mismatch = true;
        return false;
      }
    }
    return true;
  });
  return !mismatch;
}

// The corpus from the cache's merged records, when they serve this load: every file as
// cached, a merged corpus for this language, every chunk sound. False leaves `corpus` as it
// was; `merge_current` says whether the cache's merged corpus was sound and for this language.
bool load_merged(const std::vector<CorpusFile>& files, records::CacheSession& cache, const LoadOptions& options,
                 unsigned threads, Corpus& corpus, bool& merge_current) {
  merge_current = false;
  if (!cache.covers_every_file()) return false;
  std::optional<records::CachedMerge> merge = cache.merged(options.preferred_language);
  if (!merge || merge->chunks.empty()) return false;
  merge_current = true;  // unless a chunk turns out damaged
  if (!every_stamp_matches(files, cache, threads)) return false;
  std::vector<std::optional<ParseResult>> parts(merge->chunks.size());
  for_each_index(parts.size(), threads, [&](std::size_t i) {
    try {
      parts[i] = cache.decode_chunk(merge->chunks[i]);
    } catch (const std::exception&) {  // out of memory, say: the per-file path is tried instead
      parts[i].reset();
    }
    return parts[i].has_value();
  });
  if (!std::all_of(parts.begin(), parts.end(), [](const auto& part) { return part.has_value(); })) {
    cache.note_damaged_merge();
    merge_current = false;
    return false;
  }
  std::size_t record_count = 0;
  for (const auto& part : parts) record_count += part->records.size();
  corpus.records.reserve(record_count);
  for (auto& part : parts) {
    std::move(part->records.begin(), part->records.end(), std::back_inserter(corpus.records));
    std::move(part->diagnostics.begin(), part->diagnostics.end(), std::back_inserter(corpus.diagnostics));
    part.reset();
  }
  corpus.files_read = merge->files_read;
  cache.served_by_merge(corpus.cache);
  cache.refresh_listing(corpus, options.preferred_language, corpus.cache);
  return true;
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
std::vector<FileResult> load_every_file(const std::vector<CorpusFile>& files, const records::CacheSession& cache,
                                        const LoadOptions& options, unsigned threads) {
  std::vector<FileResult> results(files.size());
  // Preferred-language files first, so that the other languages' records find their twin
  // already parsed and are thinned at once (translation_twins.hpp).
  const std::vector<std::size_t> order = preferred_language_first(files, options.preferred_language);
  records::PreferredTwins twins(options.preferred_language);
  std::atomic<std::size_t> done{0};
  // The calling thread is the one that reports progress.
  const std::thread::id reporter = std::this_thread::get_id();
  for_each_index(files.size(), threads, [&](std::size_t position) {
    const std::size_t i = order[position];
    results[i] = load_file(files[i], options.limits, cache, i);
    // After load_file: the cache keeps every file's records whole, for loads in other languages.
    twins.note_and_thin(results[i].parsed.records);
    std::size_t finished = ++done;
    if (options.on_progress && finished % 256 == 0 && std::this_thread::get_id() == reporter)
      options.on_progress(finished, files.size());
    return true;
  });
  if (options.on_progress) options.on_progress(files.size(), files.size());
  return results;
}

// Each file from its cached parse or parsed now, then the merge; writes the cache when
// anything changed.
void load_each_file(const std::vector<CorpusFile>& files, records::CacheSession& cache, const LoadOptions& options,
                    unsigned threads, bool merge_current, Corpus& corpus) {
  cache.use_entries();
  std::vector<FileResult> results = load_every_file(files, cache, options, threads);

  std::size_t record_count = 0;
  std::size_t fresh_count = 0;
  for (const auto& result : results) {
    record_count += result.parsed.records.size();
    fresh_count += result.cacheable && result.reused == nullptr ? 1 : 0;
  }
  std::vector<Record*> all;  // where each file's records are, for the merge
  all.reserve(record_count);
  std::vector<records::CacheEntry> entries;
  if (cache.enabled()) entries.reserve(results.size());
  std::vector<std::string> fresh_blobs;  // reserved: the entries' views into them stay valid
  fresh_blobs.reserve(fresh_count);
  bool unchanged = true;
  std::size_t damaged = 0;
  for (std::size_t i = 0; i < results.size(); ++i) {
    FileResult& result = results[i];
    if (cache.enabled()) {
      corpus.cache.reused += result.reused != nullptr ? 1 : 0;
      corpus.cache.verified += result.verified ? 1 : 0;
      damaged += result.damaged ? 1 : 0;
      corpus.cache.parsed += result.read && result.reused == nullptr ? 1 : 0;
      // A file that cannot be cached (unreadable, too large) and was not before changes nothing.
      unchanged = unchanged && (result.as_cached || (!result.cacheable && cache.cached(i) == nullptr));
      if (result.cacheable) {
        std::string_view blob = result.reused != nullptr
                                    ? result.reused->blob
                                    : std::string_view(fresh_blobs.emplace_back(std::move(result.blob)));
        entries.push_back({files[i].relative_path, result.size, result.mtime_ns, result.ctime_ns, result.content_hash,
                           blob, result.blob_checksum});
      }
    }
    corpus.files_read += result.read ? 1 : 0;
    for (Record& record : result.parsed.records) all.push_back(&record);
    std::move(result.parsed.diagnostics.begin(), result.parsed.diagnostics.end(),
              std::back_inserter(corpus.diagnostics));
    result.parsed.diagnostics = {};
  }
  // The entries go to disk now, so that their blobs, the old cache's buffer and the
  // per-file slots can be freed before the merge allocates the merged records.
  cache.write_entries(entries, unchanged, merge_current, damaged, corpus.cache);
  entries = {};
  fresh_blobs = {};
  cache.release_entries();
  corpus.records = merge_translations(all, options.preferred_language, corpus.diagnostics);
  results = {};
  sort_diagnostics(corpus.diagnostics);
  cache.write_merged(corpus, options.preferred_language, corpus.cache);
}

}  // namespace

Corpus load_corpus(const std::filesystem::path& root, const LoadOptions& options) {
  Corpus corpus;
  try {
    // The walk's own diagnostics (links, unreadable folders) are not cached: they are
    // added to the files' after the cache is written, and again after it is read.
    Diagnostics walk_diagnostics;
    records::CacheSession cache(root, options);
    std::optional<records::CorpusListing> listing = cache.unchanged_listing(root);
    const bool listed_by_cache = listing.has_value();
    if (!listing) listing = records::list_corpus_files(root, options.follow_symlinks, walk_diagnostics);
    if (listing->files.empty()) cache = {};  // nothing to cache, no folder to create for it
    cache.match(*listing, listed_by_cache);
    const std::vector<CorpusFile>& files = listing->files;
    unsigned threads = options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(files.size(), 1)));

    bool merge_current = false;
    if (cache.enabled() && load_merged(files, cache, options, threads, corpus, merge_current)) {
      if (options.on_progress) options.on_progress(files.size(), files.size());
    } else {
      load_each_file(files, cache, options, threads, merge_current, corpus);
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
