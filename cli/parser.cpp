// SPDX-License-Identifier: MIT
#include "parser.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "commands/commands.hpp"
#include "policygraph/version.hpp"

namespace policygraph::cli {
namespace {

// A weight is a number, 0 or more. A negative one made PageRank "converge" in one iteration
// and modularity meaningless; and CLI11 takes nan and inf for numbers.
std::string a_weight(const std::string& value) {
  char* end = nullptr;
  const double weight = std::strtod(value.c_str(), &end);
  if (!value.empty() && *end == '\0' && std::isfinite(weight) && weight >= 0) return {};
  return "'" + value + "' is not a weight: give a number, 0 or more, such as 0.5";
}

void add_weight_options(CLI::App& command, ViewWeights& weights) {
  const char* group = "Weights of the policy view";
  command.add_option("--supersedes-weight", weights.supersedes, "Weight of a supersedes edge")
      ->group(group)
      ->capture_default_str();
  command.add_option("--consolidates-weight", weights.consolidates, "Weight of a consolidates edge")
      ->group(group)
      ->capture_default_str();
  command.add_option("--repeals-weight", weights.repeals, "Weight of a repeals edge")
      ->group(group)
      ->capture_default_str();
  command.add_option("--amends-weight", weights.amends, "Weight of an amends edge")
      ->group(group)
      ->capture_default_str();
  command.add_option("--implements-weight", weights.implements, "Weight of an implements edge")
      ->group(group)
      ->capture_default_str();
  command.add_option("--tag-weight", weights.tag, "Weight of each shared tag")->group(group)->capture_default_str();
  command.add_option("--cluster-weight", weights.cluster, "Weight of each shared cluster")
      ->group(group)
      ->capture_default_str();
  command.add_option("--facility-weight", weights.facility, "Weight of each shared facility")
      ->group(group)
      ->capture_default_str();
  for (CLI::Option* option : command.get_options())
    if (option->get_group() == group) option->check(a_weight);
}

// --format on the commands whose answers are rows (in-force, influence, lineage,
// replaced-by, clusters).
void add_answer_format_option(CLI::App& command, QueryOptions& query) {
  command.add_option("--format", query.format, "text, json (as --json) or csv (the JSON's rows, for a spreadsheet)")
      ->type_name("FORMAT");
}

// Which of the filters a query command takes (cli/filters.hpp): each where it applies.
enum FilterSet : unsigned {
  by_country = 1,
  by_dates = 2,
  by_state = 4,
  by_node_kind = 8,      ///< --kind policy|facility
  by_relation_kind = 16  ///< --kind supersedes|...|implements
};

void add_filter_options(CLI::App& command, FilterOptions& filters, unsigned which) {
  const char* group = "Filters (one that matches nothing is a warning that lists the nearest values)";
  if (which & by_country)
    command
        .add_option("--country", filters.countries,
                    "Only policies and facilities of these countries (any case; the preferred language's record)")
        ->group(group)
        ->delimiter(',');
  if (which & by_dates) {
    command.add_option("--since", filters.since, "Only policies dated on or after: today, YYYY, YYYY-MM or YYYY-MM-DD")
        ->group(group)
        ->type_name("DATE");
    command
        .add_option("--until", filters.until,
                    "Only policies dated on or before (YYYY: to 31 December, YYYY-MM: to the month's end)")
        ->group(group)
        ->type_name("DATE");
  }
  if (which & by_state)
    command
        .add_option("--state", filters.states,
                    "Only policies in these legal states: in_force, pending, proposed, ended, unknown")
        ->group(group)
        ->delimiter(',');
  if (which & by_node_kind)
    command.add_option("--kind", filters.kinds, "Only policies, or only facilities: policy, facility")
        ->group(group)
        ->delimiter(',');
  if (which & by_relation_kind)
    command
        .add_option("--kind", filters.kinds,
                    "Follow only these relations: supersedes, consolidates, repeals, amends, implements")
        ->group(group)
        ->delimiter(',');
}

std::string examples_footer(const Command& command) {
  std::string footer = "Examples:";
  for (const char* example : command.examples) footer += std::string("\n  ") + example;
  return footer;
}

// Every command of the table, in its order (the order --help lists them in); the one given
// names itself in `invocation.command`.
void add_commands(CLI::App& app, Invocation& invocation) {
  for (const Command& command : command_table()) {
    CLI::App* parser = app.add_subcommand(command.name, command.purpose);
    if (!command.examples.empty()) parser->footer(examples_footer(command));
    if (command.hidden) parser->group("");
    parser->callback([&invocation, name = std::string(command.name)] { invocation.command = name; });
  }
}

// CLI11 takes "-1" for an unsigned option and wraps it round to the largest value.
std::string not_negative(const std::string& value) {
  return value.starts_with("-") ? "must be 0 or more" : std::string();
}

// The limits that keep a hostile file from taking the tool down (Limits in loader.hpp); a
// diagnostic that reports one hitting names the option here that raises it.
void add_limit_options(CLI::App& app, Limits& limits) {
  const char* group = "Limits on hostile input (a value or file past one is a diagnostic, not a crash)";
  app.add_option("--max-file-size", limits.max_file_bytes, "Larger files are skipped: bytes, or with K, M or G")
      ->group(group)
      ->type_name("SIZE")
      ->default_str(format_byte_size(limits.max_file_bytes))
      ->transform(CLI::Validator(
          [](std::string& value) -> std::string {
            auto bytes = parse_byte_size(value);
            if (!bytes || *bytes == 0)
              return "'" + value + "' is not a size; write a number of bytes, or one with K, M or G such as 5M";
            value = std::to_string(*bytes);
            return {};
          },
          "", "size"));
  app.add_option("--max-depth", limits.max_depth, "Deepest nesting of lists and mappings in a value")
      ->group(group)
      ->type_name("N")
      ->capture_default_str()
      ->check([](const std::string& value) -> std::string {
        return value.starts_with("-") || value.find_first_not_of('0') == std::string::npos ? "must be 1 or more"
                                                                                           : std::string();
      });
  app.add_option("--max-aliases", limits.max_alias_expansions, "YAML aliases (*name) expanded per file")
      ->group(group)
      ->type_name("N")
      ->capture_default_str()
      ->check(not_negative);
  app.add_option("--max-alias-events", limits.max_alias_events,
                 "Parse events that aliases of lists and mappings may repeat, per file")
      ->group(group)
      ->type_name("N")
      ->capture_default_str()
      ->check(not_negative);
}

}  // namespace

std::unique_ptr<CLI::App> make_parser(Invocation& invocation) {
  auto app = std::make_unique<CLI::App>(
      "policygraph turns a corpus of policy records (Markdown with YAML front matter, YAML, JSON)\n"
      "into a graph: what replaced a policy, which policies matter most, which belong together,\n"
      "and exports for Gephi, Graphviz, NetworkX and Neo4j.",
      "policygraph");
  app->footer(
      "Run 'policygraph help COMMAND' or 'policygraph COMMAND --help' for a command's options and examples.\n"
      "Exit codes: 0 success, 1 a finding (errors, an unknown id), 2 a usage error, 3 an input/output failure,\n"
      "4 an internal error (a bug).");
  app->set_version_flag("--version", std::string("policygraph ") + POLICYGRAPH_VERSION);
  app->require_subcommand(0, 1);
  app->fallthrough();
  app->allow_extras();

  GlobalOptions& global = invocation.global;
  app->add_option("-C,--corpus", global.corpus, "The corpus folder")->capture_default_str();
  app->add_option("--lang", global.language, "Preferred language when merging translations")->capture_default_str();
  app->add_flag("--json", global.json, "Machine-readable output on stdout");
  app->add_flag("--strict", global.strict, "Treat every diagnostic as an error");
  app->add_flag("--verbose", global.verbose, "List every note, even a great many of one kind");
  app->add_flag("--follow-symlinks", global.follow_symlinks, "Follow symbolic links that lead out of the corpus");
  app->add_option("--threads", global.threads,
                  "Threads for loading (0: every core, and four per core to read the files)")
      ->capture_default_str()
      ->check(not_negative);
  app->add_option("--cache", global.cache,
                  "Keep the cache of parsed records in DIR (default: ~/.cache/policygraph, or $XDG_CACHE_HOME's)")
      ->type_name("DIR");
  app->add_flag("--no-cache", global.no_cache, "Parse every file again and keep no cache (wins over --cache)");
  add_limit_options(*app, global.limits);

  add_commands(*app, invocation);
  QueryOptions& query = invocation.query;
  FilterOptions& filters = query.filters;
  add_filter_options(*app->get_subcommand("stats"), filters, by_country | by_dates | by_state | by_node_kind);

  CLI::App* replaced = app->get_subcommand("replaced-by");
  replaced->add_option("ID", query.id, "A policy id")->required();
  add_answer_format_option(*replaced, query);
  CLI::App* lineage = app->get_subcommand("lineage");
  lineage->add_option("ID", query.id, "A policy id")->required();
  add_answer_format_option(*lineage, query);
  add_filter_options(*lineage, filters, by_country | by_dates | by_state | by_relation_kind);
  app->get_subcommand("history")->add_option("ID", query.id, "A policy id")->required();
  CLI::App* in_force = app->get_subcommand("in-force");
  in_force->add_option("--at", query.at, "A date: today, YYYY, YYYY-MM or YYYY-MM-DD (YYYY: 1 January)")
      ->type_name("DATE")
      ->capture_default_str();
  add_answer_format_option(*in_force, query);
  add_filter_options(*in_force, filters, by_country | by_dates | by_state);

  CLI::App* influence = app->get_subcommand("influence");
  influence->add_option("--top", query.top, "How many policies (with --explain: contributions) to list (0: all)")
      ->capture_default_str()
      ->check(not_negative);
  influence->add_option("--by", query.by, "Rank by pagerank, betweenness, descendants or facilities")
      ->capture_default_str();
  influence->add_option("--explain", query.explain, "Where this policy's PageRank comes from, part by part")
      ->type_name("ID");
  influence->add_option("--sample", query.sample, "Betweenness from K sampled sources, for large corpora")
      ->check(not_negative);
  influence->add_option("--seed", query.seed, "Seed for --sample")->capture_default_str()->check(not_negative);
  add_answer_format_option(*influence, query);
  add_filter_options(*influence, filters, by_country | by_dates | by_state);
  add_weight_options(*influence, invocation.weights);

  CLI::App* clusters = app->get_subcommand("clusters");
  clusters->add_option("--seed", query.seed, "Seed of Louvain's node order: the same seed, the same communities")
      ->capture_default_str()
      ->check(not_negative);
  add_answer_format_option(*clusters, query);
  add_filter_options(*clusters, filters, by_country | by_dates | by_state | by_node_kind);
  add_weight_options(*clusters, invocation.weights);

  ExportCommandOptions& exports = invocation.export_options;
  CLI::App* export_command = app->get_subcommand("export");
  export_command->add_option("-f,--format", exports.format, "graphml, gexf, dot, svg, json or csv")->required();
  export_command->add_option("--view", exports.view, "full, lineage or policy")->capture_default_str();
  export_command->add_option("-o,--output", exports.output,
                             "The file to write (csv: a folder); stdout without it or with -");
  export_command->add_option("--focus", exports.focus, "Only the neighbourhood of this policy");
  export_command->add_option("--depth", exports.depth, "With --focus: how many edges away")->capture_default_str();
  export_command->add_option("--kind", exports.kinds, "Only nodes of these kinds (policy, facility, cluster, tag)")
      ->delimiter(',');
  export_command->add_option("--country", exports.countries, "Only policies and facilities of these countries")
      ->delimiter(',');
  export_command
      ->add_option("--metrics", exports.metrics,
                   "Add computed node attributes: all, or some of pagerank, betweenness, component, community, "
                   "generation")
      ->expected(0, CLI::detail::expected_max_vector_size)
      ->delimiter(',');
  export_command->add_flag("--dynamic", exports.dynamic, "GEXF: a timeline of the days each policy was in force");
  export_command->add_flag("--reduce", exports.reduce, "DOT/SVG: draw the transitive reduction of the lineage");
  export_command->add_flag("--links", exports.links, "JSON: the edge list under 'links' (NetworkX before 3.6)");
  export_command->add_flag("--isolated", exports.isolated,
                           "DOT/SVG of the lineage view: keep the policies that have no lineage relation");
  export_command
      ->add_option("--split", exports.split, "families: one DOT/SVG file per lineage family in the folder -o DIR")
      ->check(CLI::IsMember({"families"}));
  export_command
      ->add_option("--max-layout-nodes", exports.layout_limits.nodes,
                   "SVG: refuse to lay out a drawing of more nodes (Graphviz would take minutes)")
      ->capture_default_str()
      ->check(not_negative);
  export_command
      ->add_option("--max-layout-edges", exports.layout_limits.edges, "SVG: refuse to lay out a drawing of more edges")
      ->capture_default_str()
      ->check(not_negative);
  add_weight_options(*export_command, invocation.weights);

  CLI::App* report = app->get_subcommand("report");
  report->add_option("-o,--output", exports.output, "The folder to write (replaced whole)")->required();
  report
      ->add_option("--diagram-limit", exports.diagram_limit,
                   "Families of more policies get a table but no diagram (0: no diagrams)")
      ->capture_default_str()
      ->check(not_negative);
  add_weight_options(*report, invocation.weights);

  app->get_subcommand("help")->add_option("COMMAND", invocation.help_topic, "A command");
  app->get_subcommand("completion")
      ->add_option("SHELL", invocation.shell, "bash or zsh")
      ->required()
      ->check(CLI::Validator(
          [](std::string& shell) -> std::string {
            const auto& shells = choices_of("SHELL");
            if (std::find(shells.begin(), shells.end(), shell) != shells.end()) return {};
            return "no completion for '" + shell + "': bash or zsh (zsh users with bashcompinit can also use bash's)";
          },
          "bash|zsh", "shell"));

  for (CLI::App* command : app->get_subcommands({})) command->allow_extras();
  // `--metrics` alone means every metric: seen by its count, since it carries no value then.
  export_command->parse_complete_callback(
      [&exports, export_command] { exports.metrics_given = export_command->get_option("--metrics")->count() > 0; });
  return app;
}

}  // namespace policygraph::cli
