// SPDX-License-Identifier: MIT
// The files of a CSV export folder (csv.cpp explains the layout), for export_to_path.
#pragma once

#include <string_view>
#include <vector>

#include "policygraph/export.hpp"

namespace policygraph::export_detail {

/// The files of a CSV export of `graph`, in the order they are written: nodes.csv,
/// edges.csv, the node file of each kind that has nodes, the relationship file of each
/// edge type and pair of end kinds that has edges, then import.sh and README.txt (last,
/// because they name the others).
std::vector<FolderFile> csv_folder_files(const Graph& graph, const ExportOptions& options);

/// True for a name a CSV export writes or could write for some graph (`nodes.csv`,
/// `facility.nodes.csv`, `tagged.policy-tag.edges.csv`, `import.sh`, ...), and for the
/// hidden temporary file write_file_atomically leaves behind such a name after a crash:
/// what we may replace or remove in an export folder.
bool is_csv_folder_file_name(std::string_view name);

}  // namespace policygraph::export_detail
