// SPDX-License-Identifier: MIT
// The vocabulary of legal states (MODEL.md 7.2): every word the model requires, in English
// and Chinese, read case-insensitively and trimmed; a word outside it is no state at all.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "policygraph/record.hpp"

namespace policygraph {
namespace {

void expect_all(const std::vector<std::string>& words, LegalState state) {
  for (const auto& word : words) {
    EXPECT_EQ(legal_state_of(word), state) << "'" << word << "' should be " << to_string(state);
  }
}

TEST(LegalState, EveryWordTheModelRequires) {
  expect_all({"Active", "In force", "Enacted", "Effective", "Adopted", "现行", "生效", "有效", "现行有效"},
             LegalState::in_force);
  expect_all({"Upcoming", "Not yet in force", "即将实施", "待生效"}, LegalState::pending);
  expect_all({"Planned", "Proposed", "Draft", "Draft for public comment", "Consultation", "Under development",
              "Under review", "Policy principles adopted", "计划中", "制定中", "草案", "征求意见稿", "审议中", "提议"},
             LegalState::proposed);
  expect_all({"Repealed", "Superseded", "Replaced", "Revoked", "Expired", "Lapsed", "已废止", "废止", "失效", "已失效"},
             LegalState::ended);
}

TEST(LegalState, CaseSpacesHyphensAndUnderscoresDoNotMatter) {
  expect_all({"ACTIVE", "  in   force ", "In-Force", "in_force", "\t现行 "}, LegalState::in_force);
  EXPECT_EQ(legal_state_of("NOT YET IN FORCE"), LegalState::pending);
  EXPECT_EQ(legal_state_of("draft-for-public-comment"), LegalState::proposed);
}

TEST(LegalState, OtherLanguagesOfTheTable) {
  EXPECT_EQ(legal_state_of("en vigueur"), LegalState::in_force);
  EXPECT_EQ(legal_state_of("Aufgehoben"), LegalState::ended);
  EXPECT_EQ(legal_state_of("vigente"), LegalState::in_force);
  EXPECT_EQ(legal_state_of("revogada"), LegalState::ended);
  EXPECT_EQ(legal_state_of("廃止"), LegalState::ended);
}

TEST(LegalState, AWordOutsideTheVocabularyIsNoState) {
  EXPECT_EQ(legal_state_of("Completed"), std::nullopt);
  EXPECT_EQ(legal_state_of("Activ"), std::nullopt);      // no guessing at typos
  EXPECT_EQ(legal_state_of("现行 有效"), std::nullopt);  // CJK is matched as written
  EXPECT_EQ(legal_state_of(""), LegalState::unknown);
  EXPECT_EQ(legal_state_of("   "), LegalState::unknown);
  EXPECT_EQ(legal_state_of("Unknown"), LegalState::unknown);
}

TEST(LegalState, NamesAreTheModelsAndReadBack) {
  for (LegalState state :
       {LegalState::unknown, LegalState::in_force, LegalState::pending, LegalState::proposed, LegalState::ended})
    EXPECT_EQ(legal_state_of(to_string(state)), state) << to_string(state);
  EXPECT_EQ(to_string(LegalState::in_force), "in_force");
}

TEST(Relation, FieldNamesOfBothForms) {
  EXPECT_EQ(field_name(RelationItem{Relation::amends, false, {}, {}}), "amends");
  EXPECT_EQ(field_name(RelationItem{Relation::amends, true, {}, {}}), "amendedBy");
  EXPECT_EQ(field_name(RelationItem{Relation::consolidates, true, {}, {}}), "consolidatedInto");
  EXPECT_EQ(field_name(RelationItem{Relation::supersedes, true, {}, {}}), "supersededBy");
  EXPECT_EQ(field_name(RelationItem{Relation::implements, false, {}, {}}), "implements");
  EXPECT_EQ(to_string(Relation::repeals), "repeals");
}

}  // namespace
}  // namespace policygraph
