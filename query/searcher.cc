#include "searcher.h"

#include <sys/stat.h>

#include <algorithm>

#include "query_parser.h"
#include "schema.h"
#include "snippet.h"

namespace copsearch {

namespace {

std::pair<ino_t, long> stub_identity(const std::string& dir) {
  struct stat st {};
  if (::stat((dir + "/XAPIANDB").c_str(), &st) != 0) return {0, 0};
  return {st.st_ino, st.st_mtim.tv_sec * 1000000000L + st.st_mtim.tv_nsec};
}

Xapian::Query any_value(const std::string& facet, const std::vector<std::string>& values) {
  std::vector<Xapian::Query> any;
  for (const auto& v : values) any.emplace_back(schema::facet_term(facet, v));
  return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
}

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// CSAM, NCII, CSEA: typed in capitals, never corrected.
bool is_acronym(std::string_view raw) {
  return raw.size() >= 2 && std::all_of(raw.begin(), raw.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

// The words a lexicon may expand: quoted phrases stay exact and excluded words stay out.
std::string expandable_words(std::string_view q) {
  std::string out;
  bool quoted = false, excluded = false;
  for (std::size_t i = 0; i < q.size(); ++i) {
    const char c = q[i];
    const bool starts_word = i == 0 || q[i - 1] == ' ' || q[i - 1] == '(';
    if (c == '"') quoted = !quoted;
    else if (c == ' ') excluded = false;
    else if (c == '-' && starts_word) excluded = true;
    out += quoted || excluded || c == '"' ? ' ' : c;
  }
  return out;
}

// Only stem terms make good "more like this" queries.
struct StemTermsOnly : Xapian::ExpandDecider {
  bool operator()(const std::string& term) const override { return term.rfind(schema::kStemPrefix, 0) == 0; }
};

}  // namespace

struct Searcher::Plan {
  struct Boost {
    std::string facet;
    std::vector<std::string> values;
    double fraction;  // of the best unboosted score
    std::string label;
    std::vector<std::uint64_t> bits = {};  // facet-mask bits of each value, filled by plan()
  };
  std::vector<Lang> langs;
  Xapian::Query text;    // what must match (expansions included); no filters, no boosts
  std::vector<FacetGroup> groups;  // the facet selections, as facet-mask bits
  Xapian::Query filter;            // the same as filter terms; empty for none
  std::vector<Boost> boost_specs;
  ParseInfo parse;
  std::vector<Expansion> expanded;
  std::set<std::string> urgent_risks;
};

Searcher::Searcher(std::string index_path, const Taxonomy& taxonomy) : path_(std::move(index_path)), taxonomy_(taxonomy) {
  open();
}

void Searcher::open() {
  stub_id_ = stub_identity(path_);
  db_ = Xapian::Database(path_);
  masks_.load(db_, taxonomy_);
  suggestions_.clear();
  pair_stems_ = schema::decode_pair_stems(db_.get_metadata(std::string(schema::kPairStemsKey)));
  index_langs_.clear();
  for (Lang l : kAllLangs)
    if (db_.get_termfreq(schema::facet_term("lang", lang_code(l)))) index_langs_.insert(l);
  const std::string lexicon_text = db_.get_metadata(std::string(schema::kLexiconKey));
  matcher_.reset();
  lexicon_.reset();
  if (!lexicon_text.empty()) {
    std::vector<std::string> ignored;  // the indexer refused to store a lexicon with errors
    lexicon_ = std::make_unique<Lexicon>(Lexicon::parse(lexicon_text, "index lexicon", taxonomy_, ignored));
    matcher_ = std::make_unique<LexiconMatcher>(*lexicon_, analyzer_);
  }
}

// A cheap check per request: a new stub means a rebuilt index, a new revision an update.
void Searcher::refresh() {
  if (stub_identity(path_) != stub_id_) open();
  else if (db_.reopen()) {
    masks_.load(db_, taxonomy_);
    suggestions_.clear();
  }
}

template <class F>
auto Searcher::with_retry(F&& f) {
  refresh();
  try {
    return f();
  } catch (const Xapian::DatabaseModifiedError&) {
    open();  // the index moved on under this revision: read the new one, once
    return f();
  }
}

SearchResult Searcher::search(const SearchRequest& request) {
  return with_retry([&] { return run(request); });
}

// A typed word the index lacks, or has far less than a near neighbour, is matched through its
// correction: one edit for 4-7 letters, two for 8 or more, none for shorter words, acronyms
// or function words ("he'll" is not "we'll").
std::vector<std::string> Searcher::corrections(std::string_view raw, const std::string& folded, const std::vector<Lang>& langs) {
  const std::size_t len = code_points(folded);
  if (len < 4 || is_acronym(raw)) return {};
  if (std::any_of(langs.begin(), langs.end(), [&](Lang l) { return is_stopword(l, folded); })) return {};
  auto freq_of = [&](const std::string& word) {  // documents using the word's stem
    const auto toks = analyzer_.tokens(word, langs.front());
    return toks.size() == 1 ? db_.get_termfreq(schema::stem_term(toks.front().stem)) : Xapian::doccount{0};
  };
  const Xapian::doccount freq = freq_of(folded);
  if (freq > 3) return {};
  const std::string key = schema::spelling_key(folded);
  const std::string found = suggestion(key, len >= 8 ? 2 : 1);
  // Keys suggest keys of the same script block; plain words suggest plain words.
  if (found.empty() || (found[0] == '\x01') != (key[0] == '\x01') || (key[0] == '\x01' && found[1] != key[1])) return {};
  const std::string fix = schema::word_from_spelling_key(found);
  if (fix.empty() || fix == folded) return {};
  if (freq > 0 && freq_of(fix) < 20 * freq) return {};
  return {fix};
}

// As-you-type sends every earlier word again with each keystroke, and callers' words recur, so
// Xapian's suggestions (the costliest step of planning) are kept until the index changes.
std::string Searcher::suggestion(const std::string& key, unsigned edits) {
  constexpr std::size_t kMaxRemembered = 20000;
  const std::string slot = key + '\0' + static_cast<char>('0' + edits);
  if (const auto it = suggestions_.find(slot); it != suggestions_.end()) return it->second;
  if (suggestions_.size() >= kMaxRemembered) suggestions_.clear();
  return suggestions_[slot] = db_.get_spelling_suggestion(key, edits);
}

// The most frequent indexed stems beginning with the folded prefix (two letters at least). A
// prefix that runs past its word's stem ("harassm" of harassment, stem "harass") begins no stem:
// it is completed through the indexed words instead, then stemmed.
std::vector<std::string> Searcher::completions(const std::string& prefix, Lang lang) {
  constexpr std::size_t kMaxScan = 5000, kKeep = 12;
  if (code_points(prefix) < 2) return {};
  const std::string z = schema::stem_term(prefix);
  std::vector<std::pair<Xapian::doccount, std::string>> found;
  std::size_t scanned = 0;
  for (auto t = db_.allterms_begin(z); t != db_.allterms_end(z) && scanned < kMaxScan; ++t, ++scanned)
    found.emplace_back(t.get_termfreq(), *t);
  if (found.empty()) {
    const std::string key = schema::spelling_key(prefix);
    std::map<std::string, Xapian::doccount> stems;
    auto w = db_.spellings_begin();
    w.skip_to(key);
    for (; w != db_.spellings_end() && scanned < kMaxScan && (*w).compare(0, key.size(), key) == 0; ++w, ++scanned) {
      const auto toks = analyzer_.tokens(schema::word_from_spelling_key(*w), lang);
      if (toks.size() != 1) continue;
      auto& freq = stems[schema::stem_term(toks.front().stem)];
      freq = std::max(freq, w.get_termfreq());
    }
    for (auto& [stem, freq] : stems) found.emplace_back(freq, stem);
  }
  const std::size_t keep = std::min(kKeep, found.size());
  std::partial_sort(found.begin(), found.begin() + keep, found.end(), [](auto& a, auto& b) { return a.first > b.first; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < keep; ++i) out.push_back(std::move(found[i].second));
  return out;
}

Searcher::Plan Searcher::plan(const SearchRequest& r) {
  Plan p;
  if (r.lang) {
    p.langs = {*r.lang};
  } else {
    for (Lang l : langs_for_text(r.q))
      if (index_langs_.count(l)) p.langs.push_back(l);
    if (p.langs.empty()) p.langs = langs_for_text(r.q);
    if (p.langs.size() > 1) {
      // Latin script: the function words typed pick the language, when they clearly do.
      std::vector<std::string> words;
      for (const auto& t : analyzer_.tokens(r.q, p.langs.front())) words.push_back(t.word);
      if (const auto guessed = guess_by_function_words(words, p.langs)) p.langs = {*guessed};
    }
  }
  std::set<std::string> signalled, callers;
  std::vector<Xapian::Query> added;
  if (r.expand && matcher_) {
    const std::string words = expandable_words(r.q);
    for (Lang lang : p.langs) {
      const auto tokens = analyzer_.tokens(words, lang);
      for (const auto& m : matcher_->find(tokens, lang)) {
        if (!m.entry->caller.empty()) {
          callers.insert(m.entry->caller);
          continue;
        }
        if (std::any_of(p.expanded.begin(), p.expanded.end(), [&](auto& e) { return e.from == m.entry->say; })) continue;
        p.expanded.push_back({m.entry->say, m.entry->means});
        if (!m.expansion.empty()) added.push_back(m.expansion);
        signalled.insert(m.entry->risk.begin(), m.entry->risk.end());
        if (m.entry->urgent) p.urgent_risks.insert(m.entry->risk.begin(), m.entry->risk.end());
      }
    }
  }

  QueryOptions qo;
  qo.langs = p.langs;
  qo.match_all = r.match_all;
  qo.prefix_last = r.prefix;
  qo.pair_stems = &pair_stems_;
  if (r.expand)
    qo.correct = [&](std::string_view raw, const std::string& folded) { return corrections(raw, folded, p.langs); };
  if (r.prefix) qo.complete = [this, &p](const std::string& prefix) { return completions(prefix, p.langs.front()); };
  p.text = parse_query(r.q, qo, analyzer_, &p.parse);
  // Additions widen recall at half weight, so documents with the words typed rank first.
  if (!added.empty() && !r.match_all && !p.text.empty() && p.text.get_type() != Xapian::Query::LEAF_MATCH_ALL)
    p.text = Xapian::Query(Xapian::Query::OP_OR, p.text,
                           Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                         Xapian::Query(Xapian::Query::OP_OR, added.begin(), added.end()), kExpansionWeight));

  // Documents in the language(s) the query is written in, over others that share a few words.
  if (r.expand && !r.q.empty() && !r.filters.count("lang") && !r.prefer.count("lang")) {
    std::vector<std::string> codes;
    for (Lang l : p.langs) codes.emplace_back(lang_code(l));
    p.boost_specs.push_back({"lang", codes, kLangBoost, "query language"});
  }
  for (const auto& [facet, values] : r.prefer)
    p.boost_specs.push_back({facet, values, facet == "audience" ? kPreferAudienceBoost : kPreferOtherBoost, "prefer"});
  if (!callers.empty() && !r.prefer.count("audience"))
    p.boost_specs.push_back({"audience", std::vector<std::string>(callers.begin(), callers.end()), kCallerBoost, "caller words"});
  if (!signalled.empty())
    p.boost_specs.push_back({"risk", std::vector<std::string>(signalled.begin(), signalled.end()), kRiskBoost, "lexicon"});

  for (auto& b : p.boost_specs)
    for (const auto& v : b.values) b.bits.push_back(masks_.value_bits(facet_index(b.facet), {v}, taxonomy_));

  std::vector<Xapian::Query> filters;
  for (const auto& [facet, values] : r.filters) {
    filters.push_back(any_value(facet, values));
    const int index = facet_index(facet);
    p.groups.push_back({masks_.facet_bits(index), masks_.value_bits(index, values, taxonomy_)});
  }
  if (!filters.empty()) p.filter = Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
  return p;
}

int Searcher::facet_index(const std::string& name) const {
  const auto& fs = taxonomy_.facets();
  return static_cast<int>(std::find_if(fs.begin(), fs.end(), [&](auto& f) { return f.name == name; }) - fs.begin());
}

// The boosts a document earns, from its facet mask: each a fraction of the best score, once per
// boost however many of its values the document carries.
std::vector<TermWeight> Searcher::boosts_for(const Plan& p, Xapian::docid did, double best) const {
  std::vector<TermWeight> out;
  const std::uint64_t mask = masks_[did];
  for (const auto& b : p.boost_specs) {
    for (std::size_t i = 0; i < b.values.size(); ++i) {
      if (!(mask & b.bits[i])) continue;
      out.push_back({b.label + " " + b.facet + "=" + b.values[i], b.fraction * best});
      break;
    }
  }
  return out;
}

// For each document of a page, the query's stem terms it contains: one walk along each term's
// posting list, skipping to the page's documents in docid order. Cheaper than a position lookup
// per term and document, or than reading each document's termlist.
std::map<Xapian::docid, std::vector<std::string>> Searcher::stems_in(const Xapian::Query& q,
                                                                    std::vector<Xapian::docid> docs) const {
  std::sort(docs.begin(), docs.end());
  std::map<Xapian::docid, std::vector<std::string>> out;
  for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t) {
    if ((*t).rfind(schema::kStemPrefix, 0) != 0) continue;
    auto post = db_.postlist_begin(*t);
    for (Xapian::docid did : docs) {
      post.skip_to(did);
      if (post == db_.postlist_end(*t)) break;
      if (*post == did) out[did].push_back(*t);
    }
  }
  return out;
}

SearchResult Searcher::run(const SearchRequest& r) {
  Plan p = plan(r);
  SearchResult result;

  // Exact counts need every match seen. With every word required, one BM25 pass shows each
  // match to the counter, which admits those passing the filters to the ranking. With any
  // word, a top-k pass lets Xapian skip documents that cannot reach the page (its OR decays to
  // AND_MAYBE), which seeing every match forbids: there a scoring-free pass counts first (at
  // 100k, one pass made two- and three-word queries half as slow again). With boosts, the best
  // candidates beyond the page are re-ranked with them, each a fraction of the best score,
  // taken from the facet masks.
  FacetCounter counter(masks_, p.groups, r.counts_filtered);
  const Xapian::doccount all = db_.get_doccount();
  const bool one_pass = r.match_all;
  if (!one_pass) {
    Xapian::Enquire count(db_);
    count.set_query(p.text);
    count.set_weighting_scheme(Xapian::BoolWeight());
    count.get_mset(0, 0, all, nullptr, &counter);
  }
  Xapian::Enquire rank(db_);
  const bool filter_terms = !one_pass && !p.filter.empty() && !p.text.empty();
  rank.set_query(filter_terms ? Xapian::Query(Xapian::Query::OP_FILTER, p.text, p.filter) : p.text);
  rank.set_weighting_scheme(Xapian::BM25Weight());
  const bool boosted = !p.boost_specs.empty();
  const Xapian::doccount check = one_pass ? all : 0;
  const Xapian::MatchDecider* decider = one_pass ? &counter : nullptr;
  const Xapian::MSet mset = boosted ? rank.get_mset(0, r.offset + r.limit + kRescoreDepth, check, nullptr, decider)
                                    : rank.get_mset(r.offset, r.limit, check, nullptr, decider);
  result.total = counter.passed();
  result.facets = facet_counts(counter);
  const double best = mset.empty() || mset.begin().get_weight() <= 0 ? 1.0 : mset.begin().get_weight();
  std::vector<std::pair<double, Xapian::MSetIterator>> ranked;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    double score = it.get_weight();
    if (boosted)
      for (const auto& b : boosts_for(p, *it, best)) score += b.weight;
    ranked.emplace_back(score, it);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](auto& a, auto& b) { return a.first > b.first; });
  const std::size_t first = boosted ? std::min<std::size_t>(r.offset, ranked.size()) : 0;
  const std::size_t last = std::min<std::size_t>(ranked.size(), first + r.limit);
  std::vector<Xapian::docid> page;
  for (std::size_t i = first; i < last; ++i) page.push_back(*ranked[i].second);
  auto stems = stems_in(p.text, page);
  for (std::size_t i = first; i < last; ++i) {
    const auto& it = ranked[i].second;
    Hit h = make_hit(it, stems[*it]);
    h.score = ranked[i].first;
    if (r.explain) {
      Explanation ex;
      const std::string id = schema::id_term(h.doc.id);
      for (auto t = rank.get_matching_terms_begin(it); t != rank.get_matching_terms_end(it); ++t) {
        if ((*t).rfind(schema::kStemPrefix, 0) != 0) continue;  // filters weigh nothing
        Xapian::Enquire one(db_);
        one.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(*t), Xapian::Query(id)));
        const auto m = one.get_mset(0, 1);
        ex.terms.push_back({*t, m.empty() ? 0.0 : m.begin().get_weight()});
      }
      if (boosted) ex.boosts = boosts_for(p, *it, best);
      h.explain = std::move(ex);
    }
    result.hits.push_back(std::move(h));
  }

  result.expanded = std::move(p.expanded);
  if (!p.parse.corrections.empty()) {
    result.suggestion = r.q;
    for (const auto& [typed, fixed] : p.parse.corrections)
      if (auto at = result.suggestion.find(typed); at != std::string::npos) result.suggestion.replace(at, typed.size(), fixed);
  }
  if (!p.urgent_risks.empty()) result.urgent = urgent_block(p.urgent_risks, p.langs);
  return result;
}

Hit Searcher::make_hit(const Xapian::MSetIterator& it, const std::vector<std::string>& stems) {
  const Xapian::Document xd = it.get_document();
  schema::Stored stored = schema::load_stored(xd, false);
  Document& d = stored.doc;
  Hit h;
  h.score = it.get_weight();
  // The matched words' places come from the index's positions, their byte ranges from the
  // stored body tokens: nothing is segmented at query time.
  std::string_view spans;
  const Xapian::termpos body = schema::body_start(stored.body_tokens, spans);
  std::vector<std::pair<std::size_t, std::string>> matches;
  for (const auto& t : stems)
    for (auto p = db_.positionlist_begin(*it, t); p != db_.positionlist_end(*it, t); ++p)
      if (*p >= body && body) matches.emplace_back(*p - body, t);
  std::sort(matches.begin(), matches.end());
  h.snippet = make_snippet_at(d.text, matches, [&](std::size_t n) { return schema::decode_spans(spans, n); });
  h.translations = std::move(d.translations);
  d.body.clear();
  d.text.clear();
  h.doc = std::move(d);
  return h;
}

std::vector<FacetCounts> Searcher::facet_counts(const FacetCounter& counter) const {
  std::vector<FacetCounts> out;
  for (const auto& f : taxonomy_.facets()) {
    FacetCounts fc{f.name, {}};
    for (const auto& v : f.values) fc.values.emplace_back(v.name, 0);
    out.push_back(std::move(fc));
  }
  const auto& bits = masks_.bits();
  for (std::size_t b = 0; b < bits.size() && b < 64; ++b)
    if (bits[b].first >= 0) out[bits[b].first].values[bits[b].second].second = counter.counts()[b];
  return out;
}

// The editors' escalation guidance for the risks an urgent phrase signalled, in the query's
// language where a translation exists.
UrgentBlock Searcher::urgent_block(const std::set<std::string>& risks, const std::vector<Lang>& langs) {
  UrgentBlock u;
  u.risks.assign(risks.begin(), risks.end());
  std::set<std::string> seen;
  for (const auto& risk : risks) {
    auto it = lexicon_->escalation().find(risk);
    if (it == lexicon_->escalation().end()) continue;
    for (const auto& id : it->second) {
      std::optional<Document> d;
      if (langs.size() == 1 && langs.front() != Lang::en) d = document(id + "." + std::string(lang_code(langs.front())));
      if (!d) d = document(id);
      if (!d || !seen.insert(d->id).second) continue;
      d->body.clear();
      d->text.clear();
      u.documents.push_back(std::move(*d));
    }
  }
  return u;
}

std::optional<SearchResult> Searcher::similar(const std::string& id, unsigned limit) {
  return with_retry([&]() -> std::optional<SearchResult> {
    const auto did = docid(id);
    if (!did) return std::nullopt;
    const Document doc = schema::load_document(db_.get_document(*did), false);
    Xapian::RSet rset;
    rset.add_document(*did);
    Xapian::Enquire enquire(db_);
    StemTermsOnly stems;
    const Xapian::ESet eset = enquire.get_eset(25, rset, &stems);
    const Xapian::Query like(Xapian::Query::OP_OR, eset.begin(), eset.end());
    // Same language, not the document itself nor its translations.
    const Xapian::Query q(Xapian::Query::OP_FILTER,
                          Xapian::Query(Xapian::Query::OP_AND_NOT, like, Xapian::Query(schema::group_term(doc))),
                          Xapian::Query(schema::facet_term("lang", doc.lang)));
    enquire.set_query(q);
    const Xapian::MSet mset = enquire.get_mset(0, limit);
    SearchResult result;
    result.total = mset.size();
    std::vector<Xapian::docid> page(mset.begin(), mset.end());
    auto present = stems_in(like, page);
    for (auto it = mset.begin(); it != mset.end(); ++it) result.hits.push_back(make_hit(it, present[*it]));
    return result;
  });
}

std::optional<Xapian::docid> Searcher::docid(const std::string& id) {
  const std::string term = schema::id_term(id);
  auto post = db_.postlist_begin(term);
  if (post == db_.postlist_end(term)) return std::nullopt;
  return *post;
}

std::optional<Document> Searcher::document(const std::string& id) {
  return with_retry([&]() -> std::optional<Document> {
    const auto did = docid(id);
    if (!did) return std::nullopt;
    return schema::load_document(db_.get_document(*did), true);
  });
}

Xapian::doccount Searcher::documents() {
  return with_retry([&] { return db_.get_doccount(); });
}

std::string Searcher::built_at() {
  return with_retry([&] { return db_.get_metadata(std::string(schema::kBuiltAtKey)); });
}

}  // namespace copsearch
