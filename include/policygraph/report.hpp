// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <vector>

#include "policygraph/date.hpp"
#include "policygraph/graph.hpp"

namespace policygraph {

/// What a report is made from, besides the full graph.
struct ReportOptions {
  /// PageRank on the `policy` view, indexed by policy vertex (empty: no influence shown).
  std::vector<double> pagerank;
  /// "Today" for "in force today" (a parameter, so that a report is reproducible).
  Date today;
  /// Families with more policies than this get no diagram (a table only): a layout of
  /// hundreds of nodes takes Graphviz minutes and reads as a wall.
  std::size_t max_diagram_policies = 150;
  /// Threads that render pages (0: every core).
  unsigned threads = 0;
  /// Processes that lay out the families' diagrams (Graphviz lays out one graph at a time
  /// per process). Above 1, write_report forks children for them: only for a caller that
  /// knows no other thread of the process is running, such as the command line.
  unsigned processes = 1;
  /// Called now and then with the pages done and the pages in all, from any thread but
  /// never from two at once.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

/// What write_report wrote.
struct ReportSummary {
  std::size_t pages = 0;
  std::size_t policies = 0;
  std::size_t families = 0;
  std::size_t diagrams = 0;  ///< families drawn (the others are too large; see max_diagram_policies)
};

/// Writes a self-contained static site about the corpus of `full` into `folder`: opens
/// from the file system, fetches nothing, scripts only for the search box.
///
///   index.html             overview: counts, the most influential policies, what is in
///                          force today, the lineage families, a search box
///   policies.html          every policy; families.html: every family
///   family-<name>.html     a lineage family (a weakly connected component of the lineage
///                          view, named after its oldest policy) with its diagram, clickable
///   policy-<name>.html     a policy: titles in every language, state, dates, timeline,
///                          relations both ways, facilities, clusters, influence rank
///   style.css, search.js, search-index.js
///
/// Every text from records is escaped. The folder is written whole or not at all
/// (write_folder_atomically). Throws ExportError.
ReportSummary write_report(const std::filesystem::path& folder, const Graph& full, const ReportOptions& options);

}  // namespace policygraph
