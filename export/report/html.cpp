// SPDX-License-Identifier: MIT
#include "report/html.hpp"

#include <cstdint>

namespace policygraph::report_detail {
namespace {

// FNV-1a, 64 bits: stable across builds and platforms, so page names are too.
std::uint64_t stable_hash(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

bool is_plain(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'; }

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string page_file(std::string_view prefix, std::string_view id) {
  bool plain = !id.empty() && id.size() <= 100 && id.front() != '.';
  for (char c : id) plain = plain && is_plain(c);
  if (plain) return std::string(prefix) + std::string(id) + ".html";
  std::string slug;
  for (char c : id) {
    if (slug.size() >= 60) break;
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    slug += is_plain(lower) ? lower : '-';
  }
  static constexpr char digits[] = "0123456789abcdef";
  std::string hash(16, '0');
  std::uint64_t value = stable_hash(id);
  for (int i = 15; i >= 0; --i, value >>= 4) hash[static_cast<std::size_t>(i)] = digits[value & 0xF];
  return std::string(prefix) + slug + "-" + hash + ".html";
}

void open_page(std::string& out, std::string_view title, std::string_view heading) {
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  out += escape_html(title);
  out += " · policygraph report</title>\n<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n<body>\n"
         "<nav><a href=\"index.html\">Overview</a> <a href=\"policies.html\">Policies</a> "
         "<a href=\"families.html\">Families</a></nav>\n<main>\n<h1>";
  out += escape_html(heading);
  out += "</h1>\n";
}

void close_page(std::string& out, std::string_view scripts) {
  out += "</main>\n<footer>Made by policygraph from the records of the corpus.</footer>\n";
  out += scripts;
  out += "</body>\n</html>\n";
}

std::string state_badge(LegalState state) {
  std::string text(to_string(state));
  for (char& c : text)
    if (c == '_') c = ' ';
  return "<span class=\"state " + std::string(to_string(state)) + "\">" + text + "</span>";
}

std::string link(std::string_view file, std::string_view text) {
  if (file.empty()) return escape_html(text);
  return "<a href=\"" + escape_html(file) + "\">" + escape_html(text) + "</a>";
}

}  // namespace policygraph::report_detail
