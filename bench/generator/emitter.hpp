// SPDX-License-Identifier: MIT
// Emitting records as block YAML, flow YAML or JSON from one sequence of calls.
#pragma once

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace policygraph::generator {

enum class Style { block, flow, json, json_line };

inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

/// Whether `value` can be written as a YAML plain scalar and read back as the same string,
/// by YAML 1.1 (PyYAML) and 1.2 (yaml-cpp) readers alike. Deliberately conservative: anything
/// that might read as a number, date, boolean or null, or hold an indicator, is quoted.
inline bool is_plain_safe(std::string_view value, bool in_flow) {
  if (value.empty()) return false;
  constexpr std::string_view kLeading = "-?:,[]{}#&*!|>'\"%@` +.";
  if (kLeading.find(value.front()) != std::string_view::npos || is_ascii_digit(value.front())) return false;
  if (value.back() == ' ' || value.back() == ':') return false;
  for (char c : value) {
    if (static_cast<unsigned char>(c) < 0x20) return false;
    if (in_flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == ':' || c == '#')) return false;
  }
  if (value.find(": ") != std::string_view::npos || value.find(" #") != std::string_view::npos) return false;
  std::string lower(value);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (std::string_view word : {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"}) {
    if (lower == word) return false;
  }
  return true;
}

/// Whether `value` is a number by JSON's grammar (a bare date is not, and gets quoted).
inline bool is_json_number(std::string_view value) {
  std::size_t i = 0;
  auto digits = [&] {
    const std::size_t from = i;
    while (i < value.size() && is_ascii_digit(value[i])) ++i;
    return i > from;
  };
  if (i < value.size() && value[i] == '-') ++i;
  if (!digits()) return false;
  if (i < value.size() && value[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  return i == value.size();
}

inline void append_double_quoted(std::string& out, std::string_view value, bool json) {
  out += '"';
  for (char c : value) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escape[8];
          std::snprintf(escape, sizeof escape, json ? "\\u%04x" : "\\x%02x", static_cast<unsigned>(c));
          out += escape;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

inline void append_yaml_scalar(std::string& out, std::string_view value, bool in_flow) {
  if (is_plain_safe(value, in_flow)) {
    out += value;
  } else if (value.find('\n') == std::string_view::npos) {
    out += '\'';
    for (char c : value) {
      out += c;
      if (c == '\'') out += '\'';
    }
    out += '\'';
  } else {
    append_double_quoted(out, value, false);
  }
}

/// Writes one value tree, event by event, in one of four styles. Block YAML needs to know
/// whether a collection is empty before it writes its key (`tags: []` versus `tags:` and
/// items), so a collection's header is written lazily, when its first child arrives.
class Emitter {
 public:
  Emitter(std::string& out, Style style) : out_(out), style_(style) {}

  Emitter& key(std::string_view name) {
    key_ = name;
    return *this;
  }
  void begin_map() { begin(false); }
  void begin_list() { begin(true); }
  void end_map() { end(); }
  void end_list() { end(); }

  /// A string scalar, quoted where the style needs it.
  void str(std::string_view value) { scalar(value, ScalarKind::string); }
  /// A number (or any scalar meant to be written bare): unquoted in every style.
  void num(std::string_view value) { scalar(value, ScalarKind::bare); }
  /// Multi-line text: a literal block in block YAML, an escaped string otherwise.
  void text(std::string_view value) { scalar(value, ScalarKind::text); }

  void field(std::string_view name, std::string_view value) { key(name).str(value); }
  void number(std::string_view name, std::string_view value) { key(name).num(value); }
  void list(std::string_view name, std::span<const std::string> items) {
    key(name).begin_list();
    for (const auto& item : items) str(item);
    end_list();
  }

 private:
  enum class ScalarKind { string, bare, text };
  struct Frame {
    bool is_list = false;
    bool opened = false;       // block: header written (or nothing to write)
    std::size_t count = 0;     // children written
    std::string header_key;    // block: the key this collection is the value of
    std::string first_prefix;  // block map: before its first key (may hold the "- " of a list item)
    std::size_t indent = 0;    // block: column of children (map keys, or list dashes)
  };

  bool block() const { return style_ == Style::block; }

  std::string_view map_prefix(const Frame& frame) const {
    return frame.count == 0 ? std::string_view(frame.first_prefix) : spaces(frame.indent);
  }
  static std::string_view spaces(std::size_t n) {
    static const std::string kSpaces(256, ' ');
    return std::string_view(kSpaces).substr(0, n);
  }

  /// Block style: writes the headers of frame i and its unopened ancestors.
  void open(std::size_t i) {
    Frame& frame = frames_[i];
    if (frame.opened) return;
    if (i == 0) {
      frame.opened = true;
      return;
    }
    open(i - 1);
    Frame& parent = frames_[i - 1];
    if (!parent.is_list) {
      out_ += map_prefix(parent);
      out_ += frame.header_key;
      out_ += ":\n";
    }
    ++parent.count;
    frame.opened = true;
  }

  void begin(bool is_list) {
    if (block()) {
      Frame frame;
      frame.is_list = is_list;
      if (frames_.empty()) {
        frame.opened = true;
      } else if (!frames_.back().is_list) {
        frame.header_key = key_;
        frame.indent = frames_.back().indent + 2;
        frame.first_prefix = spaces(frame.indent);
      } else {
        if (is_list) throw std::logic_error("block emitter: a list directly inside a list");
        const std::size_t dash = frames_.back().indent;
        frame.indent = dash + 2;
        frame.first_prefix = std::string(spaces(dash)) + "- ";
      }
      frames_.push_back(std::move(frame));
      return;
    }
    separator();
    out_ += is_list ? '[' : '{';
    Frame frame;
    frame.is_list = is_list;
    frames_.push_back(std::move(frame));
  }

  void end() {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    if (block()) {
      if (frame.opened) return;
      if (frames_.empty()) {
        out_ += frame.is_list ? "[]\n" : "{}\n";
        return;
      }
      const std::size_t parent = frames_.size() - 1;
      open(parent);
      Frame& up = frames_[parent];
      if (up.is_list) {
        out_ += spaces(up.indent);
        out_ += "- {}\n";
      } else {
        out_ += map_prefix(up);
        out_ += frame.header_key;
        out_ += frame.is_list ? ": []\n" : ": {}\n";
      }
      ++up.count;
      return;
    }
    if (style_ == Style::json && frame.count > 0) {
      out_ += '\n';
      out_ += spaces(2 * frames_.size());
    }
    out_ += frame.is_list ? ']' : '}';
    if (frames_.empty() && style_ != Style::json_line) out_ += '\n';
  }

  /// Flow and JSON: the comma, newline and key before a value.
  void separator() {
    if (frames_.empty()) return;
    Frame& frame = frames_.back();
    if (frame.count > 0) out_ += style_ == Style::flow || style_ == Style::json_line ? ", " : ",";
    if (style_ == Style::json) {
      out_ += '\n';
      out_ += spaces(2 * frames_.size());
    }
    if (!frame.is_list) {
      if (style_ == Style::flow) {
        out_ += key_;
      } else {
        append_double_quoted(out_, key_, true);
      }
      out_ += ": ";
    }
    ++frame.count;
  }

  void scalar(std::string_view value, ScalarKind kind) {
    if (block()) {
      const std::size_t i = frames_.size() - 1;
      open(i);
      Frame& frame = frames_[i];
      if (frame.is_list) {
        out_ += spaces(frame.indent);
        out_ += "- ";
      } else {
        out_ += map_prefix(frame);
        out_ += key_;
        out_ += kind == ScalarKind::text ? ": |-\n" : ": ";
      }
      ++frame.count;
      if (kind == ScalarKind::text) {
        const std::size_t indent = frame.indent + 2;
        std::size_t start = 0;
        while (start <= value.size()) {
          std::size_t end = value.find('\n', start);
          if (end == std::string_view::npos) end = value.size();
          if (end > start) {
            out_ += spaces(indent);
            out_ += value.substr(start, end - start);
          }
          out_ += '\n';
          start = end + 1;
        }
        return;
      }
      if (kind == ScalarKind::bare) {
        out_ += value;
      } else {
        append_yaml_scalar(out_, value, false);
      }
      out_ += '\n';
      return;
    }
    separator();
    if (kind == ScalarKind::bare && (style_ == Style::flow || is_json_number(value))) {
      out_ += value;
    } else if (style_ == Style::flow) {
      if (kind == ScalarKind::text) {
        append_double_quoted(out_, value, false);
      } else {
        append_yaml_scalar(out_, value, true);
      }
    } else {
      append_double_quoted(out_, value, true);
    }
  }

  std::string& out_;
  Style style_;
  std::string key_;
  std::vector<Frame> frames_;
};

}  // namespace policygraph::generator
