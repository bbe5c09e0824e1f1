// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include <set>
#include <tuple>

#include "policygraph/loader.hpp"
#include "records/record_dump.hpp"
#include "records/status_words.hpp"

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

// Enough records for many stretches of groups on each thread: ids that share their first
// 16 bytes and more, three languages and none, a language defined twice, status words
// outside the vocabulary and languages that disagree, all in no order.
std::vector<Record> many_records() {
  std::vector<Record> records;
  const char* languages[] = {"en", "zh", "", "fr"};
  const char* statuses[] = {"In force", "Completed", "Repealed", "现行"};
  for (int i = 0; i < 12000; ++i) {
    const std::string id = (i % 3 == 0 ? "cn-ccer-measures-2023-" : "p") + std::to_string(i * 7919 % 12000);
    const int copies = 1 + i % 4;
    for (int c = 0; c < copies; ++c) {
      const std::string language = languages[(i + c) % 4];
      Record r = policy(id, language, "T" + std::to_string(c), "policies/" + language + "/" + std::to_string(c) + id);
      if (i % 5 == 0) r = with_status(std::move(r), statuses[(i + c) % 4], 3 + c);
      records.push_back(std::move(r));
    }
    if (i % 97 == 0) records.push_back(policy(id, "en", "again", "policies/en/again-" + id));  // twice in 'en'
    if (i % 2 == 0) records.push_back(make(RecordKind::facility, std::to_string(i), "zh", "F", "f/" + id));
  }
  std::shuffle(records.begin(), records.end(), std::mt19937(11));
  return records;
}

struct MergeResult {
  std::vector<std::string> records;
  std::vector<std::string> diagnostics;
  records::StatusWordUses uses;
};

MergeResult merged_on(unsigned threads) {
  std::vector<Record> input = many_records();
  std::vector<Record*> pointers;
  for (Record& record : input) pointers.push_back(&record);
  Diagnostics diagnostics;
  MergeResult result;
  std::vector<Record> merged =
      records::merge_translations_noting_words(pointers, "en", diagnostics, result.uses, threads);
  result.records = dump(merged, {});
  for (const Diagnostic& d : diagnostics) result.diagnostics.push_back(format_diagnostic(d));
  return result;
}

TEST(MergeTranslations, OnEveryCoreMergesAsOnOne) {
  const MergeResult one = merged_on(1);
  const MergeResult two = merged_on(2);
  EXPECT_EQ(two.records, one.records);
  EXPECT_EQ(two.diagnostics, one.diagnostics);
  EXPECT_EQ(two.uses, one.uses);

  // And what one thread gives is the merge: one record per kind and id, in their order,
  // each twice-defined language said once, each use of a word outside the vocabulary noted.
  std::set<std::tuple<RecordKind, std::string>> keys;
  std::set<std::tuple<std::string, std::string>> languages;
  std::size_t twice = 0;
  std::size_t unknown_words = 0;
  for (const Record& record : many_records()) {
    keys.emplace(record.kind, record.id);
    if (!languages.emplace(record.id + (record.kind == RecordKind::policy ? "" : "#f"), record.language).second)
      ++twice;
    if (record.attribute("status") && !legal_state_of(*record.attribute("status"))) ++unknown_words;
  }
  EXPECT_EQ(one.records.size(), keys.size());
  std::size_t twice_said = 0;
  for (const std::string& line : one.diagnostics) twice_said += line.find("is defined twice") != std::string::npos;
  EXPECT_EQ(twice_said, twice);
  EXPECT_GT(twice, 50U);
  EXPECT_EQ(one.uses.size(), unknown_words);
  EXPECT_GT(unknown_words, 1000U);
}

}  // namespace
}  // namespace policygraph
