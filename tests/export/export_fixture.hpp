// SPDX-License-Identifier: MIT
// A small hand-made graph with nasty text, shared by the export tests.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "policygraph/export.hpp"

namespace policygraph::testing {

/// A title with everything an exporter must escape: quotes, <, &, a backslash, a newline,
/// Chinese, an emoji, and U+0001 (which XML formats drop).
inline const std::string nasty_title =
    "Act \"A\" <2005> & co\\ \n\xE7\xA2\xB3\xE6\x8D\x95\xE9\x9B\x86 \xF0\x9F\x8C\x8D\x01"
    "end";
/// The same title as XML formats carry it: without U+0001.
inline const std::string nasty_title_xml =
    "Act \"A\" <2005> & co\\ \n\xE7\xA2\xB3\xE6\x8D\x95\xE9\x9B\x86 \xF0\x9F\x8C\x8D"
    "end";

//   policy:c (2015, in force) --supersedes--> policy:b (2010, superseded) --supersedes--> policy:a (2005)
//   policy:c --supersedes--> policy:a          (transitive: --reduce drops it)
//   policy:d (2012) --consolidates--> policy:a
//   policy:c --supersedes--> policy:ghost      (unresolved)
//   policy:m (2016, adopted, expires 2026) --amends--> policy:c (effective 2015-07-01)
//   policy:p (2024, a draft) --amends--> policy:c
//   policy:r (2018, 现行) --repeals, from 2019-01-01--> policy:d
//   policy:t (2020, 即将实施, effective 2021-01-01) --implements--> policy:c
//   policy:a --related_facility--> facility:a  (same id as the policy)
//   policy:a --tagged--> tag:carbon capture
//   facility:a --member_of--> cluster:north sea
inline Graph make_export_graph() {
  auto records = std::make_shared<std::vector<Record>>();
  auto add_record = [&](RecordKind kind, std::string id, std::string label, Attributes attributes) {
    Record record;
    record.kind = kind;
    record.id = std::move(id);
    record.label = std::move(label);
    record.attributes = std::move(attributes);
    // As the loader does: the status normalised to a legal state.
    if (auto status = record.attribute("status")) record.state = legal_state_of(*status).value_or(LegalState::unknown);
    records->push_back(std::move(record));
    return static_cast<std::int32_t>(records->size() - 1);
  };
  auto ra = add_record(
      RecordKind::policy, "a", nasty_title,
      {{"country", "NO"}, {"legalWeight", "3"}, {"pubDate", "2005-03"}, {"status", "Active"}, {"year", "2005"}});
  (*records)[static_cast<std::size_t>(ra)].tags = {"carbon capture", "storage"};
  (*records)[static_cast<std::size_t>(ra)].translations = {{"title@zh", "\xE7\xA2\xB3\xE6\xB3\x95"}};
  (*records)[static_cast<std::size_t>(ra)].date = Date{2005, 3, 1};
  auto rb = add_record(RecordKind::policy, "b", "B, \"the second\"",
                       {{"country", "UK"}, {"legalWeight", "x1"}, {"status", "Superseded"}, {"year", "2010"}});
  auto rc = add_record(RecordKind::policy, "c", "C", {{"country", "NO"}, {"status", "In force"}, {"year", "2015"}});
  (*records)[static_cast<std::size_t>(rc)].effective = Date{2015, 7, 1};
  auto rd = add_record(RecordKind::policy, "d", "D", {{"year", "2012"}});
  auto rm = add_record(RecordKind::policy, "m", "M", {{"status", "Adopted"}, {"year", "2016"}});
  (*records)[static_cast<std::size_t>(rm)].expires = Date{2026, 1, 1};
  auto rp = add_record(RecordKind::policy, "p", "P", {{"status", "Draft for public comment"}, {"year", "2024"}});
  auto rr = add_record(RecordKind::policy, "r", "R", {{"status", "\xE7\x8E\xB0\xE8\xA1\x8C"}, {"year", "2018"}});
  (*records)[static_cast<std::size_t>(rr)].relations = {
      RelationItem{.relation = Relation::repeals, .other = {"d", {}}, .date = Date{2019, 1, 1}}};
  auto rt = add_record(RecordKind::policy, "t", "T",
                       {{"status", "\xE5\x8D\xB3\xE5\xB0\x86\xE5\xAE\x9E\xE6\x96\xBD"}, {"year", "2020"}});
  (*records)[static_cast<std::size_t>(rt)].effective = Date{2021, 1, 1};
  auto rf = add_record(RecordKind::facility, "a", "Plant A", {{"country", "NO"}, {"status", "Operational"}});

  GraphBuilder builder(records);
  auto policy = [&](std::string id, std::int32_t record, std::optional<Date> date) {
    return builder.add_node(Node{.kind = NodeKind::policy,
                                 .id = id,
                                 .label = record >= 0 ? (*records)[static_cast<std::size_t>(record)].label : id,
                                 .resolved = record >= 0,
                                 .date = date,
                                 .record = record});
  };
  VertexId a = policy("a", ra, Date{2005, 3, 1});
  VertexId b = policy("b", rb, Date{2010, 1, 1});
  VertexId c = policy("c", rc, Date{2015, 1, 1});
  VertexId d = policy("d", rd, Date{2012, 6, 30});
  VertexId ghost = policy("ghost", -1, std::nullopt);
  VertexId m = policy("m", rm, Date{2016, 5, 1});
  VertexId p = policy("p", rp, Date{2024, 3, 1});
  VertexId r = policy("r", rr, Date{2018, 1, 1});
  VertexId t = policy("t", rt, Date{2020, 2, 1});
  VertexId fa = builder.add_node(Node{.kind = NodeKind::facility, .id = "a", .label = "Plant A", .record = rf});
  VertexId tag = builder.add_node(Node{.kind = NodeKind::tag, .id = "carbon capture", .label = "Carbon Capture"});
  VertexId cluster = builder.add_node(Node{.kind = NodeKind::cluster, .id = "north sea", .label = "North Sea"});
  builder.add_edge(c, b, EdgeKind::supersedes, 3);
  builder.add_edge(b, a, EdgeKind::supersedes, 3);
  builder.add_edge(c, a, EdgeKind::supersedes, 3);
  builder.add_edge(d, a, EdgeKind::consolidates, 3);
  builder.add_edge(c, ghost, EdgeKind::supersedes, 3);
  builder.add_edge(m, c, EdgeKind::amends, 2);
  builder.add_edge(p, c, EdgeKind::amends, 2);
  builder.add_edge(r, d, EdgeKind::repeals, 2);
  builder.add_edge(t, c, EdgeKind::implements, 2);
  builder.add_edge(a, fa, EdgeKind::related_facility, 0.1);
  builder.add_edge(a, tag, EdgeKind::tagged, 1);
  builder.add_edge(fa, cluster, EdgeKind::member_of, 1);
  return std::move(builder).finish();
}

/// PageRank-like values for the first five policies (a, b, c, d, ghost), and a component
/// for each; the others have none.
inline NodeMetrics make_export_metrics() {
  NodeMetrics metrics;
  metrics.pagerank = std::vector<double>{0.4, 0.2, 0.1, 0.1 + 1e-17, 0.2};
  metrics.pagerank->at(3) = 0.1234567890123456789;
  metrics.component = std::vector<std::uint32_t>{0, 0, 0, 0, 0};
  return metrics;
}

}  // namespace policygraph::testing
