// @brief API v1: the route table and its handlers, request in, response out (no socket I/O).
#pragma once

#include <boost/beast/http.hpp>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "metrics.h"
#include "searcher.h"
#include "static_files.h"
#include "taxonomy.h"
#include "url.h"

namespace copsearch {

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

class Api {
 public:
  // `web` holds the search page's files; without it, / and /static/ answer 404.
  Api(std::string index_path, const Taxonomy& taxonomy, bool log_requests = true, const StaticFiles* web = nullptr);

  // Never throws: every failure becomes a JSON error response.
  Response handle(const Request& req);
  // For failures before a request exists (unparsable HTTP, body too large).
  Response reject(int status, const std::string& code, const std::string& message);

  // Opens this thread's Searcher now, so a bad index fails at start-up, not on a request.
  void warm_up() { searcher(); }
  Metrics& metrics() { return metrics_; }

 private:
  struct Route;
  static const Route kRoutes[];

  Response health(const Request&, const Target&, std::string_view);
  Response search(const Request&, const Target&, std::string_view);
  Response document(const Request&, const Target&, std::string_view);
  Response similar(const Request&, const Target&, std::string_view);
  Response metrics(const Request&, const Target&, std::string_view);
  Response taxonomy(const Request&, const Target&, std::string_view);
  Response page(const Request&, const Target&, std::string_view);
  Response asset(const Request&, const Target&, std::string_view);
  Response serve_file(const Request&, std::string_view name);

  Response dispatch(const Request& req, const Target& target, std::string& route);
  Searcher& searcher();

  std::string index_path_;
  const Taxonomy& taxonomy_;
  bool log_requests_;
  const StaticFiles* web_;
  Metrics metrics_;
  std::mutex searchers_mutex_;
  // One Searcher (one Xapian::Database) per thread; protected by searchers_mutex_.
  std::unordered_map<std::thread::id, std::unique_ptr<Searcher>> searchers_;
};

}  // namespace copsearch
