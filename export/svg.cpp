// SPDX-License-Identifier: MIT
// SVG rendered from our DOT by the Graphviz library, in process.
//
// Why libgvc and not the `dot` binary: no dependency on a program being on PATH (or a
// different one being there), no temporary files or pipes to clean up, errors come back
// to us instead of a child's stderr, and an export stays one atomic write of our own
// stream. Graphviz reports problems through agerr; we collect them with agseterrf and
// throw ExportError carrying them.
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <memory>
#include <mutex>
#include <sstream>
#include <string>

#include "policygraph/export.hpp"

namespace policygraph {
namespace {

// agerr's handler is a process-wide function pointer: one rendering at a time.
std::mutex graphviz_mutex;
std::string* graphviz_messages = nullptr;  // guarded by graphviz_mutex

int collect_message(char* message) {
  if (graphviz_messages != nullptr && message != nullptr) *graphviz_messages += message;
  return 0;
}

}  // namespace

void write_svg(std::ostream& out, const Graph& graph, const ExportOptions& options) {
  std::ostringstream dot;
  write_dot(dot, graph, options);
  const std::string text = dot.str();

  std::lock_guard lock(graphviz_mutex);
  std::string messages;
  graphviz_messages = &messages;
  // The library never prints: errors are collected, and warnings (below AGERR) are not
  // emitted at all. The previous handler and level come back afterwards.
  struct Cleanup {
    agusererrf handler = agseterrf(collect_message);
    agerrlevel_t level = agseterr(AGERR);
    ~Cleanup() {
      agseterrf(handler);
      agseterr(level);
      graphviz_messages = nullptr;
    }
  } cleanup;

  // One context for the process, never freed: Graphviz 2.42's pango plugin remembers the
  // last font it measured by a pointer into the context's font table, so a drawing after
  // the context that held it was freed reads freed memory (AddressSanitizer saw it when the
  // report drew its families one after another).
  static GVC_t* const context = gvContext();
  if (context == nullptr) throw ExportError("Graphviz: cannot create a context");
  std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> g(agmemread(text.c_str()), agclose);
  if (!g) throw ExportError("Graphviz cannot read the DOT: " + messages);
  if (gvLayout(context, g.get(), "dot") != 0) throw ExportError("Graphviz layout failed: " + messages);
  char* rendered = nullptr;
  unsigned int length = 0;
  int status = gvRenderData(context, g.get(), "svg", &rendered, &length);
  gvFreeLayout(context, g.get());
  if (status != 0 || rendered == nullptr) {
    if (rendered != nullptr) gvFreeRenderData(rendered);
    throw ExportError("Graphviz cannot render SVG: " + messages);
  }
  out.write(rendered, static_cast<std::streamsize>(length));
  gvFreeRenderData(rendered);
}

}  // namespace policygraph
