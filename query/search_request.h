// @brief A search request, validated once from URL parameters or a JSON body.
// Every 400 a search can produce is raised here.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "language.h"
#include "taxonomy.h"

namespace copsearch {

inline constexpr unsigned kMaxLimit = 100;
inline constexpr unsigned kMaxOffset = 100000;

struct SearchRequest {
  std::string q;
  std::map<std::string, std::vector<std::string>> filters;  // facet -> values: OR within, AND across
  unsigned limit = 10;
  unsigned offset = 0;
  bool match_all = false;        // all words must match (match=all); default: any word, ranked
  std::optional<Lang> lang;      // analysis language, when exactly one lang filter is given
  std::map<std::string, std::vector<std::string>> prefer;  // prefer_<facet>: boost, never filter
  bool prefix = false;           // as-you-type: the last word is incomplete
  bool expand = true;            // lexicon expansion, typo tolerance and lexicon risk boosts
  bool explain = false;          // per hit: matched terms, their weights, boosts applied
  // facet_counts=filtered: every count is within the filtered results (drill-down), as a
  // researcher tabulating them wants; default disjunctive: each facet ignores its own filter.
  bool counts_filtered = false;
};

using Params = std::vector<std::pair<std::string, std::string>>;

SearchRequest parse_search_params(const Params& params, const Taxonomy& taxonomy);
SearchRequest parse_search_json(std::string_view body, const Taxonomy& taxonomy);

}  // namespace copsearch
