#include "taxonomy.h"

#include <gtest/gtest.h>

#include "errors.h"
#include "fixtures.h"

namespace copsearch {
namespace {

TEST(Taxonomy, RealFileDeclaresTheFourFacets) {
  const auto& t = testing::real_taxonomy();
  ASSERT_EQ(t.facets().size(), 4u);
  EXPECT_EQ(t.facets()[0].name, "audience");
  EXPECT_EQ(t.find("risk")->values.size(), 15u);
  EXPECT_EQ(t.find("age")->value_list(), "under-9, 9-12, 13-18, all-ages");
  EXPECT_FALSE(t.find("lang")->multi);
  EXPECT_TRUE(t.find("risk")->index_of("sextortion").has_value());
  EXPECT_FALSE(t.find("risk")->index_of("sextorsion").has_value());
}

class BadTaxonomy : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

TEST_P(BadTaxonomy, IsRejectedWithFileAndLine) {
  const auto& [yaml, message] = GetParam();
  try {
    Taxonomy::parse(yaml, "tax.yaml");
    FAIL() << "accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), message);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Rejections, BadTaxonomy,
    ::testing::Values(
        std::pair{"facets: [", "tax.yaml:1: malformed YAML: end of sequence flow not found"},
        std::pair{"things: []", "tax.yaml:1: expected a top-level 'facets' list"},
        std::pair{"facets:\n  - name: lang\n    values:\n      en: English\n      en: again\n",
                  "tax.yaml:5: duplicate value 'en' in facet 'lang'"},
        std::pair{"facets:\n  - name: lang\n    values:\n      Bad Value: x\n",
                  "tax.yaml:4: facet value 'Bad Value' must be lowercase letters, digits or '-'"},
        std::pair{"facets:\n  - name: audience\n    values:\n      a: A\n",
                  "tax.yaml:1: the taxonomy must declare the 'lang' facet"}));

}  // namespace
}  // namespace copsearch
