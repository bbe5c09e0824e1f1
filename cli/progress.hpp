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
  ProgressBar(std::ostream& err, bool enabled, std::string label);
  void update(std::size_t done, std::size_t total);
  void finish();

 private:
  std::ostream& err_;
  bool enabled_;
  bool drawn_ = false;
  std::string label_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace policygraph::cli
