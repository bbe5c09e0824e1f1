// SPDX-License-Identifier: MIT
#include "graph/kept_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bit>
#include <cerrno>
#include <cstdlib>

#include "records/build_id.hpp"
#include "records/byte_codec.hpp"
#include "support/temporary_files.hpp"
#include "support/unique_fd.hpp"
#include "support/write_all.hpp"
#include "support/xxhash64.hpp"

namespace policygraph::graph_detail {
namespace {

namespace fs = std::filesystem;

static_assert(sizeof(ViewWeights) == 8 * sizeof(double), "a weight was added to ViewWeights: add it to the key");

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

}  // namespace

std::string kept_key(std::string_view magic, std::uint32_t version, const CacheReport& cache, std::size_t record_count,
                     const ViewWeights& weights) {
  std::string key;
  records::ByteWriter out(key);
  out.string(magic);
  out.fixed32(version);
  out.string(records::build_id());
  out.fixed64(cache.records_identity);
  out.varint(record_count);
  for (double weight : {weights.supersedes, weights.consolidates, weights.repeals, weights.amends, weights.implements,
                        weights.tag, weights.cluster, weights.facility})
    out.fixed64(std::bit_cast<std::uint64_t>(weight));
  return key;
}

std::optional<KeptBytes> read_kept(const fs::path& file, std::string_view key) {
  std::optional<std::string> bytes = read_whole(file);
  if (!bytes || bytes->size() < key.size() + 8) return std::nullopt;
  const std::string_view whole(*bytes);
  const std::string_view checked = whole.substr(0, whole.size() - 8);
  if (!checked.starts_with(key) ||
      records::ByteReader(whole.substr(checked.size())).fixed64() != support::xxhash64(checked))
    return std::nullopt;
  return KeptBytes{std::move(*bytes), key.size(), checked.size()};
}

void keep(const fs::path& file, std::string bytes) {
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

}  // namespace policygraph::graph_detail
