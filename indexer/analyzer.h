// @brief The one text analyser, used for documents and for queries so both make the same terms.
//
// Pipeline: ICU word segmentation -> NFKC case folding -> accent folding -> French elision
// removal -> the language's Snowball stemmer (Chinese is not stemmed).
#pragma once

#include <unicode/brkiter.h>
#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "language.h"


namespace copsearch {

struct Token {
  std::string word;   // folded surface form: the positional term, used by phrases
  std::string stem;   // stem of `word` in the analysis language
  std::size_t begin;  // byte range of the token in the analysed text
  std::size_t end;
};

// Not thread-safe (ICU break iterators and Xapian stemmers keep state): one per thread.
class Analyzer {
 public:
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  std::vector<Token> tokens(std::string_view text, Lang lang);

  // Byte ranges of the first `max` word tokens, the same tokens tokens() returns, without
  // folding or stemming them: where a snippet needs only positions.
  std::vector<std::pair<std::size_t, std::size_t>> spans(std::string_view text, Lang lang, std::size_t max);

 private:
  icu::BreakIterator& breaker(Lang lang);
  std::string fold(std::string_view word, Lang lang) const;
  std::string fold_unicode(std::string_view word) const;  // NFKC case fold, accents stripped

  std::unique_ptr<icu::BreakIterator> breakers_[std::size(kAllLangs)];
  Xapian::Stem stemmers_[std::size(kAllLangs)];
};

}  // namespace copsearch
