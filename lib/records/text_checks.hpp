// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "policygraph/record.hpp"

namespace policygraph::records {

/// `text` without a leading UTF-8 byte order mark.
std::string_view strip_bom(std::string_view text);

/// The offset of the first byte that does not belong to well-formed UTF-8 (overlong forms,
/// surrogates and code points above U+10FFFF included), or nullopt when all is well.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// Line and column (1-based, column in bytes) of `offset` in `text`.
Location location_of_offset(std::string_view text, std::size_t offset);

/// Whether `text` is empty or only white space.
bool is_blank(std::string_view text);

}  // namespace policygraph::records
