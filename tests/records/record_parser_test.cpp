// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <yaml-cpp/parser.h>

#include <sstream>

#include "policygraph/loader.hpp"
#include "records/record_builder.hpp"
#include "records/record_dump.hpp"

namespace policygraph {
namespace {

ParseResult parse(std::string_view text, std::string_view path = "policies/en/x.md") {
  auto context = context_for_path(path);
  EXPECT_TRUE(context) << path;
  return parse_records(text, *context);
}

std::vector<std::string> messages(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(format_diagnostic(d));
  return out;
}

std::vector<std::string> ids(const std::vector<Reference>& references) {
  std::vector<std::string> out;
  for (const auto& r : references) out.push_back(r.id);
  return out;
}

using Strings = std::vector<std::string>;

TEST(ParseRecords, BlockStyleMarkdown) {
  auto result = parse(
      "---\n"
      "id: eu-nzia\n"
      "title: Net-Zero Industry Act\n"
      "country: EU\n"
      "year: 2024\n"
      "pubDate: '2024-02-06'\n"
      "tags: [storage, Industry]\n"
      "analysis:\n"
      "  statutory: {score: 100}\n"
      "evolution:\n"
      "  supersedes:\n"
      "    - old-act\n"
      "    - older-act\n"
      "  supersededBy: newer-act\n"
      "  clusters:\n"
      "    - European Green Deal\n"
      "  milestones:\n"
      "    - date: 2024-05-30\n"
      "      event: Adopted\n"
      "relatedFacilities: ['12', '13']\n"
      "---\n"
      "# Body\n");
  EXPECT_EQ(messages(result.diagnostics), Strings{});
  ASSERT_EQ(result.records.size(), 1u);
  const Record& r = result.records[0];
  EXPECT_EQ(r.kind, RecordKind::policy);
  EXPECT_EQ(r.id, "eu-nzia");
  EXPECT_EQ(r.label, "Net-Zero Industry Act");
  EXPECT_EQ(r.language, "en");
  EXPECT_EQ(r.file, "policies/en/x.md");
  EXPECT_EQ(r.where.line, 2);
  EXPECT_EQ(r.where.column, 5);
  ASSERT_TRUE(r.date);
  EXPECT_EQ(r.date->iso(), "2024-02-06");
  EXPECT_EQ(r.tags, (Strings{"storage", "Industry"}));
  EXPECT_EQ(ids(relation_refs(r, Relation::supersedes)), (Strings{"old-act", "older-act"}));
  EXPECT_EQ(relation_refs(r, Relation::supersedes)[1].where.line, 13);
  EXPECT_EQ(relation_refs(r, Relation::supersedes)[1].where.column, 7);
  EXPECT_EQ(ids(relation_refs(r, Relation::supersedes, true)), Strings{"newer-act"});
  EXPECT_EQ(r.clusters, Strings{"European Green Deal"});
  ASSERT_EQ(r.milestones.size(), 1u);
  EXPECT_EQ(r.milestones[0].date, "2024-05-30");
  EXPECT_EQ(r.milestones[0].event, "Adopted");
  EXPECT_EQ(ids(r.related_facilities), (Strings{"12", "13"}));
  ASSERT_EQ(r.attributes.size(), 3u);  // sorted by name; `analysis` is not a scalar
  EXPECT_EQ(r.attributes[0].name, "country");
  EXPECT_EQ(r.attributes[1].name, "pubDate");
  EXPECT_EQ(r.attributes[2].name, "year");
  EXPECT_EQ(*r.attribute("year"), "2024");
}

// Regression: yaml-cpp 0.7 decodes "\_" (no-break space) and "\N" (next line) to single bytes
// that are not UTF-8; the shared corpus has `hub: "Cameron Parish\_CO2 Hub (LA)"`, and the
// bad byte made every JSON export of it fail.
TEST(ParseRecords, YamlEscapesForNoBreakSpaceAndNextLineGiveUtf8) {
  auto result = parse("---\nid: p\ntitle: \"Cameron Parish\\_CO2\\Nhub\"\n---\n");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].label, "Cameron Parish\u00A0CO2\u0085hub");
  EXPECT_TRUE(result.diagnostics.empty()) << messages(result.diagnostics)[0];
}

// The same escapes as yaml-cpp gives them, for a text libyaml refuses and yaml-cpp reads: the
// builder mends them, unless told that its scalars are UTF-8 already (libyaml's are).
TEST(ParseRecords, YamlCppsEscapesAreMendedUnlessTheScalarsAreUtf8) {
  const auto context = context_for_path("policies/en/x.md");
  const Limits limits;
  for (bool utf8 : {false, true}) {
    ParseResult result;
    records::RecordBuilder builder(*context, limits, result);
    builder.start_text(0);
    builder.set_scalars_are_utf8(utf8);
    std::istringstream in("id: p\ntitle: \"a\\Nb\"\n");
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
    }
    ASSERT_EQ(result.records.size(), 1u);
    EXPECT_EQ(result.records[0].label, utf8 ? std::string("a\x85"
                                                          "b")
                                            : std::string("a\u0085b"))
        << utf8;
  }
}

TEST(ParseRecords, FlowStyleFrontMatter) {
  auto result = parse("---\n{ 'id': 'x', 'title': 'Flow', 'tags': ['a'], 'evolution': { 'supersedes': 'y' } }\n---\n");
  EXPECT_EQ(messages(result.diagnostics), Strings{});
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].id, "x");
  EXPECT_EQ(result.records[0].label, "Flow");
  EXPECT_EQ(result.records[0].tags, Strings{"a"});
  EXPECT_EQ(ids(relation_refs(result.records[0], Relation::supersedes)), Strings{"y"});
  EXPECT_EQ(result.records[0].where.line, 2);
  EXPECT_EQ(result.records[0].where.column, 9);
}

TEST(ParseRecords, JsonFrontMatter) {
  auto result = parse("---\n{\"id\":\"j\",\"title\":\"Json\",\"year\":2001,\"relatedFacilities\":[\"f\"]}\n---\n");
  EXPECT_EQ(messages(result.diagnostics), Strings{});
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].id, "j");
  EXPECT_EQ(result.records[0].date->iso(), "2001-01-01");
  EXPECT_EQ(ids(result.records[0].related_facilities), Strings{"f"});
}

TEST(ParseRecords, YamlSequenceOfRecords) {
  auto result = parse("- id: a\n  title: A\n- id: b\n  title: B\n", "policies/list.yaml");
  EXPECT_EQ(messages(result.diagnostics), Strings{});
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[0].id, "a");
  EXPECT_EQ(result.records[1].id, "b");
  EXPECT_EQ(result.records[1].where.line, 3);
  EXPECT_EQ(result.records[1].language, "");
}

TEST(ParseRecords, YamlSingleMapping) {
  auto result = parse("id: a\nname: Plant A\nhub: North Sea\n", "facilities/a.yml");
  EXPECT_EQ(messages(result.diagnostics), Strings{});
  ASSERT_EQ(result.records.size(), 1u);
  const Record& r = result.records[0];
  EXPECT_EQ(r.kind, RecordKind::facility);
  EXPECT_EQ(r.label, "Plant A");
  EXPECT_EQ(r.clusters, Strings{"North Sea"});
  ASSERT_NE(r.attribute("hub"), std::nullopt);
  EXPECT_EQ(*r.attribute("hub"), "North Sea");
}

TEST(ParseRecords, JsonObjectAndArray) {
  auto object = parse("{\"id\": \"o\", \"title\": \"O\"}", "o.json");
  EXPECT_EQ(messages(object.diagnostics), Strings{});
  ASSERT_EQ(object.records.size(), 1u);
  EXPECT_EQ(object.records[0].id, "o");

  auto array = parse("[\n  {\"id\": \"a\", \"title\": \"A\"},\n  {\"id\": \"b\", \"title\": \"B\"}\n]\n", "a.json");
  EXPECT_EQ(messages(array.diagnostics), Strings{});
  ASSERT_EQ(array.records.size(), 2u);
  EXPECT_EQ(array.records[1].id, "b");
  EXPECT_EQ(array.records[1].where.line, 3);
}

TEST(ParseRecords, JsonLinesReportTheirOwnLine) {
  auto result =
      parse("{\"id\": \"a\", \"title\": \"A\"}\n\n{\"id\": \"b\"}\r\n{\"id\": \"c\", \"title\": \"C\"}", "p.jsonl");
  ASSERT_EQ(result.records.size(), 3u);
  EXPECT_EQ(result.records[1].id, "b");
  EXPECT_EQ(result.records[1].where.line, 3);
  EXPECT_EQ(result.records[2].where.line, 4);
  EXPECT_EQ(messages(result.diagnostics),
            Strings{"p.jsonl:3:8: warning: policy 'b' has no 'title'; its id is used as label; add a 'title:' line"});
}

TEST(ParseRecords, NdjsonIsJsonLines) {
  auto result = parse("{\"id\": \"a\", \"title\": \"A\"}\n", "p.ndjson");
  ASSERT_EQ(result.records.size(), 1u);
}

TEST(ParseRecords, EveryScalarIsKeptAsText) {
  auto result = parse("---\nid: 1\ntitle: 2.50\nyear: 2005\nactive: true\nratio: 1e3\npubDate: 2005-03-01\n---\n");
  EXPECT_EQ(messages(result.diagnostics), Strings{});
  ASSERT_EQ(result.records.size(), 1u);
  const Record& r = result.records[0];
  EXPECT_EQ(r.id, "1");
  EXPECT_EQ(r.label, "2.50");
  EXPECT_EQ(*r.attribute("active"), "true");
  EXPECT_EQ(*r.attribute("ratio"), "1e3");
  EXPECT_EQ(*r.attribute("pubDate"), "2005-03-01");
  EXPECT_EQ(r.date->iso(), "2005-03-01");
}

TEST(ParseRecords, ByteOrderMarkAndCrlf) {
  auto result = parse("\xEF\xBB\xBF---\r\nid: bom\r\ntitle: With BOM\r\ntags:\r\n  - a\r\n---\r\nbody\r\n");
  EXPECT_EQ(messages(result.diagnostics), Strings{});
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].id, "bom");
  EXPECT_EQ(result.records[0].label, "With BOM");
  EXPECT_EQ(result.records[0].tags, Strings{"a"});
  EXPECT_EQ(result.records[0].where.line, 2);
}

TEST(ParseRecords, KindAndLangFieldsOverrideFolders) {
  auto result = parse("---\nid: f\nkind: facility\nlang: zh\nname: Plant\n---\n", "policies/en/f.md");
  EXPECT_EQ(messages(result.diagnostics), Strings{});
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].kind, RecordKind::facility);
  EXPECT_EQ(result.records[0].language, "zh");
  EXPECT_EQ(result.records[0].label, "Plant");
  EXPECT_EQ(result.records[0].attribute("kind"), std::nullopt);
  EXPECT_EQ(result.records[0].attribute("lang"), std::nullopt);
}

TEST(ParseRecords, UnknownKindFallsBackToFolder) {
  auto result = parse("---\nid: f\ntitle: T\nkind: plant\n---\n", "facilities/f.md");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].kind, RecordKind::facility);
  EXPECT_EQ(messages(result.diagnostics),
            Strings{"facilities/f.md:4:7: warning: 'kind' is 'plant', expected 'policy' or 'facility'; the record is "
                    "read as a facility (from its folder)"});
}

TEST(ParseRecords, SingleScalarWhereListExpectedIsListOfOne) {
  auto result = parse("---\nid: a\ntitle: A\ntags: solo\nrelatedFacilities: 7\nevolution:\n  clusters: one\n---\n");
  EXPECT_EQ(messages(result.diagnostics), Strings{});
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].tags, Strings{"solo"});
  EXPECT_EQ(ids(result.records[0].related_facilities), Strings{"7"});
  EXPECT_EQ(result.records[0].clusters, Strings{"one"});
}

TEST(ParseRecords, NullAndEmptyMeanAbsent) {
  auto result = parse(
      "---\nid: a\ntitle: A\ncountry: ''\nstatus: ~\nscope:\ntags: []\nevolution:\n  supersedes: []\n"
      "  supersededBy: ''\n  clusters: [null, '', x]\n---\n");
  EXPECT_EQ(messages(result.diagnostics), Strings{});
  ASSERT_EQ(result.records.size(), 1u);
  const Record& r = result.records[0];
  EXPECT_TRUE(r.attributes.empty());
  EXPECT_TRUE(r.tags.empty());
  EXPECT_TRUE(relation_refs(r, Relation::supersedes).empty());
  EXPECT_TRUE(relation_refs(r, Relation::supersedes, true).empty());
  EXPECT_EQ(r.clusters, Strings{"x"});
}

TEST(ParseRecords, RepeatedKeyLastWinsWithWarning) {
  auto result = parse("---\nid: a\ntitle: First\ntags: [x]\ntitle: Second\ntags: [y]\n---\n");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].label, "Second");
  EXPECT_EQ(result.records[0].tags, Strings{"y"});
  EXPECT_EQ(messages(result.diagnostics),
            (Strings{"policies/en/x.md:5:1: warning: 'title' appears twice in this mapping (first on line 3); the "
                     "last value wins; remove one of them",
                     "policies/en/x.md:6:1: warning: 'tags' appears twice in this mapping (first on line 4); the "
                     "last value wins; remove one of them"}));
}

TEST(ParseRecords, MissingLabelUsesIdWithWarning) {
  auto policy = parse("---\nid: p\n---\n");
  ASSERT_EQ(policy.records.size(), 1u);
  EXPECT_EQ(policy.records[0].label, "p");
  EXPECT_EQ(messages(policy.diagnostics),
            Strings{"policies/en/x.md:2:5: warning: policy 'p' has no 'title'; its id is used as label; add a "
                    "'title:' line"});
  auto facility = parse("id: f\n", "facilities/f.yaml");
  ASSERT_EQ(facility.records.size(), 1u);
  EXPECT_EQ(messages(facility.diagnostics),
            Strings{"facilities/f.yaml:1:5: warning: facility 'f' has no 'name'; its id is used as label; add a "
                    "'name:' line"});
}

TEST(ParseRecords, DateRules) {
  auto month = parse("---\nid: a\ntitle: A\npubDate: 2020-02\n---\n");
  EXPECT_EQ(month.records[0].date->iso(), "2020-02-01");
  auto year_only = parse("---\nid: a\ntitle: A\nyear: 1999\n---\n");
  EXPECT_EQ(year_only.records[0].date->iso(), "1999-01-01");
  auto none = parse("---\nid: a\ntitle: A\n---\n");
  EXPECT_FALSE(none.records[0].date);
}

TEST(ParseRecords, ScalarAliasGivesItsText) {
  auto result = parse("id: a\ntitle: &t Shared\ntags: [*t, other]\nsubtitle: *t\n", "a.yaml");
  EXPECT_EQ(messages(result.diagnostics), Strings{});
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].tags, (Strings{"Shared", "other"}));
  EXPECT_EQ(*result.records[0].attribute("subtitle"), "Shared");
}

TEST(ParseRecords, CollectionAliasIsReadWhereTheModelReadsIt) {
  auto result = parse(
      "- id: a\n  title: A\n  tags: &common [x, y]\n  evolution: &evo\n    clusters: [c]\n"
      "- id: b\n  title: B\n  tags: *common\n  evolution: *evo\n",
      "a.yaml");
  EXPECT_EQ(messages(result.diagnostics), Strings{});
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[1].tags, (Strings{"x", "y"}));
  EXPECT_EQ(result.records[1].clusters, Strings{"c"});
}

TEST(ParseRecords, MultipleYamlDocuments) {
  auto result = parse("id: a\ntitle: A\n---\nid: b\ntitle: B\n", "two.yaml");
  EXPECT_EQ(messages(result.diagnostics), Strings{});
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[1].where.line, 4);
}

TEST(ParseRecords, CoordinatesListIsKeptAsText) {
  auto result = parse("id: '1150'\nname: Plant\ncoordinates:\n  - 30.9614\n  - -91.975\n", "facilities/p.yaml");
  EXPECT_EQ(messages(result.diagnostics), Strings{});
  EXPECT_EQ(*result.records[0].attribute("coordinates"), "30.9614,-91.975");
}

}  // namespace
}  // namespace policygraph
