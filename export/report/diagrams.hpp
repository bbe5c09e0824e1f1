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
/// Graphviz keeps its state in globals, so one process lays out one graph at a time. With
/// options.processes above 1 the drawings are shared among that many processes: this one
/// and children forked for the purpose, each writing its drawings into an anonymous file
/// (memfd) that this process reads once the child has exited. Drawings a child failed to
/// make are made here. Only a caller that knows the process has no other threads running
/// may ask for processes (the command line does); a library caller keeps the default 1.
std::vector<std::string> draw_families(const Site& site);

}  // namespace policygraph::report_detail
