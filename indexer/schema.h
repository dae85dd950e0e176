// @brief How a document is laid out in Xapian: term prefixes, value slots, stored data.
//
// Omega's conventions: Q = unique id, Z = stem, X... = our own boolean prefixes; G groups
// translations, B pairs adjacent common stems (pair_term).
// The text is indexed as Z stems with positions: words match by stem, phrases as stem sequences
// (one term per word keeps the index half the size of words-plus-stems).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "document.h"
#include "taxonomy.h"

namespace copsearch::schema {

inline constexpr std::string_view kIdPrefix = "Q";
inline constexpr std::string_view kStemPrefix = "Z";
inline constexpr std::string_view kGroupPrefix = "G";   // an original and its translations share G<original id>
inline constexpr std::string_view kPairPrefix = "B";    // two common stems at adjacent positions (pair_term)
inline constexpr Xapian::valueno kFacetMaskSlot = 0;    // 8 bytes: one bit per facet value
inline constexpr Xapian::valueno kContentHashSlot = 1;  // lets --update skip unchanged documents
// Slots 2-4 (id, lang, body start) are unused since format 2; slots 5-7 (text, fields, body
// tokens) since format 3, which stores them as one record in kHitSlot (store_document).
inline constexpr Xapian::valueno kHitSlot = 8;          // what a hit shows, as one record (store_document)
inline constexpr Xapian::termcount kTitleWdf = 3;       // a title word counts as three body words
inline constexpr Xapian::termpos kBodyPositionGap = 100;  // keeps phrases from spanning title and body
inline constexpr std::string_view kFacetBitsKey = "copsearch.facet_bits";
inline constexpr std::string_view kBuiltAtKey = "copsearch.built_at";
inline constexpr std::string_view kTaxonomyKey = "copsearch.taxonomy";  // the YAML the index was built with
inline constexpr std::string_view kLexiconKey = "copsearch.lexicon";    // likewise for the lexicon
inline constexpr std::string_view kPairStemsKey = "copsearch.pair_stems";  // PairStems, one stem a line
// The layout version: stored translations, token spans and spelling keys came with 2, the hit
// record as document data with 3. An index of another version is rebuilt by --update and
// reported by the daemon.
inline constexpr std::string_view kFormatKey = "copsearch.format";
inline constexpr std::string_view kFormat = "3";

std::string id_term(std::string_view id);
std::string stem_term(std::string_view stem);
std::string group_term(const Document& doc);
// "Bonlin safeti": stems `a` and `b` (without their Z) at adjacent positions, a boolean term,
// made only when both are common (PairStems). A phrase of common words is slow because their
// position lists are long: with the pair, a two-word phrase reads one posting list instead, and
// a longer one checks positions only where every pair occurs. Pairs with a rarer word would
// cost index size and build time for phrases that are quick anyway (Lucene's common grams).
// Empty when the term would pass Xapian's length limit; neither side then uses the pair.
std::string pair_term(std::string_view a, std::string_view b);
// The common stems, chosen when an index is built and stored with it (kPairStemsKey), so that
// the indexer's updates and the query side agree on which pairs exist.
using PairStems = std::unordered_set<std::string>;
std::string encode_pair_stems(const PairStems& stems);
PairStems decode_pair_stems(std::string_view text);

// "XAUDIENCEchildren": the boolean filter term for one facet value.
std::string facet_term(std::string_view facet, std::string_view value);

// Bit i of a facet mask stands for facet_bits()[i] = (facet, value), in taxonomy order.
std::vector<std::pair<std::string, std::string>> facet_bits(const Taxonomy& taxonomy);
std::uint64_t facet_mask(const Document& doc, const Taxonomy& taxonomy);
std::string encode_mask(std::uint64_t mask);
std::uint64_t decode_mask(std::string_view bytes);

// The stored document. Everything a hit shows is one record in kHitSlot: the fields as JSON,
// the plain text and the body tokens (encode_body_tokens), each but the last preceded by its
// length as a varint. Each value read is a B-tree lookup of its own, so one record costs one
// lookup per hit where three values cost three; a value rather than the document data, which
// Xapian compresses (inflating it cost more than the lookups saved). The Markdown body, read
// only when the whole document is asked for, is the document data.
void store_document(const Document& doc, const std::string& body_tokens, Xapian::Document& xd);
struct Stored {
  Document doc;             // fields and text; the Markdown body only if asked for
  std::string body_tokens;  // for body_start and decode_spans
};
// Throws std::runtime_error for a record that is not of this layout.
Stored load_stored(const Xapian::Document& xd, bool with_body);
inline Document load_document(const Xapian::Document& xd, bool with_body) { return load_stored(xd, with_body).doc; }

// Xapian's spelling data indexes byte trigrams. In two-byte scripts (Cyrillic, Arabic, Greek,
// Hebrew) every letter starts with one of a few lead bytes, so most words share trigrams and a
// suggestion scans them all (3 ms for a Russian word against 0.2 ms for English). A word whose
// letters all lie in one 128-code-point block below U+1000 is therefore stored with one byte
// per letter; other words as they are. Suggestions come back through word_from_spelling_key.
// A key from another block, or not a key at all, is no suggestion for a key.
std::string spelling_key(std::string_view word);
std::string word_from_spelling_key(std::string_view key);

// Where a hit's snippet finds its words, read in one value: the term position of the body's
// first token, then each body token's byte range in the text, as varints (gap from the previous
// token's end, then length): about two bytes a token. Token k is at term position first + k.
using Spans = std::vector<std::pair<std::size_t, std::size_t>>;
std::string encode_body_tokens(Xapian::termpos first, const Spans& spans);
// The first term position (0 if the value is malformed); `spans` gets the packed ranges after it.
Xapian::termpos body_start(std::string_view packed, std::string_view& spans);
// The first `max` ranges of packed spans; stops at the first malformed byte.
Spans decode_spans(std::string_view packed_spans, std::size_t max);

}  // namespace copsearch::schema
