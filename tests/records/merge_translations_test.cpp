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

}  // namespace
}  // namespace policygraph
