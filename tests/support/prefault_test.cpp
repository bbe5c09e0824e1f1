// SPDX-License-Identifier: MIT
#include "support/prefault.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace policygraph::support {
namespace {

std::vector<std::uint8_t> pattern(std::size_t bytes) {
  std::vector<std::uint8_t> data(bytes);
  for (std::size_t i = 0; i < bytes; ++i) data[i] = static_cast<std::uint8_t>(i * 131 + 7);
  return data;
}

TEST(Prefault, ChangesNoByteOfTheRangeNorAroundIt) {
  // 40 MiB: several pieces; the range starts and ends off a page.
  std::vector<std::uint8_t> data = pattern(std::size_t{40} << 20);
  const std::vector<std::uint8_t> expected = data;
  prefault_for_writing(data.data() + 123, data.size() - 4567, 2);
  EXPECT_EQ(data, expected);
}

// Resident pages of [begin, begin + bytes), by mincore().
std::size_t resident_pages(void* begin, std::size_t bytes) {
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  std::vector<unsigned char> resident((bytes + page - 1) / page);
  if (::mincore(begin, bytes, resident.data()) != 0) return 0;
  std::size_t count = 0;
  for (unsigned char flags : resident) count += flags & 1u;
  return count;
}

TEST(Prefault, MapsEveryPageOfFreshMemory) {
  constexpr std::size_t bytes = std::size_t{24} << 20;
  void* memory = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  ASSERT_NE(memory, MAP_FAILED);
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
#ifdef MADV_POPULATE_WRITE
  const bool kernel_prefaults = ::madvise(memory, page, MADV_POPULATE_WRITE) == 0;
#else
  const bool kernel_prefaults = false;
#endif
  EXPECT_LE(resident_pages(memory, bytes), 1u);
  prefault_for_writing(memory, bytes, 2);
  const std::size_t resident = resident_pages(memory, bytes);
  ::munmap(memory, bytes);
  if (!kernel_prefaults) GTEST_SKIP() << "this kernel does not prefault (MADV_POPULATE_WRITE is Linux 5.14's)";
  EXPECT_EQ(resident, bytes / page);
}

TEST(Prefault, RangesWithoutAWholePageAreLeftAlone) {
  std::vector<std::uint8_t> data = pattern(100);
  const std::vector<std::uint8_t> expected = data;
  prefault_for_writing(data.data(), data.size(), 2);
  prefault_for_writing(data.data(), 0, 2);
  prefault_for_writing(nullptr, 0, 2);
  EXPECT_EQ(data, expected);
}

}  // namespace
}  // namespace policygraph::support
