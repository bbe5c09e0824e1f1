// SPDX-License-Identifier: MIT
// The one file that includes the generated header (cmake/build_id.cmake), so that a new
// build id recompiles nothing else.
#include "build_id.hpp"

#include <yaml.h>

#include <cstring>

#include "policygraph_build_id.hpp"

namespace policygraph::records {

std::string build_id() {
  std::string id = POLICYGRAPH_BUILD_ID;
  if (std::strcmp(yaml_get_version_string(), POLICYGRAPH_LIBYAML_VERSION) != 0)
    id += " (libyaml " + std::string(yaml_get_version_string()) + " at run time)";
  return id;
}

}  // namespace policygraph::records
