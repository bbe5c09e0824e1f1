// SPDX-License-Identifier: MIT
// Loads a corpus, asks what replaced a policy, and writes GraphML: through the installed
// headers and libraries only.
#include <policygraph/policygraph.hpp>

#include <iostream>
#include <sstream>

static_assert(sizeof(POLICYGRAPH_VERSION) > 1, "policygraph/version.hpp is installed and names the version");

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: consumer CORPUS POLICY_ID\n";
    return 2;
  }
  policygraph::Corpus corpus = policygraph::load_corpus(argv[1]);
  policygraph::Diagnostics diagnostics = std::move(corpus.diagnostics);
  policygraph::Graph graph = policygraph::build_graph(std::move(corpus.records), diagnostics);
  auto policy = graph.find(policygraph::NodeKind::policy, argv[2]);
  if (!policy) return 1;
  for (auto successor : policygraph::replaced_by(graph, *policy).successors)
    std::cout << graph.node(successor).id << '\n';
  std::ostringstream graphml;
  policygraph::write_graphml(graphml, graph);
  return graphml.str().find("<graphml") == std::string::npos ? 1 : 0;
}
