// SPDX-License-Identifier: MIT
#include "options.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <utility>

#include "exit_codes.hpp"
#include "support/edit_distance.hpp"

namespace policygraph::cli {

const std::string& checked_choice(const std::string& option, const std::string& value,
                                  const std::vector<std::string>& choices) {
  if (std::find(choices.begin(), choices.end(), value) != choices.end()) return value;
  auto near = nearest(value, choices, 1);
  std::string list;
  for (const auto& choice : choices) list += (list.empty() ? "" : ", ") + choice;
  throw usage_error(option + ": unknown value '" + value + "'" +
                    (near.empty() ? "" : "; did you mean '" + near[0] + "'?") + " (one of " + list + ")");
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

const std::vector<CommandInfo>& command_catalogue() {
  static const std::vector<CommandInfo> catalogue{
      {"validate",
       "List every problem in the corpus; exit 1 if any is an error",
       {"policygraph validate -C seeds", "policygraph validate -C seeds --json | jq '.diagnostics | length'"}},
      {"stats",
       "Count records, nodes, edges and unresolved references",
       {"policygraph stats -C seeds", "policygraph stats -C seeds --json",
        "policygraph stats -C seeds --country China"}},
      {"replaced-by",
       "What replaced or repealed a policy, or that it stands as amended, and what stands today",
       {"policygraph replaced-by eu-ets-directive-2003 -C seeds",
        "policygraph replaced-by ab-sger-2007 -C seeds --json"}},
      {"history",
       "A policy's timeline: publication, entry into force, amendments, repeal, milestones, expiry",
       {"policygraph history eu-ets-directive-2003 -C seeds", "policygraph history us-45q-eiea-2008 -C seeds --json"}},
      {"lineage",
       "Every ancestor and descendant of a policy, with generations and dates",
       {"policygraph lineage eu-ets-phase3-directive-2009 -C seeds",
        "policygraph lineage us-45q-eiea-2008 -C seeds --json",
        "policygraph lineage eu-ets-directive-2003 -C seeds --kind amends --format csv"}},
      {"in-force",
       "The policies in force on a date, each with the amendments in effect then",
       {"policygraph in-force --at 2015-06-30 -C seeds", "policygraph in-force --at 2024 -C seeds --json",
        "policygraph in-force -C seeds --country norway --format csv"}},
      {"influence",
       "Rank policies by PageRank (or betweenness, descendants, facilities); explain a rank",
       {"policygraph influence -C seeds --top 10", "policygraph influence -C seeds --tag-weight 2 --json",
        "policygraph influence -C seeds --explain eu-ets-directive-2003",
        "policygraph influence -C seeds --by descendants --since 2005 --until 2015",
        "policygraph influence -C big-corpus --sample 500"}},
      {"clusters",
       "Declared clusters, connected components and Louvain communities",
       {"policygraph clusters -C seeds", "policygraph clusters -C seeds --seed 7 --json",
        "policygraph clusters -C seeds --kind policy --format csv"}},
      {"export",
       "Write the graph for Gephi, Graphviz, NetworkX, Neo4j or a spreadsheet",
       {"policygraph export -C seeds --format svg --view lineage -o out/lineage.svg",
        "policygraph export -C seeds --format gexf --dynamic --metrics -o out/policies.gexf",
        "policygraph export -C seeds --format csv --view full -o out/neo4j"}},
      {"report",
       "Write a static site about the corpus (overview, families, a page per policy) to open and send on",
       {"policygraph report -C seeds -o out/report", "policygraph report -C big-corpus -o /tmp/report --json"}},
      {"help", "Show the help of a command", {"policygraph help export"}},
      {"completion", "Print a shell completion script (bash or zsh)", {"source <(policygraph completion bash)"}, true},
      {"manpage", "Print the man page (roff)", {}, true},
      {"ids", "Print the policy ids of the corpus, one a line (for completion)", {}, true},
  };
  return catalogue;
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
