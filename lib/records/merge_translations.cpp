// SPDX-License-Identifier: MIT
// One record per kind and id (MODEL.md sections 5.1 and 5.3). Records are sorted by kind,
// id, language and file, so within a group the duplicates of one language sit side by side
// and the first by byte order of the path is the one kept, whatever order they came in.
#include <algorithm>
#include <tuple>

#include "policygraph/loader.hpp"

namespace policygraph {
namespace {

std::string place(const Record& record) {
  std::string text = record.file;
  if (record.where.line > 0) text += ':' + std::to_string(record.where.line);
  return text;
}

std::string language_phrase(const std::string& language) {
  return language.empty() ? std::string("without a language") : "in language '" + language + "'";
}

}  // namespace

std::vector<Record> merge_translations(std::vector<Record> records, std::string_view preferred_language,
                                       Diagnostics& diagnostics) {
  auto order = [](const Record& a, const Record& b) {
    return std::tie(a.kind, a.id, a.language, a.file, a.where.line, a.where.column) <
           std::tie(b.kind, b.id, b.language, b.file, b.where.line, b.where.column);
  };
  std::sort(records.begin(), records.end(), order);

  std::vector<Record> merged;
  merged.reserve(records.size());
  std::vector<std::size_t> kept;  // one index per language of the current group
  for (std::size_t begin = 0; begin < records.size();) {
    std::size_t end = begin + 1;
    while (end < records.size() && records[end].kind == records[begin].kind && records[end].id == records[begin].id)
      ++end;

    kept.clear();
    for (std::size_t i = begin; i < end; ++i) {
      if (!kept.empty() && records[kept.back()].language == records[i].language) {
        const Record& first = records[kept.back()];
        const Record& again = records[i];
        diagnostics.push_back(Diagnostic{
            again.file, again.where.line, again.where.column, Severity::error,
            std::string(to_string(again.kind)) + " '" + again.id + "' " + language_phrase(again.language) +
                " is defined twice: in " + place(first) + " (kept) and in " + place(again) +
                " (skipped); remove one or give it another id"});
        continue;
      }
      kept.push_back(i);
    }

    // The preferred language; else the record without a language, else the alphabetically
    // first language: both are kept.front(), since "" sorts first.
    std::size_t primary_index = kept.front();
    for (std::size_t i : kept)
      if (records[i].language == preferred_language) primary_index = i;
    Record primary = std::move(records[primary_index]);
    const std::string_view label_field = primary.kind == RecordKind::policy ? "title@" : "name@";
    for (std::size_t i : kept) {
      Record& other = records[i];
      // A record without a language cannot be named in `title@<lang>`; a label that is
      // the id stands for a missing title, which is no translation.
      if (i == primary_index || other.language.empty() || other.label == other.id) continue;
      primary.translations.push_back({std::string(label_field) + other.language, std::move(other.label)});
    }
    std::sort(primary.translations.begin(), primary.translations.end(),
              [](const Attribute& a, const Attribute& b) { return a.name < b.name; });
    merged.push_back(std::move(primary));
    begin = end;
  }
  return merged;
}

}  // namespace policygraph
