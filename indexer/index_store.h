// @brief The on-disk index folder: generations of Xapian databases behind an atomically
// switched stub file, so a serving daemon never sees a half-built index.
//
// Layout of DIR: XAPIANDB (stub: "auto gen-N"), gen-N/ (glass database), .lock.
// Open DIR itself with Xapian::Database(DIR).
#pragma once

#include <cstddef>
#include <functional>
#include <utility>
#include <xapian.h>
#include <string>
#include <vector>

#include "document.h"
#include "taxonomy.h"

namespace copsearch {

struct IndexSummary {
  std::size_t documents = 0;  // in the index afterwards
  std::size_t added = 0, changed = 0, removed = 0, unchanged = 0;
};

using Progress = std::function<void(std::size_t done, std::size_t total)>;

class IndexStore {
 public:
  explicit IndexStore(std::string dir);

  // Writes every document into a new generation, then switches the stub to it.
  // On failure the live index is untouched and the partial generation removed.
  IndexSummary rebuild(const std::vector<Document>& docs, const Taxonomy& taxonomy, const Progress& progress);

  // Replaces changed documents by id and deletes those absent from `docs`, in one commit.
  // Falls back to rebuild() when there is no index yet.
  IndexSummary update(const std::vector<Document>& docs, const Taxonomy& taxonomy, const Progress& progress);

  // Path of the live generation, or "" when the folder holds no index yet.
  std::string live_generation() const;

  // Metadata written with every build or update (the lexicon, say).
  void set_metadata(std::string key, std::string value) { metadata_.emplace_back(std::move(key), std::move(value)); }

 private:
  void write_metadata(Xapian::WritableDatabase& db, const Taxonomy& taxonomy) const;

  std::string dir_;
  std::vector<std::pair<std::string, std::string>> metadata_;
};

}  // namespace copsearch
