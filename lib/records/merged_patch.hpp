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

namespace policygraph::records {

/// A record's kind and id: what merge_translations groups by.
using RecordKey = std::pair<RecordKind, std::string>;

/// Replaces in `corpus` (records and diagnostics of a merge_translations of every file,
/// sorted) what came from the files `paths`, given what they hold now (`now`, one
/// ParseResult each). Exact when:
///  - `keys` holds every kind and id the files held before or hold now, and the files are
///    every file with a record of one of them (no record of these keys lies elsewhere);
///  - no record of these files, before or now, has a status word outside the vocabulary
///    (the merge's note on such a word counts its uses over the whole corpus).
/// Then every record and diagnostic of those keys and files comes from the files alone:
/// their own diagnostics, and those of merge_translations over their records.
/// O(records + diagnostics) moves, plus the merge of the files' records.
void patch_merged_corpus(Corpus& corpus, std::span<const std::string_view> paths, std::vector<ParseResult> now,
                         const std::set<RecordKey>& keys, std::string_view preferred_language);

/// Whether a record's status is a word outside the vocabulary (see patch_merged_corpus).
bool has_unknown_status(const Record& record);

}  // namespace policygraph::records
