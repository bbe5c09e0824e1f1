// SPDX-License-Identifier: MIT
#include "records/translation_twins.hpp"

#include <gtest/gtest.h>

#include "policygraph/loader.hpp"
#include "records/record_dump.hpp"
#include "records/temp_corpus.hpp"

namespace policygraph {
namespace {

// A record with something in every field, so that thinning it shows.
Record full(RecordKind kind, std::string id, std::string language, std::string label) {
  Record r;
  r.kind = kind;
  r.id = std::move(id);
  r.label = std::move(label);
  r.file = (kind == RecordKind::policy ? "policies/" : "facilities/") + language + "/" + r.id + ".md";
  r.language = std::move(language);
  r.where = {2, 5};
  r.date = Date{2001, 2, 3};
  r.tags = {"tag-" + r.language};
  r.clusters = {"cluster-" + r.language};
  relate(r, Relation::supersedes, {{"old-" + r.language, {4, 3}}});
  relate(r, Relation::supersedes, {{"new", {5, 3}}}, true);
  relate(r, Relation::consolidates, {{"part", {6, 3}}});
  r.related_facilities = {{"plant", {7, 3}}};
  r.related_policies = {{"act", {8, 3}}};
  r.milestones = {{"2002", "in force"}};
  r.attributes = {{"country", "C-" + r.language}};
  return r;
}

std::vector<Record> group() {
  std::vector<Record> records;
  records.push_back(full(RecordKind::policy, "a", "en", "Act A"));
  records.push_back(full(RecordKind::policy, "a", "zh", "甲法"));
  records.push_back(full(RecordKind::policy, "a", "zh", "甲法 again"));  // a duplicate: an error naming both
  records.push_back(full(RecordKind::policy, "a", "fr", "Loi A"));
  records.push_back(full(RecordKind::facility, "a", "zh", "工厂"));  // same id, other kind: no twin
  records.push_back(full(RecordKind::policy, "b", "zh", "乙法"));    // no preferred twin: kept whole
  records.back().file = "policies/zh/b.md";
  records[2].file = "policies/zh/a-copy.md";
  return records;
}

TEST(TranslationTwins, ThinnedRecordsLeaveTheMergeAsItWas) {
  Diagnostics whole_diagnostics;
  std::vector<Record> whole = merge_translations(group(), "en", whole_diagnostics);

  std::vector<Record> thinned_input = group();
  for (std::size_t i : {1u, 2u, 3u}) records::keep_only_what_a_translation_gives(thinned_input[i]);
  EXPECT_TRUE(thinned_input[1].tags.empty());
  EXPECT_TRUE(thinned_input[1].attributes.empty());
  EXPECT_EQ(thinned_input[1].label, "甲法");
  Diagnostics thinned_diagnostics;
  std::vector<Record> thinned = merge_translations(std::move(thinned_input), "en", thinned_diagnostics);

  ASSERT_EQ(whole_diagnostics.size(), 1u);
  EXPECT_EQ(dump(thinned, thinned_diagnostics), dump(whole, whole_diagnostics));
}

TEST(TranslationTwins, OnlyRecordsWhosePreferredTwinIsKnownAreThinned) {
  std::vector<Record> first = group();
  std::vector<Record> chinese_first(first.begin() + 1, first.end());
  first.erase(first.begin() + 1, first.end());

  records::PreferredTwins twins("en");
  twins.note_and_thin(chinese_first);  // no English record noted yet: nothing to thin
  ASSERT_EQ(chinese_first.size(), 5u);
  for (const Record& r : chinese_first) EXPECT_FALSE(r.tags.empty()) << dump(r);
  twins.note_and_thin(first);
  EXPECT_FALSE(first[0].tags.empty());  // the preferred language's own record stays whole

  std::vector<Record> later = group();
  twins.note_and_thin(later);
  EXPECT_FALSE(later[0].tags.empty());
  EXPECT_TRUE(later[1].tags.empty());
  EXPECT_TRUE(later[2].tags.empty());
  EXPECT_TRUE(later[3].tags.empty());
  EXPECT_FALSE(later[4].tags.empty());  // a facility: the English record is a policy
  EXPECT_FALSE(later[5].tags.empty());  // no English twin
}

// A corpus where each language's record has fields of its own.
void write_two_language_corpus(const TempCorpus& corpus) {
  for (int i = 0; i < 20; ++i) {
    const std::string id = "p" + std::to_string(i);
    corpus.write("policies/en/" + id + ".md",
                 "---\nid: " + id + "\ntitle: Act " + id + "\ntags: [en-tag]\ncountry: EN\n---\n");
    if (i % 3 != 0)
      corpus.write("policies/zh/" + id + ".md",
                   "---\nid: " + id + "\ntitle: 法 " + id + "\ntags: [zh-tag]\ncountry: ZH\n---\n");
  }
  corpus.write("policies/zh/only-zh.md", "---\nid: only-zh\ntitle: 独有\ntags: [zh-tag]\n---\n");
}

TEST(TranslationTwins, LoadsInEitherLanguageKeepThatLanguagesFields) {
  TempCorpus corpus;
  write_two_language_corpus(corpus);
  for (const char* language : {"en", "zh"}) {
    for (unsigned threads : {1u, 2u}) {
      LoadOptions options;
      options.use_cache = false;
      options.preferred_language = language;
      options.threads = threads;
      Corpus loaded = load_corpus(corpus.root(), options);
      ASSERT_EQ(loaded.records.size(), 21u);
      for (const Record& r : loaded.records) {
        const bool has_chinese = r.id == "only-zh" || (r.id != "p0" && (std::stoi(r.id.substr(1)) % 3 != 0));
        const bool has_english = r.id != "only-zh";
        const std::string expected = (std::string(language) == "zh" && has_chinese) || !has_english ? "zh" : "en";
        EXPECT_EQ(r.language, expected) << r.id;
        EXPECT_EQ(r.tags, std::vector<std::string>{expected + "-tag"}) << r.id;
        EXPECT_EQ(r.translations.size(), has_chinese && has_english ? 1u : 0u) << r.id;
      }
    }
  }
}

}  // namespace
}  // namespace policygraph
