// SPDX-License-Identifier: MIT
#include "translation_twins.hpp"

namespace policygraph::records {

void keep_only_what_a_translation_gives(Record& record) {
  // Moved out first, so that `whole` takes every buffer and frees it on leaving: assigning
  // an empty Record instead would keep the capacity of the strings (a std::string assigned
  // a short one keeps its own buffer), the attributes' text among them.
  Record whole = std::move(record);
  record = Record{};
  record.kind = whole.kind;
  record.id = std::move(whole.id);
  record.label = std::move(whole.label);
  record.language = std::move(whole.language);
  record.file = std::move(whole.file);
  record.where = whole.where;
  // The status too: the merge checks that the languages of one policy agree on its state.
  record.state = whole.state;
  record.status_at = whole.status_at;
  if (auto status = whole.attributes.find("status")) record.attributes.add("status", *status);
}

void PreferredTwins::note_and_thin(std::vector<Record>& records) {
  const std::lock_guard lock(mutex_);
  for (const Record& record : records)
    if (record.language == preferred_) ids_[static_cast<int>(record.kind)].insert(record.id);
  for (Record& record : records)
    if (record.language != preferred_ && ids_[static_cast<int>(record.kind)].contains(record.id))
      keep_only_what_a_translation_gives(record);
}

}  // namespace policygraph::records
