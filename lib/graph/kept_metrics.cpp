// SPDX-License-Identifier: MIT
// read_kept_metrics() and keep_metrics(): NodeMetrics in a file beside the kept graph
// (`records-<hash>.metrics`), under the kept graph's key with the caller's parameters added
// (kept_file.hpp). Each metric is a presence flag, a count and its values (doubles by their
// bits, so that what is read back is what was computed to the last bit).
#include <bit>

#include "graph/kept_file.hpp"
#include "policygraph/metrics.hpp"
#include "records/byte_codec.hpp"

namespace policygraph {
namespace {

constexpr std::string_view magic = "policygraph metrics\n";
constexpr std::uint32_t format_version = 1;

std::filesystem::path metrics_file(const CacheReport& cache) {
  return std::filesystem::path(cache.graph_file).replace_extension(".metrics");
}

std::string key_of(const Graph& full, const CacheReport& cache, const ViewWeights& weights,
                   std::string_view parameters) {
  std::string key = graph_detail::kept_key(magic, format_version, cache, full.records().size(), weights);
  records::ByteWriter(key).string(parameters);
  return key;
}

template <typename T>
void write_metric(records::ByteWriter& out, const std::optional<std::vector<T>>& values) {
  out.varint(values ? 1 : 0);
  if (!values) return;
  out.varint(values->size());
  for (T value : *values) {
    if constexpr (std::is_same_v<T, double>)
      out.fixed64(std::bit_cast<std::uint64_t>(value));
    else
      out.fixed32(static_cast<std::uint32_t>(value));
  }
}

// False when the bytes end early or say something else than a metric of at most `limit` values.
template <typename T>
bool read_metric(records::ByteReader& in, std::size_t limit, std::optional<std::vector<T>>& values) {
  const std::uint64_t present = in.varint();
  if (present > 1) return false;
  if (present == 0) return in.ok();
  const std::size_t count = in.count(std::is_same_v<T, double> ? 8 : 4);
  if (!in.ok() || count > limit) return false;
  values.emplace(count);
  for (T& value : *values) {
    if constexpr (std::is_same_v<T, double>)
      value = std::bit_cast<double>(in.fixed64());
    else
      value = static_cast<T>(in.fixed32());
  }
  return in.ok();
}

bool kept_place(const CacheReport& cache) { return cache.records_identity != 0 && !cache.graph_file.empty(); }

}  // namespace

std::optional<NodeMetrics> read_kept_metrics(const Graph& full, const CacheReport& cache, const ViewWeights& weights,
                                             std::string_view parameters) {
  if (!kept_place(cache)) return std::nullopt;
  const std::optional<graph_detail::KeptBytes> bytes =
      graph_detail::read_kept(metrics_file(cache), key_of(full, cache, weights, parameters));
  if (!bytes) return std::nullopt;
  records::ByteReader in(bytes->body());
  // A metric is indexed by the vertices of a view of `full`: never more than its nodes.
  const std::size_t limit = full.node_count();
  NodeMetrics metrics;
  if (!read_metric(in, limit, metrics.pagerank) || !read_metric(in, limit, metrics.betweenness) ||
      !read_metric(in, limit, metrics.component) || !read_metric(in, limit, metrics.community) ||
      !read_metric(in, limit, metrics.generation) || !in.at_end())
    return std::nullopt;
  return metrics;
}

void keep_metrics(const Graph& full, const CacheReport& cache, const ViewWeights& weights, std::string_view parameters,
                  const NodeMetrics& metrics) {
  if (!kept_place(cache)) return;
  std::string bytes = key_of(full, cache, weights, parameters);
  records::ByteWriter out(bytes);
  write_metric(out, metrics.pagerank);
  write_metric(out, metrics.betweenness);
  write_metric(out, metrics.component);
  write_metric(out, metrics.community);
  write_metric(out, metrics.generation);
  graph_detail::keep(metrics_file(cache), std::move(bytes));
}

}  // namespace policygraph
