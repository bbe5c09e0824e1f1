// SPDX-License-Identifier: MIT
// Dates as a person types them after --at, --since and --until.
#pragma once

#include <string>

#include "policygraph/date.hpp"

namespace policygraph::cli {

/// The days a typed date names: `today`, a year (`2015`: 1 January to 31 December), a month
/// (`2015-06`) or a day (`2015-06-30`: first = last).
struct TypedDate {
  Date first;
  Date last;
};

/// The forms a typed date may take, for messages: "today, YYYY, YYYY-MM or YYYY-MM-DD".
extern const char* const typed_date_forms;

/// Parses `text`, given after `option`; `today` (any case) is `today`. Anything else (another
/// form, a day that is not in the calendar) throws a usage error (exit 2) that names the
/// option and lists the accepted forms: "--at 'yesterday' is not a date: write today, YYYY,
/// YYYY-MM or YYYY-MM-DD, e.g. --at 2015-06-30".
TypedDate parse_typed_date(const std::string& option, const std::string& text, const Date& today);

}  // namespace policygraph::cli
