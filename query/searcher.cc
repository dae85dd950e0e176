#include "searcher.h"

#include <sys/stat.h>

#include <set>

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

Xapian::Query facet_filter(const SearchRequest& r) {
  std::vector<Xapian::Query> groups;
  for (const auto& [facet, values] : r.filters) {
    std::vector<Xapian::Query> any;
    for (const auto& v : values) any.emplace_back(schema::facet_term(facet, v));
    groups.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
  }
  return groups.empty() ? Xapian::Query() : Xapian::Query(Xapian::Query::OP_AND, groups.begin(), groups.end());
}

}  // namespace

Searcher::Searcher(std::string index_path, const Taxonomy& taxonomy) : path_(std::move(index_path)), taxonomy_(taxonomy) {
  open();
}

void Searcher::open() {
  stub_id_ = stub_identity(path_);
  db_ = Xapian::Database(path_);
  masks_.load(db_, taxonomy_);
}

// A cheap check per request: a new stub means a rebuilt index, a new revision an update.
void Searcher::refresh() {
  if (stub_identity(path_) != stub_id_) open();
  else if (db_.reopen()) masks_.load(db_, taxonomy_);
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

SearchResult Searcher::run(const SearchRequest& request) {
  QueryOptions qo;
  qo.langs = request.lang ? std::vector<Lang>{*request.lang} : langs_for_text(request.q);
  qo.match_all = request.match_all;
  Xapian::Query query = parse_query(request.q, qo, analyzer_);
  if (const Xapian::Query filter = facet_filter(request); !filter.empty())
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);  // filters narrow, never rescore

  Xapian::Enquire enquire(db_);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  FacetCounter counter(masks_);
  enquire.add_matchspy(&counter);
  // checkatleast = every document: the spy sees the whole match set, so counts are exact.
  const Xapian::MSet mset = enquire.get_mset(request.offset, request.limit, db_.get_doccount());

  SearchResult result;
  result.total = mset.get_matches_estimated();
  const std::set<std::string> terms(query.get_unique_terms_begin(), query.get_unique_terms_end());
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Document d = schema::decode_data(it.get_document().get_data());
    Hit h;
    h.score = it.get_weight();
    h.snippet = make_snippet(d.text, lang_from_code(d.lang).value_or(Lang::en), terms, analyzer_);
    d.body.clear();
    d.text.clear();
    h.doc = std::move(d);
    result.hits.push_back(std::move(h));
  }
  for (const auto& f : taxonomy_.facets()) {
    FacetCounts fc{f.name, {}};
    for (const auto& v : f.values) fc.values.emplace_back(v.name, 0);
    result.facets.push_back(std::move(fc));
  }
  const auto& bits = masks_.bits();
  for (std::size_t b = 0; b < bits.size() && b < 64; ++b)
    if (bits[b].first >= 0) result.facets[bits[b].first].values[bits[b].second].second = counter.counts()[b];
  return result;
}

std::optional<Document> Searcher::document(const std::string& id) {
  return with_retry([&]() -> std::optional<Document> {
    const std::string term = schema::id_term(id);
    auto post = db_.postlist_begin(term);
    if (post == db_.postlist_end(term)) return std::nullopt;
    return schema::decode_data(db_.get_document(*post).get_data());
  });
}

Xapian::doccount Searcher::documents() {
  return with_retry([&] { return db_.get_doccount(); });
}

std::string Searcher::built_at() {
  return with_retry([&] { return db_.get_metadata(std::string(schema::kBuiltAtKey)); });
}

}  // namespace copsearch
