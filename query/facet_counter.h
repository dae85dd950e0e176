// @brief Exact facet counts over a whole match set, read from an in-memory array of
// per-document facet masks instead of a value slot per document (see shared/notes).
#pragma once

#include <xapian.h>

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "taxonomy.h"

namespace copsearch {

// The facet masks of one database revision, indexed by docid, and what each bit means.
class FacetMasks {
 public:
  void load(const Xapian::Database& db, const Taxonomy& taxonomy);
  std::uint64_t operator[](Xapian::docid id) const { return id < masks_.size() ? masks_[id] : 0; }
  // For bit i: (facet index, value index) in the taxonomy, or (-1, -1) if the taxonomy lacks it.
  const std::vector<std::pair<int, int>>& bits() const { return bits_; }

 private:
  std::vector<std::uint64_t> masks_;
  std::vector<std::pair<int, int>> bits_;
};

// Counts, per facet bit, the documents the matcher visits. Local databases only: the remote
// backend cannot create this spy by name (shared/notes/xapian-facets-and-shards.md).
class FacetCounter : public Xapian::MatchSpy {
 public:
  explicit FacetCounter(const FacetMasks& masks) : masks_(masks) {}
  void operator()(const Xapian::Document& doc, double wt) override;
  const std::array<Xapian::doccount, 64>& counts() const { return counts_; }

 private:
  const FacetMasks& masks_;
  std::array<Xapian::doccount, 64> counts_{};
};

}  // namespace copsearch
