// @brief One worker's view of the index: its own Xapian::Database (handles are not
// thread-safe), reopened when the indexer switches or updates the index; runs searches.
#pragma once

#include <xapian.h>

#include <map>
#include <unordered_map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <sys/types.h>
#include <utility>
#include <vector>

#include "analyzer.h"
#include "document.h"
#include "facet_counter.h"
#include "lexicon.h"
#include "lexicon_matcher.h"
#include "schema.h"
#include "search_request.h"
#include "taxonomy.h"

namespace copsearch {

struct TermWeight {
  std::string term;
  double weight;
};

struct Explanation {
  std::vector<TermWeight> terms;    // query terms indexing the document, with their BM25 weight
  std::vector<TermWeight> boosts;   // "prefer audience=children" and the like, with the weight added
};

struct Hit {
  Document doc;  // fields only; body and text are left empty
  double score = 0;
  std::string snippet;
  std::map<std::string, std::string> translations;  // lang -> id of the same guidance
  std::optional<Explanation> explain;
};

struct FacetCounts {
  std::string facet;
  std::vector<std::pair<std::string, Xapian::doccount>> values;  // every taxonomy value, in order
};

struct Expansion {
  std::string from;
  std::vector<std::string> to;
};

struct UrgentBlock {
  std::vector<std::string> risks;
  std::vector<Document> documents;  // escalation guidance, fields only
};

struct SearchResult {
  Xapian::doccount total = 0;  // exact size of the filtered match set
  std::vector<Hit> hits;
  std::vector<FacetCounts> facets;  // disjunctive (each facet ignores its own selection) unless asked otherwise
  std::vector<Expansion> expanded;  // what the lexicon added
  std::string suggestion;           // the query with typos corrected, when that finds more
  std::optional<UrgentBlock> urgent;
};

inline constexpr double kExpansionWeight = 0.5;  // lexicon additions count half an exact word
// Boosts add this fraction of the best unboosted score, so they weigh the same for a one-word
// query and a whole sentence. They re-rank the top candidates; they never change the matches.
inline constexpr double kPreferAudienceBoost = 0.6;  // the caller's role
inline constexpr double kPreferOtherBoost = 0.2;     // the caller's age, or another preferred facet
inline constexpr double kRiskBoost = 0.3;            // the risk a lexicon entry signals
inline constexpr double kLangBoost = 0.3;            // the language the query is written in
inline constexpr double kCallerBoost = 0.3;          // the audience caller words point to ("my son")
inline constexpr unsigned kRescoreDepth = 100;       // candidates beyond the page that boosts may lift

class Searcher {
 public:
  // Opens the index folder written by copsearch-index (or any Xapian database path).
  Searcher(std::string index_path, const Taxonomy& taxonomy);

  SearchResult search(const SearchRequest& request);
  // Documents like `id` in its language (not its translations); nullopt when `id` is unknown.
  std::optional<SearchResult> similar(const std::string& id, unsigned limit);
  // The whole document, with its translations; nullopt when `id` is unknown.
  std::optional<Document> document(const std::string& id);
  Xapian::doccount documents();
  std::string built_at();

 private:
  struct Plan;
  void refresh();
  void open();
  template <class F> auto with_retry(F&& f);
  SearchResult run(const SearchRequest& request);
  Plan plan(const SearchRequest& request);
  int facet_index(const std::string& name) const;
  std::vector<TermWeight> boosts_for(const Plan& plan, Xapian::docid did, double best) const;
  std::vector<std::string> corrections(std::string_view raw, const std::string& folded, const std::vector<Lang>& langs);
  std::vector<std::string> completions(const std::string& prefix, Lang lang);
  std::string suggestion(const std::string& spelling_key, unsigned edits);
  // `stems`: the query's stem terms the hit contains; its snippet marks where they occur.
  Hit make_hit(const Xapian::MSetIterator& it, const std::vector<std::string>& stems);
  std::map<Xapian::docid, std::vector<std::string>> stems_in(const Xapian::Query& q, std::vector<Xapian::docid> docs) const;
  std::optional<Xapian::docid> docid(const std::string& id);
  std::vector<FacetCounts> facet_counts(const FacetCounter& counter) const;
  UrgentBlock urgent_block(const std::set<std::string>& risks, const std::vector<Lang>& langs);

  std::string path_;
  const Taxonomy& taxonomy_;
  Xapian::Database db_;
  FacetMasks masks_;
  std::unordered_map<std::string, std::string> suggestions_;  // spelling key and edits -> Xapian's answer
  Analyzer analyzer_;
  std::unique_ptr<Lexicon> lexicon_;         // from the index metadata; null if it has none
  std::unique_ptr<LexiconMatcher> matcher_;
  std::set<Lang> index_langs_;               // languages with documents in the index
  schema::PairStems pair_stems_;             // from the index metadata
  std::pair<ino_t, long> stub_id_{0, 0};     // inode and mtime of the stub file last opened
};

}  // namespace copsearch
