// SPDX-License-Identifier: MIT
// One record per kind and id (MODEL.md sections 5.1 and 5.3). Records are sorted by kind,
// id, language and file, so within a group the duplicates of one language sit side by side
// and the first by byte order of the path is the one kept, whatever order they came in.
//
// The merge is also where every language of a policy is seen together, so it checks the
// status words (MODEL.md 7.2): one note per word outside the vocabulary for the whole
// corpus, and a warning where the languages of one policy mean different states.
//
// Of a record that is not the one kept, the merge reads only its kind, id, label, language,
// file, place and status: the loader frees the rest early (keep_only_what_a_translation_gives in
// translation_twins.hpp), and must be told should the merge ever read more.
#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <span>
#include <tuple>

#include "policygraph/loader.hpp"
#include "status_words.hpp"

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

// The status checks of MODEL.md 7.2 that need every language of a policy: a warning where
// its languages mean different states; the uses of words outside the vocabulary, whose note
// counts them over the whole corpus (status_word_notes).
class StatusWords {
 public:
  explicit StatusWords(records::StatusWordUses& uses) : uses_(uses) {}

  void check_group(const Record& primary, std::span<Record* const> records, std::span<const std::uint32_t> kept,
                   Diagnostics& diagnostics) {
    if (primary.kind != RecordKind::policy) return;
    const auto primary_status = primary.attribute("status");
    for (std::uint32_t i : kept) {
      const Record& record = *records[i];
      const auto status = record.attribute("status");
      if (!status) continue;
      if (!legal_state_of(*status)) uses_.push_back({std::string(*status), record.file, record.status_at, record.id});
      if (&record == &primary || !primary_status) continue;
      if (record.state == LegalState::unknown || primary.state == LegalState::unknown || record.state == primary.state)
        continue;
      diagnostics.push_back(Diagnostic{
          record.file, record.status_at.line, record.status_at.column, Severity::warning,
          "policy '" + record.id + "' has status '" + std::string(*status) + "' (" +
              std::string(to_string(record.state)) + ") here but '" + std::string(*primary_status) + "' (" +
              std::string(to_string(primary.state)) + ") in " + place(primary) + "; the state of the record " +
              language_phrase(primary.language) + " is used; correct the one that is wrong"});
    }
  }

 private:
  records::StatusWordUses& uses_;
};

}  // namespace

namespace records {

Diagnostics status_word_notes(std::span<const StatusWordUse> uses) {
  struct Words {
    const StatusWordUse* first = nullptr;
    std::size_t count = 0;
  };
  std::map<std::string_view, Words> words;
  for (const StatusWordUse& use : uses) {
    Words& word = words[use.word];
    ++word.count;
    if (word.first == nullptr || std::tie(use.file, use.where.line, use.where.column) <
                                     std::tie(word.first->file, word.first->where.line, word.first->where.column))
      word.first = &use;
  }
  Diagnostics notes;
  for (const auto& [word, found] : words)
    notes.push_back(Diagnostic{
        found.first->file, found.first->where.line, found.first->where.column, Severity::note,
        "status '" + std::string(word) + "' is not a word policygraph knows, so " +
            (found.count == 1
                 ? std::string("this policy's state is unknown (it counts")
                 : "the state of the " + std::to_string(found.count) + " records that use it is unknown (they count") +
            " as in force); write one of the words of docs/record-format.md (e.g. 'In force', 'Repealed', "
            "'Proposed')"});
  return notes;
}

std::vector<Record> merge_translations_noting_words(std::span<Record* const> records,
                                                    std::string_view preferred_language, Diagnostics& diagnostics,
                                                    StatusWordUses& uses) {
  // Sorting indices rather than records: a record is 464 bytes, and n log n moves of them
  // cost more than the merge itself.
  std::vector<std::uint32_t> order(records.size());
  std::iota(order.begin(), order.end(), std::uint32_t{0});
  std::sort(order.begin(), order.end(), [&](std::uint32_t ia, std::uint32_t ib) {
    const Record& a = *records[ia];
    const Record& b = *records[ib];
    return std::tie(a.kind, a.id, a.language, a.file, a.where.line, a.where.column) <
           std::tie(b.kind, b.id, b.language, b.file, b.where.line, b.where.column);
  });
  auto same_group = [&](std::uint32_t a, std::uint32_t b) {
    return records[a]->kind == records[b]->kind && records[a]->id == records[b]->id;
  };
  std::size_t groups = order.empty() ? 0 : 1;
  for (std::size_t i = 1; i < order.size(); ++i) groups += same_group(order[i - 1], order[i]) ? 0 : 1;

  std::vector<Record> merged;
  merged.reserve(groups);
  std::vector<std::uint32_t> kept;  // one record per language of the current group
  StatusWords status_words(uses);
  for (std::size_t begin = 0; begin < order.size();) {
    std::size_t end = begin + 1;
    while (end < order.size() && same_group(order[begin], order[end])) ++end;

    kept.clear();
    for (std::size_t position = begin; position < end; ++position) {
      const std::uint32_t i = order[position];
      if (!kept.empty() && records[kept.back()]->language == records[i]->language) {
        const Record& first = *records[kept.back()];
        const Record& again = *records[i];
        diagnostics.push_back(Diagnostic{again.file, again.where.line, again.where.column, Severity::error,
                                         std::string(to_string(again.kind)) + " '" + again.id + "' " +
                                             language_phrase(again.language) + " is defined twice: in " + place(first) +
                                             " (kept) and in " + place(again) +
                                             " (skipped); remove one or give it another id"});
        continue;
      }
      kept.push_back(i);
    }

    // The preferred language; else the record without a language, else the alphabetically
    // first language: both are kept.front(), since "" sorts first.
    std::uint32_t primary_index = kept.front();
    for (std::uint32_t i : kept)
      if (records[i]->language == preferred_language) primary_index = i;
    status_words.check_group(*records[primary_index], records, kept, diagnostics);
    Record& primary = merged.emplace_back(std::move(*records[primary_index]));
    const std::string_view label_field = primary.kind == RecordKind::policy ? "title@" : "name@";
    for (std::uint32_t i : kept) {
      const Record& other = *records[i];
      // A record without a language cannot be named in `title@<lang>`; a label that is
      // the id stands for a missing title, which is no translation.
      if (i == primary_index || other.language.empty() || other.label == other.id) continue;
      primary.translations.add(std::string(label_field) + other.language, other.label);
    }
    // The other languages' records are done with: freeing them group by group keeps the
    // load's peak memory near the merged corpus instead of the merged plus every language.
    // (Moved out rather than assigned an empty Record, which would keep the strings' buffers.)
    for (std::size_t position = begin; position < end; ++position) Record gone = std::move(*records[order[position]]);
    begin = end;
  }
  return merged;
}

}  // namespace records

std::vector<Record> merge_translations(std::span<Record* const> records, std::string_view preferred_language,
                                       Diagnostics& diagnostics) {
  records::StatusWordUses uses;
  std::vector<Record> merged = records::merge_translations_noting_words(records, preferred_language, diagnostics, uses);
  records::append_status_word_notes(uses, diagnostics);
  return merged;
}

std::vector<Record> merge_translations(std::vector<Record> records, std::string_view preferred_language,
                                       Diagnostics& diagnostics) {
  std::vector<Record*> pointers(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) pointers[i] = &records[i];
  return merge_translations(pointers, preferred_language, diagnostics);
}

}  // namespace policygraph
