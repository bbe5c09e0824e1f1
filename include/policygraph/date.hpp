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

/// The last day of what `text` names: `2020` is 2020-12-31, `2020-02` is 2020-02-29, a day is
/// itself; nullopt where parse_date gives nullopt. For a period's end (`--until 2020`: all
/// of 2020), where parse_date gives its first day.
std::optional<Date> parse_date_last_day(std::string_view text);

}  // namespace policygraph
