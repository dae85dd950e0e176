#include "document.h"

#include <algorithm>
#include <regex>

#include "errors.h"
#include "markdown_text.h"
#include "utf8.h"

namespace copsearch {

namespace {

enum class Kind { scalar, facet_list };

// The fixed fields of a document; every taxonomy facet but lang is a required list as well.
struct FieldSpec {
  const char* name;
  Kind kind;
  bool required;
};
constexpr FieldSpec kFields[] = {
    {"id", Kind::scalar, true},
    {"title", Kind::scalar, true},
    {"lang", Kind::scalar, true},
    {"source", Kind::scalar, false},  // optional: documents imported from elsewhere may cite none
    {"translation_of", Kind::scalar, false},
};

const std::regex kIdRe("[a-z0-9][a-z0-9._-]{0,127}");

const FieldSpec* fixed_field(const std::string& name) {
  for (const auto& f : kFields)
    if (name == f.name) return &f;
  return nullptr;
}

}  // namespace

bool build_document(const RawFields& fields, std::string body, const std::string& file, int start_line,
                    const Taxonomy& taxonomy, Document& out, std::vector<std::string>& errors) {
  const auto before = errors.size();
  auto fail = [&](int line, const std::string& reason) { errors.push_back(at(file, line ? line : start_line, reason)); };

  for (const auto& [name, raw] : fields) {
    const FieldSpec* spec = fixed_field(name);
    const Facet* facet = taxonomy.find(name);
    if (!spec && !facet) {
      fail(raw.line, "unknown field '" + name + "'");
    } else if (spec && raw.is_list) {
      fail(raw.line, "field '" + name + "' must be a single value, not a list");
    } else {
      for (const auto& item : raw.items)
        if (!is_valid_utf8(item)) fail(raw.line, "field '" + name + "' is not valid UTF-8");
    }
  }
  for (const auto& f : kFields)
    if (f.required && !fields.count(f.name)) fail(start_line, std::string("missing required field '") + f.name + "'");

  auto scalar = [&](const char* name) -> std::string {
    auto it = fields.find(name);
    return it == fields.end() || it->second.items.empty() ? "" : it->second.items.front();
  };
  out.id = scalar("id");
  out.title = scalar("title");
  out.lang = scalar("lang");
  out.source = scalar("source");
  out.translation_of = scalar("translation_of");
  out.origin = file + ":" + std::to_string(start_line);

  if (fields.count("id") && !std::regex_match(out.id, kIdRe))
    fail(fields.at("id").line, "id must be 1-128 of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
  if (fields.count("title") && out.title.empty()) fail(fields.at("title").line, "title is empty");
  if (!out.translation_of.empty() && !std::regex_match(out.translation_of, kIdRe))
    fail(fields.at("translation_of").line, "translation_of must be a document id");

  for (const auto& facet : taxonomy.facets()) {
    auto it = fields.find(facet.name);
    if (it == fields.end()) {
      if (facet.name != "lang") fail(start_line, "missing required field '" + facet.name + "'");
      continue;
    }
    const RawField& raw = it->second;
    if (raw.items.empty()) fail(raw.line, "field '" + facet.name + "' needs at least one value");
    if (!facet.multi && raw.items.size() > 1) fail(raw.line, "field '" + facet.name + "' takes one value");
    auto& values = out.facets[facet.name];
    for (const auto& v : raw.items) {
      if (!facet.index_of(v)) {
        fail(raw.line, "unknown " + facet.name + " '" + v + "'; valid values: " + facet.value_list());
      } else if (std::find(values.begin(), values.end(), v) == values.end()) {
        values.push_back(v);
      }
    }
  }

  if (!is_valid_utf8(body)) {
    fail(start_line, "body is not valid UTF-8");
  } else {
    out.text = markdown_to_text(body);
    if (out.text.find_first_not_of(" \t\r\n") == std::string::npos) fail(start_line, "body is empty");
  }
  out.body = std::move(body);
  return errors.size() == before;
}

}  // namespace copsearch
