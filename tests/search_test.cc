#include "searcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "fixtures.h"
#include "index_store.h"
#include "query_parser.h"

namespace copsearch {
namespace {

using testing::make_doc;

// A seeded random corpus: every word and facet value known, so counts can be brute-forced.
class SearchTest : public ::testing::Test {
 protected:
  static constexpr const char* kWords[] = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"};

  void SetUp() override {
    std::mt19937 rng(42);
    const auto& tax = testing::real_taxonomy();
    auto pick = [&](const std::string& facet, int max) {
      const auto& values = tax.find(facet)->values;
      std::vector<std::string> out;
      const int n = 1 + static_cast<int>(rng() % max);
      for (int i = 0; i < n; ++i) {
        const auto& v = values[rng() % values.size()].name;
        if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
      }
      return out;
    };
    for (int i = 0; i < 150; ++i) {
      std::string text;
      for (int w = 0; w < 12; ++w) text += std::string(kWords[rng() % 8]) + " ";
      char id[16];
      std::snprintf(id, sizeof id, "doc-%03d", i);
      docs_.push_back(make_doc(id, "Filler title", text, pick("audience", 2), pick("risk", 3), pick("age", 2)));
    }
    docs_.push_back(make_doc("title-match", "Grooming: the warning signs", "What carers should watch for.",
                             {"parents-educators"}, {"grooming"}));
    docs_.push_back(make_doc("passing-mention", "Keeping children safe",
                             "Many topics matter for families, from screens to sleep, and grooming is one of many; "
                             "talk often, listen well and agree family rules together.",
                             {"parents-educators"}, {"general"}));
    docs_.push_back(make_doc("phrase-doc", "Phrases", "online grooming happens in games", {"industry"}, {"grooming"}));
    docs_.push_back(make_doc("split-doc", "Split", "grooming is not only online", {"industry"}, {"grooming"}));
    docs_.push_back(make_doc("boundary-doc", "Staying online", "Grooming can start anywhere children talk to strangers.",
                             {"policy-makers"}, {"general"}));
    docs_.push_back(make_doc("pairs-doc", "Pairs", "Online grooming, then grooming happens.", {"policy-makers"}, {"general"}));
    IndexStore(dir_.str()).rebuild(docs_, testing::real_taxonomy(), nullptr);
    searcher_ = std::make_unique<Searcher>(dir_.str(), testing::real_taxonomy());
  }

  SearchResult search(const std::string& q, std::map<std::string, std::vector<std::string>> filters = {},
                      unsigned limit = 100, unsigned offset = 0, bool counts_filtered = false, bool match_all = false) {
    SearchRequest r;
    r.counts_filtered = counts_filtered;
    r.match_all = match_all;
    r.q = q;
    r.filters = std::move(filters);
    r.limit = limit;
    r.offset = offset;
    r.lang = Lang::en;
    return searcher_->search(r);
  }

  static std::vector<std::string> ids(const SearchResult& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(h.doc.id);
    return out;
  }

  static bool has(const Document& d, const std::string& facet, const std::string& value) {
    const auto& v = d.facets.at(facet);
    return std::find(v.begin(), v.end(), value) != v.end();
  }

  testing::TempDir dir_;
  std::vector<Document> docs_;
  std::unique_ptr<Searcher> searcher_;
};

TEST_F(SearchTest, TitleMatchOutranksPassingMention) {
  const auto r = search("grooming", {{"audience", {"parents-educators"}}});
  ASSERT_EQ(ids(r).size(), 2u);
  EXPECT_EQ(ids(r)[0], "title-match");
}

// Both match paths: any word (a counting pass, then a ranking pass) and all words (one pass).
TEST_F(SearchTest, FacetCountsMatchBruteForceDisjunctiveOrFiltered) {
  for (const bool match_all : {false, true})
  for (const bool filtered : {false, true})
  for (const char* word : {"alpha", "hotel"}) {
    for (const auto& filters : std::vector<std::map<std::string, std::vector<std::string>>>{
             {}, {{"audience", {"children", "industry"}}}, {{"audience", {"children"}}, {"risk", {"csam", "privacy"}}}}) {
      const auto r = search(word, filters, 100, 0, filtered, match_all);
      // Brute force: a document containing the word counts for a facet's values when it passes
      // every filter group but that facet's own (disjunctive counts) or every group (filtered
      // counts), and in total when it passes all.
      std::map<std::string, std::map<std::string, unsigned>> expected;
      unsigned total = 0;
      for (const auto& d : docs_) {
        if (d.text.find(word) == std::string::npos) continue;
        auto passes = [&](const std::string& except) {
          for (const auto& [facet, values] : filters)
            if (facet != except && std::none_of(values.begin(), values.end(), [&](auto& v) { return has(d, facet, v); }))
              return false;
          return true;
        };
        total += passes("");
        for (const auto& [facet, values] : d.facets)
          if (passes(filtered ? "" : facet))
            for (const auto& v : values) ++expected[facet][v];
      }
      EXPECT_EQ(r.total, total) << word << (filtered ? " filtered" : " disjunctive");
      EXPECT_EQ(r.hits.size(), std::min(total, 100u));
      for (const auto& fc : r.facets)
        for (const auto& [value, count] : fc.values) EXPECT_EQ(count, expected[fc.facet][value]) << fc.facet << "=" << value;
    }
  }
}

TEST_F(SearchTest, FacetCountsIgnoreTheirOwnSelectionOnly) {
  const auto all = search("alpha");
  const auto narrowed = search("alpha", {{"audience", {"children"}}});
  auto counts = [](const SearchResult& r, const std::string& facet) {
    for (const auto& f : r.facets)
      if (f.facet == facet) return f.values;
    return decltype(r.facets[0].values){};
  };
  EXPECT_EQ(counts(narrowed, "audience"), counts(all, "audience")) << "the audience list still shows every audience";
  EXPECT_NE(counts(narrowed, "risk"), counts(all, "risk")) << "other facets follow the selection";
  EXPECT_LT(narrowed.total, all.total);
}

TEST_F(SearchTest, OrWithinAFacetAndAcrossFacets) {
  const auto r = search("", {{"audience", {"children", "industry"}}, {"risk", {"csam"}}});
  ASSERT_GT(r.total, 0u);
  for (const auto& h : r.hits) {
    EXPECT_TRUE(has(h.doc, "audience", "children") || has(h.doc, "audience", "industry")) << h.doc.id;
    EXPECT_TRUE(has(h.doc, "risk", "csam")) << h.doc.id;
  }
  const auto wider = search("", {{"audience", {"children", "industry"}}});
  EXPECT_GT(wider.total, r.total);
}

TEST_F(SearchTest, EmptyQueryBrowsesEveryMatchingDocumentInIdOrder) {
  const auto all = search("");
  EXPECT_EQ(all.total, docs_.size());
  const auto r = search("", {{"risk", {"grooming"}}});
  const auto got = ids(r);
  EXPECT_TRUE(std::is_sorted(got.begin(), got.end()));
  unsigned expected = 0;
  for (const auto& d : docs_) expected += has(d, "risk", "grooming");
  EXPECT_EQ(r.total, expected);
}

TEST_F(SearchTest, PagesHaveNoOverlapOrGaps) {
  const std::map<std::string, std::vector<std::string>> children{{"audience", {"children"}}};
  const auto all = search("alpha bravo", children);
  ASSERT_LE(all.total, 100u) << "the whole list must fit in one page to compare";
  ASSERT_GT(all.total, 20u);
  const auto full = ids(all);
  std::vector<std::string> paged;
  for (unsigned offset = 0; offset < all.total + 7; offset += 7) {
    const auto page = ids(search("alpha bravo", children, 7, offset));
    EXPECT_LE(page.size(), 7u);
    paged.insert(paged.end(), page.begin(), page.end());
  }
  EXPECT_EQ(paged, full);
}

TEST_F(SearchTest, PhraseNeedsTheWordsTogether) {
  const auto two = ids(search("\"online grooming\""));
  EXPECT_EQ(std::set<std::string>(two.begin(), two.end()), (std::set<std::string>{"phrase-doc", "pairs-doc"}))
      << "not boundary-doc, whose title ends with 'online' and body starts with 'Grooming'";
  EXPECT_EQ(ids(search("\"online grooming happens\"")), std::vector<std::string>{"phrase-doc"})
      << "pairs-doc has both pairs, but apart";
  const auto loose = ids(search("online grooming", {{"audience", {"industry"}}, {"risk", {"grooming"}}}));
  EXPECT_EQ(std::set<std::string>(loose.begin(), loose.end()), (std::set<std::string>{"phrase-doc", "split-doc"}));
}

TEST_F(SearchTest, SnippetShowsMatchedWordsAsWritten) {
  const auto r = search("warning watch", {{"audience", {"parents-educators"}}});
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].snippet, "What carers should <mark>watch</mark> for.");
}

TEST_F(SearchTest, DocumentLookupByIdReturnsEveryField) {
  const auto d = searcher_->document("phrase-doc");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->title, "Phrases");
  EXPECT_EQ(d->facets.at("risk"), std::vector<std::string>{"grooming"});
  EXPECT_FALSE(searcher_->document("no-such-doc").has_value());
}

}  // namespace
}  // namespace copsearch
