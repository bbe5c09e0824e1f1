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

TEST(Gexf, DynamicPoliciesLiveUntilTheirFirstSuccessor) {
  Graph graph = make_export_graph();
  std::ostringstream out;
  write_gexf(out, graph, {.dynamic = true});
  ReadGexf read = read_gexf(out.str());
  EXPECT_EQ(read.tree.get<std::string>("gexf.graph.<xmlattr>.mode"), "dynamic");
  EXPECT_EQ(read.tree.get<std::string>("gexf.graph.<xmlattr>.timeformat"), "date");
  // a (2005-03-01) is superseded by b (2010), c (2015) and consolidated by d (2012).
  const ReadNode& a = read.nodes.at("policy:a");
  EXPECT_EQ(a.element.at("start"), "2005-03-01");
  EXPECT_EQ(a.element.at("end"), "2010-01-01");
  EXPECT_EQ(a.values.at("start"), "2005-03-01");
  EXPECT_EQ(a.values.at("end"), "2010-01-01");
  const ReadNode& c = read.nodes.at("policy:c");
  EXPECT_EQ(c.element.at("start"), "2015-01-01");
  EXPECT_FALSE(c.element.count("end"));
  EXPECT_FALSE(c.values.count("end"));
  EXPECT_FALSE(read.nodes.at("policy:ghost").element.count("start"));
  EXPECT_FALSE(read.nodes.at("facility:a").element.count("start"));
}

TEST(Gexf, ColoursByStatusAndPaleWhenUnresolved) {
  Graph graph = make_export_graph();
  std::ostringstream out;
  write_gexf(out, graph);
  ReadGexf read = read_gexf(out.str());
  auto color = [&](const std::string& id) {
    const ptree& c = read.nodes.at(id).tree->get_child("viz:color.<xmlattr>");
    return c.get<std::string>("r") + "," + c.get<std::string>("g") + "," + c.get<std::string>("b");
  };
  EXPECT_EQ(color("policy:c"), "27,158,119");   // in force: green
  EXPECT_EQ(color("policy:b"), "150,150,150");  // superseded: grey
  EXPECT_EQ(color("policy:d"), "55,126,184");   // no status: policy blue
  EXPECT_EQ(color("policy:ghost"), "195,216,233");  // unresolved: pale blue
}

}  // namespace
}  // namespace policygraph
