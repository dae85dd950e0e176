// The real corpus, indexed by the real writer and searched by the real searcher: each common
// helpline risk is found in every corpus language by the words a speaker of it would type.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "fixtures.h"
#include "index_store.h"
#include "readers.h"
#include "searcher.h"

namespace copsearch {
namespace {

struct RiskQuery {
  std::string lang, risk, query;
};

std::vector<RiskQuery> risk_queries() {
  std::vector<RiskQuery> out;
  std::ifstream in(testing::source_path("tests/data/risk_queries_by_language.tsv"));
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    RiskQuery q;
    std::getline(fields, q.lang, '\t');
    std::getline(fields, q.risk, '\t');
    std::getline(fields, q.query);
    out.push_back(q);
  }
  return out;
}

class CorpusSearch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ReadResult read;
    read_corpus_dir(testing::source_path("corpus"), testing::real_taxonomy(), read);
    dir_ = new testing::TempDir;
    IndexStore(dir_->str()).rebuild(read.documents, testing::real_taxonomy(), nullptr);
  }
  static void TearDownTestSuite() { delete dir_; }
  static inline testing::TempDir* dir_ = nullptr;
};

TEST_F(CorpusSearch, EachCommonRiskIsFoundInEveryLanguage) {
  Searcher searcher(dir_->str(), testing::real_taxonomy());
  const auto queries = risk_queries();
  ASSERT_GE(queries.size(), 42u);
  for (const auto& q : queries) {
    SearchRequest r;
    r.q = q.query;
    r.filters = {{"lang", {q.lang}}};
    r.lang = lang_from_code(q.lang);
    r.limit = 3;
    const SearchResult result = searcher.search(r);
    bool found = false;
    for (const auto& h : result.hits) {
      EXPECT_EQ(h.doc.lang, q.lang);
      const auto& risks = h.doc.facets.at("risk");
      found = found || std::find(risks.begin(), risks.end(), q.risk) != risks.end();
    }
    EXPECT_TRUE(found) << q.lang << " '" << q.query << "' finds no " << q.risk << " document in its top 3";
  }
}

TEST_F(CorpusSearch, AWordTypedPastItsStemIsCompletedNotCorrected) {
  Searcher searcher(dir_->str(), testing::real_taxonomy());
  SearchRequest typing;
  typing.q = "cyberbullyi";  // on its way to "cyberbullying", whose stem is "cyberbulli"
  typing.prefix = true;
  SearchRequest whole;
  whole.q = "cyberbullying";
  const auto r = searcher.search(typing);
  EXPECT_EQ(r.suggestion, "") << "no 'did you mean' while the word is being typed";
  EXPECT_GE(r.total, searcher.search(whole).total);
}

TEST_F(CorpusSearch, TyposAreCorrectedInCyrillicAndArabicScriptToo) {
  Searcher searcher(dir_->str(), testing::real_taxonomy());
  SearchRequest r;
  r.q = "не могу оторватся от игры";  // "оторваться" without its soft sign
  EXPECT_EQ(searcher.search(r).suggestion, "не могу оторваться от игры");
  r.q = "тоорваться";  // the first two letters swapped: the script block is kept all the same
  EXPECT_EQ(searcher.search(r).suggestion, "оторваться");
  r.q = "cyber bulying";
  EXPECT_EQ(searcher.search(r).suggestion, "cyber bullying");
}

}  // namespace
}  // namespace copsearch
