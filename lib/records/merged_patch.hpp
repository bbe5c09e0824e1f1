// SPDX-License-Identifier: MIT
// A merged corpus brought up to date after a few files changed, without merging every
// file's records again: only the records of the kinds and ids those files touch.
#pragma once

#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "policygraph/loader.hpp"
#include "status_words.hpp"

namespace policygraph::records {

/// A record's kind and id: what merge_translations groups by.
using RecordKey = std::pair<RecordKind, std::string>;

/// Replaces in `corpus` (records and diagnostics of a merge_translations of every file,
/// sorted) what came from the files `paths`, given what they hold now (`now`, one
/// ParseResult each), and brings `status_words` (the uses of status words outside the
/// vocabulary that merge found) up to date, with their notes. Exact when `keys` holds every
/// kind and id the files held before or hold now, and the files are every file with a record
/// of one of them (no record of these keys lies elsewhere): then every record, diagnostic
/// and use of those keys and files comes from the files alone (their own diagnostics, those
/// of merge_translations over their records), and the notes on the words count the uses of
/// the other records as they were. O(records + diagnostics) moves, plus the merge of the
/// files' records.
void patch_merged_corpus(Corpus& corpus, std::span<const std::string_view> paths, std::vector<ParseResult> now,
                         const std::set<RecordKey>& keys, std::string_view preferred_language,
                         StatusWordUses& status_words);

}  // namespace policygraph::records
