// @brief The corpus languages, their stemmers, and how a query's script picks its analysis.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace copsearch {

enum class Lang { en, fr, es, ar, zh, ru };

inline constexpr Lang kAllLangs[] = {Lang::en, Lang::fr, Lang::es, Lang::ar, Lang::zh, Lang::ru};

std::optional<Lang> lang_from_code(std::string_view code);
std::string_view lang_code(Lang lang);
// Xapian::Stem name, or "" for a language analysed without stemming (Chinese).
std::string_view stemmer_name(Lang lang);

// The languages whose analysis a query without an explicit language gets, chosen by the
// script of its letters: Cyrillic -> ru, Arabic -> ar, Han -> zh, Latin -> en, fr, es.
std::vector<Lang> langs_for_text(std::string_view utf8);

// Function words of a language, in folded form ("a" for "à"): dropped from ranked queries, and
// counted to tell Latin-script languages apart.
bool is_stopword(Lang lang, const std::string& folded_word);

// Among `candidates`, the language whose function words the folded words use most, if one
// clearly does ("my son is ..." -> en; "ma fille a ..." -> fr).
std::optional<Lang> guess_by_function_words(const std::vector<std::string>& folded_words, const std::vector<Lang>& candidates);

}  // namespace copsearch
