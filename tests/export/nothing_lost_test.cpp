// SPDX-License-Identifier: MIT
// Nothing lost: a corpus with every kind of attribute and the five relations of MODEL.md 7.1
// goes through the parser and the graph into GraphML, GEXF, node-link JSON and CSV; each file
// is read back by a parser of its own (Boost's XML reader, nlohmann's JSON, an RFC 4180
// reader) and every node, edge (with its kind) and value must be there, exactly, and nothing
// else. The expected
// values are written out here by hand from the records, not taken from the exporters'
// attribute table.
//
// What a format changes on purpose, and the test expects: XML formats drop the control
// characters XML 1.0 cannot carry (JSON and CSV keep them); GraphML writes a name that is not an
// XML name token with '_' for each character outside [A-Za-z0-9._-] and a suffix on a
// clash (`title@zh` is `title_zh`, and a field `title_zh` then `title_zh_2`); GraphML and
// GEXF and CSV join lists with ';' where JSON keeps arrays. Atomic writes (an export that fails
// midway leaves the old file) are tested in atomic_file_test.cpp and, for the CSV folder,
// csv_test.cpp.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "export/export_test_util.hpp"
#include "policygraph/export.hpp"
#include "policygraph/loader.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;
using boost::property_tree::ptree;
using Values = std::map<std::string, std::string>;  // attribute name, as in the corpus -> value as text

// One file of the corpus: its path below the corpus folder, and its text.
struct CorpusFile {
  std::string path;
  std::string text;
};

const std::vector<CorpusFile> corpus_files{
    {"policies/en/a.md",
     "---\n"
     "id: a\n"
     "title: \"Act \\\"A\\\" <2005> & co\\\\ \\nline two \xE7\xA2\xB3\xE6\x8D\x95\xE9\x9B\x86 \xF0\x9F\x8C\x8D\"\n"
     "country: NO\n"
     "status: Superseded\n"
     "legalWeight: 3\n"
     "source: \"Ministry of <Climate> & Environment\"\n"
     "url: https://example.org/a?x=1&y=2\n"
     "year: 2005\n"
     "pubDate: 2005-03-01\n"
     "amount: 1500000000\n"
     "negative: -7\n"
     "zipcode: '007'\n"
     "huge: 123456789012345678901234567890\n"
     "ratio: 0.25\n"
     "binding: true\n"
     "legal weight: high\n"
     "note: \"bell\\a here\"\n"
     "tags: [carbon capture, 'quotes \"inside\"', \xE5\x82\xA8\xE5\xAD\x98]\n"
     "evolution:\n"
     "  supersedes: [legacy-1990]\n"
     "  clusters: [North Sea, CCS Hub]\n"
     "relatedFacilities: [plant-1, missing-plant]\n"
     "analysis: {nested: ignored}\n"
     "---\n"
     "The body is not read.\n"},
    {"policies/zh/a.md", "---\nid: a\ntitle: \xE7\xA2\xB3\xE6\xB3\x95\n---\n"},
    {"policies/en/b.md",
     "---\nid: b\ntitle: 'B, \"the second\"'\nyear: 2010\nevolution:\n  supersedes: a\n  implements: legacy-1990\n"
     "tags: [Carbon Capture]\n"
     "title_zh: a field, not a translation\n---\n"},
    {"policies/en/c.yaml",
     "id: c\ntitle: C\npubDate: 2015-06\nevolution:\n  consolidatedFrom: [a, b]\n  supersededBy: d\n"
     "  effective: 2015-09-01\n  expires: 2030-12-31\n"},
    {"policies/en/d.json",
     "{\"id\": \"d\", \"title\": \"D (JSON)\", \"year\": \"2020\", "
     "\"evolution\": {\"supersedes\": [\"c\"], \"amends\": [{\"id\": \"b\", \"date\": \"2021-01-01\"}], "
     "\"repeals\": [\"a\"]}}\n"},
    {"facilities/plant.yaml",
     "id: plant-1\nname: \"Plant <1> & 'Co'\"\nhub: Northern Lights\ncountry: NO\ncapacity: 1.5\noperational: false\n"
     "coordinates: '59.9,10.7'\nrelatedPolicies: [a, ghost-policy]\ntags: [storage]\n"},
    {"facilities/zh/plant.yaml", "id: plant-1\nname: \xE5\xB7\xA5\xE5\x8E\x82\n"},
};

Graph corpus_graph() {
  std::vector<Record> records;
  for (const auto& file : corpus_files) {
    auto context = context_for_path(file.path);
    EXPECT_TRUE(context) << file.path;
    ParseResult parsed = parse_records(file.text, *context);
    EXPECT_TRUE(parsed.diagnostics.empty()) << file.path << ": " << format_diagnostic(parsed.diagnostics[0]);
    for (auto& record : parsed.records) records.push_back(std::move(record));
  }
  Diagnostics diagnostics;
  records = merge_translations(std::move(records), "en", diagnostics);
  Graph graph = build_graph(std::move(records), diagnostics);
  for (const auto& d : diagnostics)  // the unresolved references, and nothing else
    EXPECT_EQ(d.severity, Severity::note) << format_diagnostic(d);
  return graph;
}

const std::string title_a = "Act \"A\" <2005> & co\\ \nline two \xE7\xA2\xB3\xE6\x8D\x95\xE9\x9B\x86 \xF0\x9F\x8C\x8D";

// Every node with every value it must carry, by key; lists joined with ';'.
const std::map<std::string, Values>& expected_nodes() {
  static const std::map<std::string, Values> nodes{
      {"policy:a",
       {{"kind", "policy"},
        {"label", title_a},
        {"resolved", "true"},
        {"date", "2005-03-01"},
        {"state", "ended"},
        {"tags", "carbon capture;quotes \"inside\";\xE5\x82\xA8\xE5\xAD\x98"},
        {"clusters", "North Sea;CCS Hub"},
        {"country", "NO"},
        {"status", "Superseded"},
        {"legalWeight", "3"},
        {"source", "Ministry of <Climate> & Environment"},
        {"url", "https://example.org/a?x=1&y=2"},
        {"year", "2005"},
        {"pubDate", "2005-03-01"},
        {"amount", "1500000000"},
        {"negative", "-7"},
        {"zipcode", "007"},
        {"huge", "123456789012345678901234567890"},
        {"ratio", "0.25"},
        {"binding", "true"},
        {"legal weight", "high"},
        {"note", "bell\a here"},
        {"title@zh", "\xE7\xA2\xB3\xE6\xB3\x95"}}},
      {"policy:b",
       {{"kind", "policy"},
        {"label", "B, \"the second\""},
        {"resolved", "true"},
        {"date", "2010-01-01"},
        {"state", "unknown"},
        {"tags", "Carbon Capture"},
        {"year", "2010"},
        {"title_zh", "a field, not a translation"}}},
      {"policy:c",
       {{"kind", "policy"},
        {"label", "C"},
        {"resolved", "true"},
        {"date", "2015-06-01"},
        {"state", "unknown"},
        {"effective", "2015-09-01"},
        {"expires", "2030-12-31"},
        {"pubDate", "2015-06"}}},
      {"policy:d",
       {{"kind", "policy"},
        {"label", "D (JSON)"},
        {"resolved", "true"},
        {"date", "2020-01-01"},
        {"state", "unknown"},
        {"year", "2020"}}},
      {"policy:legacy-1990",
       {{"kind", "policy"}, {"label", "legacy-1990"}, {"resolved", "false"}, {"state", "unknown"}}},
      {"policy:ghost-policy",
       {{"kind", "policy"}, {"label", "ghost-policy"}, {"resolved", "false"}, {"state", "unknown"}}},
      {"facility:plant-1",
       {{"kind", "facility"},
        {"label", "Plant <1> & 'Co'"},
        {"resolved", "true"},
        {"tags", "storage"},
        {"clusters", "Northern Lights"},
        {"hub", "Northern Lights"},
        {"country", "NO"},
        {"capacity", "1.5"},
        {"operational", "false"},
        {"coordinates", "59.9,10.7"},
        {"name@zh", "\xE5\xB7\xA5\xE5\x8E\x82"}}},
      {"facility:missing-plant", {{"kind", "facility"}, {"label", "missing-plant"}, {"resolved", "false"}}},
      {"cluster:north sea", {{"kind", "cluster"}, {"label", "North Sea"}, {"resolved", "true"}}},
      {"cluster:ccs hub", {{"kind", "cluster"}, {"label", "CCS Hub"}, {"resolved", "true"}}},
      {"cluster:northern lights", {{"kind", "cluster"}, {"label", "Northern Lights"}, {"resolved", "true"}}},
      {"tag:carbon capture", {{"kind", "tag"}, {"label", "carbon capture"}, {"resolved", "true"}}},
      {"tag:quotes \"inside\"", {{"kind", "tag"}, {"label", "quotes \"inside\""}, {"resolved", "true"}}},
      {"tag:\xE5\x82\xA8\xE5\xAD\x98", {{"kind", "tag"}, {"label", "\xE5\x82\xA8\xE5\xAD\x98"}, {"resolved", "true"}}},
      {"tag:storage", {{"kind", "tag"}, {"label", "storage"}, {"resolved", "true"}}},
  };
  return nodes;
}

// Every edge: (source key, kind, target key) and its weight.
using EdgeKey = std::tuple<std::string, std::string, std::string>;
const std::map<EdgeKey, double>& expected_edges() {
  static const std::map<EdgeKey, double> edges{
      {{"policy:a", "supersedes", "policy:legacy-1990"}, 3},
      {{"policy:b", "supersedes", "policy:a"}, 3},
      {{"policy:d", "supersedes", "policy:c"}, 3},  // stated by c (supersededBy) and by d: one edge
      {{"policy:c", "consolidates", "policy:a"}, 3},
      {{"policy:c", "consolidates", "policy:b"}, 3},
      {{"policy:d", "repeals", "policy:a"}, 2},
      {{"policy:d", "amends", "policy:b"}, 2},
      {{"policy:b", "implements", "policy:legacy-1990"}, 2},
      {{"policy:a", "related_facility", "facility:plant-1"}, 0.1},  // stated on both sides: one edge
      {{"policy:a", "related_facility", "facility:missing-plant"}, 0.1},
      {{"policy:ghost-policy", "related_facility", "facility:plant-1"}, 0.1},
      {{"policy:a", "member_of", "cluster:north sea"}, 1},
      {{"policy:a", "member_of", "cluster:ccs hub"}, 1},
      {{"facility:plant-1", "member_of", "cluster:northern lights"}, 1},
      {{"policy:a", "tagged", "tag:carbon capture"}, 1},
      {{"policy:a", "tagged", "tag:quotes \"inside\""}, 1},
      {{"policy:a", "tagged", "tag:\xE5\x82\xA8\xE5\xAD\x98"}, 1},
      {{"policy:b", "tagged", "tag:carbon capture"}, 1},
      {{"facility:plant-1", "tagged", "tag:storage"}, 1},
  };
  return edges;
}

// What a format read back: nodes by key, with values by the corpus's attribute names.
struct ReadBack {
  std::map<std::string, Values> nodes;
  std::map<EdgeKey, double> edges;
  std::size_t edge_elements = 0;  ///< edges in the file, duplicates included
};

// The expected nodes as an XML format carries them: without U+0007 and the other control
// characters XML 1.0 cannot carry.
std::map<std::string, Values> without_control_characters(std::map<std::string, Values> nodes) {
  for (auto& [key, values] : nodes)
    for (auto& [name, value] : values)
      std::erase_if(value,
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r'; });
  return nodes;
}

void expect_everything_read_back(const ReadBack& read, const std::map<std::string, Values>& nodes) {
  EXPECT_EQ(read.nodes.size(), nodes.size());
  for (const auto& [key, values] : nodes) {
    auto found = read.nodes.find(key);
    if (found == read.nodes.end()) {
      ADD_FAILURE() << "node lost: " << key;
      continue;
    }
    for (const auto& [name, value] : values) {
      auto read_value = found->second.find(name);
      if (read_value == found->second.end())
        ADD_FAILURE() << key << ": value lost: " << name;
      else
        EXPECT_EQ(read_value->second, value) << key << " " << name;
    }
    for (const auto& [name, value] : found->second)
      EXPECT_TRUE(values.count(name)) << key << ": unexpected " << name << " = " << value;
  }
  for (const auto& [key, values] : read.nodes) EXPECT_TRUE(nodes.count(key)) << "unexpected node " << key;
  EXPECT_EQ(read.edges, expected_edges());
  EXPECT_EQ(read.edge_elements, expected_edges().size()) << "an edge written twice";
}

// ---- GraphML --------------------------------------------------------------------------

// GraphML's attr.name for a corpus name (graphml.cpp): '_' for each character outside
// [A-Za-z0-9._-]; the corpus's own `title_zh` comes second to the translation's, so it
// gets the suffix.
std::string corpus_name_of_graphml(const std::string& name) {
  static const std::map<std::string, std::string> renamed{
      {"title_zh", "title@zh"}, {"title_zh_2", "title_zh"}, {"name_zh", "name@zh"}, {"legal_weight", "legal weight"}};
  auto found = renamed.find(name);
  return found == renamed.end() ? name : found->second;
}

ReadBack read_graphml(const std::string& text) {
  ReadBack read;
  ptree tree = parse_xml(text);
  const ptree& root = tree.get_child("graphml");
  std::map<std::string, std::string> names;  // key id -> attr.name
  for (const auto& [element, key] : root)
    if (element == "key")
      names[key.get<std::string>("<xmlattr>.id")] = key.get<std::string>(ptree::path_type("<xmlattr>/attr.name", '/'));
  std::map<std::string, std::string> key_of_id;  // node id -> its true key (the `key` attribute)
  for (const auto& [element, child] : root.get_child("graph")) {
    if (element != "node" && element != "edge") continue;
    Values values;
    for (const auto& [data_element, data] : child)
      if (data_element == "data") values[names.at(data.get<std::string>("<xmlattr>.key"))] = data.data();
    if (element == "node") {
      std::string key = values.at("key");  // node ids are escaped here ("tag:carbon_x20_capture")
      key_of_id[child.get<std::string>("<xmlattr>.id")] = key;
      values.erase("key");
      Values by_corpus_name;
      for (auto& [name, value] : values) by_corpus_name[corpus_name_of_graphml(name)] = value;
      read.nodes[key] = by_corpus_name;
    } else {
      EdgeKey edge{key_of_id.at(child.get<std::string>("<xmlattr>.source")), values.at("kind"),
                   key_of_id.at(child.get<std::string>("<xmlattr>.target"))};
      read.edges[edge] = std::stod(values.at("weight"));
      ++read.edge_elements;
    }
  }
  return read;
}

TEST(NothingLost, Graphml) {
  std::ostringstream out;
  write_graphml(out, corpus_graph());
  expect_everything_read_back(read_graphml(out.str()), without_control_characters(expected_nodes()));
}

// ---- GEXF -----------------------------------------------------------------------------

ReadBack read_gexf(const std::string& text) {
  ReadBack read;
  ptree tree = parse_xml(text);
  const ptree& graph = tree.get_child("gexf.graph");
  std::map<std::string, std::string> node_titles, edge_titles;  // attribute id -> title
  for (const auto& [element, block] : graph) {
    if (element != "attributes") continue;
    auto& titles = block.get<std::string>("<xmlattr>.class") == "node" ? node_titles : edge_titles;
    for (const auto& [attribute_element, attribute] : block)
      if (attribute_element == "attribute")
        titles[attribute.get<std::string>("<xmlattr>.id")] = attribute.get<std::string>("<xmlattr>.title");
  }
  auto values_of = [](const ptree& element, const std::map<std::string, std::string>& titles) {
    Values values;
    if (auto attvalues = element.get_child_optional("attvalues"))
      for (const auto& [name, attvalue] : *attvalues)
        if (name == "attvalue")
          values[titles.at(attvalue.get<std::string>("<xmlattr>.for"))] = attvalue.get<std::string>("<xmlattr>.value");
    return values;
  };
  for (const auto& [element, node] : graph.get_child("nodes")) {
    if (element != "node") continue;
    Values values = values_of(node, node_titles);
    EXPECT_EQ(node.get<std::string>("<xmlattr>.label"), values["label"]);  // Gephi's own label
    read.nodes[node.get<std::string>("<xmlattr>.id")] = values;
  }
  for (const auto& [element, edge] : graph.get_child("edges")) {
    if (element != "edge") continue;
    Values values = values_of(edge, edge_titles);
    read.edges[{edge.get<std::string>("<xmlattr>.source"), values.at("kind"),
                edge.get<std::string>("<xmlattr>.target")}] = edge.get<double>("<xmlattr>.weight");
    ++read.edge_elements;
  }
  return read;
}

TEST(NothingLost, Gexf) {
  Graph graph = corpus_graph();
  for (bool dynamic : {false, true}) {
    SCOPED_TRACE(dynamic ? "dynamic" : "static");
    std::ostringstream out;
    write_gexf(out, graph, {.dynamic = dynamic});
    ReadBack read = read_gexf(out.str());
    if (dynamic) {  // the timeline's own columns: each policy lives while it is in force
      // a until b replaces it; b until c consolidates it (d's amendment does not end it); c
      // from its effective day until d replaces it, before it expires; d still in force.
      const std::map<std::string, std::string> expected_lives{{"policy:a", "2005-03-01..2010-01-01"},
                                                              {"policy:b", "2010-01-01..2015-09-01"},
                                                              {"policy:c", "2015-09-01..2020-01-01"},
                                                              {"policy:d", "2020-01-01.."}};
      std::map<std::string, std::string> lives;
      for (auto& [key, values] : read.nodes) {
        if (values.count("start")) lives[key] = values["start"] + ".." + values["end"];
        values.erase("start");
        values.erase("end");
      }
      EXPECT_EQ(lives, expected_lives);
    }
    expect_everything_read_back(read, without_control_characters(expected_nodes()));
  }
}

// ---- node-link JSON -------------------------------------------------------------------

std::string text_of(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
  if (value.is_array()) {
    std::string joined;
    for (const auto& item : value) joined += (joined.empty() ? "" : ";") + item.get<std::string>();
    return joined;
  }
  return value.dump();
}

TEST(NothingLost, NodeLinkJson) {
  std::ostringstream out;
  write_node_link_json(out, corpus_graph());
  const auto json = nlohmann::json::parse(out.str());
  ReadBack read;
  for (const auto& node : json["nodes"]) {
    Values values;
    for (const auto& [name, value] : node.items())
      if (name != "id") values[name] = text_of(value);
    read.nodes[node["id"].get<std::string>()] = values;
  }
  for (const auto& edge : json["edges"]) {
    read.edges[{edge["source"], edge["kind"], edge["target"]}] = edge["weight"].get<double>();
    ++read.edge_elements;
  }
  expect_everything_read_back(read, expected_nodes());  // control characters too

  // Types survive, not just text: lists stay lists, numbers numbers, booleans booleans.
  const auto& a = *std::find_if(json["nodes"].begin(), json["nodes"].end(),
                                [](const auto& node) { return node["id"] == "policy:a"; });
  EXPECT_TRUE(a["tags"].is_array());
  EXPECT_EQ(a["tags"].size(), 3u);
  EXPECT_TRUE(a["resolved"].is_boolean());
  EXPECT_EQ(a["year"], 2005);
  EXPECT_EQ(a["amount"], 1500000000);
  EXPECT_EQ(a["negative"], -7);
  EXPECT_EQ(a["zipcode"], "007");                          // a leading zero keeps it text
  EXPECT_EQ(a["huge"], "123456789012345678901234567890");  // beyond 64 bits: text
  EXPECT_EQ(a["ratio"], "0.25");                           // a decimal fraction stays text: a double would change it
}

// ---- CSV ------------------------------------------------------------------------------

// nodes.csv and edges.csv, the one-id-space tables: a column `name:type` holds the value
// of `name`, an empty field a missing one; lists are joined with ';' and control
// characters kept.
TEST(NothingLost, Csv) {
  Graph graph = corpus_graph();
  std::ostringstream nodes, edges;
  write_csv_nodes(nodes, graph);
  write_csv_edges(edges, graph);
  ReadBack read;
  const auto node_rows = read_csv(nodes.str());
  ASSERT_FALSE(node_rows.empty());
  const std::vector<std::string>& header = node_rows[0];
  ASSERT_EQ(std::vector<std::string>(header.begin(), header.begin() + 3),
            (std::vector<std::string>{":ID(Node)", "id", ":LABEL"}));
  for (std::size_t row = 1; row < node_rows.size(); ++row) {
    Values values;
    for (std::size_t column = 3; column < header.size(); ++column)
      if (!node_rows[row][column].empty())
        values[header[column].substr(0, header[column].rfind(':'))] = node_rows[row][column];
    read.nodes[node_rows[row][0]] = values;
  }
  const auto edge_rows = read_csv(edges.str());
  for (std::size_t row = 1; row < edge_rows.size(); ++row) {
    const auto& edge = edge_rows[row];
    read.edges[{edge[0], edge[3], edge[1]}] = std::stod(edge[4]);
    ++read.edge_elements;
  }
  expect_everything_read_back(read, expected_nodes());
}

}  // namespace
}  // namespace policygraph
