// SPDX-License-Identifier: MIT
// The file of the cache of parsed records: per file, the encoded ParseResult of
// parse_records (record_codec.hpp) with the file's size, times and content hash, and the
// merged corpus of the last load. cache_file.cpp describes the layout and why a damaged
// cache can never be trusted. What a load does with it is cache_session.hpp's.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
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

/// Where some bytes are in the cache file, and their xxhash64.
struct CacheSpan {
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
  std::uint64_t checksum = 0;
  std::uint64_t end() const { return offset + length; }
};

/// Where the data (blobs and chunks) of a cache file begins: after its header.
inline constexpr std::uint64_t cache_data_begin = 52;

/// What the cache says about one file.
struct CachedFile {
  std::string_view path;  ///< relative to the corpus root, as CorpusFile::relative_path
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;       ///< modification time, nanoseconds since the epoch
  std::int64_t ctime_ns = 0;       ///< status change time, nanoseconds since the epoch
  std::uint64_t content_hash = 0;  ///< xxhash64 of the file's bytes
  CacheSpan blob;                  ///< the encoded ParseResult
  /// record_key_hash of each record's kind and id, 8 bytes each (little-endian): which
  /// files hold records of a kind and id, without decoding their blobs.
  std::string_view keys;
};

/// A record's kind and id, hashed for CachedFile::keys.
std::uint64_t record_key_hash(RecordKind kind, std::string_view id);

/// Everything a cache must have been written with to be used: any difference, a rebuild.
struct CacheKey {
  std::uint32_t format_version = 0;
  std::string library_version;  ///< POLICYGRAPH_VERSION
  std::string build_identity;   ///< build_id(): the build's content, not its binary's times
  Limits limits;
};

/// The key of this build of the library with these limits.
CacheKey current_cache_key(const Limits& limits);

/// The merged corpus a load ended with: a load that finds every file as cached decodes it,
/// in parallel, instead of each file's records and the translations merge.
struct CachedMerge {
  std::string language;  ///< the preferred language the records were merged for
  std::size_t files_read = 0;
  std::vector<CacheSpan> chunks;  ///< records in order, then one chunk of the diagnostics
  /// The uses of status words outside the vocabulary (status_words.hpp), which a patch of
  /// the merged corpus reads to count them again.
  CacheSpan status_words;
};

/// How long before a load a file's modification counts as too recent to trust by its
/// time alone: covers coarse clocks and file systems with 2-second times.
inline constexpr std::int64_t racy_window_ns = 2'000'000'000;

/// Memory that reads of spans take one after another: kept and grown only for a longer span,
/// never cleared (a read writes every byte it hands out). Fresh memory costs a page fault
/// per 4 KiB; the chunks of a merged corpus are megabytes each.
struct ReadBuffer {
  std::unique_ptr<char[]> bytes;
  std::size_t capacity = 0;
};

/// A cache file, opened. Its header and table are read and checked (checksums, bounds,
/// order) at once; the blobs and chunks are read only when a load needs them, and each is
/// checked against its checksum when it is used.
class LoadedCache {
 public:
  /// The entries, sorted by path in byte order, paths unique.
  const std::vector<CachedFile>& files() const { return files_; }
  /// The folders the walk that wrote it listed, with their times then; empty when that walk
  /// could not vouch for its listing by them (see CorpusListing::folders).
  const std::vector<FolderStamp>& folders() const { return folders_; }
  /// The time (ns since the epoch) the load that wrote this cache began: a file modified
  /// less than racy_window_ns before it may have changed again within the same clock tick,
  /// so its size and time alone do not vouch for it.
  std::int64_t load_started_ns() const { return load_started_ns_; }
  /// The merged corpus, when the cache has one.
  const std::optional<CachedMerge>& merge() const { return merge_; }

  /// Reads every file's blob, in as few reads as their places allow. False when they
  /// cannot be read whole.
  bool load_blobs();
  /// Entry `index`'s blob, once load_blobs() read it; empty before.
  std::string_view blob(std::size_t index) const { return index < blobs_.size() ? blobs_[index] : std::string_view(); }
  /// Frees what load_blobs read.
  void release_blobs();
  /// Reads and decodes the bytes of `span` (a chunk of the merged corpus, or a blob of
  /// `path`), or nullopt when they cannot be read or do not decode. Safe to call from
  /// several threads.
  std::optional<ParseResult> decode_span(const CacheSpan& span, std::string_view path = {}) const;
  /// Reads the bytes of `span`, unchecked; false when they cannot be read.
  bool read_span(const CacheSpan& span, std::string& into) const;
  /// Reads the bytes of `span`, unchecked, into `buffer`: a view of them in it, or nullopt
  /// when they cannot be read.
  std::optional<std::string_view> read_span(const CacheSpan& span, ReadBuffer& buffer) const;
  /// How many records the blob or chunk at `span` holds, from its first bytes
  /// (record_count_of); nullopt when they cannot be read or do not say.
  std::optional<std::size_t> record_count(const CacheSpan& span) const;

  /// Where the table begins: blobs and chunks lie before it, from the end of the header.
  std::uint64_t table_offset() const { return table_offset_; }
  /// The length of the file the header describes (the table's end).
  std::uint64_t length() const { return length_; }
  /// The header's bytes, as read: a writer that appends checks that they are still there.
  const std::string& header() const { return header_; }
  /// The identity of the file read (device and inode).
  dev_t device() const { return device_; }
  ino_t inode() const { return inode_; }

 private:
  friend std::optional<LoadedCache> read_cache(const std::filesystem::path&, const CacheKey&, std::string&, unsigned);
  bool read_region(std::uint64_t offset, std::uint64_t length, char* into) const;

  support::UniqueFd fd_;
  std::string header_;
  std::unique_ptr<char[]> table_;
  std::vector<CachedFile> files_;
  std::vector<FolderStamp> folders_;
  std::optional<CachedMerge> merge_;
  std::vector<std::unique_ptr<char[]>> blob_buffers_;
  std::vector<std::string_view> blobs_;
  std::uint64_t table_offset_ = 0;
  std::uint64_t length_ = 0;
  std::int64_t load_started_ns_ = 0;
  dev_t device_ = 0;
  ino_t inode_ = 0;
};

/// Reads the cache file, its table on `threads` threads. Nullopt when it cannot be used, with
/// `problem` saying why (empty when the file does not exist: a first run is no problem).
std::optional<LoadedCache> read_cache(const std::filesystem::path& file, const CacheKey& key, std::string& problem,
                                      unsigned threads = 1);

/// One entry of the table to write.
struct CacheEntry {
  std::string_view path;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  std::uint64_t content_hash = 0;
  CacheSpan blob;
  std::string_view keys;  ///< as CachedFile::keys
};

/// What commit() writes after the blobs and chunks.
struct CacheTable {
  std::int64_t load_started_ns = 0;
  std::span<const CacheEntry> entries;  ///< in path order
  std::span<const FolderStamp> folders;
  const CachedMerge* merge = nullptr;
};

/// Writes a cache: blobs and chunks as they come (add), then the table and the header
/// (commit). Two ways, both all-or-nothing for a reader:
///   create(): a temporary file beside the cache, renamed over it by commit(). The
///     temporary is registered for removal on a signal, and those of writers killed outright
///     are removed by the next writer (support/temporary_files.hpp).
///   append_to(): the cache file read, in place, under an exclusive lock: the new bytes go
///     after the end its header gives, and the header is rewritten last, in one write, to
///     point at the new table. A writer killed before that leaves the old header, whose
///     table and everything it points at are untouched.
class CacheWriter {
 public:
  CacheWriter() = default;
  CacheWriter(const CacheWriter&) = delete;
  CacheWriter& operator=(const CacheWriter&) = delete;
  /// Removes a temporary file that was not committed; leaves an appended-to cache as it was.
  ~CacheWriter();

  bool create(const std::filesystem::path& file, std::string& problem);
  /// False (and nothing done) when the file cannot be opened for writing, another writer
  /// holds it, or it is no longer the file `loaded` was read from, as it was.
  bool append_to(const std::filesystem::path& file, const LoadedCache& loaded);
  bool appending() const { return appending_; }
  bool open() const { return fd_.valid(); }

  /// Writes `bytes` after what was written so far (through a buffer of about a megabyte,
  /// so that a blob costs no system call of its own); where they are. Safe from several
  /// threads. After a failed write, does nothing more; commit() then fails.
  CacheSpan add(std::string_view bytes);
  /// Where the data added so far ends: dead space is what no table entry names before it.
  std::uint64_t data_end();

  /// Writes `table` and the header with `key`, then renames the temporary over the cache
  /// (create) or leaves the file in place (append_to). False with `problem` set when it
  /// cannot; the cache read stays as it was.
  bool commit(const CacheKey& key, const CacheTable& table, std::string& problem);
  /// Gives up: removes a temporary, leaves an appended-to cache as its header says.
  void abandon();

 private:
  bool flush_locked();

  std::filesystem::path file_;
  std::string temporary_;
  support::TemporaryRegistration registration_;  // removed on SIGINT or SIGTERM
  support::UniqueFd fd_;
  bool appending_ = false;
  std::mutex mutex_;
  std::string buffer_;
  std::uint64_t buffer_offset_ = 0;  // where buffer_ goes in the file
  int error_ = 0;                    // errno of the first failed write
};

/// A cache with `key` and no entries, written whole (tests: a cache of another key).
bool write_empty_cache(const std::filesystem::path& file, const CacheKey& key, std::string& problem);

}  // namespace policygraph::records
