#include "snippet.h"

#include <gtest/gtest.h>

namespace copsearch {
namespace {

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
