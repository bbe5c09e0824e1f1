// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "csv_folder.hpp"
#include "export/export_fixture.hpp"
#include "export/export_test_util.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;
namespace fs = std::filesystem;

std::size_t column(const std::vector<std::string>& header, std::string_view name) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  ADD_FAILURE() << "no column " << name;
  return 0;
}

TEST(Csv, NodesHaveNeo4jHeadersAndTypedColumns) {
  Graph graph = make_export_graph();
  NodeMetrics metrics = make_export_metrics();
  std::ostringstream out;
  write_csv_nodes(out, graph, {.metrics = &metrics});
  auto rows = read_csv(out.str());
  ASSERT_EQ(rows.size(), graph.node_count() + 1);
  const auto& header = rows[0];
  EXPECT_EQ(header[0], ":ID(Node)");
  EXPECT_EQ(header[1], "id");
  EXPECT_EQ(header[2], ":LABEL");
  column(header, "year:int");
  column(header, "pagerank:double");
  column(header, "tags:string[]");
  column(header, "resolved:boolean");
  column(header, "date:date");
  column(header, "state:string");
  column(header, "effective:date");
  column(header, "expires:date");
  column(header, "title@zh:string");
  for (const auto& row : rows) EXPECT_EQ(row.size(), header.size());
  const auto& a = rows[1];
  EXPECT_EQ(a[0], "policy:a");
  EXPECT_EQ(a[1], "a");
  EXPECT_EQ(a[2], "Policy");
  EXPECT_EQ(a[column(header, "label:string")], nasty_title);  // control character kept
  EXPECT_EQ(a[column(header, "tags:string[]")], "carbon capture;storage");
  EXPECT_EQ(a[column(header, "resolved:boolean")], "true");
  // A policy and a facility sharing the id `a` have distinct node ids (after the nine policies).
  EXPECT_EQ(rows[10][0], "facility:a");
  EXPECT_EQ(rows[10][1], "a");
  EXPECT_EQ(rows[10][2], "Facility");
  // Missing: an empty field.
  EXPECT_EQ(rows[5][column(header, "country:string")], "");
}

TEST(Csv, QuotesAsRfc4180Says) {
  Graph graph = make_export_graph();
  std::ostringstream out;
  write_csv_nodes(out, graph);
  EXPECT_NE(out.str().find("\"B, \"\"the second\"\"\""), std::string::npos);
  EXPECT_NE(out.str().find("\"Act \"\"A\"\" <2005> & co\\ \n"), std::string::npos);
}

TEST(Csv, Edges) {
  Graph graph = make_export_graph();
  std::ostringstream out;
  write_csv_edges(out, graph);
  auto rows = read_csv(out.str());
  ASSERT_EQ(rows.size(), graph.edge_count() + 1);
  EXPECT_EQ(rows[0], (std::vector<std::string>{":START_ID(Node)", ":END_ID(Node)", ":TYPE", "kind", "weight:double"}));
  bool found = false;
  for (const auto& row : rows)
    found = found ||
            row == std::vector<std::string>{"policy:a", "facility:a", "RELATED_FACILITY", "related_facility", "0.1"};
  EXPECT_TRUE(found);
}

// The folder export: a file per kind and per edge type for Neo4j's id spaces.

/// The files of a folder by name, with their text.
std::map<std::string, std::string> read_folder(const fs::path& folder) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::directory_iterator(folder))
    files[entry.path().filename().string()] = read_text(entry.path());
  return files;
}

std::set<std::string> names_in(const fs::path& folder) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.insert(entry.path().filename().string());
  return names;
}

/// The export of the fixture graph, with metrics, into a fresh folder.
fs::path export_fixture_folder(const std::string& test) {
  auto folder = scratch_folder(test) / "csv";
  Graph graph = make_export_graph();
  NodeMetrics metrics = make_export_metrics();
  export_to_path(ExportFormat::csv, folder, graph, {.metrics = &metrics});
  return folder;
}

const std::set<std::string> fixture_files{"nodes.csv",
                                          "edges.csv",
                                          "policy.nodes.csv",
                                          "facility.nodes.csv",
                                          "cluster.nodes.csv",
                                          "tag.nodes.csv",
                                          "supersedes.policy-policy.edges.csv",
                                          "consolidates.policy-policy.edges.csv",
                                          "repeals.policy-policy.edges.csv",
                                          "amends.policy-policy.edges.csv",
                                          "implements.policy-policy.edges.csv",
                                          "related_facility.policy-facility.edges.csv",
                                          "tagged.policy-tag.edges.csv",
                                          "member_of.facility-cluster.edges.csv",
                                          "import.sh",
                                          "README.txt"};

TEST(CsvFolder, WritesAFilePerKindAndPerEdgeTypeAndPairOfKinds) {
  auto folder = export_fixture_folder("csv-folder-files");
  EXPECT_EQ(names_in(folder), fixture_files);
  EXPECT_EQ(names_in(folder.parent_path()), std::set<std::string>{"csv"});  // no staging folder left
  struct stat script {};
  ASSERT_EQ(::stat((folder / "import.sh").c_str(), &script), 0);
  EXPECT_EQ(script.st_mode & 0777, 0755u);
  struct stat data {};
  ASSERT_EQ(::stat((folder / "policy.nodes.csv").c_str(), &data), 0);
  EXPECT_EQ(data.st_mode & 0777, 0644u);
  const std::string readme = read_text(folder / "README.txt");
  EXPECT_EQ(std::count(readme.begin(), readme.end(), '\n'), 3);
}

TEST(CsvFolder, HeadersOfEachFile) {
  auto files = read_folder(export_fixture_folder("csv-folder-headers"));
  auto header = [&](const std::string& name) { return files.at(name).substr(0, files.at(name).find('\n')); };
  EXPECT_EQ(header("policy.nodes.csv"),
            "id:ID(Policy),:LABEL,kind:string,label:string,resolved:boolean,date:date,state:string,effective:date,"
            "expires:date,tags:string[],country:string,legalWeight:string,pubDate:string,status:string,"
            "title@zh:string,year:int,pagerank:double,component:int");
  // Only the columns a facility has: no year, tags or pagerank.
  EXPECT_EQ(header("facility.nodes.csv"),
            "id:ID(Facility),:LABEL,kind:string,label:string,resolved:boolean,country:string,status:string");
  EXPECT_EQ(header("cluster.nodes.csv"), "id:ID(Cluster),:LABEL,kind:string,label:string,resolved:boolean");
  EXPECT_EQ(header("tag.nodes.csv"), "id:ID(Tag),:LABEL,kind:string,label:string,resolved:boolean");
  EXPECT_EQ(header("supersedes.policy-policy.edges.csv"), ":START_ID(Policy),:END_ID(Policy),:TYPE,kind,weight:double");
  for (const char* kind : {"consolidates", "repeals", "amends", "implements"})
    EXPECT_EQ(header(std::string(kind) + ".policy-policy.edges.csv"),
              ":START_ID(Policy),:END_ID(Policy),:TYPE,kind,weight:double");
  EXPECT_EQ(header("related_facility.policy-facility.edges.csv"),
            ":START_ID(Policy),:END_ID(Facility),:TYPE,kind,weight:double");
  EXPECT_EQ(header("tagged.policy-tag.edges.csv"), ":START_ID(Policy),:END_ID(Tag),:TYPE,kind,weight:double");
  EXPECT_EQ(header("member_of.facility-cluster.edges.csv"),
            ":START_ID(Facility),:END_ID(Cluster),:TYPE,kind,weight:double");
  // The one-id-space tables are as before.
  EXPECT_EQ(header("nodes.csv").rfind(":ID(Node),id,:LABEL,", 0), 0u);
  EXPECT_EQ(header("edges.csv"), ":START_ID(Node),:END_ID(Node),:TYPE,kind,weight:double");
  // Every row as wide as its header.
  for (const auto& [name, text] : files) {
    if (!name.ends_with(".csv")) continue;
    auto rows = read_csv(text);
    for (const auto& row : rows) EXPECT_EQ(row.size(), rows[0].size()) << name;
  }
}

TEST(CsvFolder, PolicyAndFacilitySharingAnIdStayApart) {
  auto files = read_folder(export_fixture_folder("csv-folder-id-spaces"));
  auto policies = read_csv(files.at("policy.nodes.csv"));
  auto facilities = read_csv(files.at("facility.nodes.csv"));
  ASSERT_EQ(policies.size(), 10u);  // header, a, b, c, d, ghost, m, p, r, t
  ASSERT_EQ(facilities.size(), 2u);
  EXPECT_EQ(policies[1][0], "a");
  EXPECT_EQ(policies[1][1], "Policy");
  EXPECT_EQ(facilities[1],
            (std::vector<std::string>{"a", "Facility", "facility", "Plant A", "true", "NO", "Operational"}));
  // The edge from policy a to facility a starts in the Policy space and ends in Facility's.
  EXPECT_EQ(read_csv(files.at("related_facility.policy-facility.edges.csv")),
            (std::vector<std::vector<std::string>>{
                {":START_ID(Policy)", ":END_ID(Facility)", ":TYPE", "kind", "weight:double"},
                {"a", "a", "RELATED_FACILITY", "related_facility", "0.1"}}));
  EXPECT_EQ(read_csv(files.at("member_of.facility-cluster.edges.csv"))[1],
            (std::vector<std::string>{"a", "north sea", "MEMBER_OF", "member_of", "1"}));
  EXPECT_EQ(
      read_csv(files.at("supersedes.policy-policy.edges.csv")),
      (std::vector<std::vector<std::string>>{{":START_ID(Policy)", ":END_ID(Policy)", ":TYPE", "kind", "weight:double"},
                                             {"b", "a", "SUPERSEDES", "supersedes", "3"},
                                             {"c", "a", "SUPERSEDES", "supersedes", "3"},
                                             {"c", "b", "SUPERSEDES", "supersedes", "3"},
                                             {"c", "ghost", "SUPERSEDES", "supersedes", "3"}}));
}

// MODEL.md 7.1: each relation is its own edge type, in its own file between two policies.
TEST(CsvFolder, EachRelationHasItsOwnType) {
  auto files = read_folder(export_fixture_folder("csv-folder-relations"));
  using Rows = std::vector<std::vector<std::string>>;
  const std::vector<std::string> header{":START_ID(Policy)", ":END_ID(Policy)", ":TYPE", "kind", "weight:double"};
  EXPECT_EQ(read_csv(files.at("consolidates.policy-policy.edges.csv")),
            (Rows{header, {"d", "a", "CONSOLIDATES", "consolidates", "3"}}));
  EXPECT_EQ(read_csv(files.at("repeals.policy-policy.edges.csv")),
            (Rows{header, {"r", "d", "REPEALS", "repeals", "2"}}));
  EXPECT_EQ(read_csv(files.at("amends.policy-policy.edges.csv")),
            (Rows{header, {"m", "c", "AMENDS", "amends", "2"}, {"p", "c", "AMENDS", "amends", "2"}}));
  EXPECT_EQ(read_csv(files.at("implements.policy-policy.edges.csv")),
            (Rows{header, {"t", "c", "IMPLEMENTS", "implements", "2"}}));
  // The one table of every edge has them too.
  auto all = read_csv(files.at("edges.csv"));
  std::set<std::string> types;
  for (std::size_t row = 1; row < all.size(); ++row) types.insert(all[row][2]);
  EXPECT_EQ(types, (std::set<std::string>{"AMENDS", "CONSOLIDATES", "IMPLEMENTS", "MEMBER_OF", "RELATED_FACILITY",
                                          "REPEALS", "SUPERSEDES", "TAGGED"}));
}

TEST(CsvFolder, TypedColumnsAndLists) {
  auto rows = read_csv(read_folder(export_fixture_folder("csv-folder-types")).at("policy.nodes.csv"));
  const auto& header = rows[0];
  const auto& a = rows[1];
  EXPECT_EQ(a[column(header, "year:int")], "2005");
  EXPECT_EQ(a[column(header, "date:date")], "2005-03-01");
  EXPECT_EQ(a[column(header, "resolved:boolean")], "true");
  EXPECT_EQ(a[column(header, "pagerank:double")], "0.4");
  EXPECT_EQ(a[column(header, "component:int")], "0");
  EXPECT_EQ(a[column(header, "tags:string[]")], "carbon capture;storage");
  EXPECT_EQ(rows[4][column(header, "pagerank:double")], "0.12345678901234568");  // d: shortest round trip
  EXPECT_EQ(rows[5][column(header, "resolved:boolean")], "false");               // ghost
  EXPECT_EQ(rows[5][column(header, "year:int")], "");                            // missing: empty
  // The state of each policy, whatever the language of its status; its days where given.
  auto values = [&](const std::string& name) {
    std::vector<std::string> cells;
    for (std::size_t row = 1; row < rows.size(); ++row) cells.push_back(rows[row][column(header, name)]);
    return cells;
  };
  using Cells = std::vector<std::string>;
  // a, b, c, d, ghost, m, p, r (现行), t (即将实施)
  EXPECT_EQ(values("state:string"), (Cells{"in_force", "ended", "in_force", "unknown", "unknown", "in_force",
                                           "proposed", "in_force", "pending"}));
  EXPECT_EQ(values("effective:date"), (Cells{"", "", "2015-07-01", "", "", "", "", "", "2021-01-01"}));
  EXPECT_EQ(values("expires:date"), (Cells{"", "", "", "", "", "2026-01-01", "", "", ""}));
}

TEST(CsvFolder, QuotesAsRfc4180Says) {
  auto text = read_folder(export_fixture_folder("csv-folder-quotes")).at("policy.nodes.csv");
  // Quote, comma and newline: the field quoted, its quotes doubled.
  EXPECT_NE(text.find(",\"B, \"\"the second\"\"\","), std::string::npos);
  EXPECT_NE(text.find(",\"Act \"\"A\"\" <2005> & co\\ \n"), std::string::npos);
  auto rows = read_csv(text);
  const std::size_t label = column(rows[0], "label:string");
  EXPECT_EQ(rows[1][label], nasty_title);  // U+0001 kept
  EXPECT_EQ(rows[2][label], "B, \"the second\"");
  EXPECT_EQ(rows[3][label], "C");
}

TEST(CsvFolder, ImportScriptNamesEveryFile) {
  auto folder = export_fixture_folder("csv-folder-import");
  const std::string script = read_text(folder / "import.sh");
  EXPECT_EQ(script.rfind("#!/bin/sh\n", 0), 0u);
  std::set<std::string> named;
  std::istringstream lines(script);
  for (std::string line; std::getline(lines, line);) {
    for (std::string_view option : {"  --nodes=", "  --relationships="}) {
      if (!line.starts_with(option)) continue;
      std::string name = line.substr(option.size());
      if (name.ends_with(" \\")) name.resize(name.size() - 2);
      EXPECT_TRUE(named.insert(name).second) << name;
      EXPECT_EQ(option == "  --nodes=", name.ends_with(".nodes.csv")) << name;
    }
  }
  std::set<std::string> per_kind = fixture_files;
  for (const char* name : {"nodes.csv", "edges.csv", "import.sh", "README.txt"}) per_kind.erase(name);
  EXPECT_EQ(named, per_kind);

  // Run it, from elsewhere, with a neo4j-admin that checks each file is there and says
  // what it was given.
  if (!have_program("sh")) GTEST_SKIP() << "no sh";
  auto scratch = folder.parent_path();
  write_text(scratch / "neo4j-admin",
             "#!/bin/sh\n"
             "for a in \"$@\"; do\n"
             "  case \"$a\" in --nodes=*|--relationships=*)\n"
             "    [ -f \"${a#*=}\" ] || { echo \"missing $a\" >&2; exit 1; } ;;\n"
             "  esac\n"
             "  echo \"$a\"\n"
             "done\n");
  fs::permissions(scratch / "neo4j-admin", fs::perms::owner_all);
  auto result = run_command(
      "cd / && NEO4J_ADMIN='" + (scratch / "neo4j-admin").string() + "' '" + (folder / "import.sh").string() + "'",
      scratch);
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.out.rfind("database\nimport\nfull\npolicygraph\n--array-delimiter=;\n--multiline-fields=true\n"
                             "--nodes=policy.nodes.csv\n--nodes=facility.nodes.csv\n--nodes=cluster.nodes.csv\n"
                             "--nodes=tag.nodes.csv\n--relationships=",
                             0),
            0u)
      << result.out;
  auto named_database = run_command(
      "NEO4J_ADMIN='" + (scratch / "neo4j-admin").string() + "' '" + (folder / "import.sh").string() + "' neo4j",
      scratch);
  EXPECT_EQ(named_database.out.rfind("database\nimport\nfull\nneo4j\n", 0), 0u) << named_database.out;
}

TEST(CsvFolder, StreamIsNodesABlankLineThenEdges) {
  auto folder = export_fixture_folder("csv-folder-stream");
  Graph graph = make_export_graph();
  NodeMetrics metrics = make_export_metrics();
  std::ostringstream out;
  export_to_stream(ExportFormat::csv, out, graph, {.metrics = &metrics});
  EXPECT_EQ(out.str(), read_text(folder / "nodes.csv") + "\n" + read_text(folder / "edges.csv"));
}

TEST(CsvFolder, ReplacesAnOlderExportWhole) {
  auto folder = export_fixture_folder("csv-folder-replace");
  Graph graph = make_export_graph();
  // Policies only: the facility, cluster and tag files of the first export must go.
  const Selection policies = select_vertices(graph, {.kinds = {NodeKind::policy}});
  export_to_path(ExportFormat::csv, folder, graph, {.selection = policies});
  EXPECT_EQ(names_in(folder),
            (std::set<std::string>{"nodes.csv", "edges.csv", "policy.nodes.csv", "supersedes.policy-policy.edges.csv",
                                   "consolidates.policy-policy.edges.csv", "repeals.policy-policy.edges.csv",
                                   "amends.policy-policy.edges.csv", "implements.policy-policy.edges.csv", "import.sh",
                                   "README.txt"}));
  EXPECT_EQ(names_in(folder.parent_path()), std::set<std::string>{"csv"});
  EXPECT_EQ(read_text(folder / "import.sh").find("facility"), std::string::npos);
}

TEST(CsvFolder, AFolderWithOtherFilesIsUpdatedFileByFile) {
  auto folder = scratch_folder("csv-folder-shared");
  write_text(folder / "notes.txt", "mine\n");
  write_text(folder / "tagged.facility-tag.edges.csv", "stale\n");  // from an older export
  write_text(folder / "facility.csv", "not a name we write\n");
  Graph graph = make_export_graph();
  export_to_path(ExportFormat::csv, folder, graph);
  std::set<std::string> expected = fixture_files;
  expected.insert("notes.txt");
  expected.insert("facility.csv");
  EXPECT_EQ(names_in(folder), expected);
  EXPECT_EQ(read_text(folder / "notes.txt"), "mine\n");
}

TEST(CsvFolder, AFailureMidwayLeavesTheOldExport) {
  auto folder = export_fixture_folder("csv-folder-failure");
  const auto before = read_folder(folder);
  std::vector<FolderFile> files{{"nodes.csv", [](std::ostream& out) { out << "new\n"; }, false},
                                {"edges.csv",
                                 [](std::ostream& out) {
                                   out << "half";
                                   throw std::runtime_error("disk full");
                                 },
                                 false}};
  EXPECT_THROW(write_folder_atomically(folder, files, export_detail::is_csv_folder_file_name), ExportError);
  EXPECT_EQ(read_folder(folder), before);
  EXPECT_EQ(names_in(folder.parent_path()), std::set<std::string>{"csv"});
}

TEST(CsvFolder, AFileIsNotAFolder) {
  auto scratch = scratch_folder("csv-folder-file");
  write_text(scratch / "csv", "a file\n");
  EXPECT_THROW(export_to_path(ExportFormat::csv, scratch / "csv", make_export_graph()), ExportError);
  EXPECT_EQ(read_text(scratch / "csv"), "a file\n");
}

TEST(CsvFolder, NamesWeWrite) {
  using export_detail::is_csv_folder_file_name;
  for (const char* name :
       {"nodes.csv", "edges.csv", "import.sh", "README.txt", "tag.nodes.csv", "member_of.policy-cluster.edges.csv",
        "related.policy-policy.edges.csv", ".nodes.csv.tmp-a1B2c3", ".policy.nodes.csv.tmp-XyZ123"})
    EXPECT_TRUE(is_csv_folder_file_name(name)) << name;
  for (const char* name :
       {"notes.txt", "import.report", "policies.nodes.csv", "nodes.csv.bak", ".nodes.csv", "supersedes.edges.csv",
        "supersedes.policy-policies.edges.csv", "Tag.nodes.csv", ".tmp-abc", "a-b.policy.edges.csv"})
    EXPECT_FALSE(is_csv_folder_file_name(name)) << name;
}

}  // namespace
}  // namespace policygraph
