// SPDX-License-Identifier: MIT
// build_graph() over the cache: the full graph of a corpus, kept in a file beside the cache
// of parsed records (`records-<hash>.graph` beside `records-<hash>.cache`).
//
// A warm load hands the records over in a tenth of the time their first parse took, and
// the build of the graph was then as long again as the load (0.8 s of a warm end to end at
// 100,000 policies: the nodes ordered, 1.5 million references looked up, the edges sorted
// and merged). Read back, the graph costs the reading of its bytes and their checks.
//
// The file is one key, the graph's bytes (graph_codec.hpp) and an xxhash64 of all before
// it. The key is what the graph depends on: the records (their identity as the cache holds
// them, and their count), the weights of the edges, the library's build (so that a change
// to the builder builds again) and this layout's version. A file whose key or checksum
// differs, or whose bytes do not decode into a graph that fits the records, is built again
// and replaced, without a word: it is a copy of work the records allow to redo. Written as
// the cache is, to a temporary file renamed into place, without fsync.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bit>
#include <cstdlib>
#include <memory>

#include "graph/full_graph.hpp"
#include "graph/graph_codec.hpp"
#include "policygraph/loader.hpp"
#include "records/build_id.hpp"
#include "records/byte_codec.hpp"
#include "support/temporary_files.hpp"
#include "support/unique_fd.hpp"
#include "support/write_all.hpp"
#include "support/xxhash64.hpp"

namespace policygraph {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view magic = "policygraph graph\n";
constexpr std::uint32_t format_version = 1;

static_assert(sizeof(ViewWeights) == 8 * sizeof(double), "a weight was added to ViewWeights: add it to the key");

std::string key_of(const CacheReport& cache, std::size_t record_count, const ViewWeights& weights) {
  std::string key;
  records::ByteWriter out(key);
  out.string(magic);
  out.fixed32(format_version);
  out.string(records::build_id());
  out.fixed64(cache.records_identity);
  out.varint(record_count);
  for (double weight : {weights.supersedes, weights.consolidates, weights.repeals, weights.amends, weights.implements,
                        weights.tag, weights.cluster, weights.facility})
    out.fixed64(std::bit_cast<std::uint64_t>(weight));
  return key;
}

// The whole file, or nullopt when it cannot be read.
std::optional<std::string> read_whole(const fs::path& file) {
  support::UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
  struct stat info {};
  if (!fd.valid() || ::fstat(fd.get(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  std::string bytes(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t got = ::read(fd.get(), bytes.data() + done, bytes.size() - done);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return std::nullopt;
    done += static_cast<std::size_t>(got);
  }
  return bytes;
}

std::optional<Graph> read_kept(const fs::path& file, std::string_view key,
                               const std::shared_ptr<const std::vector<Record>>& records, Diagnostics& diagnostics) {
  std::optional<std::string> bytes = read_whole(file);
  if (!bytes || bytes->size() < key.size() + 8) return std::nullopt;
  const std::string_view whole(*bytes);
  const std::string_view body = whole.substr(0, whole.size() - 8);
  if (!body.starts_with(key) || records::ByteReader(whole.substr(body.size())).fixed64() != support::xxhash64(body))
    return std::nullopt;
  return graph_detail::GraphCodec::read(body.substr(key.size()), records, diagnostics);
}

// Best effort: a graph that cannot be kept is built again next time.
void keep(const fs::path& file, std::string key, const Graph& graph, const Diagnostics& diagnostics) {
  std::string bytes = std::move(key);
  graph_detail::GraphCodec::write(bytes, graph, diagnostics);
  records::ByteWriter(bytes).fixed64(support::xxhash64(bytes));
  support::remove_stale_temporaries(file);
  std::string temporary = support::temporary_pattern(file, "tmp");
  support::UniqueFd fd(::mkstemp(temporary.data()));
  if (!fd.valid()) return;
  support::TemporaryRegistration registration(temporary, false);
  const bool written = support::write_all_at(fd.get(), bytes, 0) && ::close(fd.release()) == 0 &&
                       ::rename(temporary.c_str(), file.c_str()) == 0;
  if (!written) ::unlink(temporary.c_str());
}

}  // namespace

Graph build_graph(std::vector<Record> records, const CacheReport& cache, Diagnostics& diagnostics,
                  const ViewWeights& weights) {
  if (cache.records_identity == 0 || cache.graph_file.empty())
    return build_graph(std::move(records), diagnostics, weights);
  std::string key = key_of(cache, records.size(), weights);
  auto shared = std::make_shared<const std::vector<Record>>(std::move(records));
  if (std::optional<Graph> kept = read_kept(cache.graph_file, key, shared, diagnostics)) return std::move(*kept);
  Diagnostics built;
  Graph graph = graph_detail::build_full_graph(shared, built, weights);
  keep(cache.graph_file, std::move(key), graph, built);
  diagnostics.insert(diagnostics.end(), built.begin(), built.end());
  return graph;
}

}  // namespace policygraph
