// SPDX-License-Identifier: MIT
// The session's policy: when the cache stands for the walk, for each file, for the whole
// load; what is written back, and how. cache_file.cpp says why each of these is safe.
//
// Writing: a load that has no sound cache to start from writes a new one, streaming each
// blob as it is encoded (cache_file.hpp's create). A load that has one appends to it what
// changed: the new blobs, the chunks of the merged corpus whose bytes changed (a chunk
// encoded the same as the old one at its place is kept), and the table; the unchanged
// files' blobs are not copied. The old table and what was replaced are dead space: when an
// append would leave more than a quarter of the data dead (and more than 64 KiB), the load
// writes a new file instead (compaction), copying the blobs it reuses from memory, where it
// has read them anyway to decode them. So the file stays within about a third of what a
// new cache would take, and no load reads the cache back to compact it.
//
// Freshness: a file whose size, mtime and ctime are those cached is not read. ctime, which
// no one can set by hand, catches what keeps mtime (`touch -d`, `cp -p`, a chmod that makes
// the file unreadable). A file modified less than racy_window_ns before the load that
// cached it could change again within the same clock tick without a new mtime (git's
// "racily clean" entries), so it is read and hashed on the next load.
#include "cache_session.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iterator>
#include <mutex>
#include <set>
#include <span>
#include <system_error>
#include <unordered_set>
#include <utility>

#include "byte_codec.hpp"
#include "folder_handle.hpp"
#include "merged_patch.hpp"
#include "record_codec.hpp"
#include "support/file_times.hpp"
#include "support/for_each_index.hpp"
#include "support/prefault.hpp"
#include "support/xxhash64.hpp"

namespace policygraph::records {
namespace {

namespace fs = std::filesystem;

// Whether a file's status vouches for its cached parse: the same size and times, and
// modified well before the load that cached it.
bool stamp_matches(const struct stat& info, const CachedFile& cached, std::int64_t trusted_before_ns) {
  return static_cast<std::uint64_t>(info.st_size) == cached.size &&
         support::times_vouch(info, cached.mtime_ns, cached.ctime_ns, trusted_before_ns);
}

// The status of the file at `path`, looked up from its folder. `follow`: the walk followed a
// link to the file; else a link there is not the file.
bool stat_from_folder(FolderHandle& folder, const std::string& path, bool follow, struct stat& info) {
  const FolderHandle::Place place = folder.place_of(path);
  return ::fstatat(place.at, place.name, &info, follow ? 0 : AT_SYMLINK_NOFOLLOW) == 0;
}

// The identity of a merged corpus (CacheReport::records_identity): its chunks' checksums
// and lengths, which fix its bytes, and so its records, but for a collision of xxhash64.
// Never 0, which stands for none.
std::uint64_t records_identity(const CachedMerge& merge) {
  std::string text;
  ByteWriter out(text);
  out.string(merge.language);
  for (const CacheSpan& chunk : merge.chunks) {
    out.fixed64(chunk.length);
    out.fixed64(chunk.checksum);
  }
  return std::max<std::uint64_t>(1, support::xxhash64(text));
}

void stamp(CacheSession::FileOutcome& outcome, const struct stat& info) {
  outcome.size = static_cast<std::uint64_t>(info.st_size);
  outcome.mtime_ns = support::nanoseconds(info.st_mtim);
  outcome.ctime_ns = support::nanoseconds(info.st_ctim);
}

// Read buffers passed from chunk to chunk of the merged corpus as threads free up, so that
// each thread faults in one or two instead of one per chunk.
class ReadBuffers {
 public:
  ReadBuffer take() {
    const std::lock_guard lock(mutex_);
    if (free_.empty()) return {};
    ReadBuffer buffer = std::move(free_.back());
    free_.pop_back();
    return buffer;
  }
  void give(ReadBuffer buffer) {
    const std::lock_guard lock(mutex_);
    free_.push_back(std::move(buffer));
  }

 private:
  std::mutex mutex_;
  std::vector<ReadBuffer> free_;
};

// Records per chunk of the merged corpus: enough chunks for every core at 10,000 records,
// few enough that their table stays small.
constexpr std::size_t records_per_chunk = 4096;

// Dead space is compacted past a quarter of the data, and not below this: a small cache
// costs little either way.
constexpr std::uint64_t min_dead_bytes_to_compact = 64 << 10;

}  // namespace

CacheSession::CacheSession(const fs::path& root, const LoadOptions& options) {
  if (!options.use_cache) return;
  load_started_ns_ =
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  std::error_code error;
  fs::path canonical_root = fs::canonical(root, error);
  if (error) return;  // the walker reports an unreadable root; there is nothing to cache
  std::optional<CacheLocation> location = cache_location(canonical_root, options.cache_folder);
  if (!location) {
    note_ = "no cache of parsed records: neither XDG_CACHE_HOME nor HOME is set; give a folder with --cache DIR";
    return;
  }
  location_ = std::move(*location);
  note_ = cache_location_problem(location_, root, canonical_root);
  if (!note_.empty()) return;
  enabled_ = true;
  key_ = current_cache_key(options.limits);
  std::string problem;
  loaded_ = read_cache(location_.file, key_, problem, support::threads_or_default(options.threads));
  if (!problem.empty()) note_ = "the cache '" + location_.file.string() + "' " + problem + "; it is rebuilt";
  if (loaded_) trusted_before_ns_ = loaded_->load_started_ns() - racy_window_ns;
}

std::optional<CorpusListing> CacheSession::unchanged_listing(const fs::path& root, unsigned threads) const {
  if (!loaded_ || loaded_->folders().empty()) return std::nullopt;
  for (const FolderStamp& folder : loaded_->folders()) {
    struct stat info {};
    if (::stat(corpus_file(root, folder.relative_path).path.c_str(), &info) != 0 || !S_ISDIR(info.st_mode) ||
        !support::times_vouch(info, folder.mtime_ns, folder.ctime_ns, trusted_before_ns_))
      return std::nullopt;
  }
  // Two strings a file: at 100,000 policies (1.1 M files) a tenth of a second on one core.
  CorpusListing listing;
  const std::vector<CachedFile>& cached = loaded_->files();
  support::resize_prefaulted(listing.files, cached.size(), threads);
  constexpr std::size_t files_per_task = 16384;
  support::for_each_range({cached.size(), files_per_task}, threads,
                          [&](std::size_t, std::size_t first, std::size_t last) {
                            for (std::size_t i = first; i < last; ++i)
                              listing.files[i] = corpus_file(root, cached[i].path);
                          });
  listing.folders = loaded_->folders();
  return listing;
}

void CacheSession::match(const CorpusListing& listing, bool listed_by_cache) {
  const std::vector<CorpusFile>& files = listing.files;
  folders_ = listing.folders;
  listed_by_cache_ = listed_by_cache;
  matches_.assign(files.size(), nullptr);
  // outcomes_ waits for a file to be loaded (prepare_files, patch): a warm load from the
  // merged corpus never needs it, and at 1.1 M files it is 100 MB to clear.
  outcomes_.clear();
  if (!loaded_) return;
  const auto& cached = loaded_->files();
  if (listed_by_cache && cached.size() == files.size()) {
    for (std::size_t i = 0; i < files.size(); ++i) matches_[i] = &cached[i];
    matched_ = files.size();
    return;
  }
  std::size_t j = 0;
  for (std::size_t i = 0; i < files.size() && j < cached.size(); ++i) {
    const std::string_view path = files[i].relative_path;
    while (j < cached.size() && cached[j].path < path) ++j;
    if (j < cached.size() && cached[j].path == path) {
      matches_[i] = &cached[j++];
      ++matched_;
    }
  }
}

bool CacheSession::covers_every_file() const {
  return loaded_.has_value() && matched_ == matches_.size() && matched_ == loaded_->files().size();
}

std::optional<CachedMerge> CacheSession::merged(std::string_view language) const {
  if (!loaded_ || !loaded_->merge() || loaded_->merge()->language != language) return std::nullopt;
  return loaded_->merge();
}

bool CacheSession::changed_files(const std::vector<CorpusFile>& files, unsigned threads, std::size_t most,
                                 std::vector<std::size_t>& changed) const {
  constexpr std::size_t run = 1024;  // files per task: a folder's run of files stays on one thread
  const support::IndexRanges blocks{files.size(), run};
  std::vector<std::vector<std::size_t>> found(blocks.number());
  std::atomic<std::size_t> count{0};
  const bool within_most =
      support::for_each_range(blocks, threads, [&](std::size_t block, std::size_t first, std::size_t last) {
        FolderHandle folder;
        for (std::size_t i = first; i < last; ++i) {
          struct stat info {};
          const CachedFile* entry = cached(i);
          // Gone, or no longer a file: the per-file path says what it is.
          if (entry == nullptr || !stat_from_folder(folder, files[i].path, files[i].through_link, info) ||
              !S_ISREG(info.st_mode))
            return false;
          if (stamp_matches(info, *entry, trusted_before_ns_)) continue;
          found[block].push_back(i);
          if (++count > most) return false;
        }
        return true;
      });
  if (!within_most) return false;
  for (const auto& part : found) changed.insert(changed.end(), part.begin(), part.end());
  return true;
}

bool CacheSession::decode_merged(const CachedMerge& merge, unsigned threads, Corpus& corpus) const {
  // Room for every record first, then each chunk decoded straight into its stretch of it on
  // every core: no record is moved again after its decode, and no memory is taken twice for
  // them (at 100,000 policies, 1.2 M records of 464 bytes).
  std::vector<std::size_t> first_record(merge.chunks.size() + 1, 0);
  for (std::size_t i = 0; i < merge.chunks.size(); ++i) {
    const std::optional<std::size_t> count = loaded_->record_count(merge.chunks[i]);
    if (!count) return false;
    first_record[i + 1] = first_record[i] + *count;
  }
  std::vector<Diagnostics> diagnostics(merge.chunks.size());
  ReadBuffers buffers;
  try {
    corpus.records.reserve(first_record.back());
    support::prefault_for_writing(corpus.records.data(), first_record.back() * sizeof(Record), threads);
    corpus.records.resize(first_record.back());
    const std::span<Record> records(corpus.records);
    const bool decoded = support::for_each_index(merge.chunks.size(), threads, [&](std::size_t i) {
      ReadBuffer buffer = buffers.take();
      const std::optional<std::string_view> bytes = loaded_->read_span(merge.chunks[i], buffer);
      const bool ok =
          bytes && decode_parse_result_into(*bytes, merge.chunks[i].checksum, {},
                                            records.subspan(first_record[i], first_record[i + 1] - first_record[i]),
                                            diagnostics[i]);
      buffers.give(std::move(buffer));
      return ok;
    });
    if (!decoded) return false;
  } catch (const std::exception&) {  // out of memory, say: the per-file path is tried instead
    return false;
  }
  for (Diagnostics& part : diagnostics) std::move(part.begin(), part.end(), std::back_inserter(corpus.diagnostics));
  return true;
}

bool CacheSession::serve_merged(const std::vector<CorpusFile>& files, std::string_view language, unsigned threads,
                                const FileLoader& load_changed, Corpus& corpus) {
  merge_current_ = false;
  if (!enabled_ || !covers_every_file()) return false;
  std::optional<CachedMerge> merge = merged(language);
  if (!merge || merge->chunks.empty()) return false;
  merge_current_ = true;  // unless a chunk turns out damaged
  std::vector<std::size_t> changed;
  if (!changed_files(files, threads, std::max<std::size_t>(16, files.size() / 100), changed)) return false;
  Corpus served;
  if (!decode_merged(*merge, threads, served)) {
    note_ = "the cache '" + location_.file.string() +
            "' is damaged (a chunk of its merged corpus does not match its checksum or does not decode); it is rebuilt";
    merge_current_ = false;
    return false;
  }
  served.files_read = merge->files_read;
  StatusWordUses status_words;
  if (!changed.empty() && !patch(files, changed, language, load_changed, served, status_words)) return false;
  corpus.records = std::move(served.records);
  std::move(served.diagnostics.begin(), served.diagnostics.end(), std::back_inserter(corpus.diagnostics));
  corpus.files_read = served.files_read;
  corpus.cache = std::move(served.cache);
  corpus.cache.used = true;
  corpus.cache.folder = location_.folder;
  corpus.cache.note = note_;
  if (changed.empty()) {
    corpus.cache.merged = true;
    corpus.cache.reused = matched_;
    corpus.cache.records_identity = records_identity(*merge);
    corpus.cache.graph_file = graph_file();
    refresh_listing();
  } else {
    finish(corpus, language, status_words, corpus.cache);
  }
  return true;
}

bool CacheSession::patch(const std::vector<CorpusFile>& files, const std::vector<std::size_t>& changed,
                         std::string_view language, const FileLoader& load_changed, Corpus& corpus,
                         StatusWordUses& status_words) {
  // Appended to; or, when that would leave too much dead space, written anew (the blobs of
  // the files that did not change read whole, and copied, not decoded).
  const bool anew = append_leaves_too_much_dead_space();
  outcomes_.assign(files.size(), FileOutcome{});
  writer_ = std::make_unique<CacheWriter>();
  if (anew) {
    write_problem_ = make_cache_folder(location_);
    if (!write_problem_.empty() || !loaded_->load_blobs() || !writer_->create(location_.file, write_problem_)) {
      writer_.reset();
      return false;
    }
  } else if (!writer_->append_to(location_.file, *loaded_)) {
    writer_.reset();
    return false;
  }
  auto fail = [&] {
    writer_.reset();  // removes a new file; what was appended lies past the end the header names
    return false;
  };
  // Every use of a word outside the vocabulary, for the notes that count them.
  std::string word_bytes;
  const CacheSpan& words_span = loaded_->merge()->status_words;
  std::optional<StatusWordUses> uses;
  if (!loaded_->read_span(words_span, word_bytes) || !(uses = decode_status_word_uses(word_bytes, words_span.checksum)))
    return fail();
  status_words = std::move(*uses);
  // The files that changed, now and before, and the kinds and ids they touch.
  std::set<RecordKey> keys;
  std::unordered_set<std::uint64_t> hashes;
  auto note_keys = [&](const ParseResult& parsed) {
    for (const Record& record : parsed.records)
      if (keys.emplace(record.kind, record.id).second) hashes.insert(record_key_hash(record.kind, record.id));
  };
  std::vector<char> touched(files.size(), 0);
  std::vector<std::size_t> indices;
  std::vector<std::string_view> paths;
  std::vector<ParseResult> now;
  for (std::size_t i : changed) {
    ParseResult& parsed = now.emplace_back();
    if (!load_changed(i, parsed) || !outcomes_[i].cacheable) return fail();
    note_keys(parsed);
    std::optional<ParseResult> before = loaded_->decode_span(cached(i)->blob, cached(i)->path);
    if (!before) return fail();
    note_keys(*before);
    touched[i] = 1;
    indices.push_back(i);
    paths.push_back(files[i].relative_path);
  }
  // Every other file with a record of one of those kinds and ids, and theirs, until no
  // file adds one: the merge of these files' records is then the whole corpus's for them.
  for (bool grew = true; grew;) {
    grew = false;
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (touched[i] != 0) continue;
      const std::string_view entry_keys = cached(i)->keys;
      bool shares = false;
      for (std::size_t at = 0; at + 8 <= entry_keys.size() && !shares; at += 8)
        shares = hashes.contains(load_little<std::uint64_t>(entry_keys.data() + at));
      if (!shares) continue;
      std::optional<ParseResult> parsed = loaded_->decode_span(cached(i)->blob, cached(i)->path);
      const std::size_t known = keys.size();
      if (!parsed) return fail();
      note_keys(*parsed);
      grew = grew || keys.size() > known;
      touched[i] = 1;
      indices.push_back(i);
      paths.push_back(files[i].relative_path);
      now.push_back(std::move(*parsed));
    }
  }
  patch_merged_corpus(corpus, paths, std::move(now), keys, language, status_words);

  CacheReport& report = corpus.cache;
  entries_.reserve(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    const CachedFile& entry = *cached(i);
    const FileOutcome& outcome = outcomes_[i];
    const bool was_changed = std::binary_search(changed.begin(), changed.end(), i);
    report.verified += was_changed && outcome.source == FileOutcome::Source::verified ? 1 : 0;
    report.parsed += was_changed && outcome.source == FileOutcome::Source::parsed ? 1 : 0;
    // A new file gets a copy of every blob it keeps; an appended one names them where they are.
    const bool kept = !was_changed || outcome.reused();
    const CacheSpan blob = anew && kept ? writer_->add(loaded_->blob(index_in_cache(i))) : entry.blob;
    if (!was_changed) {
      entries_.push_back(
          {entry.path, entry.size, entry.mtime_ns, entry.ctime_ns, entry.content_hash, blob, entry.keys});
    } else {
      const std::string_view outcome_keys = outcome.reused() ? entry.keys : std::string_view(outcome.keys);
      entries_.push_back({files[i].relative_path, outcome.size, outcome.mtime_ns, outcome.ctime_ns,
                          outcome.content_hash, outcome.reused() ? blob : outcome.blob, outcome_keys});
    }
  }
  report.reused = files.size() - report.parsed;
  if (anew) loaded_->release_blobs();
  return true;
}

void CacheSession::refresh_listing() {
  if (!loaded_ || listed_by_cache_ || folders_.empty() || !covers_every_file()) return;
  // Folders changed within the racy window are not trusted by the next load either.
  const bool trusted_next_time = std::all_of(folders_.begin(), folders_.end(), [&](const FolderStamp& folder) {
    return folder.mtime_ns < load_started_ns_ - racy_window_ns;
  });
  if (!trusted_next_time) return;
  // The same entries and merged corpus, the walk's folders: a new table, nothing else.
  CacheWriter writer;
  if (!writer.append_to(location_.file, *loaded_)) return;
  std::vector<CacheEntry> entries;
  entries.reserve(loaded_->files().size());
  for (const CachedFile& file : loaded_->files())
    entries.push_back({file.path, file.size, file.mtime_ns, file.ctime_ns, file.content_hash, file.blob, file.keys});
  std::string problem;
  writer.commit(key_, {load_started_ns_, entries, folders_, &*loaded_->merge()}, problem);
}

void CacheSession::prepare_files() {
  if (!enabled_) return;
  outcomes_.assign(matches_.size(), FileOutcome{});  // nothing of a patch given up
  entries_.clear();
  if (loaded_ && !loaded_->load_blobs()) {
    note_ = "the cache '" + location_.file.string() + "' cannot be read; it is rebuilt";
    loaded_.reset();
    matches_.assign(matches_.size(), nullptr);
    matched_ = 0;
  }
  // Appended to when there is a sound cache with little dead space; else, or when another
  // writer holds it, new.
  writer_ = std::make_unique<CacheWriter>();
  if (loaded_ && !append_leaves_too_much_dead_space() && writer_->append_to(location_.file, *loaded_)) return;
  write_problem_ = make_cache_folder(location_);
  if (write_problem_.empty() && writer_->create(location_.file, write_problem_)) return;
  writer_.reset();
}

std::optional<ParseResult> CacheSession::reuse_unchanged(std::size_t index, const CorpusFile& file,
                                                         FolderHandle& folder) {
  const CachedFile* entry = cached(index);
  if (entry == nullptr) return std::nullopt;
  FileOutcome& outcome = outcomes_[index];
  struct stat info {};
  // lstat unless the walk followed a link here: a file swapped for a link is not what was cached.
  if (!stat_from_folder(folder, file.path, file.through_link, info) || !S_ISREG(info.st_mode)) return std::nullopt;
  stamp(outcome, info);
  if (!stamp_matches(info, *entry, trusted_before_ns_)) return std::nullopt;
  return reuse(index, FileOutcome::Source::as_cached);
}

std::optional<ParseResult> CacheSession::reuse_same_content(std::size_t index, std::string_view text,
                                                            const struct stat& info) {
  if (!enabled_) return std::nullopt;
  FileOutcome& outcome = outcomes_[index];
  stamp(outcome, info);
  outcome.content_hash = support::xxhash64(text);
  const CachedFile* entry = cached(index);
  // An entry whose parse did not decode by its stamp is not tried again.
  if (entry == nullptr || outcome.damaged || entry->content_hash != outcome.content_hash || entry->size != text.size())
    return std::nullopt;
  return reuse(index, FileOutcome::Source::verified);
}

std::optional<ParseResult> CacheSession::reuse(std::size_t index, FileOutcome::Source source) {
  const CachedFile& entry = *cached(index);
  FileOutcome& outcome = outcomes_[index];
  // Read now when the blobs were not read at once (a patched merged corpus).
  std::string bytes;
  std::string_view blob = loaded_->blob(index_in_cache(index));
  if (blob.size() != entry.blob.length && loaded_->read_span(entry.blob, bytes)) blob = bytes;
  std::optional<ParseResult> parsed = decode_parse_result(blob, entry.blob.checksum, entry.path);
  if (!parsed) {
    outcome.damaged = true;
    return std::nullopt;
  }
  outcome.source = source;
  outcome.cacheable = true;
  outcome.content_hash = entry.content_hash;
  outcome.blob = entry.blob;
  return parsed;
}

void CacheSession::store(std::size_t index, std::string_view relative_path, std::size_t text_size,
                         const ParseResult& parsed) {
  if (!enabled_) return;
  FileOutcome& outcome = outcomes_[index];
  outcome.source = FileOutcome::Source::parsed;
  // A file that changed size while it was read is not cached: its stamp may not match the
  // text that was parsed.
  if (text_size != outcome.size) return;
  outcome.cacheable = true;
  outcome.keys.clear();
  for (const Record& record : parsed.records) {
    const std::uint64_t key = record_key_hash(record.kind, record.id);
    for (int i = 0; i < 8; ++i) outcome.keys.push_back(static_cast<char>((key >> (8 * i)) & 0xFF));
  }
  // Into the cache file at once: a first load holds no blob until its end.
  if (writer_) outcome.blob = writer_->add(encode_parse_result(parsed, relative_path));
}

void CacheSession::forget(std::size_t index) {
  if (enabled_) outcomes_[index] = FileOutcome{};
}

void CacheSession::files_done(const std::vector<CorpusFile>& files, CacheReport& report) {
  if (!enabled_) {
    report.note = note_;
    return;
  }
  entries_.reserve(outcomes_.size());
  bool unchanged = true;
  std::size_t damaged = 0;
  for (std::size_t i = 0; i < outcomes_.size(); ++i) {
    FileOutcome& outcome = outcomes_[i];
    report.reused += outcome.reused() ? 1 : 0;
    report.verified += outcome.source == FileOutcome::Source::verified ? 1 : 0;
    report.parsed += outcome.source == FileOutcome::Source::parsed ? 1 : 0;
    damaged += outcome.damaged ? 1 : 0;
    // A file that cannot be cached (unreadable, too large) and was not before changes nothing.
    unchanged =
        unchanged && (outcome.source == FileOutcome::Source::as_cached || (!outcome.cacheable && cached(i) == nullptr));
    if (!outcome.cacheable) continue;
    // A new file gets a copy of the blobs it reuses; an appended one names them where they are.
    if (outcome.reused() && writer_ && !writer_->appending())
      outcome.blob = writer_->add(loaded_->blob(index_in_cache(i)));
    const std::string_view keys = outcome.reused() ? cached(i)->keys : std::string_view(outcome.keys);
    entries_.push_back({files[i].relative_path, outcome.size, outcome.mtime_ns, outcome.ctime_ns, outcome.content_hash,
                        outcome.blob, keys});
  }
  if (loaded_) loaded_->release_blobs();

  if (damaged > 0)
    note_ = "the cache '" + location_.file.string() + "' is damaged (" + std::to_string(damaged) +
            (damaged == 1 ? " entry does" : " entries do") +
            " not match its checksum or does not decode); it is rebuilt";
  report.note = note_;
  report.folder = location_.folder;
  report.removed = loaded_ ? loaded_->files().size() - matched_ : 0;
  // The folders vouch for the listing only when it holds every file the walk found: a file
  // left out (unreadable, too large) would otherwise be missed, with its diagnostic.
  if (entries_.size() != matches_.size()) folders_.clear();
  const bool same_folders = listed_by_cache_ || (folders_.empty() && loaded_ && loaded_->folders().empty());
  if (unchanged && merge_current_ && same_folders && loaded_ && entries_.size() == loaded_->files().size()) {
    report.used = true;
    writer_.reset();  // nothing written: the cache stays as it is
    entries_ = {};
    outcomes_ = {};
    return;
  }
  if (!writer_) fail_to_write(write_problem_, report);
}

void CacheSession::finish(const Corpus& corpus, std::string_view language, std::span<const StatusWordUse> status_words,
                          CacheReport& report) {
  if (!writer_) return;
  // The merged corpus, chunk by chunk, each written as soon as it is encoded. Appending, a
  // chunk whose bytes are those of the old chunk at its place is not written again.
  const std::vector<CacheSpan>* old_chunks =
      writer_->appending() && loaded_ && loaded_->merge() ? &loaded_->merge()->chunks : nullptr;
  CachedMerge merge;
  merge.language = std::string(language);
  merge.files_read = corpus.files_read;
  auto add_chunk = [&](const std::string& bytes) {
    const std::size_t index = merge.chunks.size();
    const std::uint64_t checksum = support::xxhash64(bytes);
    if (old_chunks != nullptr && index < old_chunks->size() && (*old_chunks)[index].length == bytes.size() &&
        (*old_chunks)[index].checksum == checksum)
      merge.chunks.push_back((*old_chunks)[index]);
    else
      merge.chunks.push_back(writer_->add(bytes));
  };
  const std::span<const Record> records = corpus.records;
  for (std::size_t first = 0; first < records.size(); first += records_per_chunk)
    add_chunk(encode_records(records.subspan(first, std::min(records_per_chunk, records.size() - first)), {}, {}));
  add_chunk(encode_records({}, corpus.diagnostics, {}));
  const std::string word_bytes = encode_status_word_uses(status_words);
  const CacheSpan* old_words = old_chunks != nullptr ? &loaded_->merge()->status_words : nullptr;
  merge.status_words = old_words != nullptr && old_words->length == word_bytes.size() &&
                               old_words->checksum == support::xxhash64(word_bytes)
                           ? *old_words
                           : writer_->add(word_bytes);

  std::string problem;
  const bool written = writer_->commit(key_, {load_started_ns_, entries_, folders_, &merge}, problem);
  writer_.reset();
  entries_ = {};
  outcomes_ = {};
  if (written) {
    report.used = true;
    report.folder = location_.folder;
    report.records_identity = records_identity(merge);
    report.graph_file = graph_file();
  } else {
    fail_to_write(problem, report);
  }
}

std::filesystem::path CacheSession::graph_file() const {
  std::filesystem::path file = location_.file;
  return file.replace_extension(".graph");
}

bool CacheSession::append_leaves_too_much_dead_space() const {
  std::uint64_t live = 0;
  for (const CachedFile& file : loaded_->files()) live += file.blob.length;
  if (loaded_->merge()) {
    for (const CacheSpan& chunk : loaded_->merge()->chunks) live += chunk.length;
    live += loaded_->merge()->status_words.length;
  }
  // After an append, the old table is dead too.
  const std::uint64_t data = loaded_->length() - cache_data_begin;
  const std::uint64_t dead = data - std::min(live, data);
  return dead * 4 > data && dead > min_dead_bytes_to_compact;
}

void CacheSession::fail_to_write(const std::string& problem, CacheReport& report) {
  report.used = loaded_.has_value();
  report.note = (note_.empty() ? std::string() : note_ + "; ") +
                "the cache of parsed records is not saved: " + problem +
                "; give a writable folder with --cache DIR, or turn the cache off with --no-cache";
}

}  // namespace policygraph::records
