// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "policygraph/graph.hpp"

namespace policygraph::cli {

/// The vertex of the policy `id`. When there is none, throws CliError (exit 1) whose message
/// lists the nearest ids by edit distance and the policies whose title, in any language,
/// contains the words of `id`.
VertexId find_policy_or_explain(const Graph& graph, const std::string& id);

/// `text` with ASCII letters lower-cased (ids, country names: compared whatever their case).
std::string lower_ascii(std::string text);

}  // namespace policygraph::cli
