// @brief The index side of analysis: a Document becomes a Xapian::Document.
#pragma once

#include <xapian.h>

#include <map>
#include <string>

#include "analyzer.h"
#include "document.h"
#include "schema.h"
#include "taxonomy.h"

namespace copsearch {

// Folded words and how often a document uses them: the spelling data typo correction draws on.
using WordCounts = std::map<std::string, Xapian::termcount>;

// Terms are the stems, with positions (phrases match stem sequences), and a pair term for
// each two adjacent stems that are both in `pairs`; `words`, if given, receives the folded words.
Xapian::Document make_xapian_document(const Document& doc, const Taxonomy& taxonomy, Analyzer& analyzer,
                                      WordCounts* words = nullptr, const schema::PairStems* pairs = nullptr);

// The stems in at least 5% of the documents (of an even sample of 2,000 in a larger collection),
// function words left out: their pairs ("of the") would be most of the pairs' cost, and they
// are rarely what makes a phrase.
schema::PairStems common_stems(const std::vector<const Document*>& docs, Analyzer& analyzer);

// Stable 64-bit FNV-1a hash of what is stored: equal hashes mean --update can skip a document.
std::uint64_t content_hash(std::string_view data);

}  // namespace copsearch
