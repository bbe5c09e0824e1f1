// SPDX-License-Identifier: MIT
// The status words outside the vocabulary (MODEL.md 7.2), counted over the whole corpus: the
// merge finds where each is used, and one note per word says how many records use it and
// where first. The uses are kept with the cache's merged corpus, so that a load that merges
// again only the records of a few edited files (merged_patch.hpp) still counts every use
// without reading the other files.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "policygraph/loader.hpp"

namespace policygraph::records {

/// One record (of the languages the merge kept) whose status is a word outside the vocabulary.
struct StatusWordUse {
  std::string word;
  std::string file;
  Location where;      ///< of the `status` field
  std::string policy;  ///< the id of the policy the record is of
  bool operator==(const StatusWordUse&) const = default;
};
using StatusWordUses = std::vector<StatusWordUse>;

/// One note per distinct word of `uses`, at its first use in byte order of file, then line
/// and column, with the number of uses.
Diagnostics status_word_notes(std::span<const StatusWordUse> uses);

/// status_word_notes(uses), appended to `diagnostics`.
inline void append_status_word_notes(std::span<const StatusWordUse> uses, Diagnostics& diagnostics) {
  for (Diagnostic& note : status_word_notes(uses)) diagnostics.push_back(std::move(note));
}

/// merge_translations, except that the uses of status words outside the vocabulary are
/// appended to `uses` instead of their notes to `diagnostics`; on `threads` threads, with
/// the same result as on one.
std::vector<Record> merge_translations_noting_words(std::span<Record* const> records,
                                                    std::string_view preferred_language, Diagnostics& diagnostics,
                                                    StatusWordUses& uses, unsigned threads = 1);

}  // namespace policygraph::records
