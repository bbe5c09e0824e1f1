// SPDX-License-Identifier: MIT
// A report: a static site about a corpus (include/policygraph/report.hpp lists its pages).
//
// The pages are rendered in parallel into strings, then written as one folder, whole or not
// at all. Rendering dominates: a policy page walks the policy's edges and history, a family
// page lays out its diagram (Graphviz, one at a time: its error handler is process-wide).
#include <algorithm>
#include <atomic>
#include <mutex>

#include "policygraph/export.hpp"
#include "policygraph/report.hpp"
#include "report/diagrams.hpp"
#include "report/pages.hpp"
#include "support/for_each_index.hpp"

namespace policygraph {

using namespace report_detail;

namespace {

bool is_report_file(std::string_view name) {
  auto ends_with = [&](std::string_view suffix) { return name.ends_with(suffix); };
  return name == "index.html" || name == "policies.html" || name == "families.html" || name == "style.css" ||
         name == "search.js" || name == "search-index.js" ||
         ((name.starts_with("policy-") || name.starts_with("family-")) && ends_with(".html")) ||
         (name.starts_with(".") && name.find(".tmp-") != std::string_view::npos);
}

}  // namespace

ReportSummary write_report(const std::filesystem::path& folder, const Graph& full, const ReportOptions& options) {
  const Site site(full, options);

  // The diagrams first, while this is the only thread (draw_families may fork).
  const std::vector<std::string> diagrams = draw_families(site);

  // One task per page: the families, then the policies with a record.
  struct Page {
    std::string name;
    std::string text;
    std::size_t family = SIZE_MAX;
    VertexId policy = 0;
  };
  std::vector<Page> pages;
  for (std::size_t f = 0; f < site.families.size(); ++f) pages.push_back({site.families[f].file, {}, f, 0});
  for (VertexId v : full.policies())
    if (!site.policy_file[v].empty()) pages.push_back({site.policy_file[v], {}, SIZE_MAX, v});

  std::atomic<std::size_t> done{0};
  std::mutex progress_mutex;
  support::for_each_index(pages.size(), support::threads_or_default(options.threads), [&](std::size_t i) {
    Page& page = pages[i];
    page.text = page.family != SIZE_MAX ? family_page(site, site.families[page.family], diagrams[page.family])
                                        : policy_page(site, page.policy);
    const std::size_t finished = ++done;
    if (options.progress && (finished % 64 == 0 || finished == pages.size())) {
      const std::lock_guard lock(progress_mutex);
      options.progress(finished, pages.size());
    }
    return true;
  });

  ReportSummary summary;
  std::vector<FolderFile> files;
  auto add = [&](std::string name, std::string text) {
    files.push_back({std::move(name), [text = std::move(text)](std::ostream& out) { out << text; }, false});
  };
  add("index.html", overview_page(site));
  add("policies.html", policies_page(site));
  add("families.html", families_page(site));
  add("style.css", std::string(style_sheet()));
  add("search.js", std::string(search_script()));
  add("search-index.js", search_index_script(site));
  for (const std::string& diagram : diagrams) summary.diagrams += diagram.empty() ? 0 : 1;
  for (Page& page : pages) {
    files.push_back({std::move(page.name), [text = std::move(page.text)](std::ostream& out) { out << text; }, false});
  }
  write_folder_atomically(folder, files, is_report_file);
  summary.pages = files.size() - 3;  // the style sheet and the two scripts are no pages
  summary.families = site.families.size();
  for (VertexId v : full.policies()) summary.policies += full.node(v).resolved ? 1 : 0;
  return summary;
}

}  // namespace policygraph
