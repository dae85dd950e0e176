#include "analyzer.h"

#include <gtest/gtest.h>

#include <set>

#include "fixtures.h"
#include "index_terms.h"
#include "query_parser.h"
#include "schema.h"

namespace copsearch {
namespace {

std::vector<std::string> words(const std::string& text, Lang lang) {
  Analyzer a;
  std::vector<std::string> out;
  for (const auto& t : a.tokens(text, lang)) out.push_back(t.word);
  return out;
}

std::vector<std::string> stems(const std::string& text, Lang lang) {
  Analyzer a;
  std::vector<std::string> out;
  for (const auto& t : a.tokens(text, lang)) out.push_back(t.stem);
  return out;
}

struct Case {
  Lang lang;
  std::string text;
  std::vector<std::string> words;
  std::vector<std::string> stems;
};

class AnalyzerTable : public ::testing::TestWithParam<Case> {};

TEST_P(AnalyzerTable, SegmentsFoldsAndStems) {
  const Case& c = GetParam();
  EXPECT_EQ(words(c.text, c.lang), c.words);
  EXPECT_EQ(stems(c.text, c.lang), c.stems);
}

INSTANTIATE_TEST_SUITE_P(
    Languages, AnalyzerTable,
    ::testing::Values(
        Case{Lang::en, "Online Bullying, bullied!", {"online", "bullying", "bullied"}, {"onlin", "bulli", "bulli"}},
        Case{Lang::fr, "Le harcèlement de l'enfant", {"le", "harcelement", "de", "enfant"}, {"le", "harcel", "de", "enfant"}},
        Case{Lang::es, "Acoso en línea: niños", {"acoso", "en", "linea", "ninos"}, {"acos", "en", "line", "nin"}},
        Case{Lang::ru, "Травля в интернете, ёж и мой", {"травля", "в", "интернете", "еж", "и", "мой"},
             {"травл", "в", "интернет", "еж", "и", "мо"}},
        Case{Lang::ar, "التنمر الإلكتروني", {"التنمر", "الالكتروني"}, {"تنمر", "الكترون"}},
        Case{Lang::zh, "网络欺凌很危险", {"网络", "欺凌", "很", "危险"}, {"网络", "欺凌", "很", "危险"}}),
    [](const auto& info) { return std::string(lang_code(info.param.lang)); });

TEST(Analyzer, FoldsAccentsSoUnaccentedQueriesMeetAccentedText) {
  EXPECT_EQ(words("harcèlement", Lang::fr), words("harcelement", Lang::fr));
  EXPECT_EQ(words("NIÑOS", Lang::es), words("ninos", Lang::es));
}

TEST(Analyzer, KeepsByteOffsetsOfTheOriginalText) {
  Analyzer a;
  const std::string text = "Élève — harcèlement";
  const auto toks = a.tokens(text, Lang::fr);
  ASSERT_EQ(toks.size(), 2u);
  EXPECT_EQ(text.substr(toks[1].begin, toks[1].end - toks[1].begin), "harcèlement");
}

TEST(Analyzer, NfkcFoldsFullWidthAndLigatures) {
  EXPECT_EQ(words("ＣＳＡＭ ﬁle", Lang::en), (std::vector<std::string>{"csam", "file"}));
}

// The query side must produce exactly the terms the index side produced for the same words.
class SidesAgree : public ::testing::TestWithParam<std::pair<Lang, std::string>> {};

TEST_P(SidesAgree, QueryTermsAreIndexTerms) {
  const auto& [lang, text] = GetParam();
  Analyzer a;
  auto doc = testing::make_doc("x", "t", text, {"children"}, {"general"}, {"all-ages"}, std::string(lang_code(lang)));
  doc.title = "";
  const Xapian::Document xd = make_xapian_document(doc, testing::real_taxonomy(), a);
  std::set<std::string> index_terms(xd.termlist_begin(), xd.termlist_end());

  QueryOptions qo{.langs = {lang}, .match_all = false};
  const Xapian::Query words_q = parse_query(text, qo, a);
  const Xapian::Query phrase_q = parse_query("\"" + text + "\"", qo, a);
  std::set<std::string> query_terms(words_q.get_unique_terms_begin(), words_q.get_unique_terms_end());
  query_terms.insert(phrase_q.get_unique_terms_begin(), phrase_q.get_unique_terms_end());
  ASSERT_FALSE(query_terms.empty());
  for (const auto& t : query_terms) EXPECT_TRUE(index_terms.count(t)) << "query term not indexed: " << t;
}

INSTANTIATE_TEST_SUITE_P(Languages, SidesAgree,
                         ::testing::Values(std::pair{Lang::en, std::string("Cyberbullying hurts; bullies' comments")},
                                           std::pair{Lang::fr, std::string("Cyberharcèlement : l'élève a reçu des menaces")},
                                           std::pair{Lang::es, std::string("Sextorsión: nunca pagues al chantajista")},
                                           std::pair{Lang::ru, std::string("Секс-вымогательство и груминг в играх")},
                                           std::pair{Lang::ar, std::string("الابتزاز الجنسي عبر الإنترنت")},
                                           std::pair{Lang::zh, std::string("不要向勒索者付钱，保留证据")}),
                         [](const auto& info) { return std::string(lang_code(info.param.first)); });

TEST(SpellingKey, OneAsciiByteALetterInTwoByteScriptsAndRoundTrips) {
  for (std::string w : {"оторваться", "травля", "шантаж", "ребёнок", "ابتزاز", "ممنوع", "παιδί", "bullying", "harcèlement",
                        "网络欺凌", "ё"}) {
    const std::string key = schema::spelling_key(w);
    EXPECT_EQ(schema::word_from_spelling_key(key), w);
    if (w == "оторваться") {
      EXPECT_EQ(key.size(), 2 + 10u) << "two bytes for the script block, then one per letter";
    }
    if (w == "bullying" || w == "harcèlement" || w == "网络欺凌") {
      EXPECT_EQ(key, w) << "kept as it is";
    } else {
      ASSERT_EQ(key[0], '\x01') << w << " is keyed, whichever letter it starts with";
      for (std::size_t i = 1; i < key.size(); ++i) {
        const auto b = static_cast<unsigned char>(key[i]);
        EXPECT_TRUE(b > 0 && b < 0x80) << "one ASCII byte each";
      }
    }
  }
}

TEST(SpellingKey, BytesItDidNotWriteDecodeToNothing) {
  EXPECT_EQ(schema::word_from_spelling_key(std::string("\x01\x28\x90")), "");
  EXPECT_EQ(schema::word_from_spelling_key("plain"), "plain");
}

TEST(Language, ScriptPicksTheAnalysis) {
  EXPECT_EQ(langs_for_text("травля"), std::vector<Lang>{Lang::ru});
  EXPECT_EQ(langs_for_text("التنمر"), std::vector<Lang>{Lang::ar});
  EXPECT_EQ(langs_for_text("网络欺凌"), std::vector<Lang>{Lang::zh});
  EXPECT_EQ(langs_for_text("bullying"), (std::vector<Lang>{Lang::en, Lang::fr, Lang::es}));
}

}  // namespace
}  // namespace copsearch
