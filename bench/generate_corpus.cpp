// SPDX-License-Identifier: MIT
//
// policygraph_generate_corpus: a synthetic corpus in the shape and size of the real one
// (/work/shared/corpus/ccus-policy-hub), for benchmarks at any scale.
//
//   policygraph_generate_corpus --policies N --facilities-per-policy 5 --languages en,zh
//                               --seed S --out DIR [--force]
//
// The model, in the order the generator draws it:
//  1. Families. Policies come in families (one legislative line in one country), each a
//     chain of versions between 1990 and 2025, one to eight years apart. A version
//     supersedes the one before it, sometimes an older one instead (a branch: that older
//     version then has two successors). The first version of a family sometimes supersedes
//     a `legacy` id that has no record (an unresolved reference, as in the real corpus).
//     A few versions also consolidate policies of earlier families (`consolidatedFrom`).
//     Most changes to a law are amendments (MODEL.md section 7): a later version amends the
//     family's principal act (which stays in force) three times in five, replaces it
//     otherwise, and now and then repeals it outright, a third of those repeals from a later
//     day (an item `{id, date}`), some of them still to come. A few national policies
//     implement an international one. Every lineage edge points from a policy to one with a
//     smaller index, so the lineage is a DAG. A link is written on the newer record
//     (`supersedes`, `amends`, ...), on both, or on the older record only (`supersededBy`,
//     `amendedBy`, ...), as real corpora mix them. Some policies state the day they take
//     effect, a few an expiry; `status` is a word of the legal-state vocabulary that fits
//     what happened to the policy, in the record's language (one in a hundred a word
//     outside it).
//  2. Clusters: about one per 20 policies; a family joins zero, one or two of them.
//  3. Tags: one tag of the family, plus one or two from a Zipf-Mandelbrot vocabulary.
//  4. Facilities: `--facilities-per-policy` per policy, each owned by one policy and
//     sometimes related to a neighbouring policy or to a "hub" policy (an international
//     framework that many facilities cite); a few related ids have no record. A link is
//     mostly written both ways (`relatedFacilities` and `relatedPolicies`), sometimes one
//     way only. A quarter of the facilities belong to a shared infrastructure `hub`.
//  5. Files: every record in every language (a few percent missing in a translation, a few
//     policies only in the second language), in mixed styles: block YAML front matter
//     mostly, flow-style and JSON front matter sometimes, YAML files holding a sequence of
//     policies, JSON arrays and JSON Lines files of facilities.
//
// Density. The `policy` view links every pair of policies that share a tag, a cluster or a
// facility (MODEL.md section 2), so a tag on 10% of 100,000 policies alone makes 10^8 edges.
// The generator aims at 10 to 30 view edges per policy: clusters give about 15, the family
// tag about 3, shared facilities a few, and the Zipf tags are budgeted at about 4 neighbours
// per policy. With a fixed vocabulary of 2,000 tags that budget cannot hold beyond a few
// thousand policies (2,000 tags on 100,000 policies are 50 policies a tag even when flat),
// so the vocabulary grows with the corpus, max(2,000, N) tags (Heaps' law; the real corpus
// has 203 distinct tags on 86 policies), and the Zipf offset is chosen so that the
// commonest tag stays under 2% of the policies AND the expected tag neighbours per policy
// stay under the budget; on 100,000 policies the second bound wins (the commonest tag on
// well under 1%).
//
// Determinism: std::mt19937_64 is fully specified by the standard, and every draw below
// goes through our own bounded draws (the standard distributions are implementation-defined),
// in one thread, in a fixed order; weights use only +, / (no pow, no log), so the same seed
// gives the same bytes with any conforming compiler on IEEE hardware.

#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>

#include "generator/model.hpp"
#include "generator/writer.hpp"

namespace policygraph::generator {
namespace {

constexpr const char* kUsage =
    "usage: policygraph_generate_corpus --policies N [--facilities-per-policy F] [--languages en,zh]\n"
    "                                   [--seed S] --out DIR [--force]\n"
    "Writes a synthetic corpus of N policies and N*F facilities per language under DIR.\n"
    "The same arguments give the same bytes. --force replaces an existing non-empty DIR.\n";

std::uint64_t parse_number(std::string_view option, std::string_view text) {
  std::uint64_t value = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size()) {
    throw std::invalid_argument(std::string(option) + ": not a number: " + std::string(text));
  }
  return value;
}

Options parse_options(int argc, char** argv) {
  Options options;
  bool have_out = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      std::fputs(kUsage, stdout);
      std::exit(0);
    }
    if (arg == "--force") {
      options.force = true;
      continue;
    }
    if (i + 1 >= argc) throw std::invalid_argument(std::string(arg) + " needs a value");
    const std::string_view value = argv[++i];
    if (arg == "--policies") {
      options.policies = static_cast<std::size_t>(parse_number(arg, value));
    } else if (arg == "--facilities-per-policy") {
      options.facilities_per_policy = static_cast<std::size_t>(parse_number(arg, value));
    } else if (arg == "--seed") {
      options.seed = parse_number(arg, value);
    } else if (arg == "--out") {
      options.out = std::string(value);
      have_out = true;
    } else if (arg == "--languages") {
      options.languages.clear();
      std::size_t start = 0;
      while (start <= value.size()) {
        std::size_t end = value.find(',', start);
        if (end == std::string_view::npos) end = value.size();
        if (end > start) options.languages.emplace_back(value.substr(start, end - start));
        start = end + 1;
      }
    } else {
      throw std::invalid_argument("unknown option " + std::string(arg));
    }
  }
  if (!have_out) throw std::invalid_argument("--out DIR is required");
  if (options.policies == 0) throw std::invalid_argument("--policies must be at least 1");
  if (options.facilities_per_policy == 0) throw std::invalid_argument("--facilities-per-policy must be at least 1");
  if (options.languages.empty() || options.languages.size() > 8)
    throw std::invalid_argument("--languages: one to eight languages");
  if (options.policies > 20'000'000) throw std::invalid_argument("--policies: at most 20,000,000");
  return options;
}

void write_manifest(const Corpus& corpus, const Writer& writer, Output& output) {
  std::string text;
  Emitter e(text, Style::json);
  const Options& options = corpus.options();
  e.begin_map();
  e.field("generator", "policygraph_generate_corpus");
  e.number("seed", to_string(options.seed));
  e.number("policies", to_string(options.policies));
  e.number("facilities_per_policy", to_string(options.facilities_per_policy));
  e.list("languages", options.languages);
  e.number("policy_records", to_string(writer.policy_records()));
  e.number("facility_records", to_string(writer.facility_records()));
  e.number("families", to_string(corpus.families.size()));
  e.number("clusters", to_string(corpus.cluster_names.size()));
  e.number("tag_vocabulary", to_string(corpus.tag_names.size()));
  e.number("tag_zipf_offset", fixed(corpus.tag_offset, 3));
  e.number("commonest_tag_share_expected", fixed(corpus.commonest_tag_share, 5));
  e.number("tag_neighbours_per_policy_expected", fixed(corpus.expected_tag_neighbours, 3));
  e.end_map();
  // A hidden file: readers of the corpus skip it (MODEL.md section 1).
  output.write(".generator.json", text);
}

int run(int argc, char** argv) {
  const Options options = parse_options(argc, argv);
  const auto started = std::chrono::steady_clock::now();
  namespace fs = std::filesystem;
  if (fs::exists(options.out) && !fs::is_empty(options.out)) {
    if (!options.force) throw std::runtime_error(options.out.string() + " is not empty (use --force to replace it)");
    fs::remove_all(options.out);
  }
  fs::create_directories(options.out);

  Corpus corpus(options);
  corpus.generate();
  Output output(options.out);
  Writer writer(corpus, output);
  writer.write_all();
  write_manifest(corpus, writer, output);

  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("%s: %llu policy records, %llu facility records, %llu files, %llu bytes (%.1f MB) in %.1f s\n",
              options.out.string().c_str(), static_cast<unsigned long long>(writer.policy_records()),
              static_cast<unsigned long long>(writer.facility_records()),
              static_cast<unsigned long long>(output.files()), static_cast<unsigned long long>(output.bytes()),
              static_cast<double>(output.bytes()) / 1e6, seconds);
  return 0;
}

}  // namespace
}  // namespace policygraph::generator

int main(int argc, char** argv) {
  try {
    return policygraph::generator::run(argc, argv);
  } catch (const std::invalid_argument& error) {
    std::fprintf(stderr, "policygraph_generate_corpus: %s\n%s", error.what(), policygraph::generator::kUsage);
    return 2;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "policygraph_generate_corpus: %s\n", error.what());
    return 3;
  }
}
