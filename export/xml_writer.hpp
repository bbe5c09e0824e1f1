// SPDX-License-Identifier: MIT
// The one XML writer behind GraphML and GEXF, with the one escaping routine.
#pragma once

#include <initializer_list>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace policygraph::export_detail {

/// `text` made fit for XML 1.0 character data (`in_attribute` false) or a double-quoted
/// attribute value (true): `&`, `<`, `>` and `"` become entities; characters XML 1.0
/// cannot carry (C0 controls but tab, newline and carriage return; U+FFFE, U+FFFF) are
/// dropped, since Gephi rejects them; bytes that are not UTF-8 become U+FFFD. Tab, newline
/// and carriage return survive as character references where a parser would otherwise
/// normalise them away (in attributes all three, in text the carriage return).
std::string escape_xml(std::string_view text, bool in_attribute);
/// Whether XML 1.0 (and so HTML) can carry `byte` where it stands alone: any but the C0
/// controls other than tab, newline and carriage return. Bytes from 0x80 on belong to UTF-8
/// sequences, judged whole by the escaping.
constexpr bool xml_carries(unsigned char byte) { return byte >= 0x20 || byte == '\t' || byte == '\n' || byte == '\r'; }
/// Whether escape_xml leaves anything of `text` (a value of only control characters is
/// written as missing). O(length), no allocation.
bool xml_can_carry(std::string_view text);
/// escape_xml, appended to `out`.
void append_escaped_xml(std::string& out, std::string_view text, bool in_attribute);
/// `text` made fit for HTML text or an attribute quoted either way, by the same rules:
/// `&`, `<`, `>`, `"` and `'` become entities, characters XML cannot carry are dropped
/// and bytes that are not UTF-8 become U+FFFD (record text that is markup stays text).
std::string escape_html(std::string_view text);

/// `text` as an XML NMTOKEN (what GraphML requires of ids), changed as little as possible:
/// ASCII name characters and the letters both XML 1.0 editions agree on (Latin-1, CJK,
/// kana, Hangul) stay; any other character becomes `_xHH_` (its code point in hex), as does
/// an invalid UTF-8 byte. `policy:eu-nzia` stays as it
/// is; `tag:carbon capture` becomes `tag:carbon_x20_capture`. Empty text becomes `_`.
std::string xml_name_token(std::string_view text);
/// Whether xml_name_token leaves `text` as it is. No allocation.
bool is_xml_name_token(std::string_view text);

/// Writes indented XML to a stream: start an element, add attributes, then text or child
/// elements, then end it. An element with neither is written as `<name .../>`; an element
/// with only text stays on one line, so no white space is added to its value.
///
/// Output is gathered in a buffer and written to the stream by the 64 KB: a graph of
/// 100,000 policies is some hundred million small pieces, and one stream insertion each
/// cost more than the escaping. finish() (or the destructor) writes what is left.
///
/// A fragment writer appends to a string instead, as if its elements were children of an
/// element `depth` levels down: the exporters format chunks of nodes and edges that way on
/// several threads (ordered_chunks.hpp), between children_follow() and the parent's end().
///
/// Element names are viewed, not copied: pass names that outlive the element (literals).
class XmlWriter {
 public:
  explicit XmlWriter(std::ostream& out);
  /// A fragment writer appending to `buffer` at indentation `depth`.
  XmlWriter(std::string& buffer, std::size_t depth);
  XmlWriter(const XmlWriter&) = delete;
  XmlWriter& operator=(const XmlWriter&) = delete;
  ~XmlWriter();

  /// `<?xml version="1.0" encoding="UTF-8"?>`
  void declaration();
  XmlWriter& start(std::string_view name);
  XmlWriter& attribute(std::string_view name, std::string_view value);
  XmlWriter& text(std::string_view text);
  XmlWriter& end();
  /// `<name>text</name>` in one call.
  XmlWriter& element(std::string_view name, std::string_view text);
  /// `<name ...>text</name>` for the elements an export writes millions of (GraphML's
  /// `<data>`): `start_tag` is the whole start tag, made once by start_tag(), and no state is
  /// kept for the element. Writes nothing and returns false when `text` escapes to nothing
  /// (xml_can_carry is false: a missing value), so the text is scanned once, not twice.
  bool element_unless_missing(std::string_view start_tag, std::string_view name, std::string_view text);
  /// `<name a="v" ...>` with the values escaped, for element_unless_missing.
  static std::string start_tag(std::string_view name,
                               std::initializer_list<std::pair<std::string_view, std::string_view>> attributes);
  /// Ends every open element and the document, and writes out the buffer.
  void finish();
  /// Writes the buffer to the stream.
  void flush();
  /// Closes the open start tag, marks the innermost element as having children written by
  /// fragment writers at depth `depth()`, and flushes: the fragments go to the stream next.
  void children_follow();
  /// The depth a fragment writer needs for children of the innermost open element.
  std::size_t depth() const { return base_depth_ + open_.size(); }

 private:
  struct Open {
    std::string_view name;
    bool has_children = false;
    bool has_text = false;
  };
  static constexpr std::size_t flush_at = std::size_t{64} * 1024;
  void close_start_tag();
  void indent(std::size_t depth);
  void flush_if_full();

  std::ostream* out_ = nullptr;  ///< null for a fragment writer
  std::string own_buffer_;
  std::string& buffer_;
  std::size_t base_depth_ = 0;
  std::vector<Open> open_;
  bool start_tag_open_ = false;
};

}  // namespace policygraph::export_detail
