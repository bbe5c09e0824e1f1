// SPDX-License-Identifier: MIT
// The full graph of MODEL.md section 2, from merged records (one per kind and id).
//
// Two passes over the records: first every described policy and facility becomes a node,
// so that a reference to a described id always finds it; then the references become edges,
// creating an unresolved node for an id nobody describes and a cluster or tag node for each
// folded name. The records are walked in (kind, id) order rather than the order they came
// in, so "the name as first seen" of a cluster or tag does not depend on how the loader
// ordered them.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <set>
#include <span>
#include <string>
#include <tuple>

#include "graph/full_graph.hpp"
#include "graph/kind_id_order.hpp"
#include "policygraph/evolution.hpp"
#include "policygraph/graph.hpp"
#include "policygraph/lineage.hpp"
#include "support/for_each_index.hpp"

namespace policygraph {
namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_ascii_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_ascii_space(text.back())) text.remove_suffix(1);
  return text;
}

// fold_name, written into `folded` (cleared first), which keeps its capacity.
void fold_name_into(std::string_view name, std::string& folded) {
  name = trim(name);
  folded.clear();
  bool in_space = false;
  for (char c : name) {
    if (is_ascii_space(c)) {
      in_space = true;
      continue;
    }
    if (in_space) folded += ' ';
    in_space = false;
    // ASCII letters only: bytes of multi-byte UTF-8 sequences are >= 0x80 and stay as they are.
    folded += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
}

class FullGraphBuilder {
 public:
  FullGraphBuilder(std::shared_ptr<const std::vector<Record>> records, Diagnostics& diagnostics,
                   const ViewWeights& weights)
      : records_(*records), builder_(std::move(records)), diagnostics_(diagnostics), weights_(weights) {}

  Graph build() && {
    const std::vector<std::uint32_t> order = kind_id_order(
        records_.size(), [&](std::uint32_t i) { return records_[i].kind; },
        [&](std::uint32_t i) -> const std::string& { return records_[i].id; });

    // Every record is a node and every reference at most one edge. (References can add
    // nodes too, but reserving for all of them would mostly go unused.)
    std::size_t references = 0;
    for (const Record& record : records_)
      references += record.relations.size() + record.related_facilities.size() + record.related_policies.size() +
                    record.clusters.size() + record.tags.size();
    builder_.reserve(records_.size(), references);

    std::vector<VertexId> vertex(records_.size());
    for (std::uint32_t index : order) {
      const Record& record = records_[index];
      const bool is_policy = record.kind == RecordKind::policy;
      vertex[index] = builder_.add_node(Node{.kind = is_policy ? NodeKind::policy : NodeKind::facility,
                                             .id = record.id,
                                             .label = record.label,
                                             .resolved = true,
                                             .date = is_policy ? record.date : std::nullopt,
                                             .record = static_cast<std::int32_t>(index)});
    }
    look_up_described_references();
    for (std::uint32_t index : order) add_edges(records_[index], index, vertex[index]);
    report_unresolved();
    Graph graph = std::move(builder_).finish();
    lineage_diagnostics(graph, diagnostics_);
    evolution_diagnostics(graph, today_utc(), diagnostics_);
    return graph;
  }

 private:
  // The references of a record that become edges (MODEL.md section 1): a policy's relations
  // and related facilities, a facility's related policies. The others only get a note.
  struct EdgeReferenceCounts {
    std::size_t relations = 0, facilities = 0, policies = 0;
    std::size_t total() const { return relations + facilities + policies; }
  };
  static EdgeReferenceCounts edge_reference_counts(const Record& record) {
    if (record.kind == RecordKind::policy) return {record.relations.size(), record.related_facilities.size(), 0};
    return {0, 0, record.related_policies.size()};
  }

  // The described vertex of each of a record's edge references, field by field, in
  // described_ (not_described where no record describes the id).
  struct DescribedReferences {
    std::span<VertexId> relations, facilities, policies;
  };
  DescribedReferences described_of(std::size_t index) {
    const EdgeReferenceCounts counts = edge_reference_counts(records_[index]);
    VertexId* first = described_.data() + first_reference_[index];
    return {{first, counts.relations},
            {first + counts.relations, counts.facilities},
            {first + counts.relations + counts.facilities, counts.policies}};
  }

  // Every edge reference looked up on every core before the serial pass that adds the
  // edges. At 100,000 policies these lookups are most of the build (each one a few cache
  // misses: a table of 2 M slots, then the node and its id), and they only read the
  // builder, which holds the described nodes alone by now.
  void look_up_described_references() {
    first_reference_.assign(records_.size() + 1, 0);
    for (std::size_t index = 0; index < records_.size(); ++index)
      first_reference_[index + 1] = first_reference_[index] + edge_reference_counts(records_[index]).total();
    described_.assign(first_reference_.back(), not_described);
    constexpr std::size_t records_per_task = 4096;
    support::for_each_range({records_.size(), records_per_task}, support::default_threads(),
                            [&](std::size_t, std::size_t first, std::size_t last) {
                              for (std::size_t index = first; index < last; ++index) look_up_references_of(index);
                            });
  }

  void look_up_references_of(std::size_t index) {
    const Record& record = records_[index];
    const DescribedReferences described = described_of(index);
    auto look_up = [&](NodeKind kind, const Reference& reference) {
      return builder_.find(kind, reference.id).value_or(not_described);
    };
    for (std::size_t i = 0; i < described.relations.size(); ++i)
      described.relations[i] = look_up(NodeKind::policy, record.relations[i].other);
    for (std::size_t i = 0; i < described.facilities.size(); ++i)
      described.facilities[i] = look_up(NodeKind::facility, record.related_facilities[i]);
    for (std::size_t i = 0; i < described.policies.size(); ++i)
      described.policies[i] = look_up(NodeKind::policy, record.related_policies[i]);
  }

  // The node of a referred id: the described one (looked up already), or an unresolved node
  // labelled by its id. The first reference to each unresolved id is kept for its note, the
  // others counted.
  VertexId referred(NodeKind kind, const Reference& reference, VertexId described, const Record& record,
                    std::string_view field) {
    if (described != not_described) return described;
    if (auto found = builder_.find(kind, reference.id)) {
      if (!builder_.node(*found).resolved) ++unresolved_[unresolved_index_[*found]].references;
      return *found;
    }
    VertexId vertex = builder_.add_node(Node{.kind = kind,
                                             .id = reference.id,
                                             .label = reference.id,
                                             .resolved = false,
                                             .date = std::nullopt,
                                             .record = -1});
    if (unresolved_index_.size() <= vertex) unresolved_index_.resize(std::size_t{vertex} + 1);
    unresolved_index_[vertex] = static_cast<std::uint32_t>(unresolved_.size());
    unresolved_.push_back({kind, &record, &reference, field, 1});
    return vertex;
  }

  // One note per id that records name but none describes (MODEL.md section 2 keeps it as an
  // unresolved node), at its first reference: often a predecessor outside the corpus, but
  // a typo looks the same.
  void report_unresolved() {
    for (const Unresolved& unresolved : unresolved_) {
      const std::string others = unresolved.references == 1
                                     ? std::string()
                                     : " and in " + std::to_string(unresolved.references - 1) + " other place" +
                                           (unresolved.references == 2 ? "" : "s");
      diagnostics_.push_back({.file = unresolved.record->file,
                              .line = unresolved.reference->where.line,
                              .column = unresolved.reference->where.column,
                              .severity = Severity::note,
                              .message = "no record describes the " + std::string(to_string(unresolved.kind)) + " '" +
                                         unresolved.reference->id + "', named here in " +
                                         std::string(unresolved.field) + others +
                                         "; it is kept as an unresolved node; add its record, or check the id for a "
                                         "typo"});
    }
  }

  // A cluster or tag node; nullopt for a name that folds to nothing (an empty name is absent,
  // MODEL.md section 1). The label is the name as first seen, trimmed.
  // The name is folded into a buffer kept between calls: most references name a cluster or
  // tag seen before, and finding it then allocates nothing.
  std::optional<VertexId> named(NodeKind kind, const std::string& name) {
    fold_name_into(name, folded_);
    if (folded_.empty()) return std::nullopt;
    if (auto found = builder_.find(kind, folded_)) return *found;
    return builder_.add_node(Node{.kind = kind,
                                  .id = folded_,
                                  .label = std::string(trim(name)),
                                  .resolved = true,
                                  .date = std::nullopt,
                                  .record = -1});
  }

  // False, with a warning at the reference, when a policy names itself. Also false, silently,
  // for an empty id: an empty value means absent (MODEL.md section 1), and the loader is
  // the one to report it if it wants to.
  bool usable(const Record& record, const Reference& reference, std::string_view field) {
    if (reference.id.empty()) return false;
    if (reference.id != record.id) return true;
    diagnostics_.push_back({.file = record.file,
                            .line = reference.where.line,
                            .column = reference.where.column,
                            .severity = Severity::warning,
                            .message = "policy '" + record.id + "' names itself in " + std::string(field) +
                                       "; the link is ignored; remove '" + record.id + "' from " + std::string(field)});
    return false;
  }

  // A note at the first reference of a field that the record's kind does not use, so that a
  // lineage written on a facility (or relatedPolicies on a policy) is not lost unseen.
  void note_unused(const Record& record, const std::vector<Reference>& references, std::string_view field,
                   std::string_view what_to_do) {
    if (references.empty()) return;
    diagnostics_.push_back({.file = record.file,
                            .line = references.front().where.line,
                            .column = references.front().where.column,
                            .severity = Severity::note,
                            .message = std::string(field) + " on " + std::string(to_string(record.kind)) + " '" +
                                       record.id + "' is not used: " + std::string(what_to_do)});
  }

  double relation_weight(EdgeKind kind) const {
    switch (kind) {
      case EdgeKind::supersedes: return weights_.supersedes;
      case EdgeKind::consolidates: return weights_.consolidates;
      case EdgeKind::repeals: return weights_.repeals;
      case EdgeKind::amends: return weights_.amends;
      default: return weights_.implements;
    }
  }

  // A relation points from the newer act to the older (MODEL.md 7.2): one warning per edge
  // whose source was published before its target, however many records state it.
  void check_direction(const Record& record, const RelationItem& item, VertexId source, VertexId target,
                       EdgeKind kind) {
    const auto& newer = builder_.node(source).date;
    const auto& older = builder_.node(target).date;
    if (!newer || !older || !(*newer < *older)) return;
    if (!backward_warned_.insert({source, target, static_cast<std::uint8_t>(kind)}).second) return;
    diagnostics_.push_back(
        {.file = record.file,
         .line = item.other.where.line,
         .column = item.other.where.column,
         .severity = Severity::warning,
         .message = "'" + builder_.node(source).id + "' " + std::string(to_string(kind)) + " '" +
                    builder_.node(target).id + "', but is dated " + newer->iso() + ", before it (" + older->iso() +
                    "); a relation goes from the newer act to the older: check the dates, or write the relation the "
                    "other way round (" +
                    std::string(field_name(item)) + " on the other record)"});
  }

  void add_edges(const Record& record, std::uint32_t index, VertexId self) {
    const DescribedReferences described = described_of(index);
    // Lineage fields belong to policies and relatedPolicies to facilities (MODEL.md
    // section 1); a field on the other kind is not an edge of the graph.
    if (record.kind == RecordKind::policy) {
      note_unused(record, record.related_policies, "relatedPolicies",
                  "a policy names its facilities in relatedFacilities");
      for (std::size_t i = 0; i < record.relations.size(); ++i) {
        const RelationItem& item = record.relations[i];
        const std::string_view field = field_name(item);
        if (!usable(record, item.other, field)) continue;
        const VertexId other = referred(NodeKind::policy, item.other, described.relations[i], record, field);
        const VertexId source = item.inverse ? other : self;
        const VertexId target = item.inverse ? self : other;
        const EdgeKind kind = edge_kind(item.relation);
        builder_.add_edge(source, target, kind, relation_weight(kind));
        check_direction(record, item, source, target, kind);
      }
      for (std::size_t i = 0; i < record.related_facilities.size(); ++i) {
        const Reference& reference = record.related_facilities[i];
        if (!reference.id.empty())
          builder_.add_edge(
              self, referred(NodeKind::facility, reference, described.facilities[i], record, "relatedFacilities"),
              EdgeKind::related_facility, weights_.facility);
      }
    } else {
      // One note per relation field, at its first item.
      std::vector<std::string_view> noted;
      for (const RelationItem& item : record.relations) {
        const std::string_view field = field_name(item);
        if (std::find(noted.begin(), noted.end(), field) != noted.end()) continue;
        noted.push_back(field);
        diagnostics_.push_back({.file = record.file,
                                .line = item.other.where.line,
                                .column = item.other.where.column,
                                .severity = Severity::note,
                                .message = std::string(field) + " on facility '" + record.id +
                                           "' is not used: lineage links join policies; write it in the policy's "
                                           "record"});
      }
      for (std::size_t i = 0; i < record.related_policies.size(); ++i) {
        const Reference& reference = record.related_policies[i];
        if (!reference.id.empty())
          builder_.add_edge(referred(NodeKind::policy, reference, described.policies[i], record, "relatedPolicies"),
                            self, EdgeKind::related_facility, weights_.facility);
      }
    }
    for (const std::string& name : record.clusters)
      if (auto cluster = named(NodeKind::cluster, name))
        builder_.add_edge(self, *cluster, EdgeKind::member_of, weights_.cluster);
    for (const std::string& name : record.tags)
      if (auto tag = named(NodeKind::tag, name)) builder_.add_edge(self, *tag, EdgeKind::tagged, weights_.tag);
  }

  struct Unresolved {
    NodeKind kind;
    const Record* record;        ///< of the first reference
    const Reference* reference;  ///< the first reference
    std::string_view field;
    std::size_t references;
  };

  static constexpr VertexId not_described = std::numeric_limits<VertexId>::max();

  const std::vector<Record>& records_;
  GraphBuilder builder_;
  std::vector<std::size_t> first_reference_;  ///< by record index, into described_ (see described_of)
  std::vector<VertexId> described_;           ///< by reference, or not_described
  std::vector<Unresolved> unresolved_;
  std::vector<std::uint32_t> unresolved_index_;  ///< by vertex: an unresolved node's entry in unresolved_
  std::set<std::tuple<VertexId, VertexId, std::uint8_t>> backward_warned_;
  std::string folded_;  ///< named()'s buffer
  Diagnostics& diagnostics_;
  const ViewWeights& weights_;
};

}  // namespace

std::string fold_name(std::string_view name) {
  std::string folded;
  fold_name_into(name, folded);
  return folded;
}

namespace graph_detail {

Graph build_full_graph(std::shared_ptr<const std::vector<Record>> records, Diagnostics& diagnostics,
                       const ViewWeights& weights) {
  return FullGraphBuilder(std::move(records), diagnostics, weights).build();
}

}  // namespace graph_detail

Graph build_graph(std::vector<Record> records, Diagnostics& diagnostics, const ViewWeights& weights) {
  return graph_detail::build_full_graph(std::make_shared<const std::vector<Record>>(std::move(records)), diagnostics,
                                        weights);
}

}  // namespace policygraph
