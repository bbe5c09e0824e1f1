// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "label_text.hpp"

namespace policygraph::export_detail {
namespace {

TEST(LabelText, WrapsAtASpacePastTheWidth) {
  EXPECT_EQ(wrap_label("Directive establishing a scheme for greenhouse gas", 200, 20),
            "Directive establishing\na scheme for greenhouse\ngas");
}

TEST(LabelText, WrapsChineseByWidthSinceItHasNoSpaces) {
  // 18 ideographs of two columns each: lines of at most 10 of them at width 20.
  const std::string title = "温室气体自愿减排交易管理暂行办法试行";
  EXPECT_EQ(wrap_label(title, 200, 20), "温室气体自愿减排交易\n管理暂行办法试行");
  EXPECT_EQ(display_columns(U'碳'), 2);
  EXPECT_EQ(display_columns(U'a'), 1);
  EXPECT_EQ(display_columns(U'한'), 2);
}

TEST(LabelText, CutsAfterTheLimitAndKeepsNewlines) {
  EXPECT_EQ(wrap_label("abcdef", 3, 30), "abc\xE2\x80\xA6");
  EXPECT_EQ(wrap_label("ab\ncd", 200, 30), "ab\ncd");
  EXPECT_EQ(wrap_label("\xFF\xFE", 200, 30), "\xFF\xFE");  // stray bytes pass through, one each
}

}  // namespace
}  // namespace policygraph::export_detail
