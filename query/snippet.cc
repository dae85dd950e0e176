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

std::string make_snippet(std::string_view text, Lang lang, const std::set<std::string>& terms, Analyzer& analyzer,
                         std::size_t window) {
  const auto toks = analyzer.tokens(text, lang);
  if (toks.empty()) {
    std::size_t cut = std::min<std::size_t>(text.size(), 200);
    while (cut < text.size() && cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return html_escape(text.substr(0, cut));
  }
  // The term each token matched, or "" for none.
  std::vector<std::string> hit(toks.size());
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (const auto z = schema::stem_term(toks[i].stem); terms.count(z)) hit[i] = z;
  }
  // The window with the most distinct matched terms, then the most matches; earliest wins ties.
  std::size_t best = 0, best_distinct = 0, best_total = 0;
  for (std::size_t s = 0; s < toks.size(); ++s) {
    if (hit[s].empty()) continue;
    std::map<std::string, int> seen;
    std::size_t total = 0;
    for (std::size_t i = s; i < std::min(toks.size(), s + window); ++i)
      if (!hit[i].empty()) ++seen[hit[i]], ++total;
    if (seen.size() > best_distinct || (seen.size() == best_distinct && total > best_total))
      best = s, best_distinct = seen.size(), best_total = total;
  }
  // Start a few words before the first match so it is read in context.
  const std::size_t lead = best_distinct ? std::min<std::size_t>(best, 4) : 0;
  const std::size_t first = best - lead;
  const std::size_t last = std::min(toks.size(), first + window);
  std::string out = first > 0 ? "… " : "";
  std::size_t cursor = first == 0 ? 0 : toks[first].begin;  // keep leading punctuation
  for (std::size_t i = first; i < last; ++i) {
    out += html_escape(text.substr(cursor, toks[i].begin - cursor));
    const auto word = html_escape(text.substr(toks[i].begin, toks[i].end - toks[i].begin));
    out += hit[i].empty() ? word : "<mark>" + word + "</mark>";
    cursor = toks[i].end;
  }
  if (last < toks.size()) out += " …";
  else out += html_escape(text.substr(cursor));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace copsearch
