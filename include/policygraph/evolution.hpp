// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "policygraph/date.hpp"
#include "policygraph/diagnostics.hpp"
#include "policygraph/graph.hpp"

namespace policygraph {

/// Typed evolution and legal state (MODEL.md section 7) on a graph that holds the lineage
/// edges: the full graph or its lineage view. A relation edge points from the newer act A
/// to the older act B it acts on; what it does to B depends on its kind:
///
///   supersedes, consolidates   B ends; A is its successor
///   repeals                    B ends; no successor
///   amends                     B stays in force, as amended
///   implements                 B is unchanged
///
/// Every function here is O(degree of the policy) unless it says otherwise.

/// The first day a policy applies: `evolution.effective`, else its date; nullopt for an
/// undated or unresolved policy, which is never in force.
std::optional<Date> effective_day(const Graph& graph, VertexId policy);

/// The policy's normalised state (`unknown` for an unresolved policy).
LegalState legal_state(const Graph& graph, VertexId policy);

/// The day relation `edge` takes effect (MODEL.md 7.1): the `date` of an item that states
/// it ({id, date}; the newer act's statement first), else the effective day of its source.
/// Nullopt when neither is known: such a relation never takes effect "on or before" a day.
/// O(relations written on the edge's two records).
std::optional<Date> takes_effect(const Graph& graph, EdgeId edge);

/// The days a policy is in force, which the rule of MODEL.md 7.2 makes one run of days:
/// from `from` up to, but not including, `until`.
struct InForcePeriod {
  Date from;                  ///< its effective day
  std::optional<Date> until;  ///< the first day it no longer applies; nullopt while nothing ends it
};

/// When `policy` is in force (MODEL.md 7.2): from its effective day until the earliest of
/// the days a `supersedes`, `consolidates` or `repeals` relation against it takes effect and
/// its `expires`. Amendments do not end what they amend; a relation that never takes effect
/// (takes_effect is nullopt) ends nothing. Nullopt when it is never in force: undated or
/// unresolved, in state `proposed`, `pending` without `effective`, or ended on or before
/// its effective day. What Gephi's timeline plays (export/gexf.cpp).
std::optional<InForcePeriod> in_force_period(const Graph& graph, VertexId policy);

/// Whether `policy` is in force on `day` (MODEL.md 7.2): its effective day is on or before
/// `day`; no `supersedes`, `consolidates` or `repeals` relation against it has taken effect
/// on or before `day`; `expires` is after `day` or absent; its state is not `proposed`, and
/// not `pending` unless `effective` is given. Amendments do not end what they amend. The
/// same as `day` falling in its in_force_period.
bool in_force_on(const Graph& graph, VertexId policy, const Date& day);

/// Every policy in force on `day`, sorted by id. O(V + E).
std::vector<VertexId> in_force(const Graph& graph, const Date& day);

/// One relation touching a policy, seen from that policy.
struct RelationEvent {
  EdgeId edge = 0;
  VertexId other = 0;  ///< the policy at the other end
  EdgeKind kind = EdgeKind::supersedes;
  bool incoming = true;     ///< `other` acts on the policy (true) or the policy acts on `other`
  std::optional<Date> day;  ///< takes_effect(edge)
};

/// A relation seen from the policy it touches, for people: "amended by", "replaced by", ...
/// when the other act acts on it (`incoming`); "amends", "replaces", ... when it acts on the
/// other. The kind's name for an edge kind that is no relation.
std::string_view relation_phrase(EdgeKind kind, bool incoming);

/// What other acts did to a policy (MODEL.md 7.3), each list by day (undated last), then id.
struct Evolution {
  VertexId policy = 0;
  std::vector<RelationEvent> successors;  ///< `supersedes`, `consolidates`: what replaced it
  std::vector<RelationEvent> repealed_by;
  std::vector<RelationEvent> amended_by;           ///< by acts whose state is not `proposed`
  std::vector<RelationEvent> proposed_amendments;  ///< by acts in state `proposed`
  std::vector<RelationEvent> implemented_by;
};

/// The incoming relations of `policy`, sorted into the lists of Evolution.
Evolution evolution_of(const Graph& graph, VertexId policy);

/// The amendments of `policy` that had taken effect on `day`: adopted (not `proposed`)
/// amending acts whose relation took effect on or before `day`, by day, then id.
std::vector<RelationEvent> amendments_in_effect(const Graph& graph, VertexId policy, const Date& day);

/// One dated event on a policy's timeline.
struct HistoryEvent {
  enum class Type : unsigned char { published, entry_into_force, relation, milestone, expiry };
  Type type = Type::published;
  std::optional<Date> date;  ///< nullopt: a relation that never takes effect, a milestone's unreadable date
  std::string date_text;     ///< as written, for a milestone whose date does not parse
  std::string event;         ///< a milestone's own words; empty for the other types
  std::optional<RelationEvent> relation;  ///< for Type::relation
};

/// A policy's timeline (MODEL.md 7.3), oldest first: publication, entry into force (when
/// `effective` is given), each relation touching it in either direction on the day it takes
/// effect, each `evolution.milestones` entry, and expiry. Events of one day keep that order;
/// undated events come last. O(degree + milestones, log of their count).
std::vector<HistoryEvent> history(const Graph& graph, VertexId policy);

/// The warnings of MODEL.md 7.2 that need the graph, appended to `diagnostics`: a policy
/// whose state is `in_force` though a relation in the corpus ended it on or before `today`;
/// a policy whose state is `ended` though nothing in the corpus ends it and it has no
/// `expires`. (The languages' disagreement and the unknown words are the loader's; a
/// relation pointing forward in time is build_graph's.) build_graph calls it; O(V + E).
void evolution_diagnostics(const Graph& graph, const Date& today, Diagnostics& diagnostics);

/// Today's date in UTC, for the checks and answers that depend on "now".
Date today_utc();

}  // namespace policygraph
