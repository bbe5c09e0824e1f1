// SPDX-License-Identifier: MIT
// The meaning of each field (MODEL.md section 1) and the rules applied once a record's
// mapping has been read: kind and language overrides, the label, the date (section 5.7).
#include "record_fields.hpp"

#include <algorithm>
#include <utility>

namespace policygraph::records {
namespace {

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

bool is_four_digits(std::string_view text) {
  return text.size() == 4 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string shown_value(std::string_view text) {
  // Long values make unreadable messages; the position already says where to look.
  constexpr std::size_t shown = 60;
  std::string out = "'";
  out += text.substr(0, shown);
  if (text.size() > shown) out += "...";
  out += "'";
  return out;
}

}  // namespace

Field record_field(std::string_view key) {
  if (key == "id") return Field::id;
  if (key == "title") return Field::title;
  if (key == "name") return Field::name;
  if (key == "kind") return Field::kind;
  if (key == "lang") return Field::lang;
  if (key == "pubDate") return Field::pub_date;
  if (key == "year") return Field::year;
  if (key == "evolution") return Field::evolution;
  if (key == "tags") return Field::tags;
  if (key == "relatedFacilities") return Field::related_facilities;
  if (key == "relatedPolicies") return Field::related_policies;
  if (key == "hub") return Field::hub;
  if (key == "coordinates") return Field::coordinates;
  if (key == "status") return Field::status;
  return Field::other;
}

namespace {

// The relation fields of MODEL.md 7.1, one row each: the spelling everyone reads (also in
// messages, as part of `path`), an alias a corpus may use instead, and what it states.
struct RelationSpelling {
  Field field;
  Relation relation;
  bool inverse;           ///< stated on the older record (`supersededBy`)
  std::string_view path;  ///< `evolution.<key>`
  std::string_view alias;
  std::string_view key() const { return path.substr(std::string_view("evolution.").size()); }
};

constexpr RelationSpelling relation_spellings[] = {
    {Field::supersedes, Relation::supersedes, false, "evolution.supersedes", "replaces"},
    {Field::superseded_by, Relation::supersedes, true, "evolution.supersededBy", "replacedBy"},
    {Field::consolidated_from, Relation::consolidates, false, "evolution.consolidatedFrom", ""},
    {Field::consolidated_into, Relation::consolidates, true, "evolution.consolidatedInto", ""},
    {Field::repeals, Relation::repeals, false, "evolution.repeals", ""},
    {Field::repealed_by, Relation::repeals, true, "evolution.repealedBy", ""},
    {Field::amends, Relation::amends, false, "evolution.amends", ""},
    {Field::amended_by, Relation::amends, true, "evolution.amendedBy", ""},
    {Field::implements, Relation::implements, false, "evolution.implements", "transposes"},
    {Field::implemented_by, Relation::implements, true, "evolution.implementedBy", ""},
};

const RelationSpelling* spelling_of(Field field) {
  for (const RelationSpelling& spelling : relation_spellings)
    if (spelling.field == field) return &spelling;
  return nullptr;
}

struct EvolutionKey {
  std::string_view key;
  Field field;
};

// The other fields under `evolution` (MODEL.md 7.2), aliases included.
constexpr EvolutionKey other_evolution_keys[] = {
    {"effective", Field::effective},  {"entryIntoForce", Field::effective}, {"expires", Field::expires},
    {"inForceUntil", Field::expires}, {"clusters", Field::clusters},        {"milestones", Field::milestones},
};

}  // namespace

Field evolution_field(std::string_view key) {
  for (const RelationSpelling& spelling : relation_spellings)
    if (spelling.key() == key || spelling.alias == key) return spelling.field;
  for (const EvolutionKey& entry : other_evolution_keys)
    if (entry.key == key) return entry.field;
  return Field::other;  // not part of the model: RecordBuilder says whether it looks like a typo
}

const std::vector<std::string>& evolution_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> all;
    for (const RelationSpelling& spelling : relation_spellings) {
      all.emplace_back(spelling.key());
      if (!spelling.alias.empty()) all.emplace_back(spelling.alias);
    }
    for (const EvolutionKey& entry : other_evolution_keys) all.emplace_back(entry.key);
    return all;
  }();
  return keys;
}

Field relation_item_field(std::string_view key) {
  if (key == "id") return Field::relation_id;
  if (key == "date") return Field::relation_date;
  return Field::other;
}

std::optional<RelationField> relation_field(Field field) {
  if (const RelationSpelling* spelling = spelling_of(field))
    return RelationField{spelling->relation, spelling->inverse};
  return std::nullopt;
}

std::string_view relation_key(Relation relation, bool inverse) {
  for (const RelationSpelling& spelling : relation_spellings)
    if (spelling.relation == relation && spelling.inverse == inverse) return spelling.key();
  return {};
}

Field milestone_field(std::string_view key) {
  if (key == "date") return Field::milestone_date;
  if (key == "event") return Field::milestone_event;
  return Field::skip;
}

bool is_list_field(Field field) {
  switch (field) {
    case Field::tags:
    case Field::related_facilities:
    case Field::related_policies:
    case Field::hub:
    case Field::coordinates:
    case Field::clusters: return true;
    default: return relation_field(field).has_value();
  }
}

bool is_text_field(Field field) {
  switch (field) {
    case Field::id:
    case Field::title:
    case Field::name:
    case Field::kind:
    case Field::lang:
    case Field::pub_date:
    case Field::year:
    case Field::status:
    case Field::effective:
    case Field::expires:
    case Field::milestone_date:
    case Field::milestone_event:
    case Field::relation_id:
    case Field::relation_date: return true;
    default: return false;
  }
}

std::string_view field_name(Field field) {
  if (const RelationSpelling* spelling = spelling_of(field)) return spelling->path;
  switch (field) {
    case Field::tags: return "tags";
    case Field::related_facilities: return "relatedFacilities";
    case Field::related_policies: return "relatedPolicies";
    case Field::hub: return "hub";
    case Field::coordinates: return "coordinates";
    case Field::clusters: return "evolution.clusters";
    case Field::milestones: return "evolution.milestones";
    default: return "";
  }
}

std::string_view list_item_description(Field field) {
  switch (field) {
    case Field::tags: return "tags";
    case Field::related_facilities: return "facility ids";
    case Field::related_policies: return "policy ids";
    case Field::hub: return "network names";
    case Field::coordinates: return "numbers";
    case Field::clusters: return "cluster names";
    default: return relation_field(field) ? "policy ids" : "values";
  }
}

Diagnostic make_diagnostic(const std::string& file, Location at, Severity severity, std::string message) {
  return Diagnostic{file, at.line, at.column, severity, std::move(message)};
}

void set_scalar(RecordDraft& draft, Field field, std::string_view key, std::string value, Location at) {
  switch (field) {
    case Field::id:
      draft.id = std::move(value);
      draft.id_at = at;
      return;
    case Field::title: draft.title = std::move(value); return;
    case Field::name: draft.name = std::move(value); return;
    case Field::kind:
      draft.kind = std::move(value);
      draft.kind_at = at;
      return;
    case Field::lang: draft.lang = std::move(value); return;
    case Field::pub_date:
      draft.pub_date = value;
      draft.pub_date_at = at;
      draft.record.attributes.add(key, value);
      return;
    case Field::year:
      draft.year = value;
      draft.year_at = at;
      draft.record.attributes.add(key, value);
      return;
    case Field::status:
      draft.record.status_at = at;
      draft.record.attributes.add(key, value);
      return;
    case Field::effective:
      draft.effective = std::move(value);
      draft.effective_at = at;
      return;
    case Field::expires:
      draft.expires = std::move(value);
      draft.expires_at = at;
      return;
    case Field::other: draft.record.attributes.add(key, value); return;
    default:
      if (is_list_field(field)) add_list_item(draft, field, std::move(value), at);
      return;
  }
}

void add_list_item(RecordDraft& draft, Field field, std::string value, Location at) {
  Record& r = draft.record;
  switch (field) {
    case Field::tags: r.tags.push_back(std::move(value)); return;
    case Field::clusters: r.clusters.push_back(std::move(value)); return;
    case Field::hub: draft.hub.push_back(std::move(value)); return;
    case Field::coordinates: draft.coordinates.push_back(std::move(value)); return;
    case Field::related_facilities: r.related_facilities.push_back({std::move(value), at}); return;
    case Field::related_policies: r.related_policies.push_back({std::move(value), at}); return;
    default:
      if (auto relation = relation_field(field))
        r.relations.push_back(
            RelationItem{relation->relation, relation->inverse, {std::move(value), at}, std::nullopt});
      return;
  }
}

void clear_field(RecordDraft& draft, Field field, std::string_view key) {
  Record& r = draft.record;
  switch (field) {
    case Field::id:
      draft.id.clear();
      draft.id_unusable = false;
      return;
    case Field::title: draft.title.clear(); return;
    case Field::name: draft.name.clear(); return;
    case Field::kind: draft.kind.clear(); return;
    case Field::lang: draft.lang.clear(); return;
    case Field::pub_date: draft.pub_date.clear(); break;
    case Field::year: draft.year.clear(); break;
    case Field::tags: r.tags.clear(); return;
    case Field::clusters: r.clusters.clear(); return;
    case Field::hub: draft.hub.clear(); return;
    case Field::coordinates: draft.coordinates.clear(); return;
    case Field::related_facilities: r.related_facilities.clear(); return;
    case Field::related_policies: r.related_policies.clear(); return;
    case Field::milestones: r.milestones.clear(); return;
    case Field::effective: draft.effective.clear(); return;
    case Field::expires: draft.expires.clear(); return;
    case Field::status: r.status_at = {}; break;
    case Field::evolution:
      r.relations.clear();
      r.clusters.clear();
      r.milestones.clear();
      draft.effective.clear();
      draft.expires.clear();
      return;
    default:
      if (auto relation = relation_field(field)) {
        std::erase_if(r.relations, [&](const RelationItem& item) {
          return item.relation == relation->relation && item.inverse == relation->inverse;
        });
        return;
      }
      break;
  }
  r.attributes.erase(key);
}

std::optional<Record> finish_record(RecordDraft&& draft, const FileContext& context, Diagnostics& diagnostics) {
  auto report = [&](Location at, Severity severity, std::string message) {
    diagnostics.push_back(make_diagnostic(context.path, at, severity, std::move(message)));
  };
  if (draft.id_unusable) return std::nullopt;  // reported where the id was read
  if (draft.id.empty()) {
    report(draft.at, Severity::error, "record has no 'id'; add a line 'id: <unique id>'; the record is skipped");
    return std::nullopt;
  }
  Record record = std::move(draft.record);
  record.id = std::move(draft.id);
  record.where = draft.id_at;
  record.file = context.path;

  record.kind = context.default_kind;
  if (!draft.kind.empty()) {
    if (draft.kind == "policy") {
      record.kind = RecordKind::policy;
    } else if (draft.kind == "facility") {
      record.kind = RecordKind::facility;
    } else {
      report(draft.kind_at, Severity::warning,
             "'kind' is " + shown_value(draft.kind) + ", expected 'policy' or 'facility'; the record is read as a " +
                 std::string(to_string(record.kind)) + " (from its folder)");
    }
  }
  if (draft.lang.empty())
    record.language = context.default_language;
  else
    record.language = std::move(draft.lang);

  // The label: the field of the record's kind, else the other one, else the id.
  std::string& own = record.kind == RecordKind::policy ? draft.title : draft.name;
  std::string& other = record.kind == RecordKind::policy ? draft.name : draft.title;
  if (!own.empty()) {
    record.label = std::move(own);
  } else if (!other.empty()) {
    record.label = std::move(other);
  } else {
    record.label = record.id;
    report(record.where, Severity::warning,
           std::string(to_string(record.kind)) + " '" + record.id + "' has no '" +
               (record.kind == RecordKind::policy ? "title" : "name") + "'; its id is used as label; add a '" +
               (record.kind == RecordKind::policy ? "title" : "name") + ":' line");
  }

  // The date (MODEL.md 5.7): pubDate, else 1 January of year.
  if (!draft.pub_date.empty()) {
    record.date = parse_date(draft.pub_date);
    if (!record.date)
      report(draft.pub_date_at, Severity::warning,
             "'pubDate' is " + shown_value(draft.pub_date) +
                 ", not a date; write YYYY, YYYY-MM or YYYY-MM-DD (a real calendar day)" +
                 (draft.year.empty() ? std::string("; the record has no date") : "; 'year' is used instead"));
  }
  if (!record.date && !draft.year.empty()) {
    if (is_four_digits(draft.year))
      record.date = Date{(draft.year[0] - '0') * 1000 + (draft.year[1] - '0') * 100 + (draft.year[2] - '0') * 10 +
                             (draft.year[3] - '0'),
                         1, 1};
    else
      report(draft.year_at, Severity::warning,
             "'year' is " + shown_value(draft.year) + ", not four digits; write it like 2024; the record has no date");
  }

  // Legal dates and state (MODEL.md 7.2). A bad day is dropped with a warning: the act then
  // applies from its date and has no expiry, which is what a record without them says.
  auto legal_day = [&](const std::string& text, Location at, std::string_view field, std::string_view fallback) {
    std::optional<Date> day;
    if (text.empty()) return day;
    day = parse_date(text);
    if (!day)
      report(at, Severity::warning,
             "'evolution." + std::string(field) + "' is " + shown_value(text) +
                 ", not a date; write YYYY, YYYY-MM or YYYY-MM-DD (a real calendar day); " + std::string(fallback));
    return day;
  };
  record.effective = legal_day(draft.effective, draft.effective_at, "effective", "the record's date is used instead");
  record.expires = legal_day(draft.expires, draft.expires_at, "expires", "the record is read without an expiry");

  // A hub is a cluster membership and stays visible as an attribute; coordinates are kept
  // as "latitude,longitude" text.
  if (!draft.hub.empty()) {
    record.attributes.add("hub", join(draft.hub, ";"));
    for (auto& hub : draft.hub) record.clusters.push_back(std::move(hub));
  }
  if (!draft.coordinates.empty()) record.attributes.add("coordinates", join(draft.coordinates, ","));
  record.attributes.shrink_to_fit();
  if (auto status = record.attributes.find("status"))
    record.state = legal_state_of(*status).value_or(LegalState::unknown);
  return record;
}

}  // namespace policygraph::records
