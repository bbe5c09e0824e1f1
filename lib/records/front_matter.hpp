// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace policygraph::records {

/// A Markdown file cut at its front matter fences.
struct FrontMatter {
  enum class Status : unsigned char {
    found,     ///< `yaml` holds the text between the fences
    absent,    ///< the first line is not `---`: a plain Markdown page
    unclosed,  ///< the first line is `---` but no later line is
  };
  Status status = Status::absent;
  std::string_view yaml;  ///< without the fence lines
  /// Lines of the file before `yaml` starts (the opening fence: 1). YAML marks count from
  /// the start of `yaml`; this is what turns them into file lines.
  int line_offset = 0;
  std::string_view body;  ///< after the closing fence line
};

/// Splits `text` (BOM already removed) at a first line `---` and the next line `---`.
/// A fence line may end in spaces, tabs, `\r\n` or `\n`.
FrontMatter split_front_matter(std::string_view text);

}  // namespace policygraph::records
