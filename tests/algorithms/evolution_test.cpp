// SPDX-License-Identifier: MIT
// Typed evolution on hand-worked graphs (MODEL.md section 7): which relations end a policy
// and when, what is in force on a day, what amended it, its timeline, and the warnings.
#include <gtest/gtest.h>

#include "graph/test_records.hpp"
#include "policygraph/evolution.hpp"

namespace policygraph::testing {
namespace {

using Strings = std::vector<std::string>;

Record with_status(Record record, const std::string& status) {
  record.attributes.add("status", status);
  record.state = legal_state_of(status).value_or(LegalState::unknown);
  record.status_at = {4, 9};
  return record;
}

RelationItem dated(Relation relation, const std::string& id, const std::string& day, bool inverse = false) {
  return RelationItem{relation, inverse, {id, {8, 7}}, parse_date(day)};
}

std::vector<std::string> in_force_ids(const Graph& graph, const std::string& day) {
  return ids(graph, in_force(graph, *parse_date(day)));
}

//   base-2003 <-amends- m1-2004        (amended, stays in force)
//             <-amends- m2-2009
//             <-amends- draft-2024     (a proposal: never in effect)
TEST(Evolution, AmendmentsDoNotEndWhatTheyAmend) {
  Record base = policy("base-2003", "2003-10-13");
  base.effective = parse_date("2003-10-25");
  Record m1 = policy("m1-2004", "2004-10-27");
  relate(m1, Relation::amends, refs({"base-2003"}));
  Record m2 = policy("m2-2009", "2009-04-23");
  relate(m2, Relation::amends, refs({"base-2003"}));
  Record draft = with_status(policy("draft-2024", "2024-01-01"), "Proposed");
  relate(draft, Relation::amends, refs({"base-2003"}));
  Graph graph = build({base, m1, m2, draft});

  EXPECT_EQ(in_force_ids(graph, "2003-10-24"), Strings{});  // published, not yet effective
  EXPECT_EQ(in_force_ids(graph, "2003-10-25"), Strings{"base-2003"});
  EXPECT_EQ(in_force_ids(graph, "2015-06-30"), (Strings{"base-2003", "m1-2004", "m2-2009"}));
  EXPECT_EQ(in_force_ids(graph, "2025-01-01"), (Strings{"base-2003", "m1-2004", "m2-2009"}));
  const VertexId v = vertex(graph, "base-2003");
  auto amendments_on = [&](const std::string& day) {
    Strings out;
    for (const RelationEvent& event : amendments_in_effect(graph, v, *parse_date(day)))
      out.push_back(graph.node(event.other).id + "@" + event.day->iso());
    return out;
  };
  EXPECT_EQ(amendments_on("2008-01-01"), Strings{"m1-2004@2004-10-27"});
  EXPECT_EQ(amendments_on("2025-01-01"), (Strings{"m1-2004@2004-10-27", "m2-2009@2009-04-23"}));

  const Evolution evolution = evolution_of(graph, v);
  EXPECT_TRUE(evolution.successors.empty());
  EXPECT_TRUE(evolution.repealed_by.empty());
  ASSERT_EQ(evolution.amended_by.size(), 2u);
  EXPECT_EQ(graph.node(evolution.amended_by[0].other).id, "m1-2004");
  EXPECT_EQ(evolution.amended_by[0].day, parse_date("2004-10-27"));
  ASSERT_EQ(evolution.proposed_amendments.size(), 1u);
  EXPECT_EQ(graph.node(evolution.proposed_amendments[0].other).id, "draft-2024");
  EXPECT_EQ(ids(graph, replaced_by(graph, v).current), Strings{"base-2003"});  // not replaced
}

//   old-2007 <-repeals {date: 2013-01-01}- new-2012     (a repeal from a later day)
//   rule-2015 <-supersedes- rule-2018 (effective 2019-01-04)
TEST(Evolution, ARelationEndsItsTargetOnTheDayItTakesEffect) {
  Record old_policy = policy("old-2007", "2007-07-18");
  Record new_policy = policy("new-2012", "2012-06-21");
  new_policy.relations.push_back(dated(Relation::repeals, "old-2007", "2013-01-01"));
  Record rule = policy("rule-2015", "2015-09-25");
  Record next = policy("rule-2018", "2018-11-16");
  next.effective = parse_date("2019-01-04");
  relate(next, Relation::supersedes, refs({"rule-2015"}));
  Graph graph = build({old_policy, new_policy, rule, next});

  EXPECT_EQ(in_force_ids(graph, "2012-12-31"), (Strings{"new-2012", "old-2007"}));
  EXPECT_EQ(in_force_ids(graph, "2013-01-01"), Strings{"new-2012"});
  EXPECT_EQ(in_force_ids(graph, "2019-01-03"), (Strings{"new-2012", "rule-2015"}));
  EXPECT_EQ(in_force_ids(graph, "2019-01-04"), (Strings{"new-2012", "rule-2018"}));

  const Evolution old_evolution = evolution_of(graph, vertex(graph, "old-2007"));
  ASSERT_EQ(old_evolution.repealed_by.size(), 1u);
  EXPECT_EQ(old_evolution.repealed_by[0].day, parse_date("2013-01-01"));
  EXPECT_TRUE(old_evolution.successors.empty());  // a repeal names no successor
  EXPECT_TRUE(replaced_by(graph, vertex(graph, "old-2007")).successors.empty());
  EXPECT_EQ(ids(graph, replaced_by(graph, vertex(graph, "rule-2015")).successors), Strings{"rule-2018"});
}

// The day of a relation: the item's own `date` (on the newer act first, else on the older
// one), else the effective day of the newer act, else its date; nothing for an undated or
// unresolved newer act.
TEST(Evolution, TheDayARelationTakesEffect) {
  Record a = policy("a", "2010-01-01");
  Record b = policy("b", "2012-01-01");
  b.effective = parse_date("2012-07-01");
  relate(b, Relation::amends, refs({"a"}));
  Record c = policy("c", "2014-01-01");
  c.relations.push_back(dated(Relation::repeals, "a", "2016-01-01"));
  Record d = policy("d", "2011-01-01");
  d.relations.push_back(dated(Relation::implements, "e", "2011-06-01", true));  // on the older act: e implements d
  Record e = policy("e", "2013-05-05");
  Record f = policy("f");  // undated
  relate(f, Relation::amends, refs({"a"}));
  Record g = policy("g", "2015-01-01");
  relate(g, Relation::amends, refs({"ghost"}), true);  // ghost (no record) amends g
  Graph graph = build({a, b, c, d, e, f, g});

  auto day_of = [&](const std::string& source, EdgeKind kind, const std::string& target) -> std::string {
    for (EdgeId id : graph.out_edges(vertex(graph, source)))
      if (graph.edge(id).kind == kind && graph.node(graph.edge(id).target).id == target) {
        auto day = takes_effect(graph, id);
        return day ? day->iso() : "none";
      }
    return "no edge";
  };
  EXPECT_EQ(day_of("b", EdgeKind::amends, "a"), "2012-07-01");      // b's effective day
  EXPECT_EQ(day_of("c", EdgeKind::repeals, "a"), "2016-01-01");     // the item's date
  EXPECT_EQ(day_of("e", EdgeKind::implements, "d"), "2011-06-01");  // the date written on d
  EXPECT_EQ(day_of("f", EdgeKind::amends, "a"), "none");
  EXPECT_EQ(day_of("ghost", EdgeKind::amends, "g"), "none");
}

TEST(Evolution, StateExpiryAndEffectiveDayInTheInForceRule) {
  Record proposed = with_status(policy("proposed", "2020-01-01"), "Draft for public comment");
  Record pending = with_status(policy("pending", "2020-01-01"), "即将实施");
  Record pending_dated = with_status(policy("pending-dated", "2020-01-01"), "Not yet in force");
  pending_dated.effective = parse_date("2021-01-01");
  Record sunset = policy("sunset", "2020-01-01");
  sunset.expires = parse_date("2022-01-01");
  Record unknown = with_status(policy("unknown", "2020-01-01"), "Completed");       // counts as in force
  Record ended_word = with_status(policy("ended-word", "2020-01-01"), "Repealed");  // a word alone ends nothing
  Graph graph = build({proposed, pending, pending_dated, sunset, unknown, ended_word});

  EXPECT_EQ(in_force_ids(graph, "2020-06-01"), (Strings{"ended-word", "sunset", "unknown"}));
  EXPECT_EQ(in_force_ids(graph, "2021-01-01"), (Strings{"ended-word", "pending-dated", "sunset", "unknown"}));
  EXPECT_EQ(in_force_ids(graph, "2022-01-01"), (Strings{"ended-word", "pending-dated", "unknown"}));
  EXPECT_EQ(legal_state(graph, vertex(graph, "pending")), LegalState::pending);
}

// The period in force as "from..until" ("from.." while nothing ends it, "never").
std::string period_of(const Graph& graph, const std::string& id) {
  const std::optional<InForcePeriod> period = in_force_period(graph, vertex(graph, id));
  if (!period) return "never";
  return period->from.iso() + ".." + (period->until ? period->until->iso() : "");
}

//   act-2010 (effective 2010-07-01, expires 2030) <-amends- fix-2012
//            <-repeals {date: 2021-01-01}- repealer-2020
//            <-supersedes- successor-2024 (effective 2025-01-01): later than the repeal
//   early-2015 <-supersedes- undated: a relation that never takes effect ends nothing
//   stillborn-2016 (effective 2017-01-01) <-repeals {date: 2017-01-01}- killer-2016
TEST(Evolution, APeriodInForceRunsFromTheEffectiveDayToTheFirstEnd) {
  Record act = policy("act-2010", "2010-01-01");
  act.effective = parse_date("2010-07-01");
  act.expires = parse_date("2030-01-01");
  Record fix = policy("fix-2012", "2012-01-01");
  relate(fix, Relation::amends, refs({"act-2010"}));
  Record repealer = policy("repealer-2020", "2020-01-01");
  repealer.relations.push_back(dated(Relation::repeals, "act-2010", "2021-01-01"));
  Record successor = policy("successor-2024", "2024-01-01");
  successor.effective = parse_date("2025-01-01");
  relate(successor, Relation::supersedes, refs({"act-2010"}));
  Record sunset = policy("sunset-2011", "2011-01-01");
  sunset.expires = parse_date("2016-01-01");
  Record early = policy("early-2015", "2015-01-01");
  Record undated = policy("undated");
  relate(undated, Relation::supersedes, refs({"early-2015"}));
  Record stillborn = policy("stillborn-2016", "2016-01-01");
  stillborn.effective = parse_date("2017-01-01");
  Record killer = policy("killer-2016", "2016-06-01");
  killer.relations.push_back(dated(Relation::repeals, "stillborn-2016", "2017-01-01"));
  Graph graph = build({act, fix, repealer, successor, sunset, early, undated, stillborn, killer});

  EXPECT_EQ(period_of(graph, "act-2010"), "2010-07-01..2021-01-01");  // amended, then repealed
  EXPECT_EQ(period_of(graph, "fix-2012"), "2012-01-01..");
  EXPECT_EQ(period_of(graph, "sunset-2011"), "2011-01-01..2016-01-01");
  EXPECT_EQ(period_of(graph, "early-2015"), "2015-01-01..");
  EXPECT_EQ(period_of(graph, "undated"), "never");
  EXPECT_EQ(period_of(graph, "stillborn-2016"), "never");  // repealed on the day it was to apply
  // in_force_on agrees on the days around each bound.
  const VertexId v = vertex(graph, "act-2010");
  EXPECT_FALSE(in_force_on(graph, v, *parse_date("2010-06-30")));
  EXPECT_TRUE(in_force_on(graph, v, *parse_date("2010-07-01")));
  EXPECT_TRUE(in_force_on(graph, v, *parse_date("2020-12-31")));
  EXPECT_FALSE(in_force_on(graph, v, *parse_date("2021-01-01")));
}

TEST(Evolution, NoPeriodInForceForProposalsAndUndatedPending) {
  Record draft = with_status(policy("draft", "2020-01-01"), "征求意见稿");
  Record pending = with_status(policy("pending", "2020-01-01"), "即将实施");
  Record pending_dated = with_status(policy("pending-dated", "2020-01-01"), "Not yet in force");
  pending_dated.effective = parse_date("2021-01-01");
  Record ended_word = with_status(policy("ended-word", "2020-01-01"), "Repealed");  // a word alone ends nothing
  Record citing = policy("citing", "2021-01-01");
  relate(citing, Relation::implements, refs({"ghost"}));
  Graph graph = build({draft, pending, pending_dated, ended_word, citing});

  EXPECT_EQ(period_of(graph, "draft"), "never");
  EXPECT_EQ(period_of(graph, "pending"), "never");
  EXPECT_EQ(period_of(graph, "pending-dated"), "2021-01-01..");
  EXPECT_EQ(period_of(graph, "ended-word"), "2020-01-01..");
  EXPECT_EQ(period_of(graph, "ghost"), "never");  // unresolved
}

//   a-2001 <-supersedes- b-2005 <-amends- c-2007; c also implements d-2006; e-2010 repeals b
TEST(Evolution, HistoryIsOldestFirstWithEveryRelationAndMilestone) {
  Record a = policy("a-2001", "2001-01-01");
  Record b = policy("b-2005", "2005-03-01");
  b.effective = parse_date("2005-06-01");
  b.expires = parse_date("2030-01-01");
  relate(b, Relation::supersedes, refs({"a-2001"}));
  b.milestones = {{"2005-03-02", "Published in the journal"}, {"sometime", "Undated note"}, {"2005-06-01", "Applies"}};
  Record c = policy("c-2007", "2007-01-01");
  relate(c, Relation::amends, refs({"b-2005"}));
  relate(c, Relation::implements, refs({"d-2006"}));
  Record d = policy("d-2006", "2006-01-01");
  Record e = policy("e-2010", "2010-01-01");
  e.relations.push_back(dated(Relation::repeals, "b-2005", "2012-01-01"));
  Graph graph = build({a, b, c, d, e});

  Strings lines;
  for (const HistoryEvent& event : history(graph, vertex(graph, "b-2005"))) {
    std::string line = event.date ? event.date->iso() : "(" + event.date_text + ")";
    switch (event.type) {
      case HistoryEvent::Type::published: line += " published"; break;
      case HistoryEvent::Type::entry_into_force: line += " in force"; break;
      case HistoryEvent::Type::expiry: line += " expires"; break;
      case HistoryEvent::Type::milestone: line += " " + event.event; break;
      case HistoryEvent::Type::relation:
        line += std::string(event.relation->incoming ? " <-" : " ->") + std::string(to_string(event.relation->kind)) +
                " " + graph.node(event.relation->other).id;
        break;
    }
    lines.push_back(line);
  }
  // b's own supersession takes effect on b's effective day, after its entry into force.
  EXPECT_EQ(lines, (Strings{"2005-03-01 published", "2005-03-02 Published in the journal", "2005-06-01 in force",
                            "2005-06-01 ->supersedes a-2001", "2005-06-01 Applies", "2007-01-01 <-amends c-2007",
                            "2012-01-01 <-repeals e-2010", "2030-01-01 expires", "(sometime) Undated note"}));
}

TEST(Evolution, EachRelationIsItsOwnEdgeKindInBothForms) {
  Record a = policy("a", "2000");
  Record b = policy("b", "2001");
  relate(b, Relation::amends, refs({"a"}));
  relate(b, Relation::implements, refs({"a"}));     // the same pair, two kinds: two edges
  relate(b, Relation::repeals, refs({"c"}), true);  // on b: repealedBy c
  Record c = policy("c", "2002");
  relate(c, Relation::consolidates, refs({"d"}), true);  // on c: consolidatedInto d, so d consolidates c
  Record d = policy("d", "1999");
  Diagnostics diagnostics;
  Graph graph = build({a, b, c, d}, &diagnostics);
  EXPECT_EQ(edge_list(graph), (Strings{"policy:b -amends-> policy:a (2)", "policy:b -implements-> policy:a (2)",
                                       "policy:c -repeals-> policy:b (2)", "policy:d -consolidates-> policy:c (3)"}));
  // d (1999) consolidating c (2002) points back in time.
  ASSERT_EQ(diagnostics.size(), 1u) << format_diagnostic(diagnostics[1]);
  EXPECT_EQ(format_diagnostic(diagnostics[0]),
            "policies/c.md:7:3: warning: 'd' consolidates 'c', but is dated 1999-01-01, before it (2002-01-01); a "
            "relation goes from the newer act to the older: check the dates, or write the relation the other way "
            "round (consolidatedInto on the other record)");
}

TEST(Evolution, ABackwardRelationStatedTwiceIsOneWarning) {
  Record old_policy = policy("old", "2020");
  relate(old_policy, Relation::amends, refs({"new"}));
  Record new_policy = policy("new", "2021");
  relate(new_policy, Relation::amends, refs({"old"}), true);
  Diagnostics diagnostics;
  build({old_policy, new_policy}, &diagnostics);
  ASSERT_EQ(diagnostics.size(), 1u) << format_diagnostic(diagnostics[1]);
  EXPECT_NE(diagnostics[0].message.find("'old' amends 'new', but is dated 2020-01-01"), std::string::npos);
}

//   a <-amends- b <-amends- a: a cycle through amendments is a cycle
TEST(Evolution, CyclesThroughAnyRelationAreReported) {
  Record a = policy("a");
  relate(a, Relation::amends, refs({"b"}));
  Record b = policy("b");
  relate(b, Relation::implements, refs({"a"}));
  Diagnostics diagnostics;
  Graph graph = build({a, b}, &diagnostics);
  ASSERT_EQ(lineage_cycles(graph).size(), 1u);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_NE(diagnostics[0].message.find("lineage cycle among 2 policies"), std::string::npos);
}

TEST(Evolution, AStatusThatTheRelationsContradictIsAWarning) {
  Record active = with_status(policy("active", "2010"), "Active");
  Record repealer = policy("repealer", "2015");
  repealer.relations.push_back(dated(Relation::repeals, "active", "2016-01-01"));
  Record later = with_status(policy("later", "2010"), "In force");  // repealed only from a day to come
  Record future = policy("future", "2015");
  future.relations.push_back(dated(Relation::repeals, "later", "2999-01-01"));
  Record gone = with_status(policy("gone", "2010"), "Repealed");  // nothing ends it
  Record sunset = with_status(policy("sunset", "2010"), "Expired");
  sunset.expires = parse_date("2020-01-01");  // its expiry explains it
  Record replaced = with_status(policy("replaced", "2010"), "Superseded");
  Record successor = policy("successor", "2012");
  relate(successor, Relation::supersedes, refs({"replaced"}));
  Diagnostics diagnostics;
  build({active, repealer, later, future, gone, sunset, replaced, successor}, &diagnostics);
  Strings lines;
  for (const auto& d : diagnostics) lines.push_back(format_diagnostic(d));
  EXPECT_EQ(lines,
            (Strings{"policies/active.md:4:9: warning: policy 'active' has status 'Active' (in_force), but "
                     "'repealer' repeals it with effect from 2016-01-01; update its status (e.g. 'Repealed' or "
                     "'Superseded'), or check that relation",
                     "policies/gone.md:4:9: warning: policy 'gone' has status 'Repealed' (ended), but no record "
                     "of the corpus repeals, replaces or consolidates it and it has no 'evolution.expires'; name "
                     "the act that ended it (e.g. 'repealedBy: <id>') or its expiry, or correct the status"}));
}

// MODEL.md 7: a corpus of section 1 fields only gets the answers of section 3, where
// in-force on D is "dated on or before D, and no policy dated on or before D supersedes or
// consolidates it" (computed here from the records, independently of the graph); except
// where its status words say a policy was never adopted.
TEST(Evolution, ASectionOneCorpusGetsTheAnswersOfSectionThree) {
  std::vector<Record> records{policy("a", "2001"), policy("b", "2005-03"),    policy("c", "2010"),
                              policy("d", "2012"), policy("e", "2008-06-30"), policy("undated")};
  relate(records[1], Relation::supersedes, refs({"a"}));
  relate(records[2], Relation::supersedes, refs({"b"}));
  relate(records[3], Relation::supersedes, refs({"b"}), false);
  relate(records[1], Relation::consolidates, refs({"e"}), true);  // on b: consolidatedInto e
  relate(records[4], Relation::supersedes, refs({"ghost"}));
  auto section_three = [&](const Date& day) {
    Strings result;
    for (const Record& r : records) {
      if (!r.date || *r.date > day) continue;
      bool replaced = false;
      for (const Record& other : records)
        for (const RelationItem& item : other.relations) {
          const std::string& newer = item.inverse ? item.other.id : other.id;
          const std::string& older = item.inverse ? other.id : item.other.id;
          auto newer_record =
              std::find_if(records.begin(), records.end(), [&](const Record& x) { return x.id == newer; });
          if (older == r.id && newer_record != records.end() && newer_record->date && *newer_record->date <= day)
            replaced = true;
        }
      if (!replaced) result.push_back(r.id);
    }
    std::sort(result.begin(), result.end());
    return result;
  };
  Graph graph = build(records);
  for (int year = 2000; year <= 2014; ++year)
    for (int month : {1, 6, 12}) {
      const Date day{year, month, 30 - (month == 1 ? 29 : 0)};
      EXPECT_EQ(ids(graph, in_force(graph, day)), section_three(day)) << day.iso();
    }

  records[2] = with_status(records[2], "Planned");  // c was never adopted
  Graph planned = build(records);
  EXPECT_EQ(ids(graph, in_force(graph, Date{2011, 1, 1})), (Strings{"c", "e"}));
  EXPECT_EQ(ids(planned, in_force(planned, Date{2011, 1, 1})), (Strings{"e"}));
}

//   c (2010-03-15) --> b (2005-06) --> a (2000)
//   m (2008) --consolidates--> d (2003)
//   next (no record, no date) --> d      never supersedes "before D"
TEST(InForce, OnSeveralDates) {
  auto a = policy("a", "2000"), b = policy("b", "2005-06"), c = policy("c", "2010-03-15"), d = policy("d", "2003"),
       m = policy("m", "2008");
  relate(b, Relation::supersedes, refs({"a"}));
  relate(c, Relation::supersedes, refs({"b"}));
  relate(d, Relation::supersedes, refs({"next"}), true);
  relate(m, Relation::consolidates, refs({"d"}));
  Graph graph = build({a, b, c, d, m});
  auto on = [&](const Graph& g, const std::string& day) { return ids(g, in_force(g, *parse_date(day))); };
  EXPECT_EQ(on(graph, "1999-12-31"), Strings{});
  EXPECT_EQ(on(graph, "2000-01-01"), (Strings{"a"}));  // "2000" means 1 January 2000
  EXPECT_EQ(on(graph, "2005-05-31"), (Strings{"a", "d"}));
  EXPECT_EQ(on(graph, "2005-06-01"), (Strings{"b", "d"}));
  EXPECT_EQ(on(graph, "2008-01-01"), (Strings{"b", "m"}));
  EXPECT_EQ(on(graph, "2010-03-14"), (Strings{"b", "m"}));
  EXPECT_EQ(on(graph, "2010-03-15"), (Strings{"c", "m"}));
  EXPECT_EQ(on(make_view(graph, View::lineage), "2030"), (Strings{"c", "m"}));
}

}  // namespace
}  // namespace policygraph::testing
