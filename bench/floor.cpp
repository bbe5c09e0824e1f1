// SPDX-License-Identifier: MIT
//
// policygraph_bench_floor: the least a cold load can cost on this machine, for comparison
// with policygraph's own phases (BENCHMARKS.md, "Where a cold run's time goes").
//
//   policygraph_bench_floor CORPUS [--threads N]
//
// Three passes over the corpus, each timed alone, on N threads (default: every core), as a
// load does them but doing nothing else: list the record files (one walk of the tree),
// read every file into memory (open, read, close), and run libyaml's parser over every
// front matter, discarding its events (no records built, no diagnostics, no cache). What
// policygraph spends above the sum is its own work: building records, checking text,
// merging languages, the cache. Built with libfyaml (when installed), it times libfyaml's
// parser over the same front matter too (`parse_libfyaml`): the other YAML parser Debian has.
// Prints JSON.
#include <yaml.h>
#ifdef POLICYGRAPH_BENCH_LIBFYAML
#include <libfyaml.h>
#endif

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

bool is_record_file(const std::filesystem::path& path) {
  const std::string ending = path.extension().string();
  return ending == ".md" || ending == ".markdown" || ending == ".yaml" || ending == ".yml" || ending == ".json" ||
         ending == ".jsonl" || ending == ".ndjson";
}

template <typename Work>
void on_threads(std::size_t count, unsigned threads, Work work) {
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      for (std::size_t i = next++; i < count; i = next++) work(i);
    });
  for (auto& thread : pool) thread.join();
}

// The YAML a loader parses: a Markdown file's front matter between its `---` lines; a YAML
// or JSON file whole (JSON is YAML's flow style, as libyaml reads it).
std::string_view yaml_text(const std::filesystem::path& path, std::string_view text) {
  if (path.extension() != ".md" && path.extension() != ".markdown") return text;
  if (!text.starts_with("---")) return {};
  const std::size_t start = text.find('\n');
  if (start == std::string_view::npos) return {};
  const std::size_t end = text.find("\n---", start);
  return text.substr(start + 1, end == std::string_view::npos ? std::string_view::npos : end - start);
}

// Every event of `text`, discarded, by libyaml; false on a parse error.
std::size_t parse_events(std::string_view text, bool& ok) {
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  std::size_t events = 0;
  ok = true;
  for (;;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      ok = false;
      break;
    }
    ++events;
    const bool done = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
    if (done) break;
  }
  yaml_parser_delete(&parser);
  return events;
}

#ifdef POLICYGRAPH_BENCH_LIBFYAML
// The same by libfyaml.
std::size_t parse_events_libfyaml(std::string_view text, bool& ok) {
  fy_parse_cfg config{};
  config.flags = FYPCF_QUIET;
  fy_parser* parser = fy_parser_create(&config);
  ok = parser != nullptr && fy_parser_set_string(parser, text.data(), text.size()) == 0;
  std::size_t events = 0;
  while (ok) {
    fy_event* event = fy_parser_parse(parser);
    if (event == nullptr) {
      ok = !fy_parser_get_stream_error(parser);
      break;
    }
    ++events;
    const bool done = event->type == FYET_STREAM_END;
    fy_parser_event_free(parser, event);
    if (done) break;
  }
  if (parser != nullptr) fy_parser_destroy(parser);
  return events;
}
#endif

// Parses the YAML of every file with `parse`, on `threads` threads: a JSON Lines file a
// document per line. Counts events and failures; returns the wall time.
template <typename Parse>
double parse_all(const std::vector<std::filesystem::path>& files, const std::vector<std::string>& texts,
                 unsigned threads, Parse parse, std::size_t& event_total, std::size_t& failures) {
  const auto start = Clock::now();
  std::vector<std::size_t> events(files.size());
  std::vector<char> failed(files.size(), 0);
  on_threads(files.size(), threads, [&](std::size_t i) {
    const std::string_view yaml = yaml_text(files[i], texts[i]);
    bool ok = true;
    if (files[i].extension() == ".jsonl" || files[i].extension() == ".ndjson") {
      for (std::size_t from = 0; from < yaml.size();) {
        std::size_t end = yaml.find('\n', from);
        if (end == std::string_view::npos) end = yaml.size();
        bool line_ok = true;
        if (end > from) events[i] += parse(yaml.substr(from, end - from), line_ok);
        ok = ok && line_ok;
        from = end + 1;
      }
    } else {
      events[i] = parse(yaml, ok);
    }
    failed[i] = ok ? 0 : 1;
  });
  const double wall = seconds_since(start);
  event_total = failures = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    event_total += events[i];
    failures += static_cast<std::size_t>(failed[i]);
  }
  return wall;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: policygraph_bench_floor CORPUS [--threads N]\n";
    return 2;
  }
  const std::filesystem::path root = argv[1];
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  for (int i = 2; i + 1 < argc; ++i)
    if (std::string(argv[i]) == "--threads") threads = static_cast<unsigned>(std::stoul(argv[i + 1]));

  auto start = Clock::now();
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root))
    if (entry.is_regular_file() && is_record_file(entry.path())) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  const double list = seconds_since(start);

  start = Clock::now();
  std::vector<std::string> texts(files.size());
  on_threads(files.size(), threads, [&](std::size_t i) {
    std::FILE* file = std::fopen(files[i].c_str(), "rb");
    if (file == nullptr) return;
    char buffer[1 << 16];
    for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, file)) > 0;) texts[i].append(buffer, got);
    std::fclose(file);
  });
  const double read = seconds_since(start);

  std::size_t event_total = 0, failures = 0;
  const double parse = parse_all(files, texts, threads, parse_events, event_total, failures);
#ifdef POLICYGRAPH_BENCH_LIBFYAML
  std::size_t fy_events = 0, fy_failures = 0;
  const double parse_libfyaml = parse_all(files, texts, threads, parse_events_libfyaml, fy_events, fy_failures);
#endif

  std::size_t bytes = 0, yaml_total = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    bytes += texts[i].size();
    yaml_total += yaml_text(files[i], texts[i]).size();
  }
  std::cout << "{\n  \"threads\": " << threads << ",\n  \"files\": " << files.size() << ",\n  \"bytes\": " << bytes
            << ",\n  \"yaml_bytes\": " << yaml_total << ",\n  \"events\": " << event_total
            << ",\n  \"parse_failures\": " << failures << ",\n  \"list\": " << list << ",\n  \"read\": " << read
            << ",\n  \"parse\": " << parse << ",\n  \"total\": " << list + read + parse;
#ifdef POLICYGRAPH_BENCH_LIBFYAML
  std::cout << ",\n  \"parse_libfyaml\": " << parse_libfyaml << ",\n  \"libfyaml_events\": " << fy_events
            << ",\n  \"libfyaml_failures\": " << fy_failures;
#endif
  std::cout << "\n}\n";
}
