// SPDX-License-Identifier: MIT
#include "xml_writer.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace policygraph::export_detail {
namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

/// Length of the well-formed UTF-8 sequence at text[i] and its code point, or 0.
std::size_t utf8_sequence(std::string_view text, std::size_t i, char32_t& code_point) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  std::size_t length = 0;
  char32_t minimum = 0;
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, code_point = lead & 0x1Fu, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, code_point = lead & 0x0Fu, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, code_point = lead & 0x07u, minimum = 0x10000;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (byte(i + k) & 0x3Fu);
  }
  // Overlong forms, surrogates and values beyond Unicode are not UTF-8.
  if (code_point < minimum || (code_point >= 0xD800 && code_point <= 0xDFFF) || code_point > 0x10FFFF) return 0;
  return length;
}

// Name characters of both XML 1.0 editions: libxml2 (xmllint) checks NMTOKENs against the
// fourth edition's tables, which the fifth widened (emoji, for one, are names only in the
// fifth). We keep ASCII name characters and the common letters both editions agree on
// (Latin-1 letters, CJK ideographs, kana, Hangul); everything else is escaped.
bool is_name_char(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  if (c == '.' || c == '-' || c == '_' || c == ':') return true;
  return (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0xFF) ||
         (c >= 0x3041 && c <= 0x3094) || (c >= 0x30A1 && c <= 0x30FA) || (c >= 0x4E00 && c <= 0x9FA5) ||
         (c >= 0xAC00 && c <= 0xD7A3);
}

void append_hex_escape(std::string& out, std::uint32_t value) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string hex;
  do {
    hex.insert(hex.begin(), digits[value & 0xFu]);
    value >>= 4;
  } while (value != 0);
  if (hex.size() % 2 == 1) hex.insert(hex.begin(), '0');
  out += "_x";
  out += hex;
  out += '_';
}

}  // namespace

bool is_xml_name_token(std::string_view text) {
  if (text.empty()) return false;  // it becomes `_`
  for (std::size_t i = 0; i < text.size();) {
    char32_t code_point = 0;
    const std::size_t length = utf8_sequence(text, i, code_point);
    if (length == 0 || !is_name_char(code_point)) return false;
    i += length;
  }
  return true;
}

std::string xml_name_token(std::string_view text) {
  if (is_xml_name_token(text)) return std::string(text);  // most keys
  std::string token;
  for (std::size_t i = 0; i < text.size();) {
    char32_t code_point = 0;
    std::size_t length = utf8_sequence(text, i, code_point);
    if (length == 0) {
      append_hex_escape(token, static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    if (is_name_char(code_point))
      token.append(text.substr(i, length));
    else
      append_hex_escape(token, static_cast<std::uint32_t>(code_point));
    i += length;
  }
  return token.empty() ? std::string("_") : token;
}

bool xml_can_carry(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (xml_carries(c)) {
      if (c < 0x80) return true;
      char32_t code_point = 0;
      std::size_t length = utf8_sequence(text, i, code_point);
      if (length == 0 || (code_point != 0xFFFE && code_point != 0xFFFF)) return true;  // U+FFFD for a bad byte
      i += length;
      continue;
    }
    ++i;  // a C0 control XML cannot carry
  }
  return false;
}

std::string escape_xml(std::string_view text, bool in_attribute) {
  std::string escaped;
  escaped.reserve(text.size() + text.size() / 8);
  append_escaped_xml(escaped, text, in_attribute);
  return escaped;
}

namespace {

/// Where escaped text goes: XML character data, a double-quoted XML attribute, or HTML
/// (text or an attribute quoted either way).
enum class Markup { xml_text, xml_attribute, html };

/// Printable ASCII that escaping copies as it is: all but `&`, `<`, `>`, `"` (and `'` in HTML).
constexpr std::array<bool, 256> plain_bytes(bool html) {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x7F; ++c) plain[static_cast<std::size_t>(c)] = true;
  for (char c : {'&', '<', '>', '"'}) plain[static_cast<unsigned char>(c)] = false;
  if (html) plain['\''] = false;
  return plain;
}
constexpr std::array<bool, 256> plain_in_xml = plain_bytes(false);
constexpr std::array<bool, 256> plain_in_html = plain_bytes(true);

void append_escaped(std::string& escaped, std::string_view text, Markup markup) {
  const bool in_attribute = markup == Markup::xml_attribute;
  const bool html = markup == Markup::html;
  // Most text is printable ASCII with nothing to escape, or well-formed UTF-8 (titles in
  // Chinese): copy such runs whole, and look at a character on its own only where it needs
  // escaping, replacing or dropping. One table lookup a byte finds the ASCII of the runs
  // (the scan is most of an export's formatting time).
  const std::array<bool, 256>& plain = html ? plain_in_html : plain_in_xml;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t run = i;
    while (run < text.size()) {
      const auto byte = static_cast<unsigned char>(text[run]);
      if (plain[byte]) {
        ++run;
        continue;
      }
      char32_t code_point = 0;
      const std::size_t length = byte < 0x80 ? 0 : utf8_sequence(text, run, code_point);
      if (length == 0 || code_point == 0xFFFE || code_point == 0xFFFF) break;
      run += length;
    }
    if (run > i) {
      escaped.append(text.substr(i, run - i));
      i = run;
      continue;
    }
    char32_t code_point = 0;
    std::size_t length = utf8_sequence(text, i, code_point);
    if (length == 0) {
      escaped += replacement_character;
      ++i;
      continue;
    }
    if (length > 1) {
      if (code_point != 0xFFFE && code_point != 0xFFFF) escaped.append(text.substr(i, length));
      i += length;
      continue;
    }
    char c = text[i++];
    switch (c) {
      case '&': escaped += "&amp;"; break;
      case '<': escaped += "&lt;"; break;
      case '>': escaped += "&gt;"; break;
      case '"': escaped += in_attribute || html ? "&quot;" : "\""; break;
      case '\'': escaped += "&#39;"; break;  // only HTML escapes it (see `plain`)
      case '\r': escaped += "&#13;"; break;
      case '\n': escaped += in_attribute ? "&#10;" : "\n"; break;
      case '\t': escaped += in_attribute ? "&#9;" : "\t"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20) escaped += c;  // DEL (0x7F) included: legal XML 1.0
        // Any other C0 control: dropped; XML 1.0 has no way to carry it.
    }
  }
}

}  // namespace

void append_escaped_xml(std::string& escaped, std::string_view text, bool in_attribute) {
  append_escaped(escaped, text, in_attribute ? Markup::xml_attribute : Markup::xml_text);
}

std::string escape_html(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size() + text.size() / 8);
  append_escaped(escaped, text, Markup::html);
  return escaped;
}

XmlWriter::XmlWriter(std::ostream& out) : out_(&out), buffer_(own_buffer_) { buffer_.reserve(flush_at + 4096); }

XmlWriter::XmlWriter(std::string& buffer, std::size_t depth) : buffer_(buffer), base_depth_(depth) {}

XmlWriter::~XmlWriter() {
  try {
    flush();
  } catch (...) {  // a destructor must not throw; the stream's state tells the caller
  }
}

void XmlWriter::flush() {
  if (out_ == nullptr) return;  // a fragment: its owner writes the string
  out_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
}

void XmlWriter::flush_if_full() {
  if (buffer_.size() >= flush_at) flush();
}

void XmlWriter::children_follow() {
  close_start_tag();
  open_.back().has_children = true;
  flush();
}

void XmlWriter::declaration() { buffer_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }

void XmlWriter::close_start_tag() {
  if (start_tag_open_) {
    buffer_ += '>';
    start_tag_open_ = false;
  }
}

void XmlWriter::indent(std::size_t depth) {
  // A newline and the spaces in one append: this runs for every element written.
  static constexpr std::string_view newline_and_spaces =
      "\n                                                                ";
  if (2 * depth < newline_and_spaces.size()) {
    buffer_.append(newline_and_spaces.data(), 1 + 2 * depth);
  } else {
    buffer_ += '\n';
    buffer_.append(2 * depth, ' ');
  }
}

XmlWriter& XmlWriter::start(std::string_view name) {
  close_start_tag();
  flush_if_full();
  if (!open_.empty()) open_.back().has_children = true;
  if (depth() > 0) indent(depth());
  buffer_ += '<';
  buffer_ += name;
  open_.push_back({name});
  start_tag_open_ = true;
  return *this;
}

XmlWriter& XmlWriter::attribute(std::string_view name, std::string_view value) {
  buffer_ += ' ';
  buffer_ += name;
  buffer_ += "=\"";
  append_escaped_xml(buffer_, value, true);
  buffer_ += '"';
  return *this;
}

XmlWriter& XmlWriter::text(std::string_view text) {
  close_start_tag();
  open_.back().has_text = true;
  append_escaped_xml(buffer_, text, false);
  return *this;
}

XmlWriter& XmlWriter::end() {
  const Open element = open_.back();  // a view and two flags
  open_.pop_back();
  if (start_tag_open_) {
    buffer_ += "/>";
    start_tag_open_ = false;
  } else {
    if (element.has_children && !element.has_text) indent(depth());
    buffer_ += "</";
    buffer_ += element.name;
    buffer_ += '>';
  }
  if (depth() == 0) buffer_ += '\n';  // the end of the document
  return *this;
}

XmlWriter& XmlWriter::element(std::string_view name, std::string_view text_value) {
  start(name);
  if (!text_value.empty()) text(text_value);
  return end();
}

bool XmlWriter::element_unless_missing(std::string_view start_tag, std::string_view name, std::string_view text) {
  flush_if_full();
  const std::size_t before = buffer_.size();
  const bool start_tag_was_open = start_tag_open_;
  close_start_tag();
  if (depth() > 0) indent(depth());
  buffer_ += start_tag;
  const std::size_t text_begins = buffer_.size();
  append_escaped_xml(buffer_, text, false);
  if (buffer_.size() == text_begins) {  // as if never called: the parent may still close as `/>`
    buffer_.resize(before);
    start_tag_open_ = start_tag_was_open;
    return false;
  }
  buffer_ += "</";
  buffer_ += name;
  buffer_ += '>';
  if (!open_.empty()) open_.back().has_children = true;
  return true;
}

std::string XmlWriter::start_tag(std::string_view name,
                                 std::initializer_list<std::pair<std::string_view, std::string_view>> attributes) {
  std::string tag = "<";
  tag += name;
  for (const auto& [attribute, value] : attributes) {
    tag += ' ';
    tag += attribute;
    tag += "=\"";
    append_escaped_xml(tag, value, true);
    tag += '"';
  }
  tag += '>';
  return tag;
}

void XmlWriter::finish() {
  while (!open_.empty()) end();
  flush();
}

}  // namespace policygraph::export_detail
