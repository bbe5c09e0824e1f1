// SPDX-License-Identifier: MIT
// The corpus model: families of policies and their relations, clusters, tags and facilities, drawn in a fixed order.
#pragma once

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "generator/random.hpp"
#include "generator/text.hpp"
#include "generator/vocabulary.hpp"

namespace policygraph::generator {

struct Options {
  std::size_t policies = 1000;
  std::size_t facilities_per_policy = 5;
  std::vector<std::string> languages{"en", "zh"};
  std::uint64_t seed = 1;
  std::filesystem::path out;
  bool force = false;
};

constexpr std::uint32_t kUnresolved = 0x80000000u;  // flag on a reference with no record

/// A relation that may take effect on a later day than its source: `year` 0 when it takes
/// effect with its source.
struct DatedLink {
  std::uint32_t policy = 0;
  std::uint16_t year = 0;
};

struct Family {
  std::uint32_t first = 0;  // index of its first policy
  std::uint32_t size = 0;
  const Country* country = nullptr;
  std::uint16_t topic = 0;
  std::vector<std::uint32_t> clusters;
  bool legacy = false;  // its first version supersedes an unresolved legacy id
};

struct Policy {
  std::string id;
  std::uint32_t family = 0;
  std::uint16_t year = 0;
  std::uint8_t month = 1;
  std::uint8_t day = 1;
  std::uint8_t date_style = 0;  // 0 quoted day, 1 unquoted day, 2 year-month, 3 year only
  std::uint8_t instrument = 0;
  std::uint8_t version = 0;
  bool has_successor = false;
  bool consolidated_into = false;
  std::uint8_t languages = 0;                    // bit i: written in Options::languages[i]
  std::vector<std::uint32_t> supersedes;         // stated on this record
  std::vector<std::uint32_t> superseded_by;      // stated on this record
  std::vector<std::uint32_t> consolidated_from;  // may hold kUnresolved | k
  std::vector<std::uint32_t> amends;             // stated on this record
  std::vector<std::uint32_t> amended_by;         // stated on this record
  std::vector<DatedLink> repeals;                // stated on this record
  std::vector<DatedLink> repealed_by;            // stated on this record
  std::vector<std::uint32_t> implements;         // stated on this record
  std::vector<std::uint32_t> implemented_by;     // stated on this record
  bool amended = false;                          // an amendment of it exists
  std::uint16_t repealed_in = 0;                 // the year a repeal of it takes effect; 0 if none
  std::uint8_t effective_months = 0;             // entry into force this many months after the date; 0: none stated
  std::uint8_t expires_after = 0;                // expiry this many years after the date; 0: none
  std::uint8_t draft = 0;                        // 1 proposed, 2 adopted but not yet in force (last versions only)
  bool ends_principal = false;                   // it replaces or repeals its family's principal act
  std::vector<std::uint32_t> tags;               // global tag indices
  std::vector<std::uint32_t> facilities;         // stated on this record; kUnresolved | k for missing ones
};

struct Facility {
  std::array<std::uint32_t, 4> policies{};  // stated on the facility; kUnresolved | k for missing ones
  std::uint8_t count = 0;
  std::int32_t hub = -1;
  std::uint8_t languages = 0;
};

class Corpus {
 public:
  explicit Corpus(const Options& options) : options_(options), random_(options.seed) {}

  void generate() {
    make_policies();
    make_tags();
    make_facilities();
    assign_languages();
  }

  const Options& options() const { return options_; }
  std::vector<Family> families;
  std::vector<Policy> policies;
  std::vector<Facility> facilities;
  std::vector<std::string> tag_names;
  std::vector<std::string> cluster_names;
  std::vector<std::string> hub_names;
  std::size_t hub_policy_count = 0;
  double tag_offset = 0;
  double commonest_tag_share = 0;
  double expected_tag_neighbours = 0;

  Random& random() { return random_; }

 private:
  void make_policies() {
    const std::size_t n = options_.policies;
    const std::size_t cluster_count = std::max<std::size_t>(1, n / 20);
    for (std::size_t c = 0; c < cluster_count; ++c) {
      const Country& country = kCountries[c % kCountries.size()];
      std::string name =
          std::string(country.name) + " " + kClusterThemes[(c / kCountries.size()) % kClusterThemes.size()];
      const std::size_t round = c / (kCountries.size() * kClusterThemes.size());
      if (round > 0) name += " " + to_string(round + 1);
      cluster_names.push_back(std::move(name));
    }
    // International frameworks that many facilities cite: the first families.
    const std::size_t hub_families = std::max<std::size_t>(3, n / 2000);
    policies.reserve(n);
    while (policies.size() < n) {
      Family family;
      const auto family_index = static_cast<std::uint32_t>(families.size());
      family.first = static_cast<std::uint32_t>(policies.size());
      const bool international = families.size() < hub_families;
      family.country = international ? &kInternational : &kCountries[random_.index(kCountries.size())];
      family.topic = static_cast<std::uint16_t>(random_.index(kTopics.size()));
      const double u = random_.unit();
      const int memberships = u < 0.35 ? 0 : u < 0.9 ? 1 : 2;
      for (int m = 0; m < memberships; ++m) family.clusters.push_back(cluster_of(family.country, cluster_count));
      family.legacy = random_.chance(0.12);

      int year = random_.between(1990, 2023);
      int wanted = 1;
      while (wanted < 12 && random_.chance(0.72)) ++wanted;
      const std::string slug =
          std::string(family.country->code) + "-" + kTopics[family.topic].slug + "-" + base36(family_index);
      int previous_year = 0;
      int same_year = 0;
      std::uint32_t principal = family.first;  // the act later versions amend, replace or repeal
      for (int k = 0; k < wanted && year <= 2025 && policies.size() < n; ++k) {
        Policy policy;
        policy.family = family_index;
        policy.version = static_cast<std::uint8_t>(k);
        policy.year = static_cast<std::uint16_t>(year);
        policy.month = static_cast<std::uint8_t>(random_.between(1, 12));
        policy.day = static_cast<std::uint8_t>(random_.between(1, 28));
        const double d = random_.unit();
        policy.date_style = d < 0.7 ? 0 : d < 0.8 ? 1 : d < 0.9 ? 2 : 3;
        policy.instrument = static_cast<std::uint8_t>(random_.index(kInstruments.size()));
        same_year = year == previous_year ? same_year + 1 : 0;
        policy.id = slug + "-" + to_string(static_cast<std::uint64_t>(year));
        if (same_year > 0) policy.id += "-" + to_string(static_cast<std::uint64_t>(same_year + 1));
        const auto self = static_cast<std::uint32_t>(policies.size());
        if (k > 0) {
          const double change = random_.unit();
          if (change < 0.6) {
            link_amends(self, principal, policy);
          } else if (change < 0.93) {
            // Mostly the principal act; sometimes a branch from an older version.
            std::uint32_t predecessor = principal;
            if (k >= 2 && random_.chance(0.1))
              predecessor = family.first + static_cast<std::uint32_t>(random_.index(static_cast<std::size_t>(k - 1)));
            link_supersedes(self, predecessor, policy);
            policy.ends_principal = true;
            principal = self;
          } else {
            link_repeals(self, principal, policy);
            policy.ends_principal = true;
            principal = self;
          }
        }
        if (family.first > 0 && random_.chance(0.04)) consolidate(self, family.first, policy);
        if (!international && random_.chance(0.04)) implement(self, families[hub_families - 1], policy);
        if (random_.chance(0.35)) policy.effective_months = static_cast<std::uint8_t>(random_.between(1, 12));
        if (random_.chance(0.02)) policy.expires_after = static_cast<std::uint8_t>(random_.between(5, 15));
        policies.push_back(std::move(policy));
        previous_year = year;
        year += random_.between(1, 8);
      }
      family.size = static_cast<std::uint32_t>(policies.size()) - family.first;
      // A recent last version is now and then still a draft, or adopted and not yet in force
      // (not one that ends an act: the act's status would say it ended when it has not).
      Policy& last = policies.back();
      if (last.year >= 2023 && !last.has_successor && last.repealed_in == 0 && !last.ends_principal) {
        const double d = random_.unit();
        last.draft = d < 0.25 ? 1 : d < 0.4 ? 2 : 0;
        if (last.draft == 2) last.effective_months = static_cast<std::uint8_t>(12 * (2027 - last.year) + 6);
      }
      families.push_back(std::move(family));
    }
    hub_policy_count = families[std::min(hub_families, families.size()) - 1].first +
                       families[std::min(hub_families, families.size()) - 1].size;
  }

  /// A cluster of the family's country where there is one (cluster c belongs to country
  /// c mod 40), any cluster for international families and small corpora.
  std::uint32_t cluster_of(const Country* country, std::size_t cluster_count) {
    if (country == &kInternational) return static_cast<std::uint32_t>(random_.index(cluster_count));
    const auto country_index = static_cast<std::size_t>(country - kCountries.data());
    if (cluster_count <= country_index) return static_cast<std::uint32_t>(random_.index(cluster_count));
    const std::size_t per_country = (cluster_count - country_index + kCountries.size() - 1) / kCountries.size();
    return static_cast<std::uint32_t>(country_index + kCountries.size() * random_.index(per_country));
  }

  /// Records the edge newer → older on the newer record, on both, or on the older one only.
  void link_supersedes(std::uint32_t newer, std::uint32_t older, Policy& newer_policy) {
    const double u = random_.unit();
    if (u < 0.87) newer_policy.supersedes.push_back(older);
    if (u >= 0.75) policies[older].superseded_by.push_back(newer);
    policies[older].has_successor = true;
  }

  /// Records `newer` amends `older` on the newer record, on both, or on the older one only.
  void link_amends(std::uint32_t newer, std::uint32_t older, Policy& newer_policy) {
    const double u = random_.unit();
    if (u < 0.85) newer_policy.amends.push_back(older);
    if (u >= 0.75) policies[older].amended_by.push_back(newer);
    policies[older].amended = true;
  }

  /// Records a repeal without a successor; a third of them take effect one to four years
  /// after the repealing act is published (some after today: a repeal still to come).
  void link_repeals(std::uint32_t newer, std::uint32_t older, Policy& newer_policy) {
    DatedLink link{older, 0};
    if (random_.chance(0.33)) link.year = static_cast<std::uint16_t>(newer_policy.year + random_.between(1, 4));
    if (random_.chance(0.85)) {
      newer_policy.repeals.push_back(link);
    } else {
      policies[older].repealed_by.push_back(DatedLink{newer, link.year});
    }
    policies[older].repealed_in = link.year != 0 ? link.year : newer_policy.year;
  }

  /// A national policy implementing a policy of one of the international families (those
  /// before `last_hub`, inclusive), published no later than it.
  void implement(std::uint32_t self, const Family& last_hub, Policy& policy) {
    const std::uint32_t hub_policies = last_hub.first + last_hub.size;
    for (int attempt = 0; attempt < 8; ++attempt) {
      const auto target = static_cast<std::uint32_t>(random_.below(hub_policies));
      if (policies[target].year > policy.year) continue;
      if (random_.chance(0.85)) {
        policy.implements.push_back(target);
      } else {
        policies[target].implemented_by.push_back(self);
      }
      return;
    }
  }

  void consolidate(std::uint32_t self, std::uint32_t family_first, Policy& policy) {
    const int sources = random_.between(1, 2);
    for (int s = 0; s < sources; ++s) {
      if (random_.chance(0.1)) {
        policy.consolidated_from.push_back(kUnresolved | static_cast<std::uint32_t>(random_.below(1u << 20)));
        continue;
      }
      // An earlier policy, dated no later, from a recent family (lineage stays a DAG:
      // every edge goes to a smaller index).
      const std::uint32_t window = std::min<std::uint32_t>(family_first, 2000);
      for (int attempt = 0; attempt < 8; ++attempt) {
        const std::uint32_t candidate = family_first - 1 - static_cast<std::uint32_t>(random_.below(window));
        if (policies[candidate].year > policy.year) continue;
        if (std::find(policy.consolidated_from.begin(), policy.consolidated_from.end(), candidate) !=
            policy.consolidated_from.end())
          break;
        policy.consolidated_from.push_back(candidate);
        policies[candidate].has_successor = true;
        policies[candidate].consolidated_into = true;
        break;
      }
    }
    (void)self;
  }

  void make_tags() {
    const std::size_t n = options_.policies;
    const std::size_t vocabulary = std::max<std::size_t>(2000, n);
    tag_names.reserve(vocabulary);
    for (std::size_t k = 0; k < vocabulary; ++k) {
      if (k < kCommonTags.size()) {
        tag_names.emplace_back(kCommonTags[k]);
        continue;
      }
      const std::size_t j = k - kCommonTags.size();
      std::string name =
          std::string(kTagFirst[j % kTagFirst.size()]) + " " + kTagSecond[(j / kTagFirst.size()) % kTagSecond.size()];
      const std::size_t third = j / (kTagFirst.size() * kTagSecond.size());
      if (third > 0) {
        name += " ";
        name += third <= kTagThird.size() ? std::string(kTagThird[third - 1]) : to_string(third);
      }
      tag_names.push_back(std::move(name));
    }
    // The smallest Zipf offset that keeps the commonest tag under 2% of the policies and the
    // expected neighbours per policy through these tags under the budget (see the top).
    constexpr double kMeanDraws = 1.5;        // one or two tags a policy
    constexpr double kMeanSquareDraws = 2.5;  // E[m^2] for m uniform in {1, 2}
    constexpr double kNeighbourBudget = 4.0;
    auto acceptable = [&](double offset, double* share, double* neighbours) {
      const ZipfSampler sampler(vocabulary, offset);
      *share = kMeanDraws * sampler.probability(0);
      *neighbours = kMeanSquareDraws * static_cast<double>(n) * sampler.sum_of_squares();
      return *share <= 0.02 && *neighbours <= kNeighbourBudget;
    };
    double low = 0;
    double high = 1e9;
    double share = 0;
    double neighbours = 0;
    if (acceptable(low, &share, &neighbours)) {
      high = low;
    } else {
      for (int step = 0; step < 60; ++step) {
        const double middle = (low + high) / 2;
        if (acceptable(middle, &share, &neighbours))
          high = middle;
        else
          low = middle;
      }
    }
    tag_offset = high;
    acceptable(tag_offset, &commonest_tag_share, &expected_tag_neighbours);
    const ZipfSampler sampler(vocabulary, tag_offset);
    for (auto& policy : policies) {
      const int count = random_.between(1, 2);
      for (int t = 0; t < count; ++t) {
        const auto tag = static_cast<std::uint32_t>(sampler.draw(random_));
        if (std::find(policy.tags.begin(), policy.tags.end(), tag) == policy.tags.end()) policy.tags.push_back(tag);
      }
    }
  }

  void make_facilities() {
    const std::size_t n = policies.size();
    const std::size_t count = n * options_.facilities_per_policy;
    const std::size_t hub_count = std::max<std::size_t>(8, count / 300);
    for (std::size_t h = 0; h < hub_count; ++h) {
      std::string name =
          std::string(kPlaces[h % kPlaces.size()]) + " " + kHubWords[(h / kPlaces.size()) % kHubWords.size()];
      const std::size_t round = h / (kPlaces.size() * kHubWords.size());
      if (round > 0) name += " " + to_string(round + 1);
      hub_names.push_back(std::move(name));
    }
    const ZipfSampler hub_policy_sampler(hub_policy_count, 1.0);
    facilities.resize(count);
    auto state = [&](std::uint32_t facility, std::uint32_t policy, double both, double facility_only) {
      const double u = random_.unit();
      Facility& f = facilities[facility];
      if ((u < both || u >= both + facility_only) && !(policy & kUnresolved)) {
        policies[policy].facilities.push_back(facility);
      }
      if (u < both + facility_only && f.count < f.policies.size()) f.policies[f.count++] = policy;
    };
    for (std::size_t j = 0; j < count; ++j) {
      const auto facility = static_cast<std::uint32_t>(j);
      const auto owner = static_cast<std::uint32_t>(j / options_.facilities_per_policy);
      Facility& f = facilities[j];
      if (random_.chance(0.25)) f.hub = static_cast<std::int32_t>(random_.index(hub_count));
      state(facility, owner, 0.86, 0.07);
      if (random_.chance(0.15)) {
        // A neighbouring policy: the same region of the corpus, often the same family or cluster.
        const std::uint32_t low = owner >= 100 ? owner - 100 : 0;
        const auto high = static_cast<std::uint32_t>(std::min<std::size_t>(n - 1, owner + 100));
        const auto other = low + static_cast<std::uint32_t>(random_.below(high - low + 1));
        if (other != owner) state(facility, other, 0.86, 0.07);
      }
      if (random_.chance(0.2)) {
        // Hub policies are cited from the facility side only: their own records would
        // otherwise list thousands of facilities.
        state(facility, static_cast<std::uint32_t>(hub_policy_sampler.draw(random_)), 0.0, 1.0);
      }
      if (random_.chance(0.01))
        state(facility, kUnresolved | static_cast<std::uint32_t>(random_.below(1u << 20)), 0.0, 1.0);
    }
    for (auto& policy : policies) {
      if (random_.chance(0.02))
        policy.facilities.push_back(kUnresolved | static_cast<std::uint32_t>(random_.below(1u << 20)));
    }
  }

  void assign_languages() {
    const std::size_t languages = options_.languages.size();
    const auto all = static_cast<std::uint8_t>((1u << languages) - 1);
    for (auto& policy : policies) {
      policy.languages = all;
      if (languages < 2) continue;
      const double u = random_.unit();
      if (u < 0.02) {
        policy.languages = static_cast<std::uint8_t>(all & ~1u);  // only in translation
      } else if (u < 0.05) {
        policy.languages = static_cast<std::uint8_t>(all & ~(1u << (1 + random_.index(languages - 1))));
      }
    }
    for (auto& facility : facilities) {
      facility.languages = all;
      if (languages >= 2 && random_.chance(0.02)) {
        facility.languages = static_cast<std::uint8_t>(all & ~(1u << (1 + random_.index(languages - 1))));
      }
    }
  }

  const Options& options_;
  Random random_;
};

}  // namespace policygraph::generator
