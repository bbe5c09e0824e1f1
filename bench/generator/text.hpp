// SPDX-License-Identifier: MIT
// Small text helpers of the generator: numbers, dates, sentences and paragraphs.
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
#include "generator/vocabulary.hpp"

namespace policygraph::generator {

inline std::string to_string(std::uint64_t value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

inline std::string base36(std::uint64_t value) {
  std::string digits;
  do {
    const auto digit = static_cast<char>(value % 36);
    digits += digit < 10 ? static_cast<char>('0' + digit) : static_cast<char>('a' + digit - 10);
    value /= 36;
  } while (value > 0);
  std::reverse(digits.begin(), digits.end());
  return digits;
}

inline std::string fixed(double value, int decimals) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

inline std::string date_text(int year, int month, int day) {
  char buffer[40];  // room for any int, so the compiler can see nothing is cut
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

inline std::string lower_ascii(std::string text) {
  for (char& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return text;
}

template <std::size_t N>
inline const char* pick(Random& random, const std::array<const char*, N>& items) {
  return items[random.index(N)];
}

inline std::string english_sentence(Random& random) {
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

inline std::string chinese_sentence(Random& random) {
  std::string sentence = "该政策";
  const int parts = random.between(2, 4);
  for (int i = 0; i < parts; ++i) {
    if (i > 0) sentence += "，";
    sentence += pick(random, kPhrasesZh);
  }
  sentence += "。";
  return sentence;
}

inline std::string sentence(Random& random, bool chinese) {
  return chinese ? chinese_sentence(random) : english_sentence(random);
}

/// Paragraphs of sentences, at least `bytes` long.
inline std::string paragraphs(Random& random, bool chinese, std::size_t bytes) {
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

}  // namespace policygraph::generator
