// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "export/export_fixture.hpp"
#include "export/export_test_util.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;
using boost::property_tree::ptree;

struct ReadNode {
  std::map<std::string, std::string> element;  // XML attributes of <node>
  std::map<std::string, std::string> values;   // attribute title -> value
  const ptree* tree = nullptr;
};

struct ReadGexf {
  ptree tree;
  std::map<std::string, std::pair<std::string, std::string>> node_attributes;  // id -> title, type
  std::map<std::string, ReadNode> nodes;
  std::vector<std::map<std::string, std::string>> edges;
  int attribute_blocks = 0;
};

ReadGexf read_gexf(const std::string& text) {
  ReadGexf read;
  read.tree = parse_xml(text);
  const ptree& graph = read.tree.get_child("gexf.graph");
  for (const auto& [name, child] : graph) {
    if (name != "attributes") continue;
    ++read.attribute_blocks;
    if (child.get<std::string>("<xmlattr>.class") != "node") continue;
    for (const auto& [attribute_name, attribute] : child)
      if (attribute_name == "attribute")
        read.node_attributes[attribute.get<std::string>("<xmlattr>.id")] = {
            attribute.get<std::string>("<xmlattr>.title"), attribute.get<std::string>("<xmlattr>.type")};
  }
  for (const auto& [name, node] : graph.get_child("nodes")) {
    if (name != "node") continue;
    ReadNode read_node;
    read_node.tree = &node;
    for (const auto& [attribute, value] : node.get_child("<xmlattr>")) read_node.element[attribute] = value.data();
    auto attvalues = node.get_child_optional("attvalues");
    if (attvalues)
      for (const auto& [value_name, value] : *attvalues)
        if (value_name == "attvalue")
          read_node.values[read.node_attributes.at(value.get<std::string>("<xmlattr>.for")).first] =
              value.get<std::string>("<xmlattr>.value");
    read.nodes[read_node.element.at("id")] = read_node;
  }
  for (const auto& [name, edge] : graph.get_child("edges")) {
    if (name != "edge") continue;
    std::map<std::string, std::string> values;
    for (const auto& [attribute, value] : edge.get_child("<xmlattr>")) values[attribute] = value.data();
    values["kind"] = edge.get<std::string>("attvalues.attvalue.<xmlattr>.value");
    read.edges.push_back(values);
  }
  return read;
}

TEST(Gexf, RoundTripsNodesEdgesAndValues) {
  Graph graph = make_export_graph();
  NodeMetrics metrics = make_export_metrics();
  std::ostringstream out;
  write_gexf(out, graph, {.metrics = &metrics});
  ReadGexf read = read_gexf(out.str());
  EXPECT_EQ(read.tree.get<std::string>("gexf.<xmlattr>.xmlns"), "http://gexf.net/1.3");
  EXPECT_EQ(read.tree.get<std::string>("gexf.<xmlattr>.xmlns:viz"), "http://gexf.net/1.3/viz");
  EXPECT_EQ(read.attribute_blocks, 2);
  ASSERT_EQ(read.nodes.size(), graph.node_count());
  ASSERT_EQ(read.edges.size(), graph.edge_count());
  const ReadNode& a = read.nodes.at("policy:a");
  EXPECT_EQ(a.element.at("label"), nasty_title_xml);
  EXPECT_EQ(a.values.at("label"), nasty_title_xml);
  EXPECT_EQ(a.values.at("resolved"), "true");
  EXPECT_EQ(a.values.at("title@zh"), "\xE7\xA2\xB3\xE6\xB3\x95");
  EXPECT_EQ(a.values.at("year"), "2005");
  EXPECT_EQ(a.values.at("state"), "in_force");
  EXPECT_FALSE(a.values.count("effective"));
  EXPECT_EQ(read.nodes.at("policy:c").values.at("effective"), "2015-07-01");
  EXPECT_EQ(read.nodes.at("policy:m").values.at("expires"), "2026-01-01");
  EXPECT_EQ(read.nodes.at("policy:ghost").values.at("state"), "unknown");
  EXPECT_FALSE(read.nodes.at("facility:a").values.count("state"));  // a facility keeps its own status
  EXPECT_TRUE(a.tree->get_child_optional("viz:color.<xmlattr>.r"));
  EXPECT_FALSE(a.tree->get_child_optional("viz:color.<xmlattr>.hex"));
  EXPECT_TRUE(a.tree->get_child_optional("viz:size.<xmlattr>.value"));
  EXPECT_FALSE(read.nodes.at("tag:carbon capture").tree->get_child_optional("viz:size"));
  EXPECT_FALSE(read.nodes.at("policy:ghost").values.count("country"));
  EXPECT_EQ(read.nodes.at("policy:ghost").values.at("resolved"), "false");
  for (const auto& [id, attribute] : read.node_attributes) {
    if (attribute.first == "year") {
      EXPECT_EQ(attribute.second, "integer");
    } else if (attribute.first == "resolved") {
      EXPECT_EQ(attribute.second, "boolean");
    } else if (attribute.first == "pagerank") {
      EXPECT_EQ(attribute.second, "double");
    }
  }
  EXPECT_EQ(read.tree.get<std::string>("gexf.graph.<xmlattr>.mode"), "static");
  EXPECT_FALSE(a.element.count("start"));
}

// Each policy lives while it is in force (in_force_period): from its effective day to the
// first day a replacement, consolidation, repeal or its expiry ends it.
TEST(Gexf, DynamicPoliciesLiveWhileInForce) {
  Graph graph = make_export_graph();
  std::ostringstream out;
  write_gexf(out, graph, {.dynamic = true});
  ReadGexf read = read_gexf(out.str());
  EXPECT_EQ(read.tree.get<std::string>("gexf.graph.<xmlattr>.mode"), "dynamic");
  EXPECT_EQ(read.tree.get<std::string>("gexf.graph.<xmlattr>.timeformat"), "date");
  std::map<std::string, std::string> lives;  // key -> "start..end" of the <node> element
  for (const auto& [key, node] : read.nodes) {
    auto bound = [&](const std::string& name) { return node.element.count(name) ? node.element.at(name) : ""; };
    if (!node.element.count("start")) {
      EXPECT_FALSE(node.element.count("end")) << key;
    } else {
      lives[key] = bound("start") + ".." + bound("end");
    }
    // The plain attributes, for Gephi Lite, say the same.
    for (const std::string name : {"start", "end"})
      EXPECT_EQ(node.values.count(name) ? node.values.at(name) : "", bound(name)) << key << " " << name;
  }
  EXPECT_EQ(lives, (std::map<std::string, std::string>{
                       // a (2005-03-01): b replaces it on b's day, before c and d do.
                       {"policy:a", "2005-03-01..2010-01-01"},
                       // b: c replaces it on c's effective day, not c's date.
                       {"policy:b", "2010-01-01..2015-07-01"},
                       // c: amended by m (and by the draft p) and implemented by t: none ends it.
                       {"policy:c", "2015-07-01.."},
                       // d: r repeals it with effect from 2019-01-01, a year after r itself.
                       {"policy:d", "2012-06-30..2019-01-01"},
                       // m: its own expiry.
                       {"policy:m", "2016-05-01..2026-01-01"},
                       {"policy:r", "2018-01-01.."},
                       // t (即将实施, pending) from its effective day, not its date.
                       {"policy:t", "2021-01-01.."},
                   }));
  // Never in force, so no time: the draft p, the unresolved ghost; and what is not a policy.
  for (const char* key : {"policy:p", "policy:ghost", "facility:a", "cluster:north sea", "tag:carbon capture"})
    EXPECT_FALSE(read.nodes.at(key).element.count("start")) << key;
}

TEST(Gexf, ColoursByStateInAnyLanguageAndPaleWhenUnresolved) {
  Graph graph = make_export_graph();
  std::ostringstream out;
  write_gexf(out, graph);
  ReadGexf read = read_gexf(out.str());
  auto color = [&](const std::string& id) {
    const ptree& c = read.nodes.at(id).tree->get_child("viz:color.<xmlattr>");
    return c.get<std::string>("r") + "," + c.get<std::string>("g") + "," + c.get<std::string>("b");
  };
  EXPECT_EQ(color("policy:c"), "27,158,119");         // In force: green
  EXPECT_EQ(color("policy:r"), "27,158,119");         // 现行: green too
  EXPECT_EQ(color("policy:t"), "86,180,233");         // 即将实施 (pending): sky blue
  EXPECT_EQ(color("policy:p"), "230,171,2");          // Draft for public comment (proposed): amber
  EXPECT_EQ(color("policy:b"), "150,150,150");        // Superseded: grey
  EXPECT_EQ(color("policy:d"), "55,126,184");         // no status: policy blue
  EXPECT_EQ(color("policy:ghost"), "195,216,233");    // unresolved: pale blue
  EXPECT_EQ(color("facility:a"), "27,158,119");       // Operational, a facility's own word: green
  EXPECT_EQ(color("cluster:north sea"), "217,95,2");  // by kind
}

}  // namespace
}  // namespace policygraph
