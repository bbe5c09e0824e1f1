// SPDX-License-Identifier: MIT
// The cache of parsed records: per file, the ParseResult of parse_records with the file's
// size, modification time and content hash, in one binary file. parse_cache.cpp describes
// the format and why a damaged cache can never be trusted.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus_walker.hpp"
#include "policygraph/loader.hpp"

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
  std::string build_identity;   ///< size and time of the binary holding the parser
  Limits limits;
};

/// The key of this build of the library with these limits.
CacheKey current_cache_key(const Limits& limits);

/// A cache file read into memory. Its table is checked (checksum, bounds, order); the
/// blobs are checked one by one, by decode_parse_result, when they are used.
class LoadedCache {
 public:
  /// The entries, sorted by path in byte order, paths unique.
  const std::vector<CachedFile>& files() const { return files_; }
  /// The time (ns since the epoch) the load that wrote this cache began: a file modified
  /// less than racy_window_ns before it may have changed again within the same clock tick,
  /// so its size and time alone do not vouch for it.
  std::int64_t load_started_ns() const { return load_started_ns_; }

 private:
  friend std::optional<LoadedCache> read_cache(const std::filesystem::path&, const CacheKey&, std::string&);
  std::unique_ptr<char[]> buffer_;
  std::vector<CachedFile> files_;
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

/// Writes the cache atomically: into a temporary file beside `file`, then renamed over it,
/// so readers see the old cache or the new one, never half of one. Entries in path order.
/// False with `problem` set when it cannot.
bool write_cache(const std::filesystem::path& file, const CacheKey& key, std::int64_t load_started_ns,
                 const std::vector<CacheEntry>& entries, std::string& problem);

/// The blob of one file's ParseResult. `path` is the file's relative path: the record
/// and diagnostic file names equal to it (all of them, in practice) are not repeated.
std::string encode_parse_result(const ParseResult& result, std::string_view path);

/// The ParseResult of a cached file, or nullopt when its checksum does not match or it
/// does not decode exactly (every length and count checked against what is left).
std::optional<ParseResult> decode_parse_result(const CachedFile& file);

/// Where the cache of a corpus lives.
struct CacheLocation {
  std::filesystem::path folder;
  std::filesystem::path file;
};

/// The places to try, best first: `folder` when given (the file named after the corpus
/// path, so that one folder can serve several corpora); else `<root>/.policygraph-cache`
/// when the corpus folder is writable, then
/// `${XDG_CACHE_HOME:-$HOME/.cache}/policygraph/<hash of the root's path>`. A folder
/// without any write bit counts as read-only even for root: a read-only checkout is kept
/// clean. `canonical_root` is the corpus folder's absolute, canonical path.
std::vector<CacheLocation> cache_locations(const std::filesystem::path& canonical_root,
                                           const std::optional<std::filesystem::path>& folder);

/// One load's use of the cache: found and read before the files are parsed, written after.
class CacheSession {
 public:
  /// No cache: enabled() is false.
  CacheSession() = default;
  /// Finds the cache of `root` (LoadOptions::cache_folder, else cache_locations), reads it
  /// and matches its entries to `files`, both in path order: O(files + entries).
  CacheSession(const std::filesystem::path& root, const LoadOptions& options, const std::vector<CorpusFile>& files);

  bool enabled() const { return enabled_; }
  /// The cache's entry for `files[index]`, or nullptr.
  const CachedFile* cached(std::size_t index) const { return enabled_ ? matches_[index] : nullptr; }
  /// A file modified at or after this time (ns since the epoch) is read and hashed even
  /// when its size and times are the cached ones.
  std::int64_t trusted_before_ns() const { return trusted_before_ns_; }

  /// Writes `entries` (path order) as the new cache, unless `unchanged` (every file reused
  /// as cached, none added) and the cache read holds exactly those files. `damaged`: the
  /// entries that did not decode. Fills `report`.
  void finish(const std::vector<CacheEntry>& entries, bool unchanged, std::size_t damaged, CacheReport& report);

 private:
  bool enabled_ = false;
  std::vector<CacheLocation> locations_;
  std::optional<LoadedCache> loaded_;
  std::size_t read_from_ = 0;  // the location the cache was read from, or tried first
  std::vector<const CachedFile*> matches_;
  std::size_t matched_ = 0;
  std::int64_t load_started_ns_ = 0;
  std::int64_t trusted_before_ns_ = 0;
  CacheKey key_;
  std::string note_;
};

}  // namespace policygraph::records
