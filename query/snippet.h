// @brief The best passage of a document for a query, in the document's own words, with the
// matched words wrapped in <mark>...</mark> and everything else HTML-escaped.
#pragma once

#include <functional>
#include <set>
#include <utility>
#include <vector>
#include <string>
#include <string_view>

#include "analyzer.h"
#include "language.h"
#include "schema.h"

namespace copsearch {

// `terms` are the query's terms (Z-prefixed stems); a token matches when its stem term is among
// them, so every form of a matched word is marked, as written in the document. This analyses
// the whole text; the daemon uses make_snippet_at with positions from the index.
std::string make_snippet(std::string_view text, Lang lang, const std::set<std::string>& terms, Analyzer& analyzer,
                         std::size_t window_tokens = 30);

// The same, from the matched tokens' indexes in the text (token 0 is its first word), as the
// index's term positions give them: only the tokens up to the chosen window are segmented.
std::string make_snippet_at(std::string_view text, Lang lang, const std::vector<std::pair<std::size_t, std::string>>& matches,
                            Analyzer& analyzer, std::size_t window_tokens = 30);

// The same, with the token byte ranges from `spans_of(n)` (the first n tokens): the index's
// stored spans, so nothing is segmented at query time.
std::string make_snippet_at(std::string_view text, const std::vector<std::pair<std::size_t, std::string>>& matches,
                            const std::function<schema::Spans(std::size_t)>& spans_of, std::size_t window_tokens = 30);

std::string html_escape(std::string_view s);

}  // namespace copsearch
