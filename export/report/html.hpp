// SPDX-License-Identifier: MIT
// The HTML pieces every page of a report shares: escaping, the page frame, file names.
#pragma once

#include <string>
#include <string_view>

#include "policygraph/record.hpp"

namespace policygraph::report_detail {

/// `text` with & < > " ' escaped: record text (a title that is markup) stays text.
std::string escape_html(std::string_view text);

/// A file name for a page about `id`, unique for distinct ids and safe on every file system:
/// `<prefix><id>.html` for an id of lower-case ASCII letters, digits, '.', '_' and '-'; else a
/// readable slug of it and a hash of the whole id (so that `A` and `a`, or `x/y` and `x-y`,
/// never share a file, even on a case-insensitive file system).
std::string page_file(std::string_view prefix, std::string_view id);

/// Opens a page: doctype, head with `title`, the stylesheet, the site's navigation bar and
/// an <h1> of `heading` (escaped here).
void open_page(std::string& out, std::string_view title, std::string_view heading);
/// Closes a page; `scripts` are the script files it loads at the end of the body.
void close_page(std::string& out, std::string_view scripts = {});

/// The state as a coloured badge: "in force", "pending", "proposed", "ended", "unknown".
std::string state_badge(LegalState state);

/// `<a href="file">text</a>`, text escaped; plain escaped text when `file` is empty.
std::string link(std::string_view file, std::string_view text);

}  // namespace policygraph::report_detail
