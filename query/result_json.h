// @brief API v1 response bodies.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "document.h"
#include "searcher.h"
#include "taxonomy.h"

namespace copsearch {

using Json = nlohmann::ordered_json;

Json search_json(const std::string& query, const SearchResult& result, double took_ms);
Json document_json(const Document& doc, const Taxonomy& taxonomy);
Json error_json(const std::string& code, const std::string& message);

}  // namespace copsearch
