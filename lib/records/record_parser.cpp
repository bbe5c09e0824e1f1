// SPDX-License-Identifier: MIT
// parse_records: from one file's text to records and diagnostics, without the disk.
//
// The text is checked before yaml-cpp sees it: a byte order mark is dropped, and a NUL byte
// means a binary file (yaml-cpp would take it for UTF-16 or UTF-32). Each YAML text (the
// front matter, the whole file, or each JSON line) goes once through an event parser
// (libyaml, or yaml-cpp where libyaml refuses it) into a RecordBuilder. Bytes that are not
// UTF-8 are refused with their position, since YAML is Unicode text and yaml-cpp would pass
// them on into labels; for Markdown only the front matter is checked: the body is never
// read. parse_yaml_text says when that check is made.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <cstdio>
#include <cstring>
#include <istream>
#include <streambuf>

#include "front_matter.hpp"
#include "libyaml_events.hpp"
#include "policygraph/loader.hpp"
#include "record_builder.hpp"
#include "text_checks.hpp"

namespace policygraph {
namespace {

using records::RecordBuilder;

// An istream over a string_view: yaml-cpp reads from a stream, and a copy of every file
// into a stringstream would double the bytes moved.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());  // read only: the get area is never written
    setg(begin, begin, begin + text.size());
  }
};

std::string_view format_noun(FileFormat format) {
  switch (format) {
    case FileFormat::markdown: return "Markdown";
    case FileFormat::yaml: return "YAML";
    case FileFormat::json: return "JSON";
    case FileFormat::json_lines: return "JSON Lines";
  }
  return "record";
}

// What yaml-cpp stopped at, for the message of a token it could not place.
std::string unexpected_token(std::string_view yaml, int pos) {
  const char c = pos >= 0 && static_cast<std::size_t>(pos) < yaml.size() ? yaml[static_cast<std::size_t>(pos)] : '\0';
  if (c == ',') return "',' outside a flow list [a, b] or mapping {a: b}";
  if (c > ' ' && c < 127) return std::string("unexpected '") + c + "'";
  return "unexpected text";
}

// yaml-cpp's message in plain words, for the ones a hand-edited file meets most.
std::string explain_yaml_error(const std::string& message) {
  static const std::pair<const char*, const char*> plain[] = {
      {YAML::ErrorMsg::END_OF_SEQ_FLOW, "a list opened with '[' is not closed with ']'"},
      {YAML::ErrorMsg::END_OF_MAP_FLOW, "a mapping opened with '{' is not closed with '}'"},
      {YAML::ErrorMsg::FLOW_END, "a ']' or '}' that closes nothing"},
      {YAML::ErrorMsg::EOF_IN_SCALAR, "a quoted value is not closed by its quote"},
      {YAML::ErrorMsg::INVALID_ESCAPE,
       "in double quotes a backslash starts an escape such as \\n; write \\\\ for a backslash, or use single quotes"},
      {YAML::ErrorMsg::TAB_IN_INDENTATION, "indent with spaces, not tabs"},
      {YAML::ErrorMsg::MAP_VALUE, "a ': ' that starts no key here: quote the value, or check the indentation"},
      {YAML::ErrorMsg::END_OF_MAP,
       "text after a value that does not fit the mapping: a quote inside quotes, or "
       "wrong indentation"},
      {YAML::ErrorMsg::UNKNOWN_ANCHOR, "an alias *name with no anchor &name before it"},
  };
  for (const auto& [yaml_cpp, words] : plain)
    if (message.starts_with(yaml_cpp)) return message + " (" + words + ")";
  return message;
}

// Reports the first byte of `yaml` that is not UTF-8 in place of all that was read and
// reported since `start`; true when there is one.
bool refuse_if_not_utf8(std::string_view yaml, int line_offset, RecordBuilder& builder,
                        const RecordBuilder::Checkpoint& start) {
  auto bad = records::find_invalid_utf8(yaml);
  if (!bad) return false;
  builder.rollback(start);
  Location at = records::location_of_offset(yaml, *bad);
  at.line += line_offset;
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(yaml[*bad])));
  builder.report(at, Severity::error,
                 std::string("byte ") + byte + " is not UTF-8; save the file as UTF-8; the file is skipped");
  return true;
}

// Reads one YAML text: libyaml first, for speed; where libyaml refuses the text, yaml-cpp
// reads it again from a clean start and has the last word (see libyaml_events.hpp). Every
// exception becomes a diagnostic.
//
// libyaml's reader refuses every byte that find_invalid_utf8 finds (a bad lead or follower,
// an overlong form, a surrogate, past U+10FFFF), so a text it reads to its end is UTF-8 and
// needs no pass of our own: that pass over every front matter was a twentieth of a cold
// load. Where libyaml stops short, on a refusal or a limit, the text is checked then, and
// bytes that are not UTF-8 become its one diagnostic, as if they had been checked first.
void parse_yaml_text(std::string_view yaml, int line_offset, RecordBuilder& builder) {
  builder.start_text(line_offset);
  const RecordBuilder::Checkpoint start = builder.checkpoint();
  records::LibyamlError refusal;
  builder.set_scalars_are_utf8(true);
  try {
    if (records::parse_with_libyaml(yaml, builder, &refusal)) return;
  } catch (const records::StopFile&) {
    builder.abandon();  // a limit was hit and reported: the text is done
    refuse_if_not_utf8(yaml, line_offset, builder, start);
    return;
  }
  if (refuse_if_not_utf8(yaml, line_offset, builder, start)) return;
  // A quote left open to the end of the text is never YAML, but yaml-cpp 0.7 takes it when
  // a newline ends the text: the quoted value runs on over every line after it, and the
  // fields there are lost without a word. The records libyaml finished before it stay.
  if (refusal.context == "while scanning a quoted scalar" && refusal.problem == "found unexpected end of stream") {
    builder.abandon();
    builder.report_now(builder.location(refusal.context_mark), Severity::error,
                       "YAML syntax error: this quoted value is never closed (its quote runs to the end of the "
                       "text); add the closing quote, and double a ' inside '...' or write \\\" inside \"...\"; "
                       "the record here is skipped");
    return;
  }
  builder.rollback(start);
  builder.start_text(line_offset);
  builder.set_scalars_are_utf8(false);
  ViewBuffer buffer(yaml);
  std::istream in(&buffer);
  try {
    YAML::Parser parser(in);
    int previous_start = -1;
    while (parser.HandleNextDocument(builder)) {
      // yaml-cpp 0.7 neither takes nor rejects a ',' outside brackets at the top of a
      // document (jbeder/yaml-cpp#1040): it returns the same empty document again without
      // moving on, for ever. A document that starts where the one before it did is that.
      const YAML::Mark& document = builder.document_start();
      if (document.pos == previous_start) throw YAML::ParserException(document, unexpected_token(yaml, document.pos));
      previous_start = document.pos;
    }
  } catch (const records::StopFile&) {
    builder.abandon();  // already reported
  } catch (const YAML::DeepRecursion& e) {
    builder.abandon();
    if (!builder.depth_reported())
      builder.report_now(builder.location(e.mark), Severity::error,
                         "values are nested too deeply for the YAML parser (" + std::to_string(e.depth()) +
                             " levels); the rest of the file is skipped; flatten this value");
  } catch (const YAML::Exception& e) {
    builder.abandon();
    builder.report_now(
        builder.location(e.mark), Severity::error,
        "YAML syntax error: " + explain_yaml_error(e.msg) +
            "; fix the syntax here (a value holding ': ' or starting with one of [ ] { } & * ! | > ' \" % @ "
            "needs quotes); the record here is skipped");
  }
}

void parse_unchecked(std::string_view text, const FileContext& context, const Limits& limits, ParseResult& result) {
  RecordBuilder builder(context, limits, result);
  text = records::strip_bom(text);
  if (text.size() > limits.max_file_bytes) {
    builder.report({}, Severity::error,
                   "file is larger than " + std::to_string(limits.max_file_bytes) +
                       " bytes; it is skipped; split it into smaller files or raise --max-file-size");
    return;
  }
  if (records::is_blank(text)) {
    builder.report({}, Severity::warning, "file is empty; add a record or delete it");
    return;
  }
  if (std::memchr(text.data(), '\0', text.size()) != nullptr) {
    builder.report({}, Severity::error,
                   "binary file (it holds NUL bytes), not " + std::string(format_noun(context.format)) +
                       " text; it is skipped; remove it or give it another ending");
    return;
  }

  switch (context.format) {
    case FileFormat::markdown: {
      auto front = records::split_front_matter(text);
      if (front.status == records::FrontMatter::Status::absent) {
        builder.report({}, Severity::note, "no front matter (a first line '---'); read as a plain page, not a record");
        return;
      }
      if (front.status == records::FrontMatter::Status::unclosed) {
        builder.report({1, 1}, Severity::error,
                       "front matter opened by '---' is never closed; add a line '---' after its last field; "
                       "the file is skipped");
        return;
      }
      parse_yaml_text(front.yaml, front.line_offset, builder);
      if (builder.documents_with_content() == 0 && result.diagnostics.empty())
        builder.report({1, 1}, Severity::warning, "front matter is empty; add at least an 'id:' line");
      return;
    }
    case FileFormat::yaml:
    case FileFormat::json:
      parse_yaml_text(text, 0, builder);
      if (builder.documents_with_content() == 0 && result.diagnostics.empty())
        builder.report({}, Severity::warning, "file holds no record (only comments or nulls)");
      return;
    case FileFormat::json_lines: {
      // Checked whole first: a line refused for its bytes would not take the lines before it.
      if (refuse_if_not_utf8(text, 0, builder, builder.checkpoint())) return;
      // One record per line, each its own YAML text so an error stays on its line.
      int line = 0;
      std::size_t start = 0;
      while (start < text.size()) {
        auto end = text.find('\n', start);
        std::string_view one = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (!one.empty() && one.back() == '\r') one.remove_suffix(1);  // CRLF: yaml-cpp reads a lone '\r' as text
        if (!records::is_blank(one)) parse_yaml_text(one, line, builder);
        if (end == std::string_view::npos) break;
        start = end + 1;
        ++line;
      }
      return;
    }
  }
}

}  // namespace

ParseResult parse_records(std::string_view text, const FileContext& context, const Limits& limits) {
  ParseResult result;
  try {
    parse_unchecked(text, context, limits, result);
  } catch (const std::exception& e) {
    // Nothing should reach here; if something does, it is one file's problem, not the run's.
    result.diagnostics.push_back(Diagnostic{context.path, 0, 0, Severity::error,
                                            std::string("internal error while reading the file (") + e.what() +
                                                "); the file is skipped; please report this"});
  } catch (...) {
    result.diagnostics.push_back(
        Diagnostic{context.path, 0, 0, Severity::error,
                   "internal error while reading the file; the file is skipped; please report this"});
  }
  sort_diagnostics(result.diagnostics);
  return result;
}

}  // namespace policygraph
