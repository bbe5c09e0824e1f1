// SPDX-License-Identifier: MIT
// One file's text parsed as the loader parses it, its diagnostics formatted: what the
// records tests compare with exact strings.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "policygraph/loader.hpp"

namespace policygraph {

struct Parsed {
  std::vector<Record> records;
  std::vector<std::string> diagnostics;
};

inline Parsed parse(std::string_view text, std::string_view path = "policies/en/x.md", const Limits& limits = {}) {
  auto context = context_for_path(path);
  EXPECT_TRUE(context) << path;
  ParseResult result = parse_records(text, *context, limits);
  Parsed parsed{std::move(result.records), {}};
  for (const auto& d : result.diagnostics) parsed.diagnostics.push_back(format_diagnostic(d));
  return parsed;
}

}  // namespace policygraph
