// @brief The slang-to-formal lexicon (corpus/lexicon.yaml): how people type, mapped to the
// words the guidance uses and the risks it signals, per language. Data for query expansion.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "language.h"
#include "taxonomy.h"

namespace copsearch {

struct LexiconEntry {
  std::string say;                 // what people type: a word or a phrase
  std::vector<std::string> means;  // formal words or phrases in the same language
  std::vector<std::string> risk;   // taxonomy risk values it signals
  bool urgent = false;             // signals immediate danger
  std::string caller;              // for caller words: the audience the phrase says is asking
  std::string from;                // provenance
  int line = 0;
};

class Lexicon {
 public:
  // Appends every problem as "file:line: reason" to `errors`; valid entries are kept.
  static Lexicon parse(const std::string& yaml, const std::string& origin, const Taxonomy& taxonomy,
                       std::vector<std::string>& errors);
  static Lexicon load(const std::string& path, const Taxonomy& taxonomy, std::vector<std::string>& errors);

  const std::vector<LexiconEntry>& entries(Lang lang) const;
  // Escalation guidance by risk: the document ids an urgent query is pointed to, in order.
  const std::map<std::string, std::vector<std::string>>& escalation() const { return escalation_; }
  // Caller words ("my son" -> parents-educators), as entries with `caller` set.
  const std::vector<LexiconEntry>& callers(Lang lang) const;
  const std::string& text() const { return text_; }

 private:
  std::map<Lang, std::vector<LexiconEntry>> entries_;
  std::map<std::string, std::vector<std::string>> escalation_;
  std::map<Lang, std::vector<LexiconEntry>> callers_;
  std::string text_;
};

}  // namespace copsearch
