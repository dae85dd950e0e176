// @brief Finds lexicon entries and caller words in a query ("he'll post my pics", "kys", "nudes") and builds
// the expansion they add: the formal terms the guidance uses, and the risks signalled.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "analyzer.h"
#include "lexicon.h"

namespace copsearch {

struct LexiconMatch {
  const LexiconEntry* entry;
  Lang lang;
  std::size_t first, last;  // the query tokens it covers, [first, last)
  Xapian::Query expansion;  // the entry's `means`, as stem terms (several words: all required)
};

class LexiconMatcher {
 public:
  // Analyses every entry once; `lexicon` must outlive the matcher.
  LexiconMatcher(const Lexicon& lexicon, Analyzer& analyzer);

  // Entries whose words occur, in order and adjacent, in the query's tokens (stems compared, so
  // "send nudes" meets "sending nudes"). An entry inside a longer match is dropped.
  std::vector<LexiconMatch> find(const std::vector<Token>& query, Lang lang) const;

 private:
  struct Compiled {
    const LexiconEntry* entry;
    std::vector<std::string> stems;
    Xapian::Query expansion;
  };
  // By language, then by the first stem of the entry.
  std::map<Lang, std::multimap<std::string, Compiled>> by_first_stem_;
};

}  // namespace copsearch
