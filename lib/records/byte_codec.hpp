// SPDX-License-Identifier: MIT
// The bytes of the cache of parsed records: little-endian fixed-width integers and
// unsigned LEB128 varints (signed ones zigzagged), strings as a varint length and their
// bytes. The reader never reads past its end: a short or bad input makes it fail and
// return zeros and empty strings from then on, so that a damaged cache is "damaged",
// never a crash.
#pragma once

#include <bit>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "policygraph/record.hpp"
#include "support/little_endian.hpp"

namespace policygraph::records {

using support::load_little;

/// Appends to a string.
class ByteWriter {
 public:
  explicit ByteWriter(std::string& out) : out_(out) {}

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
  /// A file name: 0 when it is the blob's own path, else its length + 1 and its bytes.
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

/// Reads what ByteWriter wrote. Never reads past the end: a short or bad input makes it fail
/// (ok() false) and return zeros and empty strings from then on.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : next_(bytes.data()), end_(bytes.data() + bytes.size()) {}

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
  std::uint32_t fixed32() {
    if (left() < 4) return static_cast<std::uint32_t>(fail());
    auto value = load_little<std::uint32_t>(next_);
    next_ += 4;
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
  /// A count of items that take at least `min_bytes` each: never more than the bytes left
  /// allow, so a damaged count cannot make us reserve gigabytes.
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

}  // namespace policygraph::records
