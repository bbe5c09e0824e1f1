// SPDX-License-Identifier: MIT
// The HTML pieces every page of a report shares: escaping, the page frame, file names.
#pragma once

#include <string>
#include <string_view>

#include "policygraph/record.hpp"
#include "xml_writer.hpp"

namespace policygraph::report_detail {

using export_detail::escape_html;  // xml_writer.hpp: one escaping routine for XML and HTML

/// A file name for a page about `id`, unique for distinct ids and safe on every file system:
/// `<prefix><id>.html` for an id of lower-case ASCII letters, digits, '.', '_' and '-'; else a
/// readable slug of it and a hash of the whole id (so that `A` and `a`, or `x/y` and `x-y`,
/// never share a file, even on a case-insensitive file system).
std::string page_file(std::string_view prefix, std::string_view id);

/// How a page is styled: a page of the report (its style sheet and navigation bar), or a
/// page that stands alone (a few rules of its own, no navigation).
enum class PageKind : unsigned char { report, standalone };

/// Opens a page: doctype, head with `title`, its style, the report's navigation bar and
/// an <h1> of `heading` (escaped here).
void open_page(std::string& out, std::string_view title, std::string_view heading, PageKind kind = PageKind::report);
/// Closes a page; `scripts` are the script files it loads at the end of the body.
void close_page(std::string& out, std::string_view scripts = {});

/// The state as a coloured badge: "in force", "pending", "proposed", "ended", "unknown".
std::string state_badge(LegalState state);

/// `<a href="file">text</a>`, text escaped; plain escaped text when `file` is empty.
std::string link(std::string_view file, std::string_view text);

}  // namespace policygraph::report_detail
