// @brief A guideline document as the readers produce it, and the field table that validates it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "taxonomy.h"

namespace copsearch {

struct Document {
  std::string id;
  std::string title;
  std::string lang;
  std::string source;
  std::string translation_of;  // empty when the document is an original
  // The same guidance in other languages (lang -> id), derived from translation_of across the
  // collection when indexing, so a hit lists its translations without further lookups.
  std::map<std::string, std::string> translations;
  std::map<std::string, std::vector<std::string>> facets;  // by facet name; includes "lang"
  std::string body;            // Markdown as written
  std::string text;            // plain text of the body, for analysis and snippets
  std::string origin;          // "file:line" where the document starts
};

// A field as read from front matter or JSON, before validation.
struct RawField {
  std::vector<std::string> items;  // one item for a scalar
  bool is_list = false;
  int line = 0;
};
using RawFields = std::map<std::string, RawField>;

// Validates fields against the field table and the taxonomy. Appends "file:line: reason"
// messages to `errors` and returns false when the document is rejected.
bool build_document(const RawFields& fields, std::string body, const std::string& file, int start_line,
                    const Taxonomy& taxonomy, Document& out, std::vector<std::string>& errors);

}  // namespace copsearch
