// SPDX-License-Identifier: MIT
#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>

#include "analysis.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "filters.hpp"
#include "lookup.hpp"
#include "policygraph/export.hpp"
#include "session.hpp"
#include "support/for_each_index.hpp"

namespace policygraph::cli {
namespace {

// Parses a name from a closed set, or throws a usage error with "did you mean".
template <typename Parse>
auto parse_choice(const std::string& option, const std::string& value, const std::vector<std::string>& choices,
                  Parse parse) {
  return *parse(checked_choice(option, value, choices));
}

// Graphviz's dot is superlinear: past the limits a layout takes minutes with no word (the
// full view of a real corpus of 1,629 nodes ran for over ten). Refuse an SVG, which this
// process would lay out, with what to do instead; warn for a DOT file, laid out elsewhere.
void refuse_large_layout(const Graph& graph, ExportFormat format, const ExportOptions& options,
                         const LayoutLimits& limits, std::ostream& err) {
  std::size_t nodes = 0;
  for (VertexId v : graph.vertices()) nodes += options.selection.contains(v);
  const std::size_t edges = written_edge_count(format, graph, options);
  if (nodes <= limits.nodes && edges <= limits.edges) return;
  const std::string size = std::to_string(nodes) + " nodes and " + std::to_string(edges) + " edges, past " +
                           std::to_string(limits.nodes) + " nodes or " + std::to_string(limits.edges) + " edges";
  const std::string instead =
      "draw less: --focus ID --depth 2, --view lineage --split families -o DIR (one drawing per family), "
      "--country NAME; or --format gexf for Gephi, which lays out large graphs";
  if (format == ExportFormat::dot) {
    err << "policygraph: warning: this drawing has " << size << "; Graphviz's dot may take minutes on it; " << instead
        << '\n';
    return;
  }
  throw usage_error("this drawing has " + size + ", which Graphviz's dot would take minutes to lay out; " + instead +
                    "; or raise --max-layout-nodes and --max-layout-edges");
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

  ExportFormat format = parse_choice("--format", request.format, choices_of("--format"), parse_export_format);
  View view = parse_choice("--view", request.view, choices_of("--view"), parse_view);
  SelectionOptions selection_options;
  selection_options.depth = request.depth;
  for (const auto& kind : request.kinds)
    selection_options.kinds.push_back(parse_choice("--kind", kind, choices_of("--kind"), parse_node_kind));
  selection_options.countries = request.countries;
  if (request.depth < 0) throw usage_error("--depth must be 0 or more");
  MetricRequest metric_request;
  if (request.metrics_given) metric_request = parse_metric_names(request.metrics);
  // `-o -` is standard output, as without -o.
  const std::string output = request.output == "-" ? std::string() : request.output;
  if (format == ExportFormat::csv && output.empty() && options.json)
    throw usage_error("--json with CSV on stdout would mix two formats: give -o DIR for the CSV files");

  Session& session = open_checked_session(context);
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
    metrics = compute_metrics(full, invocation.weights, metric_request, &session.cache);
    export_options.metrics = &metrics;
  }
  export_options.selection = select_vertices(graph, selection_options);
  warn_about_unknown_countries(full, request.countries, context.err, context.terminal);
  export_options.dynamic = request.dynamic;
  export_options.reduce = request.reduce;
  export_options.links = request.links;
  const bool diagram = format == ExportFormat::dot || format == ExportFormat::svg;
  if (view == View::lineage && diagram && !request.isolated) {
    // A lineage diagram is about its lines: lone boxes would hide them (issue 14).
    const std::size_t dropped = drop_isolated_policies(graph, export_options.selection);
    if (dropped > 0 && !options.json)
      context.err << "policygraph: note: left out " << dropped << " polic" << (dropped == 1 ? "y" : "ies")
                  << " with no lineage relation (--isolated keeps them)\n";
  }

  if (!request.split.empty()) {
    if (view != View::lineage || !diagram || request.output.empty())
      throw usage_error("--split families draws the lineage view: --view lineage --format svg|dot -o DIR");
    FamiliesWritten written;
    try {
      // The loading threads are done: nothing else runs in this process, so the drawings
      // may be shared among forked processes, one per core (or per --threads).
      const std::size_t processes = support::threads_or_default(options.threads);
      written = export_families(format, request.output, graph, export_options, request.layout_limits, processes);
    } catch (const ExportError& error) {
      throw io_error(std::string(error.what()));
    }
    const std::string index = (std::filesystem::path(request.output) / "index.html").string();
    if (options.json) {
      context.out << nlohmann::ordered_json{{"folder", request.output},
                                            {"index", index},
                                            {"families", written.families},
                                            {"as_dot", written.as_dot}}
                         .dump(2)
                  << '\n';
    } else {
      context.out << "wrote " << index << " and " << written.families << " famil"
                  << (written.families == 1 ? "y" : "ies") << " (" << to_string(format) << ")";
      if (written.as_dot > 0) context.out << "; " << written.as_dot << " too large to lay out here, as DOT";
      context.out << '\n';
    }
    return exit_success;
  }
  if (diagram) refuse_large_layout(graph, format, export_options, request.layout_limits, context.err);

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
    context.out << "wrote " << output << " (" << to_string(format) << ", " << to_string(view) << " view, " << nodes
                << " nodes, " << edges << " edges)\n";
  }
  return exit_success;
}

}  // namespace policygraph::cli
