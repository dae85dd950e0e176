#include "facet_counter.h"

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

void FacetCounter::operator()(const Xapian::Document& doc, double) {
  for (std::uint64_t m = masks_[doc.get_docid()]; m; m &= m - 1) ++counts_[__builtin_ctzll(m)];
}

}  // namespace copsearch
