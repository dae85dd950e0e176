#include "search_request.h"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "api_error.h"
#include "utf8.h"

namespace copsearch {

namespace {

[[noreturn]] void bad(const std::string& code, const std::string& message) { throw ApiError(400, code, message); }

unsigned parse_count(std::string_view name, std::string_view text, unsigned max) {
  long long v = 0;
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size())
    bad("invalid_" + std::string(name), std::string(name) + " must be a whole number");
  if (v < 0) bad("invalid_" + std::string(name), std::string(name) + " must not be negative");
  if (v > max) bad("invalid_" + std::string(name), std::string(name) + " must be at most " + std::to_string(max));
  return static_cast<unsigned>(v);
}

// One value of any parameter: checks it once, whatever the source.
bool parse_bool(const std::string& name, const std::string& value) {
  if (value == "true" || value == "1") return true;
  if (value == "false" || value == "0") return false;
  bad("invalid_" + name, name + " must be true or false");
}

// Values may repeat the parameter or be comma-separated; each must be in the facet's vocabulary.
void add_values(const Facet& facet, const std::string& param, const std::string& value, std::vector<std::string>& values) {
  std::string_view rest = value;
  while (true) {
    const auto comma = rest.find(',');
    const std::string v(rest.substr(0, comma));
    if (!v.empty()) {
      if (!facet.index_of(v)) bad("unknown_facet_value", "unknown value for '" + param + "'; valid values: " + facet.value_list());
      if (std::find(values.begin(), values.end(), v) == values.end()) values.push_back(v);
    }
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
}

constexpr std::string_view kPrefer = "prefer_";

void apply(SearchRequest& r, const std::string& name, const std::string& value, const Taxonomy& taxonomy,
           std::map<std::string, int>& seen) {
  if (!is_valid_utf8(value)) bad("invalid_utf8", "parameter '" + name + "' is not valid UTF-8");
  const Facet* facet = taxonomy.find(name);
  const Facet* preferred = name.rfind(kPrefer, 0) == 0 ? taxonomy.find(name.substr(kPrefer.size())) : nullptr;
  if (preferred) {
    add_values(*preferred, name, value, r.prefer[preferred->name]);
    return;
  }
  if (!facet && ++seen[name] > 1) bad("duplicate_parameter", "parameter '" + name + "' is given more than once");
  if (name == "q") {
    r.q = value;
  } else if (name == "limit") {
    r.limit = parse_count("limit", value, kMaxLimit);
  } else if (name == "offset") {
    r.offset = parse_count("offset", value, kMaxOffset);
  } else if (name == "match") {
    if (value != "any" && value != "all") bad("invalid_match", "match must be 'any' or 'all'");
    r.match_all = value == "all";
  } else if (name == "facet_counts") {
    if (value != "disjunctive" && value != "filtered") bad("invalid_facet_counts", "facet_counts must be 'disjunctive' or 'filtered'");
    r.counts_filtered = value == "filtered";
  } else if (name == "prefix" || name == "expand" || name == "explain") {
    (name == "prefix" ? r.prefix : name == "expand" ? r.expand : r.explain) = parse_bool(name, value);
  } else if (facet) {
    add_values(*facet, name, value, r.filters[name]);
  } else {
    std::string known = "q, limit, offset, match, prefix, expand, explain, facet_counts";
    for (const auto& f : taxonomy.facets()) known += ", " + f.name + ", prefer_" + f.name;
    bad("unknown_parameter", "unknown parameter '" + name + "'; known parameters: " + known);
  }
}

void finish(SearchRequest& r) {
  auto it = r.filters.find("lang");
  if (it != r.filters.end() && it->second.size() == 1) r.lang = lang_from_code(it->second.front());
}

}  // namespace

SearchRequest parse_search_params(const Params& params, const Taxonomy& taxonomy) {
  SearchRequest r;
  std::map<std::string, int> seen;
  for (const auto& [name, value] : params) {
    if (!is_valid_utf8(name)) bad("invalid_utf8", "a parameter name is not valid UTF-8");
    apply(r, name, value, taxonomy, seen);
  }
  finish(r);
  return r;
}

SearchRequest parse_search_json(std::string_view body, const Taxonomy& taxonomy) {
  if (!is_valid_utf8(body)) bad("invalid_utf8", "request body is not valid UTF-8");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& e) {
    bad("malformed_json", "request body is not valid JSON (error at byte " + std::to_string(e.byte) + ")");
  }
  if (!j.is_object()) bad("malformed_json", "request body must be a JSON object");
  SearchRequest r;
  std::map<std::string, int> seen;
  for (const auto& [name, value] : j.items()) {
    const bool list_ok = taxonomy.find(name) || (name.rfind(kPrefer, 0) == 0 && taxonomy.find(name.substr(kPrefer.size())));
    auto one = [&](const nlohmann::json& v) {
      if (v.is_string()) apply(r, name, v.get<std::string>(), taxonomy, seen);
      else if (v.is_number_integer() || v.is_boolean()) apply(r, name, v.dump(), taxonomy, seen);
      else bad("invalid_" + name, "'" + name + "' must be " + (list_ok ? "a string or a list of strings" : "a string or a number"));
    };
    if (value.is_array() && list_ok) {
      for (const auto& v : value) one(v);
    } else {
      one(value);
    }
  }
  finish(r);
  return r;
}

}  // namespace copsearch
