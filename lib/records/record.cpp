// SPDX-License-Identifier: MIT
#include "policygraph/record.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace policygraph {

std::string_view to_string(RecordKind kind) { return kind == RecordKind::policy ? "policy" : "facility"; }

Attributes::Attributes(std::initializer_list<Attribute> attributes) {
  for (const Attribute& attribute : attributes) add(attribute.name, attribute.value);
}

std::uint32_t Attributes::append_text(std::string_view bytes) {
  if (bytes.size() > std::numeric_limits<std::uint32_t>::max() - text_.size())
    throw std::length_error("a record's fields hold more than 4 GiB of text");
  auto offset = static_cast<std::uint32_t>(text_.size());
  text_.append(bytes);
  return offset;
}

void Attributes::add(std::string_view name, std::string_view value) {
  const std::string_view text = text_;
  auto name_of = [text](const Slot& slot) { return text.substr(slot.name_offset, slot.name_size); };
  // After the last field whose name is not greater: fields of one name stay in the order added.
  auto place =
      slots_.empty() || name_of(slots_.back()) <= name
          ? slots_.end()
          : std::upper_bound(slots_.begin(), slots_.end(), name,
                             [&](std::string_view wanted, const Slot& slot) { return wanted < name_of(slot); });
  const auto index = place - slots_.begin();
  Slot slot{};
  slot.name_offset = append_text(name);
  slot.name_size = static_cast<std::uint32_t>(name.size());
  slot.value_offset = append_text(value);
  slot.value_size = static_cast<std::uint32_t>(value.size());
  slots_.insert(slots_.begin() + index, slot);
}

void Attributes::erase(std::string_view name) {
  // The text of an erased field stays in the buffer: erasing is rare (a field given twice)
  // and the buffer is never larger than the record's own text.
  std::erase_if(slots_, [&](const Slot& slot) {
    return std::string_view(text_).substr(slot.name_offset, slot.name_size) == name;
  });
}

std::optional<std::string_view> Attributes::find(std::string_view name) const {
  const std::string_view text = text_;
  auto found = std::lower_bound(slots_.begin(), slots_.end(), name, [text](const Slot& slot, std::string_view wanted) {
    return text.substr(slot.name_offset, slot.name_size) < wanted;
  });
  if (found == slots_.end() || text.substr(found->name_offset, found->name_size) != name) return std::nullopt;
  return text.substr(found->value_offset, found->value_size);
}

void Attributes::shrink_to_fit() {
  text_.shrink_to_fit();
  slots_.shrink_to_fit();
}

void Attributes::reserve(std::size_t count, std::size_t text_bytes) {
  slots_.reserve(slots_.size() + count);
  text_.reserve(text_.size() + text_bytes);
}

std::optional<Attributes> Attributes::from_parts(std::string text, std::vector<Slot> slots) {
  const std::uint64_t size = text.size();
  for (const Slot& slot : slots)
    if (std::uint64_t{slot.name_offset} + slot.name_size > size ||
        std::uint64_t{slot.value_offset} + slot.value_size > size)
      return std::nullopt;
  // Sorted by name, as every Attributes is: find() would miss fields otherwise.
  const std::string_view view = text;
  for (std::size_t i = 1; i < slots.size(); ++i)
    if (view.substr(slots[i].name_offset, slots[i].name_size) <
        view.substr(slots[i - 1].name_offset, slots[i - 1].name_size))
      return std::nullopt;
  Attributes attributes;
  attributes.text_ = std::move(text);
  attributes.slots_ = std::move(slots);
  return attributes;
}

bool Attributes::operator==(const Attributes& other) const {
  return std::equal(begin(), end(), other.begin(), other.end());
}

}  // namespace policygraph
