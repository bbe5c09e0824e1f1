// SPDX-License-Identifier: MIT
#include "markdown.hpp"

#include <cmark.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace policygraph::report_detail {
namespace {

struct FreeNode {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct FreeIter {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
struct FreeText {
  void operator()(char* text) const { std::free(text); }  // cmark's default allocator
};

// C0 controls but tab, newline and carriage return: HTML cannot carry them (escape_html
// drops them too), and cmark passes them through.
std::string without_controls(std::string_view text) {
  std::string kept;
  kept.reserve(text.size());
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 || c == '\t' || c == '\n' || c == '\r') kept += c;
  }
  return kept;
}

// Every node of `document` of `type`, in document order.
template <typename Visit>
void for_each_node(cmark_node* document, cmark_node_type type, Visit&& visit) {
  const std::unique_ptr<cmark_iter, FreeIter> iter(cmark_iter_new(document));
  for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == type) visit(node);
  }
}

}  // namespace

std::string markdown_html(std::string_view text, int top_heading) {
  const std::string source = without_controls(text);
  const std::unique_ptr<cmark_node, FreeNode> document(
      cmark_parse_document(source.data(), source.size(), CMARK_OPT_VALIDATE_UTF8));
  if (!document) return {};
  int highest = 6;
  for_each_node(document.get(), CMARK_NODE_HEADING,
                [&](cmark_node* heading) { highest = std::min(highest, cmark_node_get_heading_level(heading)); });
  const int shift = std::max(0, top_heading - highest);
  for_each_node(document.get(), CMARK_NODE_HEADING, [&](cmark_node* heading) {
    cmark_node_set_heading_level(heading, std::min(6, cmark_node_get_heading_level(heading) + shift));
  });
  // No CMARK_OPT_UNSAFE: raw HTML and dangerous links are left out.
  const std::unique_ptr<char, FreeText> html(cmark_render_html(document.get(), CMARK_OPT_DEFAULT));
  return html ? std::string(html.get()) : std::string();
}

}  // namespace policygraph::report_detail
