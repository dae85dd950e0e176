#include "lexicon_matcher.h"

#include <algorithm>

#include "schema.h"

namespace copsearch {

LexiconMatcher::LexiconMatcher(const Lexicon& lexicon, Analyzer& analyzer) {
  for (Lang lang : kAllLangs) {
    for (const auto& e : lexicon.entries(lang)) {
      Compiled c{&e, {}, {}};
      for (const auto& t : analyzer.tokens(e.say, lang)) c.stems.push_back(t.stem);
      if (c.stems.empty()) continue;
      std::vector<Xapian::Query> means;
      for (const auto& m : e.means) {
        std::vector<Xapian::Query> words;
        for (const auto& t : analyzer.tokens(m, lang)) words.emplace_back(schema::stem_term(t.stem));
        if (!words.empty()) means.emplace_back(Xapian::Query::OP_AND, words.begin(), words.end());
      }
      c.expansion = Xapian::Query(Xapian::Query::OP_OR, means.begin(), means.end());
      by_first_stem_[lang].emplace(c.stems.front(), std::move(c));
    }
  }
}

std::vector<LexiconMatch> LexiconMatcher::find(const std::vector<Token>& query, Lang lang) const {
  struct Span {
    std::size_t first, last;  // token range [first, last)
    const Compiled* c;
  };
  std::vector<Span> spans;
  auto it = by_first_stem_.find(lang);
  if (it == by_first_stem_.end()) return {};
  for (std::size_t i = 0; i < query.size(); ++i) {
    auto [lo, hi] = it->second.equal_range(query[i].stem);
    for (auto c = lo; c != hi; ++c) {
      const auto& stems = c->second.stems;
      if (i + stems.size() > query.size()) continue;
      bool all = true;
      for (std::size_t k = 1; k < stems.size() && all; ++k) all = query[i + k].stem == stems[k];
      if (all) spans.push_back({i, i + stems.size(), &c->second});
    }
  }
  std::vector<LexiconMatch> out;
  for (const auto& s : spans) {
    const bool inside_longer = std::any_of(spans.begin(), spans.end(), [&](const Span& o) {
      return &o != &s && o.first <= s.first && s.last <= o.last && (o.last - o.first) > (s.last - s.first);
    });
    if (!inside_longer) out.push_back({s.c->entry, lang, s.c->expansion});
  }
  return out;
}

}  // namespace copsearch
