// SPDX-License-Identifier: MIT
// Random draws of the corpus generator: a fully specified engine and bounded draws of our own.
#pragma once

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace policygraph::generator {

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  /// Uniform in [0, n), n > 0, by rejection so that no value is favoured.
  std::uint64_t below(std::uint64_t n) {
    const std::uint64_t threshold = (0 - n) % n;  // 2^64 mod n
    for (;;) {
      const std::uint64_t x = engine_();
      if (x >= threshold) return x % n;
    }
  }
  std::size_t index(std::size_t n) { return static_cast<std::size_t>(below(n)); }
  /// Uniform in [low, high].
  int between(int low, int high) { return low + static_cast<int>(below(static_cast<std::uint64_t>(high - low + 1))); }
  /// Uniform in [0, 1) with 53 random bits.
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  bool chance(double probability) { return unit() < probability; }
  template <class T>
  const T& pick(std::span<const T> items) {
    return items[index(items.size())];
  }

 private:
  std::mt19937_64 engine_;
};

/// Draws index k with probability proportional to 1 / (k + 1 + offset).
class ZipfSampler {
 public:
  ZipfSampler(std::size_t size, double offset) : cumulative_(size) {
    double total = 0;
    for (std::size_t k = 0; k < size; ++k) {
      total += 1.0 / (static_cast<double>(k) + 1.0 + offset);
      cumulative_[k] = total;
    }
  }
  std::size_t draw(Random& random) const {
    const double u = random.unit() * cumulative_.back();
    const auto found = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
    return std::min(static_cast<std::size_t>(found - cumulative_.begin()), cumulative_.size() - 1);
  }
  double probability(std::size_t k) const {
    return (cumulative_[k] - (k == 0 ? 0.0 : cumulative_[k - 1])) / cumulative_.back();
  }
  double sum_of_squares() const {
    double sum = 0;
    for (std::size_t k = 0; k < cumulative_.size(); ++k) sum += probability(k) * probability(k);
    return sum;
  }

 private:
  std::vector<double> cumulative_;
};

}  // namespace policygraph::generator
