// @brief Markdown to plain text (for analysis and snippets) and to safe HTML (for display).
#pragma once

#include <string>
#include <string_view>

namespace copsearch {

// The words of a Markdown document, one line per block; raw HTML is dropped.
std::string markdown_to_text(std::string_view markdown);

// HTML for display; raw HTML and dangerous link schemes are removed (cmark's safe mode).
std::string markdown_to_html(std::string_view markdown);

}  // namespace copsearch
