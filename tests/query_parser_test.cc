#include "query_parser.h"

#include <gtest/gtest.h>

namespace copsearch {
namespace {

std::string parsed(const std::string& q, bool match_all = false, std::vector<Lang> langs = {Lang::en}) {
  Analyzer a;
  return parse_query(q, QueryOptions{.langs = langs, .match_all = match_all}, a).get_description();
}

struct Case {
  std::string query;
  std::string description;
};
class QueryTable : public ::testing::TestWithParam<Case> {};

TEST_P(QueryTable, ParsesTo) { EXPECT_EQ(parsed(GetParam().query), GetParam().description); }

INSTANTIATE_TEST_SUITE_P(
    Syntax, QueryTable,
    ::testing::Values(
        Case{"bullying", "Query(Zbulli)"},
        Case{"online bullying", "Query((Zonlin OR Zbulli))"},
        Case{"\"online grooming\"", "Query((Zonlin PHRASE 2 Zgroom))"},
        Case{"+grooming chat", "Query((Zgroom AND_MAYBE Zchat))"},
        Case{"grooming -game", "Query((Zgroom AND_NOT Zgame))"},
        Case{"grooming AND chat", "Query((Zgroom AND Zchat))"},
        Case{"grooming OR sextortion", "Query((Zgroom OR Zsextort))"},
        Case{"grooming NOT game", "Query((Zgroom AND_NOT Zgame))"},
        Case{"(grooming OR sextortion) AND chat", "Query(((Zgroom OR Zsextort) AND Zchat))"},
        Case{"e-mail", "Query((Ze PHRASE 2 Zmail))"},
        Case{"   ", "Query(<alldocuments>)"},
        Case{"?!", "Query()"}));

// Pair terms (B) of common stems make a two-word phrase exact without positions, and narrow a
// longer one to the documents holding its pairs; a rarer word's phrase keeps positions alone.
TEST(QueryParser, PhrasesOfCommonWordsUsePairTerms) {
  Analyzer a;
  const std::unordered_set<std::string> common = {"onlin", "groom", "risk", "e", "mail"};
  auto with_pairs = [&](const std::string& q) {
    return parse_query(q, QueryOptions{.langs = {Lang::en}, .pair_stems = &common}, a).get_description();
  };
  EXPECT_EQ(with_pairs("\"online grooming\""), "Query(((Zonlin AND Zgroom) FILTER Bonlin groom))");
  EXPECT_EQ(with_pairs("e-mail"), "Query(((Ze AND Zmail) FILTER Be mail))");
  EXPECT_EQ(with_pairs("\"online grooming risks\""),
            "Query(((Zonlin PHRASE 3 Zgroom PHRASE 3 Zrisk) FILTER (Bonlin groom AND Bgroom risk)))");
  EXPECT_EQ(with_pairs("\"online grooming signs\""), "Query(((Zonlin PHRASE 3 Zgroom PHRASE 3 Zsign) FILTER Bonlin groom))");
  EXPECT_EQ(with_pairs("\"spotting signs\""), "Query((Zspot PHRASE 2 Zsign))");
}

TEST(QueryParser, MatchAllRequiresEveryWord) {
  EXPECT_EQ(parsed("online bullying", true), "Query((Zonlin AND Zbulli))");
}

TEST(QueryParser, LatinQueryWithoutLanguageUsesEachLatinStemmerAsSynonyms) {
  EXPECT_EQ(parsed("harcèlement", false, {Lang::en, Lang::fr, Lang::es}), "Query((Zharcel SYNONYM Zharcelement))");
}

TEST(QueryParser, ChineseRunCountsEachSegmentedWord) {
  EXPECT_EQ(parsed("网络欺凌", false, {Lang::zh}), "Query((Z网络 OR Z欺凌))");
}

class RejectedQuery : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

TEST_P(RejectedQuery, NamesThePositionNotTheText) {
  const auto& [query, message] = GetParam();
  Analyzer a;
  try {
    parse_query(query, QueryOptions{.langs = {Lang::en}, .match_all = false}, a);
    FAIL() << "accepted: " << query;
  } catch (const QuerySyntaxError& e) {
    EXPECT_EQ(std::string(e.what()), message);
  }
}

INSTANTIATE_TEST_SUITE_P(Syntax, RejectedQuery,
                         ::testing::Values(std::pair{"\"online grooming", "unclosed quotation mark at character 1"},
                                           std::pair{"(grooming", "unclosed '(' at character 1"},
                                           std::pair{"grooming)", "unmatched ')' at character 9"},
                                           std::pair{"grooming AND", "expected a search term at character 13"},
                                           std::pair{"OR grooming", "an operator needs a search term before it at character 1"},
                                           std::pair{"()", "empty parentheses at character 1"},
                                           std::pair{"ёж (", "expected a search term at character 5"},
                                           std::pair{std::string(60000, '('), "parentheses nested deeper than 32 at character 33"}));

}  // namespace
}  // namespace copsearch
