// SPDX-License-Identifier: MIT
#include "xml_writer.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace policygraph::export_detail {
namespace {

TEST(EscapeXml, EscapesMarkupAndKeepsUnicode) {
  EXPECT_EQ(escape_xml("a<b>&\"c\"", false), "a&lt;b&gt;&amp;\"c\"");
  EXPECT_EQ(escape_xml("a<b>&\"c\"", true), "a&lt;b&gt;&amp;&quot;c&quot;");
  EXPECT_EQ(escape_xml("\xE7\xA2\xB3 \xF0\x9F\x8C\x8D", true), "\xE7\xA2\xB3 \xF0\x9F\x8C\x8D");
}

TEST(EscapeXml, DropsControlCharactersXmlCannotCarry) {
  EXPECT_EQ(escape_xml(std::string("a\x01"
                                   "b\x1F"
                                   "c\0d",
                                   7),
                       false),
            "abcd");
  EXPECT_EQ(escape_xml("a\xEF\xBF\xBF"
                       "b",
                       false),
            "ab");  // U+FFFF
}

TEST(EscapeXml, KeepsWhiteSpaceThroughParsers) {
  EXPECT_EQ(escape_xml("a\nb\tc\rd", false), "a\nb\tc&#13;d");
  EXPECT_EQ(escape_xml("a\nb\tc\rd", true), "a&#10;b&#9;c&#13;d");
}

TEST(EscapeXml, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(escape_xml("a\xFF"
                       "b",
                       false),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(escape_xml("\xED\xA0\x80", false), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  EXPECT_EQ(escape_xml("\xE7\xA2", false), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // cut short
}

// Runs of ASCII and well-formed multi-byte characters are copied whole; inside them, each
// character that needs a look is escaped, dropped or replaced on its own.
TEST(EscapeXml, MixedTextKeepsEveryCharacterInItsPlace) {
  // 碳 捕 集 (carbon capture) around ASCII, an ampersand, a non-character (dropped), a stray
  // continuation byte (replaced) and a sequence cut short at the end (replaced, byte by byte).
  const std::string text = "\xE7\xA2\xB3 & \xE6\x8D\x95\xEF\xBF\xBE\xE9\x9B\x86\x80<\xC3\xA9\xE7\xA2";
  EXPECT_EQ(escape_xml(text, false),
            "\xE7\xA2\xB3 &amp; \xE6\x8D\x95\xE9\x9B\x86\xEF\xBF\xBD&lt;\xC3\xA9\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(escape_html("\xE7\xA2\xB3'\xE6\x8D\x95\""), "\xE7\xA2\xB3&#39;\xE6\x8D\x95&quot;");
}

// Escaping written the plain way, a character at a time from the rules (RFC 3629's
// well-formed UTF-8; XML 1.0's characters), to hold the fast one to.
std::string escaped_slowly(const std::string& text, bool attribute, bool html) {
  std::string out;
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = byte(i);
    if (c < 0x80) {
      ++i;
      if (c == '&')
        out += "&amp;";
      else if (c == '<')
        out += "&lt;";
      else if (c == '>')
        out += "&gt;";
      else if (c == '"')
        out += attribute || html ? "&quot;" : "\"";
      else if (c == '\'' && html)
        out += "&#39;";
      else if (c == '\r')
        out += "&#13;";
      else if (c == '\n')
        out += attribute ? "&#10;" : "\n";
      else if (c == '\t')
        out += attribute ? "&#9;" : "\t";
      else if (c >= 0x20)
        out += static_cast<char>(c);
      continue;
    }
    const std::size_t length = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    bool well_formed = length > 0 && i + length <= text.size();
    std::uint32_t code_point = c & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; well_formed && k < length; ++k) {
      well_formed = (byte(i + k) & 0xC0) == 0x80;
      code_point = (code_point << 6) | (byte(i + k) & 0x3F);
    }
    const std::uint32_t least = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    well_formed =
        well_formed && code_point >= least && !(code_point >= 0xD800 && code_point <= 0xDFFF) && code_point <= 0x10FFFF;
    if (!well_formed) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (code_point != 0xFFFE && code_point != 0xFFFF) out += text.substr(i, length);
    i += length;
  }
  return out;
}

// Long runs of plain ASCII (read eight bytes at a time) broken at every offset by each kind
// of byte that needs a look, and text in Chinese, in every markup.
TEST(EscapeXml, AgreesWithEscapingACharacterAtATime) {
  const std::vector<std::string> pieces = {"a",
                                           "Carbon capture ",
                                           "0123456789abcdef",
                                           "&",
                                           "<",
                                           ">",
                                           "\"",
                                           "'",
                                           "\n",
                                           "\t",
                                           "\r",
                                           "\x01",
                                           "\x7F",
                                           "\x80",
                                           "\xFF",
                                           "\xC3\xA9",
                                           "\xE7\xA2\xB3",
                                           "\xF0\x9F\x8C\x8D",
                                           "\xEF\xBF\xBE",
                                           "\xED\xA0\x80",
                                           "\xE7\xA2",
                                           " ",
                                           "~"};
  std::mt19937 random(17);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int count = static_cast<int>(random() % 24);
    for (int k = 0; k < count; ++k) text += pieces[random() % pieces.size()];
    ASSERT_EQ(escape_xml(text, false), escaped_slowly(text, false, false)) << testing::PrintToString(text);
    ASSERT_EQ(escape_xml(text, true), escaped_slowly(text, true, false)) << testing::PrintToString(text);
    ASSERT_EQ(escape_html(text), escaped_slowly(text, false, true)) << testing::PrintToString(text);
  }
}

TEST(XmlCanCarry, AgreesWithEscapeXml) {
  const std::string samples[] = {"",
                                 "a",
                                 std::string("\x01\x02\0", 3),
                                 "\xEF\xBF\xBF",
                                 "\xEF\xBF\xBE\x01",
                                 "\xFF",
                                 "\n",
                                 "\x7F",
                                 "\xE7\xA2\xB3",
                                 std::string("\x1F\xEF\xBF\xBF"
                                             "x",
                                             5)};
  for (const std::string& text : samples) {
    EXPECT_EQ(xml_can_carry(text), !escape_xml(text, false).empty()) << text;
    EXPECT_EQ(xml_can_carry(text), !escape_xml(text, true).empty()) << text;
  }
}

TEST(XmlWriter, WritesWhatIsLeftOnFinishAcrossFlushes) {
  std::ostringstream out;
  XmlWriter xml(out);
  xml.start("list");
  const std::string value(1000, 'v');
  for (int i = 0; i < 200; ++i) xml.start("item").text(value).end();  // 200 KB: several flushes
  xml.finish();
  const std::string written = out.str();
  EXPECT_EQ(written.size(),
            std::string("<list>\n</list>\n").size() + 200 * (std::string("  <item></item>\n").size() + 1000));
  EXPECT_EQ(written.substr(written.size() - 8), "</list>\n");
}

TEST(XmlNameToken, KeepsNameCharactersAndEscapesTheRest) {
  EXPECT_EQ(xml_name_token("policy:eu-nzia_2.0"), "policy:eu-nzia_2.0");
  EXPECT_EQ(xml_name_token("tag:carbon capture"), "tag:carbon_x20_capture");
  EXPECT_EQ(xml_name_token("title@zh"), "title_x40_zh");
  EXPECT_EQ(xml_name_token("\xE7\xA2\xB3"), "\xE7\xA2\xB3");
  EXPECT_EQ(xml_name_token(""), "_");
}

TEST(XmlWriter, IndentsElementsAndKeepsTextOnItsLine) {
  std::ostringstream out;
  XmlWriter xml(out);
  xml.declaration();
  xml.start("a").attribute("x", "1<2");
  xml.start("b").text("t\nu").end();
  xml.start("c").end();
  xml.finish();
  EXPECT_EQ(out.str(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<a x=\"1&lt;2\">\n"
            "  <b>t\nu</b>\n"
            "  <c/>\n"
            "</a>\n");
}

TEST(XmlWriter, ElementUnlessMissingWritesWhatStartEndWouldAndSkipsMissingValues) {
  const std::string values[] = {"plain", "a & b < c", "\xE7\xA2\xB3", "\x01\x02", "", "\xEF\xBF\xBF", "x\x01y"};
  std::ostringstream general_out;
  std::ostringstream prepared_out;
  XmlWriter general(general_out);
  XmlWriter prepared(prepared_out);
  general.start("node");
  prepared.start("node");
  const std::string tag = XmlWriter::start_tag("data", {{"key", "a\"b"}});
  EXPECT_EQ(tag, "<data key=\"a&quot;b\">");
  for (const std::string& value : values) {
    const bool carried = xml_can_carry(value);
    if (carried) general.start("data").attribute("key", "a\"b").text(value).end();
    EXPECT_EQ(prepared.element_unless_missing(tag, "data", value), carried) << value;
  }
  general.finish();
  prepared.finish();
  EXPECT_EQ(prepared_out.str(), general_out.str());
  // Only missing values: the element has no children and closes itself, as before.
  std::ostringstream empty_out;
  XmlWriter empty(empty_out);
  empty.start("node");
  EXPECT_FALSE(empty.element_unless_missing(tag, "data", "\x01"));
  empty.finish();
  EXPECT_EQ(empty_out.str(), "<node/>\n");
}

TEST(XmlNameToken, CopiesAsciiNameKeysAndEscapesByteAboveAscii) {
  EXPECT_EQ(xml_name_token("policy:a.b-c_1"), "policy:a.b-c_1");
  EXPECT_EQ(xml_name_token("a\xC3"), "a_xC3_");                         // a lone lead byte: not a name character
  EXPECT_EQ(xml_name_token("\xC3\xA9t\xC3\xA9"), "\xC3\xA9t\xC3\xA9");  // Latin-1 letters stay
}

TEST(XmlNameToken, IsXmlNameTokenSaysWhetherTheTokenIsTheTextItself) {
  EXPECT_TRUE(is_xml_name_token("policy:eu-nzia_2.0"));
  EXPECT_TRUE(is_xml_name_token("\xC3\xA9t\xC3\xA9"));
  EXPECT_TRUE(is_xml_name_token("policy:\xE7\xA2\xB3"));
  EXPECT_FALSE(is_xml_name_token("tag:carbon capture"));
  EXPECT_FALSE(is_xml_name_token(""));
  EXPECT_FALSE(is_xml_name_token("a\xC3"));
  EXPECT_FALSE(is_xml_name_token("policy:\xF0\x9F\x98\x80"));  // an emoji: a name only in the fifth edition
  // Against the token itself, on texts made of name characters and a few that are not.
  const std::vector<std::string> pieces = {
      "a", "Z", "0", ".", "-", "_", ":", " ", "@", "\xC3\xA9", "\xE7\xA2\xB3", "\xC3", "\xE2\x82\xAC", "\x01"};
  std::mt19937 random(23);
  for (int i = 0; i < 2000; ++i) {
    std::string text;
    const int count = static_cast<int>(random() % 8);
    for (int k = 0; k < count; ++k) text += pieces[random() % (random() % 4 == 0 ? pieces.size() : 9)];
    EXPECT_EQ(is_xml_name_token(text), xml_name_token(text) == text) << text;
  }
}

}  // namespace
}  // namespace policygraph::export_detail
