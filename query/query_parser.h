// @brief The query side of analysis: the query language, parsed into a Xapian::Query whose
// terms come from the same Analyzer that indexed the documents.
//
// Syntax: words (any may match, ranked; all must match with match_all), "exact phrases",
// +required, -excluded, AND, OR, NOT (upper case), and parentheses.
#pragma once

#include <xapian.h>

#include <string_view>
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
  std::vector<Lang> langs;  // analyses to apply; their terms are combined as synonyms
  bool match_all = false;   // plain words are all required
};

// A blank query gives Xapian::Query::MatchAll; a query with no searchable words gives an
// empty Xapian::Query (matches nothing).
Xapian::Query parse_query(std::string_view text, const QueryOptions& options, Analyzer& analyzer);

}  // namespace copsearch
