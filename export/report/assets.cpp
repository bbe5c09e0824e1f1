// SPDX-License-Identifier: MIT
// The style sheet and the search script of a report: the same bytes for every report.
//
// The search runs over window.POLICYGRAPH_INDEX, which search-index.js defines: a page
// opened from the file system may not fetch a JSON file, but it may load a script. Results
// are built with textContent, never innerHTML, so a title that is markup stays text. A
// query in the address (index.html#q=carbon) is run on load, for links and for tests.
#include "report/pages.hpp"

namespace policygraph::report_detail {

std::string_view style_sheet() {
  return R"css(:root { color-scheme: light; --ink: #1d1d1f; --muted: #6e6e73; --line: #d2d2d7; --accent: #1f5fa8; }
body { margin: 0; font-family: system-ui, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "Noto Sans CJK JP", sans-serif;
       color: var(--ink); line-height: 1.45; }
nav { background: #f5f5f7; border-bottom: 1px solid var(--line); padding: 0.6rem 1.5rem; }
nav a { margin-right: 1.2rem; color: var(--accent); text-decoration: none; font-weight: 600; }
main { max-width: 70rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; margin: 0.6rem 0 1rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
th, td { text-align: left; padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { font-size: 0.85rem; color: var(--muted); font-weight: 600; }
table.facts th, table.counts th { width: 16rem; font-weight: 600; }
td.number { text-align: right; font-variant-numeric: tabular-nums; width: 5rem; }
.id { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.85rem; color: var(--muted); }
.muted { color: var(--muted); }
a { color: var(--accent); }
td:first-child { white-space: nowrap; }
.state { white-space: nowrap; padding: 0.05rem 0.45rem; border-radius: 0.6rem; font-size: 0.8rem; background: #e8e8ed; }
.state.in_force { background: #d4f0e4; } .state.pending { background: #d9ecf7; }
.state.proposed { background: #fbedc4; } .state.ended { background: #e3e3e3; color: #555; }
input[type=search] { width: 100%; max-width: 40rem; font-size: 1rem; padding: 0.5rem 0.7rem;
                     border: 1px solid var(--line); border-radius: 0.4rem; }
#results { padding-left: 1.4rem; }
.description { max-width: 48rem; }
.description h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; } .description h4, .description h5, .description h6 { font-size: 1rem; }
.diagram { overflow-x: auto; border: 1px solid var(--line); border-radius: 0.4rem; padding: 0.5rem; margin: 1rem 0; }
.diagram svg { max-width: none; height: auto; }
footer { color: var(--muted); font-size: 0.8rem; text-align: center; padding: 2rem; }
)css";
}

std::string_view search_script() {
  return R"js((function () {
  "use strict";
  var input = document.getElementById("search");
  var list = document.getElementById("results");
  var index = window.POLICYGRAPH_INDEX || [];
  if (!input || !list) return;
  function run(query) {
    var words = query.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
    while (list.firstChild) list.removeChild(list.firstChild);
    if (words.length === 0) return;
    var shown = 0;
    for (var i = 0; i < index.length && shown < 50; i++) {
      var entry = index[i];
      var text = (entry[0] + " " + entry[1]).toLowerCase();
      if (!words.every(function (w) { return text.indexOf(w) >= 0; })) continue;
      var item = document.createElement("li");
      var anchor = document.createElement("a");
      anchor.href = entry[2];
      anchor.textContent = entry[1];
      var id = document.createElement("span");
      id.className = "id";
      id.textContent = " " + entry[0];
      item.appendChild(anchor);
      item.appendChild(id);
      list.appendChild(item);
      shown++;
    }
    if (shown === 0) {
      var none = document.createElement("li");
      none.className = "muted";
      none.textContent = "No policy matches.";
      list.appendChild(none);
    }
  }
  input.addEventListener("input", function () { run(input.value); });
  if (location.hash.indexOf("#q=") === 0) {
    input.value = decodeURIComponent(location.hash.slice(3));
    run(input.value);
  }
  document.body.setAttribute("data-search-ready", "true");
})();
)js";
}

}  // namespace policygraph::report_detail
