// @brief UTF-8 validity and small string helpers shared by readers and the HTTP edge.
#pragma once

#include <string>
#include <string_view>

namespace copsearch {

// Offset of the first byte that is not well-formed UTF-8, or npos when all of it is valid.
std::size_t invalid_utf8_at(std::string_view s);

inline bool is_valid_utf8(std::string_view s) { return invalid_utf8_at(s) == std::string_view::npos; }

// 1-based line number of byte offset `pos` in `text`.
int line_of(std::string_view text, std::size_t pos);

}  // namespace copsearch
