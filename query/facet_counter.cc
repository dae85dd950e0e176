#include "facet_counter.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "schema.h"

namespace copsearch {

void FacetMasks::load(const Xapian::Database& db, const Taxonomy& taxonomy) {
  masks_.assign(db.get_lastdocid() + 1, 0);
  for (auto v = db.valuestream_begin(schema::kFacetMaskSlot); v != db.valuestream_end(schema::kFacetMaskSlot); ++v)
    masks_[v.get_docid()] = schema::decode_mask(*v);
  bits_.clear();
  const std::string meta = db.get_metadata(std::string(schema::kFacetBitsKey));
  if (meta.empty()) return;
  for (const auto& pair : nlohmann::json::parse(meta)) {
    const auto facet_name = pair.at(0).get<std::string>();
    const auto value = pair.at(1).get<std::string>();
    std::pair<int, int> where{-1, -1};
    for (std::size_t f = 0; f < taxonomy.facets().size(); ++f) {
      if (taxonomy.facets()[f].name != facet_name) continue;
      if (auto v = taxonomy.facets()[f].index_of(value)) where = {static_cast<int>(f), static_cast<int>(*v)};
    }
    bits_.push_back(where);
  }
}

std::uint64_t FacetMasks::facet_bits(int facet) const {
  std::uint64_t out = 0;
  for (std::size_t b = 0; b < bits_.size(); ++b)
    if (bits_[b].first == facet) out |= std::uint64_t{1} << b;
  return out;
}

std::uint64_t FacetMasks::value_bits(int facet, const std::vector<std::string>& values, const Taxonomy& taxonomy) const {
  std::uint64_t out = 0;
  const Facet& f = taxonomy.facets()[facet];
  for (std::size_t b = 0; b < bits_.size(); ++b)
    if (bits_[b].first == facet &&
        std::find(values.begin(), values.end(), f.values[bits_[b].second].name) != values.end())
      out |= std::uint64_t{1} << b;
  return out;
}

bool FacetCounter::operator()(const Xapian::Document& doc) const {
  const std::uint64_t m = masks_[doc.get_docid()];
  std::uint64_t count_bits = m;
  const FacetGroup* failed = nullptr;
  for (const auto& g : groups_) {
    if (m & g.selected) continue;
    if (failed || filtered_) return false;  // fails two selections, or one when counting within the filters
    failed = &g;
  }
  if (failed) count_bits &= failed->facet;
  else ++passed_;
  for (; count_bits; count_bits &= count_bits - 1) ++counts_[__builtin_ctzll(count_bits)];
  return !failed;
}

}  // namespace copsearch
