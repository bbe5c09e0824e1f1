// SPDX-License-Identifier: MIT
// A text's first 16 bytes as two numbers, for sorts that mostly need no more of it.
#pragma once

#include <algorithm>
#include <compare>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace policygraph::support {

/// The first 16 bytes of a text as two big-endian numbers, zero-padded. Where the prefixes of
/// two texts differ, they order as the texts do in byte order (unsigned char, as
/// std::string compares; a text that ends early pads with zeros, and a shorter text that
/// is a prefix of the other sorts first either way). Where they are equal, the texts must be
/// compared: a sort compares two numbers and reads the texts only then.
struct BytePrefix {
  std::uint64_t head = 0;
  std::uint64_t next = 0;

  static BytePrefix of(std::string_view text) {
    unsigned char bytes[16] = {};
    std::memcpy(bytes, text.data(), std::min(text.size(), sizeof bytes));
    BytePrefix prefix;
    for (int i = 0; i < 8; ++i) {
      prefix.head = prefix.head << 8 | bytes[i];
      prefix.next = prefix.next << 8 | bytes[8 + i];
    }
    return prefix;
  }
  auto operator<=>(const BytePrefix&) const = default;
};

}  // namespace policygraph::support
