// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policygraph/date.hpp"

namespace policygraph {

namespace records {
struct AttributesCodec;  // the cache's encoding: stores the buffer and the slots whole
}

enum class RecordKind : unsigned char { policy, facility };

/// "policy" or "facility".
std::string_view to_string(RecordKind kind);

/// A place in a record's file: 1-based line and column (0 when unknown).
struct Location {
  int line = 0;
  int column = 0;
  bool operator==(const Location&) const = default;
};

/// An id named by a record, with where it was named, so that a bad reference
/// (to itself, say) is reported at the item at fault.
struct Reference {
  std::string id;
  Location where;
};

/// The relations of policy evolution (MODEL.md 7.1), after the European Legislation
/// Identifier (ELI) ontology. Each is an edge kind of the graph, from the newer act A to the
/// older act B it acts on.
enum class Relation : unsigned char {
  supersedes,    ///< A replaces B: B ends, A is its successor (`supersedes`, `replaces`)
  consolidates,  ///< A merges B into itself: B ends, A is its successor (`consolidatedFrom`)
  repeals,       ///< A repeals B: B ends without a successor
  amends,        ///< A amends B: B stays in force, as amended
  implements,    ///< A implements (transposes) B: B is unchanged
};

/// "supersedes", "consolidates", "repeals", "amends", "implements".
std::string_view to_string(Relation relation);

/// One item of an `evolution` relation field, as written in a record.
struct RelationItem {
  Relation relation = Relation::supersedes;
  /// Written in the inverse form, on the older act (`supersededBy`, `consolidatedInto`,
  /// `repealedBy`, `amendedBy`, `implementedBy`): `other` is then the newer act A and the
  /// record is B. Otherwise the record is A and `other` is B.
  bool inverse = false;
  Reference other;
  /// The item's `date` ({id: ..., date: ...}): the day the relation takes effect. Absent,
  /// it takes effect on A's effective day (MODEL.md 7.1).
  std::optional<Date> date;
};

/// The field name of a relation item as the model spells it: "amends", "amendedBy", ...
std::string_view field_name(const RelationItem& item);

/// A policy's legal state, normalised from its free-text `status` (MODEL.md 7.2).
enum class LegalState : unsigned char {
  unknown,   ///< no status, or a word outside the vocabulary
  in_force,  ///< in force (as amended)
  pending,   ///< adopted, not yet applying
  proposed,  ///< never adopted: planned, draft, consultation
  ended,     ///< repealed, superseded, expired
};

/// "unknown", "in_force", "pending", "proposed", "ended".
std::string_view to_string(LegalState state);

/// The state a status word means, in any language of the built-in vocabulary (English,
/// Chinese, and a few words of French, German, Spanish, Portuguese, Japanese; see
/// docs/record-format.md): ASCII letters compared case-insensitively, spaces trimmed and
/// folded, `-` and `_` read as spaces. Nullopt for a word outside the vocabulary; an empty
/// status is LegalState::unknown.
std::optional<LegalState> legal_state_of(std::string_view status);

struct Milestone {
  std::string date;  ///< as written
  std::string event;
};

/// A scalar field kept as text: `year: 2005` is the attribute ("year", "2005"). A view:
/// valid while the Attributes it was read from is neither changed nor destroyed.
struct Attribute {
  std::string_view name;
  std::string_view value;
  bool operator==(const Attribute&) const = default;
};

/// A record's scalar fields, sorted by name (byte order) whatever the order they are added
/// in; fields of one name keep the order they were added in. find() relies on it.
///
/// Compact on purpose: every name and value sits in one buffer, with four 32-bit numbers
/// per field to find them, so a record's fields cost two allocations instead of two per
/// field. A corpus of 100,000 policies has about ten million fields; as one std::string
/// pair each they took most of the memory and time of a load (in malloc, and in the
/// kernel zeroing the pages malloc asked for).
class Attributes {
  /// Where one field's name and value are in text_.
  struct Slot {
    std::uint32_t name_offset;
    std::uint32_t name_size;
    std::uint32_t value_offset;
    std::uint32_t value_size;
  };

 public:
  class iterator {
   public:
    using value_type = Attribute;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    iterator(const Attributes* owner, std::size_t index) : owner_(owner), index_(index) {}
    Attribute operator*() const { return (*owner_)[index_]; }
    iterator& operator++() {
      ++index_;
      return *this;
    }
    iterator operator++(int) {
      iterator old = *this;
      ++index_;
      return old;
    }
    bool operator==(const iterator& other) const { return index_ == other.index_; }

   private:
    const Attributes* owner_ = nullptr;
    std::size_t index_ = 0;
  };

  Attributes() = default;
  /// The fields given, sorted by name as add() sorts them.
  Attributes(std::initializer_list<Attribute> attributes);

  /// Adds a field after every field whose name sorts before it or equals it: O(log n) to
  /// find its place, and O(n) to make room unless it sorts last (the usual case: fields are
  /// mostly added in order). Throws std::length_error past 4 GiB of text in one record.
  void add(std::string_view name, std::string_view value);
  /// Removes every field of that name.
  void erase(std::string_view name);
  /// The value of the first field of that name: O(log n).
  std::optional<std::string_view> find(std::string_view name) const;
  /// Frees what add() reserved beyond the need.
  void shrink_to_fit();
  /// Room for `count` more fields of `text_bytes` bytes of names and values in all.
  void reserve(std::size_t count, std::size_t text_bytes);

  std::size_t size() const { return slots_.size(); }
  bool empty() const { return slots_.empty(); }
  Attribute operator[](std::size_t index) const {
    const Slot& slot = slots_[index];
    return {std::string_view(text_).substr(slot.name_offset, slot.name_size),
            std::string_view(text_).substr(slot.value_offset, slot.value_size)};
  }
  iterator begin() const { return {this, 0}; }
  iterator end() const { return {this, slots_.size()}; }

  /// Same fields in the same order.
  bool operator==(const Attributes& other) const;

 private:
  friend struct records::AttributesCodec;
  /// The fields of `text` and `slots` as the codec stored them; nullopt when a slot points
  /// outside the text.
  static std::optional<Attributes> from_parts(std::string text, std::vector<Slot> slots);
  std::uint32_t append_text(std::string_view bytes);

  std::string text_;
  std::vector<Slot> slots_;
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
  /// Every relation item of `evolution` (MODEL.md 7.1), in the order written.
  std::vector<RelationItem> relations;
  std::vector<Reference> related_facilities;  ///< policy → facility ids
  std::vector<Reference> related_policies;    ///< facility → policy ids
  std::vector<Milestone> milestones;

  /// `evolution.effective` (`entryIntoForce`): the first day the act applies; absent, its
  /// date (MODEL.md 7.2).
  std::optional<Date> effective;
  /// `evolution.expires` (`inForceUntil`): the first day it no longer applies.
  std::optional<Date> expires;
  /// `status`, normalised; the word itself stays in `attributes`.
  LegalState state = LegalState::unknown;
  /// Where `status` was written, for the diagnostics about it.
  Location status_at;

  /// Every other scalar field (country, status, year, pubDate, url, ...), sorted by name.
  Attributes attributes;
  /// `title@<lang>` / `name@<lang>` of the other languages merged into this record,
  /// sorted by name.
  Attributes translations;

  /// The attribute's value, or nullopt.
  std::optional<std::string_view> attribute(std::string_view name) const { return attributes.find(name); }
};

}  // namespace policygraph
