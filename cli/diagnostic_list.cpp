// SPDX-License-Identifier: MIT
#include "diagnostic_list.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <ostream>
#include <string_view>

namespace policygraph::cli {
namespace {

constexpr std::size_t group_above = 5;
constexpr std::size_t shown_of_a_group = 3;

std::string_view kind_of(const std::string& message) { return std::string_view(message).substr(0, message.find('\'')); }

}  // namespace

DiagnosticList list_diagnostics(const Diagnostics& diagnostics, bool verbose) {
  DiagnosticList list;
  std::map<std::string_view, std::size_t> notes_of_kind;
  std::map<std::string_view, const std::string*> first_message_of;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity != Severity::note) continue;
    ++notes_of_kind[kind_of(d.message)];
    first_message_of.emplace(kind_of(d.message), &d.message);
  }
  std::map<std::string_view, std::size_t> seen;
  for (const Diagnostic& d : diagnostics) {
    const bool grouped = !verbose && d.severity == Severity::note && notes_of_kind[kind_of(d.message)] > group_above;
    if (!grouped || ++seen[kind_of(d.message)] <= shown_of_a_group) list.shown.push_back(&d);
  }
  for (const auto& [kind, count] : notes_of_kind) {
    if (verbose || count <= group_above) continue;
    // The kind ends where the first name begins: shown with an ellipsis for the names.
    const bool names_follow = kind.size() < first_message_of[kind]->size();
    list.more.push_back(std::to_string(count - shown_of_a_group) + " more notes like \"" + std::string(kind) +
                        (names_follow ? "'...\"" : "\"") + " are not shown; --verbose lists every one");
  }
  return list;
}

void write_diagnostics_json(std::ostream& out, const Diagnostics& diagnostics) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& d : diagnostics)
    list.push_back({{"file", d.file},
                    {"line", d.line},
                    {"column", d.column},
                    {"severity", std::string(to_string(d.severity))},
                    {"message", d.message}});
  out << nlohmann::ordered_json{{"diagnostics", list}}.dump(2) << '\n';
}

}  // namespace policygraph::cli
