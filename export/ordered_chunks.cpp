// SPDX-License-Identifier: MIT
#include "ordered_chunks.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "support/for_each_index.hpp"

namespace policygraph::export_detail {
namespace {

/// The chunks in flight: a ring of buffers, chunk c in slot c % slots. A worker takes the
/// next chunk once its slot is free (the writer has written chunk c - slots); the writer
/// waits for chunk `written` to be done.
class ChunkRing {
 public:
  ChunkRing(std::size_t chunks, std::size_t slots) : chunks_(chunks), buffers_(slots), done_(slots, false) {}

  /// The next chunk to format, once its slot is free; false when none is left or work stopped.
  bool take(std::size_t& chunk) {
    std::unique_lock lock(mutex_);
    if (stopped_ || next_ >= chunks_) return false;
    chunk = next_++;
    slot_freed_.wait(lock, [&] { return stopped_ || chunk < written_ + buffers_.size(); });
    return !stopped_;
  }
  /// Chunk `chunk`'s buffer, with room for the largest chunk done so far and an eighth more:
  /// grown from empty by doubling, each slot's buffer took a chain of allocations, the text
  /// copied at every step (at 10,000 policies, 2,000-3,000 of a warm export's 57,000 page
  /// faults).
  std::string& buffer(std::size_t chunk) {
    std::string& buffer = buffers_[chunk % buffers_.size()];
    std::size_t room = 0;
    {
      const std::lock_guard lock(mutex_);
      room = largest_ + largest_ / 8;
    }
    buffer.reserve(room);
    return buffer;
  }
  void finished(std::size_t chunk) {
    {
      const std::lock_guard lock(mutex_);
      const std::size_t slot = chunk % buffers_.size();
      done_[slot] = true;
      largest_ = std::max(largest_, buffers_[slot].size());
    }
    chunk_done_.notify_all();
  }
  /// Waits for chunk `written()` and hands its buffer over; false if work stopped first.
  bool wait_for_next(std::string*& text) {
    std::unique_lock lock(mutex_);
    const std::size_t slot = written_ % buffers_.size();
    chunk_done_.wait(lock, [&] { return stopped_ || done_[slot]; });
    if (!done_[slot]) return false;
    text = &buffers_[slot];
    return true;
  }
  void written() {
    {
      const std::lock_guard lock(mutex_);
      const std::size_t slot = written_ % buffers_.size();
      done_[slot] = false;
      buffers_[slot].clear();
      ++written_;
    }
    slot_freed_.notify_all();
  }
  void stop(const std::exception_ptr& failure = nullptr) {
    {
      const std::lock_guard lock(mutex_);
      stopped_ = true;
      if (failure && !failure_) failure_ = failure;
    }
    slot_freed_.notify_all();
    chunk_done_.notify_all();
  }
  std::exception_ptr failure() const { return failure_; }

 private:
  std::mutex mutex_;
  std::condition_variable slot_freed_;
  std::condition_variable chunk_done_;
  const std::size_t chunks_;
  std::vector<std::string> buffers_;
  std::vector<bool> done_;
  std::size_t next_ = 0;
  std::size_t written_ = 0;
  std::size_t largest_ = 0;  // the most bytes a chunk took so far
  bool stopped_ = false;
  std::exception_ptr failure_;
};

}  // namespace

void write_chunks_in_order(std::ostream& out, std::size_t count, std::size_t chunk_size, const FormatChunk& format) {
  chunk_size = std::max<std::size_t>(chunk_size, 1);
  const std::size_t chunks = (count + chunk_size - 1) / chunk_size;
  const std::size_t workers = std::min<std::size_t>(support::default_threads(), chunks);
  if (workers <= 1) {
    std::string buffer;
    for (std::size_t c = 0; c < chunks && out; ++c) {
      buffer.clear();
      format(c * chunk_size, std::min(count, (c + 1) * chunk_size), buffer);
      out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    }
    return;
  }

  ChunkRing ring(chunks, 3 * workers);
  auto work = [&] {
    try {
      for (std::size_t c = 0; ring.take(c);) {
        format(c * chunk_size, std::min(count, (c + 1) * chunk_size), ring.buffer(c));
        ring.finished(c);
      }
    } catch (...) {
      ring.stop(std::current_exception());
    }
  };
  {
    std::vector<std::jthread> pool;
    for (std::size_t w = 0; w < workers; ++w) pool.emplace_back(work);
    std::string* text = nullptr;
    for (std::size_t c = 0; c < chunks && ring.wait_for_next(text); ++c) {
      out.write(text->data(), static_cast<std::streamsize>(text->size()));
      if (!out) {
        ring.stop();
        break;
      }
      ring.written();
    }
  }  // joins the workers
  if (ring.failure()) std::rethrow_exception(ring.failure());
}

}  // namespace policygraph::export_detail
