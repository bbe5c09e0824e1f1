// SPDX-License-Identifier: MIT
// Every field of every record of a corpus as text, so that two loads compare field by field
// and a difference reads plainly in a test's failure.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "policygraph/loader.hpp"

namespace policygraph {

inline std::string location(const Location& where) {
  return std::to_string(where.line) + ":" + std::to_string(where.column);
}

/// The items of one relation field of a record, as references: `relation_refs(r,
/// Relation::supersedes, true)` is what `evolution.supersededBy` named.
inline std::vector<Reference> relation_refs(const Record& r, Relation relation, bool inverse = false) {
  std::vector<Reference> out;
  for (const RelationItem& item : r.relations)
    if (item.relation == relation && item.inverse == inverse) out.push_back(item.other);
  return out;
}

/// Adds `references` to `record` as items of one relation field: `relate(b, Relation::amends,
/// refs({"a"}))` is `evolution.amends: [a]` on b; with `inverse`, `amendedBy`.
inline void relate(Record& record, Relation relation, std::vector<Reference> references, bool inverse = false) {
  for (auto& reference : references)
    record.relations.push_back({relation, inverse, std::move(reference), std::nullopt});
}

inline std::string dump(const Record& r) {
  std::ostringstream text;
  text << to_string(r.kind) << '|' << r.id << '|' << r.label << '|' << r.language << '|' << r.file << '|'
       << location(r.where) << '|' << (r.date ? r.date->iso() : "-") << "|tags";
  for (const auto& t : r.tags) text << ',' << t;
  text << "|clusters";
  for (const auto& c : r.clusters) text << ',' << c;
  text << "|relations";
  for (const auto& item : r.relations) {
    text << ',' << field_name(item) << ':' << item.other.id << '@' << location(item.other.where);
    if (item.date) text << '#' << item.date->iso();
  }
  for (const auto* list : {&r.related_facilities, &r.related_policies}) {
    text << "|refs";
    for (const auto& reference : *list) text << ',' << reference.id << '@' << location(reference.where);
  }
  text << "|effective" << (r.effective ? r.effective->iso() : "-") << "|expires" << (r.expires ? r.expires->iso() : "-")
       << "|state:" << to_string(r.state) << '@' << location(r.status_at);
  text << "|milestones";
  for (const auto& m : r.milestones) text << ',' << m.date << '=' << m.event;
  text << "|attributes";
  for (const auto& a : r.attributes) text << ',' << a.name << '=' << a.value;
  text << "|translations";
  for (const auto& a : r.translations) text << ',' << a.name << '=' << a.value;
  return text.str();
}

inline std::vector<std::string> dump(const std::vector<Record>& records, const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const Record& r : records) out.push_back(dump(r));
  for (const Diagnostic& d : diagnostics) out.push_back(format_diagnostic(d));
  return out;
}

inline std::vector<std::string> dump(const Corpus& corpus) {
  std::vector<std::string> out = dump(corpus.records, corpus.diagnostics);
  out.push_back("files read: " + std::to_string(corpus.files_read));
  return out;
}

}  // namespace policygraph
