// @brief A deterministic, seeded generator of guideline-like documents and a fixed query set,
// for benchmarks at any size up to millions of documents.
//
// Vocabulary: English function words, then the real domain words of bench/data/domain_words.txt,
// then pronounceable pseudo-words, Zipf-distributed; 7% of body words come from the document's
// risk topic, and fixed two-word phrases occur so phrase queries hit. Facet values are skewed
// like real use and come from the real taxonomy.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "document.h"
#include "taxonomy.h"

namespace copsearch::bench {

struct BenchQuery {
  std::string kind;    // term1, term2, term3, phrase
  std::string q;
  std::string facet;   // "" or the facet filtered on
  std::string value;
};

class SyntheticCorpus {
 public:
  SyntheticCorpus(const Taxonomy& taxonomy, const std::vector<std::string>& domain_words, std::uint64_t seed);

  // The i-th document: the same for a given seed and i, whatever else was generated.
  Document document(std::uint64_t i) const;
  // 200 queries: 60 one-word, 60 two-word, 40 three-word, 40 phrases; about 45% filtered.
  std::vector<BenchQuery> queries() const;

 private:
  std::string word(std::mt19937_64& rng) const;

  const Taxonomy& taxonomy_;
  std::vector<std::string> vocab_;
  std::vector<double> zipf_;             // weight of each vocabulary rank
  std::vector<std::string> phrases_;     // two-word phrases, emitted as units
  std::vector<std::vector<std::string>> topic_;  // per risk value
  std::vector<std::string> domain_;
  std::uint64_t seed_;
  // Sampling only reads the distribution's parameters; mutable lets document() stay const.
  mutable std::discrete_distribution<std::size_t> pick_word_;
};

std::vector<std::string> load_word_list(const std::string& path);
std::string to_jsonl(const Document& doc);

}  // namespace copsearch::bench
