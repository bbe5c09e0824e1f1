// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policygraph/diagnostics.hpp"
#include "policygraph/loader.hpp"
#include "policygraph/record.hpp"

namespace policygraph::records {

/// The fields MODEL.md section 1 gives a meaning; everything else is `other` (an attribute
/// when scalar, ignored otherwise) or `skip` (a value that is never looked at).
enum class Field : unsigned char {
  other,
  skip,
  id,
  title,
  name,
  kind,
  lang,
  pub_date,
  year,
  evolution,
  tags,
  related_facilities,
  related_policies,
  hub,
  coordinates,
  status,
  // The relations of MODEL.md 7.1: each field and its inverse form.
  supersedes,
  superseded_by,
  consolidated_from,
  consolidated_into,
  repeals,
  repealed_by,
  amends,
  amended_by,
  implements,
  implemented_by,
  effective,
  expires,
  clusters,
  milestones,
  milestone_date,
  milestone_event,
  relation_id,    ///< `id` of a relation item written as a mapping
  relation_date,  ///< `date` of a relation item written as a mapping
};

/// A key of the record mapping.
Field record_field(std::string_view key);
/// A key of the `evolution` mapping (`other` for keys it does not use).
Field evolution_field(std::string_view key);
/// A key of one `evolution.milestones` item.
Field milestone_field(std::string_view key);
/// A key of one relation item written as a mapping {id, date}.
Field relation_item_field(std::string_view key);
/// Every key the `evolution` mapping reads, aliases included: the candidates of "did you mean".
const std::vector<std::string>& evolution_keys();

/// The relation a field states, and whether in the inverse form (on the older act).
struct RelationField {
  Relation relation;
  bool inverse;
};
std::optional<RelationField> relation_field(Field field);
/// The key a relation is written with under `evolution` (`amendedBy` for amends, inverse).
std::string_view relation_key(Relation relation, bool inverse);

/// Fields whose value is a list of scalars (a single scalar is a list of one).
bool is_list_field(Field field);
/// Fields whose value must be a scalar.
bool is_text_field(Field field);
/// The name of a list field as written in a record: "tags", "evolution.supersedes", ...
std::string_view field_name(Field field);
/// What a list field holds, for messages: "policy ids", "tags", ...
std::string_view list_item_description(Field field);

/// A record being read: the fields as they come, checked and turned into a Record by
/// finish_record once the mapping ends.
struct RecordDraft {
  Location at;  ///< the record mapping's first key
  Record record;
  std::string id;
  Location id_at;
  bool id_unusable = false;  ///< an id that was a mapping or a list (already reported)
  std::string title;
  std::string name;
  std::string kind;
  Location kind_at;
  std::string lang;
  std::string pub_date;
  Location pub_date_at;
  std::string year;
  Location year_at;
  std::string effective;
  Location effective_at;
  std::string expires;
  Location expires_at;
  std::vector<std::string> hub;
  std::vector<std::string> coordinates;
};

/// Stores a non-empty scalar value of a record-level or `evolution` field.
void set_scalar(RecordDraft& draft, Field field, std::string_view key, std::string value, Location at);
/// Adds one non-empty item of a list field.
void add_list_item(RecordDraft& draft, Field field, std::string value, Location at);
/// Forgets what an earlier occurrence of a repeated key stored, so the last one wins.
void clear_field(RecordDraft& draft, Field field, std::string_view key);

/// A diagnostic for `file` at `at`.
Diagnostic make_diagnostic(const std::string& file, Location at, Severity severity, std::string message);

/// Applies the rules of MODEL.md sections 1 and 5 (kind, language, label, date) to a
/// finished draft; nullopt (with an error) for a record that has no usable id.
std::optional<Record> finish_record(RecordDraft&& draft, const FileContext& context, Diagnostics& diagnostics);

}  // namespace policygraph::records
