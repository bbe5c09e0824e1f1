// SPDX-License-Identifier: MIT
#include "support/xxhash64.hpp"

#include <gtest/gtest.h>

#include <string>

namespace policygraph::support {
namespace {

TEST(XxHash64, MatchesXxhsum) {
  // Expected values from xxhsum -H1 (the xxHash project's own tool), not from this code:
  // every path of the function (empty, under 4, 8 and 32 bytes, whole stripes and tails).
  EXPECT_EQ(xxhash64(""), 0xef46db3751d8e999u);
  EXPECT_EQ(xxhash64("a"), 0xd24ec4f1a98c6e5bu);
  EXPECT_EQ(xxhash64("abc"), 0x44bc2cf5ad770999u);
  EXPECT_EQ(xxhash64("The quick brown fox jumps over the lazy dog"), 0x0b242d361fda71bcu);
  EXPECT_EQ(xxhash64("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123"),
            0xa75eaec2144f113cu);
  EXPECT_EQ(xxhash64("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456"),
            0x9670e8b775ec8cc1u);
}

TEST(XxHash64, SeedChangesTheHash) {
  EXPECT_NE(xxhash64("abc", 1), xxhash64("abc"));
  EXPECT_EQ(xxhash64("abc", 1), xxhash64(std::string("abc"), 1));
}

}  // namespace
}  // namespace policygraph::support
