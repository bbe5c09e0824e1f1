// SPDX-License-Identifier: MIT
// The vocabulary of legal states (MODEL.md 7.2) and the names of the evolution relations
// (7.1). docs/record-format.md prints the same table: change both together.
//
// A status is free text written by people in many languages, so matching is forgiving
// where it costs nothing (case of ASCII letters, surrounding and repeated spaces, `-` and
// `_` for spaces: "In-Force", "in_force", " in  force ") and exact elsewhere: a CJK word is
// compared byte for byte after trimming. A word outside the table is not guessed at: the
// loader reports each such word once, so that the table can grow with the corpora.
#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "policygraph/record.hpp"
#include "record_fields.hpp"

namespace policygraph {
namespace {

struct Word {
  std::string_view text;  ///< as matched: lower-case ASCII, single spaces
  LegalState state;
};

constexpr LegalState in_force = LegalState::in_force;
constexpr LegalState pending = LegalState::pending;
constexpr LegalState proposed = LegalState::proposed;
constexpr LegalState ended = LegalState::ended;

constexpr std::array vocabulary{
    // English
    Word{"active", in_force},
    Word{"in force", in_force},
    Word{"enacted", in_force},
    Word{"effective", in_force},
    Word{"adopted", in_force},
    Word{"amended", in_force},
    Word{"in effect", in_force},
    Word{"current", in_force},
    Word{"implemented", in_force},
    Word{"awarded", in_force},
    Word{"partially repealed", in_force},
    Word{"upcoming", pending},
    Word{"not yet in force", pending},
    Word{"pending", pending},
    Word{"forthcoming", pending},
    Word{"adopted, not yet in force", pending},
    Word{"planned", proposed},
    Word{"proposed", proposed},
    Word{"proposal", proposed},
    Word{"draft", proposed},
    Word{"draft for public comment", proposed},
    Word{"consultation", proposed},
    Word{"public consultation", proposed},
    Word{"under consultation", proposed},
    Word{"under development", proposed},
    Word{"under review", proposed},
    Word{"under discussion", proposed},
    Word{"policy principles adopted", proposed},
    Word{"announced", proposed},
    Word{"in preparation", proposed},
    Word{"repealed", ended},
    Word{"superseded", ended},
    Word{"replaced", ended},
    Word{"revoked", ended},
    Word{"expired", ended},
    Word{"lapsed", ended},
    Word{"ended", ended},
    Word{"terminated", ended},
    Word{"withdrawn", ended},
    Word{"abolished", ended},
    Word{"rescinded", ended},
    Word{"no longer in force", ended},
    Word{"inactive", ended},
    // Chinese
    Word{"现行", in_force},
    Word{"生效", in_force},
    Word{"有效", in_force},
    Word{"现行有效", in_force},
    Word{"已生效", in_force},
    Word{"施行", in_force},
    Word{"实施中", in_force},
    Word{"已修订", in_force},
    Word{"已修正", in_force},
    Word{"即将实施", pending},
    Word{"待生效", pending},
    Word{"尚未生效", pending},
    Word{"即将生效", pending},
    Word{"计划中", proposed},
    Word{"制定中", proposed},
    Word{"草案", proposed},
    Word{"征求意见稿", proposed},
    Word{"审议中", proposed},
    Word{"提议", proposed},
    Word{"征求意见", proposed},
    Word{"规划中", proposed},
    Word{"已废止", ended},
    Word{"废止", ended},
    Word{"失效", ended},
    Word{"已失效", ended},
    Word{"废除", ended},
    Word{"已废除", ended},
    Word{"已被替代", ended},
    // French, German, Spanish, Portuguese, Japanese: the commonest words
    Word{"en vigueur", in_force},
    Word{"abrogé", ended},
    Word{"abrogée", ended},
    Word{"projet", proposed},
    Word{"in kraft", in_force},
    Word{"aufgehoben", ended},
    Word{"entwurf", proposed},
    Word{"vigente", in_force},
    Word{"derogado", ended},
    Word{"derogada", ended},
    Word{"proyecto", proposed},
    Word{"em vigor", in_force},
    Word{"revogado", ended},
    Word{"revogada", ended},
    Word{"施行中", in_force},
    Word{"廃止", ended},
};

// Lower-case ASCII, `-` and `_` as spaces, runs of ASCII white space folded to one, trimmed.
std::string matched_form(std::string_view status) {
  std::string out;
  out.reserve(status.size());
  bool space = false;
  for (char c : status) {
    const bool is_space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == '_';
    if (is_space) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

}  // namespace

std::string_view to_string(Relation relation) {
  static constexpr std::array<std::string_view, 5> names{"supersedes", "consolidates", "repeals", "amends",
                                                         "implements"};
  return names[static_cast<std::size_t>(relation)];
}

std::string_view field_name(const RelationItem& item) { return records::relation_key(item.relation, item.inverse); }

std::string_view to_string(LegalState state) {
  static constexpr std::array<std::string_view, 5> names{"unknown", "in_force", "pending", "proposed", "ended"};
  return names[static_cast<std::size_t>(state)];
}

std::optional<LegalState> legal_state_of(std::string_view status) {
  const std::string form = matched_form(status);
  if (form.empty()) return LegalState::unknown;
  for (const Word& word : vocabulary)
    if (word.text == form) return word.state;
  // The canonical names themselves ("in_force" reads as "in force" above; "unknown" too).
  if (form == "unknown") return LegalState::unknown;
  return std::nullopt;
}

}  // namespace policygraph
