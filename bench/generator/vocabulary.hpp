// SPDX-License-Identifier: MIT
// The generator's vocabulary: countries, topics, instruments, status words and the words of titles, tags and text.
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

namespace policygraph::generator {

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

}  // namespace policygraph::generator
