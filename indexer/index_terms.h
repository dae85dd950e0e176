// @brief The index side of analysis: a Document becomes a Xapian::Document.
#pragma once

#include <xapian.h>

#include "analyzer.h"
#include "document.h"
#include "taxonomy.h"

namespace copsearch {

Xapian::Document make_xapian_document(const Document& doc, const Taxonomy& taxonomy, Analyzer& analyzer);

// Stable 64-bit FNV-1a hash of the stored data: equal hashes mean --update can skip a document.
std::uint64_t content_hash(std::string_view data);

}  // namespace copsearch
