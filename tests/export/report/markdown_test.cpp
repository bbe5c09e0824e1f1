// SPDX-License-Identifier: MIT
#include "report/markdown.hpp"

#include <gtest/gtest.h>

#include <string>

namespace policygraph::report_detail {
namespace {

bool has(const std::string& html, const std::string& piece) { return html.find(piece) != std::string::npos; }

TEST(Markdown, RendersWhatDescriptionsUse) {
  const std::string html = markdown_html(
      "## Policy Overview\n\nThe levy rises to **CAD 95/t** in 2025.\n\n- Alberta\n- Quebec\n\n"
      "See [the act](https://example.org/act).",
      3);
  EXPECT_TRUE(has(html, "<h3>Policy Overview</h3>")) << html;
  EXPECT_TRUE(has(html, "<strong>CAD 95/t</strong>")) << html;
  EXPECT_TRUE(has(html, "<li>Alberta</li>")) << html;
  EXPECT_TRUE(has(html, "<a href=\"https://example.org/act\">the act</a>")) << html;
  EXPECT_FALSE(has(html, "**")) << html;
}

TEST(Markdown, PlainTextIsAParagraphWithItsMarkupCharactersEscaped) {
  EXPECT_EQ(markdown_html("Costs < benefits & more", 3), "<p>Costs &lt; benefits &amp; more</p>\n");
  EXPECT_EQ(markdown_html("", 3), "");
}

TEST(Markdown, HeadingsMoveBelowThePagesOwnAndStopAtSix) {
  const std::string html = markdown_html("# One\n\n### Three\n\n###### Six", 3);
  EXPECT_TRUE(has(html, "<h3>One</h3>")) << html;
  EXPECT_TRUE(has(html, "<h5>Three</h5>")) << html;
  EXPECT_TRUE(has(html, "<h6>Six</h6>")) << html;
  // Already below: left as written.
  EXPECT_TRUE(has(markdown_html("#### Four", 3), "<h4>Four</h4>"));
}

TEST(Markdown, TheRecordsTextStaysText) {
  const std::string html =
      markdown_html("<script>alert(1)</script>\n\n<b onclick=\"x()\">bold</b> [run](javascript:alert(1))", 3);
  EXPECT_FALSE(has(html, "<script")) << html;
  EXPECT_FALSE(has(html, "onclick")) << html;
  EXPECT_FALSE(has(html, "javascript:")) << html;
  EXPECT_TRUE(has(html, ">run</a>")) << html;
}

TEST(Markdown, AnImageBecomesALinkSoThatThePageFetchesNothing) {
  const std::string html =
      markdown_html("See ![the chart](https://example.org/c.png \"Prices\") and ![![a](b)](c).", 3);
  EXPECT_FALSE(has(html, "<img")) << html;
  EXPECT_TRUE(has(html, "<a href=\"https://example.org/c.png\" title=\"Prices\">the chart</a>")) << html;
  // An image in an image's description: its text, not a link in a link.
  EXPECT_TRUE(has(html, "<a href=\"c\">a</a>")) << html;
}

// Inputs that make naive Markdown parsers slow or deep: each renders, and no image is left.
TEST(Markdown, HostileNestingRenders) {
  std::string nested_images;
  for (int i = 0; i < 50'000; ++i) nested_images += "![";
  nested_images += "a";
  for (int i = 0; i < 50'000; ++i) nested_images += "](b)";
  for (const std::string& text :
       {std::string(200'000, '['), nested_images, std::string(50'000, '>') + " x", std::string(100'000, '`') + "x"}) {
    const std::string html = markdown_html(text, 3);
    EXPECT_FALSE(html.empty());
    EXPECT_FALSE(has(html, "<img"));
  }
}

TEST(Markdown, DropsWhatHtmlCannotCarryAndReplacesBadBytes) {
  const std::string html = markdown_html(
      "a\x01"
      "b\x7F c \xFF d \xE7\xA2\xB3",
      3);
  EXPECT_EQ(html, "<p>ab\x7F c \xEF\xBF\xBD d \xE7\xA2\xB3</p>\n");
}

}  // namespace
}  // namespace policygraph::report_detail
