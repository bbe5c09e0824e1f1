// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string_view>

namespace policygraph::support {

/// XXH64 (Yann Collet's xxHash, 64-bit variant, as its specification defines it) of
/// `bytes`: about 10 GB/s, so hashing a file costs far less than reading it. Used for the
/// content of record files, the checksums of the cache and the cache's file name.
/// O(bytes); the same value on every platform (little-endian reads).
std::uint64_t xxhash64(std::string_view bytes, std::uint64_t seed = 0);

}  // namespace policygraph::support
