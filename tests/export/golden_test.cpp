// SPDX-License-Identifier: MIT
// Golden files: every deterministic export of the nasty fixture graph, byte for byte
// (STYLE.md 8). SVG is left out: its bytes are Graphviz's and vary with its version.
//
// The fixture graph (export_fixture.hpp) is hand-made rather than loaded from a corpus so
// that these files change only when an exporter does, not when the loader does; it has
// what every exporter must get right: a title with quotes, <, &, a backslash, a newline,
// Chinese, an emoji and U+0001; a policy and a facility sharing an id; an unresolved
// policy; a transitive lineage edge for --reduce; dates and a successor for --dynamic;
// tags, a cluster, a translation, and PageRank and component metrics.
//
// POLICYGRAPH_UPDATE_GOLDEN=1 makes the tests write the files instead (tests/golden/README.md).
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>
#include <sstream>

#include "export/export_fixture.hpp"
#include "export/export_test_util.hpp"

namespace policygraph {
namespace {

using namespace policygraph::testing;
namespace fs = std::filesystem;

const fs::path golden_folder = fs::path(POLICYGRAPH_SOURCE_DIR) / "tests" / "golden";

bool updating() {
  const char* value = std::getenv("POLICYGRAPH_UPDATE_GOLDEN");
  return value != nullptr && std::string_view(value) == "1";
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  if (!text.empty() && text.back() != '\n') lines.back() += "  (no newline at the end)";
  return lines;
}

/// A line as a terminal can show it: control characters as \xNN.
std::string printable(const std::string& line) {
  std::string shown;
  for (char c : line) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      constexpr char digits[] = "0123456789abcdef";
      shown += "\\x";
      shown += digits[byte >> 4];
      shown += digits[byte & 0xf];
    } else {
      shown += c;
    }
  }
  return shown;
}

/// The first difference, as a unified diff hunk: three lines of context before it.
std::string first_difference(const std::string& expected, const std::string& actual) {
  const auto want = split_lines(expected), got = split_lines(actual);
  std::size_t line = 0;
  while (line < want.size() && line < got.size() && want[line] == got[line]) ++line;
  const std::size_t from = line >= 3 ? line - 3 : 0;
  std::ostringstream hunk;
  hunk << "@@ first difference at line " << line + 1 << " @@\n";
  for (std::size_t i = from; i < line; ++i) hunk << ' ' << printable(want[i]) << '\n';
  // The run of differing lines (up to three), then a line of context where they agree.
  std::size_t end = line;
  while (end < line + 3 && (end < want.size() || end < got.size()) &&
         (end >= want.size() || end >= got.size() || want[end] != got[end]))
    ++end;
  for (std::size_t i = line; i < end && i < want.size(); ++i) hunk << '-' << printable(want[i]) << '\n';
  for (std::size_t i = line; i < end && i < got.size(); ++i) hunk << '+' << printable(got[i]) << '\n';
  if (end < want.size() && end < got.size() && want[end] == got[end]) hunk << ' ' << printable(want[end]) << '\n';
  if (line == want.size() && line == got.size()) hunk << "(the lines agree; the bytes differ in line endings)\n";
  return hunk.str();
}

const char* regenerate_hint =
    "If the change is intended, regenerate on purpose and review the diff:\n"
    "  POLICYGRAPH_UPDATE_GOLDEN=1 ctest --test-dir <build> -R Golden && git diff tests/golden\n";

/// Compares `actual` with the golden file `name` (a path under tests/golden), or writes it.
void expect_golden(const fs::path& name, const std::string& actual) {
  const fs::path path = golden_folder / name;
  if (updating()) {
    fs::create_directories(path.parent_path());
    write_text(path, actual);
    return;
  }
  ASSERT_TRUE(fs::exists(path)) << "tests/golden/" << name.string() << " is missing.\n" << regenerate_hint;
  const std::string expected = read_text(path);
  if (expected == actual) return;
  ADD_FAILURE() << "the export differs from tests/golden/" << name.string() << "\n--- tests/golden/" << name.string()
                << "\n+++ the export\n"
                << first_difference(expected, actual) << regenerate_hint;
}

/// The fixture graph written to a stream in `format`.
std::string exported(ExportFormat format, ExportOptions options = {}) {
  static const Graph graph = make_export_graph();
  static const NodeMetrics metrics = make_export_metrics();
  options.metrics = &metrics;
  std::ostringstream out;
  export_to_stream(format, out, graph, options);
  return out.str();
}

TEST(Golden, Graphml) { expect_golden("graph.graphml", exported(ExportFormat::graphml)); }
TEST(Golden, Gexf) { expect_golden("graph.gexf", exported(ExportFormat::gexf)); }
TEST(Golden, GexfDynamic) { expect_golden("graph.dynamic.gexf", exported(ExportFormat::gexf, {.dynamic = true})); }
TEST(Golden, Dot) { expect_golden("graph.dot", exported(ExportFormat::dot)); }
TEST(Golden, DotReduce) { expect_golden("graph.reduce.dot", exported(ExportFormat::dot, {.reduce = true})); }
TEST(Golden, Json) { expect_golden("graph.json", exported(ExportFormat::json)); }
TEST(Golden, JsonLinks) { expect_golden("graph.links.json", exported(ExportFormat::json, {.links = true})); }

/// The CSV folder: every file, and no file more or less.
TEST(Golden, CsvFolder) {
  const Graph graph = make_export_graph();
  const NodeMetrics metrics = make_export_metrics();
  const fs::path folder = scratch_folder("golden-csv") / "csv";
  export_to_path(ExportFormat::csv, folder, graph, {.metrics = &metrics});
  std::set<std::string> written, golden;
  for (const auto& entry : fs::directory_iterator(folder)) written.insert(entry.path().filename().string());
  if (updating()) fs::remove_all(golden_folder / "csv");  // a file no longer written goes too
  if (fs::exists(golden_folder / "csv"))
    for (const auto& entry : fs::directory_iterator(golden_folder / "csv"))
      golden.insert(entry.path().filename().string());
  if (!updating()) {
    EXPECT_EQ(written, golden) << "the CSV export writes other files than tests/golden/csv holds.\n" << regenerate_hint;
  }
  for (const std::string& name : written) expect_golden(fs::path("csv") / name, read_text(folder / name));
}

}  // namespace
}  // namespace policygraph
