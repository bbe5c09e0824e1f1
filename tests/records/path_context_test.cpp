// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "policygraph/loader.hpp"

namespace policygraph {
namespace {

TEST(PathContext, FormatFromEnding) {
  EXPECT_EQ(format_for_path("a/b.md"), FileFormat::markdown);
  EXPECT_EQ(format_for_path("b.markdown"), FileFormat::markdown);
  EXPECT_EQ(format_for_path("b.yaml"), FileFormat::yaml);
  EXPECT_EQ(format_for_path("b.yml"), FileFormat::yaml);
  EXPECT_EQ(format_for_path("b.json"), FileFormat::json);
  EXPECT_EQ(format_for_path("b.jsonl"), FileFormat::json_lines);
  EXPECT_EQ(format_for_path("b.ndjson"), FileFormat::json_lines);
  EXPECT_EQ(format_for_path("B.MD"), FileFormat::markdown);
  EXPECT_EQ(format_for_path("b.txt"), std::nullopt);
  EXPECT_EQ(format_for_path("md"), std::nullopt);
  EXPECT_EQ(format_for_path("x.md/README"), std::nullopt);
}

TEST(PathContext, LanguageTags) {
  for (const char* tag : {"en", "zh", "fr", "pt-BR", "zh-Hans", "zh-Hant-TW", "es-419", "EN"})
    EXPECT_TRUE(is_language_tag(tag)) << tag;
  for (const char* name : {"src", "doc", "faq", "js", "db", "english", "e", "", "en-", "en-B", "pt-BRA", "zh-Hans-",
                           "en-12", "policies", "zh-Hans-TW-x"})
    EXPECT_FALSE(is_language_tag(name)) << name;
}

TEST(PathContext, KindAndLanguageFromFolders) {
  auto policy = context_for_path("policies/en/x.md");
  ASSERT_TRUE(policy);
  EXPECT_EQ(policy->path, "policies/en/x.md");
  EXPECT_EQ(policy->format, FileFormat::markdown);
  EXPECT_EQ(policy->default_kind, RecordKind::policy);
  EXPECT_EQ(policy->default_language, "en");

  auto facility = context_for_path("data/facilities/zh-Hans/y.yaml");
  ASSERT_TRUE(facility);
  EXPECT_EQ(facility->default_kind, RecordKind::facility);
  EXPECT_EQ(facility->default_language, "zh-Hans");

  EXPECT_EQ(context_for_path("facility/z.json")->default_kind, RecordKind::facility);
  EXPECT_EQ(context_for_path("src/doc/z.json")->default_language, "");
}

TEST(PathContext, InnermostLanguageFolderWins) {
  EXPECT_EQ(context_for_path("en/policies/fr/x.md")->default_language, "fr");
  EXPECT_EQ(context_for_path("pt-BR/faq/x.md")->default_language, "pt-BR");
}

TEST(PathContext, FileNameIsNotAFolder) {
  EXPECT_EQ(context_for_path("policies/en.md")->default_language, "");
  EXPECT_EQ(context_for_path("facilities.md")->default_kind, RecordKind::policy);
}

TEST(PathContext, HiddenPathsHoldNoRecords) {
  EXPECT_EQ(context_for_path(".hidden/x.md"), std::nullopt);
  EXPECT_EQ(context_for_path("policies/.x.md"), std::nullopt);
  EXPECT_EQ(context_for_path("notes.txt"), std::nullopt);
}

}  // namespace
}  // namespace policygraph
