// SPDX-License-Identifier: MIT
// The cache of parsed records, one binary file per corpus: its layout, reading and writing.
//
// Layout, every integer little-endian or an unsigned LEB128 varint (signed ones zigzagged):
//
//   "PGRCACHE"                 8 bytes of magic
//   format version             u32; anything after it may change with it
//   table length, checksum     u64, u64 (the checksum is XXH64 of the table's bytes)
//   file length                u64: the whole file's, written last
//   table                      library version, build identity, the four Limits, the
//                              time the writing load began, the entry count, the blob
//                              bytes, then per file in byte order of its path: path,
//                              size, mtime ns, ctime ns, content hash (u64), blob length,
//                              blob checksum (u64); then the folder count and per
//                              folder the walk listed: path, mtime ns, ctime ns (none
//                              when the walk cannot vouch for its listing by them)
//   blobs                      each file's encoded ParseResult, one after the other
//   merged corpus (optional)   "PGMERGED", its table's length and checksum (u64, u64),
//                              its table (preferred language, files read, chunk count,
//                              per chunk its length and checksum (u64)), then the chunks:
//                              encoded ParseResults of the merged records, a few thousand
//                              each so that threads can decode them side by side, and
//                              last one of the corpus's diagnostics
//
// The merged corpus makes the common case fast: nothing changed, and the load is a stat of
// every folder and file, then the merged records decoded, without the corpus being walked
// or the files' blobs ever being read. The folders' times stand for the walk: a folder's
// mtime and ctime change whenever an entry is added, removed or renamed in it (git's
// untracked cache relies on the same), so while every folder listed has the times cached,
// and was modified well before the load that cached it, the files are the cached ones. A
// walk that met a symbolic link, or reported anything, stores no folders.
//
// Why it can be trusted: nothing in it is believed before it is checked. The magic and
// the format version come first, the table's checksum is checked before its first byte is
// decoded, the file's length must be exactly header + table + blobs, and every blob's own
// checksum is checked (on the thread that decodes it) before it is decoded (record_codec.cpp
// checks the rest); a failure is "damaged", never a crash, and that file is parsed from disk
// instead. The key (format, library version, build id, limits) makes a
// cache of another parser or other limits a rebuild: the build id (build_id.hpp) is the
// build's content, so a copy of the binary elsewhere reads the same cache, and a build of
// other sources never does, whatever the binary's size and times. Writers write a temporary
// file and rename it over the cache: a killed run leaves the old cache (and its temporary,
// which the next writer removes), two runs at once leave one whole cache (the last rename
// wins), and a reader holds the file it opened. There is no fsync: a cache lost in a crash
// is checked, found damaged and rebuilt.
//
// Freshness: a file whose size, mtime and ctime are those cached is not read. ctime, which
// no one can set by hand, catches what keeps mtime (`touch -d`, `cp -p`, a chmod that makes
// the file unreadable). A file modified less than racy_window_ns before the load that
// cached it could change again within the same clock tick without a new mtime (git's
// "racily clean" entries), so it is read and hashed on the next load.
#include "cache_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <utility>

#include "build_id.hpp"
#include "byte_codec.hpp"
#include "record_codec.hpp"
#include "support/file_kind.hpp"
#include "support/xxhash64.hpp"

namespace policygraph::records {
namespace {

namespace fs = std::filesystem;

constexpr std::uint32_t format_version = 4;
constexpr char magic[8] = {'P', 'G', 'R', 'C', 'A', 'C', 'H', 'E'};
constexpr char merge_magic[8] = {'P', 'G', 'M', 'E', 'R', 'G', 'E', 'D'};
constexpr std::size_t header_bytes = 8 + 4 + 8 + 8 + 8;
constexpr std::size_t file_length_at = 8 + 4 + 8 + 8;
constexpr std::size_t merge_header_bytes = 8 + 8 + 8;
// Records per chunk of the merged corpus: enough chunks for every core at 10,000 records,
// few enough that their table stays small.
constexpr std::size_t records_per_chunk = 4096;

std::string errno_text(int number) { return std::error_code(number, std::generic_category()).message(); }

void write_key(ByteWriter& out, const CacheKey& key) {
  out.string(key.library_version);
  out.string(key.build_identity);
  out.varint(key.limits.max_file_bytes);
  out.signed_varint(key.limits.max_depth);
  out.varint(key.limits.max_alias_expansions);
  out.varint(key.limits.max_alias_events);
}

// Why a cache with `found` cannot serve `wanted`, or empty.
std::string key_difference(const CacheKey& found, const CacheKey& wanted) {
  if (found.library_version != wanted.library_version)
    return "was written by policygraph " + found.library_version + " (this is " + wanted.library_version + ")";
  if (found.build_identity != wanted.build_identity) return "was written by another build of policygraph";
  const Limits& a = found.limits;
  const Limits& b = wanted.limits;
  if (a.max_file_bytes != b.max_file_bytes || a.max_depth != b.max_depth ||
      a.max_alias_expansions != b.max_alias_expansions || a.max_alias_events != b.max_alias_events)
    return "was written with other limits";
  return {};
}

// Writes all of `bytes`, or false with errno set.
bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t done = ::write(fd, bytes.data(), bytes.size());
    if (done < 0 && errno == EINTR) continue;
    if (done <= 0) {
      if (done == 0) errno = EIO;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(done));
  }
  return true;
}

}  // namespace

CacheKey current_cache_key(const Limits& limits) {
#ifndef POLICYGRAPH_VERSION
#define POLICYGRAPH_VERSION "unknown"
#endif
  CacheKey key;
  key.format_version = format_version;
  key.library_version = POLICYGRAPH_VERSION;
  key.build_identity = build_id();
  key.limits = limits;
  return key;
}

bool LoadedCache::read_region(std::uint64_t offset, std::uint64_t length, std::unique_ptr<char[]>& into) const {
  into.reset(new (std::nothrow) char[std::max<std::uint64_t>(length, 1)]);
  if (!into) return false;
  std::uint64_t done = 0;
  while (done < length) {
    ssize_t got = ::pread(fd_.get(), into.get() + done, length - done, static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    done += static_cast<std::uint64_t>(got);
  }
  return true;
}

bool LoadedCache::load_blobs() {
  if (blobs_) return true;
  if (!read_region(blobs_begin_, blob_bytes_, blobs_)) {
    blobs_.reset();
    return false;
  }
  for (std::size_t i = 0; i < files_.size(); ++i) {
    const std::uint64_t end = i + 1 < files_.size() ? blob_offsets_[i + 1] : blob_bytes_;
    files_[i].blob =
        std::string_view(blobs_.get() + blob_offsets_[i], static_cast<std::size_t>(end - blob_offsets_[i]));
  }
  return true;
}

void LoadedCache::release_blobs() {
  blobs_.reset();
  for (CachedFile& file : files_) file.blob = {};
}

std::optional<CachedMerge> LoadedCache::load_merge(std::string& problem) const {
  problem.clear();
  if (merge_bytes_ == 0) return std::nullopt;
  std::unique_ptr<char[]> header;
  if (!read_region(blobs_end(), merge_header_bytes, header)) {
    problem = "cannot be read";
    return std::nullopt;
  }
  auto table_bytes = load_little<std::uint64_t>(header.get() + 8);
  auto table_checksum = load_little<std::uint64_t>(header.get() + 16);
  if (std::memcmp(header.get(), merge_magic, sizeof merge_magic) != 0 ||
      table_bytes > merge_bytes_ - merge_header_bytes) {
    problem = "is damaged (its merged corpus does not decode)";
    return std::nullopt;
  }
  std::unique_ptr<char[]> table_buffer;
  if (!read_region(blobs_end() + merge_header_bytes, table_bytes, table_buffer)) {
    problem = "cannot be read";
    return std::nullopt;
  }
  std::string_view table(table_buffer.get(), static_cast<std::size_t>(table_bytes));
  if (support::xxhash64(table) != table_checksum) {
    problem = "is damaged (the checksum of its merged corpus does not match)";
    return std::nullopt;
  }
  ByteReader in(table);
  CachedMerge merge;
  merge.language = in.string();
  merge.files_read = static_cast<std::size_t>(in.varint());
  std::size_t chunks = in.count(9);
  std::uint64_t offset = blobs_end() + merge_header_bytes + table_bytes;
  std::uint64_t left = merge_bytes_ - merge_header_bytes - table_bytes;
  for (std::size_t i = 0; i < chunks && in.ok(); ++i) {
    CachedMerge::Chunk& chunk = merge.chunks.emplace_back();
    chunk.length = in.varint();
    chunk.checksum = in.fixed64();
    if (chunk.length > left) {
      in.fail();
      break;
    }
    chunk.offset = offset;
    offset += chunk.length;
    left -= chunk.length;
  }
  if (!in.ok() || !in.at_end() || left != 0) {
    problem = "is damaged (its merged corpus does not decode)";
    return std::nullopt;
  }
  return merge;
}

std::optional<ParseResult> LoadedCache::decode_chunk(const CachedMerge::Chunk& chunk) const {
  std::unique_ptr<char[]> bytes;
  if (!read_region(chunk.offset, chunk.length, bytes)) return std::nullopt;
  return decode_parse_result(std::string_view(bytes.get(), static_cast<std::size_t>(chunk.length)), chunk.checksum, {});
}

std::optional<LoadedCache> read_cache(const fs::path& file, const CacheKey& key, std::string& problem) {
  problem.clear();
  LoadedCache cache;
  // Never waiting (a FIFO's open would wait for a writer) nor following a link.
  cache.fd_.reset(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY));
  if (!cache.fd_.valid()) {
    if (errno == ELOOP)
      problem = "is a symbolic link, not a regular file";
    else if (errno != ENOENT && errno != ENOTDIR)
      problem = "cannot be read (" + errno_text(errno) + ")";
    return std::nullopt;
  }
  struct stat status {};
  if (::fstat(cache.fd_.get(), &status) != 0) {
    problem = "cannot be read (" + errno_text(errno) + ")";
    return std::nullopt;
  }
  if (!S_ISREG(status.st_mode)) {
    problem = "is " + std::string(support::file_kind_name(status.st_mode)) + ", not a regular file";
    return std::nullopt;
  }
  const auto size = static_cast<std::uint64_t>(status.st_size);
  std::unique_ptr<char[]> header;
  if (!cache.read_region(0, std::min<std::uint64_t>(size, header_bytes), header)) {
    problem = "cannot be read";
    return std::nullopt;
  }
  const char* data = header.get();
  if (size < header_bytes || std::memcmp(data, magic, sizeof magic) != 0) {
    problem = size < header_bytes && std::memcmp(data, magic, std::min<std::size_t>(size, sizeof magic)) == 0
                  ? "is damaged (truncated)"
                  : "is damaged (not a policygraph cache)";
    return std::nullopt;
  }
  auto version = load_little<std::uint32_t>(data + 8);
  if (version != key.format_version) {
    problem = "is in cache format " + std::to_string(version) + " (this is format " +
              std::to_string(key.format_version) + ")";
    return std::nullopt;
  }
  auto table_bytes = load_little<std::uint64_t>(data + 12);
  auto table_checksum = load_little<std::uint64_t>(data + 20);
  if (load_little<std::uint64_t>(data + file_length_at) != size || table_bytes > size - header_bytes) {
    problem = "is damaged (truncated)";
    return std::nullopt;
  }
  if (!cache.read_region(header_bytes, table_bytes, cache.table_)) {
    problem = "cannot be read";
    return std::nullopt;
  }
  std::string_view table(cache.table_.get(), static_cast<std::size_t>(table_bytes));
  if (support::xxhash64(table) != table_checksum) {
    problem = "is damaged (the checksum of its table does not match)";
    return std::nullopt;
  }

  ByteReader in(table);
  CacheKey found;
  found.format_version = version;
  found.library_version = in.string();
  found.build_identity = in.string();
  found.limits.max_file_bytes = static_cast<std::size_t>(in.varint());
  found.limits.max_depth = in.small_int();
  found.limits.max_alias_expansions = static_cast<std::size_t>(in.varint());
  found.limits.max_alias_events = static_cast<std::size_t>(in.varint());
  cache.load_started_ns_ = in.signed_varint();
  std::size_t entries = in.count(13);  // path, sizes, times, lengths: 5 bytes; hashes: 16
  std::uint64_t blob_bytes = in.varint();
  if (!in.ok()) {
    problem = "is damaged (its table does not decode)";
    return std::nullopt;
  }
  if (std::string difference = key_difference(found, key); !difference.empty()) {
    problem = difference;
    return std::nullopt;
  }
  cache.blobs_begin_ = header_bytes + table_bytes;
  cache.blob_bytes_ = blob_bytes;
  if (blob_bytes > size - cache.blobs_begin_) {
    problem = "is damaged (truncated)";
    return std::nullopt;
  }
  cache.merge_bytes_ = size - cache.blobs_end();
  if (cache.merge_bytes_ != 0 && cache.merge_bytes_ < merge_header_bytes) {
    problem = "is damaged (truncated)";
    return std::nullopt;
  }

  cache.files_.reserve(entries);
  cache.blob_offsets_.reserve(entries);
  std::uint64_t offset = 0;
  for (std::size_t i = 0; i < entries && in.ok(); ++i) {
    CachedFile& f = cache.files_.emplace_back();
    f.path = in.string_view();
    f.size = in.varint();
    f.mtime_ns = in.signed_varint();
    f.ctime_ns = in.signed_varint();
    f.content_hash = in.fixed64();
    std::uint64_t length = in.varint();
    f.blob_checksum = in.fixed64();
    if (length > blob_bytes - offset) {
      in.fail();
      break;
    }
    cache.blob_offsets_.push_back(offset);
    offset += length;
    if (i > 0 && !(cache.files_[i - 1].path < f.path)) in.fail();  // sorted, unique
  }
  const std::size_t folders = in.count(3);
  cache.folders_.reserve(folders);
  for (std::size_t i = 0; i < folders && in.ok(); ++i) {
    FolderStamp& folder = cache.folders_.emplace_back();
    folder.relative_path = in.string();
    folder.mtime_ns = in.signed_varint();
    folder.ctime_ns = in.signed_varint();
  }
  if (!in.ok() || !in.at_end() || offset != blob_bytes) {
    problem = "is damaged (its table does not decode)";
    return std::nullopt;
  }
  return cache;
}

CacheWriter::~CacheWriter() { abandon(); }

void CacheWriter::abandon() {
  if (fd_ < 0) return;
  ::close(fd_);
  ::unlink(temporary_.c_str());
  registration_.release();
  fd_ = -1;
}

bool CacheWriter::begin(const fs::path& file, const CacheKey& key, std::int64_t load_started_ns,
                        const std::vector<CacheEntry>& entries, std::span<const FolderStamp> folders,
                        std::string& problem) {
  abandon();
  std::error_code error;
  fs::create_directories(file.parent_path(), error);
  if (error) {
    problem = "cannot create the folder '" + file.parent_path().string() + "' (" + error.message() + ")";
    return false;
  }

  std::string table;
  ByteWriter out(table);
  write_key(out, key);
  out.signed_varint(load_started_ns);
  out.varint(entries.size());
  std::uint64_t blob_bytes = 0;
  for (const auto& e : entries) blob_bytes += e.blob.size();
  out.varint(blob_bytes);
  for (const auto& e : entries) {
    out.string(e.path);
    out.varint(e.size);
    out.signed_varint(e.mtime_ns);
    out.signed_varint(e.ctime_ns);
    out.fixed64(e.content_hash);
    out.varint(e.blob.size());
    out.fixed64(e.blob_checksum);
  }
  out.varint(folders.size());
  for (const FolderStamp& folder : folders) {
    out.string(folder.relative_path);
    out.signed_varint(folder.mtime_ns);
    out.signed_varint(folder.ctime_ns);
  }
  std::string header(magic, sizeof magic);
  ByteWriter head(header);
  head.fixed32(key.format_version);
  head.fixed64(table.size());
  head.fixed64(support::xxhash64(table));
  head.fixed64(0);  // the file's length, once known (commit)

  file_ = file;
  support::remove_stale_temporaries(file, true);
  temporary_ = support::temporary_pattern(file, "tmp");
  fd_ = ::mkstemp(temporary_.data());
  if (fd_ < 0) {
    problem = "cannot write in the folder '" + file.parent_path().string() + "' (" + errno_text(errno) + ")";
    return false;
  }
  registration_ = support::TemporaryRegistration(temporary_, false);
  // Blobs go out in batches of about a megabyte: one write per blob would be a system call
  // per file, one buffer for all of them a copy of the whole cache.
  bool written = write_all(fd_, header) && write_all(fd_, table);
  std::string batch;
  batch.reserve(1 << 20);
  for (std::size_t i = 0; written && i < entries.size(); ++i) {
    const std::string_view blob = entries[i].blob;
    if (blob.size() >= (1u << 20)) {
      written = write_all(fd_, batch) && write_all(fd_, blob);
      batch.clear();
      continue;
    }
    batch.append(blob);
    if (batch.size() >= (1u << 20)) {
      written = write_all(fd_, batch);
      batch.clear();
    }
  }
  written = written && write_all(fd_, batch);
  if (!written) {
    problem = "cannot write '" + file.string() + "' (" + errno_text(errno) + ")";
    abandon();
    return false;
  }
  written_ = header.size() + table.size() + blob_bytes;
  return true;
}

bool CacheWriter::commit(const Corpus* merged, std::string_view language, std::string& problem) {
  if (fd_ < 0) return false;
  bool written = true;
  if (merged != nullptr) {
    std::vector<std::string> chunks;
    const std::span<const Record> records = merged->records;
    for (std::size_t first = 0; first < records.size(); first += records_per_chunk)
      chunks.push_back(
          encode_records(records.subspan(first, std::min(records_per_chunk, records.size() - first)), {}, {}));
    chunks.push_back(encode_records({}, merged->diagnostics, {}));
    std::string table;
    ByteWriter out(table);
    out.string(language);
    out.varint(merged->files_read);
    out.varint(chunks.size());
    for (const auto& chunk : chunks) {
      out.varint(chunk.size());
      out.fixed64(support::xxhash64(chunk));
    }
    std::string header(merge_magic, sizeof merge_magic);
    ByteWriter head(header);
    head.fixed64(table.size());
    head.fixed64(support::xxhash64(table));
    written = write_all(fd_, header) && write_all(fd_, table);
    written_ += header.size() + table.size();
    for (std::size_t i = 0; written && i < chunks.size(); ++i) {
      written = write_all(fd_, chunks[i]);
      written_ += chunks[i].size();
      chunks[i] = {};
    }
  }
  if (written) {
    std::string length;
    ByteWriter(length).fixed64(written_);
    written = ::pwrite(fd_, length.data(), length.size(), file_length_at) == static_cast<ssize_t>(length.size());
  }
  int saved = errno;
  if (::close(fd_) != 0 && written) {
    written = false;
    saved = errno;
  }
  fd_ = -1;
  if (written && ::rename(temporary_.c_str(), file_.c_str()) != 0) {
    written = false;
    saved = errno;
  }
  if (!written) ::unlink(temporary_.c_str());
  registration_.release();
  if (!written) {
    problem = "cannot write '" + file_.string() + "' (" + errno_text(saved) + ")";
    return false;
  }
  return true;
}

bool write_cache(const fs::path& file, const CacheKey& key, std::int64_t load_started_ns,
                 const std::vector<CacheEntry>& entries, std::string& problem) {
  CacheWriter writer;
  return writer.begin(file, key, load_started_ns, entries, {}, problem) && writer.commit(nullptr, {}, problem);
}

}  // namespace policygraph::records
