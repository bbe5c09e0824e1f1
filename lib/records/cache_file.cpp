// SPDX-License-Identifier: MIT
// The cache of parsed records, one binary file per corpus: its layout, reading and writing.
//
// Layout, every integer little-endian or an unsigned LEB128 varint (signed ones zigzagged,
// byte_codec.hpp):
//
//   header, 52 bytes           "PGRCACHE", format version (u32), table offset, table
//                              length, table checksum, file length (the table's end), all
//                              u64, then the xxhash64 of those 44 bytes (u64); the table's
//                              checksum is the xxhash64 of the xxhash64s (u64 each) of its
//                              pieces of 1 MiB, so that every core takes some
//   data                       blobs (each file's encoded ParseResult) and the chunks of
//                              the merged corpus (encoded ParseResults of the merged
//                              records, 4,096 each so that threads can decode them side by
//                              side, and last one of the corpus's diagnostics), the uses of
//                              status words outside the vocabulary, in the order they were
//                              written; bytes no table entry names are dead
//   table                      library version, build identity, the four Limits, the time
//                              the writing load began, the entry count, the count of blocks
//                              of 8,192 entries and each block's length in bytes (so that
//                              every core decodes some), then per file in byte order of
//                              its path: path, size, mtime ns, ctime ns, content hash (u64),
//                              blob offset, length and checksum (u64), the hashes of its
//                              records' kinds and ids (a string of u64s);
//                              the folder count and per folder the walk listed: path, mtime
//                              ns, ctime ns (none when the walk cannot vouch for its listing
//                              by them); 0, or 1 and the merged corpus: preferred language,
//                              files read, chunk count, per chunk offset, length, checksum,
//                              and the offset, length and checksum of the status words' uses
//
// Writing streams: a first load writes each blob as soon as it is encoded and the chunks
// one by one, so that nothing waits in memory for the end; the table, which names where
// everything is, comes last. A later load that changed a few files appends their blobs, the
// chunks that changed and a new table after the old table, under an exclusive lock, then
// rewrites the header in one write: until that write the header names the old table, whose
// bytes and everything it names are untouched, so a killed run leaves the old cache whole
// (with bytes past its end, which the next writer overwrites). The old table and replaced
// blobs and chunks become dead; past a quarter of the file, the session writes the cache
// anew instead (cache_session.cpp).
//
// The merged corpus makes the common case fast: nothing changed, and the load is a stat of
// every folder and file, then the merged records decoded, without the corpus being walked
// or the files' blobs ever being read. The folders' times stand for the walk: a folder's
// mtime and ctime change whenever an entry is added, removed or renamed in it (git's
// untracked cache relies on the same), so while every folder listed has the times cached,
// and was modified well before the load that cached it, the files are the cached ones. A
// walk that met a symbolic link, or reported anything, stores no folders.
//
// Why it can be trusted: nothing in it is believed before it is checked. The magic, the
// format version and the header's checksum come first; the file must be at least as long as
// the header says; the table's checksum is checked before its first byte is decoded, and
// every blob and chunk must lie between the header and the table; every blob's and chunk's
// own checksum is checked (on the thread that decodes it) before it is decoded
// (record_codec.cpp checks the rest). A failure is "damaged", never a crash, and that file
// is parsed from disk instead. The key (format, library version, build id, limits) makes a
// cache of another parser or other limits a rebuild: the build id (build_id.hpp) is the
// build's content, so a copy of the binary elsewhere reads the same cache, and a build of
// other sources never does, whatever the binary's size and times. A new cache is a
// temporary file renamed over the old one: two runs at once leave one whole cache (the last
// rename wins), and a reader holds the file it opened; an append never changes a byte a
// header names. There is no fsync: a cache lost in a crash is checked, found damaged and
// rebuilt.
#include "cache_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <utility>
#include <vector>

#include "build_id.hpp"
#include "byte_codec.hpp"
#include "policygraph/version.hpp"
#include "record_codec.hpp"
#include "support/file_kind.hpp"
#include "support/for_each_index.hpp"
#include "support/prefault.hpp"
#include "support/write_all.hpp"
#include "support/xxhash64.hpp"

namespace policygraph::records {
namespace {

namespace fs = std::filesystem;

constexpr std::uint32_t format_version = 7;
constexpr char magic[8] = {'P', 'G', 'R', 'C', 'A', 'C', 'H', 'E'};
constexpr std::size_t header_bytes = 8 + 4 + 8 + 8 + 8 + 8 + 8;
static_assert(header_bytes == cache_data_begin);
constexpr std::size_t header_checksum_at = header_bytes - 8;
constexpr std::size_t buffer_bytes = 1 << 20;
// Blobs closer than this in the file are read in one read, the bytes between them with them.
constexpr std::uint64_t read_gap_bytes = 64 << 10;
// The table is read, and its checksum taken, in pieces of this size on every core, and its
// entries decoded in blocks of this many on every core: read, checked and decoded on one,
// the table of 112,000 files at 10,000 policies was 25-30 ms before a second thread ran.
constexpr std::size_t table_piece_bytes = 1 << 20;
constexpr std::size_t entries_per_block = 8192;

// The table's checksum (see the layout above).
std::uint64_t table_checksum(std::string_view table, unsigned threads) {
  const std::size_t pieces = std::max<std::size_t>(1, (table.size() + table_piece_bytes - 1) / table_piece_bytes);
  std::vector<std::uint64_t> sums(pieces);
  support::for_each_index(pieces, threads, [&](std::size_t piece) {
    sums[piece] = support::xxhash64(table.substr(std::min(table.size(), piece * table_piece_bytes), table_piece_bytes));
    return true;
  });
  std::string bytes;
  ByteWriter out(bytes);
  for (std::uint64_t sum : sums) out.fixed64(sum);
  return support::xxhash64(bytes);
}

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

void write_span(ByteWriter& out, const CacheSpan& span) {
  out.varint(span.offset);
  out.varint(span.length);
  out.fixed64(span.checksum);
}

// A span that lies in the data, between the header and the table; else `in` fails.
CacheSpan read_span_of(ByteReader& in, std::uint64_t data_end) {
  CacheSpan span;
  span.offset = in.varint();
  span.length = in.varint();
  span.checksum = in.fixed64();
  if (span.offset < header_bytes || span.offset > data_end || span.length > data_end - span.offset) in.fail();
  return span;
}

void write_entry(ByteWriter& out, const CacheEntry& e) {
  out.string(e.path);
  out.varint(e.size);
  out.signed_varint(e.mtime_ns);
  out.signed_varint(e.ctime_ns);
  out.fixed64(e.content_hash);
  write_span(out, e.blob);
  out.string(e.keys);
}

// Entry `f` from `in`; `in` fails when it does not decode.
void read_entry(ByteReader& in, std::uint64_t data_end, CachedFile& f) {
  f.path = in.string_view();
  f.size = in.varint();
  f.mtime_ns = in.signed_varint();
  f.ctime_ns = in.signed_varint();
  f.content_hash = in.fixed64();
  f.blob = read_span_of(in, data_end);
  f.keys = in.string_view();
  if (f.keys.size() % 8 != 0) in.fail();
}

std::string header_of(const CacheKey& key, std::uint64_t table_offset, std::uint64_t table_length,
                      std::uint64_t checksum) {
  std::string header(magic, sizeof magic);
  ByteWriter out(header);
  out.fixed32(key.format_version);
  out.fixed64(table_offset);
  out.fixed64(table_length);
  out.fixed64(checksum);
  out.fixed64(table_offset + table_length);
  out.fixed64(support::xxhash64(header));
  return header;
}

}  // namespace

std::uint64_t record_key_hash(RecordKind kind, std::string_view id) {
  return support::xxhash64(id, static_cast<std::uint64_t>(kind) + 1);
}

CacheKey current_cache_key(const Limits& limits) {
  CacheKey key;
  key.format_version = format_version;
  key.library_version = POLICYGRAPH_VERSION;
  key.build_identity = build_id();
  key.limits = limits;
  return key;
}

bool LoadedCache::read_region(std::uint64_t offset, std::uint64_t length, char* into) const {
  std::uint64_t done = 0;
  while (done < length) {
    ssize_t got = ::pread(fd_.get(), into + done, length - done, static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    done += static_cast<std::uint64_t>(got);
  }
  return true;
}

bool LoadedCache::read_span(const CacheSpan& span, std::string& into) const {
  into.resize(static_cast<std::size_t>(span.length));
  return read_region(span.offset, span.length, into.data());
}

std::optional<std::string_view> LoadedCache::read_span(const CacheSpan& span, ReadBuffer& buffer) const {
  const auto length = static_cast<std::size_t>(span.length);
  if (length > buffer.capacity || !buffer.bytes) {
    buffer.bytes.reset(new char[std::max<std::size_t>(length, 1)]);
    buffer.capacity = length;
  }
  if (!read_region(span.offset, length, buffer.bytes.get())) return std::nullopt;
  return std::string_view(buffer.bytes.get(), length);
}

std::optional<std::size_t> LoadedCache::record_count(const CacheSpan& span) const {
  char head[10];  // a varint of 64 bits takes ten bytes at most
  const auto length = static_cast<std::size_t>(std::min<std::uint64_t>(span.length, sizeof head));
  if (!read_region(span.offset, length, head)) return std::nullopt;
  return record_count_of(std::string_view(head, length), span.length);
}

bool LoadedCache::load_blobs() {
  if (!blobs_.empty() || files_.empty()) return true;
  // In order of place, in runs of blobs close to each other: a cache written at once is one
  // run, and one appended to a few more.
  std::vector<std::size_t> order(files_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return files_[a].blob.offset < files_[b].blob.offset; });
  std::vector<std::string_view> blobs(files_.size());
  std::vector<std::unique_ptr<char[]>> buffers;
  for (std::size_t first = 0; first < order.size();) {
    const std::uint64_t begin = files_[order[first]].blob.offset;
    std::uint64_t end = files_[order[first]].blob.end();
    std::size_t last = first + 1;
    while (last < order.size() && files_[order[last]].blob.offset <= end + read_gap_bytes) {
      end = std::max(end, files_[order[last]].blob.end());
      ++last;
    }
    std::unique_ptr<char[]> buffer(new (std::nothrow) char[std::max<std::uint64_t>(end - begin, 1)]);
    if (!buffer || !read_region(begin, end - begin, buffer.get())) return false;
    for (std::size_t i = first; i < last; ++i) {
      const CacheSpan& span = files_[order[i]].blob;
      blobs[order[i]] = std::string_view(buffer.get() + (span.offset - begin), static_cast<std::size_t>(span.length));
    }
    buffers.push_back(std::move(buffer));
    first = last;
  }
  blobs_ = std::move(blobs);
  blob_buffers_ = std::move(buffers);
  return true;
}

void LoadedCache::release_blobs() {
  std::vector<std::string_view>().swap(blobs_);
  std::vector<std::unique_ptr<char[]>>().swap(blob_buffers_);
}

std::optional<ParseResult> LoadedCache::decode_span(const CacheSpan& span, std::string_view path) const {
  std::string bytes;
  if (!read_span(span, bytes)) return std::nullopt;
  return decode_parse_result(bytes, span.checksum, path);
}

std::optional<LoadedCache> read_cache(const fs::path& file, const CacheKey& key, std::string& problem,
                                      unsigned threads) {
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
  cache.device_ = status.st_dev;
  cache.inode_ = status.st_ino;
  const auto size = static_cast<std::uint64_t>(status.st_size);
  cache.header_.resize(static_cast<std::size_t>(std::min<std::uint64_t>(size, header_bytes)));
  if (!cache.read_region(0, cache.header_.size(), cache.header_.data())) {
    problem = "cannot be read";
    return std::nullopt;
  }
  const char* data = cache.header_.data();
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
  if (support::xxhash64(std::string_view(data, header_checksum_at)) !=
      load_little<std::uint64_t>(data + header_checksum_at)) {
    problem = "is damaged (the checksum of its header does not match)";
    return std::nullopt;
  }
  const auto table_offset = load_little<std::uint64_t>(data + 12);
  const auto table_bytes = load_little<std::uint64_t>(data + 20);
  const auto expected_checksum = load_little<std::uint64_t>(data + 28);
  const auto length = load_little<std::uint64_t>(data + 36);
  if (length > size) {
    problem = "is damaged (truncated)";
    return std::nullopt;
  }
  if (table_offset < header_bytes || table_offset > length || table_bytes != length - table_offset) {
    problem = "is damaged (its header does not decode)";
    return std::nullopt;
  }
  cache.table_offset_ = table_offset;
  cache.length_ = length;
  cache.table_.reset(new (std::nothrow) char[std::max<std::uint64_t>(table_bytes, 1)]);
  const bool read =
      cache.table_ &&
      support::for_each_range({static_cast<std::size_t>(table_bytes), table_piece_bytes}, threads,
                              [&](std::size_t, std::size_t from, std::size_t to) {
                                return cache.read_region(table_offset + from, to - from, cache.table_.get() + from);
                              });
  if (!read) {
    problem = "cannot be read";
    return std::nullopt;
  }
  std::string_view table(cache.table_.get(), static_cast<std::size_t>(table_bytes));
  if (table_checksum(table, threads) != expected_checksum) {
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
  std::size_t entries = in.count(25);  // path, sizes, times, place, keys: 8 bytes; hashes: 16
  const std::size_t blocks = in.count(1);
  if (!in.ok() || blocks != (entries + entries_per_block - 1) / entries_per_block) {
    problem = "is damaged (its table does not decode)";
    return std::nullopt;
  }
  if (std::string difference = key_difference(found, key); !difference.empty()) {
    problem = difference;
    return std::nullopt;
  }
  std::vector<std::uint64_t> block_lengths(blocks);
  for (std::uint64_t& block_length : block_lengths) block_length = in.varint();
  std::vector<std::string_view> block_bytes;
  block_bytes.reserve(blocks);
  for (std::uint64_t block_length : block_lengths) block_bytes.push_back(in.bytes(block_length));
  // Each block on a core, each entry into its place; the paths sorted and unique within a
  // block there, and across the blocks' edges after.
  if (in.ok()) support::resize_prefaulted(cache.files_, entries, threads);
  const bool decoded = in.ok() && support::for_each_index(blocks, threads, [&](std::size_t b) {
                         ByteReader block(block_bytes[b]);
                         const std::size_t first = b * entries_per_block;
                         const std::size_t last = std::min(entries, first + entries_per_block);
                         for (std::size_t i = first; i < last && block.ok(); ++i) {
                           read_entry(block, table_offset, cache.files_[i]);
                           if (i > first && !(cache.files_[i - 1].path < cache.files_[i].path)) block.fail();
                         }
                         return block.ok() && block.at_end();
                       });
  bool sorted = decoded;
  for (std::size_t b = 1; b < blocks && sorted; ++b)
    sorted = cache.files_[b * entries_per_block - 1].path < cache.files_[b * entries_per_block].path;
  if (!sorted) in.fail();
  const std::size_t folders = in.count(3);
  cache.folders_.reserve(folders);
  for (std::size_t i = 0; i < folders && in.ok(); ++i) {
    FolderStamp& folder = cache.folders_.emplace_back();
    folder.relative_path = in.string();
    folder.mtime_ns = in.signed_varint();
    folder.ctime_ns = in.signed_varint();
  }
  const std::uint64_t has_merge = in.varint();
  if (has_merge > 1) in.fail();
  if (has_merge == 1 && in.ok()) {
    CachedMerge& merge = cache.merge_.emplace();
    merge.language = in.string();
    merge.files_read = static_cast<std::size_t>(in.varint());
    const std::size_t chunks = in.count(10);
    merge.chunks.reserve(chunks);
    for (std::size_t i = 0; i < chunks && in.ok(); ++i) merge.chunks.push_back(read_span_of(in, table_offset));
    merge.status_words = read_span_of(in, table_offset);
  }
  if (!in.ok() || !in.at_end()) {
    problem = "is damaged (its table does not decode)";
    return std::nullopt;
  }
  return cache;
}

CacheWriter::~CacheWriter() { abandon(); }

void CacheWriter::abandon() {
  if (!fd_.valid()) return;
  fd_.reset();  // closing it releases an append's lock
  if (!appending_) ::unlink(temporary_.c_str());
  registration_.release();
  buffer_.clear();
}

bool CacheWriter::create(const fs::path& file, std::string& problem) {
  abandon();
  appending_ = false;
  error_ = 0;
  std::error_code error;
  fs::create_directories(file.parent_path(), error);
  if (error) {
    problem = "cannot create the folder '" + file.parent_path().string() + "' (" + error.message() + ")";
    return false;
  }
  file_ = file;
  support::remove_stale_temporaries(file, true);
  temporary_ = support::temporary_pattern(file, "tmp");
  fd_.reset(::mkstemp(temporary_.data()));
  if (!fd_.valid()) {
    problem = "cannot write in the folder '" + file.parent_path().string() + "' (" + errno_text(errno) + ")";
    return false;
  }
  registration_ = support::TemporaryRegistration(temporary_, false);
  buffer_offset_ = header_bytes;
  buffer_.reserve(buffer_bytes);
  return true;
}

bool CacheWriter::append_to(const fs::path& file, const LoadedCache& loaded) {
  abandon();
  error_ = 0;
  support::UniqueFd fd(::open(file.c_str(), O_RDWR | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY));
  if (!fd.valid() || ::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) return false;
  // Still the file read, with the header read: no other writer came in between.
  struct stat status {};
  std::string header(loaded.header().size(), '\0');
  if (::fstat(fd.get(), &status) != 0 || status.st_dev != loaded.device() || status.st_ino != loaded.inode() ||
      ::pread(fd.get(), header.data(), header.size(), 0) != static_cast<ssize_t>(header.size()) ||
      header != loaded.header())
    return false;
  file_ = file;
  fd_ = std::move(fd);
  appending_ = true;
  buffer_offset_ = loaded.length();
  buffer_.reserve(buffer_bytes);
  return true;
}

bool CacheWriter::flush_locked() {
  if (error_ == 0 && !buffer_.empty() && !support::write_all_at(fd_.get(), buffer_, buffer_offset_)) error_ = errno;
  buffer_offset_ += buffer_.size();
  buffer_.clear();
  return error_ == 0;
}

CacheSpan CacheWriter::add(std::string_view bytes) {
  CacheSpan span;
  span.checksum = support::xxhash64(bytes);
  span.length = bytes.size();
  std::lock_guard lock(mutex_);
  span.offset = buffer_offset_ + buffer_.size();
  if (!fd_.valid() || error_ != 0) return span;
  if (buffer_.size() + bytes.size() > buffer_bytes) flush_locked();
  if (bytes.size() >= buffer_bytes) {
    if (error_ == 0 && !support::write_all_at(fd_.get(), bytes, buffer_offset_)) error_ = errno;
    buffer_offset_ += bytes.size();
  } else {
    buffer_.append(bytes);
  }
  return span;
}

std::uint64_t CacheWriter::data_end() {
  std::lock_guard lock(mutex_);
  return buffer_offset_ + buffer_.size();
}

bool CacheWriter::commit(const CacheKey& key, const CacheTable& table, std::string& problem) {
  if (!fd_.valid()) return false;
  std::string bytes;
  ByteWriter out(bytes);
  write_key(out, key);
  out.signed_varint(table.load_started_ns);
  out.varint(table.entries.size());
  // The entries in blocks, each block's length first (read_cache decodes them side by side).
  std::string entry_bytes;
  ByteWriter entries_out(entry_bytes);
  std::vector<std::size_t> block_ends;
  for (std::size_t i = 0; i < table.entries.size(); ++i) {
    write_entry(entries_out, table.entries[i]);
    if ((i + 1) % entries_per_block == 0 || i + 1 == table.entries.size()) block_ends.push_back(entry_bytes.size());
  }
  out.varint(block_ends.size());
  std::size_t block_begin = 0;
  for (std::size_t end : block_ends) {
    out.varint(end - block_begin);
    block_begin = end;
  }
  bytes += entry_bytes;
  out.varint(table.folders.size());
  for (const FolderStamp& folder : table.folders) {
    out.string(folder.relative_path);
    out.signed_varint(folder.mtime_ns);
    out.signed_varint(folder.ctime_ns);
  }
  out.varint(table.merge != nullptr ? 1 : 0);
  if (table.merge != nullptr) {
    out.string(table.merge->language);
    out.varint(table.merge->files_read);
    out.varint(table.merge->chunks.size());
    for (const CacheSpan& chunk : table.merge->chunks) write_span(out, chunk);
    write_span(out, table.merge->status_words);
  }
  bool written;
  {
    std::lock_guard lock(mutex_);
    written = flush_locked();
    const std::uint64_t table_offset = buffer_offset_;
    written = written && support::write_all_at(fd_.get(), bytes, table_offset);
    // The header last: until it is written, it names the old table (or none).
    written = written &&
              support::write_all_at(fd_.get(), header_of(key, table_offset, bytes.size(), table_checksum(bytes, 1)), 0);
    if (!written && error_ == 0) error_ = errno;
  }
  int saved = error_;
  if (::close(fd_.release()) != 0 && written) {
    written = false;
    saved = errno;
  }
  if (written && !appending_ && ::rename(temporary_.c_str(), file_.c_str()) != 0) {
    written = false;
    saved = errno;
  }
  if (!written && !appending_) ::unlink(temporary_.c_str());
  registration_.release();
  if (!written) {
    problem = "cannot write '" + file_.string() + "' (" + errno_text(saved) + ")";
    return false;
  }
  return true;
}

bool write_empty_cache(const fs::path& file, const CacheKey& key, std::string& problem) {
  CacheWriter writer;
  return writer.create(file, problem) && writer.commit(key, CacheTable{}, problem);
}

}  // namespace policygraph::records
