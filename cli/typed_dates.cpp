// SPDX-License-Identifier: MIT
#include "typed_dates.hpp"

#include "exit_codes.hpp"
#include "lookup.hpp"

namespace policygraph::cli {

const char* const typed_date_forms = "today, YYYY, YYYY-MM or YYYY-MM-DD";

TypedDate parse_typed_date(const std::string& option, const std::string& text, const Date& today) {
  if (lower_ascii(text) == "today") return {today, today};
  const auto first = parse_date(text);
  const auto last = parse_date_last_day(text);
  if (!first || !last)
    throw usage_error(option + " '" + text + "' is not a date: write " + typed_date_forms + ", e.g. " + option +
                      " 2015-06-30");
  return {*first, *last};
}

}  // namespace policygraph::cli
