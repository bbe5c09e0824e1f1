// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "policygraph/loader.hpp"

namespace policygraph {
namespace {

Record make(RecordKind kind, std::string id, std::string language, std::string label, std::string file) {
  Record r;
  r.kind = kind;
  r.id = std::move(id);
  r.language = std::move(language);
  r.label = std::move(label);
  r.file = std::move(file);
  r.where = {2, 5};
  return r;
}

Record policy(std::string id, std::string language, std::string label, std::string file) {
  return make(RecordKind::policy, std::move(id), std::move(language), std::move(label), std::move(file));
}

TEST(MergeTranslations, KeepsPreferredLanguageAndOtherTitles) {
  Diagnostics diagnostics;
  std::vector<Record> input;
  input.push_back(policy("a", "zh", "甲", "policies/zh/a.md"));
  input.push_back(policy("a", "en", "A", "policies/en/a.md"));
  input.push_back(policy("a", "fr", "A-fr", "policies/fr/a.md"));
  input.back().tags = {"only-in-french"};
  auto merged = merge_translations(std::move(input), "en", diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].label, "A");
  EXPECT_EQ(merged[0].file, "policies/en/a.md");
  EXPECT_TRUE(merged[0].tags.empty());  // fields come from one record only
  ASSERT_EQ(merged[0].translations.size(), 2u);
  EXPECT_EQ(merged[0].translations[0].name, "title@fr");
  EXPECT_EQ(merged[0].translations[1].name, "title@zh");
  EXPECT_EQ(merged[0].translations[1].value, "甲");
}

TEST(MergeTranslations, FacilitiesKeepNameAt) {
  Diagnostics diagnostics;
  std::vector<Record> input;
  input.push_back(make(RecordKind::facility, "7", "en", "Plant", "facilities/en/7.md"));
  input.push_back(make(RecordKind::facility, "7", "zh", "工厂", "facilities/zh/7.md"));
  auto merged = merge_translations(std::move(input), "zh", diagnostics);
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].label, "工厂");
  ASSERT_EQ(merged[0].translations.size(), 1u);
  EXPECT_EQ(merged[0].translations[0].name, "name@en");
}

TEST(MergeTranslations, WithoutPreferredLanguageTheUnlabelledThenAlphabeticalWins) {
  Diagnostics diagnostics;
  std::vector<Record> input;
  input.push_back(policy("a", "zh", "甲", "zh/a.md"));
  input.push_back(policy("a", "", "plain", "a.md"));
  input.push_back(policy("b", "zh", "乙", "zh/b.md"));
  input.push_back(policy("b", "de", "B-de", "de/b.md"));
  auto merged = merge_translations(std::move(input), "en", diagnostics);
  ASSERT_EQ(merged.size(), 2u);
  EXPECT_EQ(merged[0].label, "plain");
  EXPECT_EQ(merged[1].label, "B-de");
  EXPECT_EQ(merged[1].translations[0].name, "title@zh");
}

TEST(MergeTranslations, SameKindIdAndLanguageTwiceKeepsFirstFileAndNamesBoth) {
  Diagnostics diagnostics;
  std::vector<Record> input;
  input.push_back(policy("a", "en", "Second", "policies/en/b.md"));
  input.push_back(policy("a", "en", "First", "policies/en/a.md"));
  auto merged = merge_translations(std::move(input), "en", diagnostics);
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].label, "First");
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(format_diagnostic(diagnostics[0]),
            "policies/en/b.md:2:5: error: policy 'a' in language 'en' is defined twice: in policies/en/a.md:2 (kept) "
            "and in policies/en/b.md:2 (skipped); remove one or give it another id");
}

TEST(MergeTranslations, KindsAreSeparateAndOutputIsSorted) {
  Diagnostics diagnostics;
  std::vector<Record> input;
  input.push_back(make(RecordKind::facility, "x", "", "F", "f.md"));
  input.push_back(policy("y", "", "Y", "y.md"));
  input.push_back(policy("x", "", "X", "x.md"));
  auto merged = merge_translations(std::move(input), "en", diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  ASSERT_EQ(merged.size(), 3u);
  EXPECT_EQ(merged[0].label, "X");
  EXPECT_EQ(merged[1].label, "Y");
  EXPECT_EQ(merged[2].label, "F");
}

// A policy with `status` as the loader gives it: the word kept, its state, where it was.
Record with_status(Record record, const std::string& status, int line) {
  record.attributes.add("status", status);
  record.state = legal_state_of(status).value_or(LegalState::unknown);
  record.status_at = {line, 9};
  return record;
}

TEST(MergeTranslations, LanguagesThatDisagreeOnTheStateAreAWarning) {
  Diagnostics diagnostics;
  std::vector<Record> input;
  input.push_back(with_status(policy("a", "en", "A", "policies/en/a.md"), "Active", 4));
  input.push_back(with_status(policy("a", "zh", "甲", "policies/zh/a.md"), "即将实施", 5));
  input.push_back(with_status(policy("b", "en", "B", "policies/en/b.md"), "In force", 4));
  input.push_back(with_status(policy("b", "zh", "乙", "policies/zh/b.md"), "现行", 4));  // same state: no word
  auto merged = merge_translations(std::move(input), "en", diagnostics);
  ASSERT_EQ(merged.size(), 2u);
  EXPECT_EQ(merged[0].state, LegalState::in_force);  // the preferred language's
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(format_diagnostic(diagnostics[0]),
            "policies/zh/a.md:5:9: warning: policy 'a' has status '即将实施' (pending) here but 'Active' (in_force) in "
            "policies/en/a.md:2; the state of the record in language 'en' is used; correct the one that is wrong");
}

TEST(MergeTranslations, OneNotePerUnknownStatusWordForTheCorpus) {
  Diagnostics diagnostics;
  std::vector<Record> input;
  input.push_back(with_status(policy("r2", "en", "R2", "policies/en/r2.md"), "Completed", 6));
  input.push_back(with_status(policy("r1", "en", "R1", "policies/en/r1.md"), "Completed", 6));
  input.push_back(with_status(policy("r1", "zh", "R1", "policies/zh/r1.md"), "Completed", 6));
  input.push_back(with_status(policy("x", "en", "X", "policies/en/x.md"), "Awaiting assent", 7));
  input.push_back(with_status(policy("y", "en", "Y", "policies/en/y.md"), "Repealed", 7));
  merge_translations(std::move(input), "en", diagnostics);
  std::vector<std::string> lines;
  for (const auto& d : diagnostics) lines.push_back(format_diagnostic(d));
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "policies/en/x.md:7:9: note: status 'Awaiting assent' is not a word policygraph knows, so this "
                       "policy's state is unknown (it counts as in force); write one of the words of "
                       "docs/record-format.md (e.g. 'In force', 'Repealed', 'Proposed')",
                       "policies/en/r1.md:6:9: note: status 'Completed' is not a word policygraph knows, so the state "
                       "of the 3 records that use it is unknown (they count as in force); write one of the words of "
                       "docs/record-format.md (e.g. 'In force', 'Repealed', 'Proposed')"}));
}

}  // namespace
}  // namespace policygraph
