// SPDX-License-Identifier: MIT
#include "session.hpp"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "commands/commands.hpp"
#include "diagnostic_list.hpp"
#include "exit_codes.hpp"
#include "progress.hpp"

namespace policygraph::cli {
namespace {

// A --lang that no record is written in is most likely a typo ("cn" for "zh"): say so, and
// which languages there are. The default (en) is not checked: a corpus without English
// records is no mistake of the user's.
void warn_about_unknown_language(const std::vector<Record>& records, const std::string& language, std::ostream& err,
                                 const Terminal& terminal) {
  if (language == "en") return;
  std::set<std::string> languages;
  for (const auto& record : records) {
    if (!record.language.empty()) languages.insert(record.language);
    for (const Attribute translation : record.translations) {
      const auto at = translation.name.rfind('@');
      if (at != std::string_view::npos) languages.emplace(translation.name.substr(at + 1));
    }
  }
  if (languages.empty() || languages.contains(language)) return;
  std::string list;
  for (const auto& name : languages) list += (list.empty() ? "" : ", ") + name;
  err << styled(terminal, Style::yellow, "policygraph: warning: ") << "--lang '" << language
      << "': no record is written in it; the corpus has " << list << '\n';
}

// With --strict, any diagnostic prints and stops the command; otherwise a one-line count on
// stderr, and the command goes on. Returns false when the command must stop.
bool report_diagnostic_count(const Session& session, const GlobalOptions& options, std::ostream& err,
                             const Terminal& terminal);

}  // namespace

Session& open_session(const CommandContext& context) {
  const GlobalOptions& options = context.invocation.global;
  const ViewWeights& weights = context.invocation.weights;
  std::ostream& err = context.err;
  const Terminal& terminal = context.terminal;
  std::error_code error;
  if (!std::filesystem::is_directory(options.corpus, error))
    throw io_error("cannot read the corpus folder '" + options.corpus +
                   "': " + (error ? error.message() : std::string("not a folder")) +
                   "; give the folder of your records with -C DIR");

  ProgressBar progress(err, terminal.err_is_terminal, "loading");
  LoadOptions load;
  load.preferred_language = options.language;
  load.follow_symlinks = options.follow_symlinks;
  load.threads = options.threads;
  load.use_cache = !options.no_cache;
  load.limits = options.limits;
  if (!options.cache.empty()) load.cache_folder = options.cache;
  load.on_progress = [&progress](std::size_t done, std::size_t total) { progress.update(done, total); };
  Corpus corpus = load_corpus(options.corpus, load);
  progress.finish();
  if (!corpus.cache.note.empty()) err << styled(terminal, Style::yellow, "policygraph: ") << corpus.cache.note << '\n';

  warn_about_unknown_language(corpus.records, options.language, err, terminal);

  // Reachable from a static, so never a leak, and never destroyed (see session.hpp).
  static auto* const sessions = new std::vector<std::unique_ptr<Session>>();
  Session& session = *sessions->emplace_back(std::make_unique<Session>());
  session.files_read = corpus.files_read;
  for (const auto& record : corpus.records) ++session.record_count[record.kind == RecordKind::policy ? 0 : 1];
  session.diagnostics = std::move(corpus.diagnostics);
  session.graph = build_graph(std::move(corpus.records), corpus.cache, session.diagnostics, weights);
  session.cache = std::move(corpus.cache);
  sort_diagnostics(session.diagnostics);
  return session;
}

Session& open_checked_session(const CommandContext& context) {
  Session& session = open_session(context);
  if (!report_diagnostic_count(session, context.invocation.global, context.err, context.terminal))
    throw CommandStopped{exit_finding};
  return session;
}

namespace {

bool report_diagnostic_count(const Session& session, const GlobalOptions& options, std::ostream& err,
                             const Terminal& terminal) {
  std::size_t errors = count_errors(session.diagnostics);
  std::size_t warnings =
      static_cast<std::size_t>(std::count_if(session.diagnostics.begin(), session.diagnostics.end(),
                                             [](const Diagnostic& d) { return d.severity == Severity::warning; }));
  if (session.diagnostics.empty()) return true;
  if (options.strict) {
    const DiagnosticList list = list_diagnostics(session.diagnostics, options.verbose);
    for (const Diagnostic* diagnostic : list.shown) err << format_diagnostic(*diagnostic) << '\n';
    for (const std::string& more : list.more) err << "note: " << more << '\n';
    const std::size_t count = session.diagnostics.size();
    err << "policygraph: " << count << (count == 1 ? " diagnostic" : " diagnostics") << " and --strict is on: fix "
        << (count == 1 ? "it" : "them") << " (see 'policygraph validate') or drop --strict\n";
    return false;
  }
  // Notes (a README without front matter, say) are for `validate` alone.
  if (errors + warnings == 0) return true;
  // Nothing loaded at all: say why (no records found, the folder unreadable), not a count.
  if (session.record_count[0] + session.record_count[1] == 0) {
    for (const Diagnostic& d : session.diagnostics) {
      if (d.severity == Severity::note) continue;
      err << styled(terminal, d.severity == Severity::error ? Style::red : Style::yellow,
                    "policygraph: " + std::string(to_string(d.severity)) + ": ")
          << (d.file == "." ? d.message : format_diagnostic(d)) << '\n';
    }
    return true;
  }
  err << styled(terminal, Style::yellow, "policygraph: ") << errors << " error" << (errors == 1 ? "" : "s") << " and "
      << warnings << " warning" << (warnings == 1 ? "" : "s")
      << " in the corpus; 'policygraph validate' lists each one and what was left out\n";
  return true;
}

}  // namespace

}  // namespace policygraph::cli
