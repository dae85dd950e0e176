#include "snippet.h"

#include <algorithm>
#include <map>

#include "schema.h"

namespace copsearch {

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\n': case '\r': case '\t': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

// The first token of the window with the most distinct matched terms, then the most matches.
std::size_t best_window(const std::vector<std::pair<std::size_t, std::string>>& matches, std::size_t window,
                        std::size_t& distinct_out) {
  std::size_t best = 0, best_distinct = 0, best_total = 0;
  for (std::size_t i = 0; i < matches.size(); ++i) {
    std::set<std::string> seen;
    std::size_t total = 0;
    for (std::size_t k = i; k < matches.size() && matches[k].first < matches[i].first + window; ++k) seen.insert(matches[k].second), ++total;
    if (seen.size() > best_distinct || (seen.size() == best_distinct && total > best_total))
      best = matches[i].first, best_distinct = seen.size(), best_total = total;
  }
  distinct_out = best_distinct;
  return best;
}

// Writes tokens [first, last) of `text` with the matched ones marked, everything escaped.
std::string render(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& spans, std::size_t first,
                   std::size_t last, const std::vector<bool>& marked) {
  std::string out = first > 0 ? "… " : "";
  std::size_t cursor = first == 0 ? 0 : spans[first].first;  // keep leading punctuation
  for (std::size_t i = first; i < last; ++i) {
    out += html_escape(text.substr(cursor, spans[i].first - cursor));
    const auto word = html_escape(text.substr(spans[i].first, spans[i].second - spans[i].first));
    out += marked[i] ? "<mark>" + word + "</mark>" : word;
    cursor = spans[i].second;
  }
  // After the last token only punctuation remains, unless the spans fell short of the text.
  constexpr std::size_t kMaxTail = 40;
  std::string_view tail = text.substr(std::min(cursor, text.size()));
  if (last < spans.size() || tail.size() > kMaxTail) out += " …";
  else out += html_escape(tail);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string opening(std::string_view text) {
  std::size_t cut = std::min<std::size_t>(text.size(), 200);
  while (cut < text.size() && cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return html_escape(text.substr(0, cut));
}

}  // namespace

std::string make_snippet_at(std::string_view text, Lang lang, const std::vector<std::pair<std::size_t, std::string>>& matches,
                            Analyzer& analyzer, std::size_t window) {
  return make_snippet_at(text, matches, [&](std::size_t n) { return analyzer.spans(text, lang, n); }, window);
}

std::string make_snippet_at(std::string_view text, const std::vector<std::pair<std::size_t, std::string>>& matches,
                            const std::function<schema::Spans(std::size_t)>& spans_of, std::size_t window) {
  std::size_t distinct = 0;
  const std::size_t best = matches.empty() ? 0 : best_window(matches, window, distinct);
  const std::size_t first = best - (distinct ? std::min<std::size_t>(best, 4) : 0);
  // One token past the window tells whether the text goes on.
  auto spans = spans_of(first + window + 1);
  // Spans from the index are trusted only as far as they lie inside the text they describe.
  const auto inside = std::find_if(spans.begin(), spans.end(), [&](auto& s) { return s.first > s.second || s.second > text.size(); });
  spans.erase(inside, spans.end());
  if (spans.empty()) return opening(text);
  const std::size_t last = std::min(spans.size(), first + window);
  if (first >= last) return opening(text);
  std::vector<bool> marked(spans.size());
  for (const auto& m : matches)
    if (m.first < marked.size()) marked[m.first] = true;
  return render(text, spans, first, last, marked);
}

std::string make_snippet(std::string_view text, Lang lang, const std::set<std::string>& terms, Analyzer& analyzer,
                         std::size_t window) {
  // Find the matches by analysing the whole text, then render as the daemon does from positions.
  std::vector<std::pair<std::size_t, std::string>> matches;
  const auto toks = analyzer.tokens(text, lang);
  for (std::size_t i = 0; i < toks.size(); ++i)
    if (auto z = schema::stem_term(toks[i].stem); terms.count(z)) matches.emplace_back(i, std::move(z));
  return make_snippet_at(text, lang, matches, analyzer, window);
}

}  // namespace copsearch
