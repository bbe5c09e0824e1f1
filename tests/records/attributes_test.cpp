// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "policygraph/record.hpp"

namespace policygraph {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

Pairs pairs(const Attributes& attributes) {
  Pairs out;
  for (Attribute field : attributes) out.emplace_back(field.name, field.value);
  return out;
}

TEST(Attributes, InitializerListIsSortedByName) {
  const Attributes attributes{{"year", "2005"}, {"country", "EU"}, {"status", "Active"}};
  EXPECT_EQ(pairs(attributes), (Pairs{{"country", "EU"}, {"status", "Active"}, {"year", "2005"}}));
  EXPECT_EQ(attributes.find("country"), std::optional<std::string_view>("EU"));
  EXPECT_EQ(attributes.find("status"), std::optional<std::string_view>("Active"));
  EXPECT_EQ(attributes.find("year"), std::optional<std::string_view>("2005"));
}

TEST(Attributes, AddKeepsThemSortedInAnyOrder) {
  Attributes attributes;
  for (const char* name : {"m", "z", "a", "q", "b", "y"}) attributes.add(name, std::string("v") + name);
  EXPECT_EQ(pairs(attributes), (Pairs{{"a", "va"}, {"b", "vb"}, {"m", "vm"}, {"q", "vq"}, {"y", "vy"}, {"z", "vz"}}));
  for (const char* name : {"a", "b", "m", "q", "y", "z"})
    EXPECT_EQ(attributes.find(name), std::optional<std::string_view>(std::string("v") + name)) << name;
}

TEST(Attributes, FindMissesWhatIsNotThere) {
  const Attributes attributes{{"b", "1"}, {"d", "2"}};
  EXPECT_EQ(attributes.find("a"), std::nullopt);  // before the first
  EXPECT_EQ(attributes.find("c"), std::nullopt);  // between two
  EXPECT_EQ(attributes.find("e"), std::nullopt);  // after the last
  EXPECT_EQ(attributes.find("bb"), std::nullopt);
  EXPECT_EQ(attributes.find(""), std::nullopt);
  EXPECT_EQ(Attributes().find("b"), std::nullopt);
}

TEST(Attributes, NamesSortByBytes) {
  // Byte order, as std::string compares: upper case before lower case, UTF-8 after ASCII.
  const Attributes attributes{{"title@zh", "甲"}, {"Title", "T"}, {"title", "t"}, {"title@en", "A"}};
  EXPECT_EQ(pairs(attributes), (Pairs{{"Title", "T"}, {"title", "t"}, {"title@en", "A"}, {"title@zh", "甲"}}));
}

TEST(Attributes, DuplicatesKeepTheOrderAddedAndFindGivesTheFirst) {
  Attributes attributes;
  attributes.add("tag", "first");
  attributes.add("other", "x");
  attributes.add("tag", "second");
  attributes.add("a", "y");
  attributes.add("tag", "third");
  EXPECT_EQ(pairs(attributes),
            (Pairs{{"a", "y"}, {"other", "x"}, {"tag", "first"}, {"tag", "second"}, {"tag", "third"}}));
  EXPECT_EQ(attributes.find("tag"), std::optional<std::string_view>("first"));
  EXPECT_EQ(attributes.size(), 5u);
}

TEST(Attributes, EraseRemovesEveryFieldOfThatNameAndKeepsTheOrder) {
  Attributes attributes{{"c", "3"}, {"b", "2"}, {"b", "2 again"}, {"a", "1"}};
  attributes.erase("b");
  EXPECT_EQ(pairs(attributes), (Pairs{{"a", "1"}, {"c", "3"}}));
  EXPECT_EQ(attributes.find("b"), std::nullopt);
  attributes.add("b", "new");
  EXPECT_EQ(pairs(attributes), (Pairs{{"a", "1"}, {"b", "new"}, {"c", "3"}}));
  attributes.erase("missing");
  EXPECT_EQ(attributes.size(), 3u);
}

TEST(Attributes, ValuesMayHoldAnyBytes) {
  const std::string value("\0\xff\n", 3);
  Attributes attributes{{"z", value}, {"", "empty name"}};
  EXPECT_EQ(attributes[0].name, "");
  EXPECT_EQ(attributes.find("z"), std::optional<std::string_view>(value));
  EXPECT_EQ(attributes.find(""), std::optional<std::string_view>("empty name"));
}

TEST(Attributes, EqualityIsSameFieldsInTheSameOrder) {
  const Attributes one{{"a", "1"}, {"b", "2"}};
  const Attributes other_order{{"b", "2"}, {"a", "1"}};  // sorted by construction: the same
  const Attributes other_value{{"a", "1"}, {"b", "3"}};
  EXPECT_TRUE(one == other_order);
  EXPECT_FALSE(one == other_value);
  EXPECT_FALSE((one == Attributes{{"a", "1"}}));
  Attributes built;
  built.reserve(2, 4);
  built.add("b", "2");
  built.add("a", "1");
  built.shrink_to_fit();
  EXPECT_TRUE(built == one);
}

TEST(Attributes, ManyFieldsInReverseOrder) {
  Attributes attributes;
  for (int i = 999; i >= 0; --i) {
    char name[8];
    std::snprintf(name, sizeof name, "f%03d", i);
    attributes.add(name, std::to_string(i));
  }
  ASSERT_EQ(attributes.size(), 1000u);
  for (std::size_t i = 1; i < attributes.size(); ++i) EXPECT_LT(attributes[i - 1].name, attributes[i].name);
  EXPECT_EQ(attributes.find("f500"), std::optional<std::string_view>("500"));
  EXPECT_EQ(attributes.find("f000"), std::optional<std::string_view>("0"));
  EXPECT_EQ(attributes.find("f999"), std::optional<std::string_view>("999"));
}

}  // namespace
}  // namespace policygraph
