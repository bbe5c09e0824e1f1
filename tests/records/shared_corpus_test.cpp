// SPDX-License-Identifier: MIT
// The real corpus beside the checkout (../shared/corpus/ccus-policy-hub): numbers measured
// on that snapshot (see its SOURCE.md). Skipped where the folder is absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "policygraph/loader.hpp"
#include "records/record_dump.hpp"

namespace policygraph {
namespace {

std::filesystem::path shared_corpus() {
  return std::filesystem::path(POLICYGRAPH_SHARED_DIR) / "corpus" / "ccus-policy-hub";
}

TEST(SharedCorpus, LoadsCcusPolicyHub) {
  const auto root = shared_corpus();
  if (!std::filesystem::is_directory(root))
    GTEST_SKIP() << "the shared corpus is absent (" << root.string()
                 << "); set POLICYGRAPH_SHARED_DIR to the folder that holds corpus/ccus-policy-hub";

  Corpus corpus = load_corpus(root);
  EXPECT_EQ(corpus.files_read, 2u * (86 + 1017) + 1);  // and SOURCE.md, a page without front matter
  EXPECT_EQ(count_errors(corpus.diagnostics), 0u);
  for (const Diagnostic& d : corpus.diagnostics)
    if (d.severity == Severity::error) ADD_FAILURE() << format_diagnostic(d);

  auto policies = std::count_if(corpus.records.begin(), corpus.records.end(),
                                [](const Record& r) { return r.kind == RecordKind::policy; });
  auto facilities = std::count_if(corpus.records.begin(), corpus.records.end(),
                                  [](const Record& r) { return r.kind == RecordKind::facility; });
  EXPECT_EQ(policies, 86);
  EXPECT_EQ(facilities, 1017);

  std::size_t supersedes = 0;
  for (const Record& r : corpus.records) supersedes += relation_refs(r, Relation::supersedes).size();
  EXPECT_EQ(supersedes, 8u);

  // Every record is the English one, with its Chinese title kept as a translation.
  auto nzia = std::find_if(corpus.records.begin(), corpus.records.end(),
                           [](const Record& r) { return r.kind == RecordKind::policy && r.id == "eu-nzia"; });
  ASSERT_NE(nzia, corpus.records.end());
  EXPECT_EQ(nzia->language, "en");
  EXPECT_EQ(nzia->file, "policies/en/eu-nzia.md");
  ASSERT_TRUE(nzia->date);
  EXPECT_EQ(nzia->date->iso(), "2024-02-06");
  ASSERT_EQ(nzia->translations.size(), 1u);
  EXPECT_EQ(nzia->translations[0].name, "title@zh");

  auto facility = std::find_if(corpus.records.begin(), corpus.records.end(),
                               [](const Record& r) { return r.kind == RecordKind::facility && r.id == "1150"; });
  ASSERT_NE(facility, corpus.records.end());
  EXPECT_EQ(facility->label, "Valero 8 ethanol plants");
  ASSERT_NE(facility->attribute("coordinates"), std::nullopt);
  EXPECT_EQ(*facility->attribute("coordinates"), "30.9614,-91.975");
  EXPECT_EQ(facility->related_policies.size(), 10u);
}

}  // namespace
}  // namespace policygraph
