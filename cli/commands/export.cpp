// SPDX-License-Identifier: MIT
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <set>

#include "analysis.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "lookup.hpp"
#include "policygraph/export.hpp"
#include "session.hpp"
#include "support/edit_distance.hpp"

namespace policygraph::cli {
namespace {

// Parses a name from a closed set, or throws a usage error with "did you mean".
template <typename Parse>
auto parse_choice(const std::string& option, const std::string& value, const std::vector<std::string>& choices,
                  Parse parse) {
  if (auto parsed = parse(value)) return *parsed;
  auto near = nearest(value, choices, 1);
  std::string list;
  for (const auto& choice : choices) list += (list.empty() ? "" : ", ") + choice;
  throw usage_error(option + ": unknown value '" + value + "'" +
                    (near.empty() ? "" : "; did you mean '" + near[0] + "'?") + " (one of " + list + ")");
}

// A --country that names no record's country is a typo more often than an empty export
// wanted: say so, and which countries there are.
void warn_about_unknown_countries(const Graph& graph, const std::vector<std::string>& wanted, std::ostream& err) {
  if (wanted.empty()) return;
  std::set<std::string> countries;  // lower-cased, as the selection compares them
  std::set<std::string> shown;
  for (VertexId v : graph.vertices()) {
    const Record* record = graph.record(v);
    const auto country = record != nullptr ? record->attribute("country") : std::nullopt;
    if (!country) continue;
    countries.insert(lower_ascii(std::string(*country)));
    shown.emplace(*country);
  }
  for (const auto& country : wanted) {
    if (countries.contains(lower_ascii(country))) continue;
    std::string list;
    for (const auto& name : shown) list += (list.empty() ? "" : ", ") + name;
    err << "policygraph: warning: --country '" << country << "' is the country of no record"
        << (list.empty() ? std::string("; no record has a country") : "; the corpus has: " + list)
        << " (quote names with spaces: --country 'United Kingdom')\n";
  }
}

// Whether `-o PATH` names standard output by another name than `-`.
bool names_standard_output(const std::string& path) {
  const std::string normal = std::filesystem::path(path).lexically_normal().string();
  return normal == "/dev/stdout" || normal == "/dev/fd/1" || normal == "/proc/self/fd/1";
}

}  // namespace

int run_export(const CommandContext& context) {
  const Invocation& invocation = context.invocation;
  const GlobalOptions& options = invocation.global;
  const ExportCommandOptions& request = invocation.export_options;

  ExportFormat format = parse_choice("--format", request.format, choices_of("--format"),
                                     parse_export_format);
  View view = parse_choice("--view", request.view, choices_of("--view"), parse_view);
  SelectionOptions selection_options;
  selection_options.depth = request.depth;
  for (const auto& kind : request.kinds)
    selection_options.kinds.push_back(
        parse_choice("--kind", kind, choices_of("--kind"), parse_node_kind));
  selection_options.countries = request.countries;
  if (request.depth < 0) throw usage_error("--depth must be 0 or more");
  MetricRequest metric_request;
  if (request.metrics_given) metric_request = parse_metric_names(request.metrics);
  // `-o -` is standard output, as without -o.
  const std::string output = request.output == "-" ? std::string() : request.output;
  if (format == ExportFormat::csv && output.empty() && options.json)
    throw usage_error("--json with CSV on stdout would mix two formats: give -o DIR for the CSV files");

  Session& session = open_session(options, invocation.weights, context.err, context.terminal);
  if (!report_diagnostic_count(session, options, context.err, context.terminal)) return exit_finding;
  const Graph& full = session.graph;
  if (!request.focus.empty()) {
    selection_options.focus = find_policy_or_explain(full, request.focus);
    metric_request.focus = selection_options.focus;
  }

  // The session's graph is the full view already, built with these weights: no copy.
  std::optional<Graph> other_view;
  if (view != View::full) other_view = make_view(full, view, invocation.weights);
  const Graph& graph = other_view ? *other_view : full;
  NodeMetrics metrics;
  ExportOptions export_options;
  if (request.metrics_given) {
    metrics = compute_metrics(full, invocation.weights, metric_request);
    export_options.metrics = &metrics;
  }
  export_options.selection = select_vertices(graph, selection_options);
  warn_about_unknown_countries(full, request.countries, context.err);
  export_options.dynamic = request.dynamic;
  export_options.reduce = request.reduce;
  export_options.links = request.links;

  try {
    if (output.empty()) {
      export_to_stream(format, context.out, graph, export_options);
      return exit_success;
    }
    context.out.flush();  // before anything reaches the descriptor behind it (-o /dev/stdout)
    export_to_path(format, output, graph, export_options);
  } catch (const ExportError& error) {
    throw io_error(std::string(error.what()));
  }
  // The export itself went to standard output: a summary after it would end up in the file.
  if (names_standard_output(output)) return exit_success;

  std::size_t nodes = 0;
  for (VertexId v : graph.vertices()) nodes += export_options.selection.contains(v);
  std::size_t edges = written_edge_count(format, graph, export_options);
  if (options.json) {
    context.out << nlohmann::ordered_json{{"file", output},
                                          {"format", std::string(to_string(format))},
                                          {"view", std::string(to_string(view))},
                                          {"nodes", nodes},
                                          {"edges", edges}}
                       .dump(2)
                << '\n';
  } else {
    context.out << "wrote " << output << " (" << to_string(format) << ", " << to_string(view) << " view, "
                << nodes << " nodes, " << edges << " edges)\n";
  }
  return exit_success;
}

}  // namespace policygraph::cli
