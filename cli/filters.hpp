// SPDX-License-Identifier: MIT
// The filters of the query commands (in-force, influence, clusters, lineage, stats), in one
// place: --country, --since, --until, --state, --kind. A filter narrows what an answer
// lists, never the graph it is computed on (PageRank and communities see the whole corpus).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "options.hpp"
#include "policygraph/graph.hpp"
#include "terminal.hpp"

namespace policygraph::cli {

/// What `--kind` means on a command: node kinds (clusters, stats), relations (lineage), or
/// nothing (the others do not take it).
enum class KindMeaning { none, node, relation };

/// The filters given to one command, parsed.
///
/// - `--country`: policies and facilities whose `country` is one of those given, ASCII case
///   aside. Merging translations keeps only their titles, so the country compared is the
///   preferred language's record's.
/// - `--since`, `--until`: policies whose date is in the days named, both ends included
///   (`--until 2015` is to 31 December 2015). An undated policy never passes.
/// - `--state`: policies whose normalised legal state (MODEL.md 7.2) is one of those given.
/// - `--kind`: policy or facility (node kinds), or the relations a lineage follows.
///
/// Dates and states are a policy's: a facility has neither and passes those two filters.
/// Clusters and tags have no country of their own; commands keep those linked to what passes.
class Filter {
 public:
  /// Throws a usage error (exit 2) for a date, state or kind that is not one, with the
  /// accepted values and "did you mean".
  Filter(const FilterOptions& options, KindMeaning kinds, const Date& today);

  /// Whether any filter on policies or facilities is given (relation kinds are not one).
  bool active() const;
  /// Whether the policy or facility `v` passes every filter; other kinds of node always do.
  bool keeps(const Graph& graph, VertexId v) const;
  /// Whether `--kind` (node kinds) lets nodes of this kind through: true when not given.
  bool keeps_kind(NodeKind kind) const;
  /// `--kind` on lineage: the relations to follow; empty: all.
  const std::vector<EdgeKind>& relation_kinds() const { return relation_kinds_; }

  /// On `err`, a warning for each filter that matches nothing in the corpus, with the nearest
  /// values it has (the countries nearest by spelling, the dates nearest the period, the states
  /// and kinds there are); and, when each matches something but no record passes them all,
  /// one warning that says so with, for each filter, the values among the records the others keep.
  void warn_if_nothing_matches(const Graph& graph, std::ostream& err, const Terminal& terminal) const;

  /// The filters in words for a heading ("country Norway, dated 2015-01-01 to 2019-12-31");
  /// empty when none is given.
  std::string description() const;
  /// The filters as given, for the JSON answers: {"country": [...], "since", "until", "state": [...], "kind": [...]}
  /// with only the keys given.
  nlohmann::ordered_json to_json() const;

 private:
  enum class Dimension { country, dates, state, kind };
  static const Dimension all_dimensions[4];
  bool given(Dimension dimension) const;
  bool passes(Dimension dimension, const Graph& graph, VertexId v) const;
  bool applies(Dimension dimension, const Graph& graph, VertexId v) const;
  std::string option_text(Dimension dimension) const;
  std::string nearest_values(Dimension dimension, const Graph& graph, const std::vector<VertexId>& among) const;

  std::vector<std::string> countries_;  ///< as typed
  std::vector<std::string> folded_countries_;
  std::optional<Date> since_, until_;
  std::string since_text_, until_text_;
  std::vector<LegalState> states_;
  std::vector<NodeKind> node_kinds_;
  std::vector<EdgeKind> relation_kinds_;
};

/// The warning of --country values that are no record's country, the list of the countries
/// there are and "did you mean": the filters' and `export --country`'s.
void warn_about_unknown_countries(const Graph& graph, const std::vector<std::string>& countries, std::ostream& err,
                                  const Terminal& terminal);

}  // namespace policygraph::cli
