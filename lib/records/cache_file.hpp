// SPDX-License-Identifier: MIT
// The file of the cache of parsed records: per file, the encoded ParseResult of
// parse_records (record_codec.hpp) with the file's size, times and content hash, then the
// merged corpus of the last load. cache_file.cpp describes the layout and why a damaged
// cache can never be trusted. What a load does with it is cache_session.hpp's.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "corpus_walker.hpp"
#include "policygraph/loader.hpp"
#include "support/temporary_files.hpp"
#include "support/unique_fd.hpp"

namespace policygraph::records {

/// What the cache says about one file, as read back from the cache. The views point into
/// the buffer of the LoadedCache they came from.
struct CachedFile {
  std::string_view path;  ///< relative to the corpus root, as CorpusFile::relative_path
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;        ///< modification time, nanoseconds since the epoch
  std::int64_t ctime_ns = 0;        ///< status change time, nanoseconds since the epoch
  std::uint64_t content_hash = 0;   ///< xxhash64 of the file's bytes
  std::string_view blob;            ///< the encoded ParseResult
  std::uint64_t blob_checksum = 0;  ///< xxhash64 of `blob`
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
/// blob or chunk is checked, by the codec, when it is used.
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

}  // namespace policygraph::records
