// SPDX-License-Identifier: MIT
// The files kept beside the cache of parsed records: the built graph (kept_graph.cpp) and the
// metrics computed on it (kept_metrics.cpp). Each is one key, its bytes and an xxhash64 of
// all before it; the key names what the bytes depend on, and a file whose key or checksum
// differs is not read but made again and replaced, without a word: it is a copy of work the
// records allow to redo. Written to a temporary file renamed into place, without fsync.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "policygraph/graph.hpp"
#include "policygraph/loader.hpp"

namespace policygraph::graph_detail {

/// The key of a kept file of kind `magic` (its layout's version included) for the records a
/// load with the cache left (`cache`, `record_count` of them) and the edges' `weights`, by
/// this build of the library: what the graph of those records depends on, and so everything
/// computed from it.
std::string kept_key(std::string_view magic, std::uint32_t version, const CacheReport& cache, std::size_t record_count,
                     const ViewWeights& weights);

/// A kept file's bytes, as read, and where what is kept under its key lies in them.
struct KeptBytes {
  std::string file;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string_view body() const { return std::string_view(file).substr(begin, end - begin); }
};

/// What `file` keeps after `key`, when the file begins with that key and its checksum
/// holds; nullopt otherwise (missing, another key, damaged).
std::optional<KeptBytes> read_kept(const std::filesystem::path& file, std::string_view key);

/// Writes `bytes` (the key, then what is kept under it) and their checksum to `file`, whole
/// or not at all. Best effort: what cannot be kept is made again next time.
void keep(const std::filesystem::path& file, std::string bytes);

}  // namespace policygraph::graph_detail
