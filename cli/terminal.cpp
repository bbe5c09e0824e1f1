// SPDX-License-Identifier: MIT
#include "terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>

namespace policygraph::cli {
namespace {

// Decodes one UTF-8 sequence at text[i]; returns the code point and advances i. Invalid
// bytes count as one column each, so a broken title still prints.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  auto byte = static_cast<unsigned char>(text[i]);
  std::size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 1;
  if (i + length > text.size()) length = 1;
  char32_t code = length == 1 ? byte : byte & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  i += length;
  return code;
}

bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool is_zero_width(char32_t c) { return (c >= 0x0300 && c <= 0x036F) || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F); }

std::size_t columns_of(char32_t c) { return is_zero_width(c) ? 0 : is_wide(c) ? 2 : 1; }

}  // namespace

bool colour_wanted(bool out_is_terminal, const char* no_color, const char* term) {
  const bool dumb = term != nullptr && std::string_view(term) == "dumb";  // Emacs's shell, some CI logs
  return out_is_terminal && (no_color == nullptr || *no_color == '\0') && !dumb;
}

Terminal Terminal::detect() {
  Terminal terminal;
  terminal.out_is_terminal = isatty(STDOUT_FILENO) != 0;
  terminal.err_is_terminal = isatty(STDERR_FILENO) != 0;
  terminal.colour = colour_wanted(terminal.out_is_terminal, std::getenv("NO_COLOR"), std::getenv("TERM"));
  winsize size{};
  if (terminal.out_is_terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 20)
    terminal.width = size.ws_col;
  return terminal;
}

std::string styled(const Terminal& terminal, Style style, std::string_view text) {
  if (!terminal.colour) return std::string(text);
  const char* code = "";
  switch (style) {
    case Style::bold: code = "\x1b[1m"; break;
    case Style::dim: code = "\x1b[2m"; break;
    case Style::red: code = "\x1b[31m"; break;
    case Style::yellow: code = "\x1b[33m"; break;
    case Style::green: code = "\x1b[32m"; break;
    case Style::cyan: code = "\x1b[36m"; break;
  }
  return code + std::string(text) + "\x1b[0m";
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) width += columns_of(next_code_point(text, i));
  return width;
}

std::string truncate_to_width(std::string_view text, std::size_t columns) {
  if (display_width(text) <= columns) return std::string(text);
  if (columns == 0) return {};
  std::size_t used = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    std::size_t width = columns_of(next_code_point(text, i));
    if (used + width > columns - 1) {  // keep one column for the ellipsis
      i = start;
      break;
    }
    used += width;
  }
  return std::string(text.substr(0, i)) + "…";
}

}  // namespace policygraph::cli
