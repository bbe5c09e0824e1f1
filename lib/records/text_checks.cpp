// SPDX-License-Identifier: MIT
#include "text_checks.hpp"

#include <cstdint>
#include <cstring>

#include <algorithm>

namespace policygraph::records {

std::string_view strip_bom(std::string_view text) {
  return text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    // Most front matter is ASCII: skip it eight bytes at a time.
    while (i + 8 <= size) {
      std::uint64_t word;
      std::memcpy(&word, bytes + i, 8);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= size) break;
    unsigned char c = bytes[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // bounds of the second byte (RFC 3629, table 3-7)
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;
      if (c == 0xED) high = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;
      if (c == 0xF4) high = 0x8F;
    } else {
      return i;
    }
    if (i + length > size) return i;
    if (bytes[i + 1] < low || bytes[i + 1] > high) return i;
    for (std::size_t k = 2; k < length; ++k)
      if (bytes[i + k] < 0x80 || bytes[i + k] > 0xBF) return i;
    i += length;
  }
  return std::nullopt;
}

Location location_of_offset(std::string_view text, std::size_t offset) {
  std::string_view before = text.substr(0, offset);
  auto line_start = before.rfind('\n');
  Location where;
  where.line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  where.column = 1 + static_cast<int>(line_start == std::string_view::npos ? offset : offset - line_start - 1);
  return where;
}

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::optional<std::string> repair_yaml_cpp_escapes(std::string_view value) {
  if (!find_invalid_utf8(value)) return std::nullopt;
  std::string repaired;
  repaired.reserve(value.size() + 8);
  while (!value.empty()) {
    auto bad = find_invalid_utf8(value);
    std::size_t good = bad ? *bad : value.size();
    repaired.append(value.substr(0, good));
    if (!bad) break;
    auto byte = static_cast<unsigned char>(value[good]);
    if (byte == 0x85 || byte == 0xA0) {
      repaired += '\xC2';
      repaired += static_cast<char>(byte);
    } else {
      repaired += "\xEF\xBF\xBD";  // U+FFFD: cannot happen on checked input, but never emit bad UTF-8
    }
    value.remove_prefix(good + 1);
  }
  return repaired;
}

}  // namespace policygraph::records
