// SPDX-License-Identifier: MIT
// Formatting on every core, writing in order: the exporters' loops over nodes and edges
// cut into chunks that worker threads turn into text while the calling thread writes the
// finished ones to the stream, each in its turn.
#pragma once

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>

namespace policygraph::export_detail {

/// Formats items [begin, end) by appending their text to `buffer` (empty on entry). It runs
/// on several threads at once, on disjoint ranges: it must only read shared state.
using FormatChunk = std::function<void(std::size_t begin, std::size_t end, std::string& buffer)>;

/// Writes the text of items [0, count) to `out`, in item order, as format(begin, end,
/// buffer) makes it for chunks of `chunk_size` items. With more than one chunk and more
/// than one core, the chunks are formatted by worker threads (at most one per core) and the
/// calling thread writes each as soon as it and every chunk before it are done; a few
/// chunks per worker are held at once, so memory stays a handful of chunks whatever the
/// count. The bytes written are those of one call format(0, count, buffer). An exception
/// from `format` stops the workers and is thrown again here; a stream that fails stops
/// them too (the caller sees the stream's state).
void write_chunks_in_order(std::ostream& out, std::size_t count, std::size_t chunk_size, const FormatChunk& format);

}  // namespace policygraph::export_detail
