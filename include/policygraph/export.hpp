// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "policygraph/graph.hpp"
#include "policygraph/metrics.hpp"

namespace policygraph {

enum class ExportFormat : unsigned char { graphml, gexf, dot, svg, json, csv };
std::string_view to_string(ExportFormat format);
std::optional<ExportFormat> parse_export_format(std::string_view text);

/// Which vertices to write. An edge is written when both its ends are.
struct Selection {
  std::vector<bool> vertices;  ///< empty: every vertex
  bool contains(VertexId v) const { return vertices.empty() || vertices[v]; }
};

/// What selection the `--focus/--depth/--kind/--country` options ask for.
struct SelectionOptions {
  std::optional<VertexId> focus;
  int depth = 1;                       ///< edges from focus, either direction
  std::vector<NodeKind> kinds;         ///< empty: every kind
  std::vector<std::string> countries;  ///< empty: any; else policies/facilities of these
};
Selection select_vertices(const Graph& graph, const SelectionOptions& options);

/// Deselects the selected policies that have no lineage edge to another selected policy, so
/// that a diagram of the lineage view shows its lines rather than a wall of lone boxes.
/// Returns how many it deselected. O(V + E).
std::size_t drop_isolated_policies(const Graph& graph, Selection& selection);

struct ExportOptions {
  const NodeMetrics* metrics = nullptr;
  Selection selection;
  bool dynamic = false;  ///< GEXF: a timeline from policy dates
  bool reduce = false;   ///< DOT/SVG: draw the transitive reduction of lineage edges
  bool links = false;    ///< JSON: the edge list under `links` (NetworkX before 3.6)
  /// DOT/SVG: the address a node links to (empty: none), for diagrams in a web page.
  std::function<std::string(VertexId)> node_url;
};

/// Each writer writes the whole document to `out`, deterministically (sorted keys, fixed
/// float format). Text is escaped for its format; XML formats drop the control characters
/// XML 1.0 cannot carry.
void write_graphml(std::ostream& out, const Graph& graph, const ExportOptions& options = {});
void write_gexf(std::ostream& out, const Graph& graph, const ExportOptions& options = {});
void write_dot(std::ostream& out, const Graph& graph, const ExportOptions& options = {});
void write_node_link_json(std::ostream& out, const Graph& graph, const ExportOptions& options = {});
void write_csv_nodes(std::ostream& out, const Graph& graph, const ExportOptions& options = {});
void write_csv_edges(std::ostream& out, const Graph& graph, const ExportOptions& options = {});
/// One CSV field as RFC 4180 quotes it: as it is, or, when it holds a comma, a quote, CR or
/// LF, between quotes with its quotes doubled. The CSV exports and the query commands'
/// `--format csv` share it.
void write_csv_field(std::ostream& out, std::string_view field);
/// Renders the DOT through the Graphviz library (libgvc), in-process. Throws ExportError
/// when Graphviz fails.
void write_svg(std::ostream& out, const Graph& graph, const ExportOptions& options = {});

/// An export that could not be written (I/O failure, Graphviz error).
struct ExportError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Writes `path` whole or not at all: into a temporary file beside it, then renamed over
/// it. Missing parent folders are created first (as for a CSV folder: `-o out/x.svg` works
/// in a fresh checkout). On any failure the temporary file is removed and an existing
/// `path` is untouched. Throws ExportError.
void write_file_atomically(const std::filesystem::path& path, const std::function<void(std::ostream&)>& write);

/// One file of a folder written by write_folder_atomically.
struct FolderFile {
  std::string name;                          ///< a plain file name, without '/'
  std::function<void(std::ostream&)> write;  ///< writes the whole file
  bool executable = false;                   ///< mode 0755 instead of 0644 (a script)
};

/// Writes `files` into `folder` (created with its parents when absent), in their order.
///
/// When `folder` is absent, or is a real folder (not a symbolic link) whose every entry is
/// a name `ours` accepts, the files go into a new hidden sibling folder which then takes
/// the place of `folder` (Linux renameat2 RENAME_EXCHANGE; elsewhere two renames with a
/// moment in between when `folder` is missing): a reader sees the whole old export or the
/// whole new one, and files of an older export that this one does not write disappear.
/// Otherwise (`folder` holds files we did not write, so it is not ours to replace) each
/// file is replaced by write_file_atomically, one after another, then the entries `ours`
/// accepts that `files` does not name are removed; a failure midway leaves every file
/// whole, but some from the old export and some from the new.
/// Throws ExportError; on failure the hidden sibling folder is removed.
void write_folder_atomically(const std::filesystem::path& folder, const std::vector<FolderFile>& files,
                             const std::function<bool(std::string_view name)>& ours);

/// Writes `format` to `path` atomically (CSV: `path` is a folder, written by
/// write_folder_atomically, that gets nodes.csv and edges.csv for spreadsheets and a
/// one-id-space import, a file per node kind and per edge type for a Neo4j import with
/// an id space per kind, import.sh and README.txt; see csv.cpp). Throws ExportError.
void export_to_path(ExportFormat format, const std::filesystem::path& path, const Graph& graph,
                    const ExportOptions& options = {});

/// The work of laying out a diagram, for refusing one that would take Graphviz's `dot`
/// minutes (it is superlinear: the full view of a corpus of 1,629 nodes and 7,644 edges
/// took over ten minutes).
struct LayoutLimits {
  std::size_t nodes = 800;
  std::size_t edges = 4000;
};

/// What export_families wrote.
struct FamiliesWritten {
  std::size_t families = 0;
  std::size_t as_dot = 0;  ///< SVG asked, but the family was past the limits: its DOT instead
};

/// Writes one DOT or SVG file per lineage family (a weakly connected component of two or
/// more selected policies of `lineage`, a lineage view) into `folder`, named after the
/// family's oldest policy (`<id>.svg`), and an index.html linking them with their titles;
/// whole or not at all (write_folder_atomically). A family past `limits` is written as DOT
/// even when SVG is asked, and the index says so. Throws ExportError.
///
/// Graphviz lays out one graph at a time per process: with `processes` above 1 the drawings
/// are shared among that many processes, this one and forked children. Only a caller that
/// knows the process has no other threads running may ask for more than one (the command
/// line does); a library caller keeps 1.
FamiliesWritten export_families(ExportFormat format, const std::filesystem::path& folder, const Graph& lineage,
                                const ExportOptions& options, const LayoutLimits& limits = {},
                                std::size_t processes = 1);

/// How many edges an export of `format` with `options` writes: those between selected
/// nodes, less the lineage edges that `reduce` takes away in DOT and SVG.
std::size_t written_edge_count(ExportFormat format, const Graph& graph, const ExportOptions& options = {});

/// Writes `format` to a stream (CSV: nodes.csv, a blank line, then edges.csv).
void export_to_stream(ExportFormat format, std::ostream& out, const Graph& graph, const ExportOptions& options = {});

}  // namespace policygraph
