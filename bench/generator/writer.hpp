// SPDX-License-Identifier: MIT
// Writing the generated corpus into files, in the mixed styles of real corpora.
#pragma once

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

#include "generator/emitter.hpp"
#include "generator/model.hpp"
#include "generator/random.hpp"
#include "generator/text.hpp"
#include "generator/vocabulary.hpp"

namespace policygraph::generator {

class Output {
 public:
  explicit Output(std::filesystem::path root) : root_(std::move(root)) {}

  void write(const std::filesystem::path& relative, std::string_view data) {
    const std::string path = (root_ / relative).string();
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw std::runtime_error("cannot create " + path + ": " + std::strerror(errno));
    std::size_t done = 0;
    while (done < data.size()) {
      const ssize_t written = ::write(fd, data.data() + done, data.size() - done);
      if (written < 0) {
        if (errno == EINTR) continue;
        const std::string reason = std::strerror(errno);
        ::close(fd);
        throw std::runtime_error("cannot write " + path + ": " + reason);
      }
      done += static_cast<std::size_t>(written);
    }
    if (::close(fd) != 0) throw std::runtime_error("cannot close " + path + ": " + std::strerror(errno));
    ++files_;
    bytes_ += data.size();
  }

  std::uint64_t files() const { return files_; }
  std::uint64_t bytes() const { return bytes_; }

 private:
  std::filesystem::path root_;
  std::uint64_t files_ = 0;
  std::uint64_t bytes_ = 0;
};

/// Records gathered into one file (a YAML sequence, a JSON array, JSON Lines).
struct Batch {
  std::string text;
  std::size_t records = 0;
  std::size_t target = 0;
  std::size_t serial = 0;
};

class Writer {
 public:
  Writer(Corpus& corpus, Output& output)
      : corpus_(corpus), options_(corpus.options()), random_(corpus.random()), output_(output) {}

  void write_all() {
    for (const auto& language : options_.languages) {
      std::filesystem::create_directories(options_.out / "policies" / language);
      std::filesystem::create_directories(options_.out / "facilities" / language);
    }
    const std::size_t languages = options_.languages.size();
    std::vector<Batch> yaml_batches(languages);
    for (std::size_t i = 0; i < corpus_.policies.size(); ++i) {
      for (std::size_t l = 0; l < languages; ++l) {
        if (!(corpus_.policies[i].languages & (1u << l))) continue;
        write_policy(static_cast<std::uint32_t>(i), l, yaml_batches[l]);
        ++policy_records_;
      }
    }
    for (std::size_t l = 0; l < languages; ++l) flush_yaml(yaml_batches[l], l);

    std::vector<Batch> json_batches(languages);
    std::vector<Batch> line_batches(languages);
    for (std::size_t j = 0; j < corpus_.facilities.size(); ++j) {
      for (std::size_t l = 0; l < languages; ++l) {
        if (!(corpus_.facilities[j].languages & (1u << l))) continue;
        write_facility(static_cast<std::uint32_t>(j), l, json_batches[l], line_batches[l]);
        ++facility_records_;
      }
    }
    for (std::size_t l = 0; l < languages; ++l) {
      flush_json(json_batches[l], l);
      flush_lines(line_batches[l], l);
    }
  }

  std::uint64_t policy_records() const { return policy_records_; }
  std::uint64_t facility_records() const { return facility_records_; }

 private:
  bool chinese(std::size_t language) const { return options_.languages[language].rfind("zh", 0) == 0; }
  bool french(std::size_t language) const { return options_.languages[language].rfind("fr", 0) == 0; }

  std::string policy_ref(std::uint32_t reference, const Policy& from) const {
    if (reference & kUnresolved) {
      return std::string(corpus_.families[from.family].country->code) + "-legacy-programme-" +
             base36(reference & ~kUnresolved);
    }
    return corpus_.policies[reference].id;
  }
  static std::string facility_id(std::uint32_t reference, std::size_t facility_count) {
    if (reference & kUnresolved) return to_string(facility_count + 1 + (reference & ~kUnresolved));
    return to_string(static_cast<std::uint64_t>(reference) + 1);
  }

  std::string tag_text(std::uint32_t tag) {
    std::string name = corpus_.tag_names[tag];
    // Spelling variants that fold to the same tag (MODEL.md: trim, fold spaces, lower ASCII).
    const double u = random_.unit();
    if (u < 0.02) return lower_ascii(name);
    if (u < 0.03) {
      const auto space = name.find(' ');
      if (space != std::string::npos) name.insert(space, " ");
      return name;
    }
    return name;
  }

  std::string title(const Policy& policy, const Family& family, std::size_t language) {
    const Topic& topic = kTopics[family.topic];
    const Instrument& instrument = kInstruments[policy.instrument];
    const std::string year = to_string(policy.year);
    std::string text;
    if (chinese(language)) {
      text = std::string(family.country->name_zh) + topic.name_zh + instrument.name_zh + "（" + year + "年）";
      if (policy.version > 0) text += "修订版";
    } else if (french(language) || (family.country->francophone && random_.chance(0.5))) {
      text = std::string(instrument.name_fr) + " " + topic.name_fr + " (" + family.country->name + ", " + year + ")";
    } else {
      text = std::string(family.country->name) + " " + topic.name + " " + instrument.name + " " + year;
      const double u = random_.unit();
      if (u < 0.05)
        text += ": Amendment No. " + to_string(policy.version + 1u);
      else if (u < 0.08)
        text =
            "'" + std::string(topic.name) + "' " + instrument.name + " of " + family.country->name + " (" + year + ")";
      else if (u < 0.1)
        text += " #" + to_string(policy.version + 1u);
    }
    if (random_.chance(0.01)) text += std::string(" ") + pick(random_, kEmoji);
    return text;
  }

  void write_policy(std::uint32_t index, std::size_t language, Batch& yaml_batch) {
    const Policy& policy = corpus_.policies[index];
    const double u = random_.unit();
    // Mixed styles: mostly block YAML front matter, some flow-style, some JSON front matter,
    // some gathered into YAML files holding a sequence of records.
    const int style = u < 0.84 ? 0 : u < 0.90 ? 1 : u < 0.95 ? 2 : 3;
    const std::size_t target = static_cast<std::size_t>(random_.between(3000, 5000));
    if (style == 3) {
      const std::size_t before = yaml_batch.text.size();
      if (yaml_batch.records == 0) yaml_batch.target = static_cast<std::size_t>(random_.between(2, 5));
      std::string record;
      Emitter emitter(record, Style::block);
      emitter.begin_list();
      std::string description;
      policy_fields(emitter, policy, language, record, target, description, 1);
      emitter.end_list();
      yaml_batch.text += record;
      (void)before;
      if (++yaml_batch.records == yaml_batch.target) flush_yaml(yaml_batch, language);
      return;
    }
    std::string file = "---\n";
    const Style emit_style = style == 0 ? Style::block : style == 1 ? Style::flow : Style::json;
    Emitter emitter(file, emit_style);
    std::string description;
    emitter.begin_map();
    policy_fields(emitter, policy, language, file, target, description, 2);
    emitter.end_map();
    file += "---\n\n";
    file += description;
    file += '\n';
    output_.write(std::filesystem::path("policies") / options_.languages[language] / (policy.id + ".md"), file);
  }

  /// The words `status` may take for what happened to `policy`.
  const StatusWords& status_words(const Policy& policy) {
    if (policy.consolidated_into) return kRepealedWords;
    if (policy.has_successor) return kReplacedWords;
    if (policy.repealed_in != 0 && policy.repealed_in <= kTodayYear) return kRepealedWords;
    if (policy.draft == 1) return kDraftWords;
    if (policy.draft == 2) return kPendingWords;
    if (random_.chance(0.01)) return kUnknownWords;
    return policy.amended ? kAmendedWords : kInForceWords;
  }

  /// The day `policy` takes effect: its stated `effective` day, else its date.
  static std::string effective_date(const Policy& policy) {
    const int months = policy.month - 1 + policy.effective_months;
    return date_text(policy.year + months / 12, months % 12 + 1, policy.day);
  }

  /// `key: [ids]`, left out when empty; a single id is sometimes a plain value, and a share
  /// `dated` of the items the mapping `{id, date}` with the day `source`, the record that
  /// states them, takes effect.
  void policy_list(Emitter& e, const char* key, const std::vector<std::uint32_t>& targets, const Policy& source,
                   double dated) {
    if (targets.empty()) return;
    if (targets.size() == 1 && dated == 0.0 && random_.chance(0.2)) {
      e.field(key, corpus_.policies[targets.front()].id);
      return;
    }
    e.key(key).begin_list();
    for (std::uint32_t target : targets) {
      if (random_.chance(dated)) {
        e.begin_map();
        e.field("id", corpus_.policies[target].id);
        e.field("date", effective_date(source));
        e.end_map();
      } else {
        e.str(corpus_.policies[target].id);
      }
    }
    e.end_list();
  }

  /// `key: [ids]` where an item with a later day of effect is the mapping `{id, date}`.
  void dated_list(Emitter& e, const char* key, const std::vector<DatedLink>& links) {
    if (links.empty()) return;
    e.key(key).begin_list();
    for (const DatedLink& link : links) {
      if (link.year == 0) {
        e.str(corpus_.policies[link.policy].id);
        continue;
      }
      e.begin_map();
      e.field("id", corpus_.policies[link.policy].id);
      e.field("date", date_text(link.year, 1, 1));
      e.end_map();
    }
    e.end_list();
  }

  /// The fields of one policy, in the order of the real corpus; `description` comes last and
  /// fills the record up to `target` bytes (`copies` = 2 when the body repeats it).
  void policy_fields(Emitter& e, const Policy& policy, std::size_t language, const std::string& buffer,
                     std::size_t target, std::string& description, std::size_t copies) {
    const std::size_t start = buffer.size();
    const Family& family = corpus_.families[policy.family];
    const bool zh = chinese(language);
    const bool in_list = copies == 1;
    if (in_list) e.begin_map();
    e.field("id", policy.id);
    const bool country_zh = zh || random_.chance(0.05);
    e.field("country", country_zh ? family.country->name_zh : family.country->name);
    e.number("year", to_string(policy.year));
    const StatusWords& words = status_words(policy);
    e.field("status", zh ? pick(random_, words.zh) : pick(random_, words.en));
    e.field("category", pick(random_, kCategories));
    const std::string date = date_text(policy.year, policy.month, policy.day);
    switch (policy.date_style) {
      case 0: e.field("pubDate", date); break;
      case 1: e.key("pubDate").num(date); break;  // an unquoted YAML date, kept as its text
      case 2: e.field("pubDate", date.substr(0, 7)); break;
      default: break;
    }
    e.field("reviewStatus", random_.chance(0.4) ? "verified" : "draft");
    e.field("legalWeight", kInstruments[policy.instrument].weight);
    e.key("sectors").begin_list();
    e.end_list();
    e.key("analysis").begin_map();
    for (const char* dimension : kDimensions) {
      e.key(dimension).begin_map();
      e.number("score", to_string(static_cast<std::uint64_t>(random_.between(2, 20)) * 5));
      if (zh) {
        e.field("label", std::string(pick(random_, kPhrasesZh)).substr(0, 12));
      } else {
        e.field("label", std::string(pick(random_, kLabelWords)) + " " + pick(random_, kLabelWords));
      }
      e.field("evidence", sentence(random_, zh));
      e.field("citation",
              std::string(kInstruments[policy.instrument].name) + " Art. " + to_string(random_.below(60) + 1));
      e.end_map();
    }
    e.end_map();
    e.key("impactAnalysis").begin_map();
    for (const char* aspect : {"economic", "technical", "environmental"}) {
      if (random_.chance(0.1)) {
        e.field(aspect, "");
      } else {
        e.field(aspect, sentence(random_, zh) + (zh ? "" : " ") + sentence(random_, zh));
      }
    }
    e.end_map();

    e.key("evolution").begin_map();
    std::vector<std::string> ids;
    if (policy.version == 0 && family.legacy) ids.push_back(policy.id.substr(0, policy.id.rfind('-')) + "-legacy");
    for (std::uint32_t older : policy.supersedes) ids.push_back(corpus_.policies[older].id);
    if (ids.size() == 1 && random_.chance(0.2)) {
      e.field("supersedes", ids.front());  // a single string is a list of one
    } else {
      e.list("supersedes", ids);
    }
    if (policy.superseded_by.size() == 1) {
      e.field("supersededBy", corpus_.policies[policy.superseded_by.front()].id);
    } else if (policy.superseded_by.size() > 1) {
      ids.clear();
      for (std::uint32_t newer : policy.superseded_by) ids.push_back(corpus_.policies[newer].id);
      e.list("supersededBy", ids);
    } else if (random_.chance(0.5)) {
      e.field("supersededBy", "");
    }
    if (!policy.consolidated_from.empty()) {
      ids.clear();
      for (std::uint32_t source : policy.consolidated_from) ids.push_back(policy_ref(source, policy));
      e.list("consolidatedFrom", ids);
    }
    policy_list(e, "amends", policy.amends, policy, 0.15);
    policy_list(e, "amendedBy", policy.amended_by, policy, 0.0);
    dated_list(e, "repeals", policy.repeals);
    dated_list(e, "repealedBy", policy.repealed_by);
    policy_list(e, random_.chance(0.2) ? "transposes" : "implements", policy.implements, policy, 0.0);
    policy_list(e, "implementedBy", policy.implemented_by, policy, 0.0);
    if (policy.effective_months > 0)
      e.field(random_.chance(0.2) ? "entryIntoForce" : "effective", effective_date(policy));
    if (policy.expires_after > 0)
      e.field("expires", date_text(policy.year + policy.expires_after, policy.month, policy.day));
    ids.clear();
    for (std::uint32_t cluster : family.clusters) {
      std::string name = corpus_.cluster_names[cluster];
      if (random_.chance(0.03)) name = lower_ascii(name);
      ids.push_back(std::move(name));
    }
    e.list("clusters", ids);
    if (random_.chance(0.3)) {
      e.key("milestones").begin_list();
      const int milestones = random_.between(1, 3);
      for (int m = 0; m < milestones; ++m) {
        e.begin_map();
        e.field("date", date_text(policy.year + m, random_.between(1, 12), random_.between(1, 28)));
        e.field("event", zh ? std::string(pick(random_, kPhrasesZh))
                            : std::string(pick(random_, kVerbs)) + " " + pick(random_, kObjects));
        e.end_map();
      }
      e.end_list();
    }
    e.end_map();

    e.key("implementationDetails").begin_map();
    e.field("authority", zh ? std::string(family.country->name_zh) + "生态环境主管部门"
                            : std::string(family.country->name) + " Ministry of Environment");
    e.field("mechanism", zh ? std::string(pick(random_, kPhrasesZh)) : pick(random_, kObjects));
    e.field("fundingScale", to_string(random_.below(900) + 10) + (zh ? " 亿元" : " million USD"));
    e.end_map();

    ids.clear();
    for (std::uint32_t facility : policy.facilities) ids.push_back(facility_id(facility, corpus_.facilities.size()));
    e.key("relatedFacilities").begin_list();
    for (const auto& id : ids) {
      if (random_.chance(0.1))
        e.num(id);
      else
        e.str(id);  // numeric ids, quoted or not
    }
    e.end_list();
    e.field("url", "https://policy.example.org/" + std::string(family.country->code) + "/" + policy.id);
    e.field("source",
            std::string(family.country->name) + " Official Journal, no. " + to_string(random_.below(400) + 1));
    e.key("provenance").begin_map();
    e.field("author", "policygraph_generate_corpus");
    e.field("lastAuditDate", date_text(2025, random_.between(1, 12), random_.between(1, 28)));
    e.end_map();
    e.field("title", title(policy, family, language));
    e.field("scope", family.country == &kInternational ? "International" : pick(random_, kScopes));
    ids.clear();
    ids.push_back(std::string(family.country->name) + " " + kTopics[family.topic].name + " " + base36(policy.family));
    for (std::uint32_t tag : policy.tags) ids.push_back(tag_text(tag));
    e.list("tags", ids);

    const std::size_t used = buffer.size() - start;
    const std::size_t wanted = target > used + 40 ? (target - used - 40) / copies : 80;
    description = paragraphs(random_, zh, wanted);
    e.key("description").text(description);
    if (in_list) e.end_map();
  }

  void write_facility(std::uint32_t index, std::size_t language, Batch& json_batch, Batch& line_batch) {
    const double u = random_.unit();
    const std::string id = facility_id(index, corpus_.facilities.size());
    const std::size_t target = static_cast<std::size_t>(random_.between(1000, 1500));
    if (u < 0.04) {
      // JSON Lines: one record a line, in batches of up to 1,000.
      Emitter emitter(line_batch.text, Style::json_line);
      facility_fields(emitter, index, language, line_batch.text, target, true);
      line_batch.text += '\n';
      if (++line_batch.records == 1000) flush_lines(line_batch, language);
      return;
    }
    if (u < 0.06) {
      if (json_batch.records == 0) {
        json_batch.target = static_cast<std::size_t>(random_.between(2, 6));
        json_batch.text = "[";
      } else {
        json_batch.text += ",";
      }
      json_batch.text += "\n";
      Emitter emitter(json_batch.text, Style::json_line);
      facility_fields(emitter, index, language, json_batch.text, target, true);
      if (++json_batch.records == json_batch.target) flush_json(json_batch, language);
      return;
    }
    const Style style = u < 0.92 ? Style::block : u < 0.97 ? Style::flow : Style::json;
    std::string file = "---\n";
    Emitter emitter(file, style);
    facility_fields(emitter, index, language, file, target, false);
    file += "---\n\n";
    output_.write(std::filesystem::path("facilities") / options_.languages[language] / ("project-" + id + ".md"), file);
  }

  void facility_fields(Emitter& e, std::uint32_t index, std::size_t language, const std::string& buffer,
                       std::size_t target, bool in_batch) {
    const std::size_t start = buffer.size();
    const Facility& facility = corpus_.facilities[index];
    const bool zh = chinese(language);
    const auto owner = index / static_cast<std::uint32_t>(options_.facilities_per_policy);
    const Policy& owner_policy = corpus_.policies[owner];
    const Family& family = corpus_.families[owner_policy.family];
    const Country& country =
        family.country == &kInternational ? kCountries[index % kCountries.size()] : *family.country;
    const std::string id = facility_id(index, corpus_.facilities.size());

    e.begin_map();
    if (random_.chance(0.1))
      e.key("id").num(id);
    else
      e.field("id", id);
    e.field("country", zh && random_.chance(0.5) ? country.name_zh : country.name);
    const auto& status = kFacilityStatus[random_.index(kFacilityStatus.size())];
    e.field("status", zh ? status.name_zh : status.name);
    e.field("reviewStatus", random_.chance(0.3) ? "verified" : "draft");
    const double capacity = static_cast<double>(random_.below(5000) + 1) / 100.0;
    e.number("capacity", fixed(capacity, 2));
    e.key("coordinates").begin_list();
    e.num(fixed(static_cast<double>(random_.below(1600000)) / 10000.0 - 80.0, 4));
    e.num(fixed(static_cast<double>(random_.below(3600000)) / 10000.0 - 180.0, 4));
    e.end_list();
    std::vector<std::string> ids;
    for (std::size_t k = 0; k < facility.count; ++k) ids.push_back(policy_ref(facility.policies[k], owner_policy));
    e.list("relatedPolicies", ids);
    e.key("provenance").begin_map();
    e.field("author", "policygraph_generate_corpus");
    e.field("lastAuditDate", date_text(2025, random_.between(1, 12), random_.between(1, 28)));
    e.end_map();
    e.field("precision", random_.chance(0.5) ? "approximate" : "exact");
    const std::size_t place = random_.index(kPlaces.size());
    const auto& sector = kSectors[random_.index(kSectors.size())];
    const auto& type = kFacilityTypes[random_.index(kFacilityTypes.size())];
    const std::string number = to_string(index % 97 + 1);
    if (zh) {
      e.field("name", std::string(kPlacesZh[place]) + sector.name_zh + type.name_zh + "项目 " + number + "号");
    } else {
      std::string name = std::string(kCompanies[random_.index(kCompanies.size())]) + " " + kPlaces[place] + " " +
                         sector.name + " " + type.name + " " + number;
      if (random_.chance(0.01)) name += std::string(" ") + pick(random_, kEmoji);
      e.field("name", name);
    }
    e.field("region", country.region);
    ids.clear();
    ids.push_back(std::string(kCompanies[random_.index(kCompanies.size())]) + ", " +
                  kCompanies[random_.index(kCompanies.size())]);
    e.list("partners", ids);
    e.field("type", zh ? type.name_zh : type.name);
    e.field("phase", "");
    e.number("announcedCapacity", fixed(capacity, 2));
    e.number("estimatedCapacity", fixed(capacity * 0.97, 3));
    e.field("sector", zh ? sector.name_zh : sector.name);
    const auto& fate = kFates[random_.index(kFates.size())];
    e.field("fateOfCarbon", zh ? fate.name_zh : fate.name);
    if (facility.hub >= 0) e.field("hub", corpus_.hub_names[static_cast<std::size_t>(facility.hub)]);
    const int announced = std::max<int>(1995, owner_policy.year);
    e.field("announcement", to_string(static_cast<std::uint64_t>(announced)));
    e.field("fid", to_string(static_cast<std::uint64_t>(announced + random_.between(1, 4))));
    e.field("operation", to_string(static_cast<std::uint64_t>(announced + random_.between(3, 8))));
    e.field("suspensionDate", "");
    ids.assign({"https://facility.example.org/" + id, "https://registry.example.org/projects/" + id});
    e.list("links", ids);
    if (random_.chance(0.3)) {
      ids.assign({zh ? sector.name_zh : sector.name, type.name});
      e.list("tags", ids);
    }
    if (in_batch) e.field("kind", "facility");
    const std::size_t used = buffer.size() - start;
    if (target > used + 40) e.field("note", paragraphs(random_, zh, target - used - 40));
    e.field("lang", options_.languages[language]);
    e.end_map();
  }

  void flush_yaml(Batch& batch, std::size_t language) {
    if (batch.records == 0) return;
    std::string file = "# Several policy records in one YAML sequence.\n" + batch.text;
    output_.write(
        std::filesystem::path("policies") / options_.languages[language] / ("series-" + pad(++batch.serial) + ".yaml"),
        file);
    batch.text.clear();
    batch.records = 0;
  }
  void flush_json(Batch& batch, std::size_t language) {
    if (batch.records == 0) return;
    batch.text += "\n]\n";
    output_.write(
        std::filesystem::path("facilities") / options_.languages[language] / ("group-" + pad(++batch.serial) + ".json"),
        batch.text);
    batch.text.clear();
    batch.records = 0;
  }
  void flush_lines(Batch& batch, std::size_t language) {
    if (batch.records == 0) return;
    output_.write(std::filesystem::path("facilities") / options_.languages[language] /
                      ("batch-" + pad(++batch.serial) + ".jsonl"),
                  batch.text);
    batch.text.clear();
    batch.records = 0;
  }
  static std::string pad(std::size_t serial) {
    std::string digits = to_string(serial);
    return std::string(digits.size() < 5 ? 5 - digits.size() : 0, '0') + digits;
  }

  Corpus& corpus_;
  const Options& options_;
  Random& random_;
  Output& output_;
  std::uint64_t policy_records_ = 0;
  std::uint64_t facility_records_ = 0;
};

}  // namespace policygraph::generator
