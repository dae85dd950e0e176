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

Json search_json(const std::string& query, const SearchResult& result, double took_ms) {
  Json j;
  j["query"] = query;
  j["total"] = result.total;
  j["took_ms"] = std::round(took_ms * 1000) / 1000;
  Json hits = Json::array();
  for (const auto& h : result.hits) {
    Json hit = fields(h.doc);
    hit["score"] = h.score;
    hit["snippet"] = h.snippet;
    hits.push_back(std::move(hit));
  }
  j["hits"] = std::move(hits);
  Json facets = Json::object();
  for (const auto& f : result.facets) {
    Json counts = Json::object();
    for (const auto& [value, count] : f.values) counts[value] = count;
    facets[f.facet] = std::move(counts);
  }
  j["facets"] = std::move(facets);
  return j;
}

Json document_json(const Document& doc, const Taxonomy&) {
  Json j = fields(doc);
  j["source"] = doc.source;
  j["body"] = doc.body;
  j["body_html"] = markdown_to_html(doc.body);
  return j;
}

Json error_json(const std::string& code, const std::string& message) {
  return Json{{"error", Json{{"code", code}, {"message", message}}}};
}

}  // namespace copsearch
