// SPDX-License-Identifier: MIT
// Every command and option of the command line, defined once. --help, `help COMMAND`, the
// shell completions and the man page are all generated from these definitions.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

struct QueryOptions {
  std::string id;                     ///< replaced-by, lineage, history
  std::string at;                     ///< in-force
  std::size_t top = 20;               ///< influence
  std::optional<std::size_t> sample;  ///< influence: betweenness from K sampled sources
  std::uint64_t seed = 0;             ///< clusters, and betweenness sampling
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
  std::string output;
};

/// What the command line asked for, filled in by CLI11 as it parses.
struct Invocation {
  GlobalOptions global;
  ViewWeights weights;
  QueryOptions query;
  ExportCommandOptions export_options;
  std::string help_topic;  ///< `help COMMAND`
  std::string shell;       ///< `completion SHELL`
  std::string command;     ///< the subcommand given, empty for none
};

/// One line of purpose and a few examples per command: the text --help shows.
struct CommandInfo {
  const char* name;
  const char* purpose;
  std::vector<const char*> examples;
  bool hidden = false;
};
const std::vector<CommandInfo>& command_catalogue();

/// The values an option takes from a closed set (--format, --view, --kind, --metrics, the
/// SHELL of `completion`): parsing, "did you mean" and completion read them here.
const std::vector<std::string>& choices_of(const std::string& option);

/// A size in bytes as the command line takes it: a number, optionally followed by K, M or G
/// (powers of 1024, any case, with or without a trailing B or iB): `5M`, `512k`, `1GiB`.
std::optional<std::uint64_t> parse_byte_size(std::string_view text);

/// A byte count the way --help shows it: `64M` for 64 MiB, else the plain number.
std::string format_byte_size(std::uint64_t bytes);

/// Builds the parser; options write into `invocation`, which must outlive it.
std::unique_ptr<CLI::App> make_parser(Invocation& invocation);

}  // namespace policygraph::cli
