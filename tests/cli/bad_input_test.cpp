// SPDX-License-Identifier: MIT
// Hostile files on the command line (issue 7): each beside a small good corpus, then all of
// them together. For each, the exact diagnostics of `validate --json` and of its human
// output, the exit code, and that the good records are all still there: counted by
// `stats`, and answering `replaced-by`.
#include <unistd.h>

#include <functional>
#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"

namespace policygraph::cli::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const std::string syntax_hint =
    "; fix the syntax here (a value holding ': ' or starting with one of [ ] { } & * ! | > ' \" % @ needs quotes); "
    "the record here is skipped";

//   good-b --supersedes--> good-a <--relatedPolicies-- plant
//   good-b --relatedFacilities--> plant
void write_good_records(const TempCorpus& corpus) {
  corpus.write("policies/en/a.md", "---\nid: good-a\ntitle: Carbon Act\nyear: 2001\ntags: [carbon]\n---\n");
  corpus.write("policies/en/b.md",
               "---\nid: good-b\ntitle: Carbon Act Amendment\nyear: 2005\nevolution:\n  supersedes: [good-a]\n"
               "relatedFacilities: [plant]\n---\n");
  corpus.write("facilities/plant.yaml", "id: plant\nname: Capture Plant\nrelatedPolicies: [good-a]\n");
}
constexpr int good_policies = 2;
constexpr int good_facilities = 1;
constexpr int good_files = 3;

struct Expected {
  std::string file;
  int line = 0;
  int column = 0;
  std::string severity;
  std::string message;
};

struct Hostile {
  std::string name;
  std::function<void(const TempCorpus&)> write;
  std::vector<Expected> diagnostics;
  int policies = 0;    ///< policy records of the hostile file still loaded
  int files_read = 1;  ///< files the hostile case adds to 'files read'
  /// Further checks of what was kept, on the corpus with this file alone.
  std::function<void(const std::string& corpus)> check = {};
};

// The name, not the bytes, when a case fails.
void PrintTo(const Hostile& hostile, std::ostream* out) { *out << hostile.name; }

std::function<void(const TempCorpus&)> file(std::string path, std::string text) {
  return [path, text](const TempCorpus& corpus) { corpus.write(path, text); };
}

json export_json(const std::string& corpus) {
  Result result = run_cli({"export", "-C", corpus, "--format", "json"});
  EXPECT_EQ(result.code, 0) << result.err;
  return json::parse(result.out);
}

json node(const std::string& corpus, const std::string& key) {
  const json graph = export_json(corpus);
  for (const auto& n : graph["nodes"])
    if (n["id"] == key) return n;
  ADD_FAILURE() << "no node " << key;
  return {};
}

json stats(const std::string& corpus, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"stats", "--json", "-C", corpus};
  args.insert(args.end(), extra.begin(), extra.end());
  Result result = run_cli(args);
  EXPECT_EQ(result.code, 0) << result.err;
  return json::parse(result.out);
}

std::string billion_laughs() {
  std::string text = "id: laughs\ntitle: Laughs\nl0: &l0 lol\n";
  for (int i = 1; i < 10; ++i) {
    text += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) text += (k == 0 ? "*l" : ",*l") + std::to_string(i - 1);
    text += "]\n";
  }
  return text + "tags: *l9\n";  // 10^9 'lol's, were it expanded
}

const std::vector<Hostile>& hostile_files() {
  static const std::vector<Hostile> cases{
      {"YamlSyntaxError",
       file("hostile/syntax.md", "---\nid: syntax\ntitle: [unclosed\n---\n"),
       {{"hostile/syntax.md", 4, 1, "error",
         "YAML syntax error: end of sequence flow not found (a list opened with '[' is not closed with ']')" +
             syntax_hint}}},
      {"QuoteNeverClosed",
       file("hostile/quote.md", "---\nid: quote\ntitle: \"Carbon Act\nyear: 2001\n---\n"),
       {{"hostile/quote.md", 3, 8, "error",
         "YAML syntax error: this quoted value is never closed (its quote runs to the end of the text); add the "
         "closing quote, and double a ' inside '...' or write \\\" inside \"...\"; the record here is skipped"}}},
      {"CommaOutsideBrackets",  // found by the fuzzer: it hung yaml-cpp 0.7
       file("hostile/comma.yaml", ",--\nid: comma\n"),
       {{"hostile/comma.yaml", 1, 1, "error",
         "YAML syntax error: ',' outside a flow list [a, b] or mapping {a: b}" + syntax_hint}}},
      {"FrontMatterNeverClosed",
       file("hostile/unclosed.md", "---\nid: unclosed\ntitle: Never Closed\n"),
       {{"hostile/unclosed.md", 1, 1, "error",
         "front matter opened by '---' is never closed; add a line '---' after its last field; the file is "
         "skipped"}}},
      {"EmptyFile",
       file("hostile/empty.md", ""),
       {{"hostile/empty.md", 0, 0, "warning", "file is empty; add a record or delete it"}}},
      {"RecordWithoutId",
       file("hostile/no-id.md", "---\ntitle: No Id\n---\n"),
       {{"hostile/no-id.md", 2, 1, "error",
         "record has no 'id'; add a line 'id: <unique id>'; the record is skipped"}}},
      {"IdThatIsAMapping",
       file("hostile/id-mapping.md", "---\nid:\n  en: x\ntitle: T\n---\n"),
       {{"hostile/id-mapping.md", 3, 3, "error",
         "'id' is a mapping, expected text such as 'id: eu-nzia'; the record is skipped"}}},
      {"IdThatIsAList",
       file("hostile/id-list.yaml", "id: [x, y]\ntitle: T\n"),
       {{"hostile/id-list.yaml", 1, 5, "error",
         "'id' is a list, expected text such as 'id: eu-nzia'; the record is skipped"}}},
      {"ListFieldsAsMappingAndScalar",
       file("hostile/list-shapes.md",
            "---\nid: list-shapes\ntitle: Shapes\ntags: single\nevolution:\n  supersedes:\n    old: good-a\n"
            "  clusters: one\n---\n"),
       {{"hostile/list-shapes.md", 7, 5, "error",
         "an item of 'evolution.supersedes' is a mapping without 'id' (it has 'old'); write a policy id, or {id: "
         "<policy id>, date: YYYY-MM-DD}; the item is dropped"}},
       1,
       1,
       [](const std::string& corpus) {  // a scalar is a list of one; the mapping is dropped
         json counts = stats(corpus);
         EXPECT_EQ(counts["nodes"]["tag"], 2);  // carbon, single
         EXPECT_EQ(counts["nodes"]["cluster"], 1);
         EXPECT_EQ(counts["edges"]["supersedes"], 1);  // good-b's only
       }},
      {"DateThatIsNotADate",
       file("hostile/not-a-date.md", "---\nid: not-a-date\ntitle: T\npubDate: 2023-02-30\nyear: 2023\n---\n"),
       {{"hostile/not-a-date.md", 4, 10, "warning",
         "'pubDate' is '2023-02-30', not a date; write YYYY, YYYY-MM or YYYY-MM-DD (a real calendar day); 'year' is "
         "used instead"}},
       1,
       1,
       [](const std::string& corpus) { EXPECT_EQ(node(corpus, "policy:not-a-date")["date"], "2023-01-01"); }},
      {"BinaryFileWithMarkdownEnding",
       file("hostile/binary.md", std::string("\x7f"
                                             "ELF\x02\x01\x01\0\0\0\x03\0",
                                             12)),
       {{"hostile/binary.md", 0, 0, "error",
         "binary file (it holds NUL bytes), not Markdown text; it is skipped; remove it or give it another ending"}}},
      {"BytesThatAreNotUtf8",
       file("hostile/latin1.md", "---\nid: latin1\ntitle: caf\xe9\n---\n"),
       {{"hostile/latin1.md", 3, 11, "error", "byte 0xE9 is not UTF-8; save the file as UTF-8; the file is skipped"}}},
      {"ByteOrderMark",
       file("hostile/bom.md", "\xEF\xBB\xBF---\nid: bom\ntitle: With BOM\n---\n"),
       {},
       1,
       1,
       [](const std::string& corpus) { EXPECT_EQ(node(corpus, "policy:bom")["label"], "With BOM"); }},
      {"CrlfLineEndings",
       file("hostile/crlf.md", "---\r\nid: crlf\r\ntitle: CRLF Lines\r\nyear: 2010\r\n---\r\nBody.\r\n"),
       {},
       1,
       1,
       [](const std::string& corpus) {
         json crlf = node(corpus, "policy:crlf");
         EXPECT_EQ(crlf["label"], "CRLF Lines");
         EXPECT_EQ(crlf["date"], "2010-01-01");
       }},
      {"TenThousandLevelsDeep",
       file("hostile/deep.yaml",
            "id: deep\ntitle: Deep\nx: " + std::string(10'000, '[') + std::string(10'000, ']') + "\n"),
       {{"hostile/deep.yaml", 3, 203, "error",
         "values are nested deeper than 200 levels; the rest of the file is skipped; flatten this value or raise "
         "--max-depth"}},
       0,
       1,
       [](const std::string& corpus) {  // raised, the limit lets it through
         EXPECT_EQ(stats(corpus, {"--max-depth", "10001"})["records"]["policy"], good_policies + 1);
       }},
      {"FiveMegabyteScalar",
       file("hostile/big-scalar.md", "---\nid: big-scalar\ntitle: \"" + std::string(5u << 20, 'x') + "\"\n---\n"),
       {},
       1,
       1,
       [](const std::string& corpus) {
         EXPECT_EQ(node(corpus, "policy:big-scalar")["label"].get<std::string>().size(), 5u << 20);
       }},
      {"BillionLaughs",
       file("hostile/laughs.yaml", billion_laughs()),
       {{"hostile/laughs.yaml", 11, 5, "error",
         "'tags' has an item that is a list, expected tags as text; such items are dropped"}},
       1},
      {"SymlinkLoopToAFolder",
       [](const TempCorpus& corpus) {
         fs::create_directories(fs::path(corpus.path()) / "hostile");
         fs::create_directory_symlink("..", fs::path(corpus.path()) / "hostile" / "loop");
       },
       {{"hostile/loop", 0, 0, "warning",
         "symbolic link loop: it leads back to '.', a folder that holds it; skipped; remove the link"}},
       0,
       0},
      {"SymlinkToItself",
       [](const TempCorpus& corpus) {
         fs::create_directories(fs::path(corpus.path()) / "hostile");
         fs::create_symlink("self.md", fs::path(corpus.path()) / "hostile" / "self.md");
       },
       {{"hostile/self.md", 0, 0, "warning",
         "symbolic link loop (Too many levels of symbolic links); skipped; remove the link"}},
       0,
       0},
      {"SameIdTwiceInOneLanguage",
       [](const TempCorpus& corpus) {
         corpus.write("hostile/dup-1.md", "---\nid: dup\ntitle: First\nlang: en\n---\n");
         corpus.write("hostile/dup-2.md", "---\nid: dup\ntitle: Second\nlang: en\n---\n");
       },
       {{"hostile/dup-2.md", 2, 5, "error",
         "policy 'dup' in language 'en' is defined twice: in hostile/dup-1.md:2 (kept) and in hostile/dup-2.md:2 "
         "(skipped); remove one or give it another id"}},
       1,
       2,
       [](const std::string& corpus) { EXPECT_EQ(node(corpus, "policy:dup")["label"], "First"); }},
      {"SelfSupersession",
       file("hostile/self.yaml", "id: self-ref\ntitle: Self\nevolution:\n  supersedes: [self-ref]\n"),
       {{"hostile/self.yaml", 4, 16, "warning",
         "policy 'self-ref' names itself in supersedes; the link is ignored; remove 'self-ref' from supersedes"}},
       1,
       1,
       [](const std::string& corpus) {
         Result result = run_cli({"replaced-by", "self-ref", "-C", corpus, "--json"});
         EXPECT_EQ(result.code, 0) << result.err;
         EXPECT_EQ(json::parse(result.out)["current"], json::array({"self-ref"}));
       }},
      {"SupersessionCycle",
       file("hostile/cycle.yaml",
            "- id: cycle-1\n  title: C1\n  evolution: {supersedes: [cycle-2]}\n"
            "- id: cycle-2\n  title: C2\n  evolution: {supersedes: [cycle-1]}\n"),
       {{"hostile/cycle.yaml", 3, 28, "error",
         "lineage cycle among 2 policies: 'cycle-1' (hostile/cycle.yaml), 'cycle-2' (hostile/cycle.yaml); "
         "the relations of 'evolution' (supersedes, amends, repeals, ...) must not lead back to a policy"}},
       2,
       1,
       [](const std::string& corpus) {  // queries on the cycle still end
         Result result = run_cli({"replaced-by", "cycle-1", "-C", corpus, "--json"});
         EXPECT_EQ(result.code, 0) << result.err;
         EXPECT_EQ(json::parse(result.out)["current"], json::array({"cycle-1", "cycle-2"}));
         EXPECT_EQ(run_cli({"lineage", "cycle-2", "-C", corpus, "--json"}).code, 0);
       }},
      {"ReferenceToAMissingRecord",
       file("hostile/missing.md",
            "---\nid: missing-ref\ntitle: Refers\nevolution:\n  supersedes: [no-such-policy]\n---\n"),
       {{"hostile/missing.md", 5, 16, "note",
         "no record describes the policy 'no-such-policy', named here in supersedes; it is kept as an unresolved "
         "node; add its record, or check the id for a typo"}},
       1,
       1,
       [](const std::string& corpus) {
         EXPECT_EQ(stats(corpus)["unresolved"]["policy"], 1);
         EXPECT_EQ(node(corpus, "policy:no-such-policy")["resolved"], false);
       }},
  };
  return cases;
}

json as_json(const Expected& d) {
  return {{"file", d.file}, {"line", d.line}, {"column", d.column}, {"severity", d.severity}, {"message", d.message}};
}

std::string as_text(const Expected& d) {
  std::string location = d.file;
  if (d.line > 0) location += ":" + std::to_string(d.line) + (d.column > 0 ? ":" + std::to_string(d.column) : "");
  return location + ": " + d.severity + ": " + d.message + "\n";
}

// What `validate` prints for these diagnostics, its last line included.
std::string human_output(std::vector<Expected> diagnostics, int records, int files) {
  std::sort(diagnostics.begin(), diagnostics.end(), [](const Expected& a, const Expected& b) {
    return std::tie(a.file, a.line, a.column, a.message) < std::tie(b.file, b.line, b.column, b.message);
  });
  std::string text;
  std::size_t errors = 0;
  for (const auto& d : diagnostics) {
    text += as_text(d);
    errors += d.severity == "error";
  }
  auto counted = [](std::size_t n, const std::string& word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
  };
  if (diagnostics.empty())
    return "ok: " + counted(records, "record") + " in " + counted(files, "file") + ", no problems\n";
  std::size_t others = diagnostics.size() - errors;
  return text + counted(records, "record") + " in " + counted(files, "file") + ": " + std::to_string(errors) +
         " error" + (errors == 1 ? "" : "s") + ", " + std::to_string(others) + " warning" + (others == 1 ? "" : "s") +
         " or note" + (others == 1 ? "" : "s") + "\n";
}

int exit_code_for(const std::vector<Expected>& diagnostics) {
  for (const auto& d : diagnostics)
    if (d.severity == "error") return 1;
  return 0;
}

// The good records, whatever else the corpus holds: counted, linked and queried.
void expect_good_records_loaded(const std::string& corpus, int policies) {
  json counts = stats(corpus);
  EXPECT_EQ(counts["records"]["policy"], good_policies + policies);
  EXPECT_EQ(counts["records"]["facility"], good_facilities);
  EXPECT_EQ(counts["edges"]["related_facility"], 2);  // good-b -> plant, good-a -> plant
  Result replaced = run_cli({"replaced-by", "good-a", "-C", corpus, "--json"});
  ASSERT_EQ(replaced.code, 0) << replaced.err;
  EXPECT_EQ(json::parse(replaced.out)["replaced_by"], json::array({"good-b"}));
}

class HostileFile : public ::testing::TestWithParam<Hostile> {};

TEST_P(HostileFile, IsReportedAndTheGoodRecordsStay) {
  const Hostile& hostile = GetParam();
  TempCorpus corpus;
  write_good_records(corpus);
  hostile.write(corpus);

  // Twice: the second run reads the records, and the diagnostics, from the cache.
  for (const char* run : {"cold", "warm"}) {
    SCOPED_TRACE(run);
    Result result = run_cli({"validate", "--json", "-C", corpus.path()});
    EXPECT_EQ(result.code, exit_code_for(hostile.diagnostics)) << result.err;
    json expected = json::array();
    for (const auto& d : hostile.diagnostics) expected.push_back(as_json(d));
    EXPECT_EQ(json::parse(result.out)["diagnostics"], expected);
  }
  Result human = run_cli({"validate", "-C", corpus.path()});
  EXPECT_EQ(human.code, exit_code_for(hostile.diagnostics));
  EXPECT_EQ(human.out, human_output(hostile.diagnostics, good_policies + good_facilities + hostile.policies,
                                    good_files + hostile.files_read));
  expect_good_records_loaded(corpus.path(), hostile.policies);
  if (hostile.check) hostile.check(corpus.path());
}

INSTANTIATE_TEST_SUITE_P(CliBadInput, HostileFile, ::testing::ValuesIn(hostile_files()),
                         [](const ::testing::TestParamInfo<Hostile>& param) { return param.param.name; });

TEST(CliBadInput, EveryHostileFileAtOnce) {
  TempCorpus corpus;
  write_good_records(corpus);
  std::vector<Expected> diagnostics;
  int policies = 0;
  int files = good_files;
  for (const auto& hostile : hostile_files()) {
    hostile.write(corpus);
    diagnostics.insert(diagnostics.end(), hostile.diagnostics.begin(), hostile.diagnostics.end());
    policies += hostile.policies;
    files += hostile.files_read;
  }
  Result human = run_cli({"validate", "-C", corpus.path()});
  EXPECT_EQ(human.code, 1);
  EXPECT_EQ(human.out, human_output(diagnostics, good_policies + good_facilities + policies, files));
  Result machine = run_cli({"validate", "--json", "-C", corpus.path()});
  EXPECT_EQ(machine.code, 1);
  EXPECT_EQ(json::parse(machine.out)["diagnostics"].size(), diagnostics.size());
  expect_good_records_loaded(corpus.path(), policies);

  // Other commands go on, with a count of what was skipped; --strict stops them.
  Result influence = run_cli({"influence", "-C", corpus.path(), "--top", "3"});
  EXPECT_EQ(influence.code, 0);
  auto count = [&](const char* severity) {
    return std::count_if(diagnostics.begin(), diagnostics.end(),
                         [&](const Expected& d) { return d.severity == severity; });
  };
  EXPECT_EQ(influence.err, "policygraph: " + std::to_string(count("error")) + " errors and " +
                               std::to_string(count("warning")) +
                               " warnings in the corpus; 'policygraph validate' lists each one and what was "
                               "left out\n");
  EXPECT_EQ(run_cli({"stats", "-C", corpus.path(), "--strict"}).code, 1);
}

TEST(CliBadInput, UnreadableFile) {
  TempCorpus corpus;
  write_good_records(corpus);
  corpus.write("hostile/locked.md", "---\nid: locked\ntitle: Locked\n---\n");
  const fs::path locked = fs::path(corpus.path()) / "hostile" / "locked.md";
  fs::permissions(locked, fs::perms::none);
  if (::access(locked.c_str(), R_OK) == 0)
    GTEST_SKIP() << "running with rights to read every file (root): an unreadable file cannot be made";
  Result result = run_cli({"validate", "--json", "-C", corpus.path()});
  EXPECT_EQ(result.code, 1);
  EXPECT_EQ(json::parse(result.out)["diagnostics"],
            json::array({as_json({"hostile/locked.md", 0, 0, "error",
                                  "cannot read the file (Permission denied); check its permissions"})}));
  expect_good_records_loaded(corpus.path(), 0);
}

}  // namespace
}  // namespace policygraph::cli::testing
