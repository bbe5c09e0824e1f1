// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <sstream>

#include "export/export_fixture.hpp"
#include "export/export_test_util.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;

TEST(Svg, RendersInProcess) {
  Graph graph = make_export_graph();
  std::ostringstream out;
  write_svg(out, graph);
  const std::string svg = out.str();
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("\xE7\xA2\xB3\xE6\x8D\x95\xE9\x9B\x86"), std::string::npos);  // Chinese survives
  EXPECT_EQ(svg.find('\x01'), std::string::npos);
  // Well-formed XML.
  EXPECT_NO_THROW(parse_xml(svg));
}

TEST(Svg, EmptyGraphRenders) {
  Graph graph;
  std::ostringstream out;
  write_svg(out, graph);
  EXPECT_NE(out.str().find("<svg"), std::string::npos);
}

}  // namespace
}  // namespace policygraph
