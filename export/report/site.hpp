// SPDX-License-Identifier: MIT
// What the pages of a report share: the lineage families, each policy's page and rank.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "families.hpp"
#include "policygraph/graph.hpp"
#include "policygraph/influence.hpp"
#include "policygraph/report.hpp"

namespace policygraph::report_detail {

/// A lineage family (export_detail::Family) and its page.
struct Family : export_detail::Family {
  std::string file;  ///< family-<oldest id>.html
};

struct Site {
  Site(const Graph& full, const ReportOptions& options);

  const Graph& full;
  const ReportOptions& options;
  Graph lineage;                 ///< the lineage view of `full`
  std::vector<Family> families;  ///< largest first, then by the oldest policy's id
  static constexpr std::uint32_t no_family = UINT32_MAX;
  std::vector<std::uint32_t> family_of;  ///< per policy vertex
  std::vector<std::string> policy_file;  ///< per policy vertex; empty for an unresolved one
  std::vector<std::size_t> rank;         ///< per policy vertex: 1 for the highest PageRank; 0 without one
  std::vector<bool> tied;                ///< per policy vertex: its rank is shared ("=4")
  std::vector<VertexId> by_rank;         ///< policies with a rank, highest first

  /// "4", or "=4" for a shared rank.
  std::string rank_text(VertexId v) const { return policygraph::rank_text(rank[v], tied[v]); }

  /// `<a>` to the policy's page, its title as text (id as title for an unresolved one).
  std::string policy_link(VertexId v) const;
};

/// A policy's date as a table cell: YYYY-MM-DD, or "—".
std::string date_cell(const Graph& graph, VertexId v);

/// A table of policies (date, state, title linked to its page, id), for every list of
/// policies in the report.
void policy_table(std::string& out, const Site& site, const std::vector<VertexId>& policies);

}  // namespace policygraph::report_detail
