// SPDX-License-Identifier: MIT
#include "policygraph/did_you_mean.hpp"

#include <algorithm>
#include <tuple>
#include <utility>

namespace policygraph {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // One row of the dynamic-programming table at a time.
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::vector<std::string> nearest(std::string_view wrong, const std::vector<std::string>& candidates,
                                 std::size_t limit) {
  std::vector<std::pair<std::size_t, const std::string*>> scored;
  for (const auto& candidate : candidates) {
    std::size_t allowed = std::max<std::size_t>(2, std::max(wrong.size(), candidate.size()) / 3);
    // Length difference is a lower bound on the distance: skip the DP where it cannot pass.
    std::size_t length_gap =
        wrong.size() > candidate.size() ? wrong.size() - candidate.size() : candidate.size() - wrong.size();
    if (length_gap > allowed) continue;
    std::size_t distance = edit_distance(wrong, candidate);
    if (distance <= allowed) scored.emplace_back(distance, &candidate);
  }
  std::sort(scored.begin(), scored.end(),
            [](const auto& a, const auto& b) { return std::tie(a.first, *a.second) < std::tie(b.first, *b.second); });
  std::vector<std::string> result;
  for (std::size_t i = 0; i < scored.size() && i < limit; ++i) result.push_back(*scored[i].second);
  return result;
}

std::string did_you_mean(const std::vector<std::string>& suggestions) {
  if (suggestions.empty()) return {};
  std::string text = "did you mean ";
  for (std::size_t i = 0; i < suggestions.size(); ++i)
    text += (i == 0 ? "'" : i + 1 == suggestions.size() ? "' or '" : "', '") + suggestions[i];
  return text + "'?";
}

std::string did_you_mean(std::string_view wrong, const std::vector<std::string>& candidates, std::size_t limit) {
  return did_you_mean(nearest(wrong, candidates, limit));
}

}  // namespace policygraph
