// SPDX-License-Identifier: MIT
#include "policygraph/record.hpp"

#include <algorithm>

namespace policygraph {

std::string_view to_string(RecordKind kind) { return kind == RecordKind::policy ? "policy" : "facility"; }

const std::string* Record::attribute(std::string_view name) const {
  auto found = std::lower_bound(attributes.begin(), attributes.end(), name,
                                [](const Attribute& a, std::string_view n) { return a.name < n; });
  return found != attributes.end() && found->name == name ? &found->value : nullptr;
}

}  // namespace policygraph
