#include "api.h"

#include <xapian.h>

#include <chrono>
#include <cstdio>

#include "api_error.h"
#include "query_parser.h"
#include "result_json.h"
#include "search_request.h"

namespace copsearch {

struct Api::Route {
  http::verb method;
  std::string_view pattern;  // "{id}" captures one path segment
  Response (Api::*handler)(const Request&, const Target&, std::string_view);
};

const Api::Route Api::kRoutes[] = {
    {http::verb::get, "/health", &Api::health},
    {http::verb::get, "/search", &Api::search},
    {http::verb::post, "/search", &Api::search},
    {http::verb::get, "/documents/{id}", &Api::document},
    {http::verb::get, "/documents/{id}/similar", &Api::similar},
    {http::verb::get, "/metrics", &Api::metrics},
    {http::verb::get, "/taxonomy", &Api::taxonomy},
    {http::verb::get, "/", &Api::page},
    {http::verb::get, "/static/{id}", &Api::asset},
};

namespace {

constexpr std::string_view kCapture = "{id}";

// Matches a path against a pattern; on success `arg` holds the captured segment, if any.
bool match(std::string_view pattern, std::string_view path, std::string_view& arg) {
  const auto at = pattern.find(kCapture);
  if (at == std::string_view::npos) return pattern == path;
  const auto prefix = pattern.substr(0, at), suffix = pattern.substr(at + kCapture.size());
  if (path.size() <= prefix.size() + suffix.size() || path.substr(0, prefix.size()) != prefix ||
      path.substr(path.size() - suffix.size()) != suffix)
    return false;
  arg = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
  return arg.find('/') == std::string_view::npos;
}

// If-None-Match: "*", or a comma-separated list of tags, weak (W/"...") or strong.
bool etag_matches(std::string_view header, std::string_view etag) {
  if (header == "*") return true;
  for (std::size_t at = 0; at < header.size();) {
    std::size_t end = header.find(',', at);
    if (end == std::string_view::npos) end = header.size();
    std::string_view tag = header.substr(at, end - at);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    if (tag == etag) return true;
    at = end + 1;
  }
  return false;
}

Response json_response(int status, const Json& body) {
  Response res{static_cast<http::status>(status), 11};
  res.set(http::field::content_type, "application/json; charset=utf-8");
  res.set(http::field::cache_control, "no-store");
  res.body() = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  return res;
}

}  // namespace

Api::Api(std::string index_path, const Taxonomy& taxonomy, bool log_requests, const StaticFiles* web)
    : index_path_(std::move(index_path)), taxonomy_(taxonomy), log_requests_(log_requests), web_(web) {}

Searcher& Api::searcher() {
  std::lock_guard lock(searchers_mutex_);
  auto& s = searchers_[std::this_thread::get_id()];
  if (!s) s = std::make_unique<Searcher>(index_path_, taxonomy_);
  return *s;
}

Response Api::reject(int status, const std::string& code, const std::string& message) {
  metrics_.record("-", status, 0);
  if (log_requests_) std::fprintf(stderr, "copsearchd: - - %d (%s)\n", status, code.c_str());
  Response res = json_response(status, error_json(code, message));
  res.set("X-Content-Type-Options", "nosniff");
  res.keep_alive(false);
  res.prepare_payload();
  return res;
}

Response Api::handle(const Request& req) {
  const auto start = std::chrono::steady_clock::now();
  std::string route = "-";
  Response res;
  try {
    const Target target = parse_target(std::string_view(req.target().data(), req.target().size()));
    res = dispatch(req, target, route);
  } catch (const ApiError& e) {
    res = json_response(e.status(), error_json(e.code(), e.what()));
  } catch (const QuerySyntaxError& e) {
    res = json_response(400, error_json("query_syntax", e.what()));
  } catch (const InputError& e) {
    res = json_response(400, error_json("bad_request", e.what()));
  } catch (const Xapian::DatabaseOpeningError& e) {
    res = json_response(503, error_json("index_unavailable", "the index cannot be opened: " + e.get_msg()));
  } catch (const Xapian::Error& e) {
    res = json_response(500, error_json("internal", std::string("search engine error: ") + e.get_type()));
  } catch (const std::exception& e) {
    res = json_response(500, error_json("internal", "internal error"));
  }
  res.set("X-Content-Type-Options", "nosniff");
  res.keep_alive(req.keep_alive());
  res.prepare_payload();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  metrics_.record(route, res.result_int(), seconds);
  // Route pattern, status and time only: never the query text or filter values.
  if (log_requests_)
    std::fprintf(stderr, "copsearchd: %s %s %u %.3fms\n", std::string(req.method_string()).c_str(), route.c_str(),
                 res.result_int(), seconds * 1000);
  return res;
}

Response Api::dispatch(const Request& req, const Target& target, std::string& route) {
  std::string allow;
  for (const auto& r : kRoutes) {
    std::string_view arg;
    if (!match(r.pattern, target.path, arg)) continue;
    route = r.pattern;
    if (r.method == req.method()) return (this->*r.handler)(req, target, arg);
    allow += (allow.empty() ? "" : ", ") + std::string(http::to_string(r.method));
  }
  if (allow.empty()) throw ApiError(404, "not_found", "no such route; see the API in the README");
  Response res = json_response(405, error_json("method_not_allowed", "this route accepts " + allow));
  res.set(http::field::allow, allow);
  return res;
}

Response Api::health(const Request&, const Target& t, std::string_view) {
  if (!t.params.empty()) throw ApiError(400, "unknown_parameter", "/health takes no parameters");
  Searcher& s = searcher();
  return json_response(200, Json{{"status", "ok"}, {"documents", s.documents()}, {"built_at", s.built_at()}});
}

Response Api::search(const Request& req, const Target& t, std::string_view) {
  const auto start = std::chrono::steady_clock::now();
  SearchRequest sr;
  if (req.method() == http::verb::post) {
    if (!t.params.empty()) throw ApiError(400, "unknown_parameter", "POST /search takes its fields in the JSON body");
    const auto type = req[http::field::content_type];
    if (!type.empty() && type.substr(0, 16) != "application/json")
      throw ApiError(415, "unsupported_media_type", "POST /search needs a JSON body (Content-Type: application/json)");
    sr = parse_search_json(req.body(), taxonomy_);
  } else {
    sr = parse_search_params(t.params, taxonomy_);
  }
  const SearchResult result = searcher().search(sr);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return json_response(200, search_json(sr.q, result, ms));
}

Response Api::document(const Request&, const Target& t, std::string_view id) {
  if (!t.params.empty()) throw ApiError(400, "unknown_parameter", "/documents/{id} takes no parameters");
  const auto doc = searcher().document(std::string(id));
  if (!doc) throw ApiError(404, "document_not_found", "no document has this id");
  return json_response(200, document_json(*doc));
}

Response Api::similar(const Request&, const Target& t, std::string_view id) {
  unsigned limit = 5;
  for (const auto& [name, value] : t.params) {
    if (name != "limit") throw ApiError(400, "unknown_parameter", "unknown parameter '" + name + "'; known parameters: limit");
    SearchRequest r = parse_search_params({{"limit", value}}, taxonomy_);
    limit = r.limit;
  }
  const auto result = searcher().similar(std::string(id), limit);
  if (!result) throw ApiError(404, "document_not_found", "no document has this id");
  return json_response(200, similar_json(std::string(id), *result));
}

Response Api::metrics(const Request&, const Target&, std::string_view) {
  Response res{http::status::ok, 11};
  res.set(http::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
  res.body() = metrics_.render(searcher().documents());
  return res;
}

Response Api::taxonomy(const Request&, const Target& t, std::string_view) {
  if (!t.params.empty()) throw ApiError(400, "unknown_parameter", "/taxonomy takes no parameters");
  return json_response(200, taxonomy_json(taxonomy_));
}

// The page keeps its state in its own URL (/?q=...), so "/" ignores its parameters.
Response Api::page(const Request& req, const Target&, std::string_view) { return serve_file(req, "index.html"); }

Response Api::asset(const Request& req, const Target& t, std::string_view name) {
  if (!t.params.empty()) throw ApiError(400, "unknown_parameter", "/static/ files take no parameters");
  return serve_file(req, name);
}

Response Api::serve_file(const Request& req, std::string_view name) {
  const StaticFile* file = web_ ? web_->find(name) : nullptr;
  if (!file) throw ApiError(404, "not_found", web_ ? "no such file" : "this daemon serves no web page (--no-web)");
  Response res{http::status::ok, 11};
  res.set(http::field::etag, file->etag);
  res.set(http::field::cache_control, "no-cache");
  // Nothing but our own files runs or loads: no inline script, no other origin, no framing.
  res.set("Content-Security-Policy",
          "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
          "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  res.set("Referrer-Policy", "no-referrer");
  const auto if_none_match = req[http::field::if_none_match];
  if (etag_matches(std::string_view(if_none_match.data(), if_none_match.size()), file->etag)) {
    res.result(http::status::not_modified);
    return res;
  }
  res.set(http::field::content_type, file->content_type);
  res.body() = file->body;
  return res;
}

}  // namespace copsearch
