// SPDX-License-Identifier: MIT
#include "progress.hpp"

#include <ostream>

namespace policygraph::cli {

ProgressBar::ProgressBar(std::ostream& err, bool enabled, std::string label, std::chrono::milliseconds delay)
    : err_(err), enabled_(enabled), label_(std::move(label)), delay_(delay) {}

void ProgressBar::update(std::size_t done, std::size_t total) {
  using namespace std::chrono_literals;
  if (!enabled_ || total == 0) return;
  auto now = std::chrono::steady_clock::now();
  if (now - start_ < delay_ || now - last_draw_ < 100ms) return;
  last_draw_ = now;
  constexpr std::size_t bar_width = 30;
  std::size_t filled = done * bar_width / total;
  err_ << '\r' << label_ << " [" << std::string(filled, '#') << std::string(bar_width - filled, ' ') << "] " << done
       << '/' << total << " files" << std::flush;
  drawn_ = true;
}

void ProgressBar::finish() {
  if (drawn_) err_ << "\r\x1b[2K" << std::flush;  // clear the line
  drawn_ = false;
}

}  // namespace policygraph::cli
