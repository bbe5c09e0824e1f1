// SPDX-License-Identifier: MIT
// Graphviz DOT for lineage diagrams (MODEL.md section 4).
//
// Layout: left to right by year. Each year present gets a node on an invisible axis
// ("year:2005" -> "year:2008" [style=invis]) and a `{rank=same; ...}` group with the
// policies of that year, so years read left to right and each year is one column. Keys
// cannot collide with the axis: node keys start with policy:, facility:, cluster: or tag:.
// A lineage edge (newer -> older) is written from the older policy to the newer one with
// `dir=back`: the arrow still points at the older policy, and every edge runs forward in
// time, so dot never has to break a cycle formed with the axis by reversing the axis.
// Other edges (tags, clusters, facilities) have `constraint=false`: time drives the layout.
//
// Lineage kinds (MODEL.md 7.1), each in its own style. Since a lineage edge is written
// older -> newer with `dir=back`, the end drawn at the older act, the one acted on, is the
// edge's *tail*: its shape is `arrowtail`, not `arrowhead`.
//   supersedes     solid, an arrow            (replaced)
//   consolidates   solid, a diamond           (merged into the newer act)
//   repeals        solid, a bar (`tee`)       (ended, no successor)
//   amends         dashed, an arrow           (changed, still in force)
//   implements     dotted, an arrow           (transposed, unchanged)
// Each lineage edge's tooltip names its kind and the day it takes effect.
//
// Legend: a `cluster_legend` with a sample of each lineage kind drawn and a table of the
// fill colours of the policy states present (palette.hpp), plus the pale, dashed fill of an
// unresolved policy when one is drawn. Its nodes (`legend:...`, which no node key or year
// can be) are linked to nothing else, so they form their own component: dot ranks it on
// its own, and no year column moves. A sample is an invisible node (the older act) and
// the kind's name (the newer act), of the same height so that the line stays level.
//
// Escaping: every id and label is double-quoted. In ids, `"` and `\` are backslash-escaped
// and a newline becomes `\n` (only uniqueness matters there). In labels (escString) the
// same, so a title shows as written, its newlines as line breaks. Characters XML 1.0 cannot
// carry are dropped, since SVG is rendered from this file. Labels are cut at 200
// characters and wrapped near 30, and an id longer than 1000 bytes becomes `n<vertex>`:
// Graphviz refuses quoted strings beyond 16384 bytes.
//
// --reduce: the transitive reduction of the lineage edges among the written nodes. An
// edge u->v is dropped when v is reachable from another lineage successor w of u without
// passing through u. On a DAG that is the transitive reduction; on a cycle (a validation
// error) it terminates and keeps the cycle. O(E_lineage * (V + E_lineage)).
#include <algorithm>
#include <map>
#include <set>

#include "label_text.hpp"
#include "node_attributes.hpp"
#include "palette.hpp"
#include "policygraph/evolution.hpp"
#include "time_axis.hpp"

namespace policygraph {
namespace {

using namespace export_detail;

constexpr std::string_view diagram_fonts = "Noto Sans,Noto Sans CJK SC,DejaVu Sans,Helvetica,sans-serif";

/// Drops what cannot reach an SVG: C0 controls but tab and newline (tab becomes a space).
std::string printable(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\t')
      out += ' ';
    else if (c == '\n' || static_cast<unsigned char>(c) >= 0x20)
      out += c;
  }
  return out;
}

std::string dot_quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '\r') continue;
    out += c;
  }
  out += '"';
  return out;
}

std::string_view shape(NodeKind kind) {
  switch (kind) {
    case NodeKind::policy: return "box";
    case NodeKind::facility: return "hexagon";
    case NodeKind::cluster: return "octagon";
    case NodeKind::tag: return "ellipse";
  }
  return "box";
}

std::vector<bool> reduced_away(const Graph& graph, const std::vector<EdgeId>& edges, const Selection& selection) {
  std::vector<bool> drop(graph.edge_count(), false);
  auto lineage_successors = [&](VertexId v, auto&& visit) {
    for (EdgeId e : graph.out_edges(v)) {
      const Edge& edge = graph.edge(e);
      if (is_lineage(edge.kind) && selection.contains(edge.target)) visit(edge.target);
    }
  };
  std::vector<char> seen(graph.node_count(), 0);
  std::vector<VertexId> stack, touched;
  for (EdgeId e : edges) {
    const Edge& edge = graph.edge(e);
    if (!is_lineage(edge.kind)) continue;
    const VertexId u = edge.source, v = edge.target;
    bool reachable = false;
    touched.clear();
    auto mark = [&](VertexId w) {
      if (w == u || seen[w]) return;
      seen[w] = 1;
      touched.push_back(w);
      stack.push_back(w);
    };
    lineage_successors(u, [&](VertexId w) {
      if (w != v) mark(w);
    });
    while (!stack.empty() && !reachable) {
      VertexId w = stack.back();
      stack.pop_back();
      lineage_successors(w, [&](VertexId x) {
        if (x == v) reachable = true;
        mark(x);
      });
    }
    stack.clear();
    for (VertexId w : touched) seen[w] = 0;
    drop[e] = reachable;
  }
  return drop;
}

// How a lineage edge is drawn (see the note at the top: the older act is the tail).
std::string_view lineage_style(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::consolidates: return ", arrowtail=diamond";
    case EdgeKind::repeals: return ", arrowtail=tee";
    case EdgeKind::amends: return ", style=dashed";
    case EdgeKind::implements: return ", style=dotted";
    default: return "";  // supersedes: solid, an arrow
  }
}

// What a lineage kind does to the older act, for the legend.
std::string_view lineage_gloss(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::consolidates: return "merges it in";
    case EdgeKind::repeals: return "ends it";
    case EdgeKind::amends: return "it stays in force";
    case EdgeKind::implements: return "transposes it";
    default: return "replaces it";
  }
}

std::string_view state_caption(LegalState state) {
  switch (state) {
    case LegalState::in_force: return "in force";
    case LegalState::pending: return "pending (adopted, not yet applying)";
    case LegalState::proposed: return "proposed (not adopted)";
    case LegalState::ended: return "ended";
    case LegalState::unknown: break;
  }
  return "state unknown";
}

// "amends, with effect from 2012-07-01": a lineage edge's tooltip.
std::string lineage_tooltip(const Graph& graph, EdgeId e) {
  std::string text(to_string(graph.edge(e).kind));
  if (auto day = takes_effect(graph, e)) text += ", with effect from " + day->iso();
  return text;
}

// What the legend explains: the lineage kinds drawn and the states of the policies drawn.
struct LegendContent {
  std::set<EdgeKind> kinds;
  std::set<LegalState> states;
  bool unresolved = false;
  bool empty() const { return kinds.empty() && states.empty() && !unresolved; }
};

LegendContent legend_content(const Graph& graph, const Selection& selection, const std::vector<EdgeId>& edges) {
  LegendContent content;
  for (EdgeId e : edges)
    if (is_lineage(graph.edge(e).kind)) content.kinds.insert(graph.edge(e).kind);
  for (VertexId v : graph.policies()) {
    if (!selection.contains(v)) continue;
    if (graph.node(v).resolved)
      content.states.insert(legal_state(graph, v));
    else
      content.unresolved = true;
  }
  return content;
}

void write_legend(std::ostream& out, const LegendContent& content) {
  if (content.empty()) return;
  // The title says which way to read the lines, when there are any.
  const std::string_view title = content.kinds.empty() ? "Legend" : "Legend (lines end at the older act)";
  out << "  // The legend: a sample of each kind of relation drawn, and the fill colours of the policies.\n"
         "  subgraph cluster_legend {\n"
         "    graph [label="
      << dot_quoted(title)
      << ", fontsize=10, color=\"#bbbbbb\", style=rounded];\n"
         "    node [shape=plaintext, style=\"\", fontsize=9, width=0, height=0.25, margin=\"0.05,0\"];\n";
  // In the order of MODEL.md 7.1.
  for (EdgeKind kind :
       {EdgeKind::supersedes, EdgeKind::consolidates, EdgeKind::repeals, EdgeKind::amends, EdgeKind::implements}) {
    if (!content.kinds.contains(kind)) continue;
    const std::string name(to_string(kind));
    const std::string older = dot_quoted("legend:" + name + ":older"), newer = dot_quoted("legend:" + name);
    out << "    " << older << " [label=\"\"];\n"
        << "    " << newer << " [label=" << dot_quoted(name + " (" + std::string(lineage_gloss(kind)) + ")") << "];\n"
        << "    " << older << " -> " << newer << " [dir=back" << lineage_style(kind) << "];\n";
  }
  if (!content.states.empty() || content.unresolved) {
    out << "    \"legend:states\" [label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"2\" CELLPADDING=\"3\">";
    for (LegalState state :
         {LegalState::in_force, LegalState::pending, LegalState::proposed, LegalState::ended, LegalState::unknown})
      if (content.states.contains(state))
        out << "<TR><TD BGCOLOR=\"" << state_color(state).hex() << "\">" << state_caption(state) << "</TD></TR>";
    if (content.unresolved)
      out << "<TR><TD BGCOLOR=\"" << pale(state_color(LegalState::unknown)).hex()
          << "\" STYLE=\"dashed\">not in the corpus</TD></TR>";
    out << "</TABLE>>];\n";
  }
  out << "  }\n";
}

// The edges a diagram draws: those between selected nodes, reduced when asked.
std::vector<EdgeId> drawn_edges(const Graph& graph, const ExportOptions& options) {
  std::vector<EdgeId> edges = selected_edges(graph, options.selection);
  if (options.reduce) {
    std::vector<bool> drop = reduced_away(graph, edges, options.selection);
    std::erase_if(edges, [&](EdgeId e) { return drop[e]; });
  }
  return edges;
}

}  // namespace

std::size_t written_edge_count(ExportFormat format, const Graph& graph, const ExportOptions& options) {
  if (format == ExportFormat::dot || format == ExportFormat::svg) return drawn_edges(graph, options).size();
  return selected_edges(graph, options.selection).size();
}

void write_dot(std::ostream& out, const Graph& graph, const ExportOptions& options) {
  const Selection& selection = options.selection;
  const std::vector<EdgeId> edges = drawn_edges(graph, options);
  auto id = [&](VertexId v) {
    std::string key = graph.key(v);
    return dot_quoted(key.size() > 1000 ? "n" + std::to_string(v) : printable(key));
  };

  out << "digraph policygraph {\n";
  // A font list with a CJK font: Chinese and Japanese titles need one (Debian's fonts-noto-cjk),
  // and an SVG names the list for the browser that shows it.
  const std::string font = dot_quoted(diagram_fonts);
  out << "  graph [rankdir=LR, charset=\"UTF-8\", nodesep=0.3, ranksep=0.6, fontname=" << font << "];\n";
  out << "  node [fontname=" << font << ", fontsize=10, style=filled, penwidth=1];\n";
  out << "  edge [fontname=" << font << ", fontsize=8, color=\"#555555\"];\n";

  const std::vector<AxisColumn> axis = time_axis(graph, selection, edges);
  if (!axis.empty()) {
    out << "  // The time axis: a column per year, left to right; a break where years are far apart;\n";
    out << "  // a \"date unknown\" lane beside the nearest dated relative of undated policies.\n";
    out << "  node [shape=plaintext, style=\"\", fontsize=14];\n";
    for (const AxisColumn& column : axis) {
      out << "  " << dot_quoted(column.key) << " [label=" << dot_quoted(column.label);
      if (column.type != AxisColumn::Type::year)
        out << ", fontsize=10, fontcolor=\"#777777\", tooltip=" << dot_quoted(column.tooltip);
      out << "];\n";
    }
    for (std::size_t i = 0; i + 1 < axis.size(); ++i)
      out << "  " << dot_quoted(axis[i].key) << " -> " << dot_quoted(axis[i + 1].key) << " [style=invis];\n";
    out << "  node [fontsize=10, style=filled];\n";
  }

  for (VertexId v : graph.vertices()) {
    if (!selection.contains(v)) continue;
    const Node& node = graph.node(v);
    std::string style = node.kind == NodeKind::policy ? "rounded,filled" : "filled";
    if (!node.resolved) style += ",dashed";
    std::string tooltip = graph.key(v);
    if (node.date) tooltip += " (" + node.date->iso() + ")";
    std::string label = wrap_label(printable(node.label));
    if (node.kind == NodeKind::policy && !node.date) label += "\n(date unknown)";
    out << "  " << id(v) << " [label=" << dot_quoted(label) << ", shape=" << shape(node.kind)
        << ", style=" << dot_quoted(style) << ", fillcolor=" << dot_quoted(node_color(graph, v).hex())
        << ", tooltip=" << dot_quoted(wrap_label(printable(tooltip), 300, 1000));
    if (options.node_url) {
      const std::string url = options.node_url(v);
      if (!url.empty()) out << ", URL=" << dot_quoted(printable(url)) << ", target=\"_top\"";
    }
    out << "];\n";
  }

  for (const AxisColumn& column : axis) {
    if (column.members.empty()) continue;
    out << "  {rank=same; " << dot_quoted(column.key) << ";";
    for (VertexId v : column.members) out << ' ' << id(v) << ';';
    out << "}\n";
  }

  for (EdgeId e : edges) {
    const Edge& edge = graph.edge(e);
    if (is_lineage(edge.kind)) {
      // Older first, arrow drawn back at it: see the note at the top.
      out << "  " << id(edge.target) << " -> " << id(edge.source) << " [dir=back" << lineage_style(edge.kind)
          << ", tooltip=" << dot_quoted(lineage_tooltip(graph, e)) << "];\n";
    } else {
      out << "  " << id(edge.source) << " -> " << id(edge.target) << " [constraint=false, color=\"#aaaaaa\"";
      // A tooltip, not a label: Graphviz 2.42 frees twice the label of an edge whose ends
      // share a column (dot's flat_edges), and a process that draws again then crashes.
      if (edge.kind == EdgeKind::related_facility || edge.kind == EdgeKind::related)
        out << ", tooltip=" << dot_quoted(to_string(edge.kind));
      out << "];\n";
    }
  }
  write_legend(out, legend_content(graph, selection, edges));
  out << "}\n";
}

}  // namespace policygraph
