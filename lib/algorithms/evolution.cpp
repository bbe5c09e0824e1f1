// SPDX-License-Identifier: MIT
// Typed evolution and legal state (MODEL.md section 7): when relations take effect, what is
// in force on a day, what other acts did to a policy, and its timeline.
//
// A relation's day is not stored on its edge: edges are many (millions in a policy view) and
// dated relations few, so the day is read from the records that state the relation when it
// is asked for. A relation can be stated on both records; the newer act's own statement
// wins when both give a date, since that is where its effective day is written.
#include <algorithm>
#include <chrono>
#include <tuple>

#include "policygraph/evolution.hpp"

namespace policygraph {
namespace {

// The `date` of an item of `record` that states the relation of kind `kind` with `other`
// in the given form; nullopt when none states it with a date.
std::optional<Date> item_date(const Record* record, EdgeKind kind, bool inverse, const std::string& other) {
  if (record == nullptr) return std::nullopt;
  for (const RelationItem& item : record->relations)
    if (item.inverse == inverse && edge_kind(item.relation) == kind && item.date && item.other.id == other)
      return item.date;
  return std::nullopt;
}

// Dated events first by day, undated last; then by the id of the other policy.
bool earlier(const RelationEvent& a, const RelationEvent& b) {
  if (a.day.has_value() != b.day.has_value()) return a.day.has_value();
  if (a.day && *a.day != *b.day) return *a.day < *b.day;
  return a.other < b.other;
}

bool on_or_before(const std::optional<Date>& day, const Date& limit) { return day && *day <= limit; }

}  // namespace

std::optional<Date> effective_day(const Graph& graph, VertexId policy) {
  const Record* record = graph.record(policy);
  if (record == nullptr) return std::nullopt;
  return record->effective ? record->effective : graph.node(policy).date;
}

LegalState legal_state(const Graph& graph, VertexId policy) {
  const Record* record = graph.record(policy);
  return record ? record->state : LegalState::unknown;
}

std::optional<Date> takes_effect(const Graph& graph, EdgeId edge) {
  const Edge& e = graph.edge(edge);
  if (auto day = item_date(graph.record(e.source), e.kind, false, graph.node(e.target).id)) return day;
  if (auto day = item_date(graph.record(e.target), e.kind, true, graph.node(e.source).id)) return day;
  return effective_day(graph, e.source);
}

std::optional<InForcePeriod> in_force_period(const Graph& graph, VertexId policy) {
  const Record* record = graph.record(policy);
  const std::optional<Date> from = effective_day(graph, policy);
  if (record == nullptr || !from) return std::nullopt;
  if (record->state == LegalState::proposed) return std::nullopt;
  if (record->state == LegalState::pending && !record->effective) return std::nullopt;
  InForcePeriod period{.from = *from, .until = record->expires};
  for (EdgeId e : graph.in_edges(policy)) {
    if (!ends_target(graph.edge(e).kind)) continue;
    const std::optional<Date> day = takes_effect(graph, e);
    if (day && (!period.until || *day < *period.until)) period.until = day;
  }
  if (period.until && *period.until <= period.from) return std::nullopt;
  return period;
}

bool in_force_on(const Graph& graph, VertexId policy, const Date& day) {
  const std::optional<InForcePeriod> period = in_force_period(graph, policy);
  return period && period->from <= day && !on_or_before(period->until, day);
}

std::string_view relation_phrase(EdgeKind kind, bool incoming) {
  switch (kind) {
    case EdgeKind::supersedes: return incoming ? "replaced by" : "replaces";
    case EdgeKind::consolidates: return incoming ? "consolidated into" : "consolidates";
    case EdgeKind::repeals: return incoming ? "repealed by" : "repeals";
    case EdgeKind::amends: return incoming ? "amended by" : "amends";
    case EdgeKind::implements: return incoming ? "implemented by" : "implements";
    default: return to_string(kind);
  }
}

std::vector<VertexId> in_force(const Graph& graph, const Date& day) {
  std::vector<VertexId> result;
  for (VertexId v : graph.policies())
    if (in_force_on(graph, v, day)) result.push_back(v);
  return result;
}

Evolution evolution_of(const Graph& graph, VertexId policy) {
  Evolution result;
  result.policy = policy;
  for (EdgeId e : graph.in_edges(policy)) {
    const Edge& edge = graph.edge(e);
    if (!is_lineage(edge.kind)) continue;
    RelationEvent event{
        .edge = e, .other = edge.source, .kind = edge.kind, .incoming = true, .day = takes_effect(graph, e)};
    switch (edge.kind) {
      case EdgeKind::supersedes:
      case EdgeKind::consolidates: result.successors.push_back(event); break;
      case EdgeKind::repeals: result.repealed_by.push_back(event); break;
      case EdgeKind::amends:
        (legal_state(graph, edge.source) == LegalState::proposed ? result.proposed_amendments : result.amended_by)
            .push_back(event);
        break;
      default: result.implemented_by.push_back(event); break;
    }
  }
  for (auto* list : {&result.successors, &result.repealed_by, &result.amended_by, &result.proposed_amendments,
                     &result.implemented_by})
    std::sort(list->begin(), list->end(), earlier);
  return result;
}

std::vector<RelationEvent> amendments_in_effect(const Graph& graph, VertexId policy, const Date& day) {
  std::vector<RelationEvent> result = evolution_of(graph, policy).amended_by;
  std::erase_if(result, [&](const RelationEvent& amendment) { return !on_or_before(amendment.day, day); });
  return result;
}

std::vector<HistoryEvent> history(const Graph& graph, VertexId policy) {
  using Type = HistoryEvent::Type;
  std::vector<HistoryEvent> events;
  const Record* record = graph.record(policy);
  auto add = [&](HistoryEvent::Type type, std::optional<Date> date) -> HistoryEvent& {
    HistoryEvent& event = events.emplace_back();
    event.type = type;
    event.date = date;
    return event;
  };
  if (record != nullptr && record->date) add(Type::published, record->date);
  if (record != nullptr && record->effective) add(Type::entry_into_force, record->effective);
  auto add_relation = [&](EdgeId e, VertexId other, bool incoming) {
    const std::optional<Date> day = takes_effect(graph, e);
    add(Type::relation, day).relation =
        RelationEvent{.edge = e, .other = other, .kind = graph.edge(e).kind, .incoming = incoming, .day = day};
  };
  for (EdgeId e : graph.in_edges(policy))
    if (is_lineage(graph.edge(e).kind)) add_relation(e, graph.edge(e).source, true);
  for (EdgeId e : graph.out_edges(policy))
    if (is_lineage(graph.edge(e).kind)) add_relation(e, graph.edge(e).target, false);
  if (record != nullptr) {
    for (const Milestone& milestone : record->milestones) {
      HistoryEvent& event = add(Type::milestone, parse_date(milestone.date));
      event.event = milestone.event;
      if (!event.date) event.date_text = milestone.date;
    }
    if (record->expires) add(Type::expiry, record->expires);
  }
  // Oldest first; within a day, the order of the types above; relations of one day by the
  // other policy's id. Undated events last, in the same order.
  std::stable_sort(events.begin(), events.end(), [](const HistoryEvent& a, const HistoryEvent& b) {
    if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
    if (a.date && *a.date != *b.date) return *a.date < *b.date;
    if (a.type != b.type) return a.type < b.type;
    if (a.relation && b.relation) return a.relation->other < b.relation->other;
    return false;
  });
  return events;
}

void evolution_diagnostics(const Graph& graph, const Date& today, Diagnostics& diagnostics) {
  for (VertexId v : graph.policies()) {
    const Record* record = graph.record(v);
    if (record == nullptr || (record->state != LegalState::in_force && record->state != LegalState::ended)) continue;
    const std::string status(record->attribute("status").value_or(""));
    // The relation that ended it first, if any, and whether it has taken effect by today.
    std::optional<RelationEvent> ender;
    for (EdgeId e : graph.in_edges(v)) {
      if (!ends_target(graph.edge(e).kind)) continue;
      RelationEvent event{.edge = e,
                          .other = graph.edge(e).source,
                          .kind = graph.edge(e).kind,
                          .incoming = true,
                          .day = takes_effect(graph, e)};
      if (!ender || earlier(event, *ender)) ender = event;
    }
    auto warn = [&](std::string message) {
      diagnostics.push_back({.file = record->file,
                             .line = record->status_at.line,
                             .column = record->status_at.column,
                             .severity = Severity::warning,
                             .message = std::move(message)});
    };
    const std::string name =
        "policy '" + record->id + "' has status '" + status + "' (" + std::string(to_string(record->state)) + ")";
    if (record->state == LegalState::in_force && ender && on_or_before(ender->day, today)) {
      warn(name + ", but '" + graph.node(ender->other).id + "' " + std::string(to_string(ender->kind)) +
           " it with effect from " + ender->day->iso() +
           "; update its status (e.g. 'Repealed' or 'Superseded'), or check that relation");
    } else if (record->state == LegalState::ended && !ender && !record->expires) {
      warn(name +
           ", but no record of the corpus repeals, replaces or consolidates it and it has no "
           "'evolution.expires'; name the act that ended it (e.g. 'repealedBy: <id>') or its expiry, or "
           "correct the status");
    }
  }
}

Date today_utc() {
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day day{now};
  return Date{static_cast<int>(day.year()), static_cast<int>(static_cast<unsigned>(day.month())),
              static_cast<int>(static_cast<unsigned>(day.day()))};
}

}  // namespace policygraph
