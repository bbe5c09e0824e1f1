// SPDX-License-Identifier: MIT
#include "records/record_codec.hpp"

#include <gtest/gtest.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "policygraph/loader.hpp"
#include "records/record_dump.hpp"
#include "support/xxhash64.hpp"

namespace policygraph {
namespace {

using support::xxhash64;

TEST(RecordCodec, EncodingRoundTripsEveryField) {
  ParseResult parsed;
  Record& r = parsed.records.emplace_back();
  r.kind = RecordKind::facility;
  r.id = "id";
  r.label = std::string(300, 'x');  // a length of two varint bytes
  r.language = "zh-Hant-TW";
  r.file = "elsewhere.md";  // not the blob's path: written out
  r.where = {-1, 2'000'000'000};
  r.date = Date{-44, 3, 15};
  r.tags = {"t", ""};
  r.clusters = {"c"};
  relate(r, Relation::supersedes, {{"s", {1, 2}}});
  relate(r, Relation::supersedes, {{"sb", {3, 4}}}, true);
  relate(r, Relation::consolidates, {{"cf", {5, 6}}});
  r.relations.push_back({Relation::repeals, false, {"old", {11, 12}}, Date{2013, 1, 1}});
  r.relations.push_back({Relation::implements, true, {"impl", {13, 14}}, std::nullopt});
  r.effective = Date{2005, 1, 1};
  r.expires = Date{2031, 1, 1};
  r.state = LegalState::pending;
  r.status_at = {15, 16};
  r.related_facilities = {{"rf", {7, 8}}};
  r.related_policies = {{"rp", {9, 10}}};
  r.milestones = {{"2001", "event"}};
  r.attributes = {{"a", "1"}, {"b", std::string_view("\0\xff", 2)}};
  r.translations = {{"name@fr", "Usine"}};
  parsed.records.emplace_back().id = "bare";
  parsed.records.back().file = "f.md";
  parsed.diagnostics.push_back({"f.md", 3, 4, Severity::warning, "w"});
  parsed.diagnostics.push_back({"other.md", 0, 0, Severity::note, ""});

  std::string blob = records::encode_parse_result(parsed, "f.md");
  auto back = records::decode_parse_result(blob, xxhash64(blob), "f.md");
  ASSERT_TRUE(back.has_value());
  Corpus a, b;
  a.records = parsed.records;
  a.diagnostics = parsed.diagnostics;
  b.records = back->records;
  b.diagnostics = back->diagnostics;
  EXPECT_EQ(dump(a), dump(b));
}

TEST(RecordCodec, BlobCutAnywhereOrWithABadChecksumDoesNotDecode) {
  ParseResult parsed;
  parsed.records.emplace_back().id = "a";
  parsed.records.back().tags = {"x", "y"};
  parsed.diagnostics.push_back({"f.md", 3, 4, Severity::warning, "w"});
  std::string blob = records::encode_parse_result(parsed, "f.md");
  for (std::size_t length = 0; length < blob.size(); ++length) {
    std::string_view cut(blob.data(), length);
    // With the checksum of the cut bytes: the decoder's own bounds checks must refuse it.
    EXPECT_FALSE(records::decode_parse_result(cut, xxhash64(cut), "f.md").has_value()) << length;
  }
  EXPECT_FALSE(records::decode_parse_result(blob, xxhash64(blob) + 1, "f.md").has_value());
}

TEST(RecordCodec, TheRecordCountIsReadFromTheFirstBytes) {
  ParseResult parsed;
  for (int i = 0; i < 200; ++i) parsed.records.emplace_back().id = "r" + std::to_string(i);  // two varint bytes
  const std::string blob = records::encode_parse_result(parsed, "f.md");
  EXPECT_EQ(records::record_count_of(std::string_view(blob).substr(0, 10), blob.size()), 200u);
  EXPECT_EQ(records::record_count_of(blob, blob.size()), 200u);
  EXPECT_FALSE(records::record_count_of(std::string_view(blob).substr(0, 1), blob.size()));  // the varint cut
  EXPECT_FALSE(records::record_count_of(std::string_view(blob).substr(0, 10), 9));           // more than the blob
  // A count the blob's length cannot hold (a record takes at least 16 bytes) is damage.
  EXPECT_FALSE(records::record_count_of(std::string_view(blob).substr(0, 10), 200 * 16 + 1));
  EXPECT_EQ(records::record_count_of(std::string_view(blob).substr(0, 10), 200 * 16 + 2), 200u);
  EXPECT_EQ(records::record_count_of(std::string_view("\0", 1), 1), 0u);
}

TEST(RecordCodec, DecodingIntoRecordsMadeBeforehandGivesTheSameResult) {
  ParseResult parsed;
  parsed.records.emplace_back().id = "a";
  parsed.records.back().tags = {"x", "y"};
  parsed.records.emplace_back().id = "b";
  parsed.records.back().label = "B";
  parsed.diagnostics.push_back({"f.md", 3, 4, Severity::warning, "w"});
  const std::string blob = records::encode_parse_result(parsed, "f.md");
  const std::uint64_t checksum = xxhash64(blob);

  std::vector<Record> records(3);
  Diagnostics diagnostics = {{"earlier.md", 1, 1, Severity::note, "kept"}};
  ASSERT_TRUE(records::decode_parse_result_into(blob, checksum, "f.md", std::span(records).subspan(1, 2), diagnostics));
  Corpus expected, got;
  expected.records = parsed.records;
  expected.diagnostics = parsed.diagnostics;
  got.records.assign(records.begin() + 1, records.end());
  got.diagnostics.assign(diagnostics.begin() + 1, diagnostics.end());
  EXPECT_EQ(dump(got), dump(expected));
  EXPECT_EQ(records[0].id, "");  // outside the span: untouched
  EXPECT_EQ(diagnostics.front().message, "kept");

  // Room for one record more or less than the blob holds, or another checksum: refused.
  for (std::size_t room : {1u, 3u}) {
    std::vector<Record> wrong(room);
    Diagnostics none;
    EXPECT_FALSE(records::decode_parse_result_into(blob, checksum, "f.md", wrong, none)) << room;
  }
  std::vector<Record> two(2);
  Diagnostics none;
  EXPECT_FALSE(records::decode_parse_result_into(blob, checksum + 1, "f.md", two, none));
}

}  // namespace
}  // namespace policygraph
