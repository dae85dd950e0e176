#include "snippet.h"

#include <gtest/gtest.h>

namespace copsearch {
namespace {

TEST(Snippet, StoredSpansGiveTheSameSnippetAsSegmentingAgain) {
  Analyzer a;
  const std::vector<std::pair<Lang, std::string>> texts = {
      {Lang::en, "Keep the evidence; don't pay. Report sextortion to the platform and the police."},
      {Lang::ru, "Сохраните доказательства и не платите шантажисту."},
      {Lang::ar, "لا تدفع المال واحتفظ بالأدلة."},
      {Lang::zh, "不要向勒索者付钱，保留证据并报告。"}};
  for (const auto& [lang, text] : texts) {
    schema::Spans indexed;
    for (const auto& t : a.tokens(text, lang)) indexed.emplace_back(t.begin, t.end);
    const std::string record = schema::encode_body_tokens(104, indexed);
    std::string_view packed;
    EXPECT_EQ(schema::body_start(record, packed), 104u);
    EXPECT_EQ(schema::decode_spans(packed, 1000), a.spans(text, lang, 1000)) << text;
    EXPECT_EQ(schema::decode_spans(packed, 2).size(), 2u);
    const std::vector<std::pair<std::size_t, std::string>> matches = {{1, "Zx"}, {3, "Zy"}};
    EXPECT_EQ(make_snippet_at(text, matches, [&](std::size_t n) { return schema::decode_spans(packed, n); }, 4),
              make_snippet_at(text, lang, matches, a, 4));
  }
  EXPECT_TRUE(schema::decode_spans(std::string("\x80\x80"), 10).empty()) << "a truncated varint ends the list";
  std::string_view rest;
  EXPECT_EQ(schema::body_start(std::string("\xff"), rest), 0u) << "a malformed record marks nothing";
}

TEST(Snippet, MarksTheDocumentsOwnWordsForStemMatches) {
  Analyzer a;
  const std::string s = make_snippet("Children who are Bullied online often hide it.", Lang::en, {"Zbulli"}, a);
  EXPECT_EQ(s, "Children who are <mark>Bullied</mark> online often hide it.");
}

TEST(Snippet, EscapesHtmlAroundTheMarks) {
  Analyzer a;
  const std::string s = make_snippet("<script>alert(1)</script> & grooming", Lang::en, {"Zgroom"}, a);
  EXPECT_EQ(s, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>grooming</mark>");
}

TEST(Snippet, PicksThePassageWithTheMostQueryWords) {
  Analyzer a;
  std::string text;
  for (int i = 0; i < 40; ++i) text += "filler ";
  text += "keep the evidence and report the sextortion to the police. ";
  for (int i = 0; i < 40; ++i) text += "padding ";
  const std::string s = make_snippet(text, Lang::en, {"Zevid", "Zsextort", "Zpolic"}, a, 20);
  EXPECT_NE(s.find("<mark>evidence</mark>"), std::string::npos) << s;
  EXPECT_NE(s.find("<mark>police</mark>"), std::string::npos) << s;
  EXPECT_EQ(s.rfind("… ", 0), 0u) << "a cut start is shown: " << s;
}

TEST(Snippet, MarksAccentedWordsMatchedWithoutAccents) {
  Analyzer a;
  const std::string s = make_snippet("Le harcèlement en ligne.", Lang::fr, {"Zharcel"}, a);
  EXPECT_EQ(s, "Le <mark>harcèlement</mark> en ligne.");
}

}  // namespace
}  // namespace copsearch
