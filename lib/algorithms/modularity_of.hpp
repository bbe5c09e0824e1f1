// SPDX-License-Identifier: MIT
// Modularity on a graph already taken as undirected and weighted. Private to
// lib/algorithms/: modularity() builds that graph from a Graph; Louvain has it already (its
// first level) and computes the modularity of its result on it rather than build it again.
#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace policygraph::detail {

/// modularity() of communities.hpp (the formula and NetworkX's conventions are written
/// there) of the partition `group_of` (any labels, one per vertex) of `csr`: any type with
/// the members of UndirectedCsr (offsets, neighbours, weights, self_loop), each pair stored
/// at both ends. `group_of` must have one entry per vertex. O(V + E).
template <typename Csr>
double modularity_of(const Csr& csr, const std::vector<std::uint32_t>& group_of, double resolution) {
  const std::size_t n = csr.offsets.empty() ? 0 : csr.offsets.size() - 1;

  // Groups may carry any labels: number them densely first.
  std::unordered_map<std::uint32_t, std::uint32_t> dense;
  std::vector<std::uint32_t> group(n);
  for (std::size_t v = 0; v < n; ++v) {
    group[v] = dense.try_emplace(group_of[v], static_cast<std::uint32_t>(dense.size())).first->second;
  }
  std::vector<double> inside(dense.size(), 0.0), degree(dense.size(), 0.0);
  double degree_sum = 0.0;
  for (std::size_t v = 0; v < n; ++v) {
    double d = 2.0 * csr.self_loop[v];
    inside[group[v]] += csr.self_loop[v];
    for (std::size_t i = csr.offsets[v]; i < csr.offsets[v + 1]; ++i) {
      d += csr.weights[i];
      // Each pair is stored at both ends: count the inside weight from the smaller end.
      if (v < csr.neighbours[i] && group[csr.neighbours[i]] == group[v]) inside[group[v]] += csr.weights[i];
    }
    degree[group[v]] += d;
    degree_sum += d;
  }
  if (degree_sum == 0.0) return 0.0;  // no edges: NetworkX divides by zero; we say 0
  const double m = degree_sum / 2.0;
  const double norm = 1.0 / (degree_sum * degree_sum);
  double q = 0.0;
  for (std::size_t c = 0; c < inside.size(); ++c) q += inside[c] / m - resolution * degree[c] * degree[c] * norm;
  return q;
}

}  // namespace policygraph::detail
