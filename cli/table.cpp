// SPDX-License-Identifier: MIT
#include "table.hpp"

#include <algorithm>
#include <ostream>

namespace policygraph::cli {

Table::Table(std::vector<std::string> headers, std::vector<Align> aligns)
    : headers_(std::move(headers)), aligns_(std::move(aligns)) {
  aligns_.resize(headers_.size(), Align::left);
}

void Table::add_row(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  rows_.push_back(std::move(cells));
}

void Table::print(std::ostream& out, const Terminal& terminal) const {
  const std::size_t columns = headers_.size();
  std::vector<std::size_t> widths(columns, 0);
  for (std::size_t c = 0; c < columns; ++c) {
    widths[c] = display_width(headers_[c]);
    for (const auto& row : rows_) widths[c] = std::max(widths[c], display_width(row[c]));
  }
  // The last column takes what the others leave of the terminal, but never less than 20.
  std::size_t used = 0;
  for (std::size_t c = 0; c + 1 < columns; ++c) used += widths[c] + 2;
  std::size_t last_width = terminal.width > used + 20 ? terminal.width - used : 20;
  widths[columns - 1] = std::min(widths[columns - 1], last_width);

  auto print_row = [&](const std::vector<std::string>& cells, bool header) {
    std::string line;
    for (std::size_t c = 0; c < columns; ++c) {
      bool last = c + 1 == columns;
      std::string cell = last ? truncate_to_width(cells[c], widths[c]) : cells[c];
      std::size_t pad = widths[c] - std::min(widths[c], display_width(cell));
      if (aligns_[c] == Align::right) line.append(pad, ' ');
      line += header ? styled(terminal, Style::bold, cell) : cell;
      if (!last) {
        if (aligns_[c] == Align::left) line.append(pad, ' ');
        line += "  ";
      }
    }
    // An empty last cell leaves the padding of the others: no line ends in spaces.
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << '\n';
  };
  print_row(headers_, true);
  for (const auto& row : rows_) print_row(row, false);
}

}  // namespace policygraph::cli
