// @brief API v1 response bodies.
#pragma once

#include <nlohmann/json.hpp>
#include <map>
#include <string>
#include <vector>

#include "document.h"
#include "searcher.h"
#include "taxonomy.h"

namespace copsearch {

using Json = nlohmann::ordered_json;

Json search_json(const std::string& query, const SearchResult& result, double took_ms);
Json hits_json(const std::vector<Hit>& hits);
Json similar_json(const std::string& id, const SearchResult& result);
Json document_json(const Document& doc);
// The facets, their labels and their values in display order: what a UI needs to draw filters.
Json taxonomy_json(const Taxonomy& taxonomy);
Json error_json(const std::string& code, const std::string& message);

}  // namespace copsearch
