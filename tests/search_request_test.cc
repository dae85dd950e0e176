#include "search_request.h"

#include <gtest/gtest.h>

#include "api_error.h"
#include "fixtures.h"
#include "url.h"

namespace copsearch {
namespace {

SearchRequest from_url(const std::string& target) {
  return parse_search_params(parse_target(target).params, testing::real_taxonomy());
}

TEST(SearchRequest, ReadsEveryParameter) {
  const auto r = from_url("/search?q=online+bullying%21&audience=children&audience=industry&risk=grooming,sexting"
                          "&lang=fr&limit=5&offset=10&match=all");
  EXPECT_EQ(r.q, "online bullying!");
  EXPECT_EQ(r.filters.at("audience"), (std::vector<std::string>{"children", "industry"}));
  EXPECT_EQ(r.filters.at("risk"), (std::vector<std::string>{"grooming", "sexting"}));
  EXPECT_EQ(r.limit, 5u);
  EXPECT_EQ(r.offset, 10u);
  EXPECT_TRUE(r.match_all);
  ASSERT_TRUE(r.lang.has_value());
  EXPECT_EQ(*r.lang, Lang::fr);
}

TEST(SearchRequest, JsonBodyMeansTheSameAsParameters) {
  const auto r = parse_search_json(R"({"q":"online bullying!","audience":["children","industry"],"risk":"grooming","limit":5})",
                                   testing::real_taxonomy());
  EXPECT_EQ(r.q, "online bullying!");
  EXPECT_EQ(r.filters.at("audience"), (std::vector<std::string>{"children", "industry"}));
  EXPECT_EQ(r.filters.at("risk"), std::vector<std::string>{"grooming"});
  EXPECT_EQ(r.limit, 5u);
}

struct Bad {
  std::string target;
  std::string code;
};
class RejectedRequest : public ::testing::TestWithParam<Bad> {};

TEST_P(RejectedRequest, Answers400WithACode) {
  try {
    from_url(GetParam().target);
    FAIL() << "accepted " << GetParam().target;
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), 400);
    EXPECT_EQ(e.code(), GetParam().code);
  }
}

INSTANTIATE_TEST_SUITE_P(Rejections, RejectedRequest,
                         ::testing::Values(Bad{"/search?qq=x", "unknown_parameter"},
                                           Bad{"/search?audience=kids", "unknown_facet_value"},
                                           Bad{"/search?limit=101", "invalid_limit"},
                                           Bad{"/search?limit=ten", "invalid_limit"},
                                           Bad{"/search?offset=-1", "invalid_offset"},
                                           Bad{"/search?match=some", "invalid_match"},
                                           Bad{"/search?q=a&q=b", "duplicate_parameter"},
                                           Bad{"/search?q=%C3%28", "invalid_utf8"},
                                           Bad{"/search?q=%zz", "bad_request"}));

TEST(SearchRequest, UnknownFacetValueMessageListsValidValuesButNotTheValue) {
  try {
    from_url("/search?risk=my-daughter-anna");
    FAIL();
  } catch (const ApiError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("grooming, sextortion"), std::string::npos) << m;
    EXPECT_EQ(m.find("anna"), std::string::npos) << m;
  }
}

TEST(SearchRequest, MalformedJsonIsRejected) {
  for (const char* body : {"{", "[1]", "{\"limit\": true}", "{\"nope\": 1}"}) {
    EXPECT_THROW(parse_search_json(body, testing::real_taxonomy()), ApiError) << body;
  }
}

}  // namespace
}  // namespace copsearch
