// SPDX-License-Identifier: MIT
// What the command line asked for, as plain structs: the commands read these, and only the
// parser (parser.cpp, with CLI11) writes them. The values of the closed sets, and the sizes
// the limits take, are here too, for the commands that check them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policygraph/export.hpp"
#include "policygraph/graph.hpp"
#include "policygraph/loader.hpp"

namespace policygraph::cli {

struct GlobalOptions {
  std::string corpus = ".";
  std::string language = "en";
  bool json = false;
  bool strict = false;
  bool verbose = false;  ///< --verbose: every note, even many of one kind
  bool follow_symlinks = false;
  unsigned threads = 0;
  std::string cache;      ///< --cache DIR: where to keep parsed records; empty: the default
  bool no_cache = false;  ///< --no-cache: parse every file, keep nothing
  Limits limits;          ///< --max-depth, --max-file-size, --max-aliases, --max-alias-events
};

/// The filters of the query commands as typed (cli/filters.hpp parses them).
struct FilterOptions {
  std::vector<std::string> countries;  ///< --country: policies and facilities of any of these
  std::string since;                   ///< --since DATE: policies dated on or after
  std::string until;                   ///< --until DATE: policies dated on or before
  std::vector<std::string> states;     ///< --state: policies in any of these legal states
  std::vector<std::string> kinds;      ///< --kind: node kinds (clusters, stats), relations (lineage)
};

struct QueryOptions {
  std::string id;                     ///< replaced-by, lineage, history
  std::string at = "today";           ///< in-force
  std::size_t top = 20;               ///< influence
  std::optional<std::size_t> sample;  ///< influence: betweenness from K sampled sources
  std::uint64_t seed = 0;             ///< clusters, and betweenness sampling
  std::string explain;                ///< influence --explain ID
  std::string by = "pagerank";        ///< influence --by
  std::string format;                 ///< --format text|json|csv; empty: --json decides
  FilterOptions filters;
};

struct ExportCommandOptions {
  std::string format;
  std::string view = "full";
  std::string focus;
  int depth = 1;
  std::vector<std::string> kinds;
  std::vector<std::string> countries;
  std::vector<std::string> metrics;  ///< empty with metrics_given: all
  bool metrics_given = false;
  bool dynamic = false;
  bool reduce = false;
  bool links = false;
  std::size_t diagram_limit = 150;  ///< report: families of more policies are not drawn
  bool isolated = false;            ///< lineage diagrams: keep policies with no lineage edge
  std::string split;                ///< "families": one drawing per lineage family
  LayoutLimits layout_limits;       ///< SVG: refuse drawings past these
  std::string output;
};

/// What the command line asked for, filled in by the parser (parser.hpp).
struct Invocation {
  GlobalOptions global;
  ViewWeights weights;
  QueryOptions query;
  ExportCommandOptions export_options;
  std::string help_topic;  ///< `help COMMAND`
  std::string shell;       ///< `completion SHELL`
  std::string command;     ///< the subcommand given, empty for none
};

/// The values an option takes from a closed set (--format, --view, --kind, --metrics, --by,
/// --state, the SHELL of `completion`): parsing, "did you mean" and completion read them
/// here. `--format` and `--kind` are export's; "query --format", "query --kind" (clusters,
/// stats) and "lineage --kind" are the same options on the query commands.
const std::vector<std::string>& choices_of(const std::string& option);

/// `value` when it is one of `choices`; otherwise throws a usage error (exit 2) that names
/// `option`, offers the nearest choice and lists them all:
/// "--state: unknown value 'draft'; did you mean 'ended'? (one of in_force, ...)".
const std::string& checked_choice(const std::string& option, const std::string& value,
                                  const std::vector<std::string>& choices);

/// A size in bytes as the command line takes it: a number, optionally followed by K, M or G
/// (powers of 1024, any case, with or without a trailing B or iB): `5M`, `512k`, `1GiB`.
std::optional<std::uint64_t> parse_byte_size(std::string_view text);

/// A byte count the way --help shows it: `64M` for 64 MiB, else the plain number.
std::string format_byte_size(std::uint64_t bytes);

}  // namespace policygraph::cli
