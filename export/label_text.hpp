// SPDX-License-Identifier: MIT
// Titles as a diagram's node shows them: cut and wrapped by display width.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace policygraph::export_detail {

/// How many columns a code point takes: 2 for East Asian wide and full-width characters
/// (CJK ideographs, kana, hangul, full-width forms), 1 otherwise.
int display_columns(char32_t code_point);

/// `text` cut after `limit` code points (with an ellipsis) and wrapped into lines of about
/// `width` columns: at a space past `width`, or before a wide character that would pass it,
/// since Chinese and Japanese titles have no spaces to break at. Existing newlines stay.
std::string wrap_label(std::string_view text, std::size_t limit = 200, std::size_t width = 30);

}  // namespace policygraph::export_detail
