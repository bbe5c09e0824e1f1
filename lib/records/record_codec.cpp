// SPDX-License-Identifier: MIT
// The encoding of parsed records and diagnostics in the cache (byte_codec.hpp's integers
// and strings): every field of Record in declaration order, a record's attributes as their
// buffer whole and the places of the fields in it. A decode checks every length and count
// against the bytes left and every enum against its range, and must end exactly at the
// blob's end: a failure is "damaged", never a crash.
#include "record_codec.hpp"

#include <optional>
#include <utility>

#include "byte_codec.hpp"
#include "support/xxhash64.hpp"

namespace policygraph::records {
namespace {

constexpr std::size_t min_record_bytes = 16;  // what a record takes at least, encoded

// A field added to Record or Diagnostic without being encoded here would be served empty
// from the cache: these fail the build then (on the usual platform), as a reminder to
// encode it and raise the cache's format version (cache_file.cpp).
#if defined(__GLIBCXX__) && defined(__x86_64__) && !defined(_GLIBCXX_DEBUG)
static_assert(sizeof(Record) == 464, "a field of Record changed: update encode/decode and format_version");
static_assert(sizeof(Diagnostic) == 80, "a field of Diagnostic changed: update encode/decode and format_version");
#endif

void write_strings(ByteWriter& out, const std::vector<std::string>& strings) {
  out.varint(strings.size());
  for (const auto& s : strings) out.string(s);
}

void read_strings(ByteReader& in, std::vector<std::string>& strings) {
  std::size_t n = in.count(1);
  strings.reserve(n);
  for (std::size_t i = 0; i < n && in.ok(); ++i) strings.push_back(in.string());
}

void write_references(ByteWriter& out, const std::vector<Reference>& references) {
  out.varint(references.size());
  for (const auto& r : references) {
    out.string(r.id);
    out.location(r.where);
  }
}

void read_references(ByteReader& in, std::vector<Reference>& references) {
  std::size_t n = in.count(3);
  references.reserve(n);
  for (std::size_t i = 0; i < n && in.ok(); ++i) {
    Reference& r = references.emplace_back();
    r.id = in.string();
    r.where = in.location();
  }
}

void write_date(ByteWriter& out, const std::optional<Date>& date) {
  out.varint(date ? 1 : 0);
  if (!date) return;
  out.signed_varint(date->year);
  out.signed_varint(date->month);
  out.signed_varint(date->day);
}

void read_date(ByteReader& in, std::optional<Date>& date) {
  std::uint64_t has_date = in.varint();
  if (has_date > 1) in.fail();
  if (has_date != 1) return;
  Date day;
  day.year = in.small_int();
  day.month = in.small_int();
  day.day = in.small_int();
  date = day;
}

void write_relations(ByteWriter& out, const std::vector<RelationItem>& relations) {
  out.varint(relations.size());
  for (const RelationItem& item : relations) {
    out.varint(static_cast<std::uint64_t>(item.relation) * 2 + (item.inverse ? 1 : 0));
    out.string(item.other.id);
    out.location(item.other.where);
    write_date(out, item.date);
  }
}

void read_relations(ByteReader& in, std::vector<RelationItem>& relations) {
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

}  // namespace

// The buffer whole, then each field's place in it: a decode is one copy and a check of
// the places, not an append per field.
void AttributesCodec::write(ByteWriter& out, const Attributes& attributes) {
  out.string(attributes.text_);
  out.varint(attributes.size());
  for (const Attributes::Slot& slot : attributes.slots_) {
    out.varint(slot.name_offset);
    out.varint(slot.name_size);
    out.varint(slot.value_offset);
    out.varint(slot.value_size);
  }
}

void AttributesCodec::read(ByteReader& in, Attributes& attributes) {
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

namespace {

void write_record(ByteWriter& out, const Record& record, std::string_view path) {
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
  AttributesCodec::write(out, record.attributes);
  AttributesCodec::write(out, record.translations);
}

void read_record(ByteReader& in, Record& record, std::string_view path) {
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
  AttributesCodec::read(in, record.attributes);
  AttributesCodec::read(in, record.translations);
}

// decode_parse_result_into, its checksum checked by the caller.
bool decode_checked_blob(std::string_view blob, std::string_view path, std::span<Record> records,
                         Diagnostics& diagnostics) {
  ByteReader in(blob);
  if (in.count(min_record_bytes) != records.size() || !in.ok()) return false;
  for (Record& record : records) {
    if (!in.ok()) return false;
    read_record(in, record, path);
  }
  const std::size_t count = in.count(5);
  diagnostics.reserve(diagnostics.size() + count);
  for (std::size_t i = 0; i < count && in.ok(); ++i) {
    Diagnostic& d = diagnostics.emplace_back();
    d.file = in.file_name(path);
    d.line = in.small_int();
    d.column = in.small_int();
    std::uint64_t severity = in.varint();
    if (severity > static_cast<std::uint64_t>(Severity::error)) in.fail();
    d.severity = static_cast<Severity>(severity);
    d.message = in.string();
  }
  return in.ok() && in.at_end();
}

}  // namespace

std::string encode_records(std::span<const Record> records, std::span<const Diagnostic> diagnostics,
                           std::string_view path) {
  std::string blob;
  ByteWriter out(blob);
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

std::optional<std::size_t> record_count_of(std::string_view head, std::uint64_t length) {
  if (head.size() > length) return std::nullopt;
  ByteReader in(head);
  const std::uint64_t count = in.varint();
  const std::uint64_t count_bytes = head.size() - in.left();
  if (!in.ok() || count > (length - count_bytes) / min_record_bytes) return std::nullopt;
  return static_cast<std::size_t>(count);
}

bool decode_parse_result_into(std::string_view blob, std::uint64_t checksum, std::string_view path,
                              std::span<Record> records, Diagnostics& diagnostics) {
  return support::xxhash64(blob) == checksum && decode_checked_blob(blob, path, records, diagnostics);
}

std::optional<ParseResult> decode_parse_result(std::string_view blob, std::uint64_t checksum, std::string_view path) {
  // The checksum first: a damaged count must not make room for records that are not there.
  if (support::xxhash64(blob) != checksum) return std::nullopt;
  const std::optional<std::size_t> count = record_count_of(blob, blob.size());
  if (!count) return std::nullopt;
  ParseResult result;
  result.records.resize(*count);
  if (!decode_checked_blob(blob, path, result.records, result.diagnostics)) return std::nullopt;
  return result;
}

std::string encode_status_word_uses(std::span<const StatusWordUse> uses) {
  std::string bytes;
  ByteWriter out(bytes);
  out.varint(uses.size());
  for (const StatusWordUse& use : uses) {
    out.string(use.word);
    out.string(use.file);
    out.location(use.where);
    out.string(use.policy);
  }
  return bytes;
}

std::optional<StatusWordUses> decode_status_word_uses(std::string_view bytes, std::uint64_t checksum) {
  if (support::xxhash64(bytes) != checksum) return std::nullopt;
  ByteReader in(bytes);
  StatusWordUses uses(in.count(5));  // a use takes at least 5 bytes
  for (std::size_t i = 0; i < uses.size() && in.ok(); ++i) {
    uses[i].word = in.string();
    uses[i].file = in.string();
    uses[i].where = in.location();
    uses[i].policy = in.string();
  }
  if (!in.ok() || !in.at_end()) return std::nullopt;
  return uses;
}

}  // namespace policygraph::records
