// SPDX-License-Identifier: MIT
// The fields of typed evolution as read from a record (MODEL.md 7.1 and 7.2): each relation
// in both forms and under its aliases, items written {id, date}, the legal dates and the
// status; and what bad values of them get: a diagnostic at the value, the rest kept.
#include <gtest/gtest.h>

#include "policygraph/loader.hpp"
#include "records/parsed.hpp"
#include "records/record_dump.hpp"

namespace policygraph {
namespace {

using Strings = std::vector<std::string>;

// "amends:b@7:5#2020-01-01" for each relation item, in the order written.
Strings relations(const Record& record) {
  Strings out;
  for (const RelationItem& item : record.relations) {
    std::string text = std::string(field_name(item)) + ":" + item.other.id + "@" + location(item.other.where);
    if (item.date) text += "#" + item.date->iso();
    out.push_back(text);
  }
  return out;
}

TEST(Relations, EveryFieldInBothFormsAndTheAliases) {
  auto parsed = parse(
      "---\n"
      "id: a\n"
      "title: A\n"
      "evolution:\n"
      "  supersedes: s1\n"  // line 5
      "  replaces: [s2]\n"  // alias of supersedes
      "  supersededBy: s3\n"
      "  replacedBy: s4\n"  // alias of supersededBy
      "  consolidatedFrom: [c1]\n"
      "  consolidatedInto: c2\n"  // line 10
      "  repeals: r1\n"
      "  repealedBy: r2\n"
      "  amends: [m1, m2]\n"
      "  amendedBy: m3\n"
      "  implements: i1\n"  // line 15
      "  transposes: i2\n"  // alias of implements
      "  implementedBy: i3\n"
      "---\n");
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_TRUE(parsed.diagnostics.empty()) << parsed.diagnostics[0];
  EXPECT_EQ(relations(parsed.records[0]),
            (Strings{"supersedes:s1@5:15", "supersedes:s2@6:14", "supersededBy:s3@7:17", "supersededBy:s4@8:15",
                     "consolidatedFrom:c1@9:22", "consolidatedInto:c2@10:21", "repeals:r1@11:12", "repealedBy:r2@12:15",
                     "amends:m1@13:12", "amends:m2@13:16", "amendedBy:m3@14:14", "implements:i1@15:15",
                     "implements:i2@16:15", "implementedBy:i3@17:18"}));
}

TEST(Relations, AnItemWithADayTakesEffectThen) {
  auto parsed = parse(
      "---\nid: a\ntitle: A\nevolution:\n"
      "  repeals:\n"
      "    - {id: old-1, date: 2013-01-01}\n"
      "    - old-2\n"
      "    - id: old-3\n"
      "      date: '2021'\n"
      "  amends: {id: base, date: 2019-07}\n"  // one mapping: a list of one
      "---\n");
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_TRUE(parsed.diagnostics.empty()) << parsed.diagnostics[0];
  EXPECT_EQ(relations(parsed.records[0]), (Strings{"repeals:old-1@6:12#2013-01-01", "repeals:old-2@7:7",
                                                   "repeals:old-3@8:11#2021-01-01", "amends:base@10:16#2019-07-01"}));
}

TEST(Relations, LegalDatesAndTheirAliases) {
  auto parsed = parse(
      "---\nid: a\ntitle: A\npubDate: 2019-10-29\nevolution:\n  effective: 2020-01-01\n"
      "  expires: '2031'\n---\n");
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_EQ(parsed.records[0].effective, (Date{2020, 1, 1}));
  EXPECT_EQ(parsed.records[0].expires, (Date{2031, 1, 1}));
  EXPECT_EQ(parsed.records[0].date, (Date{2019, 10, 29}));

  parsed = parse("---\nid: a\ntitle: A\nevolution:\n  entryIntoForce: 2003-10-25\n  inForceUntil: 2013-01\n---\n");
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_EQ(parsed.records[0].effective, (Date{2003, 10, 25}));
  EXPECT_EQ(parsed.records[0].expires, (Date{2013, 1, 1}));
}

TEST(Relations, StatusIsNormalisedAndKeptAsWritten) {
  auto parsed = parse("---\nid: a\ntitle: A\nstatus: Draft for public comment\n---\n");
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_EQ(parsed.records[0].state, LegalState::proposed);
  EXPECT_EQ(parsed.records[0].attribute("status"), "Draft for public comment");
  EXPECT_EQ(location(parsed.records[0].status_at), "4:9");

  parsed = parse("---\nid: a\ntitle: A\nstatus: 即将实施\n---\n");
  EXPECT_EQ(parsed.records[0].state, LegalState::pending);
  parsed = parse("---\nid: a\ntitle: A\nstatus: Completed\n---\n");
  EXPECT_EQ(parsed.records[0].state, LegalState::unknown);  // the loader notes the word once for the corpus
  EXPECT_TRUE(parsed.diagnostics.empty());
  parsed = parse("---\nid: a\ntitle: A\n---\n");
  EXPECT_EQ(parsed.records[0].state, LegalState::unknown);
}

TEST(RelationsBadInput, AnItemThatIsAListIsDroppedWithOneDiagnostic) {
  auto parsed = parse(
      "---\nid: a\ntitle: A\nevolution:\n  amends:\n    - good\n    - [bad, list]\n    - [worse]\n"
      "  clusters: [c]\n---\n");
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_EQ(relations(parsed.records[0]), Strings{"amends:good@6:7"});
  EXPECT_EQ(parsed.records[0].clusters, Strings{"c"});
  EXPECT_EQ(parsed.diagnostics,
            Strings{"policies/en/x.md:7:7: error: 'evolution.amends' has an item that is a list, expected policy ids, "
                    "or mappings {id: ..., date: ...}; such items are dropped"});
}

TEST(RelationsBadInput, AMappingWithoutIdIsDroppedAndNamesWhatItHas) {
  auto parsed = parse(
      "---\nid: a\ntitle: A\nevolution:\n  repeals:\n    - {ident: old, date: 2013-01-01}\n"
      "    - kept\n---\n");
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_EQ(relations(parsed.records[0]), Strings{"repeals:kept@7:7"});
  EXPECT_EQ(parsed.diagnostics,
            Strings{"policies/en/x.md:6:7: error: an item of 'evolution.repeals' is a mapping without 'id' (it has "
                    "'ident'); write a policy id, or {id: <policy id>, date: YYYY-MM-DD}; the item is dropped"});
}

TEST(RelationsBadInput, AnUnknownKeyOfAnItemIsAWarningWithASuggestion) {
  auto parsed = parse("---\nid: a\ntitle: A\nevolution:\n  repeals:\n    - {id: old, dat: 2013-01-01}\n---\n");
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_EQ(relations(parsed.records[0]), Strings{"repeals:old@6:12"});
  EXPECT_EQ(parsed.diagnostics,
            Strings{"policies/en/x.md:6:17: warning: 'evolution.repeals.dat' is not a field policygraph reads; it is "
                    "ignored; did you mean 'date'?"});
}

TEST(RelationsBadInput, AnUnparseableDayKeepsTheRelationWithoutIt) {
  auto parsed = parse("---\nid: a\ntitle: A\nevolution:\n  repeals:\n    - {id: old, date: 31.12.2012}\n---\n");
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_EQ(relations(parsed.records[0]), Strings{"repeals:old@6:12"});
  EXPECT_EQ(parsed.diagnostics,
            Strings{"policies/en/x.md:6:23: warning: the date of 'old' in 'evolution.repeals' is '31.12.2012', not a "
                    "date; write YYYY, YYYY-MM or YYYY-MM-DD (a real calendar day); the relation takes effect on the "
                    "newer act's effective day instead"});
}

TEST(RelationsBadInput, AnUnparseableEffectiveOrExpiryIsDropped) {
  auto parsed = parse(
      "---\nid: a\ntitle: A\nyear: 2020\nevolution:\n  effective: soon\n  expires: 2030-02-30\n"
      "tags: [kept]\n---\n");
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_EQ(parsed.records[0].effective, std::nullopt);
  EXPECT_EQ(parsed.records[0].expires, std::nullopt);
  EXPECT_EQ(parsed.records[0].tags, Strings{"kept"});
  EXPECT_EQ(parsed.diagnostics,
            (Strings{"policies/en/x.md:6:14: warning: 'evolution.effective' is 'soon', not a date; write YYYY, YYYY-MM "
                     "or YYYY-MM-DD (a real calendar day); the record's date is used instead",
                     "policies/en/x.md:7:12: warning: 'evolution.expires' is '2030-02-30', not a date; write YYYY, "
                     "YYYY-MM or YYYY-MM-DD (a real calendar day); the record is read without an expiry"}));
}

TEST(RelationsBadInput, ATypoOfARelationFieldSuggestsTheField) {
  auto parsed = parse(
      "---\nid: a\ntitle: A\nevolution:\n  amendedby: b\n  supercedes: [c]\n  notes: free text\n"
      "  amends: d\n---\n");
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_EQ(relations(parsed.records[0]), Strings{"amends:d@8:11"});
  EXPECT_EQ(parsed.diagnostics,
            (Strings{"policies/en/x.md:5:3: warning: 'evolution.amendedby' is not a field policygraph reads; it is "
                     "ignored; did you mean 'amendedBy'?",
                     "policies/en/x.md:6:3: warning: 'evolution.supercedes' is not a field policygraph reads; it is "
                     "ignored; did you mean 'supersedes' or 'supersededBy'?",
                     "policies/en/x.md:7:3: note: 'evolution.notes' is not a field policygraph reads; it is ignored "
                     "(the relations are supersedes, consolidatedFrom, repeals, amends, implements and their inverse "
                     "forms supersededBy, consolidatedInto, repealedBy, amendedBy, implementedBy)"}));
}

}  // namespace
}  // namespace policygraph
