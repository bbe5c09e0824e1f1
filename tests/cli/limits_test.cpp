// SPDX-License-Identifier: MIT
// The limits of the loader on the command line: an option for each, its default in --help,
// the value reaching the parser (and the cache key), and a diagnostic that names the file,
// the place, the limit and the option that raises it.
#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"
#include "parser.hpp"

namespace policygraph::cli::testing {
namespace {

using nlohmann::json;

json diagnostic(const std::string& file, int line, int column, const std::string& message) {
  return {{"file", file}, {"line", line}, {"column", column}, {"severity", "error"}, {"message", message}};
}

// Every diagnostic of `validate --json`, and the exit code.
std::pair<int, json> validate_json(std::vector<std::string> args) {
  args.insert(args.begin(), {"validate", "--json"});
  Result result = run_cli(args);
  return {result.code, json::parse(result.out)["diagnostics"]};
}

int policy_records(const std::string& corpus, std::vector<std::string> args = {}) {
  args.insert(args.begin(), {"stats", "--json", "-C", corpus});
  return json::parse(run_cli(args).out)["records"]["policy"].get<int>();
}

TEST(Limits, HelpShowsEachLimitWithItsDefault) {
  std::string help = run_cli({"--help"}).out;
  EXPECT_NE(help.find("--max-file-size SIZE=64M"), std::string::npos) << help;
  EXPECT_NE(help.find("--max-depth N=200"), std::string::npos) << help;
  EXPECT_NE(help.find("--max-aliases N=10000"), std::string::npos) << help;
  EXPECT_NE(help.find("--max-alias-events N=1000000"), std::string::npos) << help;
  std::string man = run_cli({"manpage"}).out;
  EXPECT_NE(man.find(".B \\-\\-max\\-depth N\nDeepest nesting of lists and mappings in a value (default: 200)"),
            std::string::npos)
      << man;
}

TEST(Limits, DefaultsAreTheLoadersDefaults) {
  Invocation invocation;
  auto app = make_parser(invocation);
  app->parse(std::vector<std::string>{"validate"});
  const Limits defaults;
  EXPECT_EQ(invocation.global.limits.max_file_bytes, defaults.max_file_bytes);
  EXPECT_EQ(invocation.global.limits.max_depth, defaults.max_depth);
  EXPECT_EQ(invocation.global.limits.max_alias_expansions, defaults.max_alias_expansions);
  EXPECT_EQ(invocation.global.limits.max_alias_events, defaults.max_alias_events);
}

TEST(Limits, MaxDepthReachesTheParserAndTheCache) {
  TempCorpus corpus;
  corpus.write("policies/deep.md", "---\nid: deep\ntitle: Deep\nnotes: [[[[[[[[[[x]]]]]]]]]]\n---\n");
  corpus.write("policies/good.md", "---\nid: good\ntitle: Good\n---\n");

  // The default (200) reads it; the cache written now must not answer for a lower limit.
  auto [clean_code, clean] = validate_json({"-C", corpus.path()});
  EXPECT_EQ(clean_code, 0);
  EXPECT_EQ(clean, json::array());

  auto [code, diagnostics] = validate_json({"-C", corpus.path(), "--max-depth", "5"});
  EXPECT_EQ(code, 1);
  EXPECT_EQ(diagnostics, json::array({diagnostic("policies/deep.md", 4, 12,
                                                 "values are nested deeper than 5 levels; the rest of the file is "
                                                 "skipped; flatten this value or raise --max-depth")}));
  EXPECT_EQ(policy_records(corpus.path(), {"--max-depth", "5"}), 1);  // good.md
  EXPECT_EQ(policy_records(corpus.path(), {"--max-depth", "11"}), 2);

  Result human = run_cli({"validate", "-C", corpus.path(), "--max-depth=5"});
  EXPECT_EQ(human.code, 1);
  EXPECT_EQ(human.out,
            "policies/deep.md:4:12: error: values are nested deeper than 5 levels; the rest of the file is skipped; "
            "flatten this value or raise --max-depth\n"
            "1 record in 2 files: 1 error, 0 warnings or notes\n");
}

TEST(Limits, MaxFileSizeTakesSuffixes) {
  TempCorpus corpus;
  corpus.write("big.yaml", "id: big\ntitle: '" + std::string(3000, 'x') + "'\n");  // 3,018 bytes
  corpus.write("small.yaml", "id: small\ntitle: Small\n");
  const std::string message =
      "file is 3018 bytes, more than the limit of 2048 bytes; it is skipped; split it into "
      "smaller files or raise --max-file-size";
  for (const char* size : {"2048", "2K", "2k", "2KiB", "2kb"}) {
    auto [code, diagnostics] = validate_json({"-C", corpus.path(), "--max-file-size", size});
    EXPECT_EQ(code, 1) << size;
    EXPECT_EQ(diagnostics, json::array({diagnostic("big.yaml", 0, 0, message)})) << size;
  }
  EXPECT_EQ(policy_records(corpus.path(), {"--max-file-size", "2K"}), 1);
  EXPECT_EQ(policy_records(corpus.path(), {"--max-file-size", "3K"}), 2);
  EXPECT_EQ(policy_records(corpus.path(), {"--no-cache", "--max-file-size", "1M"}), 2);

  Result human = run_cli({"validate", "-C", corpus.path(), "--max-file-size", "2K"});
  EXPECT_EQ(human.out, "big.yaml: error: " + message + "\n1 record in 1 file: 1 error, 0 warnings or notes\n");
}

TEST(Limits, MaxAliasesAndAliasEvents) {
  TempCorpus corpus;
  std::string text = "- {id: r1, title: R, tags: &t [a, b]}\n";  // 4 parse events: [, a, b, ]
  for (int i = 2; i <= 9; ++i) text += "- {id: r" + std::to_string(i) + ", title: R, tags: *t}\n";
  corpus.write("aliases.yaml", text);
  corpus.write("good.yaml", "id: good\ntitle: Good\n");

  auto [code, diagnostics] = validate_json({"-C", corpus.path(), "--max-aliases", "3"});
  EXPECT_EQ(code, 1);
  EXPECT_EQ(diagnostics, json::array({diagnostic("aliases.yaml", 5, 28,
                                                 "more than 3 aliases to expand (here *t); the rest of the file is "
                                                 "skipped; write the values out instead of repeating aliases, or "
                                                 "raise --max-aliases")}));
  EXPECT_EQ(policy_records(corpus.path(), {"--max-aliases", "3"}), 5);  // r1 to r4, and good

  auto [events_code, events] = validate_json({"-C", corpus.path(), "--max-alias-events", "10"});
  EXPECT_EQ(events_code, 1);
  EXPECT_EQ(events, json::array({diagnostic("aliases.yaml", 4, 28,
                                            "aliases repeat more than 10 parse events (here *t); the rest of the "
                                            "file is skipped; write the values out instead of repeating aliases, "
                                            "or raise --max-alias-events")}));
  EXPECT_EQ(policy_records(corpus.path(), {"--max-alias-events", "10"}), 4);  // r1 to r3, and good

  auto [default_code, by_default] = validate_json({"-C", corpus.path()});
  EXPECT_EQ(default_code, 0);
  EXPECT_EQ(by_default, json::array());
  EXPECT_EQ(policy_records(corpus.path()), 10);
}

TEST(Limits, ValuesThatAreNotLimitsAreUsageErrors) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases{
      {{"--max-depth", "0"}, "--max-depth: must be 1 or more"},
      {{"--max-depth", "-4"}, "--max-depth: must be 1 or more"},
      {{"--max-depth", "deep"}, "--max-depth: 'deep' is not a number"},
      {{"--max-aliases", "-1"}, "--max-aliases: must be 0 or more"},
      {{"--max-alias-events", "1e6"}, "--max-alias-events: '1e6' is not a number"},
      {{"--max-file-size", "5X"},
       "--max-file-size: '5X' is not a size; write a number of bytes, or one with K, M or G such as 5M"},
      {{"--max-file-size", "0"},
       "--max-file-size: '0' is not a size; write a number of bytes, or one with K, M or G such as 5M"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args{"validate", "-C", "."};
    args.insert(args.end(), c.args.begin(), c.args.end());
    Result result = run_cli(args);
    EXPECT_EQ(result.code, 2) << c.args[0] << " " << c.args[1];
    EXPECT_EQ(result.err, "policygraph: error: " + c.message + " (see 'policygraph help validate')\n");
  }
}

TEST(ByteSize, ParsesNumbersWithUnits) {
  EXPECT_EQ(parse_byte_size("123"), 123u);
  EXPECT_EQ(parse_byte_size("123b"), 123u);
  EXPECT_EQ(parse_byte_size("5M"), 5u << 20);
  EXPECT_EQ(parse_byte_size("5mib"), 5u << 20);
  EXPECT_EQ(parse_byte_size("512k"), 512u << 10);
  EXPECT_EQ(parse_byte_size("1G"), 1u << 30);
  EXPECT_EQ(parse_byte_size("16GB"), std::uint64_t{16} << 30);
  for (const char* bad : {"", "M", "5 M", "5T", "5mi", "1.5M", "-5", "5MM", "99999999999999999999", "17179869184G"})
    EXPECT_EQ(parse_byte_size(bad), std::nullopt) << bad;
  EXPECT_EQ(format_byte_size(64u << 20), "64M");
  EXPECT_EQ(format_byte_size(1536), "1536");  // 1.5K is not a whole number of K
  EXPECT_EQ(format_byte_size(3u << 10), "3K");
  EXPECT_EQ(format_byte_size(std::uint64_t{2} << 30), "2G");
  EXPECT_EQ(format_byte_size(100), "100");
}

}  // namespace
}  // namespace policygraph::cli::testing
