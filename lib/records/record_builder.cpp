// SPDX-License-Identifier: MIT
#include "record_builder.hpp"
#include "text_checks.hpp"

#include <iterator>
#include <utility>

#include "policygraph/did_you_mean.hpp"

namespace policygraph::records {
namespace {

std::string shape_name(bool is_map) { return is_map ? "a mapping" : "a list"; }

}  // namespace

RecordBuilder::RecordBuilder(const FileContext& context, const Limits& limits, ParseResult& out)
    : context_(context), limits_(limits), out_(out) {}

void RecordBuilder::start_text(int line_offset) {
  abandon();
  line_offset_ = line_offset;
  documents_with_content_ = 0;
}

void RecordBuilder::abandon() {
  frames_.clear();
  draft_.reset();
  pending_.clear();
  anchors_.clear();
  recorders_.clear();
  pending_anchor_name_.clear();
  replaying_ = 0;
}

RecordBuilder::Checkpoint RecordBuilder::checkpoint() const {
  return {out_.records.size(), out_.diagnostics.size(), alias_expansions_, replayed_events_, recorded_events_};
}

void RecordBuilder::rollback(const Checkpoint& point) {
  abandon();
  out_.records.resize(point.records);
  out_.diagnostics.resize(point.diagnostics);
  alias_expansions_ = point.alias_expansions;
  replayed_events_ = point.replayed_events;
  recorded_events_ = point.recorded_events;
  documents_with_content_ = 0;
  depth_reported_ = false;
}

Location RecordBuilder::location(const YAML::Mark& mark) const {
  if (mark.is_null()) return {};
  return Location{mark.line + 1 + line_offset_, mark.column + 1};
}

void RecordBuilder::report(Location at, Severity severity, std::string message) {
  (draft_ ? pending_ : out_.diagnostics).push_back(make_diagnostic(context_.path, at, severity, std::move(message)));
}

void RecordBuilder::report_now(Location at, Severity severity, std::string message) {
  out_.diagnostics.push_back(make_diagnostic(context_.path, at, severity, std::move(message)));
}

// ---- yaml-cpp events ------------------------------------------------------------------

void RecordBuilder::OnDocumentStart(const YAML::Mark& mark) {
  document_start_ = mark;
  abandon();
}

void RecordBuilder::OnDocumentEnd() {}

void RecordBuilder::OnAnchor(const YAML::Mark&, const std::string& anchor_name) { pending_anchor_name_ = anchor_name; }

void RecordBuilder::OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) {
  record(Event::Type::null, mark);
  if (anchor != 0) remember_anchor(anchor, Anchor::State::null);
  leaf(nullptr, location(mark));
}

void RecordBuilder::OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                             const std::string& raw_value) {
  std::optional<std::string> repaired = scalars_are_utf8_ ? std::nullopt : repair_yaml_cpp_escapes(raw_value);
  const std::string& value = repaired ? *repaired : raw_value;
  record(Event::Type::scalar, mark, 0, &value);
  if (anchor != 0) remember_anchor(anchor, Anchor::State::scalar, &value);
  leaf(&value, location(mark));
}

void RecordBuilder::OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) {
  record(Event::Type::alias, mark, anchor);
  expand_alias(anchor, location(mark));
}

void RecordBuilder::OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                                    YAML::EmitterStyle::value) {
  record(Event::Type::sequence_start, mark);
  if (anchor != 0) {
    remember_anchor(anchor, Anchor::State::open);
    anchors_[anchor].events.push_back(Event{Event::Type::sequence_start, mark, 0, {}});
    recorders_.push_back(Recorder{anchor, 1});
  }
  begin_collection(false, location(mark));
}

void RecordBuilder::OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                               YAML::EmitterStyle::value) {
  record(Event::Type::map_start, mark);
  if (anchor != 0) {
    remember_anchor(anchor, Anchor::State::open);
    anchors_[anchor].events.push_back(Event{Event::Type::map_start, mark, 0, {}});
    recorders_.push_back(Recorder{anchor, 1});
  }
  begin_collection(true, location(mark));
}

void RecordBuilder::OnSequenceEnd() {
  record(Event::Type::sequence_end, YAML::Mark());
  end_collection();
}

void RecordBuilder::OnMapEnd() {
  record(Event::Type::map_end, YAML::Mark());
  end_collection();
}

// ---- where each node goes -------------------------------------------------------------

std::string RecordBuilder::field_path(const Frame& frame) const {
  if (frame.role == Role::evolution) return "evolution." + frame.key;
  if (frame.role == Role::milestone) return "evolution.milestones." + frame.key;
  if (frame.role == Role::relation_item) return std::string(field_name(frame.field)) + "." + frame.key;
  return frame.key;
}

void RecordBuilder::leaf(const std::string* value, Location at) {
  const bool absent = value == nullptr || value->empty();
  if (frames_.empty()) {  // the document's root
    if (absent) return;   // an empty document holds no record
    ++documents_with_content_;
    report(at, Severity::error,
           "expected a record (a mapping of fields) or a list of records, found text; the file holds no record");
    return;
  }
  Frame& frame = frames_.back();
  if (frame.role == Role::ignored) return;
  if (frame.is_map) {
    if (frame.expect_key) {
      take_key(frame, value == nullptr ? std::string() : *value, at);
    } else {
      value_leaf(frame, value, at);
      frame.expect_key = true;
    }
    return;
  }
  if (absent) return;  // a null item of a list is no item
  switch (frame.role) {
    case Role::record_list:
      report(at, Severity::error,
             "an item of the list of records is text, expected a record (a mapping of fields); the item is skipped");
      return;
    case Role::list_field: add_list_item(*draft_, frame.field, *value, at); return;
    case Role::milestones:
      if (!frame.bad_item_reported) {
        frame.bad_item_reported = true;
        report(at, Severity::error,
               "'evolution.milestones' has an item that is text, expected a mapping {date, event}; such items are "
               "dropped");
      }
      return;
    default: return;
  }
}

void RecordBuilder::take_key(Frame& frame, std::string key, Location at) {
  frame.key = std::move(key);
  frame.key_at = at;
  frame.expect_key = false;
  switch (frame.role) {
    case Role::record: frame.key_field = record_field(frame.key); break;
    case Role::evolution: frame.key_field = evolution_field(frame.key); break;
    case Role::milestone: frame.key_field = milestone_field(frame.key); break;
    case Role::relation_item: frame.key_field = relation_item_field(frame.key); break;
    default: frame.key_field = Field::skip; return;
  }
  if (frame.key_field == Field::other && frame.role == Role::relation_item) {
    // Said when the item ends: an item without `id` gets one error that names these keys.
    relation_.unknown_keys.emplace_back(frame.key, at);
    frame.key_field = Field::skip;
  } else if (frame.key_field == Field::other && frame.role != Role::record) {
    report_unknown_key(frame, at);
    frame.key_field = Field::skip;
  }
  for (const auto& [seen, where] : frame.seen_keys) {
    if (seen != frame.key) continue;
    report(at, Severity::warning,
           "'" + field_path(frame) + "' appears twice in this mapping (first on line " + std::to_string(where.line) +
               "); the last value wins; remove one of them");
    if (frame.role == Role::milestone) {
      if (frame.key_field == Field::milestone_date) milestone_.date.clear();
      if (frame.key_field == Field::milestone_event) milestone_.event.clear();
    } else if (frame.role == Role::relation_item) {
      if (frame.key_field == Field::relation_id) relation_.id.clear();
      if (frame.key_field == Field::relation_date) relation_.date.clear();
    } else {
      clear_field(*draft_, frame.key_field, frame.key);
    }
    return;
  }
  frame.seen_keys.emplace_back(frame.key, at);
}

void RecordBuilder::value_leaf(Frame& frame, const std::string* value, Location at) {
  const bool absent = value == nullptr || value->empty();
  const Field field = frame.key_field;
  if (field == Field::skip) return;
  if (frame.role == Role::milestone) {
    if (absent) return;
    if (field == Field::milestone_date) milestone_.date = *value;
    if (field == Field::milestone_event) milestone_.event = *value;
    return;
  }
  if (frame.role == Role::relation_item) {
    if (absent) return;
    if (field == Field::relation_id) {
      relation_.id = *value;
      relation_.id_at = at;
    } else if (field == Field::relation_date) {
      relation_.date = *value;
      relation_.date_at = at;
    }
    return;
  }
  if (field == Field::evolution || field == Field::milestones) {
    if (!absent)
      report(at, Severity::error,
             field == Field::evolution
                 ? "'evolution' is text, expected a mapping (supersedes:, clusters:, ...); it is ignored"
                 : "'evolution.milestones' is text, expected a list of mappings {date, event}; it is ignored");
    return;
  }
  if (absent) return;
  set_scalar(*draft_, field, frame.key, *value, at);
}

RecordBuilder::Role RecordBuilder::role_for_value(Frame& parent, bool is_map, Location at) {
  const Field field = parent.key_field;
  const std::string path = field_path(parent);
  if (field == Field::skip || field == Field::other) return Role::ignored;  // not read: never looked into
  if (field == Field::id) {
    draft_->id_unusable = true;
    report(at, Severity::error,
           "'id' is " + shape_name(is_map) + ", expected text such as 'id: eu-nzia'; the record is skipped");
    return Role::ignored;
  }
  if (is_text_field(field)) {
    report(at, Severity::error, "'" + path + "' is " + shape_name(is_map) + ", expected text; the field is dropped");
    return Role::ignored;
  }
  if (field == Field::evolution) {
    if (is_map) return Role::evolution;
    report(at, Severity::error,
           "'evolution' is a list, expected a mapping (supersedes:, clusters:, ...); it is ignored");
    return Role::ignored;
  }
  if (field == Field::milestones) {
    if (!is_map) return Role::milestones;
    report(at, Severity::error,
           "'evolution.milestones' is a mapping, expected a list of {date, event}; write each as a list item "
           "(- date: ...) or drop it");
    return Role::ignored;
  }
  if (is_list_field(field)) {
    if (!is_map) return Role::list_field;
    if (relation_field(field)) return Role::relation_item;  // one item {id, date}: a list of one
    // The example item is the description's last word made singular: "- id", "- name", "- tag".
    const std::string items(list_item_description(field));
    const std::size_t space = items.rfind(' ');
    std::string item = space == std::string::npos ? items : items.substr(space + 1);
    item.pop_back();
    report(at, Severity::error,
           "'" + path + "' is a mapping, expected a list of " + items + "; write it as a list (- " + item +
               ") or drop it");
  }
  return Role::ignored;
}

void RecordBuilder::begin_collection(bool is_map, Location at) {
  Frame frame;
  frame.is_map = is_map;
  if (frames_.empty()) {
    ++documents_with_content_;
    frame.role = is_map ? Role::record : Role::record_list;
  } else {
    Frame& parent = frames_.back();
    if (parent.role == Role::ignored) {
      // Nothing inside an ignored value is read.
    } else if (parent.is_map && parent.expect_key) {
      frame.is_key = true;  // a complex key: no field of ours
    } else if (parent.is_map) {
      frame.role = role_for_value(parent, is_map, at);
      frame.field = parent.key_field;
    } else if (parent.role == Role::record_list) {
      if (is_map)
        frame.role = Role::record;
      else
        report(
            at, Severity::error,
            "an item of the list of records is a list, expected a record (a mapping of fields); the item is skipped");
    } else if (parent.role == Role::milestones && is_map) {
      frame.role = Role::milestone;
    } else if (parent.role == Role::list_field && is_map && relation_field(parent.field)) {
      frame.role = Role::relation_item;
      frame.field = parent.field;
    } else if (!parent.bad_item_reported) {  // list_field or milestones
      parent.bad_item_reported = true;
      std::string what = parent.role == Role::milestones ? std::string("mappings {date, event}")
                         : relation_field(parent.field)  ? std::string("policy ids, or mappings {id: ..., date: ...}")
                                                        : std::string(list_item_description(parent.field)) + " as text";
      report(at, Severity::error,
             "'" + std::string(field_name(parent.field)) + "' has an item that is " + shape_name(is_map) +
                 ", expected " + what + "; such items are dropped");
    }
  }
  if (static_cast<long long>(frames_.size()) >= limits_.max_depth) {
    depth_reported_ = true;
    report_now(at, Severity::error,
               "values are nested deeper than " + std::to_string(limits_.max_depth) +
                   " levels; the rest of the file is skipped; flatten this value or raise --max-depth");
    throw StopFile{};
  }
  frames_.push_back(std::move(frame));
  if (frames_.back().role == Role::record) {
    draft_.emplace();
    draft_->at = at;
  } else if (frames_.back().role == Role::milestone) {
    milestone_ = {};
  } else if (frames_.back().role == Role::relation_item) {
    relation_ = {};
    relation_.field = frames_.back().field;
    relation_.at = at;
  }
}

void RecordBuilder::finish_relation_item() {
  const std::string field(field_name(relation_.field));
  if (relation_.id.empty()) {
    std::string found;
    for (const auto& [key, where] : relation_.unknown_keys) found += (found.empty() ? " (it has '" : "', '") + key;
    if (!found.empty()) found += "')";
    report(relation_.at, Severity::error,
           "an item of '" + field + "' is a mapping without 'id'" + found +
               "; write a policy id, or {id: <policy id>, date: YYYY-MM-DD}; the item is dropped");
    return;
  }
  for (const auto& [key, where] : relation_.unknown_keys) {
    Frame item;
    item.role = Role::relation_item;
    item.field = relation_.field;
    item.key = key;
    report_unknown_key(item, where);
  }
  std::optional<Date> date;
  if (!relation_.date.empty()) {
    date = parse_date(relation_.date);
    if (!date)
      report(relation_.date_at, Severity::warning,
             "the date of '" + relation_.id + "' in '" + field + "' is '" + relation_.date +
                 "', not a date; write YYYY, YYYY-MM or YYYY-MM-DD (a real calendar day); the relation takes effect "
                 "on the newer act's effective day instead");
  }
  const auto relation = relation_field(relation_.field);
  draft_->record.relations.push_back(
      RelationItem{relation->relation, relation->inverse, {std::move(relation_.id), relation_.id_at}, date});
}

void RecordBuilder::report_unknown_key(const Frame& frame, Location at) {
  const bool in_evolution = frame.role == Role::evolution;
  const std::vector<std::string> relation_item_keys{"id", "date"};
  const std::vector<std::string> suggestions =
      nearest(frame.key, in_evolution ? evolution_keys() : relation_item_keys, 3);
  std::string message = "'" + field_path(frame) + "' is not a field policygraph reads; it is ignored";
  if (!suggestions.empty()) {
    message += "; " + did_you_mean(suggestions);
  } else if (in_evolution) {
    message +=
        " (the relations are supersedes, consolidatedFrom, repeals, amends, implements and their inverse "
        "forms supersededBy, consolidatedInto, repealedBy, amendedBy, implementedBy)";
  }
  // A near miss of a relation is a lost link: a warning. Other unknown keys of `evolution`
  // are a corpus's own business: a note.
  report(at, suggestions.empty() ? Severity::note : Severity::warning, std::move(message));
}

void RecordBuilder::end_collection() {
  if (frames_.empty()) return;
  const Role role = frames_.back().role;
  const bool was_key = frames_.back().is_key;
  frames_.pop_back();
  if (role == Role::record && draft_) {
    if (auto finished = finish_record(std::move(*draft_), context_, out_.diagnostics))
      out_.records.push_back(std::move(*finished));
    draft_.reset();
    std::move(pending_.begin(), pending_.end(), std::back_inserter(out_.diagnostics));
    pending_.clear();
  } else if (role == Role::milestone && draft_) {
    if (!milestone_.date.empty() || !milestone_.event.empty())
      draft_->record.milestones.push_back(std::move(milestone_));
    milestone_ = {};
  } else if (role == Role::relation_item && draft_) {
    finish_relation_item();
    relation_ = {};
  }
  if (frames_.empty() || !frames_.back().is_map) return;
  Frame& parent = frames_.back();
  if (was_key) {
    parent.expect_key = false;
    parent.key.clear();
    parent.key_field = Field::skip;
  } else {
    parent.expect_key = true;
  }
}

// ---- anchors and aliases --------------------------------------------------------------

void RecordBuilder::remember_anchor(YAML::anchor_t anchor, Anchor::State state, const std::string* scalar) {
  if (anchor >= anchors_.size()) anchors_.resize(anchor + 1);
  Anchor& entry = anchors_[anchor];
  entry = Anchor{};
  entry.state = state;
  entry.name = std::move(pending_anchor_name_);
  pending_anchor_name_.clear();
  if (scalar != nullptr) entry.scalar = *scalar;
}

void RecordBuilder::record(Event::Type type, const YAML::Mark& mark, YAML::anchor_t anchor, const std::string* value) {
  if (replaying_ > 0 || recorders_.empty()) return;
  const bool opens = type == Event::Type::sequence_start || type == Event::Type::map_start;
  const bool closes = type == Event::Type::sequence_end || type == Event::Type::map_end;
  for (Recorder& recorder : recorders_) {
    if (opens) ++recorder.level;
    if (closes) --recorder.level;
    Anchor& entry = anchors_[recorder.anchor];
    if (entry.state == Anchor::State::too_large) continue;
    if (recorded_events_ >= limits_.max_alias_events) {
      entry.state = Anchor::State::too_large;
      entry.events = {};
      continue;
    }
    ++recorded_events_;
    entry.events.push_back(Event{type, mark, anchor, value != nullptr ? *value : std::string()});
  }
  // Anchored collections nest, so the ones that end now are at the back.
  while (!recorders_.empty() && recorders_.back().level == 0) {
    Anchor& entry = anchors_[recorders_.back().anchor];
    if (entry.state == Anchor::State::open) entry.state = Anchor::State::collection;
    recorders_.pop_back();
  }
}

void RecordBuilder::replay(const Event& event) {
  const Location at = location(event.mark);
  switch (event.type) {
    case Event::Type::scalar: leaf(&event.value, at); return;
    case Event::Type::null: leaf(nullptr, at); return;
    case Event::Type::alias: expand_alias(event.anchor, at); return;
    case Event::Type::sequence_start: begin_collection(false, at); return;
    case Event::Type::map_start: begin_collection(true, at); return;
    case Event::Type::sequence_end:
    case Event::Type::map_end: end_collection(); return;
  }
}

void RecordBuilder::expand_alias(YAML::anchor_t anchor, Location at) {
  // An alias inside a value nobody reads is never expanded: that is what keeps a
  // "billion laughs" hidden in an unknown field free.
  if (!frames_.empty() && frames_.back().role == Role::ignored) return;
  if (anchor >= anchors_.size()) {
    leaf(nullptr, at);
    return;
  }
  const std::string name = "*" + anchors_[anchor].name;
  if (++alias_expansions_ > limits_.max_alias_expansions) {
    report_now(at, Severity::error,
               "more than " + std::to_string(limits_.max_alias_expansions) + " aliases to expand (here " + name +
                   "); the rest of the file is skipped; write the values out instead of repeating aliases, or raise "
                   "--max-aliases");
    throw StopFile{};
  }
  const Anchor& entry = anchors_[anchor];
  switch (entry.state) {
    case Anchor::State::scalar: {
      const std::string text = entry.scalar;  // leaf may not keep a reference into anchors_
      leaf(&text, at);
      return;
    }
    case Anchor::State::null: leaf(nullptr, at); return;
    case Anchor::State::open:
      report(at, Severity::error, "alias " + name + " refers to the value that contains it; it is read as empty");
      leaf(nullptr, at);
      return;
    case Anchor::State::too_large:
      report(at, Severity::error,
             "alias " + name + " refers to a value too large to repeat (over " +
                 std::to_string(limits_.max_alias_events) +
                 " parse events); it is read as empty; write the value out, or raise --max-alias-events");
      leaf(nullptr, at);
      return;
    case Anchor::State::collection: break;
  }
  if (replayed_events_ + entry.events.size() > limits_.max_alias_events) {
    report_now(at, Severity::error,
               "aliases repeat more than " + std::to_string(limits_.max_alias_events) + " parse events (here " + name +
                   "); the rest of the file is skipped; write the values out instead of repeating aliases, or raise "
                   "--max-alias-events");
    throw StopFile{};
  }
  replayed_events_ += entry.events.size();
  ++replaying_;
  for (const Event& event : entry.events) replay(event);
  --replaying_;
}

}  // namespace policygraph::records
