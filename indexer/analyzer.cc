#include "analyzer.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>

#include <algorithm>
#include <stdexcept>

namespace copsearch {

namespace {

const icu::Normalizer2& normalizer(bool casefold) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = casefold ? icu::Normalizer2::getNFKCCasefoldInstance(err)
                                       : icu::Normalizer2::getNFDInstance(err);
  if (U_FAILURE(err)) throw std::runtime_error("ICU normaliser unavailable");
  return *n;
}

// Drops combining accents so "harcèlement" and "harcelement" meet; keeps the Cyrillic
// breve (й is a letter of its own) and drops only the diaeresis there (ё -> е).
icu::UnicodeString strip_marks(const icu::UnicodeString& decomposed) {
  icu::UnicodeString out;
  UScriptCode base = USCRIPT_COMMON;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (c == 0x0640) continue;  // Arabic tatweel only stretches a word
    if (u_charType(c) == U_NON_SPACING_MARK) {
      if (base == USCRIPT_CYRILLIC && c != 0x0308) out.append(c);
      continue;
    }
    UErrorCode err = U_ZERO_ERROR;
    base = uscript_getScript(c, &err);
    out.append(c == 0x2019 ? UChar32{'\''} : c);
  }
  return out;
}

// French elided articles and pronouns: "l'enfant" is indexed as "enfant".
std::string_view strip_elision(std::string_view w) {
  static constexpr std::string_view kElided[] = {"l", "d", "j", "m", "n", "s", "t", "c", "qu",
                                                 "jusqu", "lorsqu", "puisqu", "quoiqu"};
  const auto apos = w.find('\'');
  if (apos == std::string_view::npos) return w;
  for (auto e : kElided)
    if (w.substr(0, apos) == e) return w.substr(apos + 1);
  return w;
}

}  // namespace

Analyzer::Analyzer() {
  for (Lang l : kAllLangs)
    if (!stemmer_name(l).empty()) stemmers_[static_cast<int>(l)] = Xapian::Stem(std::string(stemmer_name(l)));
}

Analyzer::~Analyzer() = default;

icu::BreakIterator& Analyzer::breaker(Lang lang) {
  auto& b = breakers_[static_cast<int>(lang)];
  if (!b) {
    UErrorCode err = U_ZERO_ERROR;
    b.reset(icu::BreakIterator::createWordInstance(icu::Locale(std::string(lang_code(lang)).c_str()), err));
    if (U_FAILURE(err) || !b) throw std::runtime_error("ICU word break iterator unavailable");
  }
  return *b;
}

std::string Analyzer::fold(std::string_view word, Lang lang) const {
  std::string out;
  if (std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    // ASCII: case folding is lowering and there is nothing to decompose, so skip ICU (the
    // common case for English, and several times faster).
    out.reserve(word.size());
    for (char c : word) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  } else {
    out = fold_unicode(word);
  }
  std::string_view v = out;
  while (!v.empty() && v.front() == '\'') v.remove_prefix(1);
  while (!v.empty() && v.back() == '\'') v.remove_suffix(1);
  if (lang == Lang::fr) v = strip_elision(v);
  return std::string(v);
}

std::string Analyzer::fold_unicode(std::string_view word) const {
  UErrorCode err = U_ZERO_ERROR;
  const auto src = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  const auto folded = normalizer(true).normalize(src, err);
  const auto decomposed = normalizer(false).normalize(folded, err);
  if (U_FAILURE(err)) return {};
  // Recompose what stayed apart (the Cyrillic breve: и + ̆ -> й).
  const auto recomposed = icu::Normalizer2::getNFCInstance(err)->normalize(strip_marks(decomposed), err);
  if (U_FAILURE(err)) return {};
  std::string out;
  recomposed.toUTF8String(out);
  return out;
}

std::vector<std::pair<std::size_t, std::size_t>> Analyzer::spans(std::string_view text, Lang lang, std::size_t max) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  UErrorCode err = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &err);
  if (U_FAILURE(err)) throw std::runtime_error("ICU cannot read the text as UTF-8");
  auto& bi = breaker(lang);
  bi.setText(ut, err);
  int32_t start = bi.first();
  for (int32_t end = bi.next(); end != icu::BreakIterator::DONE && out.size() < max; start = end, end = bi.next()) {
    if (bi.getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
    // Words that fold to nothing (a lone apostrophe) are no tokens; rare, so only they are folded.
    const auto w = text.substr(start, end - start);
    if (w.find('\'') != std::string_view::npos || w.find("\xE2\x80\x99") != std::string_view::npos)
      if (fold(w, lang).empty()) continue;
    out.emplace_back(static_cast<std::size_t>(start), static_cast<std::size_t>(end));
  }
  UText* empty = utext_openUTF8(nullptr, "", 0, &err);
  bi.setText(empty, err);
  utext_close(ut);
  utext_close(empty);
  return out;
}

std::vector<Token> Analyzer::tokens(std::string_view text, Lang lang) {
  std::vector<Token> out;
  UErrorCode err = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &err);
  if (U_FAILURE(err)) throw std::runtime_error("ICU cannot read the text as UTF-8");
  auto& bi = breaker(lang);
  bi.setText(ut, err);
  const Xapian::Stem& stem = stemmers_[static_cast<int>(lang)];
  const bool stems = !stemmer_name(lang).empty();
  int32_t start = bi.first();
  for (int32_t end = bi.next(); end != icu::BreakIterator::DONE; start = end, end = bi.next()) {
    if (bi.getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;  // spaces and punctuation
    const auto b = static_cast<std::size_t>(start), e = static_cast<std::size_t>(end);
    std::string word = fold(text.substr(b, e - b), lang);
    if (word.empty()) continue;
    std::string st = stems ? stem(word) : word;
    out.push_back(Token{std::move(word), std::move(st), b, e});
  }
  // Detach before closing so the iterator never points at freed text.
  UText* empty = utext_openUTF8(nullptr, "", 0, &err);
  bi.setText(empty, err);
  utext_close(ut);
  utext_close(empty);
  return out;
}

}  // namespace copsearch
