// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace policygraph {

/// Levenshtein distance (insert, delete, substitute a byte), O(|a| × |b|).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidates nearest to `wrong` (at most `limit`), closest first, ties by byte order;
/// only those within a distance that still makes a plausible typo (a third of the longer
/// word, at least 2). The one helper behind every "did you mean".
std::vector<std::string> nearest(std::string_view wrong, const std::vector<std::string>& candidates,
                                 std::size_t limit = 5);

}  // namespace policygraph
