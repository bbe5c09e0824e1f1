// SPDX-License-Identifier: MIT
#include "markdown.hpp"

#include <cmark.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "xml_writer.hpp"

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

// The C0 controls HTML cannot carry, dropped (as escape_html drops them): cmark passes
// them through.
std::string without_controls(std::string_view text) {
  std::string kept;
  kept.reserve(text.size());
  for (char c : text)
    if (export_detail::xml_carries(static_cast<unsigned char>(c))) kept += c;
  return kept;
}

// visit(event, node) for each step of a walk over `root` and its descendants, in document
// order: a container is entered and exited, a leaf only entered.
template <typename Visit>
void walk(cmark_node* root, Visit&& visit) {
  const std::unique_ptr<cmark_iter, FreeIter> iter(cmark_iter_new(root));
  for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;)
    visit(event, cmark_iter_get_node(iter.get()));
}

// Every node of `document` of `type`, in document order.
template <typename Visit>
void for_each_node(cmark_node* document, cmark_node_type type, Visit&& visit) {
  walk(document, [&](cmark_event_type event, cmark_node* node) {
    if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == type) visit(node);
  });
}

// The images not inside another image's description, in document order.
std::vector<cmark_node*> outermost_images(cmark_node* document) {
  std::vector<cmark_node*> images;
  int depth = 0;
  walk(document, [&](cmark_event_type event, cmark_node* node) {
    if (cmark_node_get_type(node) != CMARK_NODE_IMAGE) return;
    if (event == CMARK_EVENT_ENTER && depth++ == 0) images.push_back(node);
    if (event == CMARK_EVENT_EXIT) --depth;
  });
  return images;
}

// The text of a node's descendants, markup left out (what HTML's alt text holds).
std::string plain_text(cmark_node* node) {
  std::string text;
  walk(node, [&](cmark_event_type event, cmark_node* child) {
    if (event != CMARK_EVENT_ENTER) return;
    switch (cmark_node_get_type(child)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (const char* literal = cmark_node_get_literal(child)) text += literal;
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: text += ' '; break;
      default: break;
    }
  });
  return text;
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
  // A report fetches nothing (docs/reports.md): an image would be loaded from wherever the
  // record points, so it becomes a link to it, its description the link's text.
  for (cmark_node* image : outermost_images(document.get())) {
    cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
    cmark_node_set_url(link, cmark_node_get_url(image));
    cmark_node_set_title(link, cmark_node_get_title(image));
    // Its description as plain text, as an image's alt text is: a link holds no link.
    cmark_node* description = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(description, plain_text(image).c_str());
    cmark_node_append_child(link, description);
    cmark_node_replace(image, link);
    cmark_node_free(image);
  }
  // No CMARK_OPT_UNSAFE: raw HTML and dangerous links are left out.
  const std::unique_ptr<char, FreeText> html(cmark_render_html(document.get(), CMARK_OPT_DEFAULT));
  return html ? std::string(html.get()) : std::string();
}

}  // namespace policygraph::report_detail
