// SPDX-License-Identifier: MIT
// The cache of parsed records: per file, the ParseResult of parse_records with the file's
// size, modification time and content hash, in one binary file. parse_cache.cpp describes
// the format and why a damaged cache can never be trusted.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cache_location.hpp"
#include "corpus_walker.hpp"
#include "policygraph/loader.hpp"
#include "support/temporary_files.hpp"
#include "support/unique_fd.hpp"

namespace policygraph::records {

/// XXH64 (Yann Collet's xxHash, 64-bit variant, as its specification defines it) of
/// `bytes`: about 10 GB/s, so hashing a file costs far less than reading it. Used for the
/// content of record files and for the checksums of the cache.
std::uint64_t hash64(std::string_view bytes, std::uint64_t seed = 0);

/// What the cache says about one file, as read back from the cache. The views point into
/// the buffer of the LoadedCache they came from.
struct CachedFile {
  std::string_view path;  ///< relative to the corpus root, as CorpusFile::relative_path
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;        ///< modification time, nanoseconds since the epoch
  std::int64_t ctime_ns = 0;        ///< status change time, nanoseconds since the epoch
  std::uint64_t content_hash = 0;   ///< hash64 of the file's bytes
  std::string_view blob;            ///< the encoded ParseResult
  std::uint64_t blob_checksum = 0;  ///< hash64 of `blob`
};

/// Everything a cache must have been written with to be used: any difference, a rebuild.
struct CacheKey {
  std::uint32_t format_version = 0;
  std::string library_version;  ///< POLICYGRAPH_VERSION
  std::string build_identity;   ///< build_id(): the build's content, not its binary's times
  Limits limits;
};

/// The key of this build of the library with these limits.
CacheKey current_cache_key(const Limits& limits);

/// The merged corpus a load ended with, stored after the files' entries: a load that finds
/// every file as cached decodes it, in parallel, instead of each file's records and the
/// translations merge. Its chunks are CachedFiles with an empty path.
struct CachedMerge {
  /// Where one chunk is in the cache file; read and decoded by LoadedCache::decode_chunk.
  struct Chunk {
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
    std::uint64_t checksum = 0;
  };
  std::string language;  ///< the preferred language the records were merged for
  std::size_t files_read = 0;
  std::vector<Chunk> chunks;  ///< records in order, then one chunk of the diagnostics
};

/// A cache file, opened. Its table is read and checked (checksum, bounds, order) at once;
/// the files' blobs and the merged corpus are read only when a load needs them, and each
/// blob or chunk is checked, by decode_parse_result, when it is used.
class LoadedCache {
 public:
  /// The entries, sorted by path in byte order, paths unique. Their blobs are empty views
  /// until load_blobs().
  const std::vector<CachedFile>& files() const { return files_; }
  /// The folders the walk that wrote it listed, with their times then; empty when that walk
  /// could not vouch for its listing by them (see CorpusListing::folders).
  const std::vector<FolderStamp>& folders() const { return folders_; }
  /// The time (ns since the epoch) the load that wrote this cache began: a file modified
  /// less than racy_window_ns before it may have changed again within the same clock tick,
  /// so its size and time alone do not vouch for it.
  std::int64_t load_started_ns() const { return load_started_ns_; }
  /// Reads every file's blob. False when they cannot be read whole.
  bool load_blobs();
  /// Frees what load_blobs read; the blobs are empty views again.
  void release_blobs();
  /// Whether a merged corpus follows the entries.
  bool has_merge() const { return merge_bytes_ > 0; }
  /// Reads the merged corpus's table, or nullopt (with `problem`) when it is damaged.
  std::optional<CachedMerge> load_merge(std::string& problem) const;
  /// Reads one chunk of it and decodes it, or nullopt when it cannot be read or does not
  /// decode. Chunks are read one by one, so that a warm load never holds all their bytes
  /// beside the records decoded from them. Safe to call from several threads.
  std::optional<ParseResult> decode_chunk(const CachedMerge::Chunk& chunk) const;
  /// Where the files' blobs begin and end in the cache file; the merged corpus follows.
  std::uint64_t blobs_begin() const { return blobs_begin_; }
  std::uint64_t blobs_end() const { return blobs_begin_ + blob_bytes_; }

 private:
  friend std::optional<LoadedCache> read_cache(const std::filesystem::path&, const CacheKey&, std::string&);
  bool read_region(std::uint64_t offset, std::uint64_t length, std::unique_ptr<char[]>& into) const;

  support::UniqueFd fd_;
  std::unique_ptr<char[]> table_;
  std::unique_ptr<char[]> blobs_;
  std::vector<CachedFile> files_;
  std::vector<FolderStamp> folders_;
  std::vector<std::uint64_t> blob_offsets_;  // into the blob region, per entry
  std::uint64_t blobs_begin_ = 0;
  std::uint64_t blob_bytes_ = 0;
  std::uint64_t merge_bytes_ = 0;  // the merged corpus's section, header included
  std::int64_t load_started_ns_ = 0;
};

/// How long before a load a file's modification counts as too recent to trust by its
/// time alone: covers coarse clocks and file systems with 2-second times.
inline constexpr std::int64_t racy_window_ns = 2'000'000'000;

/// Reads the cache file. Nullopt when it cannot be used, with `problem` saying why (empty
/// when the file does not exist: a first run is no problem).
std::optional<LoadedCache> read_cache(const std::filesystem::path& file, const CacheKey& key, std::string& problem);

/// One entry to write: views into an old cache's buffer or into freshly encoded blobs.
struct CacheEntry {
  std::string_view path;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  std::uint64_t content_hash = 0;
  std::string_view blob;
  std::uint64_t blob_checksum = 0;
};

/// Writes a cache atomically: into a temporary file beside the cache, renamed over it by
/// commit(), so readers see the old cache or the new one, never half of one. The temporary
/// is registered for removal on a signal, and those of writers killed outright are removed
/// by the next writer (support/temporary_files.hpp). In two steps,
/// so that the files' blobs can be written and freed before the merge that the merged
/// corpus comes from.
class CacheWriter {
 public:
  CacheWriter() = default;
  CacheWriter(const CacheWriter&) = delete;
  CacheWriter& operator=(const CacheWriter&) = delete;
  /// Removes a temporary file that was not committed.
  ~CacheWriter();

  /// Writes the header, the table and the blobs of `entries` (path order), with the
  /// `folders` of the walk. False with `problem` set when it cannot.
  bool begin(const std::filesystem::path& file, const CacheKey& key, std::int64_t load_started_ns,
             const std::vector<CacheEntry>& entries, std::span<const FolderStamp> folders, std::string& problem);
  /// Appends the merged corpus (unless null), then renames the file over the cache.
  bool commit(const Corpus* merged, std::string_view language, std::string& problem);
  bool begun() const { return fd_ >= 0; }

 private:
  void abandon();
  std::filesystem::path file_;
  std::string temporary_;
  support::TemporaryRegistration registration_;  // removed on SIGINT or SIGTERM
  int fd_ = -1;
  std::uint64_t written_ = 0;
};

/// write_cache in one step, without a merged corpus or folders.
bool write_cache(const std::filesystem::path& file, const CacheKey& key, std::int64_t load_started_ns,
                 const std::vector<CacheEntry>& entries, std::string& problem);

/// The blob of one file's ParseResult. `path` is the file's relative path: the record
/// and diagnostic file names equal to it (all of them, in practice) are not repeated.
std::string encode_parse_result(const ParseResult& result, std::string_view path);

/// The ParseResult of a cached file, or nullopt when its checksum does not match or it
/// does not decode exactly (every length and count checked against what is left).
std::optional<ParseResult> decode_parse_result(const CachedFile& file);

/// encode_parse_result of records and diagnostics that sit elsewhere.
std::string encode_records(std::span<const Record> records, std::span<const Diagnostic> diagnostics,
                           std::string_view path);

/// One load's use of the cache: found and read before the files are parsed, written after.
class CacheSession {
 public:
  /// No cache: enabled() is false.
  CacheSession() = default;
  /// Finds the cache of `root` (cache_location) and, unless cache_location_problem refuses
  /// it, reads its table.
  CacheSession(const std::filesystem::path& root, const LoadOptions& options);

  /// The listing the cache holds, when it stands for a walk of `root`: the walk that wrote
  /// the cache vouched for it, and every folder it listed still has the times it had then,
  /// old enough to trust. One stat per folder.
  std::optional<CorpusListing> unchanged_listing(const std::filesystem::path& root) const;
  /// Matches the cache's entries to the listing's files, both in path order:
  /// O(files + entries). `listed_by_cache`: the listing is unchanged_listing()'s. Call once,
  /// before anything below.
  void match(const CorpusListing& listing, bool listed_by_cache);

  bool enabled() const { return enabled_; }
  /// The cache's entry for `files[index]`, or nullptr.
  const CachedFile* cached(std::size_t index) const { return enabled_ ? matches_[index] : nullptr; }
  /// A file modified at or after this time (ns since the epoch) is read and hashed even
  /// when its size and times are the cached ones.
  std::int64_t trusted_before_ns() const { return trusted_before_ns_; }

  /// True when every file has an entry and every entry a file, so that the merged corpus
  /// may serve the load if each file's stamp is the cached one.
  bool covers_every_file() const;
  /// The merged corpus for `language`, when the cache has a sound one. A damaged one is
  /// noted, and rewritten by this load.
  std::optional<CachedMerge> merged(std::string_view language);
  /// LoadedCache::decode_chunk of the cache read.
  std::optional<ParseResult> decode_chunk(const CachedMerge::Chunk& chunk) const;
  /// Prepares the entries for per-file reuse (reads their blobs). Call before cached()
  /// entries are decoded; a cache whose blobs cannot be read is dropped with a note.
  void use_entries();
  /// Frees the entries' blobs once the new cache holds what it needs of them.
  void release_entries();
  /// A merged corpus whose chunk did not decode: noted; the load rewrites it.
  void note_damaged_merge();

  /// Starts writing `entries` (path order) as the new cache, unless `unchanged` (every
  /// file reused as cached, none added), the cache read holds exactly those files and the
  /// same folders, and `merge_current` (its merged corpus serves this language). `damaged`: the entries
  /// that did not decode. Fills `report`.
  void write_entries(const std::vector<CacheEntry>& entries, bool unchanged, bool merge_current, std::size_t damaged,
                     CacheReport& report);
  /// Ends what write_entries began: appends the merged corpus and renames the file.
  void write_merged(const Corpus& corpus, std::string_view language, CacheReport& report);
  /// A load served by the merged corpus: fills `report`.
  void served_by_merge(CacheReport& report) const;
  /// After a load the merged corpus served though the corpus was walked (a folder's times
  /// changed, or were too recent to trust): writes the cache again, the same but for the
  /// walk's folders, so that the next load need not walk.
  void refresh_listing(const Corpus& corpus, std::string_view language, CacheReport& report);

 private:
  void fail_to_write(const std::string& problem, CacheReport& report);

  bool enabled_ = false;
  CacheLocation location_;
  std::optional<LoadedCache> loaded_;
  std::vector<const CachedFile*> matches_;
  std::size_t matched_ = 0;
  std::vector<FolderStamp> folders_;  // of the listing, written with the new cache
  bool listed_by_cache_ = false;
  std::int64_t load_started_ns_ = 0;
  std::int64_t trusted_before_ns_ = 0;
  CacheKey key_;
  std::string note_;
  std::unique_ptr<CacheWriter> writer_;
};

}  // namespace policygraph::records
