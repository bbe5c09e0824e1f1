// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "policygraph/diagnostics.hpp"
#include "policygraph/record.hpp"

namespace policygraph {

/// Limits that keep a hostile file from taking the tool down. Hitting one is a
/// diagnostic for that file (or field), never a crash.
struct Limits {
  std::size_t max_file_bytes = 64u << 20;     ///< larger files are skipped
  int max_depth = 200;                        ///< nesting of YAML/JSON collections
  std::size_t max_alias_expansions = 10'000;  ///< alias uses expanded per file
  /// YAML events replayed for aliases of collections, per file: bounds the work a few
  /// aliases of one large anchored value can cause, which counting alias uses cannot.
  std::size_t max_alias_events = 1'000'000;
};

/// How a file's text is laid out, from its ending.
enum class FileFormat : unsigned char { markdown, yaml, json, json_lines };

/// The format for a path's ending, or nullopt for a file that holds no records.
std::optional<FileFormat> format_for_path(std::string_view path);

/// What the folder a file sits in says about its records.
struct FileContext {
  std::string path;  ///< relative to the corpus root, '/'-separated; used in diagnostics
  FileFormat format = FileFormat::markdown;
  RecordKind default_kind = RecordKind::policy;  ///< facility under a `facilities` folder
  std::string default_language;                  ///< innermost language folder, or empty
};

/// Whether a folder name is a language tag (MODEL.md section 5.2): an ISO 639-1 code
/// (`en`, `zh`), optionally followed by `-Script` (4 letters) and/or `-REGION` (2 letters
/// or 3 digits): `zh-Hans`, `pt-BR`, `es-419`, `zh-Hant-TW`.
bool is_language_tag(std::string_view name);

/// The context MODEL.md section 1 derives from a relative path: format, kind, language.
std::optional<FileContext> context_for_path(std::string_view relative_path);

struct ParseResult {
  std::vector<Record> records;
  Diagnostics diagnostics;
};

/// Parses one file's text into records. Pure: no disk, no globals. Every problem is a
/// diagnostic with the line and column of the field at fault; a bad field is dropped and
/// the record kept where it is still usable, a record without an id is dropped.
ParseResult parse_records(std::string_view text, const FileContext& context, const Limits& limits = {});

struct LoadOptions {
  std::string preferred_language = "en";
  bool follow_symlinks = false;  ///< follow links that lead out of the corpus folder
  unsigned threads = 0;          ///< 0: every core (four per core to read files)
  Limits limits;
  /// Called from the loading thread now and then with (files done, files in all).
  std::function<void(std::size_t, std::size_t)> on_progress;
  /// Keep each file's parsed records between loads, and parse again only the files that
  /// changed. Off unless asked: a library writes nothing its caller did not ask for. The
  /// cache lives in the user's cache folder,
  /// `${XDG_CACHE_HOME:-$HOME/.cache}/policygraph/<name>-<hash>/` for the corpus folder of
  /// that name and real path, never in the corpus unless `cache_folder` says so.
  bool use_cache = false;
  /// With use_cache, where to keep the cache instead: created when missing (then with a
  /// `.gitignore` of everything), one folder serving several corpora. A folder inside the
  /// corpus that leads out of it through a symbolic link is refused, with a note.
  std::optional<std::filesystem::path> cache_folder;
};

/// What the cache of parsed records did during a load.
struct CacheReport {
  bool used = false;         ///< records came from a cache, or one was written
  std::size_t reused = 0;    ///< files whose records came from the cache
  std::size_t verified = 0;  ///< of those, files read and hashed because their size or times changed
  std::size_t parsed = 0;    ///< files read and parsed
  std::size_t removed = 0;   ///< files in the cache that are gone from the corpus
  /// Every file was as cached, and the cache's merged corpus served the load: no file's
  /// records were decoded one by one, no translations merged.
  bool merged = false;
  /// The corpus folder was walked for its files. False when every folder the cache's last
  /// walk listed still had the times it had then, so that the cache's listing stood for it.
  bool walked = true;
  /// Why the cache was rebuilt or could not be kept; empty when all went well. A note for
  /// the user, not a diagnostic of the corpus.
  std::string note;
  std::filesystem::path folder;  ///< where the cache is (or was looked for)
  /// The loaded records as the cache holds them now (served from it, or saved to it): two
  /// loads with the same identity have the same records. 0 when the cache holds no such
  /// thing (off, not saved, another language's). build_graph() keys the graph it keeps
  /// beside the cache on it.
  std::uint64_t records_identity = 0;
  /// Where build_graph() keeps the graph of these records: beside the cache's file.
  std::filesystem::path graph_file;
};

/// A loaded corpus: one record per kind and id, translations merged
/// (MODEL.md section 5.1), sorted by kind then id.
struct Corpus {
  std::vector<Record> records;
  Diagnostics diagnostics;     ///< sorted with sort_diagnostics
  std::size_t files_read = 0;  ///< files read now or, through the cache, before
  CacheReport cache;
};

/// Walks `root`, parses every record file on all cores, merges translations and reports
/// duplicates. Never throws for bad input; a root that cannot be read is an error
/// diagnostic on the root itself, and one that holds no record a warning on `.`.
Corpus load_corpus(const std::filesystem::path& root, const LoadOptions& options = {});

/// Merges records of the same kind and id in several languages into one each
/// (MODEL.md section 5.1) and reports records of the same kind, id and language twice
/// (5.3). Input in any order; output sorted by kind then id.
std::vector<Record> merge_translations(std::vector<Record> records, std::string_view preferred_language,
                                       Diagnostics& diagnostics);
/// The same, taking the records where they are (each is moved from or cleared): a load
/// merges the records of every file without first moving them into one vector.
std::vector<Record> merge_translations(std::span<Record* const> records, std::string_view preferred_language,
                                       Diagnostics& diagnostics);

}  // namespace policygraph
