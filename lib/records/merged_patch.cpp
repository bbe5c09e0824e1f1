// SPDX-License-Identifier: MIT
#include "merged_patch.hpp"

#include <algorithm>
#include <iterator>
#include <tuple>

namespace policygraph::records {

void patch_merged_corpus(Corpus& corpus, std::span<const std::string_view> paths, std::vector<ParseResult> now,
                         const std::set<RecordKey>& keys, std::string_view preferred_language,
                         StatusWordUses& status_words) {
  // The old notes on the words go (the same function made them from the same uses), and the
  // uses of these keys: the merge below finds theirs again.
  const Diagnostics old_notes = status_word_notes(status_words);
  std::erase_if(corpus.diagnostics, [&](const Diagnostic& d) {
    return d.severity == Severity::note && std::find(old_notes.begin(), old_notes.end(), d) != old_notes.end();
  });
  std::erase_if(status_words,
                [&](const StatusWordUse& use) { return keys.contains(RecordKey(RecordKind::policy, use.policy)); });

  Diagnostics diagnostics;
  std::vector<Record*> records;
  for (ParseResult& file : now) {
    for (Record& record : file.records) records.push_back(&record);
    std::move(file.diagnostics.begin(), file.diagnostics.end(), std::back_inserter(diagnostics));
  }
  std::vector<Record> merged = merge_translations_noting_words(records, preferred_language, diagnostics, status_words);

  // Both in order of kind then id: the records of other keys kept, these merged in.
  std::vector<Record> patched;
  patched.reserve(corpus.records.size() + merged.size());
  auto before = [](const Record& a, const Record& b) { return std::tie(a.kind, a.id) < std::tie(b.kind, b.id); };
  auto next = merged.begin();
  for (Record& record : corpus.records) {
    while (next != merged.end() && before(*next, record)) patched.push_back(std::move(*next++));
    if (!keys.contains(RecordKey(record.kind, record.id))) patched.push_back(std::move(record));
  }
  std::move(next, merged.end(), std::back_inserter(patched));
  corpus.records = std::move(patched);

  const std::set<std::string_view> files(paths.begin(), paths.end());
  std::erase_if(corpus.diagnostics, [&](const Diagnostic& d) { return files.contains(d.file); });
  std::move(diagnostics.begin(), diagnostics.end(), std::back_inserter(corpus.diagnostics));
  append_status_word_notes(status_words, corpus.diagnostics);
  sort_diagnostics(corpus.diagnostics);
}

}  // namespace policygraph::records
