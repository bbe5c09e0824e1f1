// SPDX-License-Identifier: MIT
// How many later policies build on each policy (lineage_descendant_counts in influence.hpp):
// the size of the set reached by walking incoming lineage edges, newer policy by newer policy.
//
// Counting the reach of every vertex of a DAG exactly has no known algorithm much faster than
// one walk per vertex (the transitive closure's size; Boost's transitive_closure builds that
// closure as a graph, which is the memory this avoids), so that is what this does: one
// breadth_first_visit of Boost's per policy, on the lineage edges reversed (lib/graph/bgl.hpp).
// The walks share one colour map that a new walk finds all white without clearing it: each
// colour carries the number of the walk that set it. Lineages are short (a line of
// legislation has tens of versions, not thousands), so the walks are too.
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/pending/queue.hpp>
#include <boost/property_map/property_map.hpp>

#include "graph/bgl.hpp"
#include "policygraph/influence.hpp"

namespace policygraph {
namespace {

// A colour per vertex for many walks in turn: a colour set by an earlier walk reads as white.
// Copies share the storage, as a property map's copies must.
class StampedColors {
 public:
  using key_type = VertexId;
  using value_type = boost::default_color_type;
  using reference = value_type;
  using category = boost::read_write_property_map_tag;

  StampedColors(std::vector<VertexId>& stamps, std::vector<value_type>& colors, const VertexId& walk)
      : stamps_(&stamps), colors_(&colors), walk_(&walk) {}

  friend value_type get(const StampedColors& map, VertexId v) {
    return (*map.stamps_)[v] == *map.walk_ ? (*map.colors_)[v] : boost::white_color;
  }
  friend void put(const StampedColors& map, VertexId v, value_type color) {
    (*map.stamps_)[v] = *map.walk_;
    (*map.colors_)[v] = color;
  }

 private:
  std::vector<VertexId>* stamps_;
  std::vector<value_type>* colors_;
  const VertexId* walk_;
};

// Counts the vertices a walk discovers, its start included.
struct DiscoveryCounter : boost::default_bfs_visitor {
  std::uint32_t* count = nullptr;
  template <typename BoostGraph>
  void discover_vertex(VertexId, const BoostGraph&) const {
    ++*count;
  }
};

}  // namespace

std::vector<std::uint32_t> lineage_descendant_counts(const Graph& graph) {
  const std::size_t policy_count = graph.policy_count();
  std::vector<std::uint32_t> counts(policy_count, 0);
  const bgl::Csr policies(graph, policy_count);
  const bgl::KindGraph lineage_graph = bgl::kind_graph(policies, bgl::KindSet(is_lineage));
  const auto later = boost::make_reverse_graph(lineage_graph);

  std::vector<VertexId> stamps(policy_count, 0);  // the walk (1-based) that last coloured the policy
  std::vector<boost::default_color_type> colors(policy_count, boost::white_color);
  VertexId walk = 0;
  const StampedColors color_map(stamps, colors, walk);
  boost::queue<VertexId> queue;
  for (VertexId root : graph.policies()) {
    walk = root + 1;
    std::uint32_t discovered = 0;
    DiscoveryCounter counter;
    counter.count = &discovered;
    boost::breadth_first_visit(later, root, queue, counter, color_map);
    counts[root] = discovered - 1;  // the root is not its own descendant, even on a cycle
  }
  return counts;
}

}  // namespace policygraph
