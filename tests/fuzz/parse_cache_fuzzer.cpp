// SPDX-License-Identifier: MIT
// Feeds arbitrary bytes to the reader of the cache of parsed records, as the first byte says:
//
//   even: a whole cache file. The checksums of the header, of the table, of every blob and
//         every chunk are made right first, so that mutations reach the decoders instead of
//         stopping at the first checksum (a checksum guards against damage, not against a
//         crafted file: the decoders must hold on their own). Everything the reader takes is
//         then decoded.
//   odd:  one file's encoded ParseResult (a blob) and its checksum.
//
// Nothing may crash, hang, leak or trip a sanitizer, and what decodes must encode and decode
// back to the same bytes (the codec loses nothing it accepted). The seeds are caches written
// by the fuzz build's own `policygraph` (tests/fuzz/run.sh parse_cache): the same build id,
// so that the reader's key check passes.
#include <fcntl.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>

#include "records/cache_file.hpp"
#include "records/record_codec.hpp"
#include "support/xxhash64.hpp"

namespace {

using namespace policygraph;
std::uint64_t hash64(std::string_view bytes) { return support::xxhash64(bytes); }

// magic, version, table offset, length and checksum, file length, header checksum
constexpr std::size_t header_bytes = records::cache_data_begin;

std::uint64_t load64(const std::string& bytes, std::size_t at) {
  std::uint64_t value = 0;
  for (int i = 7; i >= 0; --i)
    value = (value << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
  return value;
}

void store64(std::string& bytes, std::size_t at, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) bytes[at + static_cast<std::size_t>(i)] = static_cast<char>((value >> (8 * i)) & 0xFF);
}

// The checksum at `at` of the `length` bytes at `from`, made right when they are there.
void fix_checksum(std::string& bytes, std::size_t at, std::uint64_t from, std::uint64_t length) {
  if (at + 8 > bytes.size() || from > bytes.size() || length > bytes.size() - from) return;
  store64(bytes, at, hash64(std::string_view(bytes).substr(from, length)));
}

// A decoded ParseResult must encode to bytes that decode to it again.
void check_round_trip(const ParseResult& result, std::string_view path) {
  const std::string once = records::encode_parse_result(result, path);
  std::optional<ParseResult> again = records::decode_parse_result(once, hash64(once), path);
  if (!again) __builtin_trap();
  if (records::encode_parse_result(*again, path) != once) __builtin_trap();
}

// The file each input is written to, in a folder of this process removed at exit. Never
// destroyed, so that the exit handler can still name it.
const std::filesystem::path& cache_path() {
  static const auto* const path = [] {
    std::filesystem::path folder =
        std::filesystem::temp_directory_path() / ("policygraph-cache-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    std::atexit([] { std::filesystem::remove_all(cache_path().parent_path()); });
    return new std::filesystem::path(folder / "records.cache");
  }();
  return *path;
}

void write_file(const std::string& bytes) {
  const int fd = ::open(cache_path().c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) std::abort();
  if (!bytes.empty() && ::write(fd, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size())) std::abort();
  ::close(fd);
}

void fuzz_cache_file(std::string bytes) {
  if (bytes.size() >= header_bytes) {
    fix_checksum(bytes, 28, load64(bytes, 12), load64(bytes, 20));  // the table's
    fix_checksum(bytes, header_bytes - 8, 0, header_bytes - 8);     // the header's, last
  }
  write_file(bytes);
  static const records::CacheKey key = records::current_cache_key({});
  std::string problem;
  std::optional<records::LoadedCache> cache = records::read_cache(cache_path(), key, problem);
  if (!cache) return;
  if (cache->load_blobs()) {
    for (std::size_t i = 0; i < cache->files().size(); ++i) {
      const std::string_view blob = cache->blob(i);
      const std::string_view path = cache->files()[i].path;
      if (std::optional<ParseResult> result = records::decode_parse_result(blob, hash64(blob), path))
        check_round_trip(*result, path);
    }
  }
  if (!cache->merge()) return;
  std::string chunk;
  for (const records::CacheSpan& span : cache->merge()->chunks) {
    if (!cache->read_span(span, chunk)) continue;
    if (std::optional<ParseResult> result = records::decode_parse_result(chunk, hash64(chunk), {}))
      check_round_trip(*result, {});
  }
  // The uses of status words outside the vocabulary: what decodes encodes and decodes back
  // to the same uses.
  if (!cache->read_span(cache->merge()->status_words, chunk)) return;
  if (std::optional<records::StatusWordUses> uses = records::decode_status_word_uses(chunk, hash64(chunk))) {
    const std::string once = records::encode_status_word_uses(*uses);
    const std::optional<records::StatusWordUses> again = records::decode_status_word_uses(once, hash64(once));
    if (!again || *again != *uses) __builtin_trap();
  }
}

void fuzz_blob(std::string_view blob) {
  const std::string_view path = "policies/en/x.md";
  if (std::optional<ParseResult> result = records::decode_parse_result(blob, hash64(blob), path))
    check_round_trip(*result, path);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  if (data[0] % 2 == 0)
    fuzz_cache_file(std::string(rest));
  else
    fuzz_blob(rest);
  return 0;
}
