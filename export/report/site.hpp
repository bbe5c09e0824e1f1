// SPDX-License-Identifier: MIT
// What the pages of a report share: the lineage families, each policy's page and rank.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "policygraph/graph.hpp"
#include "policygraph/report.hpp"

namespace policygraph::report_detail {

/// A lineage family: a weakly connected component of the lineage view with two or more
/// policies, named after its oldest policy (earliest date, undated last, then id).
struct Family {
  VertexId oldest = 0;
  std::vector<VertexId> members;  ///< by date (undated last), then id
  std::string file;               ///< family-<oldest id>.html
};

struct Site {
  Site(const Graph& full, const ReportOptions& options);

  const Graph& full;
  const ReportOptions& options;
  Graph lineage;  ///< the lineage view of `full`
  std::vector<Family> families;  ///< largest first, then by the oldest policy's id
  static constexpr std::uint32_t no_family = UINT32_MAX;
  std::vector<std::uint32_t> family_of;  ///< per policy vertex
  std::vector<std::string> policy_file;  ///< per policy vertex; empty for an unresolved one
  std::vector<std::size_t> rank;         ///< per policy vertex: 1 for the highest PageRank; 0 without one
  std::vector<VertexId> by_rank;         ///< policies with a rank, highest first

  /// `<a>` to the policy's page, its title as text (id as title for an unresolved one).
  std::string policy_link(VertexId v) const;
};

}  // namespace policygraph::report_detail
