// SPDX-License-Identifier: MIT
#include <array>
#include <utility>

#include "policygraph/export.hpp"

namespace policygraph {
namespace {

constexpr std::array<std::pair<ExportFormat, std::string_view>, 6> format_names{{
    {ExportFormat::graphml, "graphml"},
    {ExportFormat::gexf, "gexf"},
    {ExportFormat::dot, "dot"},
    {ExportFormat::svg, "svg"},
    {ExportFormat::json, "json"},
    {ExportFormat::csv, "csv"},
}};

}  // namespace

std::string_view to_string(ExportFormat format) {
  for (const auto& [value, name] : format_names)
    if (value == format) return name;
  return "graphml";
}

std::optional<ExportFormat> parse_export_format(std::string_view text) {
  for (const auto& [value, name] : format_names)
    if (name == text) return value;
  return std::nullopt;
}

}  // namespace policygraph
