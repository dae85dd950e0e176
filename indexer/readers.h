// @brief Document readers: Markdown with YAML front matter, JSONL, and a whole corpus folder.
//
// Readers never stop at the first bad document: they collect every "file:line: reason" so an
// editor can fix a batch in one pass. A run with any error indexes nothing.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "document.h"
#include "taxonomy.h"

namespace copsearch {

struct ReadResult {
  std::vector<Document> documents;
  std::vector<std::string> errors;
};

// One Markdown file; `text` is its content, `file` the name used in messages.
void read_markdown(std::string_view text, const std::string& file, const Taxonomy& taxonomy, ReadResult& out);

// JSON Lines: one document object per line, the front-matter fields plus "body".
void read_jsonl(std::string_view text, const std::string& file, const Taxonomy& taxonomy, ReadResult& out);

// Every *.md file under `dir`, recursively, in path order.
void read_corpus_dir(const std::string& dir, const Taxonomy& taxonomy, ReadResult& out);
void read_jsonl_file(const std::string& path, const Taxonomy& taxonomy, ReadResult& out);

// Checks across documents: unique ids, translation_of naming a document that exists.
void check_collection(ReadResult& result);

// For each document id, the other documents of its translation group (lang -> id).
std::map<std::string, std::map<std::string, std::string>> translation_links(const std::vector<Document>& docs);

}  // namespace copsearch
