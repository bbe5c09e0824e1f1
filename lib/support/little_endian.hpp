// SPDX-License-Identifier: MIT
// Reading little-endian integers from bytes, whatever the machine's order: the cache's
// file format and the XXH64 hash both read their input that way.
#pragma once

#include <bit>
#include <cstddef>
#include <cstring>

namespace policygraph::support {

/// The little-endian integer of type T at `p` (any alignment).
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

}  // namespace policygraph::support
