// @brief One worker's view of the index: its own Xapian::Database (handles are not
// thread-safe), reopened when the indexer switches or updates the index.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <sys/types.h>
#include <utility>
#include <vector>

#include "analyzer.h"
#include "document.h"
#include "facet_counter.h"
#include "search_request.h"
#include "taxonomy.h"

namespace copsearch {

struct Hit {
  Document doc;  // fields only; body and text are left empty
  double score = 0;
  std::string snippet;
};

struct FacetCounts {
  std::string facet;
  std::vector<std::pair<std::string, Xapian::doccount>> values;  // every taxonomy value, in order
};

struct SearchResult {
  Xapian::doccount total = 0;  // exact size of the match set
  std::vector<Hit> hits;
  std::vector<FacetCounts> facets;
};

class Searcher {
 public:
  // Opens the index folder written by copsearch-index (or any Xapian database path).
  Searcher(std::string index_path, const Taxonomy& taxonomy);

  SearchResult search(const SearchRequest& request);
  std::optional<Document> document(const std::string& id);
  Xapian::doccount documents();
  std::string built_at();

 private:
  void refresh();
  void open();
  template <class F> auto with_retry(F&& f);
  SearchResult run(const SearchRequest& request);

  std::string path_;
  const Taxonomy& taxonomy_;
  Xapian::Database db_;
  FacetMasks masks_;
  Analyzer analyzer_;
  std::pair<ino_t, long> stub_id_{0, 0};  // inode and mtime of the stub file last opened
};

}  // namespace copsearch
