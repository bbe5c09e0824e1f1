// SPDX-License-Identifier: MIT
#include "drawing_processes.hpp"

#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace policygraph::export_detail {
namespace {

bool write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t written = ::write(fd, data, size);
    if (written <= 0) return false;
    data += written;
    size -= static_cast<std::size_t>(written);
  }
  return true;
}

// In a child: draws the wanted i with i % processes == slot into `fd`, each as (index,
// length, bytes); ends the process, never returns.
[[noreturn]] void draw_in_child(std::size_t count, std::size_t slot, std::size_t processes,
                                const std::function<bool(std::size_t)>& wanted,
                                const std::function<std::string(std::size_t)>& draw, int fd) {
  int status = 0;
  try {
    for (std::size_t i = slot; i < count; i += processes) {
      if (!wanted(i)) continue;
      const std::string svg = draw(i);
      const std::uint64_t header[2] = {i, svg.size()};
      if (!write_all(fd, reinterpret_cast<const char*>(header), sizeof header) ||
          !write_all(fd, svg.data(), svg.size()))
        status = 1;
    }
  } catch (...) {
    status = 1;
  }
  ::_exit(status);  // no destructors, no atexit handlers: they belong to the parent
}

// Reads what a child wrote into `fd` into `diagrams`.
void read_drawings(int fd, std::vector<std::string>& diagrams) {
  struct stat info {};
  if (::fstat(fd, &info) != 0 || info.st_size <= 0) return;
  std::string bytes(static_cast<std::size_t>(info.st_size), '\0');
  if (::pread(fd, bytes.data(), bytes.size(), 0) != static_cast<ssize_t>(bytes.size())) return;
  std::size_t at = 0;
  while (at + 16 <= bytes.size()) {
    std::uint64_t header[2];
    std::memcpy(header, bytes.data() + at, sizeof header);
    at += sizeof header;
    if (header[0] >= diagrams.size() || header[1] > bytes.size() - at) return;
    diagrams[header[0]] = bytes.substr(at, header[1]);
    at += header[1];
  }
}

}  // namespace

std::vector<std::string> draw_in_processes(std::size_t count, std::size_t processes,
                                           const std::function<bool(std::size_t)>& wanted,
                                           const std::function<std::string(std::size_t)>& draw) {
  std::vector<std::string> diagrams(count);
  processes = std::max<std::size_t>(1, processes);
  std::vector<int> files;
  std::vector<pid_t> children;
  for (std::size_t slot = 1; slot < processes && slot < count; ++slot) {
    const int file = ::memfd_create("policygraph-diagrams", MFD_CLOEXEC);
    if (file < 0) break;
    const pid_t child = ::fork();
    if (child < 0) {
      ::close(file);
      break;
    }
    if (child == 0) draw_in_child(count, slot, processes, wanted, draw, file);
    files.push_back(file);
    children.push_back(child);
  }
  for (std::size_t i = 0; i < count; i += processes)
    if (wanted(i)) diagrams[i] = draw(i);
  for (std::size_t i = 0; i < children.size(); ++i) {
    int status = 0;
    ::waitpid(children[i], &status, 0);
    read_drawings(files[i], diagrams);
    ::close(files[i]);
  }
  // What a child did not deliver (it failed, or was killed) is drawn here.
  for (std::size_t i = 0; i < count; ++i)
    if (diagrams[i].empty() && wanted(i)) diagrams[i] = draw(i);
  return diagrams;
}

}  // namespace policygraph::export_detail
