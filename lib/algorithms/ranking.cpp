// SPDX-License-Identifier: MIT
// Rankings with visible ties (rank_by_score in influence.hpp). PageRank gives the policies of
// a clique with identical neighbourhoods (every policy of a country, when a facility lists
// them all) the same score up to floating-point noise, and an order decided by that noise is
// no order: such policies share a rank and are listed by id.
#include <algorithm>
#include <cmath>

#include "policygraph/influence.hpp"

namespace policygraph {

std::vector<RankedVertex> rank_by_score(const std::vector<double>& scores, std::vector<VertexId> candidates,
                                        double relative_tolerance) {
  std::sort(candidates.begin(), candidates.end(),
            [&](VertexId a, VertexId b) { return scores[a] != scores[b] ? scores[a] > scores[b] : a < b; });
  std::vector<RankedVertex> ranking;
  ranking.reserve(candidates.size());
  for (std::size_t first = 0; first < candidates.size();) {
    const double top = scores[candidates[first]];
    std::size_t end = first + 1;
    while (end < candidates.size()) {
      const double score = scores[candidates[end]];
      if (std::abs(top - score) > relative_tolerance * std::max(std::abs(top), std::abs(score))) break;
      ++end;
    }
    std::sort(candidates.begin() + static_cast<std::ptrdiff_t>(first),
              candidates.begin() + static_cast<std::ptrdiff_t>(end));
    for (std::size_t i = first; i < end; ++i) ranking.push_back({candidates[i], first + 1, end - first > 1});
    first = end;
  }
  return ranking;
}

}  // namespace policygraph
