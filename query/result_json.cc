#include "result_json.h"

#include <cmath>

#include "markdown_text.h"

namespace copsearch {

namespace {
// The document's fields in API order: id, title, each list facet, lang.
Json fields(const Document& d) {
  Json j;
  j["id"] = d.id;
  j["title"] = d.title;
  for (const auto& [facet, values] : d.facets)
    if (facet != "lang") j[facet] = values;
  j["lang"] = d.lang;
  if (!d.translation_of.empty()) j["translation_of"] = d.translation_of;
  return j;
}
}  // namespace

Json hits_json(const std::vector<Hit>& hits) {
  Json out = Json::array();
  for (const auto& h : hits) {
    Json hit = fields(h.doc);
    hit["score"] = h.score;
    hit["snippet"] = h.snippet;
    if (!h.translations.empty()) hit["translations"] = h.translations;
    if (h.explain) {
      Json terms = Json::array(), boosts = Json::array();
      for (const auto& t : h.explain->terms) terms.push_back({{"term", t.term}, {"weight", t.weight}});
      for (const auto& b : h.explain->boosts) boosts.push_back({{"boost", b.term}, {"weight", b.weight}});
      hit["explain"] = {{"terms", terms}, {"boosts", boosts}};
    }
    out.push_back(std::move(hit));
  }
  return out;
}

Json search_json(const std::string& query, const SearchResult& result, double took_ms) {
  Json j;
  j["query"] = query;
  j["total"] = result.total;
  j["took_ms"] = std::round(took_ms * 1000) / 1000;
  if (!result.suggestion.empty()) j["suggestion"] = result.suggestion;
  Json expanded = Json::array();
  for (const auto& e : result.expanded) expanded.push_back({{"from", e.from}, {"to", e.to}});
  j["expanded"] = std::move(expanded);
  if (result.urgent) {
    Json docs = Json::array();
    for (const auto& d : result.urgent->documents) docs.push_back(fields(d));
    j["urgent"] = {{"risks", result.urgent->risks}, {"documents", docs}};
  }
  j["hits"] = hits_json(result.hits);
  Json facets = Json::object();
  for (const auto& f : result.facets) {
    Json counts = Json::object();
    for (const auto& [value, count] : f.values) counts[value] = count;
    facets[f.facet] = std::move(counts);
  }
  j["facets"] = std::move(facets);
  return j;
}

Json similar_json(const std::string& id, const SearchResult& result) {
  return Json{{"id", id}, {"hits", hits_json(result.hits)}};
}

Json document_json(const Document& doc) {
  Json j = fields(doc);
  if (!doc.source.empty()) j["source"] = doc.source;
  j["translations"] = doc.translations;
  j["body"] = doc.body;
  j["body_html"] = markdown_to_html(doc.body);
  return j;
}

Json taxonomy_json(const Taxonomy& taxonomy) {
  Json facets = Json::array();
  for (const auto& f : taxonomy.facets()) {
    Json values = Json::array();
    for (const auto& v : f.values) values.push_back({{"value", v.name}, {"label", v.label}});
    facets.push_back({{"name", f.name}, {"label", f.label}, {"multi", f.multi}, {"values", values}});
  }
  return Json{{"facets", facets}};
}

Json error_json(const std::string& code, const std::string& message) {
  return Json{{"error", Json{{"code", code}, {"message", message}}}};
}

}  // namespace copsearch
