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
#include <iterator>
#include <map>
#include <span>
#include <tuple>

#include "policygraph/loader.hpp"
#include "status_words.hpp"
#include "support/byte_prefix.hpp"
#include "support/for_each_index.hpp"
#include "support/prefault.hpp"
#include "support/sort_on_threads.hpp"

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

namespace {

// A record's place in the merge's order: kind, id, language, file, place in the file. The
// id's first bytes are copied into the key, so that the sort compares numbers side by side
// instead of following two pointers into records scattered over every file's vector: at
// 100,000 policies (1.2 million records) the sort by pointers took 0.53 s on one core.
struct MergeKey {
  support::BytePrefix id_prefix;
  std::uint32_t index = 0;
  RecordKind kind = RecordKind::policy;
};

// The keys of `records` in the merge's order, made and sorted on `threads` threads. The
// index comes last, so that the order is one whatever the threads: two records tie on all
// the rest only where one file is read twice.
std::vector<MergeKey> merge_order(std::span<Record* const> records, unsigned threads) {
  std::vector<MergeKey> keys(records.size());
  support::for_each_range(
      support::IndexRanges::one_per_thread(records.size(), 16384, threads), threads,
      [&](std::size_t, std::size_t first, std::size_t last) {
        for (std::size_t i = first; i < last; ++i)
          keys[i] = {support::BytePrefix::of(records[i]->id), static_cast<std::uint32_t>(i), records[i]->kind};
      });
  support::sort_on_threads(
      keys,
      [&](const MergeKey& a, const MergeKey& b) {
        if (a.kind != b.kind) return a.kind < b.kind;
        if (a.id_prefix != b.id_prefix) return a.id_prefix < b.id_prefix;
        const Record& x = *records[a.index];
        const Record& y = *records[b.index];
        return std::tie(x.id, x.language, x.file, x.where.line, x.where.column, a.index) <
               std::tie(y.id, y.language, y.file, y.where.line, y.where.column, b.index);
      },
      threads);
  return keys;
}

// Where each group of one kind and id starts among `keys`, then keys.size().
std::vector<std::uint32_t> group_starts(std::span<Record* const> records, std::span<const MergeKey> keys) {
  std::vector<std::uint32_t> starts;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const MergeKey& key = keys[i];
    const bool same = i > 0 && keys[i - 1].kind == key.kind && keys[i - 1].id_prefix == key.id_prefix &&
                      records[keys[i - 1].index]->id == records[key.index]->id;
    if (!same) starts.push_back(static_cast<std::uint32_t>(i));
  }
  starts.push_back(static_cast<std::uint32_t>(keys.size()));
  return starts;
}

// The records of one group (keys sorted by language, then file) become `merged`: the
// preferred language's, with the others' labels as its translations. What the group has to
// say goes to `diagnostics` and `uses`. `kept` is room the caller lends for one record per
// language, so that a million groups make no vector each.
void merge_group(std::span<Record* const> records, std::span<const MergeKey> group, std::string_view preferred_language,
                 Record& merged, Diagnostics& diagnostics, StatusWordUses& uses, std::vector<std::uint32_t>& kept) {
  kept.clear();
  for (const MergeKey& key : group) {
    const std::uint32_t i = key.index;
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
  StatusWords(uses).check_group(*records[primary_index], records, kept, diagnostics);
  merged = std::move(*records[primary_index]);
  const std::string_view label_field = merged.kind == RecordKind::policy ? "title@" : "name@";
  for (std::uint32_t i : kept) {
    const Record& other = *records[i];
    // A record without a language cannot be named in `title@<lang>`; a label that is
    // the id stands for a missing title, which is no translation.
    if (i == primary_index || other.language.empty() || other.label == other.id) continue;
    merged.translations.add(std::string(label_field) + other.language, other.label);
  }
  // The other languages' records are done with: freeing them group by group keeps the
  // load's peak memory near the merged corpus instead of the merged plus every language.
  // (Moved out rather than assigned an empty Record, which would keep the strings' buffers.)
  for (const MergeKey& key : group) Record gone = std::move(*records[key.index]);
}

}  // namespace

std::vector<Record> merge_translations_noting_words(std::span<Record* const> records,
                                                    std::string_view preferred_language, Diagnostics& diagnostics,
                                                    StatusWordUses& uses, unsigned threads) {
  const std::vector<MergeKey> keys = merge_order(records, threads);
  const std::vector<std::uint32_t> starts = group_starts(records, keys);
  const std::size_t groups = starts.size() - 1;

  // Groups are merged on every core, a stretch of groups at a time, each stretch's
  // diagnostics and status words apart and joined after in the stretches' order: the
  // same as one thread would give. The merged records' memory is mapped on every core
  // first (1.2 million records at 100,000 policies: 340 MB).
  std::vector<Record> merged;
  support::resize_prefaulted(merged, groups, threads);
  const support::IndexRanges stretches{groups, 4096};
  std::vector<Diagnostics> stretch_diagnostics(stretches.number());
  std::vector<StatusWordUses> stretch_uses(stretches.number());
  support::for_each_range(stretches, threads, [&](std::size_t stretch, std::size_t first, std::size_t last) {
    std::vector<std::uint32_t> kept;
    for (std::size_t g = first; g < last; ++g)
      merge_group(records, std::span(keys).subspan(starts[g], starts[g + 1] - starts[g]), preferred_language, merged[g],
                  stretch_diagnostics[stretch], stretch_uses[stretch], kept);
  });
  for (std::size_t stretch = 0; stretch < stretches.number(); ++stretch) {
    std::move(stretch_diagnostics[stretch].begin(), stretch_diagnostics[stretch].end(),
              std::back_inserter(diagnostics));
    std::move(stretch_uses[stretch].begin(), stretch_uses[stretch].end(), std::back_inserter(uses));
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
