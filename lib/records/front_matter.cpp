// SPDX-License-Identifier: MIT
#include "front_matter.hpp"

namespace policygraph::records {
namespace {

// Whether `line` (without its '\n') is a fence: `---` then only spaces, tabs or a '\r'.
bool is_fence(std::string_view line) {
  if (line.substr(0, 3) != "---") return false;
  for (char c : line.substr(3))
    if (c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}

}  // namespace

FrontMatter split_front_matter(std::string_view text) {
  FrontMatter result;
  auto first_end = text.find('\n');
  if (!is_fence(text.substr(0, first_end))) return result;
  result.status = FrontMatter::Status::unclosed;
  if (first_end == std::string_view::npos) return result;
  std::size_t yaml_start = first_end + 1;
  std::size_t line_start = yaml_start;
  while (line_start < text.size()) {
    auto line_end = text.find('\n', line_start);
    std::string_view line =
        text.substr(line_start, line_end == std::string_view::npos ? std::string_view::npos : line_end - line_start);
    if (is_fence(line)) {
      result.status = FrontMatter::Status::found;
      result.yaml = text.substr(yaml_start, line_start - yaml_start);
      result.line_offset = 1;
      result.body = line_end == std::string_view::npos ? std::string_view{} : text.substr(line_end + 1);
      return result;
    }
    if (line_end == std::string_view::npos) break;
    line_start = line_end + 1;
  }
  return result;
}

}  // namespace policygraph::records
