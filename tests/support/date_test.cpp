// SPDX-License-Identifier: MIT
#include "policygraph/date.hpp"

#include <gtest/gtest.h>

namespace policygraph {
namespace {

TEST(ParseDate, YearAloneIsFirstOfJanuary) {
  auto date = parse_date("2005");
  ASSERT_TRUE(date);
  EXPECT_EQ(date->iso(), "2005-01-01");
}

TEST(ParseDate, YearMonthIsFirstOfMonth) { EXPECT_EQ(parse_date("2018-03")->iso(), "2018-03-01"); }

TEST(ParseDate, FullDate) { EXPECT_EQ(parse_date("2023-05-10")->iso(), "2023-05-10"); }

TEST(ParseDate, LeapDays) {
  EXPECT_TRUE(parse_date("2024-02-29"));
  EXPECT_TRUE(parse_date("2000-02-29"));
  EXPECT_FALSE(parse_date("2023-02-29"));
  EXPECT_FALSE(parse_date("1900-02-29"));
}

TEST(ParseDate, RejectsWhatIsNotACalendarDay) {
  for (const char* text : {"", "05", "20051", "2005-13", "2005-00", "2005-04-31", "2005-1-01", "2005/01/01", " 2005",
                           "2005-01-01T00", "abcd", "2005-01-1x"}) {
    EXPECT_FALSE(parse_date(text)) << text;
  }
}

TEST(ParseDateLastDay, IsTheLastDayOfTheYearMonthOrDayNamed) {
  EXPECT_EQ(parse_date_last_day("2020")->iso(), "2020-12-31");
  EXPECT_EQ(parse_date_last_day("2020-02")->iso(), "2020-02-29");
  EXPECT_EQ(parse_date_last_day("2021-02")->iso(), "2021-02-28");
  EXPECT_EQ(parse_date_last_day("2021-04")->iso(), "2021-04-30");
  EXPECT_EQ(parse_date_last_day("2021-04-07")->iso(), "2021-04-07");
  EXPECT_FALSE(parse_date_last_day("2021-04-31"));
  EXPECT_FALSE(parse_date_last_day("April 2021"));
}

TEST(Date, OrdersByDay) {
  EXPECT_LT(*parse_date("2005-12-31"), *parse_date("2006"));
  EXPECT_EQ(*parse_date("2006"), *parse_date("2006-01-01"));
}

}  // namespace
}  // namespace policygraph
