// SPDX-License-Identifier: MIT
#include "libyaml_events.hpp"

#include <yaml-cpp/mark.h>
#include <yaml.h>

#include <string>
#include <unordered_map>

namespace policygraph::records {
namespace {

// Owns a libyaml parser and its current event, so every exit path frees them.
class Parser {
 public:
  explicit Parser(std::string_view yaml) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(yaml.data()), yaml.size());
  }
  ~Parser() {
    release_event();
    yaml_parser_delete(&parser_);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  /// The next event, or nullptr when libyaml reports an error.
  const yaml_event_t* next() {
    release_event();
    if (yaml_parser_parse(&parser_, &event_) == 0) return nullptr;
    has_event_ = true;
    return &event_;
  }
  /// After next() returned nullptr: what libyaml found wrong.
  const yaml_parser_t& state() const { return parser_; }

 private:
  void release_event() {
    if (has_event_) yaml_event_delete(&event_);
    has_event_ = false;
  }
  yaml_parser_t parser_{};
  yaml_event_t event_{};
  bool has_event_ = false;
};

YAML::Mark mark_of(const yaml_mark_t& mark) {
  YAML::Mark result;
  result.pos = static_cast<int>(mark.index);
  result.line = static_cast<int>(mark.line);
  result.column = static_cast<int>(mark.column);
  return result;
}

std::string text_of(const yaml_char_t* text) { return text ? reinterpret_cast<const char*>(text) : std::string(); }

bool is_plain_null(const yaml_event_t& event) {
  if (event.data.scalar.style != YAML_PLAIN_SCALAR_STYLE || event.data.scalar.tag != nullptr) return false;
  std::string_view value(reinterpret_cast<const char*>(event.data.scalar.value), event.data.scalar.length);
  return value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL";
}

YAML::EmitterStyle::value style_of(bool flow) { return flow ? YAML::EmitterStyle::Flow : YAML::EmitterStyle::Block; }

// Anchor names become yaml-cpp's numbers: 1, 2, ... in each document; a name defined again
// gets a new number, as yaml-cpp gives it.
class Anchors {
 public:
  void clear() {
    ids_.clear();
    next_ = 1;
  }
  YAML::anchor_t define(const yaml_char_t* name, const YAML::Mark& mark, YAML::EventHandler& handler) {
    if (name == nullptr) return YAML::NullAnchor;
    std::string text = text_of(name);
    handler.OnAnchor(mark, text);
    YAML::anchor_t id = next_++;
    ids_[text] = id;
    return id;
  }
  /// NullAnchor for a name never defined (libyaml leaves that check to its composer).
  YAML::anchor_t find(const yaml_char_t* name) const {
    auto found = ids_.find(text_of(name));
    return found == ids_.end() ? YAML::NullAnchor : found->second;
  }

 private:
  std::unordered_map<std::string, YAML::anchor_t> ids_;
  YAML::anchor_t next_ = 1;
};

}  // namespace

bool parse_with_libyaml(std::string_view yaml, YAML::EventHandler& handler, LibyamlError* error) {
  Parser parser(yaml);
  Anchors anchors;
  std::string value;  // reused: most values outgrow a string's own room, and were a malloc each
  while (const yaml_event_t* event = parser.next()) {
    const YAML::Mark mark = mark_of(event->start_mark);
    switch (event->type) {
      case YAML_STREAM_END_EVENT: return true;
      case YAML_DOCUMENT_START_EVENT:
        anchors.clear();
        handler.OnDocumentStart(mark);
        break;
      case YAML_DOCUMENT_END_EVENT: handler.OnDocumentEnd(); break;
      case YAML_ALIAS_EVENT: {
        YAML::anchor_t id = anchors.find(event->data.alias.anchor);
        if (id == YAML::NullAnchor) return false;  // an undefined alias: yaml-cpp will say so
        handler.OnAlias(mark, id);
        break;
      }
      case YAML_SCALAR_EVENT: {
        YAML::anchor_t anchor = anchors.define(event->data.scalar.anchor, mark, handler);
        if (is_plain_null(*event)) {
          handler.OnNull(mark, anchor);
        } else {
          value.assign(reinterpret_cast<const char*>(event->data.scalar.value), event->data.scalar.length);
          handler.OnScalar(mark, text_of(event->data.scalar.tag), anchor, value);
        }
        break;
      }
      case YAML_SEQUENCE_START_EVENT: {
        YAML::anchor_t anchor = anchors.define(event->data.sequence_start.anchor, mark, handler);
        handler.OnSequenceStart(mark, text_of(event->data.sequence_start.tag), anchor,
                                style_of(event->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE));
        break;
      }
      case YAML_SEQUENCE_END_EVENT: handler.OnSequenceEnd(); break;
      case YAML_MAPPING_START_EVENT: {
        YAML::anchor_t anchor = anchors.define(event->data.mapping_start.anchor, mark, handler);
        handler.OnMapStart(mark, text_of(event->data.mapping_start.tag), anchor,
                           style_of(event->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE));
        break;
      }
      case YAML_MAPPING_END_EVENT: handler.OnMapEnd(); break;
      default: break;
    }
  }
  if (error != nullptr) {  // libyaml reported an error
    const yaml_parser_t& state = parser.state();
    error->problem = state.problem != nullptr ? state.problem : "";
    error->context = state.context != nullptr ? state.context : "";
    error->problem_mark = mark_of(state.problem_mark);
    error->context_mark = mark_of(state.context_mark);
  }
  return false;
}

}  // namespace policygraph::records
