// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace policygraph::records {

/// What this build of the library is, by content: its version, the source revision and a
/// hash of the library's sources, the compiler and its version, and the versions of
/// yaml-cpp and libyaml it was built with (libyaml's at run time too, when a newer shared
/// library is loaded). The same for byte-identical builds wherever they are installed, and
/// another for any build whose parser may read a file otherwise. Keys the cache of parsed
/// records (cache_file.hpp).
std::string build_id();

}  // namespace policygraph::records
