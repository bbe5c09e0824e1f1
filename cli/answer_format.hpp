// SPDX-License-Identifier: MIT
// How a query command writes its answer: text for a person, JSON for a script, CSV for a
// spreadsheet. The CSV rows are the JSON's entries, so the two never say different things.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <iosfwd>

#include "options.hpp"

namespace policygraph::cli {

enum class AnswerFormat { text, json, csv };

/// The format asked for: `--format text|json|csv` on the command, else JSON with --json,
/// else text. An unknown --format, or --json beside --format text or csv, is a usage error.
AnswerFormat answer_format(const Invocation& invocation);

/// `rows`, a JSON array of flat objects, as CSV: a header line of every key in the order
/// first seen, then one line per row. Null and a missing key are an empty field, a list is
/// its items joined with ';', a number as JSON writes it; every field is quoted as RFC 4180
/// says (write_csv_field). Lines end with LF.
void write_csv(std::ostream& out, const nlohmann::ordered_json& rows);

}  // namespace policygraph::cli
