// SPDX-License-Identifier: MIT
// "Did you mean": the one helper behind every suggestion for a mistyped name, of the
// library's diagnostics (a misspelt relation key) and of the command line (ids, commands,
// options, formats, countries).
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
/// word, at least 2). O(|candidates| × |wrong| × the longest candidate).
std::vector<std::string> nearest(std::string_view wrong, const std::vector<std::string>& candidates,
                                 std::size_t limit = 5);

/// The suggestions in a question: "did you mean 'a'?", "did you mean 'a' or 'b'?",
/// "did you mean 'a', 'b' or 'c'?"; empty for none.
std::string did_you_mean(const std::vector<std::string>& suggestions);

/// did_you_mean() of the `limit` candidates nearest to `wrong`: empty when none is near.
std::string did_you_mean(std::string_view wrong, const std::vector<std::string>& candidates, std::size_t limit = 1);

}  // namespace policygraph
