// SPDX-License-Identifier: MIT
// The pages of a report, each rendered whole into a string (report.cpp writes them).
#pragma once

#include <string>

#include "report/site.hpp"

namespace policygraph::report_detail {

std::string overview_page(const Site& site);
std::string policies_page(const Site& site);
std::string families_page(const Site& site);
/// The family's page, with `diagram` (inline SVG; empty: none, the family is too large).
std::string family_page(const Site& site, const Family& family, const std::string& diagram);
std::string policy_page(const Site& site, VertexId policy);

/// search-index.js: every described policy's id, titles in every language and page.
std::string search_index_script(const Site& site);
/// style.css and search.js: the same for every report.
std::string_view style_sheet();
std::string_view search_script();

}  // namespace policygraph::report_detail
