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

namespace {

// ---------------------------------------------------------------------------------------------
// Random draws

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  /// Uniform in [0, n), n > 0, by rejection so that no value is favoured.
  std::uint64_t below(std::uint64_t n) {
    const std::uint64_t threshold = (0 - n) % n;  // 2^64 mod n
    for (;;) {
      const std::uint64_t x = engine_();
      if (x >= threshold) return x % n;
    }
  }
  std::size_t index(std::size_t n) { return static_cast<std::size_t>(below(n)); }
  /// Uniform in [low, high].
  int between(int low, int high) { return low + static_cast<int>(below(static_cast<std::uint64_t>(high - low + 1))); }
  /// Uniform in [0, 1) with 53 random bits.
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  bool chance(double probability) { return unit() < probability; }
  template <class T>
  const T& pick(std::span<const T> items) {
    return items[index(items.size())];
  }

 private:
  std::mt19937_64 engine_;
};

/// Draws index k with probability proportional to 1 / (k + 1 + offset).
class ZipfSampler {
 public:
  ZipfSampler(std::size_t size, double offset) : cumulative_(size) {
    double total = 0;
    for (std::size_t k = 0; k < size; ++k) {
      total += 1.0 / (static_cast<double>(k) + 1.0 + offset);
      cumulative_[k] = total;
    }
  }
  std::size_t draw(Random& random) const {
    const double u = random.unit() * cumulative_.back();
    const auto found = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
    return std::min(static_cast<std::size_t>(found - cumulative_.begin()), cumulative_.size() - 1);
  }
  double probability(std::size_t k) const {
    return (cumulative_[k] - (k == 0 ? 0.0 : cumulative_[k - 1])) / cumulative_.back();
  }
  double sum_of_squares() const {
    double sum = 0;
    for (std::size_t k = 0; k < cumulative_.size(); ++k) sum += probability(k) * probability(k);
    return sum;
  }

 private:
  std::vector<double> cumulative_;
};

// ---------------------------------------------------------------------------------------------
// Vocabulary

struct Country {
  const char* code;
  const char* name;
  const char* name_zh;
  const char* region;
  bool francophone;
};

constexpr std::array<Country, 40> kCountries{{
    {"us", "United States", "美国", "North America", false},
    {"ca", "Canada", "加拿大", "North America", false},
    {"qc", "Québec", "魁北克", "North America", true},
    {"mx", "México", "墨西哥", "Latin America", false},
    {"br", "Brazil", "巴西", "Latin America", false},
    {"ar", "Argentina", "阿根廷", "Latin America", false},
    {"cl", "Chile", "智利", "Latin America", false},
    {"co", "Colombia", "哥伦比亚", "Latin America", false},
    {"uk", "United Kingdom", "英国", "Europe", false},
    {"no", "Norway", "挪威", "Europe", false},
    {"dk", "Denmark", "丹麦", "Europe", false},
    {"nl", "Netherlands", "荷兰", "Europe", false},
    {"de", "Germany", "德国", "Europe", false},
    {"fr", "France", "法国", "Europe", true},
    {"be", "Belgium", "比利时", "Europe", true},
    {"es", "España", "西班牙", "Europe", false},
    {"it", "Italy", "意大利", "Europe", false},
    {"pl", "Poland", "波兰", "Europe", false},
    {"se", "Sweden", "瑞典", "Europe", false},
    {"is", "Ísland", "冰岛", "Europe", false},
    {"eu", "European Union", "欧盟", "Europe", false},
    {"tr", "Türkiye", "土耳其", "Europe", false},
    {"cn", "China", "中国", "Asia Pacific", false},
    {"jp", "Japan", "日本", "Asia Pacific", false},
    {"kr", "Republic of Korea", "韩国", "Asia Pacific", false},
    {"in", "India", "印度", "Asia Pacific", false},
    {"id", "Indonesia", "印度尼西亚", "Asia Pacific", false},
    {"my", "Malaysia", "马来西亚", "Asia Pacific", false},
    {"sg", "Singapore", "新加坡", "Asia Pacific", false},
    {"th", "Thailand", "泰国", "Asia Pacific", false},
    {"vn", "Việt Nam", "越南", "Asia Pacific", false},
    {"au", "Australia", "澳大利亚", "Asia Pacific", false},
    {"nz", "New Zealand", "新西兰", "Asia Pacific", false},
    {"ae", "United Arab Emirates", "阿联酋", "Middle East", false},
    {"sa", "Saudi Arabia", "沙特阿拉伯", "Middle East", false},
    {"qa", "Qatar", "卡塔尔", "Middle East", false},
    {"za", "South Africa", "南非", "Africa", false},
    {"ng", "Nigeria", "尼日利亚", "Africa", false},
    {"ci", "Côte d'Ivoire", "科特迪瓦", "Africa", true},
    {"ke", "Kenya", "肯尼亚", "Africa", false},
}};
constexpr Country kInternational{"intl", "International", "国际", "Global", false};

struct Topic {
  const char* slug;
  const char* name;
  const char* name_zh;
  const char* name_fr;
};

constexpr std::array<Topic, 30> kTopics{{
    {"ccs", "Carbon Capture and Storage", "碳捕集与封存", "captage et stockage du carbone"},
    {"ets", "Emissions Trading", "碳排放权交易", "échange de quotas d'émission"},
    {"carbon-tax", "Carbon Tax", "碳税", "taxe carbone"},
    {"lcfs", "Low Carbon Fuel Standard", "低碳燃料标准", "norme sur les carburants à faible teneur en carbone"},
    {"hydrogen", "Clean Hydrogen", "清洁氢能", "hydrogène propre"},
    {"methane", "Methane Reduction", "甲烷减排", "réduction du méthane"},
    {"efficiency", "Energy Efficiency", "能源效率", "efficacité énergétique"},
    {"renewables", "Renewable Portfolio", "可再生能源配额", "énergies renouvelables"},
    {"industry", "Industrial Decarbonisation", "工业脱碳", "décarbonation de l'industrie"},
    {"removals", "Carbon Removal", "碳移除", "élimination du carbone"},
    {"storage", "Geological Storage", "地质封存", "stockage géologique"},
    {"transport", "CO2 Transport", "二氧化碳运输", "transport du CO2"},
    {"offshore", "Offshore Storage", "海上封存", "stockage en mer"},
    {"climate", "Climate Change", "气候变化", "changement climatique"},
    {"finance", "Green Finance", "绿色金融", "finance verte"},
    {"just-transition", "Just Transition", "公正转型", "transition juste"},
    {"cbam", "Carbon Border Adjustment", "碳边境调节", "ajustement carbone aux frontières"},
    {"dac", "Direct Air Capture", "直接空气捕集", "captage direct dans l'air"},
    {"eor", "Enhanced Oil Recovery", "提高石油采收率", "récupération assistée du pétrole"},
    {"mrv", "Monitoring and Reporting", "监测与报告", "surveillance et déclaration"},
    {"beccs", "Bioenergy with CCS", "生物能源碳捕集与封存", "bioénergie avec CSC"},
    {"coal", "Coal Power Phase-out", "煤电退出", "sortie du charbon"},
    {"net-zero", "Net Zero", "净零排放", "neutralité carbone"},
    {"innovation", "Innovation Fund", "创新基金", "fonds d'innovation"},
    {"credits", "Carbon Credit", "碳信用", "crédits carbone"},
    {"electricity", "Clean Electricity", "清洁电力", "électricité propre"},
    {"cement", "Cement Decarbonisation", "水泥行业脱碳", "décarbonation du ciment"},
    {"steel", "Steel Decarbonisation", "钢铁行业脱碳", "décarbonation de l'acier"},
    {"pipelines", "Pipeline Safety", "管道安全", "sécurité des pipelines"},
    {"subsurface", "Subsurface Resources", "地下资源", "ressources du sous-sol"},
}};

struct Instrument {
  const char* name;
  const char* name_zh;
  const char* name_fr;
  const char* weight;
};

constexpr std::array<Instrument, 14> kInstruments{{
    {"Act", "法", "Loi relative au", "Primary Legislation"},
    {"Regulation", "条例", "Règlement sur le", "Administrative Regulation"},
    {"Directive", "指令", "Directive relative au", "Primary Legislation"},
    {"Decree", "法令", "Décret relatif au", "Administrative Regulation"},
    {"Ordinance", "规章", "Ordonnance relative au", "Administrative Regulation"},
    {"Guidelines", "指南", "Lignes directrices sur le", "Guideline/Policy"},
    {"Strategy", "战略", "Stratégie nationale pour le", "Strategic Guidance"},
    {"Roadmap", "路线图", "Feuille de route pour le", "Strategic Guidance"},
    {"Framework", "框架", "Cadre pour le", "Strategic Guidance"},
    {"Programme", "计划", "Programme pour le", "Guideline/Policy"},
    {"Rules", "规则", "Règles sur le", "Administrative Regulation"},
    {"Standard", "标准", "Norme sur le", "Technical Standard"},
    {"Plan", "规划", "Plan pour le", "Strategic Guidance"},
    {"Order", "命令", "Arrêté relatif au", "Administrative Regulation"},
}};

/// Status words by what happened to a policy, in English and Chinese, each from the
/// legal-state vocabulary (lib/records/legal_state.cpp) but the last, which is outside it.
struct StatusWords {
  std::array<const char*, 3> en;
  std::array<const char*, 3> zh;
};
constexpr StatusWords kInForceWords{{"Active", "In force", "Enacted"}, {"现行", "现行有效", "有效"}};
constexpr StatusWords kAmendedWords{{"Amended", "In force", "Active"}, {"已修订", "现行", "已修正"}};
constexpr StatusWords kReplacedWords{{"Superseded", "Replaced", "Superseded"}, {"已被替代", "失效", "已失效"}};
constexpr StatusWords kRepealedWords{{"Repealed", "Revoked", "Repealed"}, {"已废止", "废止", "已废止"}};
constexpr StatusWords kDraftWords{{"Draft", "Proposed", "Under consultation"}, {"草案", "征求意见稿", "审议中"}};
constexpr StatusWords kPendingWords{{"Not yet in force", "Upcoming", "Pending"}, {"待生效", "即将实施", "尚未生效"}};
constexpr StatusWords kUnknownWords{{"Completed", "Completed", "Completed"}, {"已完成", "已完成", "已完成"}};
// The last day the generated corpus knows: a repeal taking effect after it is still to come.
constexpr int kTodayYear = 2026;
constexpr std::array<const char*, 6> kCategories{"Regulatory", "Incentive", "Market",
                                                 "Strategic",  "Technical", "Fiscal"};
constexpr std::array<const char*, 4> kScopes{"National", "Regional", "Subnational", "International"};
constexpr std::array<const char*, 5> kDimensions{"statutory", "strategic", "mrv", "market", "incentive"};

constexpr std::array<const char*, 24> kLabelWords{
    "Legal",     "Landmark",  "Milestone", "Rigor",   "Access",       "Catalyst",  "Mandate",  "Baseline",
    "Regional",  "Hub",       "Risk-Cap",  "Pathway", "Certainty",    "Backbone",  "Signal",   "Anchor",
    "Benchmark", "Inventory", "Leverage",  "Bridge",  "Transparency", "Alignment", "Ambition", "Guardrail"};

constexpr std::array<const char*, 20> kSubjects{"The instrument",
                                                "This measure",
                                                "The framework",
                                                "The regulation",
                                                "The amended text",
                                                "The scheme",
                                                "The programme",
                                                "Its implementing rules",
                                                "The competent authority",
                                                "The law",
                                                "The revised guidance",
                                                "The national plan",
                                                "The delegated act",
                                                "The statute",
                                                "The ordinance",
                                                "The roadmap",
                                                "The mechanism",
                                                "The permitting regime",
                                                "The reform",
                                                "The policy"};
constexpr std::array<const char*, 20> kVerbs{"establishes", "requires",   "clarifies",   "extends",   "streamlines",
                                             "introduces",  "defines",    "strengthens", "aligns",    "replaces",
                                             "sets out",    "funds",      "mandates",    "phases in", "caps",
                                             "harmonises",  "simplifies", "tightens",    "supports",  "codifies"};
constexpr std::array<const char*, 24> kObjects{"long-term liability for stored CO2",
                                               "monitoring, reporting and verification duties",
                                               "third-party access to transport networks",
                                               "a price floor for allowances",
                                               "financial security for storage operators",
                                               "tax credits for captured carbon",
                                               "permits for exploration and injection",
                                               "the transfer of responsibility after closure",
                                               "a market stability reserve",
                                               "benchmarks for free allocation",
                                               "contracts for difference",
                                               "methodologies for carbon removal credits",
                                               "standards for pipeline integrity",
                                               "reporting thresholds for industrial emitters",
                                               "cross-border shipment of CO2",
                                               "public funding for first-of-a-kind projects",
                                               "the baseline for covered facilities",
                                               "penalties for excess emissions",
                                               "offset eligibility rules",
                                               "the national emissions inventory",
                                               "a registry of units and transactions",
                                               "incentives for low-carbon hydrogen",
                                               "storage site characterisation",
                                               "leakage remediation plans"};
constexpr std::array<const char*, 20> kQualifiers{"across the whole value chain",
                                                  "for installations above 25,000 tonnes a year",
                                                  "in line with the national climate target",
                                                  "from the next compliance period",
                                                  "with a review every five years",
                                                  "subject to independent verification",
                                                  "for both onshore and offshore sites",
                                                  "in consultation with industry and civil society",
                                                  "with transitional relief for small emitters",
                                                  "to give investors long-term certainty",
                                                  "under the supervision of the environment ministry",
                                                  "consistent with international guidance",
                                                  "with penalties for non-compliance",
                                                  "ahead of the 2030 milestone",
                                                  "for new and existing projects",
                                                  "through competitive auctions",
                                                  "with a dedicated public register",
                                                  "for the power and industry sectors",
                                                  "while protecting groundwater resources",
                                                  "as part of a wider energy transition package"};

constexpr std::array<const char*, 30> kPhrasesZh{
    "确立了长期责任移交机制",     "明确了监测、报告与核查要求",   "推动运输管网的第三方准入", "设定了配额价格下限",
    "要求封存运营商提供财务担保", "对捕集的二氧化碳给予税收抵免", "规范了勘探与注入许可",     "完善了关闭后的责任转移",
    "建立了市场稳定储备",         "更新了免费分配基准",           "引入差价合约机制",         "制定了碳移除信用方法学",
    "提高了管道完整性标准",       "降低了工业排放源的报告门槛",   "允许二氧化碳跨境运输",     "资助首批示范项目",
    "调整了覆盖设施的基线",       "加大了超额排放处罚力度",       "明确了抵销机制的适用范围", "完善了国家温室气体清单",
    "建立了登记簿与交易记录",     "支持低碳氢的生产与应用",       "加强了封存场地表征",       "要求制定泄漏修复计划",
    "与国家气候目标保持一致",     "自下一履约期起实施",           "每五年开展一次评估",       "接受独立第三方核查",
    "覆盖陆上与海上封存场地",     "为投资者提供长期确定性"};

constexpr std::array<const char*, 40> kCommonTags{"CCS",
                                                  "Emissions Trading",
                                                  "Tax Credit",
                                                  "Storage Permit",
                                                  "Liability",
                                                  "MRV",
                                                  "Carbon Price",
                                                  "Offsets",
                                                  "Hydrogen",
                                                  "Direct Air Capture",
                                                  "EOR",
                                                  "Pipeline",
                                                  "Offshore Storage",
                                                  "Net Zero",
                                                  "Public Funding",
                                                  "Auction",
                                                  "Benchmark",
                                                  "Registry",
                                                  "Methane",
                                                  "Cement",
                                                  "Steel",
                                                  "Power Sector",
                                                  "BECCS",
                                                  "Carbon Removal",
                                                  "Just Transition",
                                                  "Border Adjustment",
                                                  "Green Finance",
                                                  "Innovation",
                                                  "Permitting",
                                                  "Cross-border",
                                                  "Aviation",
                                                  "Shipping",
                                                  "Refining",
                                                  "Fertilizer",
                                                  "Waste-to-Energy",
                                                  "Biofuels",
                                                  "Coal Phase-out",
                                                  "Renewables",
                                                  "Energy Efficiency",
                                                  "Market Stability"};
constexpr std::array<const char*, 48> kTagFirst{
    "Alpine",     "Baltic",   "Coastal",  "Deep",        "Eastern", "Federal",   "Global",    "Harbour",
    "Inland",     "Joint",    "Kinetic",  "Lowland",     "Marine",  "Northern",  "Open",      "Pilot",
    "Quarterly",  "Regional", "Southern", "Tidal",       "Urban",   "Voluntary", "Western",   "Zonal",
    "Advanced",   "Blue",     "Circular", "Distributed", "Early",   "Flexible",  "Green",     "Hybrid",
    "Integrated", "Legacy",   "Modular",  "National",    "Onshore", "Phased",    "Rural",     "Saline",
    "Thermal",    "Upstream", "Verified", "Whole-chain", "Aquifer", "Basin",     "Catalytic", "Dynamic"};
constexpr std::array<const char*, 48> kTagSecond{
    "Allowances", "Baselines",    "Capture",   "Disclosure", "Exemptions",  "Financing",    "Grants",      "Hubs",
    "Injection",  "Jurisdiction", "Keystones", "Leakage",    "Monitoring",  "Networks",     "Obligations", "Permits",
    "Quotas",     "Reporting",    "Storage",   "Tariffs",    "Utilisation", "Verification", "Wells",       "Zoning",
    "Auctions",   "Bonds",        "Credits",   "Dividends",  "Emitters",    "Fuels",        "Guarantees",  "Hydrogen",
    "Incentives", "Jobs",         "Kilns",     "Levies",     "Mandates",    "Negotiation",  "Offsets",     "Pricing",
    "Quality",    "Refineries",   "Subsidies", "Transport",  "Upgrades",    "Venting",      "Waivers",     "Yields"};
constexpr std::array<const char*, 24> kTagThird{"Act",   "Pilot", "Reform", "Review",   "Phase",   "Window",
                                                "Track", "Tier",  "Scheme", "Round",    "Pool",    "Cap",
                                                "Floor", "Band",  "Cycle",  "Registry", "Code",    "Pact",
                                                "Plan",  "Fund",  "Zone",   "Corridor", "Charter", "Compact"};

constexpr std::array<const char*, 20> kClusterThemes{
    "Carbon Pricing Framework", "Net Zero Strategy",        "Green Deal",
    "CCUS Programme",           "Hydrogen Strategy",        "Industrial Clusters",
    "Energy Transition",        "Clean Energy Package",     "Climate Action Plan",
    "Storage Licensing",        "Emissions Trading System", "Low Carbon Fuels",
    "Methane Pledge",           "Carbon Markets",           "Offshore Energy",
    "Sustainable Finance",      "Innovation Mission",       "Power Market Reform",
    "Circular Economy",         "Just Transition Mechanism"};
constexpr std::array<const char*, 16> kHubWords{
    "carbon express",     "CO2 hub",         "storage network", "capture cluster",
    "trunk line",         "CCS corridor",    "carbon network",  "sequestration hub",
    "pipeline system",    "storage complex", "carbon valley",   "decarbonisation cluster",
    "CO2 shipping route", "industrial hub",  "basin project",   "carbon link"};
constexpr std::array<const char*, 32> kPlaces{
    "Midwest",   "Gulf Coast", "North Sea", "Rotterdam", "Teesside", "Humber",    "Alberta",  "Gippsland",
    "Bohai",     "Ordos",      "Sichuan",   "Porthos",   "Aramis",   "Greensand", "Longship", "Hokkaido",
    "Ulsan",     "Jurong",     "Kasawari",  "Moomba",    "Barrow",   "Sleipner",  "Snøhvit",  "Lacq",
    "Dunkerque", "Ravenna",    "Bécancour", "Permian",   "Wabash",   "Decatur",   "Quest",    "Yulin"};
constexpr std::array<const char*, 32> kPlacesZh{
    "中西部",   "墨西哥湾沿岸", "北海",     "鹿特丹",   "蒂赛德",   "亨伯",     "艾伯塔",   "吉普斯兰",
    "渤海",     "鄂尔多斯",     "四川",     "波尔托斯", "阿拉米斯", "格林桑德", "长船",     "北海道",
    "蔚山",     "裕廊",         "卡萨瓦里", "穆姆巴",   "巴罗",     "斯莱普纳", "斯诺维特", "拉克",
    "敦刻尔克", "拉文纳",       "贝康库尔", "二叠纪",   "沃巴什",   "迪凯特",   "奎斯特",   "榆林"};

struct Sector {
  const char* name;
  const char* name_zh;
};
constexpr std::array<Sector, 12> kSectors{{{"Biofuels", "生物燃料"},
                                           {"Cement", "水泥"},
                                           {"Iron and steel", "钢铁"},
                                           {"Power and heat", "电力与供热"},
                                           {"Natural gas processing", "天然气处理"},
                                           {"Hydrogen or ammonia", "氢或氨"},
                                           {"Refining", "炼油"},
                                           {"Chemicals", "化工"},
                                           {"Direct air capture", "直接空气捕集"},
                                           {"Waste-to-energy", "垃圾发电"},
                                           {"Pulp and paper", "造纸"},
                                           {"T&S", "运输与封存"}}};
constexpr std::array<Sector, 5> kFacilityTypes{{{"Capture", "碳捕集"},
                                                {"Storage", "封存"},
                                                {"Transport", "运输"},
                                                {"Full chain", "全链条"},
                                                {"T&S", "运输与封存"}}};
constexpr std::array<Sector, 4> kFacilityStatus{
    {{"Operational", "运行中"}, {"Planned", "规划中"}, {"Under construction", "在建"}, {"Suspended", "暂停"}}};
constexpr std::array<Sector, 3> kFates{
    {{"Dedicated storage", "永久封存"}, {"Enhanced oil recovery", "驱油利用"}, {"Utilisation", "资源化利用"}}};
constexpr std::array<const char*, 12> kCompanies{"Equinor",        "Shell",
                                                 "TotalEnergies",  "ExxonMobil",
                                                 "Sinopec",        "Heidelberg Materials",
                                                 "Air Products",   "Santos",
                                                 "Petronas",       "Summit Carbon Solutions",
                                                 "Wolf Midstream", "Ørsted"};
constexpr std::array<const char*, 6> kEmoji{"🌍", "♻️", "🌱", "⚡", "🏭", "🌊"};

// ---------------------------------------------------------------------------------------------
// Emitting records as block YAML, flow YAML or JSON from one sequence of calls

enum class Style { block, flow, json, json_line };

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

/// Whether `value` can be written as a YAML plain scalar and read back as the same string,
/// by YAML 1.1 (PyYAML) and 1.2 (yaml-cpp) readers alike. Deliberately conservative: anything
/// that might read as a number, date, boolean or null, or hold an indicator, is quoted.
bool is_plain_safe(std::string_view value, bool in_flow) {
  if (value.empty()) return false;
  constexpr std::string_view kLeading = "-?:,[]{}#&*!|>'\"%@` +.";
  if (kLeading.find(value.front()) != std::string_view::npos || is_ascii_digit(value.front())) return false;
  if (value.back() == ' ' || value.back() == ':') return false;
  for (char c : value) {
    if (static_cast<unsigned char>(c) < 0x20) return false;
    if (in_flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == ':' || c == '#')) return false;
  }
  if (value.find(": ") != std::string_view::npos || value.find(" #") != std::string_view::npos) return false;
  std::string lower(value);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (std::string_view word : {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"}) {
    if (lower == word) return false;
  }
  return true;
}

/// Whether `value` is a number by JSON's grammar (a bare date is not, and gets quoted).
bool is_json_number(std::string_view value) {
  std::size_t i = 0;
  auto digits = [&] {
    const std::size_t from = i;
    while (i < value.size() && is_ascii_digit(value[i])) ++i;
    return i > from;
  };
  if (i < value.size() && value[i] == '-') ++i;
  if (!digits()) return false;
  if (i < value.size() && value[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  return i == value.size();
}

void append_double_quoted(std::string& out, std::string_view value, bool json) {
  out += '"';
  for (char c : value) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escape[8];
          std::snprintf(escape, sizeof escape, json ? "\\u%04x" : "\\x%02x", static_cast<unsigned>(c));
          out += escape;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void append_yaml_scalar(std::string& out, std::string_view value, bool in_flow) {
  if (is_plain_safe(value, in_flow)) {
    out += value;
  } else if (value.find('\n') == std::string_view::npos) {
    out += '\'';
    for (char c : value) {
      out += c;
      if (c == '\'') out += '\'';
    }
    out += '\'';
  } else {
    append_double_quoted(out, value, false);
  }
}

/// Writes one value tree, event by event, in one of four styles. Block YAML needs to know
/// whether a collection is empty before it writes its key (`tags: []` versus `tags:` and
/// items), so a collection's header is written lazily, when its first child arrives.
class Emitter {
 public:
  Emitter(std::string& out, Style style) : out_(out), style_(style) {}

  Emitter& key(std::string_view name) {
    key_ = name;
    return *this;
  }
  void begin_map() { begin(false); }
  void begin_list() { begin(true); }
  void end_map() { end(); }
  void end_list() { end(); }

  /// A string scalar, quoted where the style needs it.
  void str(std::string_view value) { scalar(value, ScalarKind::string); }
  /// A number (or any scalar meant to be written bare): unquoted in every style.
  void num(std::string_view value) { scalar(value, ScalarKind::bare); }
  /// Multi-line text: a literal block in block YAML, an escaped string otherwise.
  void text(std::string_view value) { scalar(value, ScalarKind::text); }

  void field(std::string_view name, std::string_view value) { key(name).str(value); }
  void number(std::string_view name, std::string_view value) { key(name).num(value); }
  void list(std::string_view name, std::span<const std::string> items) {
    key(name).begin_list();
    for (const auto& item : items) str(item);
    end_list();
  }

 private:
  enum class ScalarKind { string, bare, text };
  struct Frame {
    bool is_list = false;
    bool opened = false;       // block: header written (or nothing to write)
    std::size_t count = 0;     // children written
    std::string header_key;    // block: the key this collection is the value of
    std::string first_prefix;  // block map: before its first key (may hold the "- " of a list item)
    std::size_t indent = 0;    // block: column of children (map keys, or list dashes)
  };

  bool block() const { return style_ == Style::block; }

  std::string_view map_prefix(const Frame& frame) const {
    return frame.count == 0 ? std::string_view(frame.first_prefix) : spaces(frame.indent);
  }
  static std::string_view spaces(std::size_t n) {
    static const std::string kSpaces(256, ' ');
    return std::string_view(kSpaces).substr(0, n);
  }

  /// Block style: writes the headers of frame i and its unopened ancestors.
  void open(std::size_t i) {
    Frame& frame = frames_[i];
    if (frame.opened) return;
    if (i == 0) {
      frame.opened = true;
      return;
    }
    open(i - 1);
    Frame& parent = frames_[i - 1];
    if (!parent.is_list) {
      out_ += map_prefix(parent);
      out_ += frame.header_key;
      out_ += ":\n";
    }
    ++parent.count;
    frame.opened = true;
  }

  void begin(bool is_list) {
    if (block()) {
      Frame frame;
      frame.is_list = is_list;
      if (frames_.empty()) {
        frame.opened = true;
      } else if (!frames_.back().is_list) {
        frame.header_key = key_;
        frame.indent = frames_.back().indent + 2;
        frame.first_prefix = spaces(frame.indent);
      } else {
        if (is_list) throw std::logic_error("block emitter: a list directly inside a list");
        const std::size_t dash = frames_.back().indent;
        frame.indent = dash + 2;
        frame.first_prefix = std::string(spaces(dash)) + "- ";
      }
      frames_.push_back(std::move(frame));
      return;
    }
    separator();
    out_ += is_list ? '[' : '{';
    Frame frame;
    frame.is_list = is_list;
    frames_.push_back(std::move(frame));
  }

  void end() {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    if (block()) {
      if (frame.opened) return;
      if (frames_.empty()) {
        out_ += frame.is_list ? "[]\n" : "{}\n";
        return;
      }
      const std::size_t parent = frames_.size() - 1;
      open(parent);
      Frame& up = frames_[parent];
      if (up.is_list) {
        out_ += spaces(up.indent);
        out_ += "- {}\n";
      } else {
        out_ += map_prefix(up);
        out_ += frame.header_key;
        out_ += frame.is_list ? ": []\n" : ": {}\n";
      }
      ++up.count;
      return;
    }
    if (style_ == Style::json && frame.count > 0) {
      out_ += '\n';
      out_ += spaces(2 * frames_.size());
    }
    out_ += frame.is_list ? ']' : '}';
    if (frames_.empty() && style_ != Style::json_line) out_ += '\n';
  }

  /// Flow and JSON: the comma, newline and key before a value.
  void separator() {
    if (frames_.empty()) return;
    Frame& frame = frames_.back();
    if (frame.count > 0) out_ += style_ == Style::flow || style_ == Style::json_line ? ", " : ",";
    if (style_ == Style::json) {
      out_ += '\n';
      out_ += spaces(2 * frames_.size());
    }
    if (!frame.is_list) {
      if (style_ == Style::flow) {
        out_ += key_;
      } else {
        append_double_quoted(out_, key_, true);
      }
      out_ += ": ";
    }
    ++frame.count;
  }

  void scalar(std::string_view value, ScalarKind kind) {
    if (block()) {
      const std::size_t i = frames_.size() - 1;
      open(i);
      Frame& frame = frames_[i];
      if (frame.is_list) {
        out_ += spaces(frame.indent);
        out_ += "- ";
      } else {
        out_ += map_prefix(frame);
        out_ += key_;
        out_ += kind == ScalarKind::text ? ": |-\n" : ": ";
      }
      ++frame.count;
      if (kind == ScalarKind::text) {
        const std::size_t indent = frame.indent + 2;
        std::size_t start = 0;
        while (start <= value.size()) {
          std::size_t end = value.find('\n', start);
          if (end == std::string_view::npos) end = value.size();
          if (end > start) {
            out_ += spaces(indent);
            out_ += value.substr(start, end - start);
          }
          out_ += '\n';
          start = end + 1;
        }
        return;
      }
      if (kind == ScalarKind::bare) {
        out_ += value;
      } else {
        append_yaml_scalar(out_, value, false);
      }
      out_ += '\n';
      return;
    }
    separator();
    if (kind == ScalarKind::bare && (style_ == Style::flow || is_json_number(value))) {
      out_ += value;
    } else if (style_ == Style::flow) {
      if (kind == ScalarKind::text) {
        append_double_quoted(out_, value, false);
      } else {
        append_yaml_scalar(out_, value, true);
      }
    } else {
      append_double_quoted(out_, value, true);
    }
  }

  std::string& out_;
  Style style_;
  std::string key_;
  std::vector<Frame> frames_;
};

// ---------------------------------------------------------------------------------------------
// Small text helpers

std::string to_string(std::uint64_t value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string base36(std::uint64_t value) {
  std::string digits;
  do {
    const auto digit = static_cast<char>(value % 36);
    digits += digit < 10 ? static_cast<char>('0' + digit) : static_cast<char>('a' + digit - 10);
    value /= 36;
  } while (value > 0);
  std::reverse(digits.begin(), digits.end());
  return digits;
}

std::string fixed(double value, int decimals) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string date_text(int year, int month, int day) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

std::string lower_ascii(std::string text) {
  for (char& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return text;
}

template <std::size_t N>
const char* pick(Random& random, const std::array<const char*, N>& items) {
  return items[random.index(N)];
}

std::string english_sentence(Random& random) {
  std::string sentence = pick(random, kSubjects);
  sentence += ' ';
  sentence += pick(random, kVerbs);
  sentence += ' ';
  sentence += pick(random, kObjects);
  sentence += ' ';
  sentence += pick(random, kQualifiers);
  sentence += '.';
  return sentence;
}

std::string chinese_sentence(Random& random) {
  std::string sentence = "该政策";
  const int parts = random.between(2, 4);
  for (int i = 0; i < parts; ++i) {
    if (i > 0) sentence += "，";
    sentence += pick(random, kPhrasesZh);
  }
  sentence += "。";
  return sentence;
}

std::string sentence(Random& random, bool chinese) {
  return chinese ? chinese_sentence(random) : english_sentence(random);
}

/// Paragraphs of sentences, at least `bytes` long.
std::string paragraphs(Random& random, bool chinese, std::size_t bytes) {
  std::string text;
  int in_paragraph = 0;
  while (text.size() < bytes) {
    if (in_paragraph == 5) {
      text += "\n\n";
      in_paragraph = 0;
    } else if (in_paragraph > 0) {
      text += chinese ? "" : " ";
    }
    text += sentence(random, chinese);
    ++in_paragraph;
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// The corpus model

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

// ---------------------------------------------------------------------------------------------
// Writing files

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

// ---------------------------------------------------------------------------------------------
// Command line

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

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::invalid_argument& error) {
    std::fprintf(stderr, "policygraph_generate_corpus: %s\n%s", error.what(), kUsage);
    return 2;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "policygraph_generate_corpus: %s\n", error.what());
    return 3;
  }
}
