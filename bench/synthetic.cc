#include "synthetic.h"

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace copsearch::bench {

namespace {

const char* kFunctionWords[] = {"the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "as", "with", "be",
                                "on", "not", "this", "by", "are", "or", "from", "at", "an", "but", "have", "which",
                                "they", "their", "was", "can", "will", "all", "has", "one", "there", "when", "should",
                                "other", "may", "such", "these", "than", "its", "about", "into", "who", "what", "if",
                                "would", "so", "some"};

// Pronounceable pseudo-words ("bakoli"), deterministic in their rank.
std::string pseudo_word(std::size_t n) {
  static const char* syllables[] = {"ba", "ko", "li", "mu", "re", "sa", "ti", "vo", "ne", "da", "fi", "go",
                                    "pu", "ra", "se", "to", "zu", "mi", "la", "ke"};
  std::string w;
  n += 400;  // at least three syllables, so no pseudo-word is also a real short word
  do {
    w += syllables[n % 20];
    n /= 20;
  } while (n);
  return w;
}

// Index i of `weights`, chosen with probability weights[i] / sum, from a uniform 64-bit draw.
std::size_t weighted(std::mt19937_64& rng, const std::vector<double>& cumulative) {
  const double x = std::uniform_real_distribution<double>(0, cumulative.back())(rng);
  return static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), x) - cumulative.begin());
}

std::vector<double> cumulate(const std::vector<double>& w) {
  std::vector<double> c(w.size());
  double sum = 0;
  for (std::size_t i = 0; i < w.size(); ++i) c[i] = (sum += w[i]);
  return c;
}

// Zipf-skewed pick of distinct values of a facet: the first values are the popular ones.
std::vector<std::string> pick_values(std::mt19937_64& rng, const Facet& f, int max_count) {
  std::vector<double> w;
  for (std::size_t i = 0; i < f.values.size(); ++i) w.push_back(1.0 / (i + 1));
  const auto c = cumulate(w);
  const int n = 1 + static_cast<int>(rng() % max_count);
  std::vector<std::string> out;
  for (int k = 0; k < n * 3 && static_cast<int>(out.size()) < n; ++k) {
    const auto& v = f.values[weighted(rng, c)].name;
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  return out;
}

}  // namespace

std::vector<std::string> load_word_list(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read the word list");
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') out.push_back(line);
  return out;
}

SyntheticCorpus::SyntheticCorpus(const Taxonomy& taxonomy, const std::vector<std::string>& domain, std::uint64_t seed)
    : taxonomy_(taxonomy), domain_(domain), seed_(seed) {
  constexpr std::size_t kVocab = 30000;
  for (const char* w : kFunctionWords) vocab_.push_back(w);
  // Domain words spread over the high ranks, one in every four, most important first.
  std::size_t next_domain = 0, pseudo = 0;
  while (vocab_.size() < kVocab) {
    if (next_domain < domain.size() && vocab_.size() % 4 == 0) vocab_.push_back(domain[next_domain++]);
    else vocab_.push_back(pseudo_word(pseudo++));
  }
  for (std::size_t r = 0; r < vocab_.size(); ++r) zipf_.push_back(1.0 / std::pow(static_cast<double>(r + 1), 1.0));
  pick_word_ = std::discrete_distribution<std::size_t>(zipf_.begin(), zipf_.end());
  for (std::size_t i = 0; i + 1 < 40 && i + 1 < domain.size(); i += 2) phrases_.push_back(domain[i] + " " + domain[i + 1]);
  const Facet& risk = *taxonomy.find("risk");
  topic_.resize(risk.values.size());
  for (std::size_t i = 0; i < domain.size(); ++i) topic_[i % topic_.size()].push_back(domain[i]);
}

std::string SyntheticCorpus::word(std::mt19937_64& rng) const {
  return vocab_[pick_word_(rng)];
}

Document SyntheticCorpus::document(std::uint64_t i) const {
  std::mt19937_64 rng(seed_ * 0x9E3779B97F4A7C15ull + i);
  Document d;
  char id[32];
  std::snprintf(id, sizeof id, "doc-%07llu", static_cast<unsigned long long>(i));
  d.id = id;
  d.lang = "en";
  d.source = "synthetic";
  d.facets["audience"] = pick_values(rng, *taxonomy_.find("audience"), 2);
  d.facets["risk"] = pick_values(rng, *taxonomy_.find("risk"), 3);
  d.facets["age"] = pick_values(rng, *taxonomy_.find("age"), 2);
  d.facets["lang"] = {"en"};
  const Facet& risk = *taxonomy_.find("risk");
  const auto& topic = topic_[*risk.index_of(d.facets["risk"].front())];
  const int title_words = 4 + static_cast<int>(rng() % 7);
  for (int k = 0; k < title_words; ++k) d.title += (k ? " " : "") + (k % 2 ? domain_[rng() % 60] : word(rng));
  const int body_words = 80 + static_cast<int>(rng() % 521);
  for (int k = 0; k < body_words; ++k) {
    const auto roll = rng() % 100;
    const std::string& w = roll < 7 ? topic[rng() % topic.size()] : roll < 9 ? phrases_[rng() % phrases_.size()] : word(rng);
    d.body += (k ? (k % 17 == 0 ? ". " : " ") : "") + w;
  }
  d.body += ".\n";
  d.text = d.body;
  return d;
}

std::vector<BenchQuery> SyntheticCorpus::queries() const {
  std::mt19937_64 rng(seed_ ^ 0x5151);
  const std::vector<std::pair<std::string, int>> plan = {{"term1", 60}, {"term2", 60}, {"term3", 40}, {"phrase", 40}};
  std::vector<BenchQuery> out;
  std::vector<double> w;
  for (std::size_t i = 0; i < domain_.size(); ++i) w.push_back(1.0 / (i + 1));
  const auto c = cumulate(w);
  for (const auto& [kind, n] : plan) {
    for (int k = 0; k < n; ++k) {
      BenchQuery q{kind, "", "", ""};
      if (kind == "phrase") {
        q.q = "\"" + phrases_[rng() % phrases_.size()] + "\"";
      } else {
        const int words = kind == "term1" ? 1 : kind == "term2" ? 2 : 3;
        for (int j = 0; j < words; ++j) q.q += (j ? " " : "") + domain_[weighted(rng, c)];
      }
      if (rng() % 100 < 45) {
        q.facet = rng() % 2 ? "audience" : "risk";
        const Facet& f = *taxonomy_.find(q.facet);
        q.value = f.values[rng() % f.values.size()].name;
      }
      out.push_back(std::move(q));
    }
  }
  return out;
}

std::string to_jsonl(const Document& d) {
  nlohmann::ordered_json j;
  j["id"] = d.id;
  j["title"] = d.title;
  for (const auto& [facet, values] : d.facets)
    if (facet != "lang") j[facet] = values;
  j["lang"] = d.lang;
  j["source"] = d.source;
  j["body"] = d.body;
  return j.dump();
}

}  // namespace copsearch::bench
