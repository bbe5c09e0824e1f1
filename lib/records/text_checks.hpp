// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "policygraph/record.hpp"

namespace policygraph::records {

/// `text` without a leading UTF-8 byte order mark.
std::string_view strip_bom(std::string_view text);

/// The offset of the first byte that does not belong to well-formed UTF-8 (overlong forms,
/// surrogates and code points above U+10FFFF included), or nullopt when all is well.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// yaml-cpp 0.7 decodes the YAML escapes `\N` (U+0085) and `\_` (U+00A0) in double-quoted
/// scalars to the single bytes 0x85 and 0xA0, which are not UTF-8. The text it was given is
/// checked to be UTF-8 first, so such a byte in a scalar can only come from those escapes:
/// returns `value` with each lone 0x85 or 0xA0 written as its two-byte UTF-8 form, or nullopt
/// when `value` is well-formed already (the common case, which costs one scan).
std::optional<std::string> repair_yaml_cpp_escapes(std::string_view value);

/// Line and column (1-based, column in bytes) of `offset` in `text`.
Location location_of_offset(std::string_view text, std::size_t offset);

/// Whether `text` is empty or only white space.
bool is_blank(std::string_view text);

}  // namespace policygraph::records
