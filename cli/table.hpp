// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

#include "terminal.hpp"

namespace policygraph::cli {

/// A table printed with aligned columns. Numbers are right-aligned; the last column (a
/// title, as a rule) is cut with an ellipsis to fit the terminal's width.
class Table {
 public:
  enum class Align { left, right };
  explicit Table(std::vector<std::string> headers, std::vector<Align> aligns = {});
  void add_row(std::vector<std::string> cells);
  bool empty() const { return rows_.empty(); }
  void print(std::ostream& out, const Terminal& terminal) const;

 private:
  std::vector<std::string> headers_;
  std::vector<Align> aligns_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace policygraph::cli
