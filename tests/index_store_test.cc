#include "index_store.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>

#include "fixtures.h"
#include "schema.h"
#include "searcher.h"

namespace copsearch {
namespace {

using testing::make_doc;

std::vector<Document> three_docs() {
  return {make_doc("a", "Alpha", "first text about grooming", {"children"}, {"grooming"}),
          make_doc("b", "Bravo", "second text about sexting", {"industry"}, {"sexting"}),
          make_doc("c", "Charlie", "third text about privacy", {"policy-makers"}, {"privacy"})};
}

std::string stub(const testing::TempDir& dir) {
  std::ifstream in(dir / "XAPIANDB");
  std::string line;
  std::getline(in, line);
  return line;
}

TEST(IndexStore, RebuildSwitchesTheStubAndKeepsOnlyThePreviousGeneration) {
  testing::TempDir dir;
  IndexStore store(dir.str());
  for (int i = 0; i < 3; ++i) store.rebuild(three_docs(), testing::real_taxonomy(), nullptr);
  EXPECT_EQ(stub(dir), "auto gen-000003");
  EXPECT_FALSE(std::filesystem::exists(dir / "gen-000001"));
  EXPECT_TRUE(std::filesystem::exists(dir / "gen-000002"));
  EXPECT_EQ(Xapian::Database(dir.str()).get_doccount(), 3u);
}

TEST(IndexStore, UpdateReplacesChangedDeletesRemovedAndSkipsUnchanged) {
  testing::TempDir dir;
  IndexStore store(dir.str());
  store.rebuild(three_docs(), testing::real_taxonomy(), nullptr);
  auto docs = three_docs();
  docs[1].text = docs[1].body = "second text, now about sextortion";
  docs.erase(docs.begin() + 2);
  docs.push_back(make_doc("d", "Delta", "a new document on gaming", {"children"}, {"gaming"}));
  const IndexSummary s = store.update(docs, testing::real_taxonomy(), nullptr);
  EXPECT_EQ(s.added, 1u);
  EXPECT_EQ(s.changed, 1u);
  EXPECT_EQ(s.removed, 1u);
  EXPECT_EQ(s.unchanged, 1u);
  EXPECT_EQ(s.documents, 3u);

  Searcher searcher(dir.str(), testing::real_taxonomy());
  EXPECT_FALSE(searcher.document("c").has_value());
  EXPECT_EQ(searcher.document("b")->text, "second text, now about sextortion");
  SearchRequest r;
  r.q = "sextortion";
  EXPECT_EQ(searcher.search(r).total, 1u);
  // The replaced document keeps its pair terms, made of the stems chosen at the rebuild, which
  // the phrase relies on ("about" is a function word, never paired).
  r.q = "\"second text\"";
  EXPECT_EQ(searcher.search(r).total, 1u);
  r.q = "\"new document\"";  // words unknown at the rebuild: no pair, positions alone
  EXPECT_EQ(searcher.search(r).total, 1u);
}

TEST(IndexStore, UpdateRebuildsAnIndexWrittenInAnOlderLayout) {
  testing::TempDir dir;
  IndexStore store(dir.str());
  store.rebuild(three_docs(), testing::real_taxonomy(), nullptr);
  {
    Xapian::WritableDatabase db(dir.str());
    db.set_metadata(std::string(schema::kFormatKey), "1");  // as an older indexer left it
    db.commit();
  }
  const IndexSummary s = store.update(three_docs(), testing::real_taxonomy(), nullptr);
  EXPECT_EQ(s.added, 3u) << "every document written again, none skipped as unchanged";
  EXPECT_EQ(s.unchanged, 0u);
  EXPECT_EQ(stub(dir), "auto gen-000002") << "a new generation, switched atomically";
  EXPECT_EQ(Xapian::Database(dir.str()).get_metadata(std::string(schema::kFormatKey)), schema::kFormat);
}

TEST(IndexStore, FailedBuildLeavesTheLiveIndexUntouched) {
  testing::TempDir dir;
  IndexStore store(dir.str());
  store.rebuild(three_docs(), testing::real_taxonomy(), nullptr);
  const auto fail_midway = [](std::size_t done, std::size_t) {
    if (done == 2) throw std::runtime_error("disk full (simulated)");
  };
  EXPECT_THROW(store.rebuild(three_docs(), testing::real_taxonomy(), fail_midway), std::runtime_error);
  EXPECT_EQ(stub(dir), "auto gen-000001");
  EXPECT_FALSE(std::filesystem::exists(dir / "gen-000002.tmp"));
  EXPECT_EQ(Xapian::Database(dir.str()).get_doccount(), 3u);
}

TEST(IndexStore, ServingSearcherSeesARebuildOnItsNextRequest) {
  testing::TempDir dir;
  IndexStore store(dir.str());
  store.rebuild(three_docs(), testing::real_taxonomy(), nullptr);
  Searcher searcher(dir.str(), testing::real_taxonomy());
  EXPECT_EQ(searcher.documents(), 3u);
  auto docs = three_docs();
  docs.pop_back();
  store.rebuild(docs, testing::real_taxonomy(), nullptr);
  EXPECT_EQ(searcher.documents(), 2u);
  SearchRequest r;
  r.filters = {{"risk", {"privacy"}}};
  const auto result = searcher.search(r);
  EXPECT_EQ(result.total, 0u);
  for (const auto& f : result.facets) {
    if (f.facet != "risk") continue;
    for (const auto& [value, count] : f.values) EXPECT_EQ(count, value == "privacy" ? 0u : value == "grooming" || value == "sexting" ? 1u : 0u) << value;
  }
}

TEST(IndexStore, OverlongWordsAreSkippedNotFatal) {
  testing::TempDir dir;
  auto docs = three_docs();
  docs[0].text = "grooming " + std::string(400, 'x') + " evidence";
  IndexStore(dir.str()).rebuild(docs, testing::real_taxonomy(), nullptr);
  Searcher searcher(dir.str(), testing::real_taxonomy());
  SearchRequest r;
  r.q = "\"grooming evidence\"";
  EXPECT_EQ(searcher.search(r).total, 0u) << "the skipped word still separates its neighbours";
  r.q = "evidence";
  EXPECT_EQ(searcher.search(r).total, 1u);
}

}  // namespace
}  // namespace copsearch
