// @brief Judged queries (tests/relevance/queries.tsv) and how well a search pipeline answers
// them: success@3 and mean reciprocal rank, for the full pipeline and for plain BM25.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "searcher.h"
#include "taxonomy.h"

namespace copsearch {

struct Expectation {
  std::string id;                             // this document, or
  std::map<std::string, std::string> facets;  // any document carrying all of these
};

struct Judgement {
  std::string who;
  std::string query;
  std::string params;  // URL parameters the app sends, "" for none
  std::vector<Expectation> expect;
  std::string origin;  // file:line
};

// Throws InputError naming file:line for a malformed line or an unknown facet.
std::vector<Judgement> load_judgements(const std::string& path, const Taxonomy& taxonomy);

enum class Pipeline { full, plain_bm25 };

struct QueryOutcome {
  const Judgement* judgement;
  int rank;  // 1-based rank of the first expected hit in the top 10, 0 if none
  std::vector<std::string> top3;
};

struct RelevanceReport {
  double success_at_3 = 0;
  double mrr = 0;
  std::vector<QueryOutcome> outcomes;
  std::map<std::string, std::pair<int, int>> by_who;  // who -> (successes, queries)
};

// plain_bm25: no lexicon expansion, no typo tolerance, no preference boosts; same filters.
RelevanceReport evaluate(Searcher& searcher, const Taxonomy& taxonomy, const std::vector<Judgement>& judgements,
                         Pipeline pipeline);

}  // namespace copsearch
