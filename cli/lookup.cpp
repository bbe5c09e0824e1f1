// SPDX-License-Identifier: MIT
#include "lookup.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "exit_codes.hpp"
#include "policygraph/did_you_mean.hpp"

namespace policygraph::cli {

std::string lower_ascii(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

namespace {

// The words of what the user typed: runs of letters and digits (and any non-ASCII bytes, so
// Chinese words survive), lower-cased.
std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || byte >= 0x80) {
      word += static_cast<char>(std::tolower(byte));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool contains_all(const std::string& title, const std::vector<std::string>& words) {
  std::string lowered = lower_ascii(title);
  return std::all_of(words.begin(), words.end(),
                     [&](const std::string& w) { return lowered.find(w) != std::string::npos; });
}

// Titles in every language the record carries.
std::vector<std::string> titles_of(const Graph& graph, VertexId v) {
  std::vector<std::string> titles{graph.node(v).label};
  if (const Record* record = graph.record(v))
    for (const Attribute translation : record->translations) titles.emplace_back(translation.value);
  return titles;
}

}  // namespace

VertexId find_policy_or_explain(const Graph& graph, const std::string& id) {
  if (auto found = graph.find(NodeKind::policy, id)) return *found;

  std::vector<std::string> ids;
  ids.reserve(graph.policy_count());
  for (VertexId v : graph.policies()) ids.push_back(graph.node(v).id);
  std::vector<std::string> near = nearest(id, ids, 5);
  // A part of an id ("ccer" for cn-ccer-measures-2023) is too far from the whole by edit
  // distance: ids that contain what was typed are offered too.
  const std::string typed = lower_ascii(id);
  if (typed.size() >= 3) {
    for (const auto& candidate : ids) {
      if (near.size() >= 8) break;
      if (lower_ascii(candidate).find(typed) != std::string::npos &&
          std::find(near.begin(), near.end(), candidate) == near.end())
        near.push_back(candidate);
    }
  }

  std::set<std::string> by_title;
  std::vector<std::string> words = words_of(id);
  if (!words.empty()) {
    for (VertexId v : graph.policies()) {
      for (const auto& title : titles_of(graph, v)) {
        if (contains_all(title, words)) {
          by_title.insert(graph.node(v).id);
          break;
        }
      }
      if (by_title.size() >= 10) break;
    }
  }

  std::string message = "no policy has the id '" + id + "'";
  for (NodeKind kind : {NodeKind::facility, NodeKind::cluster, NodeKind::tag})
    if (graph.find(kind, id)) message += " ('" + id + "' is a " + std::string(to_string(kind)) + ": give a policy id)";
  auto describe = [&](const std::string& candidate) {
    VertexId v = *graph.find(NodeKind::policy, candidate);
    return "\n    " + candidate + "  " + graph.node(v).label;
  };
  if (!near.empty()) {
    message += "\n  did you mean:";
    for (const auto& candidate : near) message += describe(candidate);
  }
  std::vector<std::string> title_only;
  for (const auto& candidate : by_title)
    if (std::find(near.begin(), near.end(), candidate) == near.end()) title_only.push_back(candidate);
  if (!title_only.empty()) {
    message += "\n  policies whose title has those words:";
    for (const auto& candidate : title_only) message += describe(candidate);
  }
  if (near.empty() && title_only.empty())
    message += "; 'policygraph ids' lists every policy id, 'policygraph stats' what the corpus holds";
  throw CliError(exit_finding, message);
}

}  // namespace policygraph::cli
