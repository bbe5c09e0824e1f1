// SPDX-License-Identifier: MIT
// The families' diagrams of a report, drawn by Graphviz as SVG to put inline in a page.
#pragma once

#include <string>
#include <vector>

#include "report/site.hpp"

namespace policygraph::report_detail {

/// The diagram of each family with no more policies than options.max_diagram_policies (an
/// empty string for the others), in the order of site.families.
///
/// With options.processes above 1 the drawings are shared among that many processes
/// (drawing_processes.hpp): only a caller that knows the process has no other threads
/// running may ask for that (the command line does); a library caller keeps the default 1.
std::vector<std::string> draw_families(const Site& site);

}  // namespace policygraph::report_detail
