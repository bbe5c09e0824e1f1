// SPDX-License-Identifier: MIT
// `influence`: policies ranked by one notion of importance (--by): PageRank on the policy
// view, betweenness, descendants through lineage, facilities governed. Ties are shown as
// ties ("=7"), listed by id. `--explain ID` is explain_rank.cpp.
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>

#include "answer_format.hpp"
#include "commands.hpp"
#include "describe.hpp"
#include "exit_codes.hpp"
#include "filters.hpp"
#include "policygraph/evolution.hpp"
#include "policygraph/influence.hpp"
#include "session.hpp"
#include "table.hpp"

namespace policygraph::cli {
namespace {

std::string fixed(double value, int digits) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  return buffer;
}

std::vector<double> as_scores(const std::vector<std::uint32_t>& counts) {
  return std::vector<double>(counts.begin(), counts.end());
}

// How many policies share a rank with another, and in how many groups.
struct TieCount {
  std::size_t policies = 0;
  std::size_t groups = 0;
};

TieCount count_ties(const std::vector<RankedVertex>& ranking) {
  TieCount ties;
  for (std::size_t i = 0; i < ranking.size(); ++i) {
    if (!ranking[i].tied) continue;
    ++ties.policies;
    if (i == 0 || ranking[i - 1].rank != ranking[i].rank) ++ties.groups;
  }
  return ties;
}

}  // namespace

int run_influence(const CommandContext& context) {
  const Invocation& invocation = context.invocation;
  if (!invocation.query.explain.empty()) return run_explain_rank(context);
  const AnswerFormat format = answer_format(invocation);
  const std::string& by = checked_choice("--by", invocation.query.by, choices_of("--by"));
  const Filter filter(invocation.query.filters, KindMeaning::none, today_utc());

  Session& session = open_checked_session(context);
  const Graph& graph = session.graph;
  filter.warn_if_nothing_matches(graph, context.err, context.terminal);

  ViewReport report;
  Graph policy_view = make_view(graph, View::policy, invocation.weights, &report);
  if (report.related_pairs > 10'000'000)
    context.err << "policygraph: the policy view links " << report.related_pairs
                << " pairs of policies through shared tags, clusters and facilities; this takes a while\n";
  PageRankResult ranks = pagerank(policy_view);
  BetweennessResult between =
      betweenness(policy_view, {.sample_sources = invocation.query.sample, .seed = invocation.query.seed});
  LineageDegrees degrees = lineage_degrees(graph);
  const std::vector<std::uint32_t> descendants = lineage_descendant_counts(graph);
  const std::vector<std::uint32_t> facilities = governed_facility_counts(graph);

  const std::vector<double> scores = by == "pagerank"      ? ranks.scores
                                     : by == "betweenness" ? between.scores
                                     : by == "descendants" ? as_scores(descendants)
                                                           : as_scores(facilities);
  std::vector<VertexId> candidates;
  for (VertexId v : graph.policies())
    if (filter.keeps(graph, v)) candidates.push_back(v);
  const std::vector<RankedVertex> ranking = rank_by_score(scores, std::move(candidates));
  const TieCount ties = count_ties(ranking);
  const std::size_t shown = invocation.query.top == 0 ? ranking.size() : std::min(invocation.query.top, ranking.size());

  if (format != AnswerFormat::text) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < shown; ++i) {
      const VertexId v = ranking[i].vertex;
      nlohmann::ordered_json entry = node_entry(graph, v);
      entry["rank"] = ranking[i].rank;
      entry["tied"] = ranking[i].tied;
      entry["pagerank"] = ranks.scores[v];
      entry["betweenness"] = between.scores[v];
      entry["descendants"] = descendants[v];
      entry["facilities"] = facilities[v];
      entry["in_degree"] = degrees.in[v];
      entry["out_degree"] = degrees.out[v];
      list.push_back(std::move(entry));
    }
    if (format == AnswerFormat::csv) {
      write_csv(context.out, list);
      return exit_success;
    }
    nlohmann::ordered_json json{{"policies", list}};
    json["by"] = by;
    json["ranked"] = ranking.size();
    json["ties"] = {{"policies", ties.policies}, {"groups", ties.groups}};
    json["pagerank"] = {{"iterations", ranks.iterations}, {"converged", ranks.converged}};
    json["betweenness"] = {{"sampled", between.sampled}, {"sources", between.sources}};
    if (filter.active()) json["filters"] = filter.to_json();
    context.out << json.dump(2) << '\n';
    return exit_success;
  }

  context.out << ranking.size() << " polic" << (ranking.size() == 1 ? "y" : "ies") << " by " << by;
  if (filter.active()) context.out << " (" << filter.description() << ")";
  if (ties.policies > 0)
    context.out << "; " << ties.policies << " share a rank in " << ties.groups << (ties.groups == 1 ? " tie" : " ties")
                << " (=N: equal to 1e-12, listed by id)";
  context.out << '\n';
  const bool count_column = by == "descendants" || by == "facilities";
  std::vector<std::string> headers{"#"};
  if (count_column) headers.push_back(by);
  for (const char* header : {"pagerank", "betweenness", "in", "out", "id", "title"}) headers.emplace_back(header);
  std::vector<Table::Align> aligns(headers.size() - 2, Table::Align::right);
  aligns.insert(aligns.end(), {Table::Align::left, Table::Align::left});
  Table table(headers, aligns);
  for (std::size_t i = 0; i < shown; ++i) {
    const VertexId v = ranking[i].vertex;
    std::vector<std::string> row{rank_text(ranking[i].rank, ranking[i].tied)};
    if (count_column) row.push_back(std::to_string(by == "descendants" ? descendants[v] : facilities[v]));
    for (std::string cell : {fixed(ranks.scores[v], 5), fixed(between.scores[v], 4), std::to_string(degrees.in[v]),
                             std::to_string(degrees.out[v]), graph.node(v).id, title_text(graph, v)})
      row.push_back(std::move(cell));
    table.add_row(std::move(row));
  }
  if (!table.empty()) table.print(context.out, context.terminal);
  if (!ranks.converged)
    context.err << "policygraph: PageRank did not converge in " << ranks.iterations << " iterations\n";
  if (between.sampled)
    context.out << "betweenness estimated from " << between.sources << " sampled sources (--sample)\n";
  context.out << "in/out: lineage edges from newer policies / to the policies it builds on. ";
  if (by == "descendants") context.out << "descendants: later policies that build on it through lineage. ";
  if (by == "facilities") context.out << "facilities: the facilities it governs. ";
  context.out << shown << " of " << ranking.size() << " policies shown";
  if (shown < ranking.size()) {
    // A tie cut by --top says so: the order inside it is by id, not by rank.
    const std::size_t last_rank = ranking[shown - 1].rank;
    std::size_t more = 0;
    for (std::size_t i = shown; i < ranking.size() && ranking[i].rank == last_rank; ++i) ++more;
    if (more > 0) context.out << "; the tie at =" << last_rank << " has " << more << " more below";
    context.out << " (--top 0 for all)";
  }
  context.out << '\n';
  return exit_success;
}

}  // namespace policygraph::cli
