// SPDX-License-Identifier: MIT
// The report's pieces that need no browser: page names, escaping, the families and what
// the folder holds. (report_browser_test.py reads the pages in Chromium.)
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "graph/test_records.hpp"
#include "policygraph/report.hpp"
#include "report/html.hpp"
#include "report/site.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;
using namespace policygraph::report_detail;

// A folder of its own under the temporary folder, for one report.
std::filesystem::path fresh_folder() {
  std::random_device seed;
  return std::filesystem::temp_directory_path() / ("policygraph-report-" + std::to_string(seed()));
}

std::string file_text(const std::filesystem::path& path) {
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

TEST(ReportHtml, EscapesEverythingMarkupCouldUse) {
  EXPECT_EQ(escape_html("<a href=\"x\">Tom & Jerry's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  EXPECT_EQ(escape_html("碳排放"), "碳排放");
  // As in the XML exports: a control character is dropped, a byte that is not UTF-8 is U+FFFD.
  EXPECT_EQ(escape_html("a\x01"
                        "b\xFF"
                        "c"),
            "ab\xEF\xBF\xBD"
            "c");
}

TEST(ReportHtml, PageNamesArePlainWhereTheyCanBeAndUniqueAlways) {
  EXPECT_EQ(page_file("policy-", "eu-ets-directive-2003"), "policy-eu-ets-directive-2003.html");
  // Upper case, slashes, spaces and CJK get a slug and a hash of the whole id.
  const std::string upper = page_file("policy-", "EU-ETS");
  const std::string lower = page_file("policy-", "eu-ets");
  EXPECT_NE(upper, lower);
  EXPECT_TRUE(upper.starts_with("policy-eu-ets-")) << upper;
  EXPECT_NE(page_file("policy-", "a/b"), page_file("policy-", "a-b"));
  EXPECT_EQ(page_file("policy-", "a/b").find('/'), std::string::npos);
  EXPECT_EQ(page_file("policy-", "../x").find('/'), std::string::npos);
  EXPECT_NE(page_file("policy-", "."), "policy-..html");
  EXPECT_EQ(page_file("policy-", "a/b"), page_file("policy-", "a/b"));  // stable
  EXPECT_LE(page_file("policy-", std::string(500, 'x')).size(), 100u);
}

//   a-2001 <-supersedes- b-2005 <-amends- c-2010;  d-1999 <-implements- e-2000;  f alone
TEST(ReportSite, FamiliesAreLineageComponentsNamedAfterTheirOldestPolicy) {
  Record b = policy("b-2005", "2005");
  relate(b, Relation::supersedes, refs({"a-2001"}));
  Record c = policy("c-2010", "2010");
  relate(c, Relation::amends, refs({"b-2005"}));
  Record e = policy("e-2000", "2000");
  relate(e, Relation::implements, refs({"d-1999"}));
  Graph graph = build({policy("a-2001", "2001"), b, c, policy("d-1999", "1999"), e, policy("f", "2003")});
  ReportOptions options;
  const Site site(graph, options);
  ASSERT_EQ(site.families.size(), 2u);
  EXPECT_EQ(ids(graph, site.families[0].members), (std::vector<std::string>{"a-2001", "b-2005", "c-2010"}));
  EXPECT_EQ(site.families[0].file, "family-a-2001.html");
  EXPECT_EQ(site.families[1].file, "family-d-1999.html");
  EXPECT_EQ(site.family_of[vertex(graph, "f")], Site::no_family);  // a policy alone is no family
}

TEST(Report, WritesEveryPageAndReplacesAnOlderReportWhole) {
  Record b = policy("b", "2005");
  b.label = "<b>Bold</b> & co";
  relate(b, Relation::amends, refs({"a"}));
  Graph graph = build({policy("a", "2001"), b});
  const auto folder = fresh_folder();
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "policy-old.html") << "from an older report";
  ReportOptions options;
  options.pagerank = {0.25, 0.75};
  options.today = Date{2026, 1, 1};
  const ReportSummary summary = write_report(folder, graph, options);
  EXPECT_EQ(summary.policies, 2u);
  EXPECT_EQ(summary.families, 1u);
  EXPECT_EQ(summary.diagrams, 1u);
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names,
            (std::vector<std::string>{"families.html", "family-a.html", "index.html", "policies.html", "policy-a.html",
                                      "policy-b.html", "search-index.js", "search.js", "style.css"}));
  const std::string text = file_text(folder / "policy-b.html");
  EXPECT_NE(text.find("<h1>&lt;b&gt;Bold&lt;/b&gt; &amp; co</h1>"), std::string::npos);
  EXPECT_NE(text.find("#1 of 2"), std::string::npos);  // b has the higher PageRank
  EXPECT_NE(text.find("amends <a href=\"policy-a.html\">Title a</a>"), std::string::npos);
  std::filesystem::remove_all(folder);
}

TEST(ReportSite, EqualScoresShareARankAsInfluenceGivesIt) {
  Graph graph = build({policy("a", "2001"), policy("b", "2002"), policy("c", "2003")});
  ReportOptions options;
  options.pagerank = {0.25, 0.5, 0.25};
  const Site site(graph, options);
  EXPECT_EQ(site.rank_text(vertex(graph, "b")), "1");
  EXPECT_EQ(site.rank_text(vertex(graph, "a")), "=2");
  EXPECT_EQ(site.rank_text(vertex(graph, "c")), "=2");
  EXPECT_EQ(ids(graph, site.by_rank), (std::vector<std::string>{"b", "a", "c"}));
}

TEST(Report, APolicyPageRendersItsMarkdownDescriptionBelowTheFacts) {
  Record a = policy("a", "2001");
  a.attributes.add("description", "## Policy Overview\n\nA levy of **CAD 95/t**.\n\n<script>x()</script>");
  a.attributes.add("sector", "power");
  Graph graph = build({a});
  const auto folder = fresh_folder();
  ReportOptions options;
  options.today = Date{2026, 1, 1};
  write_report(folder, graph, options);
  const std::string html = file_text(folder / "policy-a.html");
  std::filesystem::remove_all(folder);
  const std::size_t facts_end = html.find("</table>");
  const std::size_t description =
      html.find("<h2>Description</h2>\n<div class=\"description\">\n<h3>Policy Overview</h3>");
  ASSERT_NE(description, std::string::npos) << html;
  EXPECT_LT(facts_end, description);  // below the facts
  EXPECT_NE(html.find("<p>A levy of <strong>CAD 95/t</strong>.</p>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<script>x()"), std::string::npos) << html;
  EXPECT_EQ(html.find("<th>description</th>"), std::string::npos) << html;  // not a row of the facts too
  EXPECT_NE(html.find("<tr><th>sector</th><td>power</td></tr>"), std::string::npos) << html;
}

TEST(Report, APolicyPageSaysASharedRankInWords) {
  Graph graph = build({policy("a", "2001"), policy("b", "2002"), policy("c", "2003")});
  const auto folder = fresh_folder();
  ReportOptions options;
  options.pagerank = {0.25, 0.5, 0.25};
  options.today = Date{2026, 1, 1};
  write_report(folder, graph, options);
  const std::string tied = file_text(folder / "policy-a.html");
  const std::string alone = file_text(folder / "policy-b.html");
  std::filesystem::remove_all(folder);
  EXPECT_NE(tied.find("#2 of 3, tied (PageRank 0.25000)"), std::string::npos) << tied;
  EXPECT_EQ(tied.find("#="), std::string::npos);
  EXPECT_NE(alone.find("#1 of 3 (PageRank 0.50000)"), std::string::npos) << alone;
}

}  // namespace
}  // namespace policygraph
