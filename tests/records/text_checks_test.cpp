// SPDX-License-Identifier: MIT
#include "records/text_checks.hpp"

#include <gtest/gtest.h>

#include <string>

namespace policygraph::records {
namespace {

// The bad byte is found at its exact offset wherever it sits relative to the eight-byte
// ASCII skip, and valid multi-byte characters at any alignment pass.
TEST(FindInvalidUtf8, ExactOffsetAtEveryAlignment) {
  for (std::size_t prefix = 0; prefix < 20; ++prefix) {
    std::string text(prefix, 'a');
    EXPECT_EQ(find_invalid_utf8(text + "中文é" + std::string(9, 'b')), std::nullopt) << prefix;
    EXPECT_EQ(find_invalid_utf8(text + "\xFF" + std::string(9, 'b')), prefix) << prefix;
    EXPECT_EQ(find_invalid_utf8(text + "é\xC3"), prefix + 2) << prefix;  // a truncated sequence at the end
  }
}

TEST(FindInvalidUtf8, RejectsOverlongSurrogatesAndTooLarge) {
  EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), 0u);                    // overlong '/'
  EXPECT_EQ(find_invalid_utf8("ab\xED\xA0\x80"), 2u);              // a UTF-16 surrogate
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);            // above U+10FFFF
  EXPECT_EQ(find_invalid_utf8("\xF0\x9F\x98\x80"), std::nullopt);  // an emoji
}

TEST(RepairYamlCppEscapes, OnlyLoneBytesOfTheTwoEscapes) {
  EXPECT_EQ(repair_yaml_cpp_escapes("plain"), std::nullopt);
  EXPECT_EQ(repair_yaml_cpp_escapes("a\xA0"
                                    "b\x85"),
            std::string("a\xC2\xA0"
                        "b\xC2\x85"));
  EXPECT_EQ(repair_yaml_cpp_escapes("\xE5\x8A\xA0\xA0"), std::string("\xE5\x8A\xA0\xC2\xA0"));  // 加 then a lone 0xA0
}

}  // namespace
}  // namespace policygraph::records
