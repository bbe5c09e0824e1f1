// SPDX-License-Identifier: MIT
#include "policygraph/diagnostics.hpp"

#include <gtest/gtest.h>

namespace policygraph {
namespace {

TEST(FormatDiagnostic, CompilerStyle) {
  EXPECT_EQ(format_diagnostic({"policies/en/x.md", 12, 5, Severity::error, "no id"}),
            "policies/en/x.md:12:5: error: no id");
  EXPECT_EQ(format_diagnostic({"a.md", 3, 0, Severity::warning, "w"}), "a.md:3: warning: w");
  EXPECT_EQ(format_diagnostic({"a.md", 0, 0, Severity::note, "n"}), "a.md: note: n");
}

TEST(SortDiagnostics, ByFileThenPosition) {
  Diagnostics list{{"b.md", 1, 1, Severity::error, "x"},
                   {"a.md", 10, 1, Severity::error, "y"},
                   {"a.md", 2, 7, Severity::warning, "z"}};
  sort_diagnostics(list);
  EXPECT_EQ(list[0].line, 2);
  EXPECT_EQ(list[1].line, 10);
  EXPECT_EQ(list[2].file, "b.md");
  EXPECT_EQ(count_errors(list), 2u);
}

}  // namespace
}  // namespace policygraph
