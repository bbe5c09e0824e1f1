// SPDX-License-Identifier: MIT
#include "time_axis.hpp"

#include <map>
#include <utility>

namespace policygraph::export_detail {
namespace {

// The year of the nearest dated policy reached from `start` along `edges` (either way),
// and whether `start` is the older end of the first edge on the way; nullopt when none.
struct Relative {
  int year = 0;
  bool start_is_older = true;
};

std::optional<Relative> nearest_dated(const Graph& graph, VertexId start,
                                      const std::multimap<VertexId, std::pair<VertexId, bool>>& links) {
  std::map<VertexId, bool> seen{{start, true}};  // vertex -> start is older on the first edge
  std::vector<VertexId> frontier{start};
  while (!frontier.empty()) {
    std::vector<VertexId> next;
    std::optional<Relative> best;
    for (VertexId v : frontier) {
      auto [begin, end] = links.equal_range(v);
      for (auto it = begin; it != end; ++it) {
        const auto [other, v_is_older] = it->second;
        if (seen.contains(other)) continue;
        const bool older = v == start ? v_is_older : seen[v];
        seen[other] = older;
        if (const auto& date = graph.node(other).date) {
          if (!best || date->year < best->year) best = Relative{date->year, older};
        } else {
          next.push_back(other);
        }
      }
    }
    if (best) return best;  // the nearest by edges; among those, the earliest year
    frontier = std::move(next);
  }
  return std::nullopt;
}

}  // namespace

std::vector<AxisColumn> time_axis(const Graph& graph, const Selection& selection, const std::vector<EdgeId>& edges) {
  std::map<int, std::vector<VertexId>> years;
  std::vector<VertexId> undated;
  for (VertexId v : graph.policies()) {
    if (!selection.contains(v)) continue;
    if (const auto& date = graph.node(v).date)
      years[date->year].push_back(v);
    else
      undated.push_back(v);
  }
  // Lineage links between drawn policies, both ways: v -> (other, v is the older act).
  std::multimap<VertexId, std::pair<VertexId, bool>> links;
  for (EdgeId e : edges) {
    const Edge& edge = graph.edge(e);
    if (!is_lineage(edge.kind) || edge.source >= graph.policy_count() || edge.target >= graph.policy_count()) continue;
    links.emplace(edge.target, std::pair{edge.source, true});  // the target is the older act
    links.emplace(edge.source, std::pair{edge.target, false});
  }
  std::map<int, std::vector<VertexId>> before, after;  // undated lanes by the year they stand beside
  std::vector<VertexId> orphans;
  for (VertexId v : undated) {
    if (auto relative = nearest_dated(graph, v, links))
      (relative->start_is_older ? before : after)[relative->year].push_back(v);
    else
      orphans.push_back(v);
  }

  std::vector<AxisColumn> axis;
  auto lane = [&](std::string key, std::vector<VertexId> members, const std::string& beside) {
    axis.push_back({AxisColumn::Type::undated, std::move(key), "date unknown",
                    "policies without a date" + beside + " (no record gives one)", std::move(members)});
  };
  if (!orphans.empty()) lane("undated:first", std::move(orphans), "");
  std::optional<int> previous;
  for (auto& [year, members] : years) {
    const std::string y = std::to_string(year);
    if (previous && year - *previous >= axis_gap_years)
      axis.push_back({AxisColumn::Type::gap,
                      "gap:" + std::to_string(*previous) + "-" + y,
                      "\xE2\x8B\xAF",
                      "no policy from " + std::to_string(*previous + 1) + " to " + std::to_string(year - 1),
                      {}});
    if (auto found = before.find(year); found != before.end())
      lane("undated:" + y + ":before", std::move(found->second), ", older than their relatives of " + y);
    axis.push_back({AxisColumn::Type::year, "year:" + y, y, "", std::move(members)});
    if (auto found = after.find(year); found != after.end())
      lane("undated:" + y + ":after", std::move(found->second), ", newer than their relatives of " + y);
    previous = year;
  }
  return axis;
}

}  // namespace policygraph::export_detail
