// @brief SQLite FTS5 as the peer engine, doing the benchmark workload the way a developer would
// with SQLite: bm25 ranking, facet counts by GROUP BY over the match set.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "document.h"
#include "synthetic.h"

struct sqlite3;

namespace copsearch::bench {

struct PeerResult {
  unsigned long total = 0;
  std::vector<std::string> top;                                     // ids, best first
  std::map<std::string, std::map<std::string, unsigned long>> facets;  // audience and risk
};

class Fts5Peer {
 public:
  explicit Fts5Peer(const std::string& path);  // creates a fresh database file
  ~Fts5Peer();
  Fts5Peer(const Fts5Peer&) = delete;
  Fts5Peer& operator=(const Fts5Peer&) = delete;

  void index(const std::vector<Document>& docs);
  // All words must match; a quoted query is a phrase; the filter restricts hits and counts.
  PeerResult search(const BenchQuery& q, unsigned limit);

 private:
  void exec(const std::string& sql);
  sqlite3* db_ = nullptr;
};

}  // namespace copsearch::bench
