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
  // The bits of facet `facet` (a taxonomy index), and of those of its values in `values`.
  std::uint64_t facet_bits(int facet) const;
  std::uint64_t value_bits(int facet, const std::vector<std::string>& values, const Taxonomy& taxonomy) const;

 private:
  std::vector<std::uint64_t> masks_;
  std::vector<std::pair<int, int>> bits_;
};

// One facet's selection: a document passes when it has any selected value.
struct FacetGroup {
  std::uint64_t facet;     // every bit of the facet
  std::uint64_t selected;  // the bits of the selected values
};

// Disjunctive facet counts and the filters in one pass over the unfiltered match set. As the
// match decider, it sees every match when the MSet checks at least the whole database: a
// document passing every group counts for all its values and is admitted to the ranking; one
// failing a single group still counts for that group's facet, so each facet's counts ignore
// its own selection. For an all-words search, one match pass then serves the total, the counts
// and the page; an any-word search counts in a pass of its own (Searcher::run says why). Local
// databases only: the remote backend applies no decider of ours
// (shared/notes/xapian-facets-and-shards.md).
// With `filtered`, a document failing any group counts nowhere: every count is within the
// filtered results.
class FacetCounter : public Xapian::MatchDecider {
 public:
  FacetCounter(const FacetMasks& masks, std::vector<FacetGroup> groups, bool filtered = false)
      : masks_(masks), groups_(std::move(groups)), filtered_(filtered) {}
  bool operator()(const Xapian::Document& doc) const override;
  const std::array<Xapian::doccount, 64>& counts() const { return counts_; }
  Xapian::doccount passed() const { return passed_; }  // documents passing every group

 private:
  const FacetMasks& masks_;
  std::vector<FacetGroup> groups_;
  bool filtered_;
  mutable std::array<Xapian::doccount, 64> counts_{};  // Xapian's decider interface is const
  mutable Xapian::doccount passed_ = 0;
};

}  // namespace copsearch
