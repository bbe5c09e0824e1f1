// SPDX-License-Identifier: MIT
// XXH64 as the xxHash specification gives it: four lanes of 8-byte rounds over 32-byte
// stripes, merged, then the tail in 8-, 4- and 1-byte steps, then the avalanche.
#include "support/xxhash64.hpp"

#include "support/little_endian.hpp"

#include <bit>
#include <cstring>

namespace policygraph::support {
namespace {

constexpr std::uint64_t prime1 = 0x9E3779B185EBCA87ULL;
constexpr std::uint64_t prime2 = 0xC2B2AE3D27D4EB4FULL;
constexpr std::uint64_t prime3 = 0x165667B19E3779F9ULL;
constexpr std::uint64_t prime4 = 0x85EBCA77C2B2AE63ULL;
constexpr std::uint64_t prime5 = 0x27D4EB2F165667C5ULL;

std::uint64_t xxh_round(std::uint64_t accumulator, std::uint64_t input) {
  accumulator += input * prime2;
  accumulator = std::rotl(accumulator, 31);
  return accumulator * prime1;
}

std::uint64_t xxh_merge(std::uint64_t hash, std::uint64_t accumulator) {
  hash ^= xxh_round(0, accumulator);
  return hash * prime1 + prime4;
}

}  // namespace

std::uint64_t xxhash64(std::string_view bytes, std::uint64_t seed) {
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

}  // namespace policygraph::support
