// SPDX-License-Identifier: MIT
#include "policygraph/did_you_mean.hpp"

#include <gtest/gtest.h>

namespace policygraph {
namespace {

TEST(EditDistance, HandWorked) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("eu-ets", "eu-ets"), 0u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
}

TEST(Nearest, ClosestFirstWithinTypoDistance) {
  std::vector<std::string> ids{"eu-ets-2003", "eu-ets-2009", "us-45q-2008", "unrelated-thing"};
  auto found = nearest("eu-ets-2008", ids);
  // "us-45q-2008" is 5 edits away: more than a third of 11 letters, so no typo.
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0], "eu-ets-2003");  // distance 1, ties broken by byte order
  EXPECT_EQ(found[1], "eu-ets-2009");
  EXPECT_TRUE(nearest("zzzzzzzz", ids).empty());
}

TEST(DidYouMean, AsksAboutEachSuggestion) {
  EXPECT_EQ(did_you_mean(std::vector<std::string>{}), "");
  EXPECT_EQ(did_you_mean({"a"}), "did you mean 'a'?");
  EXPECT_EQ(did_you_mean({"a", "b"}), "did you mean 'a' or 'b'?");
  EXPECT_EQ(did_you_mean({"a", "b", "c"}), "did you mean 'a', 'b' or 'c'?");
}

TEST(DidYouMean, OffersTheNearestWithinTypoDistance) {
  const std::vector<std::string> words{"stats", "expert", "export"};
  EXPECT_EQ(did_you_mean("expor", words), "did you mean 'export'?");
  EXPECT_EQ(did_you_mean("expor", words, 2), "did you mean 'export' or 'expert'?");   // closest first
  EXPECT_EQ(did_you_mean("exprot", words, 2), "did you mean 'expert' or 'export'?");  // a tie: byte order
  EXPECT_EQ(did_you_mean("zzzzzz", words), "");
}

}  // namespace
}  // namespace policygraph
