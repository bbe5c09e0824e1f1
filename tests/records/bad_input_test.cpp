// SPDX-License-Identifier: MIT
// Bad input never crashes and is reported once, with the file, line and column of the
// value at fault and what to do about it (MODEL.md sections 1 and 5.14).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "policygraph/loader.hpp"
#include "records/parsed.hpp"
#include "records/record_dump.hpp"
#include "records/text_checks.hpp"

namespace policygraph {
namespace {

using Strings = std::vector<std::string>;

const std::string quote_hint =
    "; fix the syntax here (a value holding ': ' or starting with one of [ ] { } & * ! | > ' \" % @ needs quotes); "
    "the record here is skipped";

TEST(BadInput, YamlSyntaxErrorReportsOnlyTheSyntaxError) {
  auto parsed = parse("---\nid: a\ntitle: [unclosed\n---\n");
  EXPECT_TRUE(parsed.records.empty());
  EXPECT_EQ(parsed.diagnostics, Strings{"policies/en/x.md:4:1: error: YAML syntax error: end of sequence flow not "
                                        "found (a list opened with '[' is not closed with ']')" +
                                        quote_hint});
}

TEST(BadInput, UnquotedColonInValue) {
  auto parsed = parse("---\nid: a\ntitle: a: b\n---\n");
  EXPECT_TRUE(parsed.records.empty());
  EXPECT_EQ(parsed.diagnostics, Strings{"policies/en/x.md:3:9: error: YAML syntax error: illegal map value (a ': ' "
                                        "that starts no key here: quote the value, or check the indentation)" +
                                        quote_hint});
}

// yaml-cpp's words for the errors a hand-edited file meets most come with plain ones.
TEST(BadInput, SyntaxErrorsAreExplained) {
  auto message = [](std::string_view text) {
    auto parsed = parse(text, "x.yaml");
    EXPECT_EQ(parsed.diagnostics.size(), 1u) << text;
    return parsed.diagnostics.empty() ? std::string() : parsed.diagnostics[0];
  };
  EXPECT_EQ(message("id: a\ntitle: \"a\\qb\"\n"),
            "x.yaml:2:12: error: YAML syntax error: unknown escape character: q (in double quotes a backslash starts "
            "an escape such as \\n; write \\\\ for a backslash, or use single quotes)" +
                quote_hint);
  EXPECT_EQ(message("id: a\ntitle: T\ntags: [a]]\n"),
            "x.yaml:3:10: error: YAML syntax error: illegal flow end (a ']' or '}' that closes nothing)" + quote_hint);
  EXPECT_EQ(message("id: a\ntitle: 'it's'\n"),
            "x.yaml:2:12: error: YAML syntax error: end of map not found (text after a value that does not fit the "
            "mapping: a quote inside quotes, or wrong indentation)" +
                quote_hint);
  EXPECT_EQ(message("id: a\ntags: *t\n"),
            "x.yaml:2:7: error: YAML syntax error: the referenced anchor is not defined (an alias *name with no "
            "anchor &name before it)" +
                quote_hint);
}

// yaml-cpp 0.7 reads a quote left open to the end of the text as a value that runs on over
// every line after it: the fields there would be lost without a word.
TEST(BadInput, QuoteNeverClosed) {
  const std::string message =
      "error: YAML syntax error: this quoted value is never closed (its quote runs to the end of the text); add the "
      "closing quote, and double a ' inside '...' or write \\\" inside \"...\"; the record here is skipped";
  auto parsed = parse("---\nid: a\ntitle: \"Carbon Act\nyear: 2001\n---\n");
  EXPECT_TRUE(parsed.records.empty());
  EXPECT_EQ(parsed.diagnostics, Strings{"policies/en/x.md:3:8: " + message});
  auto in_a_list = parse("- id: a\n  title: A\n- id: b\n  title: 'B\n  year: 2001\n", "x.yaml");
  ASSERT_EQ(in_a_list.records.size(), 1u);  // the record before it stays
  EXPECT_EQ(in_a_list.records[0].id, "a");
  EXPECT_EQ(in_a_list.diagnostics, Strings{"x.yaml:4:10: " + message});
  EXPECT_EQ(parse("{\"id\": \"a\", \"title\": \"A}\n", "x.json").diagnostics, Strings{"x.json:1:22: " + message});
}

TEST(BadInput, RecordsBeforeASyntaxErrorInAListAreKept) {
  auto parsed = parse("- id: a\n  title: A\n- id: b\n  title: [x\n", "list.yaml");
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_EQ(parsed.records[0].id, "a");
  ASSERT_EQ(parsed.diagnostics.size(), 1u);
  EXPECT_EQ(parsed.diagnostics[0].substr(0, 35), "list.yaml:5:1: error: YAML syntax e");
}

TEST(BadInput, BadJsonLineLeavesTheOthers) {
  auto parsed = parse("{\"id\": \"a\", \"title\": \"A\"}\n{\"id\": \n{\"id\": \"c\", \"title\": \"C\"}\n", "x.jsonl");
  ASSERT_EQ(parsed.records.size(), 2u);
  EXPECT_EQ(parsed.records[1].id, "c");
  EXPECT_EQ(parsed.diagnostics,
            Strings{"x.jsonl:2:1: error: YAML syntax error: end of map flow not found (a mapping opened with '{' is "
                    "not closed with '}')" +
                    quote_hint});
}

TEST(BadInput, FrontMatterNeverClosed) {
  auto parsed = parse("---\nid: a\ntitle: A\n");
  EXPECT_TRUE(parsed.records.empty());
  EXPECT_EQ(parsed.diagnostics, Strings{"policies/en/x.md:1:1: error: front matter opened by '---' is never closed; "
                                        "add a line '---' after its last field; the file is skipped"});
}

TEST(BadInput, EmptyFiles) {
  EXPECT_EQ(parse("").diagnostics, Strings{"policies/en/x.md: warning: file is empty; add a record or delete it"});
  EXPECT_EQ(parse("\n \r\n", "x.yaml").diagnostics,
            Strings{"x.yaml: warning: file is empty; add a record or delete it"});
  EXPECT_EQ(parse("# only a comment\n", "x.yaml").diagnostics,
            Strings{"x.yaml: warning: file holds no record (only comments or nulls)"});
  EXPECT_EQ(parse("---\n---\nbody\n").diagnostics,
            Strings{"policies/en/x.md:1:1: warning: front matter is empty; add at least an 'id:' line"});
}

TEST(BadInput, MarkdownWithoutFrontMatterIsANote) {
  auto parsed = parse("# Read me\n\nText.\n", "README.md");
  EXPECT_TRUE(parsed.records.empty());
  EXPECT_EQ(parsed.diagnostics,
            Strings{"README.md: note: no front matter (a first line '---'); read as a plain page, not a record"});
}

TEST(BadInput, RecordWithoutId) {
  auto parsed = parse("---\ntitle: T\nid: ''\n---\n");
  EXPECT_TRUE(parsed.records.empty());
  EXPECT_EQ(parsed.diagnostics, Strings{"policies/en/x.md:2:1: error: record has no 'id'; add a line 'id: <unique "
                                        "id>'; the record is skipped"});
}

TEST(BadInput, IdThatIsAMappingOrAList) {
  auto mapping = parse("---\nid:\n  a: b\ntitle: T\n---\n");
  EXPECT_TRUE(mapping.records.empty());
  EXPECT_EQ(mapping.diagnostics, Strings{"policies/en/x.md:3:3: error: 'id' is a mapping, expected text such as "
                                         "'id: eu-nzia'; the record is skipped"});
  auto list = parse("---\nid: [a, b]\ntitle: T\n---\n");
  EXPECT_TRUE(list.records.empty());
  EXPECT_EQ(list.diagnostics, Strings{"policies/en/x.md:2:5: error: 'id' is a list, expected text such as 'id: "
                                      "eu-nzia'; the record is skipped"});
}

TEST(BadInput, ListFieldGivenAsMappingIsDropped) {
  auto parsed = parse("---\nid: a\ntitle: T\ntags: [t]\nevolution:\n  supersedes:\n    old: x\n  clusters: [c]\n---\n");
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_TRUE(relation_refs(parsed.records[0], Relation::supersedes).empty());
  EXPECT_EQ(parsed.records[0].clusters, Strings{"c"});
  EXPECT_EQ(parsed.records[0].tags, Strings{"t"});
  EXPECT_EQ(parsed.diagnostics,
            Strings{"policies/en/x.md:7:5: error: an item of 'evolution.supersedes' is a mapping without 'id' (it has "
                    "'old'); write a policy id, or {id: <policy id>, date: YYYY-MM-DD}; the item is dropped"});
  parsed = parse("---\nid: a\ntitle: T\nrelatedFacilities:\n  plant: x\n---\n");
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_TRUE(parsed.records[0].related_facilities.empty());
  EXPECT_EQ(parsed.diagnostics,
            Strings{"policies/en/x.md:5:3: error: 'relatedFacilities' is a mapping, expected a list of facility ids; "
                    "write it as a list (- id) or drop it"});
}

TEST(BadInput, NonScalarListItemsAreDroppedWithOneDiagnostic) {
  auto parsed = parse("---\nid: a\ntitle: T\ntags:\n  - ok\n  - {a: b}\n  - [c]\n  - fine\n---\n");
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_EQ(parsed.records[0].tags, (Strings{"ok", "fine"}));
  EXPECT_EQ(parsed.diagnostics, Strings{"policies/en/x.md:6:5: error: 'tags' has an item that is a mapping, expected "
                                        "tags as text; such items are dropped"});
}

TEST(BadInput, OtherWrongShapes) {
  auto parsed = parse("id: a\ntitle: [T]\nname: N\nevolution: [a]\n", "x.yaml");
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_EQ(parsed.records[0].label, "N");  // the facility field stands in for a policy's title
  EXPECT_EQ(parsed.diagnostics,
            (Strings{"x.yaml:2:8: error: 'title' is a list, expected text; the field is dropped",
                     "x.yaml:4:12: error: 'evolution' is a list, expected a mapping (supersedes:, clusters:, ...); it "
                     "is ignored"}));
  auto milestones =
      parse("id: a\ntitle: T\nevolution:\n  milestones:\n    - text\n    - {date: 2020, event: E}\n    - date: [x]\n",
            "x.yaml");
  ASSERT_EQ(milestones.records.size(), 1u);
  ASSERT_EQ(milestones.records[0].milestones.size(), 1u);
  EXPECT_EQ(milestones.records[0].milestones[0].event, "E");
  EXPECT_EQ(milestones.diagnostics,
            (Strings{"x.yaml:5:7: error: 'evolution.milestones' has an item that is text, expected a mapping {date, "
                     "event}; such items are dropped",
                     "x.yaml:7:13: error: 'evolution.milestones.date' is a list, expected text; the field is "
                     "dropped"}));
}

TEST(BadInput, DateThatIsNotADate) {
  auto fallback = parse("---\nid: a\ntitle: T\npubDate: 2023-02-30\nyear: 2023\n---\n");
  ASSERT_EQ(fallback.records.size(), 1u);
  EXPECT_EQ(fallback.records[0].date->iso(), "2023-01-01");
  EXPECT_EQ(fallback.diagnostics,
            Strings{"policies/en/x.md:4:10: warning: 'pubDate' is '2023-02-30', not a date; write YYYY, YYYY-MM or "
                    "YYYY-MM-DD (a real calendar day); 'year' is used instead"});
  auto none = parse("---\nid: a\ntitle: T\npubDate: soon\nyear: '23'\n---\n");
  ASSERT_EQ(none.records.size(), 1u);
  EXPECT_FALSE(none.records[0].date);
  EXPECT_EQ(none.diagnostics,
            (Strings{"policies/en/x.md:4:10: warning: 'pubDate' is 'soon', not a date; write YYYY, YYYY-MM or "
                     "YYYY-MM-DD (a real calendar day); 'year' is used instead",
                     "policies/en/x.md:5:7: warning: 'year' is '23', not four digits; write it like 2024; the record "
                     "has no date"}));
}

TEST(BadInput, BinaryFileWithMarkdownEnding) {
  auto parsed =
      parse(std::string("\x7f"
                        "ELF\x02\x01\x01\0\0\0\x03\0",
                        12));
  EXPECT_TRUE(parsed.records.empty());
  EXPECT_EQ(parsed.diagnostics, Strings{"policies/en/x.md: error: binary file (it holds NUL bytes), not Markdown "
                                        "text; it is skipped; remove it or give it another ending"});
}

TEST(BadInput, BytesThatAreNotUtf8) {
  auto parsed = parse("---\nid: a\ntitle: caf\xe9\n---\n");
  EXPECT_TRUE(parsed.records.empty());
  EXPECT_EQ(
      parsed.diagnostics,
      Strings{"policies/en/x.md:3:11: error: byte 0xE9 is not UTF-8; save the file as UTF-8; the file is skipped"});
  // Overlong encodings and surrogates are not UTF-8 either.
  EXPECT_EQ(parse("id: \xC0\xAF\n", "x.yaml").diagnostics.size(), 1u);
  EXPECT_EQ(parse("id: \xED\xA0\x80\n", "x.yaml").diagnostics.size(), 1u);
  // The body of a Markdown file is never read, so it is not checked.
  EXPECT_EQ(parse("---\nid: a\ntitle: T\n---\n\xff\xfe body").records.size(), 1u);
}

// libyaml checks the bytes as it reads, and the loader checks them itself only where libyaml
// stopped short: a syntax error, a limit or a finished record before the bad byte must still
// give way to the one diagnostic a check before the parse gives.
TEST(BadInput, BytesThatAreNotUtf8WinOverWhatStoppedTheParserFirst) {
  const Strings cafe_on_line_3{
      "x.yaml:3:10: error: byte 0xE9 is not UTF-8; save the file as UTF-8; the file is skipped"};
  const auto refused = [](const Parsed& parsed) {
    return parsed.records.empty() ? parsed.diagnostics : Strings{"a record"};
  };
  EXPECT_EQ(refused(parse("id: a\ntitle: [x\nnote: caf\xe9\n", "x.yaml")), cafe_on_line_3);  // a syntax error first
  EXPECT_EQ(refused(parse("id: a\nx: " + std::string(300, '[') + "\nnote: caf\xe9\n", "x.yaml")),
            cafe_on_line_3);                                           // a limit first
  EXPECT_EQ(refused(parse("id: a\ntitle: T\n# caf\xe9\n", "x.yaml")),  // in a comment at the end
            Strings{"x.yaml:3:6: error: byte 0xE9 is not UTF-8; save the file as UTF-8; the file is skipped"});
  EXPECT_EQ(refused(parse("id: a\ntitle: T\n---\nnote: caf\xe9\n", "x.yaml")),  // a whole record first
            Strings{"x.yaml:4:10: error: byte 0xE9 is not UTF-8; save the file as UTF-8; the file is skipped"});
  EXPECT_EQ(refused(parse("{\"id\": \"a\"}\n{\"id\": \"caf\xe9\"}\n", "x.jsonl")),  // the line before is dropped too
            Strings{"x.jsonl:2:12: error: byte 0xE9 is not UTF-8; save the file as UTF-8; the file is skipped"});
}

// The same rule over texts with random bytes put in: exactly the texts with a byte that is
// not UTF-8 are refused for it, whatever else is wrong with them.
TEST(BadInput, RandomBytesAreRefusedExactlyWhenNotUtf8) {
  const std::vector<std::string> starts{
      "id: a\ntitle: Tax on carbon\ntags: [a, b]\nclusters:\n  - one\n  - two\n",
      "- id: a\n  title: T\n- id: b\n  supersedes: [a]\n",
      "id: a\ntitle: \"quoted \\u00e9\"\ndescription: |\n  text\n  more\n",
  };
  const std::vector<std::string> pieces{"\xe9",
                                        "\xc3\xa9",
                                        "\xe4\xb8\xad",
                                        "\xf0\x9f\x98\x80",
                                        "\xed\xa0\x80",
                                        "\xc0\xaf",
                                        "\xf4\x90\x80\x80",
                                        "\xff",
                                        "[",
                                        "\"",
                                        ": ",
                                        "\n",
                                        "  ",
                                        "&x ",
                                        "*x",
                                        "#"};
  std::mt19937 random(20261204);
  int refused_count = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text = starts[random() % starts.size()];
    for (int k = 1 + static_cast<int>(random() % 3); k > 0; --k)
      text.insert(random() % (text.size() + 1), pieces[random() % pieces.size()]);
    const Parsed parsed = parse(text, "x.yaml");
    const bool not_utf8 = records::find_invalid_utf8(text).has_value();
    const bool refused = parsed.diagnostics.size() == 1 && parsed.records.empty() &&
                         parsed.diagnostics[0].ends_with("is not UTF-8; save the file as UTF-8; the file is skipped");
    const bool mentioned = std::any_of(parsed.diagnostics.begin(), parsed.diagnostics.end(), [](const std::string& d) {
      return d.find("is not UTF-8") != std::string::npos;
    });
    ASSERT_EQ(refused, not_utf8) << testing::PrintToString(text);
    ASSERT_EQ(mentioned, not_utf8) << testing::PrintToString(text);
    refused_count += refused ? 1 : 0;
  }
  // Both kinds of text were met, many times over.
  EXPECT_GT(refused_count, 500);
  EXPECT_LT(refused_count, 2500);
}

TEST(BadInput, TenThousandLevelsDeep) {
  const std::string deep = std::string(10'000, '[') + std::string(10'000, ']');
  auto parsed = parse("id: a\ntitle: T\nx: " + deep + "\n", "x.yaml");
  EXPECT_TRUE(parsed.records.empty());
  EXPECT_EQ(parsed.diagnostics, Strings{"x.yaml:3:203: error: values are nested deeper than 200 levels; the rest of "
                                        "the file is skipped; flatten this value or raise --max-depth"});
  // With the limit raised, libyaml (which keeps its own stack, not the call stack) reads all
  // 10,000 levels, and the unknown field is ignored without being walked.
  Limits no_limit;
  no_limit.max_depth = 1'000'000;
  auto raised = parse("id: a\nx: " + deep + "\n", "x.yaml", no_limit);
  ASSERT_EQ(raised.records.size(), 1u);
  EXPECT_EQ(raised.records[0].id, "a");
}

TEST(BadInput, FiveMegabyteScalar) {
  const std::string title(5u << 20, 'x');
  auto parsed = parse("---\nid: a\ntitle: \"" + title + "\"\n---\n");
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_EQ(parsed.records[0].label.size(), title.size());
  EXPECT_EQ(parsed.diagnostics, Strings{});
}

TEST(BadInput, FileLargerThanTheLimit) {
  Limits limits;
  limits.max_file_bytes = 10;
  auto parsed = parse("id: abcdefghijklmnop\n", "x.yaml", limits);
  EXPECT_TRUE(parsed.records.empty());
  EXPECT_EQ(parsed.diagnostics,
            Strings{"x.yaml: error: file is larger than 10 bytes; it is skipped; split it into smaller files or raise "
                    "--max-file-size"});
}

std::string billion_laughs() {
  std::string text = "id: a\ntitle: T\nl0: &l0 lol\n";
  for (int i = 1; i < 10; ++i) {
    text += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) text += (k == 0 ? "*l" : ",*l") + std::to_string(i - 1);
    text += "]\n";
  }
  return text;
}

TEST(BadInput, BillionLaughsFinishesFast) {
  const auto start = std::chrono::steady_clock::now();
  auto hidden = parse(billion_laughs(), "x.yaml");
  ASSERT_EQ(hidden.records.size(), 1u);  // l1..l9 are not scalars: ignored, never expanded
  EXPECT_EQ(hidden.records[0].attributes.size(), 1u);
  EXPECT_EQ(hidden.diagnostics, Strings{});

  auto in_tags = parse(billion_laughs() + "tags: *l9\n", "x.yaml");
  ASSERT_EQ(in_tags.records.size(), 1u);
  EXPECT_EQ(in_tags.diagnostics, Strings{"x.yaml:11:5: error: 'tags' has an item that is a list, expected tags as "
                                         "text; such items are dropped"});
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
}

TEST(BadInput, AliasExpansionsAreCounted) {
  std::string text = "- &r {id: a, title: T}\n";
  for (int i = 0; i < 20; ++i) text += "- *r\n";
  Limits limits;
  limits.max_alias_expansions = 5;
  auto parsed = parse(text, "x.yaml", limits);
  EXPECT_EQ(parsed.records.size(), 6u);  // the anchored one and five expansions
  EXPECT_EQ(parsed.diagnostics, Strings{"x.yaml:7:3: error: more than 5 aliases to expand (here *r); the rest of the "
                                        "file is skipped; write the values out instead of repeating aliases, or "
                                        "raise --max-aliases"});

  Limits events;
  events.max_alias_events = 30;
  auto replayed = parse(text, "x.yaml", events);
  EXPECT_EQ(replayed.diagnostics,
            Strings{"x.yaml:7:3: error: aliases repeat more than 30 parse events (here *r); the rest of the file is "
                    "skipped; write the values out instead of repeating aliases, or raise --max-alias-events"});
}

TEST(BadInput, AliasOfAValueTooLargeToRepeat) {
  Limits limits;
  limits.max_alias_events = 5;
  auto parsed = parse("- {id: a, title: A, tags: &t [t1, t2, t3, t4, t5, t6]}\n- {id: b, title: B, tags: *t}\n",
                      "x.yaml", limits);
  ASSERT_EQ(parsed.records.size(), 2u);
  EXPECT_EQ(parsed.records[0].tags.size(), 6u);
  EXPECT_TRUE(parsed.records[1].tags.empty());
  EXPECT_EQ(parsed.diagnostics,
            Strings{"x.yaml:2:27: error: alias *t refers to a value too large to repeat (over 5 parse events); it is "
                    "read as empty; write the value out, or raise --max-alias-events"});
}

TEST(BadInput, AliasInsideItsOwnAnchor) {
  auto parsed = parse("id: a\ntitle: T\ntags: &t [x, *t]\n", "x.yaml");
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_EQ(parsed.records[0].tags, Strings{"x"});
  EXPECT_EQ(parsed.diagnostics,
            Strings{"x.yaml:3:14: error: alias *t refers to the value that contains it; it is read as empty"});
}

TEST(BadInput, RootsAndItemsThatAreNotRecords) {
  EXPECT_EQ(parse("hello\n", "x.yaml").diagnostics,
            Strings{"x.yaml:1:1: error: expected a record (a mapping of fields) or a list of records, found text; the "
                    "file holds no record"});
  auto parsed = parse("- id: a\n  title: T\n- text\n- [x]\n", "x.yaml");
  EXPECT_EQ(parsed.records.size(), 1u);
  EXPECT_EQ(parsed.diagnostics,
            (Strings{"x.yaml:3:3: error: an item of the list of records is text, expected a record (a mapping of "
                     "fields); the item is skipped",
                     "x.yaml:4:3: error: an item of the list of records is a list, expected a record (a mapping of "
                     "fields); the item is skipped"}));
}

// Every input the fuzzer found (tests/data/fuzz/, as it wrote them: the first byte picks the
// kind of file, as in tests/fuzz/parse_records_fuzzer.cpp) is read quickly and reported.
TEST(BadInput, FuzzFindingsAreReadAndReported) {
  const std::filesystem::path folder = std::filesystem::path(POLICYGRAPH_SOURCE_DIR) / "tests/data/fuzz";
  static constexpr const char* paths[] = {"policies/en/x.md", "facilities/zh/x.yaml", "policies/x.json",
                                          "facilities/x.jsonl"};
  int inputs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    std::ifstream file(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << file.rdbuf();
    const std::string data = bytes.str();
    ASSERT_FALSE(data.empty()) << entry.path();
    const auto start = std::chrono::steady_clock::now();
    Limits limits;
    limits.max_depth = 64;  // as the fuzzer has it
    auto parsed = parse(std::string_view(data).substr(1), paths[static_cast<unsigned char>(data[0]) % 4], limits);
    EXPECT_FALSE(parsed.diagnostics.empty()) << entry.path();
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2)) << entry.path();
    ++inputs;
  }
  EXPECT_GE(inputs, 1);
}

}  // namespace
}  // namespace policygraph
