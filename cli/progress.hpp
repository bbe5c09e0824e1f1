// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <iosfwd>
#include <string>

namespace policygraph::cli {

/// A one-line progress bar on stderr, drawn only when stderr is a terminal and only once
/// the work has taken more than a second, so quick runs and pipes stay clean.
class ProgressBar {
 public:
  /// `enabled`: stderr is a terminal. `delay`: how long the work must have run before the bar shows.
  ProgressBar(std::ostream& err, bool enabled, std::string label,
              std::chrono::milliseconds delay = std::chrono::seconds(1));
  void update(std::size_t done, std::size_t total);
  void finish();

 private:
  std::ostream& err_;
  bool enabled_;
  bool drawn_ = false;
  std::string label_;
  std::chrono::milliseconds delay_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace policygraph::cli
