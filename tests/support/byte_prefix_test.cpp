// SPDX-License-Identifier: MIT
#include "support/byte_prefix.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace policygraph::support {
namespace {

int sign(int value) { return (value > 0) - (value < 0); }

// Where two prefixes differ, their order is the texts' order; where they are equal, the
// texts' first 16 bytes are (a text that ends early counting as zeros).
void expect_agrees(const std::string& a, const std::string& b) {
  const BytePrefix pa = BytePrefix::of(a);
  const BytePrefix pb = BytePrefix::of(b);
  if (pa == pb) {
    std::string head_a = a.substr(0, 16), head_b = b.substr(0, 16);
    head_a.resize(16, '\0');
    head_b.resize(16, '\0');
    EXPECT_EQ(head_a, head_b) << a << " / " << b;
  } else {
    EXPECT_EQ(pa < pb ? -1 : 1, sign(a.compare(b))) << a << " / " << b;
  }
}

TEST(BytePrefix, OrdersAsTheTextsWhereItDiffers) {
  EXPECT_LT(BytePrefix::of("ab"), BytePrefix::of("abc"));                             // a prefix sorts first
  EXPECT_LT(BytePrefix::of("abcdefgh"), BytePrefix::of("abcdefghi"));                 // across the two numbers
  EXPECT_LT(BytePrefix::of("zzzz"), BytePrefix::of("\xC3\xA9"));                      // bytes above 0x7F are unsigned
  EXPECT_LT(BytePrefix::of("cn-ccer-measures"), BytePrefix::of("cn-ccer-measurez"));  // byte 16 decides
  // Equal where only byte 17 on differs, or a text ends in zeros: the texts decide then.
  EXPECT_EQ(BytePrefix::of("cn-ccer-measures-2023"), BytePrefix::of("cn-ccer-measures-2024"));
  EXPECT_EQ(BytePrefix::of(std::string("ab")), BytePrefix::of(std::string("ab\0", 3)));
  EXPECT_EQ(BytePrefix::of(""), BytePrefix{});
}

TEST(BytePrefix, AgreesWithStringComparisonOnRandomTexts) {
  std::mt19937 random(7);
  // Few distinct bytes (zero among them) and lengths around 16, so that prefixes often tie.
  const std::string alphabet("\0a\x7F\x80\xFF", 5);
  auto text = [&] {
    std::string t(random() % 20, 'a');
    for (char& c : t) c = alphabet[random() % alphabet.size()];
    return t;
  };
  for (int i = 0; i < 20000; ++i) expect_agrees(text(), text());
}

}  // namespace
}  // namespace policygraph::support
