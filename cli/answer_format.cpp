// SPDX-License-Identifier: MIT
#include "answer_format.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "exit_codes.hpp"
#include "policygraph/export.hpp"

namespace policygraph::cli {
namespace {

std::string field_text(const nlohmann::ordered_json& value) {
  if (value.is_null()) return {};
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array()) {
    std::string joined;
    for (const auto& item : value) joined += (joined.empty() ? "" : ";") + field_text(item);
    return joined;
  }
  return value.dump();
}

}  // namespace

AnswerFormat answer_format(const Invocation& invocation) {
  const std::string& format = invocation.query.format;
  if (format.empty()) return invocation.global.json ? AnswerFormat::json : AnswerFormat::text;
  checked_choice("--format", format, choices_of("query --format"));
  if (invocation.global.json && format != "json")
    throw usage_error("--json and --format " + format + " ask for two formats: give one");
  if (format == "json") return AnswerFormat::json;
  return format == "csv" ? AnswerFormat::csv : AnswerFormat::text;
}

void write_csv(std::ostream& out, const nlohmann::ordered_json& rows) {
  std::vector<std::string> columns;
  for (const auto& row : rows)
    for (const auto& [key, value] : row.items())
      if (std::find(columns.begin(), columns.end(), key) == columns.end()) columns.push_back(key);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (c > 0) out << ',';
    write_csv_field(out, columns[c]);
  }
  out << '\n';
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (c > 0) out << ',';
      if (row.contains(columns[c])) write_csv_field(out, field_text(row[columns[c]]));
    }
    out << '\n';
  }
}

}  // namespace policygraph::cli
