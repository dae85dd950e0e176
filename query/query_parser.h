// @brief The query side of analysis: the query language, parsed into a Xapian::Query whose
// terms come from the same Analyzer that indexed the documents.
//
// Syntax: words (any may match, ranked; all must match with match_all), "exact phrases",
// +required, -excluded, AND, OR, NOT (upper case), and parentheses.
#pragma once

#include <xapian.h>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "analyzer.h"
#include "errors.h"
#include "language.h"

namespace copsearch {

// A query the parser rejects. The message names the position, never the query text.
class QuerySyntaxError : public InputError {
 public:
  using InputError::InputError;
};

struct QueryOptions {
  std::vector<Lang> langs;   // analyses to apply; their terms are combined as synonyms
  bool match_all = false;    // plain words are all required
  bool prefix_last = false;  // as-you-type: the last word, if the text ends in it, is a prefix
  // Typo tolerance: corrected folded words for a typed word (raw, folded); empty if none.
  std::function<std::vector<std::string>(std::string_view raw, const std::string& folded)> correct = nullptr;
  // As-you-type: the stem terms (Z...) of the indexed words a folded prefix begins; empty when
  // it begins none, and the word is then treated as finished (and typo-corrected).
  std::function<std::vector<std::string>(const std::string& prefix)> complete = nullptr;
  // The common stems the index made pair terms of (schema::pair_term); null: phrases use
  // positions alone.
  const std::unordered_set<std::string>* pair_stems = nullptr;
};

// What the parser did beyond the words typed, for the response.
struct ParseInfo {
  std::vector<std::pair<std::string, std::string>> corrections;  // typed word -> corrected word
};

inline constexpr double kCorrectionWeight = 0.6;  // a corrected word counts less than an exact one

// A blank query gives Xapian::Query::MatchAll; a query with no searchable words gives an
// empty Xapian::Query (matches nothing).
Xapian::Query parse_query(std::string_view text, const QueryOptions& options, Analyzer& analyzer,
                          ParseInfo* info = nullptr);

}  // namespace copsearch
