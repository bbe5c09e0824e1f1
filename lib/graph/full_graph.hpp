// SPDX-License-Identifier: MIT
// The full graph's build over records already shared, for build_graph() and the graph kept
// beside the cache (kept_graph.cpp), which both hand the records to the graph.
#pragma once

#include <memory>
#include <vector>

#include "policygraph/graph.hpp"

namespace policygraph::graph_detail {

Graph build_full_graph(std::shared_ptr<const std::vector<Record>> records, Diagnostics& diagnostics,
                       const ViewWeights& weights);

}  // namespace policygraph::graph_detail
