// SPDX-License-Identifier: MIT
// A record's description as its authors wrote it: CommonMark, rendered by cmark.
#pragma once

#include <string>
#include <string_view>

namespace policygraph::report_detail {

/// `text` (CommonMark: paragraphs, `## headings`, `**bold**`, lists, links) as HTML for a
/// policy page, by cmark, the reference implementation (Debian's libcmark). The record's
/// text stays text: raw HTML in it is left out and links that could run code
/// (`javascript:`) are dropped, as cmark does by default; characters that HTML cannot carry
/// are dropped and invalid UTF-8 becomes U+FFFD, as escape_html does. An image becomes a
/// link to it (a report fetches nothing by itself). Its headings are
/// moved down so that the highest is an <h{top_heading}> (a page's sections are <h2>: a
/// description's `## Overview` must not read as one of them); none goes below <h6>.
std::string markdown_html(std::string_view text, int top_heading);

}  // namespace policygraph::report_detail
