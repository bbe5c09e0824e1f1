// SPDX-License-Identifier: MIT
// What a file's path says about its records (MODEL.md sections 1 and 5.2): the format from
// the ending, the kind from a `facilities` folder, the language from the innermost folder
// named like a language tag.
#include <algorithm>
#include <array>
#include <string>

#include "policygraph/loader.hpp"

namespace policygraph {
namespace {

// ISO 639-1, every two-letter code (sorted), so that folders such as `js` or `db` are not
// mistaken for languages.
constexpr std::array<std::string_view, 184> iso_639_1 = {
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh", "bi", "bm", "bn",
    "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz", "ee", "el", "en",
    "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he",
    "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv",
    "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li",
    "ln", "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd", "ne",
    "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm",
    "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st",
    "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk",
    "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu"};

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool all_of(std::string_view text, bool (*predicate)(char)) { return std::all_of(text.begin(), text.end(), predicate); }

bool is_script_subtag(std::string_view s) { return s.size() == 4 && all_of(s, is_ascii_letter); }
bool is_region_subtag(std::string_view s) {
  return (s.size() == 2 && all_of(s, is_ascii_letter)) || (s.size() == 3 && all_of(s, is_ascii_digit));
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
  return out;
}

}  // namespace

bool is_language_tag(std::string_view name) {
  auto dash = name.find('-');
  std::string_view language = name.substr(0, dash);
  // Folder names are case-sensitive elsewhere, but `EN` is still plainly English.
  if (language.size() != 2 || !std::binary_search(iso_639_1.begin(), iso_639_1.end(), lower(language))) return false;
  if (dash == std::string_view::npos) return true;
  std::string_view rest = name.substr(dash + 1);
  auto next = rest.find('-');
  std::string_view first = rest.substr(0, next);
  if (next == std::string_view::npos) return is_script_subtag(first) || is_region_subtag(first);
  // Language-Script-REGION is the only three-part form we accept.
  return is_script_subtag(first) && is_region_subtag(rest.substr(next + 1));
}

std::optional<FileFormat> format_for_path(std::string_view path) {
  auto slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  auto dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  std::string ending = lower(name.substr(dot + 1));
  if (ending == "md" || ending == "markdown") return FileFormat::markdown;
  if (ending == "yaml" || ending == "yml") return FileFormat::yaml;
  if (ending == "json") return FileFormat::json;
  if (ending == "jsonl" || ending == "ndjson") return FileFormat::json_lines;
  return std::nullopt;
}

std::optional<FileContext> context_for_path(std::string_view relative_path) {
  auto format = format_for_path(relative_path);
  if (!format) return std::nullopt;
  FileContext context;
  context.path = std::string(relative_path);
  context.format = *format;
  // Every component but the last is a folder; a hidden component anywhere hides the file.
  std::size_t start = 0;
  while (start <= relative_path.size()) {
    auto end = relative_path.find('/', start);
    std::string_view part =
        relative_path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!part.empty() && part.front() == '.') return std::nullopt;
    if (end == std::string_view::npos) break;
    if (part == "facilities" || part == "facility") context.default_kind = RecordKind::facility;
    if (is_language_tag(part)) context.default_language = std::string(part);  // innermost wins
    start = end + 1;
  }
  return context;
}

}  // namespace policygraph
