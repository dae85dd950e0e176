#include "query_parser.h"

#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>

#include "schema.h"

namespace copsearch {

namespace {

enum class Tok { word, phrase, plus, minus, lparen, rparen, op_and, op_or, op_not, end };

struct Token {
  Tok kind;
  std::string_view text;
  std::size_t at;  // byte offset in the query
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::size_t char_number(std::string_view s, std::size_t byte) {
  std::size_t n = 1;
  for (std::size_t i = 0; i < byte && i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  return n;
}

std::vector<Token> lex(std::string_view q) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < q.size()) {
    const char c = q[i];
    if (is_space(c)) { ++i; continue; }
    if (c == '(') { out.push_back({Tok::lparen, q.substr(i, 1), i}); ++i; continue; }
    if (c == ')') { out.push_back({Tok::rparen, q.substr(i, 1), i}); ++i; continue; }
    if (c == '"') {
      const auto close = q.find('"', i + 1);
      if (close == std::string_view::npos)
        throw QuerySyntaxError("unclosed quotation mark at character " + std::to_string(char_number(q, i)));
      out.push_back({Tok::phrase, q.substr(i + 1, close - i - 1), i});
      i = close + 1;
      continue;
    }
    // + or - directly before a term marks it required or excluded.
    if ((c == '+' || c == '-') && i + 1 < q.size() && !is_space(q[i + 1]) && q[i + 1] != ')') {
      out.push_back({c == '+' ? Tok::plus : Tok::minus, q.substr(i, 1), i});
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < q.size() && !is_space(q[j]) && q[j] != '(' && q[j] != ')' && q[j] != '"') ++j;
    const auto w = q.substr(i, j - i);
    const Tok kind = w == "AND" ? Tok::op_and : w == "OR" ? Tok::op_or : w == "NOT" ? Tok::op_not : Tok::word;
    out.push_back({kind, w, i});
    i = j;
  }
  out.push_back({Tok::end, {}, q.size()});
  return out;
}

bool all_han(std::string_view s) {
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  bool any = false;
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    UErrorCode err = U_ZERO_ERROR;
    if (uscript_getScript(c, &err) != USCRIPT_HAN) return false;
    any = true;
  }
  return any;
}

// Combines non-empty queries; an empty Xapian::Query stands for "no searchable words".
Xapian::Query combine(Xapian::Query::op op, std::vector<Xapian::Query> qs) {
  qs.erase(std::remove_if(qs.begin(), qs.end(), [](const Xapian::Query& q) { return q.empty(); }), qs.end());
  if (qs.empty()) return Xapian::Query();
  if (qs.size() == 1) return qs.front();
  return Xapian::Query(op, qs.begin(), qs.end());
}

class Parser {
 public:
  Parser(std::string_view text, const QueryOptions& options, Analyzer& analyzer, ParseInfo* info)
      : text_(text), toks_(lex(text)), opt_(options), analyzer_(analyzer), info_(info) {
    // The word being typed: the last token, when nothing follows it.
    if (opt_.prefix_last && toks_.size() >= 2) {
      const Token& last = toks_[toks_.size() - 2];
      if (last.kind == Tok::word && last.at + last.text.size() == text.size()) typing_ = &last;
    }
  }

  Xapian::Query parse() {
    Xapian::Query q = parse_or();
    if (peek().kind != Tok::end) fail(peek().kind == Tok::rparen ? "unmatched ')'" : "unexpected operator", peek());
    return q;
  }

 private:
  const Token& peek() const { return toks_[pos_]; }
  const Token& next() { return toks_[pos_++]; }
  [[noreturn]] void fail(const std::string& what, const Token& at) const {
    throw QuerySyntaxError(what + " at character " + std::to_string(char_number(text_, at.at)));
  }

  Xapian::Query parse_or() {
    std::vector<Xapian::Query> parts{parse_and()};
    while (peek().kind == Tok::op_or) {
      next();
      parts.push_back(parse_and());
    }
    return combine(Xapian::Query::OP_OR, parts);
  }

  Xapian::Query parse_and() {
    Xapian::Query left = parse_seq();
    while (peek().kind == Tok::op_and || peek().kind == Tok::op_not) {
      const bool is_not = next().kind == Tok::op_not;
      Xapian::Query right = parse_seq();
      if (is_not) {
        if (!left.empty() && !right.empty()) left = Xapian::Query(Xapian::Query::OP_AND_NOT, left, right);
      } else {
        left = (left.empty() || right.empty()) ? Xapian::Query() : Xapian::Query(Xapian::Query::OP_AND, left, right);
      }
    }
    return left;
  }

  // A function word in every language the query is analysed in.
  bool is_stop(std::string_view w) {
    for (Lang lang : opt_.langs) {
      const auto toks = analyzer_.tokens(w, lang);
      if (toks.size() != 1 || !is_stopword(lang, toks.front().word)) return false;
    }
    return !opt_.langs.empty();
  }

  static bool starts_item(Tok t) {
    return t == Tok::word || t == Tok::phrase || t == Tok::lparen || t == Tok::plus || t == Tok::minus;
  }

  // A run of items joined by the default operator, with +required and -excluded items.
  Xapian::Query parse_seq() {
    if (!starts_item(peek().kind)) {
      if (peek().kind == Tok::end) fail("expected a search term", peek());
      fail(peek().kind == Tok::rparen ? "unmatched ')'" : "an operator needs a search term before it", peek());
    }
    std::vector<Xapian::Query> required, optional, excluded, stops;
    while (starts_item(peek().kind)) {
      Tok mark = Tok::word;
      if (peek().kind == Tok::plus || peek().kind == Tok::minus) mark = next().kind;
      const Token& item = peek();
      Xapian::Query q = parse_primary();
      if (mark == Tok::minus) excluded.push_back(q);
      else if (mark == Tok::word && item.kind == Tok::word && &item != typing_ && is_stop(item.text)) stops.push_back(q);
      else if (mark == Tok::plus || opt_.match_all) required.push_back(q);
      else optional.push_back(q);
    }
    // Function words ("my", "is", "the") only count when nothing else was typed.
    if (required.empty() && optional.empty()) (opt_.match_all ? required : optional) = std::move(stops);
    Xapian::Query base = combine(Xapian::Query::OP_AND, required);
    const Xapian::Query maybe = combine(Xapian::Query::OP_OR, optional);
    if (base.empty()) base = maybe;
    else if (!maybe.empty()) base = Xapian::Query(Xapian::Query::OP_AND_MAYBE, base, maybe);
    const Xapian::Query minus = combine(Xapian::Query::OP_OR, excluded);
    if (minus.empty()) return base;
    if (base.empty() && required.empty() && optional.empty()) base = Xapian::Query::MatchAll;
    return base.empty() ? base : Xapian::Query(Xapian::Query::OP_AND_NOT, base, minus);
  }

  Xapian::Query parse_primary() {
    const Token& t = next();
    switch (t.kind) {
      case Tok::lparen: {
        if (peek().kind == Tok::rparen) fail("empty parentheses", t);
        // Recursion depth follows nesting: a bound keeps a hostile query from exhausting the stack.
        if (++depth_ > kMaxDepth) fail("parentheses nested deeper than " + std::to_string(kMaxDepth), t);
        Xapian::Query q = parse_or();
        --depth_;
        if (peek().kind != Tok::rparen) fail("unclosed '('", t);
        next();
        return q;
      }
      case Tok::phrase: return phrase(t.text);
      case Tok::word: return &t == typing_ ? prefix(t.text) : word(t.text);
      default: fail("expected a search term", t);
    }
  }

  // One typed word. Several tokens from one word ("e-mail", "9-12") must stay together,
  // except Chinese, written without spaces, where each segmented word counts on its own.
  Xapian::Query word(std::string_view w) {
    std::vector<Xapian::Query> per_lang;
    std::vector<std::string> stems;
    for (Lang lang : opt_.langs) {
      const auto toks = analyzer_.tokens(w, lang);
      if (toks.size() == 1) {
        const std::string term = schema::stem_term(toks.front().stem);
        if (std::find(stems.begin(), stems.end(), term) == stems.end()) stems.push_back(term);
      } else if (toks.size() > 1) {
        std::vector<std::string> parts;
        for (const auto& tok : toks) parts.push_back(tok.stem);
        const bool han = std::all_of(toks.begin(), toks.end(), [&](const copsearch::Token& tok) {
          return all_han(w.substr(tok.begin, tok.end - tok.begin));
        });
        if (han) {
          std::vector<Xapian::Query> each;
          for (const auto& s : parts) each.emplace_back(schema::stem_term(s));
          per_lang.push_back(combine(opt_.match_all ? Xapian::Query::OP_AND : Xapian::Query::OP_OR, each));
        } else {
          per_lang.push_back(sequence(parts));
        }
      }
    }
    // One word, stemmed differently per language: one term for ranking (OP_SYNONYM).
    if (!stems.empty()) {
      Xapian::Query exact = synonyms(stems);
      if (const auto fixed = corrected(w); !fixed.empty())
        exact = Xapian::Query(Xapian::Query::OP_OR, exact, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, fixed, kCorrectionWeight));
      per_lang.push_back(exact);
    }
    return combine(Xapian::Query::OP_OR, per_lang);
  }

  // Stems in sequence, as a phrase matches them. The index has a pair term for each two adjacent
  // common stems: a two-word phrase of them needs no positions, and a longer phrase checks
  // positions only in documents holding all its pairs. Weights still come from the words, so
  // the ranking is the phrase's.
  Xapian::Query sequence(const std::vector<std::string>& stems) const {
    std::vector<Xapian::Query> words, pairs;
    for (const auto& s : stems) words.emplace_back(schema::stem_term(s));
    const Xapian::Query phrase(Xapian::Query::OP_PHRASE, words.begin(), words.end(), words.size());
    const auto* common = opt_.pair_stems;
    for (std::size_t i = 0; common && i + 1 < stems.size(); ++i)
      if (common->count(stems[i]) && common->count(stems[i + 1]))
        if (std::string pair = schema::pair_term(stems[i], stems[i + 1]); !pair.empty()) pairs.emplace_back(std::move(pair));
    if (pairs.empty()) return phrase;
    const Xapian::Query all_pairs(Xapian::Query::OP_AND, pairs.begin(), pairs.end());
    const bool exact = stems.size() == 2;  // the one pair is the whole phrase
    return Xapian::Query(Xapian::Query::OP_FILTER, exact ? Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()) : phrase,
                         all_pairs);
  }

  static Xapian::Query synonyms(const std::vector<std::string>& terms) {
    return terms.size() == 1 ? Xapian::Query(terms.front()) : Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
  }

  // The stem terms of the corrections the typo hook offers for a one-token word.
  Xapian::Query corrected(std::string_view w) {
    if (!opt_.correct || opt_.langs.empty()) return {};
    const auto toks = analyzer_.tokens(w, opt_.langs.front());
    if (toks.size() != 1) return {};
    std::vector<std::string> terms;
    for (const auto& fix : opt_.correct(w, toks.front().word)) {
      if (info_) info_->corrections.emplace_back(std::string(w), fix);
      for (Lang lang : opt_.langs)
        for (const auto& t : analyzer_.tokens(fix, lang))
          if (std::find(terms.begin(), terms.end(), schema::stem_term(t.stem)) == terms.end()) terms.push_back(schema::stem_term(t.stem));
    }
    return terms.empty() ? Xapian::Query() : synonyms(terms);
  }

  // The word being typed: its own stems plus every indexed word it begins. A word that begins
  // nothing indexed is likely finished and misspelt ("bulying"), so it gets typo correction.
  Xapian::Query prefix(std::string_view w) {
    std::vector<std::string> terms;
    bool completes = false;
    for (Lang lang : opt_.langs) {
      const auto toks = analyzer_.tokens(w, lang);
      if (toks.size() != 1) return word(w);
      const std::string z = schema::stem_term(toks.front().stem);
      if (std::find(terms.begin(), terms.end(), z) == terms.end()) terms.push_back(z);
      if (lang == opt_.langs.front() && opt_.complete)
        for (auto& full : opt_.complete(toks.front().word)) {
          completes = true;
          if (std::find(terms.begin(), terms.end(), full) == terms.end()) terms.push_back(std::move(full));
        }
    }
    if (!completes) return word(w);
    return terms.empty() ? Xapian::Query() : synonyms(terms);
  }

  Xapian::Query phrase(std::string_view p) {
    std::vector<std::vector<std::string>> seen;
    std::vector<Xapian::Query> alternatives;
    for (Lang lang : opt_.langs) {
      std::vector<std::string> stems;
      for (const auto& tok : analyzer_.tokens(p, lang)) stems.push_back(tok.stem);
      if (stems.empty() || std::find(seen.begin(), seen.end(), stems) != seen.end()) continue;
      seen.push_back(stems);
      alternatives.push_back(stems.size() == 1 ? Xapian::Query(schema::stem_term(stems.front())) : sequence(stems));
    }
    return combine(Xapian::Query::OP_OR, alternatives);
  }

  static constexpr int kMaxDepth = 32;

  std::string_view text_;
  std::vector<Token> toks_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  const QueryOptions& opt_;
  Analyzer& analyzer_;
  ParseInfo* info_;
  const Token* typing_ = nullptr;
};

}  // namespace

Xapian::Query parse_query(std::string_view text, const QueryOptions& options, Analyzer& analyzer, ParseInfo* info) {
  if (std::all_of(text.begin(), text.end(), is_space)) return Xapian::Query::MatchAll;
  return Parser(text, options, analyzer, info).parse();
}

}  // namespace copsearch
