// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "policygraph/date.hpp"
#include "policygraph/diagnostics.hpp"
#include "policygraph/record.hpp"

namespace policygraph {

struct CacheReport;
namespace graph_detail {
struct GraphCodec;  // the bytes of a graph kept beside the cache: reads and writes the members whole
}

enum class NodeKind : unsigned char { policy, facility, cluster, tag };
/// The kinds of edges. The relations of MODEL.md 7.1 come last so that the kinds of the
/// first model keep their numbers (and their order in sorted output).
enum class EdgeKind : unsigned char {
  supersedes,
  consolidates,
  member_of,
  related_facility,
  tagged,
  related,
  repeals,
  amends,
  implements,
};

std::string_view to_string(NodeKind kind);
std::string_view to_string(EdgeKind kind);
std::optional<NodeKind> parse_node_kind(std::string_view text);
std::optional<EdgeKind> parse_edge_kind(std::string_view text);

/// The edge kind of a relation of MODEL.md 7.1.
constexpr EdgeKind edge_kind(Relation relation) {
  switch (relation) {
    case Relation::supersedes: return EdgeKind::supersedes;
    case Relation::consolidates: return EdgeKind::consolidates;
    case Relation::repeals: return EdgeKind::repeals;
    case Relation::amends: return EdgeKind::amends;
    case Relation::implements: return EdgeKind::implements;
  }
  return EdgeKind::supersedes;
}

/// True for the edges of a policy's lineage: the five relations of MODEL.md 7.1
/// (`supersedes`, `consolidates`, `repeals`, `amends`, `implements`). `lineage` follows
/// them, the `lineage` view draws them, and they are checked for cycles.
constexpr bool is_lineage(EdgeKind kind) {
  return kind == EdgeKind::supersedes || kind == EdgeKind::consolidates || kind == EdgeKind::repeals ||
         kind == EdgeKind::amends || kind == EdgeKind::implements;
}

/// True for the edges that name a successor (`supersedes`, `consolidates`): the ones
/// `replaced-by` and `current` follow.
constexpr bool is_succession(EdgeKind kind) { return kind == EdgeKind::supersedes || kind == EdgeKind::consolidates; }

/// True for the edges that end their target once they take effect: succession and `repeals`.
constexpr bool ends_target(EdgeKind kind) { return is_succession(kind) || kind == EdgeKind::repeals; }

using VertexId = std::uint32_t;
using EdgeId = std::uint32_t;

/// The ids first, first+1, ..., last-1 as a range for `for`. (std::views::iota would do, but
/// clang 14 cannot compile libstdc++ 12's, and the fuzzers are built with clang.)
class VertexRange {
 public:
  class iterator {
   public:
    using value_type = VertexId;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    explicit iterator(VertexId v) : v_(v) {}
    VertexId operator*() const { return v_; }
    iterator& operator++() {
      ++v_;
      return *this;
    }
    iterator operator++(int) {
      iterator old = *this;
      ++v_;
      return old;
    }
    bool operator==(const iterator&) const = default;

   private:
    VertexId v_ = 0;
  };
  VertexRange(VertexId first, VertexId last) : first_(first), last_(last) {}
  iterator begin() const { return iterator(first_); }
  iterator end() const { return iterator(last_); }
  std::size_t size() const { return last_ - first_; }

 private:
  VertexId first_;
  VertexId last_;
};

struct Node {
  NodeKind kind = NodeKind::policy;
  std::string id;            ///< the record id; for clusters and tags the folded name
  std::string label;         ///< title / name; for clusters and tags the name as first seen
  bool resolved = true;      ///< false for an id referred to but never described
  std::optional<Date> date;  ///< policies only
  std::int32_t record = -1;  ///< index into Graph::records(), or -1
};

struct Edge {
  VertexId source = 0;
  VertexId target = 0;
  EdgeKind kind = EdgeKind::supersedes;
  double weight = 1.0;
};

class GraphBuilder;

/// A directed graph of typed nodes and typed, weighted edges, immutable once built.
///
/// Invariant that every view and every metric relies on: the policy nodes come first,
/// as vertices 0 .. policy_count()-1 in byte order of their ids, and each view of the
/// same corpus keeps those ids. A vector of per-policy values (PageRank, say) therefore
/// indexes any view.
///
/// Adjacency is stored compressed (CSR), so out_edges/in_edges are spans. The algorithms of
/// lib/algorithms run Boost.Graph on these very arrays through the adapters of the private
/// header lib/graph/bgl.hpp; no Boost type appears here.
class Graph {
 public:
  Graph();
  ~Graph();
  Graph(Graph&&) noexcept;
  Graph& operator=(Graph&&) noexcept;

  std::size_t node_count() const { return nodes_.size(); }
  std::size_t edge_count() const { return edges_.size(); }
  std::size_t policy_count() const { return policy_count_; }

  VertexRange vertices() const { return {0, static_cast<VertexId>(nodes_.size())}; }
  VertexRange policies() const { return {0, static_cast<VertexId>(policy_count_)}; }

  const Node& node(VertexId v) const { return nodes_[v]; }
  const Edge& edge(EdgeId e) const { return edges_[e]; }
  std::span<const Node> nodes() const { return nodes_; }
  std::span<const Edge> edges() const { return edges_; }

  /// Edges leaving / entering v, sorted by (kind, other end).
  std::span<const EdgeId> out_edges(VertexId v) const;
  std::span<const EdgeId> in_edges(VertexId v) const;

  /// `<kind>:<id>`, unique in the graph.
  std::string key(VertexId v) const;
  /// The same key written into `buffer` (cleared first, its capacity kept): for the writers
  /// that name both ends of a million edges. The view is of `buffer`.
  std::string_view key(VertexId v, std::string& buffer) const;
  /// The vertex of (kind, id). O(log V) comparisons of ids: a binary search of the nodes,
  /// which are in (kind, id) order, so the graph keeps no index of its own.
  std::optional<VertexId> find(NodeKind kind, std::string_view id) const;

  /// The record behind a node, or nullptr (unresolved, cluster, tag).
  const Record* record(VertexId v) const;
  /// The records nodes point into; shared by every view of one corpus.
  const std::vector<Record>& records() const { return *records_; }
  /// The same records, shared, for building another view of this graph.
  std::shared_ptr<const std::vector<Record>> shared_records() const { return records_; }

 private:
  friend class GraphBuilder;
  friend struct graph_detail::GraphCodec;
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  std::size_t policy_count_ = 0;
  std::vector<EdgeId> out_offsets_, out_list_, in_offsets_, in_list_;
  std::shared_ptr<const std::vector<Record>> records_;
};

/// Builds a Graph. Nodes are added with a key; adding a key twice returns the first
/// vertex. An edge (source, kind, target) added twice is one edge; its weight is the
/// first one's unless `accumulate_weights` (then weights add up: MODEL.md 5.10).
class GraphBuilder {
 public:
  explicit GraphBuilder(std::shared_ptr<const std::vector<Record>> records = nullptr);

  VertexId add_node(Node node);
  std::optional<VertexId> find(NodeKind kind, std::string_view id) const;
  /// A node added so far, to change anything but its kind and id (they are its key).
  Node& node(VertexId v) { return nodes_[v]; }
  void add_edge(VertexId source, VertexId target, EdgeKind kind, double weight = 1.0);
  /// Room for `nodes` nodes and `edges` edges in all, so that adding them does not grow the
  /// builder step by step; like std::vector::reserve, only a hint.
  void reserve(std::size_t nodes, std::size_t edges);
  void set_accumulate_weights(bool accumulate) { accumulate_weights_ = accumulate; }

  /// Renumbers the nodes so that policies come first in byte order of their ids (then
  /// facilities, clusters, tags, each by id), sorts edges, builds the adjacency.
  Graph finish() &&;

 private:
  struct Slot {
    VertexId vertex;
    std::uint32_t hash;  ///< of the vertex's (kind, id)
  };
  std::size_t slot_of(NodeKind kind, std::string_view id, std::uint32_t hash) const;
  void resize_slots(std::size_t count);

  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  // The vertex of each (kind, id), by open addressing over the nodes' own ids, so that a
  // lookup builds no "<kind>:<id>" string and adding a node allocates nothing. A power of
  // two slots, at most half full; a free one holds no_vertex.
  static constexpr VertexId no_vertex = ~VertexId{0};
  std::vector<Slot> slots_;
  bool accumulate_weights_ = false;
  std::shared_ptr<const std::vector<Record>> records_;
};

/// Weights of the `policy` view and of the full graph's edges (MODEL.md section 2).
struct ViewWeights {
  double supersedes = 3.0;
  double consolidates = 3.0;
  double repeals = 2.0;
  double amends = 2.0;
  double implements = 2.0;
  double tag = 1.0;
  double cluster = 1.0;
  double facility = 0.1;
};

/// A cluster or tag name as matched (MODEL.md 5.6): trimmed, runs of ASCII white space
/// folded to one space, ASCII letters lower-cased; other bytes (UTF-8) untouched, so `ÎLE`
/// and `Île` stay different. It is the id of the cluster or tag node. O(length).
std::string fold_name(std::string_view name);

/// Builds the full graph of MODEL.md section 2 from loaded records. Problems found on the
/// way (self-references, ...) are appended to `diagnostics`.
Graph build_graph(std::vector<Record> records, Diagnostics& diagnostics, const ViewWeights& weights = {});

/// build_graph() of records that a load with the cache served or saved (`cache` is that
/// load's Corpus::cache): the graph built from the same records with the same weights, by
/// the same build of the library, is kept in a file beside the cache and read back instead
/// of being built again, with the diagnostics of its build. Otherwise it is built and kept
/// for the next time; where it cannot be kept (a folder that is not writable), it is only
/// built. Without such a cache (`cache.records_identity` 0), build_graph().
Graph build_graph(std::vector<Record> records, const CacheReport& cache, Diagnostics& diagnostics,
                  const ViewWeights& weights = {});

enum class View : unsigned char { full, lineage, policy };
std::string_view to_string(View view);
std::optional<View> parse_view(std::string_view text);

/// Statistics of building a view, for saying what the tool is doing on dense inputs.
struct ViewReport {
  std::size_t related_pairs = 0;  ///< policy pairs linked by a shared tag, cluster or facility
};

/// An upper bound on ViewReport::related_pairs of the policy view, in O(V + E) without
/// building it: the sum over tags, clusters and facilities of k(k-1)/2 for k policy members
/// (pairs sharing several are counted once per thing shared). For warning before dense work.
std::size_t related_pair_bound(const Graph& full);

/// The `full`, `lineage` or `policy` view of a full graph (MODEL.md section 2). Policy
/// vertices keep their ids. The `full` view is a copy with kind weights.
Graph make_view(const Graph& full, View view, const ViewWeights& weights = {}, ViewReport* report = nullptr);

}  // namespace policygraph
