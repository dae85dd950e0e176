// The real corpus, read through the real readers: it must always index cleanly.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "fixtures.h"
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

TEST(Corpus, EveryDocumentIsValid) {
  for (const auto& e : corpus().errors) ADD_FAILURE() << e;
  EXPECT_GE(corpus().documents.size(), 30u);
}

TEST(Corpus, CoversEveryAudienceAndAtLeastEightRisks) {
  std::map<std::string, int> audiences;
  std::set<std::string> risks;
  for (const auto& d : corpus().documents) {
    for (const auto& a : d.facets.at("audience")) ++audiences[a];
    for (const auto& r : d.facets.at("risk")) risks.insert(r);
  }
  for (const auto& v : testing::real_taxonomy().find("audience")->values) EXPECT_GT(audiences[v.name], 0) << v.name;
  EXPECT_GE(risks.size(), 8u);
}

}  // namespace
}  // namespace copsearch
