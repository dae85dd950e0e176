#include "relevance.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "errors.h"
#include "url.h"

namespace copsearch {

namespace {

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

bool satisfies(const Hit& h, const Expectation& e) {
  if (!e.id.empty()) return h.doc.id == e.id;
  return std::all_of(e.facets.begin(), e.facets.end(), [&](const auto& fv) {
    auto it = h.doc.facets.find(fv.first);
    return it != h.doc.facets.end() && std::find(it->second.begin(), it->second.end(), fv.second) != it->second.end();
  });
}

}  // namespace

std::vector<Judgement> load_judgements(const std::string& path, const Taxonomy& taxonomy) {
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot read the judged queries");
  std::vector<Judgement> out;
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (trim(line).empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::istringstream fields(line);
    for (std::string c; std::getline(fields, c, '\t');) cols.push_back(c);
    if (cols.size() != 4) throw InputError(at(path, line_no, "expected 4 tab-separated columns: who, query, params, expect"));
    Judgement j{trim(cols[0]), trim(cols[1]), trim(cols[2]) == "-" ? "" : trim(cols[2]), {}, at(path, line_no, "")};
    j.origin.resize(j.origin.size() - 2);
    std::string rest = cols[3];
    for (std::size_t bar; !rest.empty(); rest = bar == std::string::npos ? "" : rest.substr(bar + 1)) {
      bar = rest.find('|');
      const std::string alt = trim(rest.substr(0, bar));
      Expectation e;
      std::istringstream parts(alt);
      for (std::string kv; std::getline(parts, kv, '&');) {
        const auto eq = kv.find('=');
        const std::string key = trim(kv.substr(0, eq)), value = eq == std::string::npos ? "" : trim(kv.substr(eq + 1));
        if (key == "id") e.id = value;
        else if (const Facet* f = taxonomy.find(key); f && f->index_of(value)) e.facets[key] = value;
        else throw InputError(at(path, line_no, "bad expectation '" + kv + "'"));
      }
      j.expect.push_back(std::move(e));
    }
    if (j.query.empty() || j.expect.empty()) throw InputError(at(path, line_no, "empty query or expectation"));
    out.push_back(std::move(j));
  }
  return out;
}

RelevanceReport evaluate(Searcher& searcher, const Taxonomy& taxonomy, const std::vector<Judgement>& judgements,
                         Pipeline pipeline) {
  RelevanceReport report;
  int successes = 0;
  double rr = 0;
  for (const auto& j : judgements) {
    SearchRequest r = parse_search_params(parse_target("/search?" + j.params).params, taxonomy);
    r.q = j.query;
    r.limit = 10;
    if (pipeline == Pipeline::plain_bm25) {
      r.expand = false;
      r.prefer.clear();
    }
    const SearchResult result = searcher.search(r);
    // What the user sees, in order: the urgent block's guidance first, then the ranked hits.
    std::vector<Hit> seen;
    if (result.urgent)
      for (const auto& d : result.urgent->documents) seen.push_back(Hit{d, 0, "", {}, std::nullopt});
    seen.insert(seen.end(), result.hits.begin(), result.hits.end());
    QueryOutcome o{&j, 0, {}};
    for (std::size_t i = 0; i < seen.size() && i < 10; ++i) {
      if (i < 3) o.top3.push_back(seen[i].doc.id);
      if (!o.rank && std::any_of(j.expect.begin(), j.expect.end(), [&](auto& e) { return satisfies(seen[i], e); }))
        o.rank = static_cast<int>(i) + 1;
    }
    const bool ok = o.rank >= 1 && o.rank <= 3;
    successes += ok;
    rr += o.rank ? 1.0 / o.rank : 0.0;
    auto& w = report.by_who[j.who];
    w.first += ok;
    ++w.second;
    report.outcomes.push_back(std::move(o));
  }
  if (!judgements.empty()) {
    report.success_at_3 = static_cast<double>(successes) / judgements.size();
    report.mrr = rr / judgements.size();
  }
  return report;
}

}  // namespace copsearch
