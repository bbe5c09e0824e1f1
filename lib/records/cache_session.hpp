// SPDX-License-Identifier: MIT
// One load's use of the cache of parsed records: the one interface load_corpus calls.
//
// The session finds the cache (cache_location.hpp) and reads its table (cache_file.hpp)
// before the corpus is walked; it may stand for the walk (unchanged_listing) and serve the
// whole load from the merged corpus the last load kept (serve_merged). Otherwise each file
// asks it for its cached parse, first by the file's status (reuse_unchanged), then by its
// content hash once read (reuse_same_content), and hands it what was parsed anew (store);
// files_done() and finish() then write what changed. The session keeps what it learns of
// each file itself: the loader's per-file results hold records, not cache bookkeeping.
#pragma once

#include <sys/stat.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cache_file.hpp"
#include "cache_location.hpp"
#include "corpus_walker.hpp"
#include "folder_handle.hpp"
#include "policygraph/loader.hpp"
#include "status_words.hpp"

namespace policygraph::records {

class CacheSession {
 public:
  /// No cache: enabled() is false, and every call below does nothing.
  CacheSession() = default;
  /// Finds the cache of `root` (cache_location) and, unless cache_location_problem refuses
  /// it, reads its table.
  CacheSession(const std::filesystem::path& root, const LoadOptions& options);

  bool enabled() const { return enabled_; }

  /// The listing the cache holds, when it stands for a walk of `root`: the walk that wrote
  /// the cache vouched for it, and every folder it listed still has the times it had then,
  /// old enough to trust. One stat per folder; the files' paths are made on `threads` threads.
  std::optional<CorpusListing> unchanged_listing(const std::filesystem::path& root, unsigned threads) const;
  /// Matches the cache's entries to the listing's files, both in path order:
  /// O(files + entries). `listed_by_cache`: the listing is unchanged_listing()'s, which is
  /// the cache's entries in their order, so the match is one to one and compares no path.
  /// Call once, before anything below.
  void match(const CorpusListing& listing, bool listed_by_cache);

  /// Loads files[index] (through reuse_unchanged, reuse_same_content and store) into
  /// `parsed`; false when it could not be read.
  using FileLoader = std::function<bool(std::size_t index, ParseResult& parsed)>;

  /// The whole load from the cache's merged corpus, when it serves this one: every file has
  /// an entry and every entry a file, the merged corpus is for `language` and every chunk of
  /// it decodes, and each file's size and times are the cached ones, or a few files' are not
  /// (at most 1% of them, or 16). Those few are loaded with `load_changed`, and the merged
  /// corpus is patched: only the records of the kinds and ids they held or hold are merged
  /// again, from the files that hold them (merged_patch.hpp), and the cache is written. Fills
  /// `corpus` (records, diagnostics, files read, report) and returns true; false leaves it
  /// as it was. A stat per file and the chunks decoded on `threads` threads.
  bool serve_merged(const std::vector<CorpusFile>& files, std::string_view language, unsigned threads,
                    const FileLoader& load_changed, Corpus& corpus);

  /// Reads the old cache's entries for the calls below; call once, when serve_merged did
  /// not serve the load. A cache whose entries cannot be read is dropped with a note.
  void prepare_files();

  // Each file, from any thread (one thread per index at a time). Call in this order, each
  // only when the one before gave nothing.

  /// The cached parse of `files[index]` when its size and times vouch for it: no read. The
  /// file is looked up from `folder` (one per thread).
  std::optional<ParseResult> reuse_unchanged(std::size_t index, const CorpusFile& file, FolderHandle& folder);
  /// The cached parse when the file's `text`, just read (`info` its status when opened),
  /// hashes as cached.
  std::optional<ParseResult> reuse_same_content(std::size_t index, std::string_view text, const struct stat& info);
  /// What was parsed of a file of `text_size` bytes, for the new cache.
  void store(std::size_t index, std::string_view relative_path, std::size_t text_size, const ParseResult& parsed);
  /// The file could not be loaded after all (out of memory, say): nothing of it is cached.
  void forget(std::size_t index);

  /// Every file is done: counts into `report`, and decides whether anything is written.
  /// Frees what the session read of the old cache's blobs.
  void files_done(const std::vector<CorpusFile>& files, CacheReport& report);
  /// After the merge: writes the merged corpus, the uses of status words outside the
  /// vocabulary the merge found (status_words.hpp) and the table, and the cache is whole.
  void finish(const Corpus& corpus, std::string_view language, std::span<const StatusWordUse> status_words,
              CacheReport& report);

  /// What the session learnt of one file during the load.
  struct FileOutcome {
    enum class Source : unsigned char { none, as_cached, verified, parsed };
    Source source = Source::none;  ///< as_cached: reused by its stamp; verified: by its hash
    bool cacheable = false;        ///< read whole (or reused): worth an entry
    bool damaged = false;          ///< the cached parse did not decode
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::int64_t ctime_ns = 0;
    std::uint64_t content_hash = 0;
    CacheSpan blob;    ///< where the entry's blob is: in the cache read, or written now
    std::string keys;  ///< CachedFile::keys of what was parsed now
    bool reused() const { return source == Source::as_cached || source == Source::verified; }
  };

 private:
  const CachedFile* cached(std::size_t index) const { return enabled_ ? matches_[index] : nullptr; }
  // The place in the cache's entries of the one matched to files[index].
  std::size_t index_in_cache(std::size_t index) const {
    return static_cast<std::size_t>(matches_[index] - loaded_->files().data());
  }
  bool covers_every_file() const;
  bool changed_files(const std::vector<CorpusFile>& files, unsigned threads, std::size_t most,
                     std::vector<std::size_t>& changed) const;
  /// The records and diagnostics of the merged corpus into `corpus`, on `threads` threads;
  /// false when a chunk cannot be read or decoded (damaged) or memory runs out.
  bool decode_merged(const CachedMerge& merge, unsigned threads, Corpus& corpus) const;
  bool patch(const std::vector<CorpusFile>& files, const std::vector<std::size_t>& changed, std::string_view language,
             const FileLoader& load_changed, Corpus& corpus, StatusWordUses& status_words);
  std::optional<CachedMerge> merged(std::string_view language) const;
  std::optional<ParseResult> reuse(std::size_t index, FileOutcome::Source source);
  void refresh_listing();
  bool append_leaves_too_much_dead_space() const;
  std::filesystem::path graph_file() const;
  void fail_to_write(const std::string& problem, CacheReport& report);

  bool enabled_ = false;
  CacheLocation location_;
  std::optional<LoadedCache> loaded_;
  std::vector<const CachedFile*> matches_;
  std::size_t matched_ = 0;
  std::vector<FileOutcome> outcomes_;  // per file of the listing
  std::vector<CacheEntry> entries_;    // of the table to write, in path order
  std::vector<FolderStamp> folders_;   // of the listing, written with the new cache
  bool listed_by_cache_ = false;
  bool merge_current_ = false;  // the cache's merged corpus was sound and for this language
  std::int64_t load_started_ns_ = 0;
  std::int64_t trusted_before_ns_ = 0;
  CacheKey key_;
  std::string note_;
  std::unique_ptr<CacheWriter> writer_;
  std::string write_problem_;  // why no writer could be opened
};

}  // namespace policygraph::records
