#include "language.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace copsearch {

namespace {
struct LangInfo {
  Lang lang;
  std::string_view code;
  std::string_view stemmer;
};
constexpr LangInfo kInfo[] = {
    {Lang::en, "en", "english"}, {Lang::fr, "fr", "french"}, {Lang::es, "es", "spanish"},
    {Lang::ar, "ar", "arabic"},  {Lang::zh, "zh", ""},       {Lang::ru, "ru", "russian"},
};
}  // namespace

std::optional<Lang> lang_from_code(std::string_view code) {
  for (const auto& i : kInfo)
    if (i.code == code) return i.lang;
  return std::nullopt;
}

std::string_view lang_code(Lang lang) { return kInfo[static_cast<int>(lang)].code; }
std::string_view stemmer_name(Lang lang) { return kInfo[static_cast<int>(lang)].stemmer; }

std::vector<Lang> langs_for_text(std::string_view s) {
  int latin = 0, cyrillic = 0, arabic = 0, han = 0;
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0 || !u_isalpha(c)) continue;
    UErrorCode err = U_ZERO_ERROR;
    switch (uscript_getScript(c, &err)) {
      case USCRIPT_LATIN: ++latin; break;
      case USCRIPT_CYRILLIC: ++cyrillic; break;
      case USCRIPT_ARABIC: ++arabic; break;
      case USCRIPT_HAN: ++han; break;
      default: break;
    }
  }
  // Han counts double: one ideograph carries about as much as a short Latin word.
  const int best = std::max({latin, cyrillic, arabic, han * 2});
  if (best == 0 || best == latin) return {Lang::en, Lang::fr, Lang::es};
  if (best == cyrillic) return {Lang::ru};
  if (best == arabic) return {Lang::ar};
  return {Lang::zh};
}

}  // namespace copsearch
