#include "index_terms.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "schema.h"

namespace copsearch {

std::uint64_t content_hash(std::string_view data) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : data) h = (h ^ c) * 1099511628211ull;
  return h;
}

namespace {
// Xapian rejects terms over 245 bytes; such "words" (encoded blobs) are not searchable text.
constexpr std::size_t kMaxWordBytes = 120;
}  // namespace

schema::PairStems common_stems(const std::vector<const Document*>& docs, Analyzer& analyzer) {
  constexpr std::size_t kSample = 2000;
  const std::size_t step = std::max<std::size_t>(1, docs.size() / kSample);
  std::unordered_map<std::string, std::size_t> df;
  std::size_t sampled = 0;
  for (std::size_t i = 0; i < docs.size(); i += step, ++sampled) {
    const Lang lang = lang_from_code(docs[i]->lang).value_or(Lang::en);
    std::unordered_set<std::string> seen;
    for (const auto* text : {&docs[i]->title, &docs[i]->text})
      for (auto& t : analyzer.tokens(*text, lang))
        if (!is_stopword(lang, t.word)) seen.insert(std::move(t.stem));  // "of the" pairs would be most of the cost
    for (const auto& s : seen) ++df[s];
  }
  schema::PairStems out;
  for (const auto& [stem, n] : df)
    if (n * 20 >= sampled) out.insert(stem);
  return out;
}

Xapian::Document make_xapian_document(const Document& doc, const Taxonomy& taxonomy, Analyzer& analyzer, WordCounts* words,
                                      const schema::PairStems* pairs) {
  const Lang lang = lang_from_code(doc.lang).value_or(Lang::en);
  Xapian::Document xd;
  Xapian::termpos pos = 0;
  const std::string* last_common = nullptr;  // the stem at position pos - 1, if common
  Xapian::termpos last_pos = 0;
  auto pair_with_last = [&](const std::string& stem) {
    const bool common = pairs && pairs->count(stem);
    if (common && last_common && last_pos + 1 == pos)
      if (const auto pair = schema::pair_term(*last_common, stem); !pair.empty()) xd.add_boolean_term(pair);
    last_common = common ? &stem : nullptr;
    last_pos = pos;
  };
  const auto title = analyzer.tokens(doc.title, lang);
  for (const auto& t : title) {
    if (t.word.size() > kMaxWordBytes) continue;
    xd.add_posting(schema::stem_term(t.stem), ++pos, schema::kTitleWdf);
    pair_with_last(t.stem);
    if (words) ++(*words)[t.word];
  }
  pos += schema::kBodyPositionGap;
  const Xapian::termpos body_first = pos + 1;
  schema::Spans spans;
  const auto body = analyzer.tokens(doc.text, lang);
  for (const auto& t : body) {
    spans.emplace_back(t.begin, t.end);
    if (t.word.size() > kMaxWordBytes) {
      ++pos;
      continue;
    }
    xd.add_posting(schema::stem_term(t.stem), ++pos);
    pair_with_last(t.stem);
    if (words) ++(*words)[t.word];
  }
  xd.add_boolean_term(schema::id_term(doc.id));
  xd.add_boolean_term(schema::group_term(doc));
  for (const auto& [facet, values] : doc.facets)
    for (const auto& v : values) xd.add_boolean_term(schema::facet_term(facet, v));
  schema::store_document(doc, schema::encode_body_tokens(body_first, spans), xd);
  xd.add_value(schema::kFacetMaskSlot, schema::encode_mask(schema::facet_mask(doc, taxonomy)));
  xd.add_value(schema::kContentHashSlot, schema::encode_mask(content_hash(xd.get_value(schema::kHitSlot) + '\0' + doc.body)));
  return xd;
}

}  // namespace copsearch
