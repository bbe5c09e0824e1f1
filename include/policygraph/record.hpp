// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policygraph/date.hpp"

namespace policygraph {

enum class RecordKind : unsigned char { policy, facility };

/// "policy" or "facility".
std::string_view to_string(RecordKind kind);

/// A place in a record's file: 1-based line and column (0 when unknown).
struct Location {
  int line = 0;
  int column = 0;
};

/// An id named by a record, with where it was named, so that a bad reference
/// (to itself, say) is reported at the item at fault.
struct Reference {
  std::string id;
  Location where;
};

struct Milestone {
  std::string date;  ///< as written
  std::string event;
};

/// A scalar field kept as text: `year: 2005` is the attribute ("year", "2005").
struct Attribute {
  std::string name;
  std::string value;
};

/// One policy or facility record, as read from its file (MODEL.md section 1).
/// After loading, translations are merged: one record per kind and id.
struct Record {
  RecordKind kind = RecordKind::policy;
  std::string id;
  std::string label;     ///< title (policy) or name (facility); the id where missing
  std::string language;  ///< `lang`, or the language folder; empty when none
  std::string file;      ///< path relative to the corpus root, '/'-separated
  Location where;        ///< of the record's `id` field

  std::optional<Date> date;  ///< `pubDate`, else 1 January of `year`
  std::vector<std::string> tags;
  std::vector<std::string> clusters;  ///< `evolution.clusters`; a facility's `hub`
  std::vector<Reference> supersedes;
  std::vector<Reference> superseded_by;
  std::vector<Reference> consolidated_from;
  std::vector<Reference> related_facilities;  ///< policy → facility ids
  std::vector<Reference> related_policies;    ///< facility → policy ids
  std::vector<Milestone> milestones;

  /// Every other scalar field (country, status, year, pubDate, url, ...), sorted by name.
  std::vector<Attribute> attributes;
  /// `title@<lang>` / `name@<lang>` of the other languages merged into this record,
  /// sorted by name.
  std::vector<Attribute> translations;

  /// The attribute's value, or nullptr.
  const std::string* attribute(std::string_view name) const;
};

}  // namespace policygraph
