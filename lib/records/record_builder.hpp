// SPDX-License-Identifier: MIT
#pragma once

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "policygraph/loader.hpp"
#include "record_fields.hpp"

namespace policygraph::records {

/// Thrown from inside the event handler to stop reading a file after a limit was hit
/// (already reported); records finished before it are kept.
struct StopFile {};

/// Builds Records straight from yaml-cpp's parse events, one pass, no document tree.
///
/// A stack of frames says what each open collection is (a list of records, a record, its
/// `evolution`, a list field, ...); a scalar goes where the top frame says. Collections the
/// model does not use are `ignored`: their events only move the depth counter, so a field
/// such as `analysis:` costs nothing beyond the parse, and nothing inside it is expanded.
///
/// Aliases: an anchored scalar is remembered as text; an anchored collection as the list
/// of its events, replayed where an alias to it lands in a place the model reads (never
/// inside an ignored value). Every alias use counts against Limits::max_alias_expansions
/// and every replayed event against Limits::max_alias_events, so a "billion laughs" file
/// costs at most those bounds.
class RecordBuilder final : public YAML::EventHandler {
 public:
  RecordBuilder(const FileContext& context, const Limits& limits, ParseResult& out);

  /// Starts a YAML text that begins after `line_offset` lines of the file.
  void start_text(int line_offset);
  /// Whether the scalars to come are UTF-8 as given, as libyaml's are (it writes every
  /// escape as UTF-8), rather than yaml-cpp's, whose \N and \_ escapes come as lone bytes
  /// that repair_yaml_cpp_escapes mends (the default). Checking every value was a fortieth
  /// of a cold load.
  void set_scalars_are_utf8(bool utf8) { scalars_are_utf8_ = utf8; }
  /// Drops a partly read record and all state after a parse error or a StopFile.
  void abandon();
  /// The one place a yaml-cpp mark becomes a file position.
  Location location(const YAML::Mark& mark) const;
  /// Reports a problem. While a record is being read, its diagnostics wait for the record
  /// to end: a record dropped by a later syntax error takes them along, so the file gets
  /// one diagnostic (the syntax error), not a trail of consequences.
  void report(Location at, Severity severity, std::string message);
  /// Reports at once: for problems that stop the file, reported just before StopFile.
  void report_now(Location at, Severity severity, std::string message);
  /// How far the output had come, so a text read again by another parser starts clean.
  struct Checkpoint {
    std::size_t records = 0;
    std::size_t diagnostics = 0;
    std::size_t alias_expansions = 0;
    std::size_t replayed_events = 0;
    std::size_t recorded_events = 0;
  };
  Checkpoint checkpoint() const;
  /// Forgets every record, diagnostic and count since `point`, and all state.
  void rollback(const Checkpoint& point);
  /// Documents of the current text whose root was not null.
  int documents_with_content() const { return documents_with_content_; }
  /// Whether a nesting-depth error was reported for this file.
  bool depth_reported() const { return depth_reported_; }
  /// Where the last document began (yaml-cpp's mark of its first token).
  const YAML::Mark& document_start() const { return document_start_; }

  void OnDocumentStart(const YAML::Mark& mark) override;
  void OnDocumentEnd() override;
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override;
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override;
  void OnSequenceEnd() override;
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override;
  void OnMapEnd() override;
  void OnAnchor(const YAML::Mark& mark, const std::string& anchor_name) override;

 private:
  enum class Role : unsigned char {
    record_list,
    record,
    evolution,
    list_field,
    milestones,
    milestone,
    relation_item,  ///< an item {id, date} of a relation field
    ignored
  };

  /// A relation item written as a mapping, while it is read.
  struct RelationDraft {
    Field field = Field::other;
    Location at;
    std::string id;
    Location id_at;
    std::string date;
    Location date_at;
    std::vector<std::pair<std::string, Location>> unknown_keys;  ///< reported when the item ends
  };

  struct Frame {
    Role role = Role::ignored;
    bool is_map = false;
    bool is_key = false;         ///< a collection used as a mapping key
    Field field = Field::other;  ///< list_field, milestones: the field it fills
    bool expect_key = true;      ///< maps: the next node is a key
    bool bad_item_reported = false;
    std::string key;  ///< maps: the current key
    Location key_at;
    Field key_field = Field::skip;
    std::vector<std::pair<std::string, Location>> seen_keys;  ///< record, evolution, milestone
  };

  struct Event {
    enum class Type : unsigned char { scalar, null, alias, sequence_start, sequence_end, map_start, map_end };
    Type type = Type::null;
    YAML::Mark mark;
    YAML::anchor_t anchor = 0;  ///< alias events only: the anchor referred to
    std::string value;
  };

  struct Anchor {
    enum class State : unsigned char { open, scalar, null, collection, too_large };
    State state = State::open;
    std::string name;
    std::string scalar;
    std::vector<Event> events;
  };

  struct Recorder {
    YAML::anchor_t anchor = 0;
    int level = 0;  ///< collections open inside the anchored one
  };

  // What to do with each node, by the top frame.
  void leaf(const std::string* value, Location at);
  void take_key(Frame& frame, std::string key, Location at);
  void value_leaf(Frame& frame, const std::string* value, Location at);
  void begin_collection(bool is_map, Location at);
  Role role_for_value(Frame& parent, bool is_map, Location at);
  void end_collection();
  void finish_relation_item();
  void report_unknown_key(const Frame& frame, Location at);
  std::string field_path(const Frame& frame) const;

  // Anchors and aliases.
  void remember_anchor(YAML::anchor_t anchor, Anchor::State state, const std::string* scalar = nullptr);
  void record(Event::Type type, const YAML::Mark& mark, YAML::anchor_t anchor = 0, const std::string* value = nullptr);
  void replay(const Event& event);
  void expand_alias(YAML::anchor_t anchor, Location at);

  const FileContext& context_;
  const Limits& limits_;
  ParseResult& out_;
  int line_offset_ = 0;
  int documents_with_content_ = 0;
  bool depth_reported_ = false;
  bool scalars_are_utf8_ = false;
  YAML::Mark document_start_;
  std::vector<Frame> frames_;
  std::optional<RecordDraft> draft_;
  Diagnostics pending_;  ///< of the record being read
  Milestone milestone_;
  RelationDraft relation_;
  std::vector<Anchor> anchors_;
  std::vector<Recorder> recorders_;
  std::string pending_anchor_name_;
  std::size_t recorded_events_ = 0;
  std::size_t alias_expansions_ = 0;
  std::size_t replayed_events_ = 0;
  int replaying_ = 0;
};

}  // namespace policygraph::records
