// SPDX-License-Identifier: MIT
// Feeds arbitrary bytes to the record parser as each kind of file, builds a graph of what it
// returns and writes that graph back out: nothing may crash, hang, leak or trip a sanitizer,
// and every record parsed must come out again in the export.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string_view>

#include "policygraph/export.hpp"
#include "policygraph/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  using namespace policygraph;
  // The first byte picks the file kind and folder; the rest is the file's text.
  static constexpr const char* paths[] = {"policies/en/x.md", "facilities/zh/x.yaml", "policies/x.json",
                                          "facilities/x.jsonl"};
  auto context = context_for_path(paths[data[0] % 4]);
  if (!context) __builtin_trap();
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  Limits limits;
  limits.max_depth = 64;
  ParseResult parsed = parse_records(text, *context, limits);
  std::size_t parsed_count = parsed.records.size();

  Diagnostics diagnostics;
  std::vector<Record> merged = merge_translations(std::move(parsed.records), "en", diagnostics);
  std::size_t merged_count = merged.size();
  if (merged_count > parsed_count) __builtin_trap();
  Graph graph = build_graph(std::move(merged), diagnostics);
  std::size_t resolved = 0;
  for (const Node& node : graph.nodes()) resolved += node.resolved && node.kind <= NodeKind::facility;
  if (resolved != merged_count) __builtin_trap();  // a record lost between parsing and the graph

  std::ostringstream out;
  write_graphml(out, graph);
  write_node_link_json(out, graph);
  write_dot(out, graph);
  return 0;
}
