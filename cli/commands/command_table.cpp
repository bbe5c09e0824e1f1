// SPDX-License-Identifier: MIT
#include <algorithm>
#include <string>

#include "commands.hpp"

namespace policygraph::cli {

const std::vector<Command>& command_table() {
  static const std::vector<Command> table{
      {"validate",
       "List every problem in the corpus; exit 1 if any is an error",
       {"policygraph validate -C seeds", "policygraph validate -C seeds --json | jq '.diagnostics | length'"},
       run_validate},
      {"stats",
       "Count records, nodes, edges and unresolved references",
       {"policygraph stats -C seeds", "policygraph stats -C seeds --json",
        "policygraph stats -C seeds --country China"},
       run_stats},
      {"replaced-by",
       "What replaced or repealed a policy, or that it stands as amended, and what stands today",
       {"policygraph replaced-by eu-ets-directive-2003 -C seeds",
        "policygraph replaced-by ab-sger-2007 -C seeds --json"},
       run_replaced_by},
      {"lineage",
       "Every ancestor and descendant of a policy, with generations and dates",
       {"policygraph lineage eu-ets-phase3-directive-2009 -C seeds",
        "policygraph lineage us-45q-eiea-2008 -C seeds --json",
        "policygraph lineage eu-ets-directive-2003 -C seeds --kind amends --format csv"},
       run_lineage},
      {"history",
       "A policy's timeline: publication, entry into force, amendments, repeal, milestones, expiry",
       {"policygraph history eu-ets-directive-2003 -C seeds", "policygraph history us-45q-eiea-2008 -C seeds --json"},
       run_history},
      {"in-force",
       "The policies in force on a date, each with the amendments in effect then",
       {"policygraph in-force --at 2015-06-30 -C seeds", "policygraph in-force --at 2024 -C seeds --json",
        "policygraph in-force -C seeds --country norway --format csv"},
       run_in_force},
      {"influence",
       "Rank policies by PageRank (or betweenness, descendants, facilities); explain a rank",
       {"policygraph influence -C seeds --top 10", "policygraph influence -C seeds --tag-weight 2 --json",
        "policygraph influence -C seeds --explain eu-ets-directive-2003",
        "policygraph influence -C seeds --by descendants --since 2005 --until 2015",
        "policygraph influence -C big-corpus --sample 500"},
       run_influence},
      {"clusters",
       "Declared clusters, connected components and Louvain communities",
       {"policygraph clusters -C seeds", "policygraph clusters -C seeds --seed 7 --json",
        "policygraph clusters -C seeds --kind policy --format csv"},
       run_clusters},
      {"export",
       "Write the graph for Gephi, Graphviz, NetworkX, Neo4j or a spreadsheet",
       {"policygraph export -C seeds --format svg --view lineage -o out/lineage.svg",
        "policygraph export -C seeds --format gexf --dynamic --metrics -o out/policies.gexf",
        "policygraph export -C seeds --format csv --view full -o out/neo4j"},
       run_export},
      {"report",
       "Write a static site about the corpus (overview, families, a page per policy) to open and send on",
       {"policygraph report -C seeds -o out/report", "policygraph report -C big-corpus -o /tmp/report --json"},
       run_report},
      {"help", "Show the help of a command", {"policygraph help export"}, run_help},
      {"completion",
       "Print a shell completion script (bash or zsh)",
       {"source <(policygraph completion bash)"},
       run_completion,
       true},
      {"manpage", "Print the man page (roff)", {}, run_manpage, true},
      {"ids", "Print the policy ids of the corpus, one a line (for completion)", {}, run_ids, true},
  };
  return table;
}

const Command* find_command(std::string_view name) {
  const auto& table = command_table();
  auto found =
      std::find_if(table.begin(), table.end(), [name](const Command& command) { return command.name == name; });
  return found == table.end() ? nullptr : &*found;
}

std::vector<std::string> visible_command_names() {
  std::vector<std::string> names;
  for (const Command& command : command_table())
    if (!command.hidden) names.emplace_back(command.name);
  return names;
}

}  // namespace policygraph::cli
