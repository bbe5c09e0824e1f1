// SPDX-License-Identifier: MIT
#include "policygraph/date.hpp"

#include <cstdio>

namespace policygraph {
namespace {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

// Reads exactly `width` ASCII digits at `text[at]`.
std::optional<int> read_digits(std::string_view text, std::size_t at, std::size_t width) {
  if (text.size() < at + width) return std::nullopt;
  int value = 0;
  for (std::size_t i = at; i < at + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::string Date::iso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return std::nullopt;
  Date date;
  auto year = read_digits(text, 0, 4);
  if (!year) return std::nullopt;
  date.year = *year;
  if (text.size() >= 7) {
    auto month = read_digits(text, 5, 2);
    if (text[4] != '-' || !month || *month < 1 || *month > 12) return std::nullopt;
    date.month = *month;
  }
  if (text.size() == 10) {
    auto day = read_digits(text, 8, 2);
    if (text[7] != '-' || !day || *day < 1 || *day > days_in_month(date.year, date.month)) return std::nullopt;
    date.day = *day;
  }
  return date;
}

std::optional<Date> parse_date_last_day(std::string_view text) {
  std::optional<Date> date = parse_date(text);
  if (!date) return date;
  if (text.size() == 4) date->month = 12;
  if (text.size() <= 7) date->day = days_in_month(date->year, date->month);
  return date;
}

}  // namespace policygraph
