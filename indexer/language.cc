#include "language.h"

#include <algorithm>
#include <set>
#include <string>

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

namespace {

// Short, common lists; folded like the analyser folds (lower case, no accents).
const std::set<std::string>& stopwords(Lang lang) {
  static const std::set<std::string> en = {
      "a", "about", "after", "all", "am", "an", "and", "any", "are", "as", "at", "be", "been", "being", "but", "by",
      "can", "could", "did", "do", "does", "doing", "don't", "for", "from", "had", "has", "have", "having", "he",
      "he's", "her", "here", "hers", "him", "his", "how", "i", "i'm", "if", "in", "into", "is", "it", "it's", "its",
      "just", "me", "my", "of", "on", "or", "our", "she", "she's", "shes", "so", "some", "than",
      "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "too", "up", "us",
      "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "why", "will", "with", "would",
      "you", "your", "im", "hes", "should", "what's", "he'll", "she'll", "they'll", "we'll", "i'll", "you'll",
      "won't", "can't", "didn't", "isn't", "wasn't", "doesn't", "they're", "we're", "you're", "i've", "i'd", "cant",
      "wont", "dont"};
  static const std::set<std::string> fr = {
      "a", "au", "aux", "avec", "ce", "ces", "cet", "cette", "dans", "de", "des", "du", "elle", "en", "est", "et",
      "il", "ils", "je", "j'ai", "la", "le", "les", "leur", "lui", "ma", "mais", "me", "mes", "moi", "mon", "ne",
      "nous", "on", "ou", "par", "pas", "pour", "qu'il", "que", "qui", "sa", "se", "ses", "son", "sur", "ta", "te",
      "tes", "toi", "ton", "tu", "un", "une", "vous", "y", "c'est", "suis", "sont", "ete", "fait", "comment", "quoi"};
  static const std::set<std::string> es = {
      "a", "al", "como", "con", "de", "del", "el", "ella", "en", "es", "esta", "este", "esto", "la", "las", "le",
      "les", "lo", "los", "me", "mi", "mis", "mucho", "muy", "no", "nos", "o", "para", "pero", "por", "que", "se",
      "si", "sin", "su", "sus", "te", "tu", "un", "una", "uno", "y", "ya", "yo", "hay", "estoy", "son"};
  static const std::set<std::string> ru = {"и", "в", "во", "не", "что", "он", "на", "я", "с", "со", "как", "а", "то",
                                           "все", "она", "так", "его", "но", "да", "ты", "к", "у", "же", "вы", "за",
                                           "бы", "по", "только", "ее", "мне", "было", "вот", "от", "меня", "еще", "нет",
                                           "о", "из", "ему", "мой", "моя", "мои", "что", "делать", "это", "если", "ли"};
  static const std::set<std::string> ar = {"في", "من", "على", "الى", "عن", "ان", "او", "و", "ما", "لا", "هذا", "هذه",
                                           "هو", "هي", "كان", "مع", "قد", "كل", "انا", "لي", "ماذا", "كيف", "هل"};
  static const std::set<std::string> zh = {"的", "了", "是", "在", "我", "有", "和", "就", "不", "人", "都", "一",
                                           "也", "很", "到", "说", "要", "去", "你", "会", "着", "没有", "看", "好",
                                           "自己", "这", "他", "她", "吗", "呢", "吧", "啊", "怎么办", "怎么"};
  switch (lang) {
    case Lang::en: return en;
    case Lang::fr: return fr;
    case Lang::es: return es;
    case Lang::ru: return ru;
    case Lang::ar: return ar;
    case Lang::zh: return zh;
  }
  return en;
}

}  // namespace

bool is_stopword(Lang lang, const std::string& folded_word) { return stopwords(lang).count(folded_word) > 0; }

std::optional<Lang> guess_by_function_words(const std::vector<std::string>& words, const std::vector<Lang>& candidates) {
  std::optional<Lang> best;
  int best_n = 0;
  bool tie = false;
  for (Lang l : candidates) {
    const int n = static_cast<int>(std::count_if(words.begin(), words.end(), [&](const std::string& w) { return is_stopword(l, w); }));
    if (n > best_n) best = l, best_n = n, tie = false;
    else if (n == best_n && n > 0) tie = true;
  }
  return tie ? std::nullopt : best;
}

}  // namespace copsearch
