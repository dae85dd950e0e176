// The helpline features of the search library over a small corpus with its own lexicon:
// expansion, urgent escalation, typo corrections, as-you-type, preferences and translations.
#include <gtest/gtest.h>

#include <algorithm>

#include "fixtures.h"
#include "index_store.h"
#include "lexicon_matcher.h"
#include "schema.h"
#include "searcher.h"

namespace copsearch {
namespace {

using testing::make_doc;

const char* kLexicon = R"(
en:
  - say: he'll post my pics
    means: [sextortion, threats to share images]
    risk: [sextortion]
    urgent: true
    from: editor
  - say: nudes
    means: [self-generated sexual images]
    risk: [sexting]
    from: editor
  - say: sextorsion
    means: [sexual extortion, sextortion]
    risk: [sextortion]
    from: editor
fr:
  - say: sextorsion
    means: [sextorsion, extorsion sexuelle]
    risk: [sextortion]
    from: editor
escalation:
  sextortion: [sextortion-help]
callers:
  en:
    parents-educators: [my son]
)";

class HelplineSearch : public ::testing::Test {
 protected:
  void SetUp() override {
    docs_ = {
        make_doc("sextortion-help", "Someone threatens to share your images", "This is sextortion. Never pay; keep evidence and report.",
                 {"children"}, {"sextortion"}, {"13-18"}),
        make_doc("sextortion-help.fr", "Quelqu'un menace de partager tes images", "C'est de la sextorsion. Ne paie jamais.",
                 {"children"}, {"sextortion"}, {"13-18"}, "fr"),
        make_doc("sexting-guide", "Self-generated sexual images", "Pressure to send self-generated sexual images is common.",
                 {"children"}, {"sexting"}, {"13-18"}),
        make_doc("sexting-parents", "When your teen shares nudes", "Talk calmly about nudes and pressure.",
                 {"parents-educators"}, {"sexting"}, {"13-18"}),
        make_doc("bullying-kids", "Bullying online: what to do", "Bullying online hurts. Tell someone you trust about the bullying.",
                 {"children"}, {"cyberbullying"}, {"9-12"}),
        make_doc("bullying-parents", "Bullying online: signs for parents", "Bullying online often starts at school; bullying leaves signs.",
                 {"parents-educators"}, {"cyberbullying"}, {"9-12"}),
    };
    docs_[1].translation_of = "sextortion-help";
    IndexStore store(dir_.str());
    store.set_metadata(std::string(schema::kLexiconKey), kLexicon);
    store.rebuild(docs_, testing::real_taxonomy(), nullptr);
    searcher_ = std::make_unique<Searcher>(dir_.str(), testing::real_taxonomy());
  }

  SearchResult search(const std::string& q, std::function<void(SearchRequest&)> tweak = nullptr) {
    SearchRequest r;
    r.q = q;
    if (tweak) tweak(r);
    return searcher_->search(r);
  }

  static std::vector<std::string> ids(const SearchResult& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(h.doc.id);
    return out;
  }

  testing::TempDir dir_;
  std::vector<Document> docs_;
  std::unique_ptr<Searcher> searcher_;
};

TEST_F(HelplineSearch, LexiconPhraseExpandsToFormalTermsAndSaysSo) {
  const auto r = search("she'll post her pics");  // pronouns differ from the entry: still a match
  ASSERT_EQ(r.expanded.size(), 1u);
  EXPECT_EQ(r.expanded[0].from, "he'll post my pics");
  EXPECT_EQ(r.expanded[0].to, (std::vector<std::string>{"sextortion", "threats to share images"}));
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].doc.id, "sextortion-help");
}

TEST_F(HelplineSearch, ExactWordsOutrankLexiconAdditions) {
  const auto r = search("nudes");
  ASSERT_GE(r.hits.size(), 2u);
  EXPECT_EQ(r.hits[0].doc.id, "sexting-parents") << "the document with the typed word ranks first";
  EXPECT_NE(std::find(ids(r).begin(), ids(r).end(), "sexting-guide"), ids(r).end()) << "the expansion adds recall";
}

TEST_F(HelplineSearch, SeveralExpansionsInOneQuery) {
  const auto r = search("nudes he'll post my pics", [](SearchRequest& q) { q.prefer["audience"] = {"children"}; });
  EXPECT_EQ(r.expanded.size(), 2u);
  EXPECT_GE(r.total, 3u);
  const auto two_langs = search("sextorsion teen");  // English and French entries both match
  EXPECT_EQ(two_langs.expanded.size(), 1u) << "the same typed phrase is listed once";
  EXPECT_GE(two_langs.total, 2u);
}

TEST_F(HelplineSearch, UrgentPhrasePointsToEscalationGuidanceInTheQueryLanguage) {
  const auto r = search("he'll post my pics");
  ASSERT_TRUE(r.urgent.has_value());
  EXPECT_EQ(r.urgent->risks, std::vector<std::string>{"sextortion"});
  ASSERT_EQ(r.urgent->documents.size(), 1u);
  EXPECT_EQ(r.urgent->documents[0].id, "sextortion-help");
  EXPECT_FALSE(search("nudes").urgent.has_value());
}

TEST_F(HelplineSearch, TypoIsCorrectedSuggestedAndRanksBelowExactMatches) {
  const auto r = search("bulying");
  EXPECT_EQ(r.suggestion, "bullying");
  EXPECT_EQ(r.total, 2u);
  const auto exact = search("bullying");
  EXPECT_GT(exact.hits[0].score, r.hits[0].score) << "a corrected match counts less than an exact one";
  EXPECT_TRUE(search("bullying").suggestion.empty());
  EXPECT_EQ(search("CSAN").suggestion, "") << "acronyms are never corrected";
  EXPECT_EQ(search("bul").total, 0u) << "words under four letters are never corrected";
}

TEST_F(HelplineSearch, PrefixMatchesTheWordBeingTyped) {
  EXPECT_EQ(search("sexto").total, 0u);
  const auto r = search("sexto", [](SearchRequest& q) {
    q.prefix = true;
    q.filters["lang"] = {"en"};
  });
  EXPECT_EQ(ids(r)[0], "sextortion-help");
  EXPECT_NE(r.hits[0].snippet.find("<mark>sextortion</mark>"), std::string::npos) << r.hits[0].snippet;
  EXPECT_EQ(search("bullying sexto ", [](SearchRequest& q) { q.prefix = true; }).total, 2u)
      << "a trailing space ends the word: no prefix";
}

TEST_F(HelplineSearch, WordBeingTypedThatBeginsNothingIsCorrectedLikeAnyOther) {
  const auto r = search("bulying", [](SearchRequest& q) { q.prefix = true; });
  EXPECT_EQ(r.suggestion, "bullying") << "as-you-type still offers the correction";
  EXPECT_EQ(r.total, search("bulying").total);
}

TEST_F(HelplineSearch, PreferredAudienceRanksFirstWithoutHidingOthers) {
  const auto plain = search("bullying");
  const auto kids = search("bullying", [](SearchRequest& q) { q.prefer["audience"] = {"children"}; });
  const auto parents = search("bullying", [](SearchRequest& q) { q.prefer["audience"] = {"parents-educators"}; });
  EXPECT_EQ(kids.total, plain.total);
  EXPECT_EQ(ids(kids)[0], "bullying-kids");
  EXPECT_EQ(ids(parents)[0], "bullying-parents");
}

TEST_F(HelplineSearch, CallerWordsPreferTheirAudience) {
  EXPECT_EQ(ids(search("my son bullying"))[0], "bullying-parents");
}

TEST_F(HelplineSearch, HitsListTheirTranslations) {
  const auto r = search("sextortion", [](SearchRequest& q) { q.lang = Lang::en; q.filters["lang"] = {"en"}; });
  ASSERT_EQ(ids(r), std::vector<std::string>{"sextortion-help"});
  EXPECT_EQ(r.hits[0].translations, (std::map<std::string, std::string>{{"fr", "sextortion-help.fr"}}));
}

TEST_F(HelplineSearch, ExplainNamesMatchedTermsAndBoosts) {
  const auto r = search("bullying", [](SearchRequest& q) {
    q.explain = true;
    q.prefer["audience"] = {"children"};
  });
  ASSERT_TRUE(r.hits[0].explain.has_value());
  const auto& ex = *r.hits[0].explain;
  ASSERT_FALSE(ex.terms.empty());
  EXPECT_EQ(ex.terms[0].term, "Zbulli");
  EXPECT_GT(ex.terms[0].weight, 0);
  std::vector<std::string> boosts;
  for (const auto& b : ex.boosts) boosts.push_back(b.term);
  EXPECT_NE(std::find(boosts.begin(), boosts.end(), "prefer audience=children"), boosts.end());
  EXPECT_NE(std::find(boosts.begin(), boosts.end(), "query language lang=en"), boosts.end());
}

TEST_F(HelplineSearch, SimilarFindsRelatedDocumentsInTheSameLanguageOnly) {
  const auto r = searcher_->similar("bullying-kids", 5);
  ASSERT_TRUE(r.has_value());
  ASSERT_FALSE(r->hits.empty());
  EXPECT_EQ(r->hits[0].doc.id, "bullying-parents");
  for (const auto& h : r->hits) EXPECT_EQ(h.doc.lang, "en");
  EXPECT_FALSE(searcher_->similar("no-such-document", 5).has_value());
}

TEST_F(HelplineSearch, ExpandFalseIsPlainSearch) {
  const auto r = search("he'll post my pics", [](SearchRequest& q) { q.expand = false; });
  EXPECT_TRUE(r.expanded.empty());
  EXPECT_FALSE(r.urgent.has_value());
  EXPECT_TRUE(search("bulying", [](SearchRequest& q) { q.expand = false; }).suggestion.empty());
}

TEST(Language, FunctionWordsPickTheLatinLanguage) {
  EXPECT_EQ(guess_by_function_words({"my", "son", "is", "on", "the", "phone"}, {Lang::en, Lang::fr, Lang::es}), Lang::en);
  EXPECT_EQ(guess_by_function_words({"ma", "fille", "est", "sur", "le", "telephone"}, {Lang::en, Lang::fr, Lang::es}), Lang::fr);
  EXPECT_EQ(guess_by_function_words({"mi", "hijo", "esta", "con", "el", "movil"}, {Lang::en, Lang::fr, Lang::es}), Lang::es);
  EXPECT_EQ(guess_by_function_words({"sextortion"}, {Lang::en, Lang::fr, Lang::es}), std::nullopt);
}

}  // namespace
}  // namespace copsearch
