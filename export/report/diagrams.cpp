// SPDX-License-Identifier: MIT
#include "report/diagrams.hpp"

#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sys/stat.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <sstream>

#include "policygraph/export.hpp"

namespace policygraph::report_detail {
namespace {

// Erases every ` name="..."` attribute of `name` from `text`.
void erase_attribute(std::string& text, std::string_view name) {
  const std::string key = " " + std::string(name) + "=\"";
  for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at)) {
    const std::size_t end = text.find('"', at + key.size());
    if (end == std::string::npos) return;
    text.erase(at, end + 1 - at);
  }
}

// Graphviz's SVG as HTML5 takes it inline: no XML declaration or doctype; `href` for the
// links (SVG 2) instead of xlink:href, no xlink:title (each node has its <title>) or target;
// the size in CSS pixels (a unit in `width` is not HTML's) so that the diagram keeps its
// scale and its frame scrolls.
std::string inline_svg(std::string svg) {
  const std::size_t start = svg.find("<svg");
  if (start == std::string::npos) return {};
  svg.erase(0, start);
  erase_attribute(svg, "xmlns:xlink");
  erase_attribute(svg, "xlink:title");
  erase_attribute(svg, "target");
  for (std::size_t at = svg.find(" xlink:href="); at != std::string::npos; at = svg.find(" xlink:href=", at))
    svg.erase(at + 1, 6);
  const std::size_t tag_end = svg.find('>');
  for (std::string_view dimension : {"width", "height"}) {
    const std::string key = " " + std::string(dimension) + "=\"";
    const std::size_t at = svg.find(key);
    if (at == std::string::npos || at > tag_end) continue;
    const std::size_t value = at + key.size();
    const std::size_t end = svg.find('"', value);
    const double points = std::strtod(svg.c_str() + value, nullptr);
    svg.replace(value, end - value, std::to_string(static_cast<long>(points * 4 / 3 + 0.5)));
  }
  return svg;
}

// The family's lineage drawn by Graphviz, its nodes linked to the policies' pages.
std::string family_diagram(const Site& site, const Family& family) {
  ExportOptions options;
  options.selection.vertices.assign(site.lineage.node_count(), false);
  for (VertexId v : family.members) options.selection.vertices[v] = true;
  options.node_url = [&](VertexId v) { return v < site.policy_file.size() ? site.policy_file[v] : std::string(); };
  std::ostringstream svg;
  write_svg(svg, site.lineage, options);
  return inline_svg(svg.str());
}

bool wanted(const Site& site, const Family& family) {
  return family.members.size() <= site.options.max_diagram_policies;
}

bool write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t written = ::write(fd, data, size);
    if (written <= 0) return false;
    data += written;
    size -= static_cast<std::size_t>(written);
  }
  return true;
}

// In a child: draws the wanted families f with f % processes == slot into `fd`, each as
// (family index, length, bytes); ends the process, never returns.
[[noreturn]] void draw_in_child(const Site& site, std::size_t slot, std::size_t processes, int fd) {
  int status = 0;
  try {
    for (std::size_t f = slot; f < site.families.size(); f += processes) {
      if (!wanted(site, site.families[f])) continue;
      const std::string svg = family_diagram(site, site.families[f]);
      const std::uint64_t header[2] = {f, svg.size()};
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

std::vector<std::string> draw_families(const Site& site) {
  std::vector<std::string> diagrams(site.families.size());
  const std::size_t processes = std::max<std::size_t>(1, site.options.processes);
  std::vector<int> files;
  std::vector<pid_t> children;
  for (std::size_t slot = 1; slot < processes && slot < site.families.size(); ++slot) {
    const int file = ::memfd_create("policygraph-diagrams", MFD_CLOEXEC);
    if (file < 0) break;
    const pid_t child = ::fork();
    if (child < 0) {
      ::close(file);
      break;
    }
    if (child == 0) draw_in_child(site, slot, processes, file);
    files.push_back(file);
    children.push_back(child);
  }
  for (std::size_t f = 0; f < site.families.size(); f += processes)
    if (wanted(site, site.families[f])) diagrams[f] = family_diagram(site, site.families[f]);
  for (std::size_t i = 0; i < children.size(); ++i) {
    int status = 0;
    ::waitpid(children[i], &status, 0);
    read_drawings(files[i], diagrams);
    ::close(files[i]);
  }
  // What a child did not deliver (it failed, or was killed) is drawn here.
  for (std::size_t f = 0; f < site.families.size(); ++f)
    if (diagrams[f].empty() && wanted(site, site.families[f])) diagrams[f] = family_diagram(site, site.families[f]);
  return diagrams;
}

}  // namespace policygraph::report_detail
