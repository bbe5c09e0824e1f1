// SPDX-License-Identifier: MIT
// Dates as a person types them: today, YYYY, YYYY-MM, YYYY-MM-DD (cli/typed_dates.hpp).
#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"
#include "exit_codes.hpp"
#include "policygraph/evolution.hpp"
#include "typed_dates.hpp"

namespace policygraph::cli::testing {
namespace {

std::string span(const std::string& text) {
  const TypedDate date = parse_typed_date("--since", text, Date{2024, 7, 9});
  return date.first.iso() + ".." + date.last.iso();
}

TEST(TypedDate, NamesEveryDayOfTheYearMonthOrDay) {
  EXPECT_EQ(span("2015"), "2015-01-01..2015-12-31");
  EXPECT_EQ(span("2016-02"), "2016-02-01..2016-02-29");
  EXPECT_EQ(span("2015-06-30"), "2015-06-30..2015-06-30");
  EXPECT_EQ(span("today"), "2024-07-09..2024-07-09");
  EXPECT_EQ(span("Today"), "2024-07-09..2024-07-09");
}

TEST(TypedDate, OtherFormsAreRefusedWithTheAcceptedOnesListed) {
  for (const char* text : {"yesterday", "2015/06/30", "30-06-2015", "2015-6", "15", "2015-02-30", " 2015", ""}) {
    try {
      parse_typed_date("--until", text, Date{2024, 7, 9});
      ADD_FAILURE() << "accepted '" << text << "'";
    } catch (const CliError& error) {
      EXPECT_EQ(error.code, exit_usage);
      EXPECT_EQ(std::string(error.what()), std::string("--until '") + text +
                                               "' is not a date: write today, YYYY, YYYY-MM or YYYY-MM-DD, e.g. "
                                               "--until 2015-06-30");
    }
  }
}

TEST(TypedDate, OnTheCommandLine) {
  TempCorpus corpus;
  write_branching_corpus(corpus);
  auto date_of = [&](std::vector<std::string> extra) {
    std::vector<std::string> args{"in-force", "-C", corpus.path(), "--no-cache", "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    Result result = run_cli(args);
    EXPECT_EQ(result.code, 0) << result.err;
    return nlohmann::json::parse(result.out)["date"].get<std::string>();
  };
  EXPECT_EQ(date_of({"--at", "today"}), today_utc().iso());
  EXPECT_EQ(date_of({}), today_utc().iso());  // without --at: today
  EXPECT_EQ(date_of({"--at", "2015-06"}), "2015-06-01");

  Result refused = run_cli({"in-force", "--at", "last year", "-C", corpus.path()});
  EXPECT_EQ(refused.code, 2);
  EXPECT_EQ(refused.err,
            "policygraph: error: --at 'last year' is not a date: write today, YYYY, YYYY-MM or "
            "YYYY-MM-DD, e.g. --at 2015-06-30\n");
  Result since = run_cli({"influence", "--since", "2015.06", "-C", corpus.path()});
  EXPECT_EQ(since.code, 2);
  EXPECT_EQ(since.err,
            "policygraph: error: --since '2015.06' is not a date: write today, YYYY, YYYY-MM or "
            "YYYY-MM-DD, e.g. --since 2015-06-30\n");
  Result backwards = run_cli({"clusters", "--since", "2016", "--until", "2015-12", "-C", corpus.path()});
  EXPECT_EQ(backwards.code, 2);
  EXPECT_EQ(backwards.err, "policygraph: error: --since 2016 is after --until 2015-12: no day is in between\n");
}

}  // namespace
}  // namespace policygraph::cli::testing
