// SPDX-License-Identifier: MIT
// While a corpus is parsed, a record in a language other than the preferred one is only
// ever a translation once its preferred-language twin is known: the merge then takes
// nothing from it but its label (and, for the report of duplicates, where it was read).
// Thinning such records as soon as the twin is parsed, instead of at the merge, keeps a
// load's peak memory near one language's records instead of every language's.
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "policygraph/record.hpp"

namespace policygraph::records {

/// Frees every field of `record` that merge_translations does not read from a record that
/// is not the one kept: what is left is its kind, id, label, language, file, place and status.
void keep_only_what_a_translation_gives(Record& record);

/// The preferred-language records parsed so far, by kind and id, shared by the threads of
/// one load.
class PreferredTwins {
 public:
  explicit PreferredTwins(std::string_view preferred_language) : preferred_(preferred_language) {}

  /// Notes `records`' preferred-language ones, then thins those in other languages whose
  /// twin has been noted (by this call or an earlier one). Thread-safe. The ids noted are
  /// views: `records` must stay where it is, unchanged, while this object lives.
  void note_and_thin(std::vector<Record>& records);

 private:
  std::string preferred_;
  std::mutex mutex_;
  std::unordered_set<std::string_view> ids_[2];  // by RecordKind
};

}  // namespace policygraph::records
