// SPDX-License-Identifier: MIT
// Writing an export whole or not at all, and choosing the writer for a format.
//
// The document goes to a temporary file in the same folder (a rename is atomic only
// within one file system), is flushed and fsync'ed, then renamed over the target; the
// folder is fsync'ed so the rename itself survives a crash. A reader never sees half a
// file, and a failed export leaves the previous file as it was.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>

#include "policygraph/export.hpp"

namespace policygraph {
namespace {

namespace fs = std::filesystem;

std::string system_error_text(const fs::path& path, std::string_view what) {
  return path.string() + ": " + std::string(what) + ": " + std::strerror(errno);
}

/// fsync of an existing path; false on failure (errno set).
bool sync_path(const fs::path& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

void write_file_atomically(const fs::path& path, const std::function<void(std::ostream&)>& write) {
  const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::string pattern = (folder / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) throw ExportError(system_error_text(path, "cannot create a temporary file"));
  const fs::path temporary = pattern;
  // mkstemp makes the file 0600; an export is an ordinary file, or keeps the mode of the
  // file it replaces.
  struct stat existing {};
  mode_t mode = ::stat(path.c_str(), &existing) == 0 ? (existing.st_mode & 07777) : 0644;
  ::fchmod(fd, mode);
  ::close(fd);

  auto fail = [&](const std::string& message) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw ExportError(message);
  };
  try {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) fail(system_error_text(temporary, "cannot open"));
    write(out);
    out.flush();
    if (!out) fail(system_error_text(path, "cannot write"));
    out.close();
    if (!out) fail(system_error_text(path, "cannot write"));
  } catch (const ExportError&) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw;
  } catch (const std::exception& error) {
    fail(path.string() + ": " + error.what());
  } catch (...) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw;
  }
  if (!sync_path(temporary, O_RDONLY)) fail(system_error_text(path, "cannot sync"));
  if (::rename(temporary.c_str(), path.c_str()) != 0) fail(system_error_text(path, "cannot replace"));
  sync_path(folder, O_RDONLY | O_DIRECTORY);  // best effort: some file systems refuse
}

void export_to_stream(ExportFormat format, std::ostream& out, const Graph& graph, const ExportOptions& options) {
  switch (format) {
    case ExportFormat::graphml: write_graphml(out, graph, options); return;
    case ExportFormat::gexf: write_gexf(out, graph, options); return;
    case ExportFormat::dot: write_dot(out, graph, options); return;
    case ExportFormat::svg: write_svg(out, graph, options); return;
    case ExportFormat::json: write_node_link_json(out, graph, options); return;
    case ExportFormat::csv:
      write_csv_nodes(out, graph, options);
      out << '\n';
      write_csv_edges(out, graph, options);
      return;
  }
}

void export_to_path(ExportFormat format, const fs::path& path, const Graph& graph, const ExportOptions& options) {
  if (format != ExportFormat::csv) {
    write_file_atomically(path, [&](std::ostream& out) { export_to_stream(format, out, graph, options); });
    return;
  }
  std::error_code error;
  fs::create_directories(path, error);
  if (error) throw ExportError(path.string() + ": cannot create the folder: " + error.message());
  write_file_atomically(path / "nodes.csv", [&](std::ostream& out) { write_csv_nodes(out, graph, options); });
  write_file_atomically(path / "edges.csv", [&](std::ostream& out) { write_csv_edges(out, graph, options); });
}

}  // namespace policygraph
