// SPDX-License-Identifier: MIT
#include "label_text.hpp"

namespace policygraph::export_detail {
namespace {

// The code point starting at text[i] and its length in bytes; a stray byte is its own.
std::pair<char32_t, std::size_t> decode(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  if (i + length > text.size()) length = 1;
  if (length == 1) return {c, 1};
  char32_t code = c & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (byte(i + k) & 0x3F);
  return {code, length};
}

}  // namespace

int display_columns(char32_t c) {
  const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
                    (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
                    (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
                    (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
  return wide ? 2 : 1;
}

std::string wrap_label(std::string_view text, std::size_t limit, std::size_t width) {
  std::string out;
  std::size_t code_points = 0, columns = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto [code, length] = decode(text, i);
    if (code_points == limit) {
      out += "\xE2\x80\xA6";
      break;
    }
    ++code_points;
    const std::size_t wide = static_cast<std::size_t>(display_columns(code));
    if (code == '\n') {
      columns = 0;
    } else if (code == ' ' && columns > width) {
      out += '\n';
      columns = 0;
      i += length;
      continue;
    } else if (wide == 2 && columns + wide > width + 1) {
      out += '\n';
      columns = 0;
    }
    columns += code == '\n' ? 0 : wide;
    out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

}  // namespace policygraph::export_detail
