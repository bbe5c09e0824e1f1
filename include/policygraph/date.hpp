// SPDX-License-Identifier: MIT
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace policygraph {

/// A calendar day. Policies are dated to the day; a year alone means 1 January.
struct Date {
  int year = 0;
  int month = 1;
  int day = 1;

  auto operator<=>(const Date&) const = default;

  /// YYYY-MM-DD.
  std::string iso() const;
};

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a real calendar day, leap years included).
/// Anything else, surrounding spaces included, is nullopt.
std::optional<Date> parse_date(std::string_view text);

}  // namespace policygraph
