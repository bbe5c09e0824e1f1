// SPDX-License-Identifier: MIT
#include "options.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <utility>

#include "exit_codes.hpp"
#include "policygraph/did_you_mean.hpp"

namespace policygraph::cli {

const std::string& checked_choice(const std::string& option, const std::string& value,
                                  const std::vector<std::string>& choices) {
  if (std::find(choices.begin(), choices.end(), value) != choices.end()) return value;
  const std::string hint = did_you_mean(value, choices);
  std::string list;
  for (const auto& choice : choices) list += (list.empty() ? "" : ", ") + choice;
  throw usage_error(option + ": unknown value '" + value + "'" + (hint.empty() ? "" : "; " + hint) + " (one of " +
                    list + ")");
}

std::optional<std::uint64_t> parse_byte_size(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
  if (digits == 0 || digits > 19) return std::nullopt;
  std::uint64_t number = 0;
  for (char c : text.substr(0, digits)) number = number * 10 + static_cast<std::uint64_t>(c - '0');
  std::string unit;
  for (char c : text.substr(digits)) unit += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::map<std::string, int> shifts{{"", 0},    {"b", 0},    {"k", 10}, {"kb", 10}, {"kib", 10}, {"m", 20},
                                                 {"mb", 20}, {"mib", 20}, {"g", 30}, {"gb", 30}, {"gib", 30}};
  auto shift = shifts.find(unit);
  if (shift == shifts.end()) return std::nullopt;
  if (number > (std::numeric_limits<std::uint64_t>::max() >> shift->second)) return std::nullopt;
  return number << shift->second;
}

std::string format_byte_size(std::uint64_t bytes) {
  for (auto [shift, unit] : {std::pair{30, 'G'}, std::pair{20, 'M'}, std::pair{10, 'K'}}) {
    const std::uint64_t size = std::uint64_t{1} << shift;
    if (bytes >= size && bytes % size == 0) return std::to_string(bytes / size) + unit;
  }
  return std::to_string(bytes);
}

const std::vector<std::string>& choices_of(const std::string& option) {
  static const std::map<std::string, std::vector<std::string>> choices{
      {"--format", {"graphml", "gexf", "dot", "svg", "json", "csv"}},
      {"--view", {"full", "lineage", "policy"}},
      {"--kind", {"policy", "facility", "cluster", "tag"}},
      {"--metrics", {"all", "pagerank", "betweenness", "component", "community", "generation"}},
      {"--by", {"pagerank", "betweenness", "descendants", "facilities"}},
      {"--state", {"in_force", "pending", "proposed", "ended", "unknown"}},
      // The same names on the query commands, where they take other values than on `export`.
      {"query --format", {"text", "json", "csv"}},
      {"query --kind", {"policy", "facility"}},
      {"lineage --kind", {"supersedes", "consolidates", "repeals", "amends", "implements"}},
      {"SHELL", {"bash", "zsh"}},
  };
  static const std::vector<std::string> none;
  auto found = choices.find(option);
  return found == choices.end() ? none : found->second;
}

}  // namespace policygraph::cli
