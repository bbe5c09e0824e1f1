// SPDX-License-Identifier: MIT
// `influence --explain ID`: where a policy's PageRank comes from (explain_pagerank), as
// sentences a person can read ("62% from shared facilities with 48 United Kingdom policies"),
// the largest contributions, and every part in JSON and CSV.
#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "answer_format.hpp"
#include "commands.hpp"
#include "describe.hpp"
#include "exit_codes.hpp"
#include "filters.hpp"
#include "lookup.hpp"
#include "policygraph/evolution.hpp"
#include "policygraph/influence.hpp"
#include "session.hpp"
#include "table.hpp"

namespace policygraph::cli {
namespace {

std::string percent(double part, double whole) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", whole > 0 ? 100.0 * part / whole : 0.0);
  return buffer;
}

std::string fixed(double value, int digits) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  return buffer;
}

// "shared tag" for shared_tag: the source as a person writes it.
std::string source_words(RankSource source) {
  std::string words(to_string(source));
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

// "48 United Kingdom policies", "3 policies (2 Norway, 1 United Kingdom)", "1 policy".
std::string policies_phrase(const Graph& graph, const std::vector<VertexId>& policies) {
  std::map<std::string, std::size_t> by_country;
  std::size_t without = 0;
  for (VertexId v : policies) {
    if (const auto country = country_of(graph, v))
      ++by_country[std::string(*country)];
    else
      ++without;
  }
  const std::string count = std::to_string(policies.size());
  const std::string noun = policies.size() == 1 ? "policy" : "policies";
  if (by_country.size() == 1 && without == 0) return count + " " + by_country.begin()->first + " " + noun;
  if (by_country.empty()) return count + " " + noun;
  std::vector<std::pair<std::string, std::size_t>> sorted(by_country.begin(), by_country.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string countries;
  for (std::size_t i = 0; i < sorted.size() && i < 3; ++i)
    countries += (countries.empty() ? "" : ", ") + std::to_string(sorted[i].second) + " " + sorted[i].first;
  if (sorted.size() > 3 || without > 0) countries += ", …";
  return count + " " + noun + " (" + countries + ")";
}

// The part of the rank from one source, as a sentence without its share.
std::string source_sentence(const Graph& graph, const PageRankExplanation& explanation, const RankSourceTotal& total) {
  const bool one = total.from.size() == 1;
  switch (total.source) {
    case RankSource::supersedes:
      return "from " + policies_phrase(graph, total.from) + (one ? " that replaces it" : " that replace it");
    case RankSource::consolidates:
      return "from " + policies_phrase(graph, total.from) + (one ? " that consolidates it" : " that consolidate it");
    case RankSource::repeals:
      return "from " + policies_phrase(graph, total.from) + (one ? " that repeals it" : " that repeal it");
    case RankSource::amends:
      return "from " + policies_phrase(graph, total.from) + (one ? " that amends it" : " that amend it");
    case RankSource::implements:
      return "from " + policies_phrase(graph, total.from) + (one ? " that implements it" : " that implement it");
    case RankSource::shared_tag: return "from shared tags with " + policies_phrase(graph, total.from);
    case RankSource::shared_cluster: return "from shared clusters with " + policies_phrase(graph, total.from);
    case RankSource::shared_facility: return "from shared facilities with " + policies_phrase(graph, total.from);
    case RankSource::teleport:
      return "from the teleport: every policy gets (1 − " + fixed(explanation.damping, 2) + ") / " +
             std::to_string(explanation.vertex_count);
    case RankSource::dangling:
      return "from the rank of the " + std::to_string(explanation.dangling_count) +
             " policies without links out, spread over all " + std::to_string(explanation.vertex_count);
  }
  return {};
}

}  // namespace

int run_explain_rank(const CommandContext& context) {
  const Invocation& invocation = context.invocation;
  const AnswerFormat format = answer_format(invocation);
  if (invocation.query.by != "pagerank")
    throw usage_error("--explain explains a PageRank; drop --by " + invocation.query.by);
  if (Filter(invocation.query.filters, KindMeaning::none, today_utc()).active())
    throw usage_error("--explain takes no filter: it lists every part of the rank, so that they add up to it");

  Session& session = open_checked_session(context);
  const Graph& graph = session.graph;
  const VertexId policy = find_policy_or_explain(graph, invocation.query.explain);
  const Graph policy_view = make_view(graph, View::policy, invocation.weights);
  const PageRankResult ranks = pagerank(policy_view);
  const PageRankExplanation explanation = explain_pagerank(graph, policy_view, ranks, policy, invocation.weights);
  const std::vector<RankSourceTotal> totals = totals_by_source(explanation);
  std::vector<VertexId> everyone(graph.policy_count());
  for (VertexId v : graph.policies()) everyone[v] = v;
  const std::vector<RankedVertex> ranking = rank_by_score(ranks.scores, std::move(everyone));
  const RankedVertex place =
      *std::find_if(ranking.begin(), ranking.end(), [&](const RankedVertex& entry) { return entry.vertex == policy; });

  nlohmann::ordered_json contributions = nlohmann::ordered_json::array();
  for (const RankContribution& part : explanation.contributions) {
    nlohmann::ordered_json row{{"from", part.from ? nlohmann::ordered_json(graph.node(*part.from).id) : nullptr},
                               {"kind", std::string(to_string(part.source))},
                               {"amount", part.amount},
                               {"share", explanation.pagerank > 0 ? part.amount / explanation.pagerank : 0.0}};
    if (part.from) {
      const nlohmann::ordered_json entry = node_entry(graph, *part.from);
      for (const char* key : {"title", "date", "country", "state"}) row[key] = entry[key];
    } else {
      for (const char* key : {"title", "date", "country", "state"}) row[key] = nullptr;
    }
    contributions.push_back(std::move(row));
  }
  if (format == AnswerFormat::csv) {
    write_csv(context.out, contributions);
    return exit_success;
  }
  if (format == AnswerFormat::json) {
    nlohmann::ordered_json by_kind = nlohmann::ordered_json::array();
    for (const RankSourceTotal& total : totals) {
      nlohmann::ordered_json from = nlohmann::ordered_json::array();
      for (VertexId v : total.from) from.push_back(graph.node(v).id);
      by_kind.push_back({{"kind", std::string(to_string(total.source))},
                         {"amount", total.amount},
                         {"share", explanation.pagerank > 0 ? total.amount / explanation.pagerank : 0.0},
                         {"from", from}});
    }
    nlohmann::ordered_json json{
        {"id", graph.node(policy).id}, {"pagerank", explanation.pagerank}, {"contributions", contributions}};
    json["rank"] = place.rank;
    json["tied"] = place.tied;
    json["ranked"] = ranking.size();
    json["by_kind"] = by_kind;
    const nlohmann::ordered_json entry =
        node_entry(graph, policy);  // kept: a range-for over a temporary's items dangles
    for (const auto& [key, value] : entry.items())
      if (key != "id") json[key] = value;
    context.out << json.dump(2) << '\n';
    return exit_success;
  }

  const Terminal& terminal = context.terminal;
  std::ostream& out = context.out;
  out << styled(terminal, Style::bold, graph.node(policy).id) << "  " << title_text(graph, policy) << '\n'
      << "PageRank " << fixed(explanation.pagerank, 5) << ", ranked " << (place.tied ? "=" : "#") << place.rank
      << " of " << ranking.size() << ". Where it comes from:\n";
  std::vector<std::string> shares;
  std::size_t share_width = 0;
  for (const RankSourceTotal& total : totals) {
    shares.push_back(percent(total.amount, explanation.pagerank));
    share_width = std::max(share_width, shares.back().size());
  }
  for (std::size_t i = 0; i < totals.size(); ++i)
    out << "  " << std::string(share_width - shares[i].size(), ' ') << shares[i] << "  "
        << source_sentence(graph, explanation, totals[i]) << '\n';

  const std::size_t count = explanation.contributions.size();
  const std::size_t shown = invocation.query.top == 0 ? count : std::min(invocation.query.top, count);
  out << '\n' << styled(terminal, Style::bold, "Largest parts") << " (" << shown << " of " << count;
  out << (shown < count ? "; --top 0 for all" : "") << "; they add up to the PageRank)\n";
  Table table({"amount", "share", "kind", "from", "title"},
              {Table::Align::right, Table::Align::right, Table::Align::left, Table::Align::left, Table::Align::left});
  for (std::size_t i = 0; i < shown; ++i) {
    const RankContribution& part = explanation.contributions[i];
    table.add_row({fixed(part.amount, 6), percent(part.amount, explanation.pagerank), source_words(part.source),
                   part.from ? graph.node(*part.from).id : "—", part.from ? title_text(graph, *part.from) : ""});
  }
  table.print(out, terminal);
  return exit_success;
}

}  // namespace policygraph::cli
