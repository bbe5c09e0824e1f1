// SPDX-License-Identifier: MIT
// What the output streams are attached to, and the few styles the front uses on a terminal.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

namespace policygraph::cli {

struct Terminal {
  bool out_is_terminal = false;
  bool err_is_terminal = false;
  bool colour = false;      ///< on a terminal, and NO_COLOR unset
  std::size_t width = 100;  ///< columns of the terminal; 100 when not a terminal

  /// The process's own stdout/stderr.
  static Terminal detect();
};

/// Whether to colour standard output: on a terminal, unless NO_COLOR is set to anything
/// (no-color.org) or TERM is `dumb`. The values of the environment as given (null: unset).
bool colour_wanted(bool out_is_terminal, const char* no_color, const char* term);

enum class Style { bold, dim, red, yellow, green, cyan };

/// `text` wrapped in the ANSI codes for `style` when colour is on; unchanged otherwise.
std::string styled(const Terminal& terminal, Style style, std::string_view text);

/// Columns that `text` (UTF-8) takes in a terminal: East Asian wide characters and emoji
/// count two.
std::size_t display_width(std::string_view text);

/// `text` cut to at most `columns` display columns, ending in "…" where cut.
std::string truncate_to_width(std::string_view text, std::size_t columns);

}  // namespace policygraph::cli
