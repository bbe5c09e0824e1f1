// SPDX-License-Identifier: MIT
#include "filters.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <ostream>
#include <set>

#include "describe.hpp"
#include "exit_codes.hpp"
#include "lookup.hpp"
#include "policygraph/did_you_mean.hpp"
#include "policygraph/evolution.hpp"
#include "typed_dates.hpp"

namespace policygraph::cli {
namespace {

std::string joined(const std::vector<std::string>& items, const std::string& separator = ", ") {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : separator) + item;
  return text;
}

// "in force", "In-Force" and "in_force" are one state.
std::string state_name(std::string typed) {
  typed = lower_ascii(std::move(typed));
  std::replace(typed.begin(), typed.end(), '-', '_');
  std::replace(typed.begin(), typed.end(), ' ', '_');
  return typed;
}

// "a (3), b (1)": each value with how many of `among` have it, most first.
std::string counted(const std::map<std::string, std::size_t>& counts) {
  std::vector<std::pair<std::string, std::size_t>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::string> items;
  items.reserve(sorted.size());
  for (const auto& [value, count] : sorted) items.push_back(value + " (" + std::to_string(count) + ")");
  return joined(items);
}

bool is_record_kind(NodeKind kind) { return kind == NodeKind::policy || kind == NodeKind::facility; }

std::string warning(const Terminal& terminal) { return styled(terminal, Style::yellow, "policygraph: warning: "); }

}  // namespace

Filter::Filter(const FilterOptions& options, KindMeaning kinds, const Date& today) {
  countries_ = options.countries;
  for (const auto& country : countries_) folded_countries_.push_back(lower_ascii(country));
  if (!options.since.empty()) {
    since_ = parse_typed_date("--since", options.since, today).first;
    since_text_ = options.since;
  }
  if (!options.until.empty()) {
    until_ = parse_typed_date("--until", options.until, today).last;
    until_text_ = options.until;
  }
  if (since_ && until_ && *until_ < *since_)
    throw usage_error("--since " + since_text_ + " is after --until " + until_text_ + ": no day is in between");
  for (const auto& typed : options.states) {
    const std::string name = checked_choice("--state", state_name(typed), choices_of("--state"));
    for (LegalState state :
         {LegalState::unknown, LegalState::in_force, LegalState::pending, LegalState::proposed, LegalState::ended})
      if (to_string(state) == name) states_.push_back(state);
  }
  for (const auto& typed : options.kinds) {
    if (kinds == KindMeaning::node)
      node_kinds_.push_back(*parse_node_kind(checked_choice("--kind", typed, choices_of("query --kind"))));
    else if (kinds == KindMeaning::relation)
      relation_kinds_.push_back(*parse_edge_kind(checked_choice("--kind", typed, choices_of("lineage --kind"))));
  }
}

const Filter::Dimension Filter::all_dimensions[] = {Dimension::country, Dimension::dates, Dimension::state,
                                                    Dimension::kind};

bool Filter::keeps_kind(NodeKind kind) const {
  return node_kinds_.empty() || std::find(node_kinds_.begin(), node_kinds_.end(), kind) != node_kinds_.end();
}

bool Filter::active() const {
  return given(Dimension::country) || given(Dimension::dates) || given(Dimension::state) || given(Dimension::kind);
}

bool Filter::given(Dimension dimension) const {
  switch (dimension) {
    case Dimension::country: return !countries_.empty();
    case Dimension::dates: return since_ || until_;
    case Dimension::state: return !states_.empty();
    case Dimension::kind: return !node_kinds_.empty();
  }
  return false;
}

bool Filter::applies(Dimension dimension, const Graph& graph, VertexId v) const {
  const NodeKind kind = graph.node(v).kind;
  if (dimension == Dimension::dates || dimension == Dimension::state) return kind == NodeKind::policy;
  return is_record_kind(kind);
}

bool Filter::passes(Dimension dimension, const Graph& graph, VertexId v) const {
  const Node& node = graph.node(v);
  switch (dimension) {
    case Dimension::country: {
      const auto country = country_of(graph, v);
      return country && std::find(folded_countries_.begin(), folded_countries_.end(),
                                  lower_ascii(std::string(*country))) != folded_countries_.end();
    }
    case Dimension::dates: return node.date && (!since_ || *since_ <= *node.date) && (!until_ || *node.date <= *until_);
    case Dimension::state: return std::find(states_.begin(), states_.end(), legal_state(graph, v)) != states_.end();
    case Dimension::kind: return std::find(node_kinds_.begin(), node_kinds_.end(), node.kind) != node_kinds_.end();
  }
  return true;
}

bool Filter::keeps(const Graph& graph, VertexId v) const {
  for (Dimension dimension : all_dimensions)
    if (given(dimension) && applies(dimension, graph, v) && !passes(dimension, graph, v)) return false;
  return true;
}

std::string Filter::option_text(Dimension dimension) const {
  switch (dimension) {
    case Dimension::country: return "--country " + joined(countries_, ",");
    case Dimension::dates: {
      std::string text;
      if (since_) text += "--since " + since_text_;
      if (until_) text += std::string(text.empty() ? "" : " ") + "--until " + until_text_;
      return text;
    }
    case Dimension::state: {
      std::vector<std::string> names;
      for (LegalState state : states_) names.emplace_back(to_string(state));
      return "--state " + joined(names, ",");
    }
    case Dimension::kind: {
      std::vector<std::string> names;
      for (NodeKind kind : node_kinds_) names.emplace_back(to_string(kind));
      return "--kind " + joined(names, ",");
    }
  }
  return {};
}

std::string Filter::nearest_values(Dimension dimension, const Graph& graph, const std::vector<VertexId>& among) const {
  switch (dimension) {
    case Dimension::country: {
      std::map<std::string, std::size_t> counts;
      for (VertexId v : among)
        if (const auto country = country_of(graph, v)) ++counts[std::string(*country)];
      return counts.empty() ? "none has a country" : "the countries there are " + counted(counts);
    }
    case Dimension::dates: {
      std::optional<VertexId> before, after;
      for (VertexId v : among) {
        const auto& date = graph.node(v).date;
        if (!date) continue;
        if (since_ && *date < *since_ && (!before || *graph.node(*before).date < *date)) before = v;
        if (until_ && *until_ < *date && (!after || *date < *graph.node(*after).date)) after = v;
      }
      std::vector<std::string> nearest_dates;
      if (before) nearest_dates.push_back(date_text(graph, *before) + " (" + graph.node(*before).id + ") before");
      if (after) nearest_dates.push_back(date_text(graph, *after) + " (" + graph.node(*after).id + ") after");
      if (nearest_dates.empty()) return "none is dated";
      return std::string(nearest_dates.size() == 1 ? "the nearest date is " : "the nearest dates are ") +
             joined(nearest_dates, " and ");
    }
    case Dimension::state: {
      std::map<std::string, std::size_t> counts;
      for (VertexId v : among) ++counts[std::string(to_string(legal_state(graph, v)))];
      return "the states there are " + counted(counts);
    }
    case Dimension::kind: {
      std::map<std::string, std::size_t> counts;
      for (VertexId v : among) ++counts[std::string(to_string(graph.node(v).kind))];
      return "there are " + counted(counts);
    }
  }
  return {};
}

void Filter::warn_if_nothing_matches(const Graph& graph, std::ostream& err, const Terminal& terminal) const {
  if (!active()) return;
  auto candidates = [&](Dimension dimension) {
    std::vector<VertexId> result;
    for (VertexId v : graph.vertices())
      if (applies(dimension, graph, v)) result.push_back(v);
    return result;
  };

  bool each_matches = true;
  std::size_t given_count = 0;
  for (Dimension dimension : all_dimensions) {
    if (!given(dimension)) continue;
    ++given_count;
    // Each --country value on its own: one typo among several is still a typo.
    if (dimension == Dimension::country) warn_about_unknown_countries(graph, countries_, err, terminal);
    const std::vector<VertexId> among = candidates(dimension);
    if (std::any_of(among.begin(), among.end(), [&](VertexId v) { return passes(dimension, graph, v); })) continue;
    each_matches = false;
    switch (dimension) {
      case Dimension::country: break;  // said above
      case Dimension::dates: {
        std::string period = since_ && until_ ? "from " + since_->iso() + " to " + until_->iso()
                             : since_         ? "on or after " + since_->iso()
                                              : "on or before " + until_->iso();
        err << warning(terminal) << option_text(dimension) << ": no policy is dated " << period << "; "
            << nearest_values(dimension, graph, among) << '\n';
        break;
      }
      case Dimension::state:
        err << warning(terminal) << option_text(dimension) << ": no policy is in that state; "
            << nearest_values(dimension, graph, among) << '\n';
        break;
      case Dimension::kind:
        err << warning(terminal) << option_text(dimension) << ": the corpus has none; "
            << nearest_values(dimension, graph, among) << '\n';
        break;
    }
  }
  if (!each_matches || given_count < 2) return;

  // Each filter matches something; do they together? Among the kinds asked for (policies
  // unless --kind says otherwise: the answers list policies).
  auto wanted_kind = [&](VertexId v) {
    const NodeKind kind = graph.node(v).kind;
    return node_kinds_.empty() ? kind == NodeKind::policy
                               : std::find(node_kinds_.begin(), node_kinds_.end(), kind) != node_kinds_.end();
  };
  for (VertexId v : graph.vertices())
    if (wanted_kind(v) && keeps(graph, v)) return;
  std::vector<std::string> given_options, values;
  for (Dimension dimension : all_dimensions) {
    if (!given(dimension)) continue;
    given_options.push_back(option_text(dimension));
    std::vector<VertexId> kept_by_others;
    for (VertexId v : graph.vertices()) {
      if (!wanted_kind(v) || !applies(dimension, graph, v)) continue;
      bool others = true;
      for (Dimension other : all_dimensions)
        if (other != dimension && given(other) && applies(other, graph, v) && !passes(other, graph, v)) others = false;
      if (others) kept_by_others.push_back(v);
    }
    if (!kept_by_others.empty())
      values.push_back("for " + option_text(dimension) + ", " + nearest_values(dimension, graph, kept_by_others));
  }
  err << warning(terminal) << "nothing passes " << joined(given_options, " and ")
      << " at once, though each alone matches some";
  if (!values.empty()) err << "; among what the other filters keep: " << joined(values, "; ");
  err << '\n';
}

std::string Filter::description() const {
  std::vector<std::string> parts;
  if (!countries_.empty()) parts.push_back("country " + joined(countries_, " or "));
  if (since_ && until_)
    parts.push_back("dated " + since_->iso() + " to " + until_->iso());
  else if (since_)
    parts.push_back("dated on or after " + since_->iso());
  else if (until_)
    parts.push_back("dated on or before " + until_->iso());
  if (!states_.empty()) {
    std::vector<std::string> names;
    for (LegalState state : states_) names.emplace_back(to_string(state));
    parts.push_back("state " + joined(names, " or "));
  }
  if (!node_kinds_.empty()) {
    std::vector<std::string> names;
    for (NodeKind kind : node_kinds_) names.emplace_back(to_string(kind));
    parts.push_back("kind " + joined(names, " or "));
  }
  return joined(parts);
}

nlohmann::ordered_json Filter::to_json() const {
  nlohmann::ordered_json json = nlohmann::ordered_json::object();
  if (!countries_.empty()) json["country"] = countries_;
  if (since_) json["since"] = since_->iso();
  if (until_) json["until"] = until_->iso();
  if (!states_.empty()) {
    json["state"] = nlohmann::ordered_json::array();
    for (LegalState state : states_) json["state"].push_back(std::string(to_string(state)));
  }
  if (!node_kinds_.empty() || !relation_kinds_.empty()) {
    json["kind"] = nlohmann::ordered_json::array();
    for (NodeKind kind : node_kinds_) json["kind"].push_back(std::string(to_string(kind)));
    for (EdgeKind kind : relation_kinds_) json["kind"].push_back(std::string(to_string(kind)));
  }
  return json;
}

void warn_about_unknown_countries(const Graph& graph, const std::vector<std::string>& countries, std::ostream& err,
                                  const Terminal& terminal) {
  if (countries.empty()) return;
  std::set<std::string> folded;  // lower-cased, as the filters compare them
  std::set<std::string> shown;
  for (VertexId v : graph.vertices()) {
    const auto country = country_of(graph, v);
    if (!country) continue;
    folded.insert(lower_ascii(std::string(*country)));
    shown.emplace(*country);
  }
  const std::vector<std::string> folded_list(folded.begin(), folded.end());
  for (const auto& country : countries) {
    if (folded.contains(lower_ascii(country))) continue;
    err << warning(terminal) << "--country '" << country << "' is the country of no record";
    std::vector<std::string> near = nearest(lower_ascii(country), folded_list, 3);
    for (auto& name : near)  // back to the spelling of the corpus
      name = *std::find_if(shown.begin(), shown.end(), [&](const std::string& s) { return lower_ascii(s) == name; });
    if (!near.empty()) err << " (" << did_you_mean(near) << ")";
    err << (shown.empty() ? std::string("; no record has a country")
                          : "; the corpus has: " + joined(std::vector<std::string>(shown.begin(), shown.end())))
        << " (quote names with spaces: --country 'United Kingdom')\n";
  }
}

}  // namespace policygraph::cli
