// SPDX-License-Identifier: MIT
// `report -o OUTDIR`: a static site about the corpus that people can open and send on.
#include <nlohmann/json.hpp>
#include <ostream>

#include "analysis.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "policygraph/evolution.hpp"
#include "policygraph/export.hpp"
#include "policygraph/report.hpp"
#include "progress.hpp"
#include "session.hpp"
#include "support/for_each_index.hpp"

namespace policygraph::cli {

int run_report(const CommandContext& context) {
  const Invocation& invocation = context.invocation;
  const GlobalOptions& options = invocation.global;
  const std::string& folder = invocation.export_options.output;
  if (folder.empty()) throw usage_error("report needs a folder to write: -o OUTDIR");

  Session& session = open_checked_session(context);
  MetricRequest request;
  request.pagerank = true;
  NodeMetrics metrics = compute_metrics(session.graph, invocation.weights, request, &session.cache);

  ReportOptions report_options;
  report_options.pagerank = std::move(*metrics.pagerank);
  report_options.today = today_utc();
  report_options.threads = options.threads;
  // The loading threads are done: nothing else runs in this process, so the diagrams may
  // be drawn in forked processes, one per page thread.
  report_options.processes = support::threads_or_default(options.threads);
  report_options.max_diagram_policies = invocation.export_options.diagram_limit;
  ProgressBar progress(context.err, context.terminal.err_is_terminal, "writing pages");
  report_options.progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
  ReportSummary summary;
  try {
    summary = write_report(folder, session.graph, report_options);
  } catch (const ExportError& error) {
    throw io_error(std::string(error.what()));
  }
  progress.finish();

  const std::string index = (std::filesystem::path(folder) / "index.html").string();
  if (options.json) {
    context.out << nlohmann::ordered_json{{"folder", folder},
                                          {"index", index},
                                          {"pages", summary.pages},
                                          {"policies", summary.policies},
                                          {"families", summary.families},
                                          {"diagrams", summary.diagrams}}
                       .dump(2)
                << '\n';
  } else {
    context.out << "wrote " << index << " and " << summary.pages - 1 << " more pages (" << summary.policies
                << " policies, " << summary.families << " lineage families, " << summary.diagrams
                << " diagrams); open it in a browser, or send the folder on\n";
  }
  return exit_success;
}

}  // namespace policygraph::cli
