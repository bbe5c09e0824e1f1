// SPDX-License-Identifier: MIT
// Writing an export whole or not at all, and choosing the writer for a format.
//
// A file goes to a temporary file in the same folder (a rename is atomic only within one
// file system), is flushed and fsync'ed, then renamed over the target; the folder is
// fsync'ed so the rename itself survives a crash. A reader never sees half a file, and a
// failed export leaves the previous file as it was. The temporary is removed on SIGINT or
// SIGTERM, and one left by a writer killed outright is removed by the next export to the
// same target (support/temporary_files.hpp).
//
// A folder of files (the CSV export) is written the same way one level up: into a hidden
// sibling folder, then swapped with the old folder in one renameat2(RENAME_EXCHANGE), so
// the files of one export never mix with those of another. We only do that to a folder
// that holds nothing but what we write: replacing a folder takes everything in it along,
// and a user's `-o .` or `-o ~/data` must not lose their own files. Such a folder is
// updated file by file instead (see write_folder_atomically in export.hpp).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>  // renameat2, RENAME_EXCHANGE (glibc 2.28, _GNU_SOURCE)
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "csv_folder.hpp"
#include "output_target.hpp"
#include "policygraph/export.hpp"
#include "support/for_each_index.hpp"
#include "support/temporary_files.hpp"
#include "write_behind_file.hpp"

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

/// A new empty hidden folder beside `target`: `.<name>.<what>-<pid>-XXXXXX`.
fs::path make_sibling_folder(const fs::path& target, std::string_view what) {
  std::string pattern = support::temporary_pattern(target, what);
  if (::mkdtemp(pattern.data()) == nullptr)
    throw ExportError(system_error_text(target, "cannot create a folder beside it"));
  return pattern;
}

/// How write_folder_atomically treats the target folder.
enum class FolderState : unsigned char {
  absent,  ///< create it by renaming the staging folder
  ours,    ///< holds only our files: swap the staging folder with it
  shared,  ///< holds other files too, or is a symbolic link: update it file by file
};

FolderState folder_state(const fs::path& target, const std::function<bool(std::string_view)>& ours, mode_t& mode) {
  struct stat status {};
  if (::lstat(target.c_str(), &status) != 0) {
    if (errno == ENOENT) return FolderState::absent;
    throw ExportError(system_error_text(target, "cannot read"));
  }
  if (S_ISLNK(status.st_mode)) {
    if (::stat(target.c_str(), &status) != 0 || !S_ISDIR(status.st_mode))
      throw ExportError(target.string() + ": is not a folder");
    return FolderState::shared;  // replacing it would replace the link, not what it names
  }
  if (!S_ISDIR(status.st_mode)) throw ExportError(target.string() + ": is not a folder");
  mode = status.st_mode & 07777;
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(target, error)) {
    std::error_code ignored;
    if (!entry.is_regular_file(ignored) || entry.is_symlink(ignored) || !ours(entry.path().filename().string()))
      return FolderState::shared;
  }
  if (error) throw ExportError(target.string() + ": cannot read the folder: " + error.message());
  return FolderState::ours;
}

void write_file(const fs::path& path, const FolderFile& file) {
  write_file_atomically(path, file.write);
  if (file.executable && ::chmod(path.c_str(), 0755) != 0) throw ExportError(system_error_text(path, "cannot chmod"));
}

/// Writes a file into a staging folder nobody else reads: no temporary beside it and no
/// fsync of its own, since the folder is synced whole (sync_staging) before it takes the
/// target's place. A report of 12,000 pages spent minutes in per-file fsyncs otherwise.
void write_staged_file(const fs::path& path, const FolderFile& file) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, file.executable ? 0755 : 0644);
  if (fd < 0) throw ExportError(system_error_text(path, "cannot create"));
  bool written = false;
  try {
    export_detail::WriteBehindFile stream_buffer(fd, export_detail::LargeFile::direct);
    std::ostream out(&stream_buffer);
    file.write(out);
    written = out && stream_buffer.finish();
  } catch (const std::exception& error) {
    ::close(fd);
    throw ExportError(path.string() + ": " + error.what());
  }
  if (::close(fd) != 0 || !written) throw ExportError(system_error_text(path, "cannot write"));
}

/// Makes every file of the staging folder durable at once: syncfs of its file system, one
/// call instead of one fsync per file; then the folder itself.
void sync_staging(const fs::path& staging) {
  const int fd = ::open(staging.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw ExportError(system_error_text(staging, "cannot open"));
  const bool synced = ::syncfs(fd) == 0 && ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) throw ExportError(system_error_text(staging, "cannot sync"));
}

/// Removes the folder an export replaced, its entries on several threads at once: removing
/// a file waits on the disk more than it computes. A report of 12,059 pages in one folder
/// went in 0.72-0.77 s on one thread and 0.35-0.36 s on four (rm -rf against four
/// `xargs rm`), and a run of `report` into its previous folder paid that each time. Each
/// entry goes through fs::remove_all, which removes a link and never what it leads to.
void remove_replaced_folder(const fs::path& old) {
  std::vector<fs::path> entries;
  std::error_code error;
  for (fs::directory_iterator entry(old, error), end; !error && entry != end; entry.increment(error))
    entries.push_back(entry->path());
  support::for_each_index(entries.size(), support::disk_bound_threads_or_default(0), [&](std::size_t i) {
    std::error_code ignored;
    fs::remove_all(entries[i], ignored);
    return true;
  });
  std::error_code ignored;
  fs::remove_all(old, ignored);  // the folder, and whatever the listing did not reach
}

/// Puts `staging` in the place of `target`, which exists; afterwards `staging` is gone.
void replace_folder(const fs::path& staging, const fs::path& target) {
#ifdef RENAME_EXCHANGE
  if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
    remove_replaced_folder(staging);  // now the old folder
    return;
  }
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
    throw ExportError(system_error_text(target, "cannot replace"));
#endif
  // No atomic exchange on this file system: move the old folder aside (a folder may be
  // renamed over an empty one), move the new one in, drop the old. Between the two
  // renames `target` is missing; on failure the old folder goes back.
  const fs::path old = make_sibling_folder(target, "old");
  if (::rename(target.c_str(), old.c_str()) != 0) {
    const std::string message = system_error_text(target, "cannot replace");
    std::error_code ignored;
    fs::remove(old, ignored);
    throw ExportError(message);
  }
  if (::rename(staging.c_str(), target.c_str()) != 0) {
    const std::string message = system_error_text(target, "cannot replace");
    ::rename(old.c_str(), target.c_str());
    throw ExportError(message);
  }
  remove_replaced_folder(old);
}

/// Writes to a stream (a FIFO, a device, an open descriptor) as it is generated: there is
/// nothing to rename, so a failure midway leaves what was written.
void write_through(const fs::path& path, int fd, const std::function<void(std::ostream&)>& write) {
  export_detail::WriteBehindFile file(fd);
  std::ostream out(&file);
  try {
    write(out);
  } catch (const ExportError&) {
    throw;
  } catch (const std::exception& error) {
    throw ExportError(path.string() + ": " + error.what());
  }
  if (!out || !file.finish()) throw ExportError(system_error_text(path, "cannot write"));
}

/// Writes a regular file (or a new one) whole or not at all: the temporary file renamed over it.
void replace_file(const fs::path& path, const std::function<void(std::ostream&)>& write) {
  const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
  if (path.has_parent_path()) {
    std::error_code error;
    fs::create_directories(folder, error);
    if (error)
      throw ExportError(path.string() + ": cannot create the folder '" + folder.string() + "' (" + error.message() +
                        "); write the file elsewhere");
  }
  support::remove_stale_temporaries(path);
  std::string pattern = support::temporary_pattern(path, "tmp");
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) {
    if (errno == EACCES || errno == EROFS)
      throw ExportError(path.string() + ": cannot write in the folder '" + folder.string() + "' (" +
                        std::strerror(errno) + "); write the file elsewhere");
    throw ExportError(system_error_text(path, "cannot create a temporary file beside it"));
  }
  const fs::path temporary = pattern;
  support::TemporaryRegistration registration(temporary, false);  // removed on SIGINT or SIGTERM
  // mkstemp makes the file 0600; an export is an ordinary file, or keeps the mode of the
  // file it replaces.
  struct stat existing {};
  mode_t mode = ::stat(path.c_str(), &existing) == 0 ? (existing.st_mode & 07777) : 0644;
  ::fchmod(fd, mode);

  // Every failure closes the file and removes it.
  auto fail = [&](const std::string& message) {
    if (fd >= 0) ::close(fd);
    fd = -1;
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw ExportError(message);
  };
  try {
    export_detail::WriteBehindFile file(fd, export_detail::LargeFile::direct);
    std::ostream out(&file);
    write(out);
    if (!out || !file.finish()) fail(system_error_text(path, "cannot write"));
  } catch (const ExportError&) {
    if (fd >= 0) ::close(fd);
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw;
  } catch (const std::exception& error) {
    fail(path.string() + ": " + error.what());
  } catch (...) {
    if (fd >= 0) ::close(fd);
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw;
  }
  if (::fsync(fd) != 0) fail(system_error_text(path, "cannot sync"));
  const int closed = ::close(fd);
  fd = -1;
  if (closed != 0) fail(system_error_text(path, "cannot write"));
  if (::rename(temporary.c_str(), path.c_str()) != 0) fail(system_error_text(path, "cannot replace"));
  sync_path(folder, O_RDONLY | O_DIRECTORY);  // best effort: some file systems refuse
}

}  // namespace

void write_file_atomically(const fs::path& path, const std::function<void(std::ostream&)>& write) {
  const export_detail::OutputTarget target = export_detail::output_target(path);
  switch (target.kind) {
    case export_detail::OutputTarget::Kind::replace: replace_file(target.path, write); return;
    case export_detail::OutputTarget::Kind::descriptor: write_through(path, target.fd, write); return;
    case export_detail::OutputTarget::Kind::stream: {
      // A FIFO waits here for a reader, as the shell's `>` does.
      const int fd = ::open(target.path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
      if (fd < 0) throw ExportError(system_error_text(path, "cannot open"));
      struct stat info {};
      if (::fstat(fd, &info) != 0 || !(S_ISFIFO(info.st_mode) || S_ISCHR(info.st_mode))) {
        ::close(fd);
        throw ExportError(path.string() + ": changed while it was opened; write it again");
      }
      try {
        write_through(path, fd, write);
      } catch (...) {
        ::close(fd);
        throw;
      }
      if (::close(fd) != 0) throw ExportError(system_error_text(path, "cannot write"));
      return;
    }
  }
}

void write_folder_atomically(const fs::path& folder, const std::vector<FolderFile>& files,
                             const std::function<bool(std::string_view name)>& ours) {
  // `out/neo4j/` names `out/neo4j`; `.`, `..` and `/` cannot be renamed, so they are
  // always updated in place.
  fs::path target = folder.lexically_normal();
  if (!target.has_filename() && target.has_parent_path() && target != target.root_path()) target = target.parent_path();
  const std::string name = target.filename().string();
  const bool renamable = !name.empty() && name != "." && name != "..";
  if (target.has_parent_path()) {
    std::error_code error;
    fs::create_directories(target.parent_path(), error);
    if (error) throw ExportError(target.parent_path().string() + ": cannot create the folder: " + error.message());
  } else {
    target = fs::path(".") / target;  // so that parent_path() is the current folder
  }

  mode_t mode = 0755;
  FolderState state = renamable ? folder_state(target, ours, mode) : FolderState::shared;
  if (state == FolderState::shared) {
    std::error_code error;
    fs::create_directories(target, error);
    if (error) throw ExportError(target.string() + ": cannot create the folder: " + error.message());
    std::set<std::string, std::less<>> written;
    for (const FolderFile& file : files) {
      write_file(target / file.name, file);
      written.insert(file.name);
    }
    // What an older export wrote and this one does not: gone, as it would be from a
    // folder replaced whole.
    for (const fs::directory_entry& entry : fs::directory_iterator(target, error)) {
      const std::string entry_name = entry.path().filename().string();
      std::error_code ignored;
      if (entry.is_regular_file(ignored) && !entry.is_symlink(ignored) && ours(entry_name) &&
          !written.contains(entry_name))
        fs::remove(entry.path(), ignored);
    }
    return;
  }

  support::remove_stale_temporaries(target);
  const fs::path staging = make_sibling_folder(target, "tmp");
  // Removed on SIGINT or SIGTERM: before the swap it is the new export half written, after
  // it the old export on its way out. The "old" folder of the fallback is not registered:
  // between its two renames it holds the only copy of the export.
  support::TemporaryRegistration registration(staging, true);
  try {
    if (::chmod(staging.c_str(), mode) != 0) throw ExportError(system_error_text(staging, "cannot chmod"));
    for (const FolderFile& file : files) write_staged_file(staging / file.name, file);
    sync_staging(staging);
    if (state == FolderState::absent) {
      if (::rename(staging.c_str(), target.c_str()) != 0) throw ExportError(system_error_text(target, "cannot create"));
    } else {
      replace_folder(staging, target);
    }
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(staging, ignored);
    throw;
  }
  sync_path(target.parent_path(), O_RDONLY | O_DIRECTORY);  // best effort, as for a file
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
  write_folder_atomically(path, export_detail::csv_folder_files(graph, options),
                          export_detail::is_csv_folder_file_name);
}

}  // namespace policygraph
