#include "readers.h"

#include <gtest/gtest.h>

#include "fixtures.h"

namespace copsearch {
namespace {

const char* kGood =
    "---\n"
    "id: parent-bullying-signs\n"
    "title: Signs of bullying\n"
    "audience: [parents-educators]\n"
    "risk: [cyberbullying]\n"
    "age: [9-12, 13-18]\n"
    "lang: en\n"
    "source: Guidelines for parents and educators (2020)\n"
    "---\n"
    "## Signs\n\nYour child seems *upset* after using the phone.\n";

ReadResult read_md(const std::string& text) {
  ReadResult r;
  read_markdown(text, "doc.md", testing::real_taxonomy(), r);
  return r;
}

TEST(MarkdownReader, ReadsFrontMatterAndPlainText) {
  const auto r = read_md(kGood);
  ASSERT_TRUE(r.errors.empty()) << r.errors.front();
  ASSERT_EQ(r.documents.size(), 1u);
  const Document& d = r.documents[0];
  EXPECT_EQ(d.id, "parent-bullying-signs");
  EXPECT_EQ(d.facets.at("age"), (std::vector<std::string>{"9-12", "13-18"}));
  EXPECT_EQ(d.facets.at("lang"), std::vector<std::string>{"en"});
  EXPECT_EQ(d.text, "Signs\nYour child seems upset after using the phone.\n");
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  s.replace(s.find(from), from.size(), to);
  return s;
}

class RejectedMarkdown : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

TEST_P(RejectedMarkdown, SaysFileLineAndReason) {
  const auto r = read_md(GetParam().first);
  EXPECT_TRUE(r.documents.empty());
  ASSERT_FALSE(r.errors.empty());
  EXPECT_EQ(r.errors.front(), GetParam().second);
}

INSTANTIATE_TEST_SUITE_P(
    Rejections, RejectedMarkdown,
    ::testing::Values(
        std::pair{replace(kGood, "risk: [cyberbullying]", "risk: [cyberbulling]"),
                  "doc.md:5: unknown risk 'cyberbulling'; valid values: cyberbullying, grooming, sextortion, csam, "
                  "sexting, privacy, harmful-content, extremism, screen-time, gaming, connected-toys, emerging-tech, "
                  "misinformation, scams, general"},
        std::pair{replace(kGood, "title: Signs of bullying\n", ""), "doc.md:1: missing required field 'title'"},
        std::pair{replace(kGood, "age: [9-12, 13-18]\n", ""), "doc.md:1: missing required field 'age'"},
        std::pair{replace(kGood, "lang: en", "lang: [en, fr]"), "doc.md:7: field 'lang' must be a single value, not a list"},
        std::pair{replace(kGood, "lang: en", "lang: de"),
                  "doc.md:7: unknown lang 'de'; valid values: en, fr, es, ar, zh, ru"},
        std::pair{replace(kGood, "source:", "sauce:"), "doc.md:8: unknown field 'sauce'"},
        std::pair{replace(kGood, "audience: [parents-educators]", "audience: [parents-educators"),
                  "doc.md:5: malformed front matter: end of sequence flow not found"},
        std::pair{replace(kGood, "id: parent-bullying-signs", "id: Parent Bullying"),
                  "doc.md:2: id must be 1-128 of a-z, 0-9, '.', '_' or '-', starting with a letter or digit"},
        std::pair{std::string("no front matter\n"), "doc.md:1: expected YAML front matter starting with a '---' line"},
        std::pair{std::string("---\nid: x\n"), "doc.md:1: front matter is not closed by a '---' line"},
        std::pair{replace(kGood, "## Signs\n\nYour child seems *upset* after using the phone.\n", "\n"),
                  "doc.md:1: body is empty"},
        std::pair{replace(kGood, "Your child", "Your \xC3\x28 child"), "doc.md:12: invalid UTF-8"}));

TEST(JsonlReader, ReadsOneDocumentPerLineAndReportsBadLines) {
  const std::string good =
      R"({"id":"a","title":"A","audience":["industry"],"risk":["csam"],"age":["all-ages"],"lang":"en","source":"s","body":"Hash matching finds known images."})";
  const std::string text = good + "\n\n" + "{not json}\n" + R"({"id":"b","title":"B","audience":["industry"],"risk":["csam"],"age":["all-ages"],"lang":"en","source":"s"})" + "\n" + "[1,2]\n";
  ReadResult r;
  read_jsonl(text, "docs.jsonl", testing::real_taxonomy(), r);
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].text, "Hash matching finds known images.\n");
  ASSERT_EQ(r.errors.size(), 3u);
  EXPECT_EQ(r.errors[0].rfind("docs.jsonl:3: malformed JSON at byte ", 0), 0u) << r.errors[0];
  EXPECT_EQ(r.errors[1], "docs.jsonl:4: missing required field 'body'");
  EXPECT_EQ(r.errors[2], "docs.jsonl:5: expected a JSON object");
}

// Documents from other systems may cite no source; the corpus's own always do (corpus_test).
TEST(JsonlReader, AcceptsADocumentWithoutSource) {
  const std::string line =
      R"({"id":"doc-000001","title":"T","audience":["children"],"risk":["privacy"],"age":["9-12"],"lang":"en","body":"Keep it private."})";
  ReadResult r;
  read_jsonl(line, "peers.jsonl", testing::real_taxonomy(), r);
  for (const auto& e : r.errors) ADD_FAILURE() << e;
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].source, "");
}

TEST(Collection, RejectsDuplicateIdsAndDanglingTranslations) {
  ReadResult r;
  read_markdown(kGood, "a.md", testing::real_taxonomy(), r);
  read_markdown(kGood, "b.md", testing::real_taxonomy(), r);
  read_markdown(replace(replace(kGood, "id: parent-bullying-signs", "id: x.fr\ntranslation_of: missing-doc"), "lang: en", "lang: fr"),
                "c.md", testing::real_taxonomy(), r);
  check_collection(r);
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0], "b.md:1: duplicate id 'parent-bullying-signs' (first at a.md:1)");
  EXPECT_EQ(r.errors[1], "c.md:1: translation_of names 'missing-doc', which is not in the corpus");
}

TEST(Collection, RejectsTwoTranslationsIntoOneLanguageAndLinksTheRest) {
  ReadResult r;
  read_markdown(kGood, "en.md", testing::real_taxonomy(), r);
  const auto french = [&](const std::string& id) {
    return replace(replace(kGood, "id: parent-bullying-signs", "id: " + id + "\ntranslation_of: parent-bullying-signs"),
                   "lang: en", "lang: fr");
  };
  read_markdown(french("a.fr"), "a.md", testing::real_taxonomy(), r);
  read_markdown(french("b.fr"), "b.md", testing::real_taxonomy(), r);
  check_collection(r);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], "b.md:1: a second fr translation of 'parent-bullying-signs' (first at a.md:1)");
  r.documents.pop_back();
  const auto links = translation_links(r.documents);
  EXPECT_EQ(links.at("parent-bullying-signs"), (std::map<std::string, std::string>{{"fr", "a.fr"}}));
  EXPECT_EQ(links.at("a.fr"), (std::map<std::string, std::string>{{"en", "parent-bullying-signs"}}));
}

}  // namespace
}  // namespace copsearch
