// SPDX-License-Identifier: MIT
#include "report/html.hpp"

#include "families.hpp"

namespace policygraph::report_detail {

std::string page_file(std::string_view prefix, std::string_view id) {
  return export_detail::file_name_for(prefix, id, ".html");
}

void open_page(std::string& out, std::string_view title, std::string_view heading, PageKind kind) {
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  out += escape_html(title);
  out += " · policygraph</title>\n";
  if (kind == PageKind::report) {
    out +=
        "<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n<body>\n"
        "<nav><a href=\"index.html\">Overview</a> <a href=\"policies.html\">Policies</a> "
        "<a href=\"families.html\">Families</a></nav>\n<main>\n<h1>";
  } else {
    out +=
        "<style>body { font-family: system-ui, \"Noto Sans\", \"Noto Sans CJK SC\", sans-serif; margin: 2rem; }\n"
        "th, td { text-align: left; padding: 0.2rem 0.6rem; }</style>\n</head>\n<body>\n<main>\n<h1>";
  }
  out += escape_html(heading);
  out += "</h1>\n";
}

void close_page(std::string& out, std::string_view scripts) {
  out += "</main>\n<footer>Made by policygraph from the records of the corpus.</footer>\n";
  out += scripts;
  out += "</body>\n</html>\n";
}

std::string state_badge(LegalState state) {
  std::string text(to_string(state));
  for (char& c : text)
    if (c == '_') c = ' ';
  return "<span class=\"state " + std::string(to_string(state)) + "\">" + text + "</span>";
}

std::string link(std::string_view file, std::string_view text) {
  if (file.empty()) return escape_html(text);
  return "<a href=\"" + escape_html(file) + "\">" + escape_html(text) + "</a>";
}

}  // namespace policygraph::report_detail
