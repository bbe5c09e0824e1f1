// SPDX-License-Identifier: MIT
// One file's parse (its records and diagnostics) as bytes, for the cache of parsed records,
// and back. record_codec.cpp describes the encoding.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "policygraph/loader.hpp"
#include "status_words.hpp"

namespace policygraph::records {

class ByteWriter;
class ByteReader;

/// The blob of one file's ParseResult. `path` is the file's relative path: the record
/// and diagnostic file names equal to it (all of them, in practice) are not repeated.
std::string encode_parse_result(const ParseResult& result, std::string_view path);

/// encode_parse_result of records and diagnostics that sit elsewhere.
std::string encode_records(std::span<const Record> records, std::span<const Diagnostic> diagnostics,
                           std::string_view path);

/// The ParseResult of a blob, or nullopt when `checksum` is not its xxhash64 or it does not
/// decode exactly (every length and count checked against what is left). `path` as given to
/// encode_parse_result.
std::optional<ParseResult> decode_parse_result(std::string_view blob, std::uint64_t checksum, std::string_view path);

/// How many records a blob of `length` bytes holds, read from its first bytes (`head`: ten
/// are always enough), or nullopt when they do not say (damaged). It lets a reader make room
/// for the records of several blobs before decoding any; decode_parse_result_into checks the
/// count again against the whole blob.
std::optional<std::size_t> record_count_of(std::string_view head, std::uint64_t length);

/// decode_parse_result into records made beforehand: `records` must be exactly as many as the
/// blob holds (record_count_of), default ones; its diagnostics are appended to `diagnostics`.
/// False where decode_parse_result would give nullopt, `records` then half filled.
bool decode_parse_result_into(std::string_view blob, std::uint64_t checksum, std::string_view path,
                              std::span<Record> records, Diagnostics& diagnostics);

/// The uses of status words outside the vocabulary (status_words.hpp) as bytes, and back:
/// nullopt when `checksum` is not their xxhash64 or they do not decode exactly.
std::string encode_status_word_uses(std::span<const StatusWordUse> uses);
std::optional<StatusWordUses> decode_status_word_uses(std::string_view bytes, std::uint64_t checksum);

/// Attributes as the codec stores them: the buffer and the places of the fields in it
/// whole, rather than field by field. The one friend of Attributes.
struct AttributesCodec {
  static void write(ByteWriter& out, const Attributes& attributes);
  /// Fails `in` when the places do not lie in the buffer or the names are not sorted.
  static void read(ByteReader& in, Attributes& attributes);
};

}  // namespace policygraph::records
