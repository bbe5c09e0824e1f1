// SPDX-License-Identifier: MIT
#include "ordered_chunks.hpp"

#include <gtest/gtest.h>

#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

#include "xml_writer.hpp"

namespace policygraph::export_detail {
namespace {

// Item i's text: its number and a line; some items much longer than others, so workers
// finish chunks out of order.
void format_items(std::size_t begin, std::size_t end, std::string& buffer) {
  for (std::size_t i = begin; i < end; ++i) {
    buffer += std::to_string(i);
    if (i % 97 == 0) buffer.append(5000, 'x');
    buffer += '\n';
  }
}

std::string serial_text(std::size_t count) {
  std::string text;
  format_items(0, count, text);
  return text;
}

TEST(OrderedChunks, WritesTheBytesOfOneSerialPass) {
  for (std::size_t count : {0u, 1u, 7u, 64u, 1000u, 20011u}) {
    for (std::size_t chunk : {1u, 3u, 64u, 5000u}) {
      std::ostringstream out;
      write_chunks_in_order(out, count, chunk, format_items);
      EXPECT_EQ(out.str(), serial_text(count)) << count << " items, chunks of " << chunk;
    }
  }
}

TEST(OrderedChunks, FormatsOnWorkerThreadsWhenThereAreManyChunks) {
  if (std::thread::hardware_concurrency() < 2) GTEST_SKIP() << "one core: everything runs on the calling thread";
  const auto caller = std::this_thread::get_id();
  bool formatted_elsewhere = false;
  std::ostringstream out;
  write_chunks_in_order(out, 100, 1, [&](std::size_t begin, std::size_t end, std::string& buffer) {
    if (std::this_thread::get_id() != caller) formatted_elsewhere = true;  // read after the join
    format_items(begin, end, buffer);
  });
  EXPECT_TRUE(formatted_elsewhere);
  EXPECT_EQ(out.str(), serial_text(100));
}

TEST(OrderedChunks, AnExceptionFromAChunkIsThrownToTheCaller) {
  std::ostringstream out;
  auto failing = [](std::size_t begin, std::size_t end, std::string& buffer) {
    if (begin <= 500 && 500 < end) throw std::runtime_error("chunk 500 failed");
    format_items(begin, end, buffer);
  };
  EXPECT_THROW(write_chunks_in_order(out, 2000, 10, failing), std::runtime_error);
  // What was written is a prefix of the whole: nothing out of order, nothing after the failure.
  const std::string whole = serial_text(2000);
  EXPECT_EQ(whole.compare(0, out.str().size(), out.str()), 0);
  EXPECT_LT(out.str().size(), whole.size());
}

TEST(OrderedChunks, AFailedStreamStopsTheWork) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  std::size_t formatted = 0;
  std::mutex mutex;
  write_chunks_in_order(out, 100000, 10, [&](std::size_t begin, std::size_t end, std::string& buffer) {
    const std::lock_guard lock(mutex);
    formatted += end - begin;
    format_items(begin, end, buffer);
  });
  EXPECT_FALSE(out.good());
  EXPECT_LT(formatted, std::size_t{100000});  // stopped after a few chunks, not all ten thousand
}

// Elements written by fragment writers between children_follow() and the parent's end()
// are byte for byte those one writer would have written.
TEST(XmlWriterFragments, ReadAsOneWriterWould) {
  auto children = [](XmlWriter& xml, int from, int to) {
    for (int i = from; i < to; ++i) xml.start("node").attribute("id", std::to_string(i)).text("a<b").end();
  };
  std::ostringstream whole;
  {
    XmlWriter xml(whole);
    xml.declaration();
    xml.start("graphml").start("graph").attribute("id", "G");
    children(xml, 0, 5);
    xml.end();
    xml.start("empty").end();
    xml.finish();
  }
  std::ostringstream pieces;
  {
    XmlWriter xml(pieces);
    xml.declaration();
    xml.start("graphml").start("graph").attribute("id", "G");
    xml.children_follow();
    for (auto [from, to] : {std::pair{0, 2}, std::pair{2, 5}}) {
      std::string buffer;
      XmlWriter fragment(buffer, xml.depth());
      children(fragment, from, to);
      pieces << buffer;
    }
    xml.end();
    xml.start("empty").end();
    xml.finish();
  }
  EXPECT_EQ(pieces.str(), whole.str());
  EXPECT_NE(whole.str().find("\n    <node id=\"4\">a&lt;b</node>\n  </graph>"), std::string::npos) << whole.str();
}

}  // namespace
}  // namespace policygraph::export_detail
