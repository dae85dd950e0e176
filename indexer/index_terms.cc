#include "index_terms.h"

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

Xapian::Document make_xapian_document(const Document& doc, const Taxonomy& taxonomy, Analyzer& analyzer, WordCounts* words) {
  const Lang lang = lang_from_code(doc.lang).value_or(Lang::en);
  Xapian::Document xd;
  Xapian::termpos pos = 0;
  for (const auto& t : analyzer.tokens(doc.title, lang)) {
    if (t.word.size() > kMaxWordBytes) continue;
    xd.add_posting(schema::stem_term(t.stem), ++pos, schema::kTitleWdf);
    if (words) ++(*words)[t.word];
  }
  pos += schema::kBodyPositionGap;
  const Xapian::termpos body_first = pos + 1;
  schema::Spans spans;
  for (const auto& t : analyzer.tokens(doc.text, lang)) {
    spans.emplace_back(t.begin, t.end);
    if (t.word.size() > kMaxWordBytes) {
      ++pos;
      continue;
    }
    xd.add_posting(schema::stem_term(t.stem), ++pos);
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
