// The real corpus and lexicon, read through the real readers: the floor content editors keep.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <map>
#include <set>

#include "analyzer.h"
#include "coverage.h"
#include "fixtures.h"
#include "lexicon.h"
#include "readers.h"

namespace copsearch {
namespace {

const ReadResult& corpus() {
  static const ReadResult r = [] {
    ReadResult out;
    read_corpus_dir(testing::source_path("corpus"), testing::real_taxonomy(), out);
    check_collection(out);
    return out;
  }();
  return r;
}

std::vector<Document> in_lang(const std::string& lang) {
  std::vector<Document> out;
  for (const auto& d : corpus().documents)
    if (d.lang == lang) out.push_back(d);
  return out;
}

std::size_t words(const std::string& text) {
  std::size_t n = 0;
  bool in_word = false;
  for (unsigned char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    n += !space && !in_word;
    in_word = !space;
  }
  return n;
}

TEST(Corpus, EveryDocumentIsValidWithUniqueIdsAndRealTranslationLinks) {
  for (const auto& e : corpus().errors) ADD_FAILURE() << e;
  EXPECT_GE(corpus().documents.size(), 500u);
}

TEST(Corpus, EveryDocumentNamesItsSource) {
  for (const auto& d : corpus().documents) EXPECT_FALSE(d.source.empty()) << d.origin << ": no source";
}

TEST(Corpus, AtLeast300EnglishDocumentsOf150To700Words) {
  const auto en = in_lang("en");
  EXPECT_GE(en.size(), 300u);
  for (const auto& d : en) {
    EXPECT_GE(words(d.text), 150u) << d.origin;
    EXPECT_LE(words(d.text), 700u) << d.origin;
  }
}

TEST(Corpus, TextIsInTheLanguageItsFrontMatterNames) {
  Analyzer analyzer;
  for (const auto& d : corpus().documents) {
    const Lang lang = *lang_from_code(d.lang);
    const auto langs = langs_for_text(d.text);
    EXPECT_NE(std::find(langs.begin(), langs.end(), lang), langs.end()) << d.origin << ": wrong script";
    if (langs.size() < 2) continue;
    // Latin script: the function words tell English, French and Spanish apart.
    std::vector<std::string> words;
    for (const auto& t : analyzer.tokens(d.text, lang)) words.push_back(t.word);
    EXPECT_EQ(guess_by_function_words(words, langs), lang) << d.origin << ": reads as another language";
  }
}

TEST(Corpus, MeetsTheCoverageFloor) {
  const auto& tax = testing::real_taxonomy();
  const auto en = in_lang("en");
  const Coverage all(corpus().documents), english(en);
  for (const auto& a : tax.find("audience")->values) EXPECT_GE(english.count({{"audience", a.name}}), 50) << a.name;
  for (const auto& r : tax.find("risk")->values) EXPECT_GE(english.count({{"risk", r.name}}), 12) << r.name;
  // Every audience gets every risk: each pair makes sense for this guidance (see the matrix).
  for (const auto& a : tax.find("audience")->values)
    for (const auto& r : tax.find("risk")->values)
      EXPECT_GE(english.count({{"audience", a.name}, {"risk", r.name}}), 2) << a.name << " x " << r.name;
  for (const char* band : {"under-9", "9-12", "13-18"})
    EXPECT_GE(english.count({{"audience", "children"}, {"age", band}}), 15) << band;
}

TEST(Corpus, AddressesChildrenWithDisabilitiesAndMigrantChildren) {
  int disability = 0, migrant = 0;
  for (const auto& d : in_lang("en")) {
    std::string t = d.title + " " + d.text;
    std::transform(t.begin(), t.end(), t.begin(), ::tolower);
    disability += t.find("disab") != std::string::npos || t.find("autis") != std::string::npos;
    migrant += t.find("migrant") != std::string::npos || t.find("refugee") != std::string::npos;
  }
  EXPECT_GE(disability, 8);
  EXPECT_GE(migrant, 8);
}

TEST(Corpus, FortyTranslationsPerLanguageCoveringTheCommonHelplineTopics) {
  std::map<std::string, const Document*> by_id;
  for (const auto& d : corpus().documents) by_id[d.id] = &d;
  for (const char* lang : {"fr", "es", "ru", "ar", "zh"}) {
    const auto docs = in_lang(lang);
    EXPECT_GE(docs.size(), 40u) << lang;
    const Coverage c(docs);
    for (const char* risk : {"cyberbullying", "grooming", "sextortion", "sexting", "privacy", "harmful-content", "screen-time"})
      EXPECT_GE(c.count({{"risk", risk}}), 2) << lang << " " << risk;
    for (const auto& a : testing::real_taxonomy().find("audience")->values)
      EXPECT_GE(c.count({{"audience", a.name}}), 4) << lang << " " << a.name;
    for (const auto& d : docs) {
      ASSERT_FALSE(d.translation_of.empty()) << d.origin;
      const Document* original = by_id.at(d.translation_of);
      EXPECT_EQ(original->lang, "en") << d.origin;
      for (const char* facet : {"audience", "risk", "age"})
        EXPECT_EQ(d.facets.at(facet), original->facets.at(facet)) << d.origin << " " << facet;
    }
  }
}

TEST(Corpus, GuidanceInventsNoAddressesAndUsesCurrentTerms) {
  for (const auto& d : corpus().documents) {
    std::string t = d.body;
    std::transform(t.begin(), t.end(), t.begin(), ::tolower);
    EXPECT_EQ(t.find("http"), std::string::npos) << d.origin;
    EXPECT_EQ(t.find("www."), std::string::npos) << d.origin;
    EXPECT_EQ(t.find("child pornography"), std::string::npos) << d.origin;
  }
}

TEST(Lexicon, IsValidAndLargeEnough) {
  std::vector<std::string> errors;
  const Lexicon lex = Lexicon::load(testing::source_path("corpus/lexicon.yaml"), testing::real_taxonomy(), errors);
  for (const auto& e : errors) ADD_FAILURE() << e;
  EXPECT_GE(lex.entries(Lang::en).size(), 250u);
  for (Lang l : {Lang::fr, Lang::es, Lang::ar, Lang::zh, Lang::ru}) EXPECT_GE(lex.entries(l).size(), 30u) << lang_code(l);
  std::set<std::string> risks;
  int urgent = 0;
  for (Lang l : kAllLangs)
    for (const auto& e : lex.entries(l)) {
      risks.insert(e.risk.begin(), e.risk.end());
      urgent += e.urgent;
    }
  EXPECT_EQ(risks.size(), testing::real_taxonomy().find("risk")->values.size()) << "every risk has lexicon entries";
  EXPECT_GT(urgent, 10);
}

// An expansion only helps if the guidance uses its words: every English entry names at least one
// formal term the English corpus contains, and every escalation document exists.
TEST(Lexicon, TargetsAreTermsTheCorpusUses) {
  std::vector<std::string> errors;
  const Lexicon lex = Lexicon::load(testing::source_path("corpus/lexicon.yaml"), testing::real_taxonomy(), errors);
  Analyzer analyzer;
  std::set<std::string> stems, ids;
  for (const auto& d : corpus().documents) {
    ids.insert(d.id);
    if (d.lang != "en") continue;
    for (const auto& t : analyzer.tokens(d.title + "\n" + d.text, Lang::en)) stems.insert(t.stem);
  }
  for (const auto& e : lex.entries(Lang::en)) {
    const bool known = std::any_of(e.means.begin(), e.means.end(), [&](const std::string& m) {
      const auto toks = analyzer.tokens(m, Lang::en);
      return !toks.empty() && std::all_of(toks.begin(), toks.end(), [&](const Token& t) { return stems.count(t.stem) > 0; });
    });
    EXPECT_TRUE(known) << "corpus/lexicon.yaml:" << e.line << ": no target of '" << e.say << "' occurs in the English corpus";
  }
  for (const auto& [risk, docs] : lex.escalation())
    for (const auto& id : docs) EXPECT_TRUE(ids.count(id)) << "escalation for " << risk << " names no document '" << id << "'";
}

TEST(Lexicon, RejectsUnknownRisksDuplicatesAndMissingFields) {
  std::vector<std::string> errors;
  Lexicon::parse("en:\n"
                 "  - say: kys\n    means: [self-harm]\n    risk: [harmful-content]\n    from: editor\n"
                 "  - say: KYS\n    means: [x]\n    risk: []\n    from: editor\n"
                 "  - say: nudes\n    means: [sexting]\n    risk: [nudity]\n    from: editor\n"
                 "  - say: catfish\n    means: [fake profile]\n    risk: []\n"
                 "xx:\n  - say: a\n",
                 "lex.yaml", testing::real_taxonomy(), errors);
  EXPECT_EQ(errors, (std::vector<std::string>{"lex.yaml:6: 'KYS' repeats an earlier entry", "lex.yaml:10: unknown risk 'nudity'",
                                              "lex.yaml:14: 'from' must say where the entry came from",
                                              "lex.yaml:17: unknown language 'xx'"}));
}

}  // namespace
}  // namespace copsearch
