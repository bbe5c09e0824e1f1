// SPDX-License-Identifier: MIT
// The cache of parsed records, one binary file per corpus.
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
// checksum is checked (on the thread that decodes it) before it is decoded. Decoding checks
// every length and count against the bytes left, every enum against its range, and must
// end exactly at the blob's end; a failure is "damaged", never a crash, and that file is
// parsed from disk instead. The key (format, library version, build id, limits) makes a
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
#include "parse_cache.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <system_error>
#include <utility>

#include "build_id.hpp"
#include "policygraph/version.hpp"
#include "support/file_kind.hpp"
#include "support/file_times.hpp"

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

// A field added to Record or Diagnostic without being encoded here would be served empty
// from the cache: these fail the build then (on the usual platform), as a reminder to
// encode it and raise format_version.
#if defined(__GLIBCXX__) && defined(__x86_64__) && !defined(_GLIBCXX_DEBUG)
static_assert(sizeof(Record) == 464, "a field of Record changed: update encode/decode and format_version");
static_assert(sizeof(Diagnostic) == 80, "a field of Diagnostic changed: update encode/decode and format_version");
#endif

// --- XXH64 -------------------------------------------------------------------------------

constexpr std::uint64_t prime1 = 0x9E3779B185EBCA87ULL;
constexpr std::uint64_t prime2 = 0xC2B2AE3D27D4EB4FULL;
constexpr std::uint64_t prime3 = 0x165667B19E3779F9ULL;
constexpr std::uint64_t prime4 = 0x85EBCA77C2B2AE63ULL;
constexpr std::uint64_t prime5 = 0x27D4EB2F165667C5ULL;

template <typename T>
T load_little(const char* p) {
  T value;
  std::memcpy(&value, p, sizeof value);
  if constexpr (std::endian::native == std::endian::big) {
    T swapped = 0;
    for (std::size_t i = 0; i < sizeof value; ++i)
      swapped = static_cast<T>((swapped << 8) | ((value >> (8 * i)) & 0xFF));
    value = swapped;
  }
  return value;
}

std::uint64_t xxh_round(std::uint64_t accumulator, std::uint64_t input) {
  accumulator += input * prime2;
  accumulator = std::rotl(accumulator, 31);
  return accumulator * prime1;
}

std::uint64_t xxh_merge(std::uint64_t hash, std::uint64_t accumulator) {
  hash ^= xxh_round(0, accumulator);
  return hash * prime1 + prime4;
}

// --- encoding -------------------------------------------------------------------------------

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  void varint(std::uint64_t value) {
    while (value >= 0x80) {
      out_.push_back(static_cast<char>((value & 0x7F) | 0x80));
      value >>= 7;
    }
    out_.push_back(static_cast<char>(value));
  }
  void signed_varint(std::int64_t value) {
    varint((static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63));
  }
  void fixed64(std::uint64_t value) {
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
  }
  void fixed32(std::uint32_t value) {
    for (int i = 0; i < 4; ++i) out_.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
  }
  void string(std::string_view text) {
    varint(text.size());
    out_.append(text);
  }
  // A file name: 0 when it is the blob's own path, else its length + 1 and its bytes.
  void file_name(std::string_view name, std::string_view path) {
    if (name == path) {
      varint(0);
      return;
    }
    varint(name.size() + 1);
    out_.append(name);
  }
  void location(const Location& where) {
    signed_varint(where.line);
    signed_varint(where.column);
  }

 private:
  std::string& out_;
};

// Reads what Writer wrote. Never reads past the end: a short or bad input makes it fail
// (ok() false) and return zeros and empty strings from then on.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : next_(bytes.data()), end_(bytes.data() + bytes.size()) {}

  bool ok() const { return ok_; }
  bool at_end() const { return next_ == end_; }
  std::size_t left() const { return static_cast<std::size_t>(end_ - next_); }
  const char* position() const { return next_; }

  std::uint64_t varint() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (next_ == end_) return fail();
      auto byte = static_cast<unsigned char>(*next_++);
      if (shift == 63 && byte > 1) return fail();  // more than 64 bits
      value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    return fail();
  }
  std::int64_t signed_varint() {
    std::uint64_t value = varint();
    return static_cast<std::int64_t>(value >> 1) ^ -static_cast<std::int64_t>(value & 1);
  }
  std::uint32_t u32() {
    std::uint64_t value = varint();
    if (value > UINT32_MAX) return static_cast<std::uint32_t>(fail());
    return static_cast<std::uint32_t>(value);
  }
  int small_int() {
    std::int64_t value = signed_varint();
    if (value < INT32_MIN || value > INT32_MAX) return static_cast<int>(fail());
    return static_cast<int>(value);
  }
  std::uint64_t fixed64() {
    if (left() < 8) return fail();
    auto value = load_little<std::uint64_t>(next_);
    next_ += 8;
    return value;
  }
  std::string_view bytes(std::uint64_t length) {
    if (length > left()) {
      fail();
      return {};
    }
    std::string_view out(next_, static_cast<std::size_t>(length));
    next_ += length;
    return out;
  }
  std::string_view string_view() { return bytes(varint()); }
  std::string string() { return std::string(string_view()); }
  std::string file_name(std::string_view path) {
    std::uint64_t tag = varint();
    if (tag == 0) return std::string(path);
    return std::string(bytes(tag - 1));
  }
  Location location() {
    Location where;
    where.line = small_int();
    where.column = small_int();
    return where;
  }
  // A count of items that take at least `min_bytes` each: never more than the bytes left
  // allow, so a damaged count cannot make us reserve gigabytes.
  std::size_t count(std::size_t min_bytes) {
    std::uint64_t value = varint();
    if (value > left() / min_bytes) return static_cast<std::size_t>(fail());
    return static_cast<std::size_t>(value);
  }
  std::uint64_t fail() {
    ok_ = false;
    next_ = end_;
    return 0;
  }

 private:
  const char* next_;
  const char* end_;
  bool ok_ = true;
};

void write_strings(Writer& out, const std::vector<std::string>& strings) {
  out.varint(strings.size());
  for (const auto& s : strings) out.string(s);
}

void read_strings(Reader& in, std::vector<std::string>& strings) {
  std::size_t n = in.count(1);
  strings.reserve(n);
  for (std::size_t i = 0; i < n && in.ok(); ++i) strings.push_back(in.string());
}

void write_references(Writer& out, const std::vector<Reference>& references) {
  out.varint(references.size());
  for (const auto& r : references) {
    out.string(r.id);
    out.location(r.where);
  }
}

void read_references(Reader& in, std::vector<Reference>& references) {
  std::size_t n = in.count(3);
  references.reserve(n);
  for (std::size_t i = 0; i < n && in.ok(); ++i) {
    Reference& r = references.emplace_back();
    r.id = in.string();
    r.where = in.location();
  }
}

void write_date(Writer& out, const std::optional<Date>& date) {
  out.varint(date ? 1 : 0);
  if (!date) return;
  out.signed_varint(date->year);
  out.signed_varint(date->month);
  out.signed_varint(date->day);
}

void read_date(Reader& in, std::optional<Date>& date) {
  std::uint64_t has_date = in.varint();
  if (has_date > 1) in.fail();
  if (has_date != 1) return;
  Date day;
  day.year = in.small_int();
  day.month = in.small_int();
  day.day = in.small_int();
  date = day;
}

void write_relations(Writer& out, const std::vector<RelationItem>& relations) {
  out.varint(relations.size());
  for (const RelationItem& item : relations) {
    out.varint(static_cast<std::uint64_t>(item.relation) * 2 + (item.inverse ? 1 : 0));
    out.string(item.other.id);
    out.location(item.other.where);
    write_date(out, item.date);
  }
}

void read_relations(Reader& in, std::vector<RelationItem>& relations) {
  std::size_t n = in.count(5);
  relations.reserve(n);
  for (std::size_t i = 0; i < n && in.ok(); ++i) {
    RelationItem& item = relations.emplace_back();
    const std::uint64_t form = in.varint();
    if (form > static_cast<std::uint64_t>(Relation::implements) * 2 + 1) in.fail();
    item.relation = static_cast<Relation>(form / 2);
    item.inverse = form % 2 == 1;
    item.other.id = in.string();
    item.other.where = in.location();
    read_date(in, item.date);
  }
}

// The buffer whole, then each field's place in it: a decode is one copy and a check of
// the places, not an append per field.
void write_attributes(Writer& out, const Attributes& attributes) {
  out.string(attributes.text());
  out.varint(attributes.size());
  for (const Attributes::Slot& slot : attributes.slots()) {
    out.varint(slot.name_offset);
    out.varint(slot.name_size);
    out.varint(slot.value_offset);
    out.varint(slot.value_size);
  }
}

void read_attributes(Reader& in, Attributes& attributes) {
  std::string text = in.string();
  std::vector<Attributes::Slot> slots(in.count(4));
  for (Attributes::Slot& slot : slots) {
    slot.name_offset = in.u32();
    slot.name_size = in.u32();
    slot.value_offset = in.u32();
    slot.value_size = in.u32();
  }
  if (!in.ok()) return;
  std::optional<Attributes> restored = Attributes::from_parts(std::move(text), std::move(slots));
  if (restored)
    attributes = std::move(*restored);
  else
    in.fail();
}

void write_record(Writer& out, const Record& record, std::string_view path) {
  out.varint(static_cast<std::uint64_t>(record.kind));
  out.string(record.id);
  out.string(record.label);
  out.string(record.language);
  out.file_name(record.file, path);
  out.location(record.where);
  write_date(out, record.date);
  write_strings(out, record.tags);
  write_strings(out, record.clusters);
  write_relations(out, record.relations);
  write_references(out, record.related_facilities);
  write_references(out, record.related_policies);
  out.varint(record.milestones.size());
  for (const auto& m : record.milestones) {
    out.string(m.date);
    out.string(m.event);
  }
  write_date(out, record.effective);
  write_date(out, record.expires);
  out.varint(static_cast<std::uint64_t>(record.state));
  out.location(record.status_at);
  write_attributes(out, record.attributes);
  write_attributes(out, record.translations);
}

void read_record(Reader& in, Record& record, std::string_view path) {
  std::uint64_t kind = in.varint();
  if (kind > static_cast<std::uint64_t>(RecordKind::facility)) in.fail();
  record.kind = static_cast<RecordKind>(kind);
  record.id = in.string();
  record.label = in.string();
  record.language = in.string();
  record.file = in.file_name(path);
  record.where = in.location();
  read_date(in, record.date);
  read_strings(in, record.tags);
  read_strings(in, record.clusters);
  read_relations(in, record.relations);
  read_references(in, record.related_facilities);
  read_references(in, record.related_policies);
  std::size_t milestones = in.count(2);
  record.milestones.reserve(milestones);
  for (std::size_t i = 0; i < milestones && in.ok(); ++i) {
    Milestone& m = record.milestones.emplace_back();
    m.date = in.string();
    m.event = in.string();
  }
  read_date(in, record.effective);
  read_date(in, record.expires);
  const std::uint64_t state = in.varint();
  if (state > static_cast<std::uint64_t>(LegalState::ended)) in.fail();
  record.state = static_cast<LegalState>(state);
  record.status_at = in.location();
  read_attributes(in, record.attributes);
  read_attributes(in, record.translations);
}

// --- the file -------------------------------------------------------------------------------

std::string errno_text(int number) { return std::error_code(number, std::generic_category()).message(); }

void write_key(Writer& out, const CacheKey& key) {
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

std::uint64_t hash64(std::string_view bytes, std::uint64_t seed) {
  const char* p = bytes.data();
  const char* const end = p + bytes.size();
  std::uint64_t hash;
  if (bytes.size() >= 32) {
    std::uint64_t v1 = seed + prime1 + prime2;
    std::uint64_t v2 = seed + prime2;
    std::uint64_t v3 = seed;
    std::uint64_t v4 = seed - prime1;
    const char* const last_stripe = end - 32;
    do {
      v1 = xxh_round(v1, load_little<std::uint64_t>(p));
      v2 = xxh_round(v2, load_little<std::uint64_t>(p + 8));
      v3 = xxh_round(v3, load_little<std::uint64_t>(p + 16));
      v4 = xxh_round(v4, load_little<std::uint64_t>(p + 24));
      p += 32;
    } while (p <= last_stripe);
    hash = std::rotl(v1, 1) + std::rotl(v2, 7) + std::rotl(v3, 12) + std::rotl(v4, 18);
    hash = xxh_merge(hash, v1);
    hash = xxh_merge(hash, v2);
    hash = xxh_merge(hash, v3);
    hash = xxh_merge(hash, v4);
  } else {
    hash = seed + prime5;
  }
  hash += bytes.size();
  for (; end - p >= 8; p += 8) {
    hash ^= xxh_round(0, load_little<std::uint64_t>(p));
    hash = std::rotl(hash, 27) * prime1 + prime4;
  }
  if (end - p >= 4) {
    hash ^= static_cast<std::uint64_t>(load_little<std::uint32_t>(p)) * prime1;
    hash = std::rotl(hash, 23) * prime2 + prime3;
    p += 4;
  }
  for (; p < end; ++p) {
    hash ^= static_cast<std::uint64_t>(static_cast<unsigned char>(*p)) * prime5;
    hash = std::rotl(hash, 11) * prime1;
  }
  hash ^= hash >> 33;
  hash *= prime2;
  hash ^= hash >> 29;
  hash *= prime3;
  hash ^= hash >> 32;
  return hash;
}

CacheKey current_cache_key(const Limits& limits) {
  CacheKey key;
  key.format_version = format_version;
  key.library_version = POLICYGRAPH_VERSION;
  key.build_identity = build_id();
  key.limits = limits;
  return key;
}

std::string encode_records(std::span<const Record> records, std::span<const Diagnostic> diagnostics,
                           std::string_view path) {
  std::string blob;
  Writer out(blob);
  out.varint(records.size());
  for (const auto& record : records) write_record(out, record, path);
  out.varint(diagnostics.size());
  for (const auto& d : diagnostics) {
    out.file_name(d.file, path);
    out.signed_varint(d.line);
    out.signed_varint(d.column);
    out.varint(static_cast<std::uint64_t>(d.severity));
    out.string(d.message);
  }
  return blob;
}

std::string encode_parse_result(const ParseResult& result, std::string_view path) {
  std::string blob = encode_records(result.records, result.diagnostics, path);
  // A load holds every file's blob until the cache is written: without the room the string
  // grew by, they take up to half less (at 10,000 policies, 112,000 blobs of 1 to 5 KB).
  blob.shrink_to_fit();
  return blob;
}

std::optional<ParseResult> decode_parse_result(const CachedFile& file) {
  if (hash64(file.blob) != file.blob_checksum) return std::nullopt;
  Reader in(file.blob);
  ParseResult result;
  std::size_t records = in.count(16);  // a record takes at least 16 bytes
  result.records.reserve(records);
  for (std::size_t i = 0; i < records && in.ok(); ++i) read_record(in, result.records.emplace_back(), file.path);
  std::size_t diagnostics = in.count(5);
  result.diagnostics.reserve(diagnostics);
  for (std::size_t i = 0; i < diagnostics && in.ok(); ++i) {
    Diagnostic& d = result.diagnostics.emplace_back();
    d.file = in.file_name(file.path);
    d.line = in.small_int();
    d.column = in.small_int();
    std::uint64_t severity = in.varint();
    if (severity > static_cast<std::uint64_t>(Severity::error)) in.fail();
    d.severity = static_cast<Severity>(severity);
    d.message = in.string();
  }
  if (!in.ok() || !in.at_end()) return std::nullopt;
  return result;
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
  if (hash64(table) != table_checksum) {
    problem = "is damaged (the checksum of its merged corpus does not match)";
    return std::nullopt;
  }
  Reader in(table);
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
  CachedFile file;
  file.blob = std::string_view(bytes.get(), static_cast<std::size_t>(chunk.length));
  file.blob_checksum = chunk.checksum;
  return decode_parse_result(file);
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
  if (hash64(table) != table_checksum) {
    problem = "is damaged (the checksum of its table does not match)";
    return std::nullopt;
  }

  Reader in(table);
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
  Writer out(table);
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
  Writer head(header);
  head.fixed32(key.format_version);
  head.fixed64(table.size());
  head.fixed64(hash64(table));
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
    Writer out(table);
    out.string(language);
    out.varint(merged->files_read);
    out.varint(chunks.size());
    for (const auto& chunk : chunks) {
      out.varint(chunk.size());
      out.fixed64(hash64(chunk));
    }
    std::string header(merge_magic, sizeof merge_magic);
    Writer head(header);
    head.fixed64(table.size());
    head.fixed64(hash64(table));
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
    Writer(length).fixed64(written_);
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

CacheSession::CacheSession(const fs::path& root, const LoadOptions& options) {
  if (!options.use_cache) return;
  load_started_ns_ =
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  std::error_code error;
  fs::path canonical_root = fs::canonical(root, error);
  if (error) return;  // the walker reports an unreadable root; there is nothing to cache
  std::optional<CacheLocation> location = cache_location(canonical_root, options.cache_folder);
  if (!location) {
    note_ = "no cache of parsed records: neither XDG_CACHE_HOME nor HOME is set; give a folder with --cache DIR";
    return;
  }
  location_ = std::move(*location);
  note_ = cache_location_problem(location_, root, canonical_root);
  if (!note_.empty()) return;
  enabled_ = true;
  key_ = current_cache_key(options.limits);
  std::string problem;
  loaded_ = read_cache(location_.file, key_, problem);
  if (!problem.empty()) note_ = "the cache '" + location_.file.string() + "' " + problem + "; it is rebuilt";
  if (loaded_) trusted_before_ns_ = loaded_->load_started_ns() - racy_window_ns;
}

std::optional<CorpusListing> CacheSession::unchanged_listing(const fs::path& root) const {
  if (!loaded_ || loaded_->folders().empty()) return std::nullopt;
  for (const FolderStamp& folder : loaded_->folders()) {
    struct stat info {};
    if (::stat(corpus_file(root, folder.relative_path).path.c_str(), &info) != 0 || !S_ISDIR(info.st_mode) ||
        !support::times_vouch(info, folder.mtime_ns, folder.ctime_ns, trusted_before_ns_))
      return std::nullopt;
  }
  CorpusListing listing;
  listing.files.reserve(loaded_->files().size());
  for (const CachedFile& file : loaded_->files()) listing.files.push_back(corpus_file(root, file.path));
  listing.folders = loaded_->folders();
  return listing;
}

void CacheSession::match(const CorpusListing& listing, bool listed_by_cache) {
  const std::vector<CorpusFile>& files = listing.files;
  folders_ = listing.folders;
  listed_by_cache_ = listed_by_cache;
  matches_.assign(files.size(), nullptr);
  if (!loaded_) return;
  const auto& cached = loaded_->files();
  std::size_t j = 0;
  for (std::size_t i = 0; i < files.size() && j < cached.size(); ++i) {
    const std::string_view path = files[i].relative_path;
    while (j < cached.size() && cached[j].path < path) ++j;
    if (j < cached.size() && cached[j].path == path) {
      matches_[i] = &cached[j++];
      ++matched_;
    }
  }
}

bool CacheSession::covers_every_file() const {
  return loaded_.has_value() && matched_ == matches_.size() && matched_ == loaded_->files().size();
}

std::optional<ParseResult> CacheSession::decode_chunk(const CachedMerge::Chunk& chunk) const {
  return loaded_ ? loaded_->decode_chunk(chunk) : std::nullopt;
}

std::optional<CachedMerge> CacheSession::merged(std::string_view language) {
  if (!loaded_ || !loaded_->has_merge()) return std::nullopt;
  std::string problem;
  std::optional<CachedMerge> merge = loaded_->load_merge(problem);
  if (!problem.empty()) note_ = "the cache '" + location_.file.string() + "' " + problem + "; it is rebuilt";
  if (merge && merge->language != language) return std::nullopt;
  return merge;
}

void CacheSession::use_entries() {
  if (!loaded_ || loaded_->load_blobs()) return;
  note_ = "the cache '" + location_.file.string() + "' cannot be read; it is rebuilt";
  loaded_.reset();
  matches_.assign(matches_.size(), nullptr);
  matched_ = 0;
}

void CacheSession::release_entries() {
  if (loaded_) loaded_->release_blobs();
}

void CacheSession::note_damaged_merge() {
  note_ = "the cache '" + location_.file.string() +
          "' is damaged (a chunk of its merged corpus does not match its checksum or does not decode); it is rebuilt";
}

void CacheSession::served_by_merge(CacheReport& report) const {
  report.used = true;
  report.merged = true;
  report.folder = location_.folder;
  report.reused = matched_;
  report.note = note_;
}

void CacheSession::refresh_listing(const Corpus& corpus, std::string_view language, CacheReport& report) {
  if (!loaded_ || listed_by_cache_ || folders_.empty()) return;
  // Folders changed within the racy window are not trusted by the next load either.
  const bool trusted_next_time = std::all_of(folders_.begin(), folders_.end(), [&](const FolderStamp& folder) {
    return folder.mtime_ns < load_started_ns_ - racy_window_ns;
  });
  if (!trusted_next_time || !covers_every_file() || !loaded_->load_blobs()) return;
  std::vector<CacheEntry> entries;
  entries.reserve(loaded_->files().size());
  for (const CachedFile& file : loaded_->files())
    entries.push_back(
        {file.path, file.size, file.mtime_ns, file.ctime_ns, file.content_hash, file.blob, file.blob_checksum});
  write_entries(entries, false, false, 0, report);
  release_entries();
  write_merged(corpus, language, report);
}

void CacheSession::write_entries(const std::vector<CacheEntry>& entries, bool unchanged, bool merge_current,
                                 std::size_t damaged, CacheReport& report) {
  if (damaged > 0)
    note_ = "the cache '" + location_.file.string() + "' is damaged (" + std::to_string(damaged) +
            (damaged == 1 ? " entry does" : " entries do") +
            " not match its checksum or does not decode); it is rebuilt";
  report.note = note_;
  if (!enabled_) return;
  report.folder = location_.folder;
  report.removed = loaded_ ? loaded_->files().size() - matched_ : 0;
  // The folders vouch for the listing only when it holds every file the walk found: a file
  // left out (unreadable, too large) would otherwise be missed, with its diagnostic.
  const std::span<const FolderStamp> folders =
      entries.size() == matches_.size() ? std::span<const FolderStamp>(folders_) : std::span<const FolderStamp>();
  const bool same_folders = listed_by_cache_ || (folders.empty() && loaded_ && loaded_->folders().empty());
  if (unchanged && merge_current && same_folders && loaded_ && entries.size() == loaded_->files().size()) {
    report.used = true;
    return;
  }
  std::string problem = make_cache_folder(location_);
  auto writer = std::make_unique<CacheWriter>();
  if (problem.empty() && writer->begin(location_.file, key_, load_started_ns_, entries, folders, problem)) {
    writer_ = std::move(writer);
    return;
  }
  fail_to_write(problem, report);
}

void CacheSession::write_merged(const Corpus& corpus, std::string_view language, CacheReport& report) {
  if (!writer_) return;
  std::string problem;
  if (writer_->commit(&corpus, language, problem)) {
    report.used = true;
    report.folder = location_.folder;
  } else {
    fail_to_write(problem, report);
  }
  writer_.reset();
}

void CacheSession::fail_to_write(const std::string& problem, CacheReport& report) {
  report.used = loaded_.has_value();
  report.note = (note_.empty() ? std::string() : note_ + "; ") +
                "the cache of parsed records is not saved: " + problem +
                "; give a writable folder with --cache DIR, or turn the cache off with --no-cache";
}

}  // namespace policygraph::records
