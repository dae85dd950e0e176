// @brief The facet vocabularies, read from the one declarative file corpus/taxonomy.yaml.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace copsearch {

struct FacetValue {
  std::string name;
  std::string label;
};

struct Facet {
  std::string name;
  std::string label;
  bool multi = true;  // false: a document carries exactly one value (lang)
  std::vector<FacetValue> values;

  std::optional<std::size_t> index_of(std::string_view value) const;
  std::string value_list() const;  // "a, b, c": for error messages
};

class Taxonomy {
 public:
  // Throws InputError naming file:line when the file is malformed.
  static Taxonomy load(const std::string& path);
  static Taxonomy parse(std::string_view yaml, const std::string& origin);

  const std::vector<Facet>& facets() const { return facets_; }
  // The YAML this taxonomy was parsed from; the indexer stores it in the index.
  const std::string& text() const { return text_; }
  const Facet* find(std::string_view name) const;

 private:
  std::vector<Facet> facets_;
  std::string text_;
};

}  // namespace copsearch
