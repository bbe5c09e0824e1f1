// SPDX-License-Identifier: MIT
#include "records/front_matter.hpp"

#include <gtest/gtest.h>

namespace policygraph::records {
namespace {

TEST(FrontMatter, SplitsYamlAndBody) {
  auto front = split_front_matter("---\nid: a\ntitle: A\n---\nBody text\n");
  EXPECT_EQ(front.status, FrontMatter::Status::found);
  EXPECT_EQ(front.yaml, "id: a\ntitle: A\n");
  EXPECT_EQ(front.line_offset, 1);
  EXPECT_EQ(front.body, "Body text\n");
}

TEST(FrontMatter, AcceptsCrlfAndTrailingSpacesOnFences) {
  auto front = split_front_matter("--- \r\nid: a\r\n---\r\nBody");
  EXPECT_EQ(front.status, FrontMatter::Status::found);
  EXPECT_EQ(front.yaml, "id: a\r\n");
  EXPECT_EQ(front.body, "Body");
}

TEST(FrontMatter, ClosingFenceAtEndOfFile) {
  auto front = split_front_matter("---\nid: a\n---");
  EXPECT_EQ(front.status, FrontMatter::Status::found);
  EXPECT_EQ(front.yaml, "id: a\n");
  EXPECT_EQ(front.body, "");
}

TEST(FrontMatter, EmptyFrontMatter) {
  auto front = split_front_matter("---\n---\n");
  EXPECT_EQ(front.status, FrontMatter::Status::found);
  EXPECT_EQ(front.yaml, "");
}

TEST(FrontMatter, AbsentWhenFirstLineIsNotAFence) {
  EXPECT_EQ(split_front_matter("# README\n---\n").status, FrontMatter::Status::absent);
  EXPECT_EQ(split_front_matter("").status, FrontMatter::Status::absent);
  EXPECT_EQ(split_front_matter("----\nid: a\n---\n").status, FrontMatter::Status::absent);
  EXPECT_EQ(split_front_matter(" ---\nid: a\n---\n").status, FrontMatter::Status::absent);
}

TEST(FrontMatter, UnclosedWhenNoSecondFence) {
  EXPECT_EQ(split_front_matter("---\nid: a\n").status, FrontMatter::Status::unclosed);
  EXPECT_EQ(split_front_matter("---").status, FrontMatter::Status::unclosed);
  EXPECT_EQ(split_front_matter("---\nid: a\n--- no\n").status, FrontMatter::Status::unclosed);
}

}  // namespace
}  // namespace policygraph::records
