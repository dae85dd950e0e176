#include "readers.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "errors.h"
#include "schema.h"
#include "utf8.h"

namespace copsearch {

namespace fs = std::filesystem;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot read file");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Converts one YAML front-matter value to a RawField; `first_line` is the file line of the
// front matter's first line.
bool yaml_field(const YAML::Node& node, int first_line, RawField& out, std::string& why) {
  out.line = first_line + node.Mark().line;
  if (node.IsScalar()) {
    out.items = {node.as<std::string>()};
    return true;
  }
  if (node.IsSequence()) {
    out.is_list = true;
    for (const auto& item : node) {
      if (!item.IsScalar()) {
        why = "list items must be plain values";
        return false;
      }
      out.items.push_back(item.as<std::string>());
    }
    return true;
  }
  why = node.IsNull() ? "has no value" : "must be a value or a list of values";
  return false;
}

bool json_field(const nlohmann::json& v, RawField& out, std::string& why) {
  auto scalar = [](const nlohmann::json& j, std::string& s) {
    if (j.is_string()) s = j.get<std::string>();
    else if (j.is_number() || j.is_boolean()) s = j.dump();
    else return false;
    return true;
  };
  std::string s;
  if (scalar(v, s)) {
    out.items = {s};
    return true;
  }
  if (v.is_array()) {
    out.is_list = true;
    for (const auto& item : v) {
      if (!scalar(item, s)) {
        why = "list items must be strings";
        return false;
      }
      out.items.push_back(s);
    }
    return true;
  }
  why = "must be a string or a list of strings";
  return false;
}

}  // namespace

void read_markdown(std::string_view text, const std::string& file, const Taxonomy& taxonomy, ReadResult& out) {
  if (auto bad = invalid_utf8_at(text); bad != std::string_view::npos) {
    out.errors.push_back(at(file, line_of(text, bad), "invalid UTF-8"));
    return;
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a byte-order mark from some editors
  if (text.substr(0, 4) != "---\n" && text.substr(0, 5) != "---\r\n") {
    out.errors.push_back(at(file, 1, "expected YAML front matter starting with a '---' line"));
    return;
  }
  const auto fm_begin = text.find('\n') + 1;
  std::size_t fm_end = std::string_view::npos, body_begin = 0;
  for (std::size_t pos = fm_begin; pos < text.size();) {
    auto eol = text.find('\n', pos);
    auto line = text.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line == "---") {
      fm_end = pos;
      body_begin = eol == std::string_view::npos ? text.size() : eol + 1;
      break;
    }
    if (eol == std::string_view::npos) break;
    pos = eol + 1;
  }
  if (fm_end == std::string_view::npos) {
    out.errors.push_back(at(file, 1, "front matter is not closed by a '---' line"));
    return;
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text.substr(fm_begin, fm_end - fm_begin)));
  } catch (const YAML::Exception& e) {
    out.errors.push_back(at(file, 2 + std::max(0, e.mark.line), "malformed front matter: " + e.msg));
    return;
  }
  if (!root.IsMap()) {
    out.errors.push_back(at(file, 2, "front matter must be a map of fields"));
    return;
  }
  RawFields fields;
  bool ok = true;
  for (const auto& kv : root) {
    const auto name = kv.first.as<std::string>();
    RawField f;
    std::string why;
    if (!yaml_field(kv.second, 2, f, why)) {
      out.errors.push_back(at(file, 2 + kv.first.Mark().line, "field '" + name + "' " + why));
      ok = false;
      continue;
    }
    fields[name] = std::move(f);
  }
  Document doc;
  if (build_document(fields, std::string(text.substr(body_begin)), file, 1, taxonomy, doc, out.errors) && ok)
    out.documents.push_back(std::move(doc));
}

void read_jsonl(std::string_view text, const std::string& file, const Taxonomy& taxonomy, ReadResult& out) {
  int line_no = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    auto eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const auto line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (!is_valid_utf8(line)) {
      out.errors.push_back(at(file, line_no, "invalid UTF-8"));
      continue;
    }
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
      out.errors.push_back(at(file, line_no, "malformed JSON at byte " + std::to_string(e.byte)));
      continue;
    }
    if (!j.is_object()) {
      out.errors.push_back(at(file, line_no, "expected a JSON object"));
      continue;
    }
    RawFields fields;
    std::string body;
    bool ok = true;
    for (const auto& [name, value] : j.items()) {
      if (name == "body") {
        if (!value.is_string()) {
          out.errors.push_back(at(file, line_no, "field 'body' must be a string"));
          ok = false;
        } else {
          body = value.get<std::string>();
        }
        continue;
      }
      RawField f;
      f.line = line_no;
      std::string why;
      if (!json_field(value, f, why)) {
        out.errors.push_back(at(file, line_no, "field '" + name + "' " + why));
        ok = false;
        continue;
      }
      fields[name] = std::move(f);
    }
    if (!j.contains("body")) {
      out.errors.push_back(at(file, line_no, "missing required field 'body'"));
      continue;
    }
    Document doc;
    if (build_document(fields, std::move(body), file, line_no, taxonomy, doc, out.errors) && ok)
      out.documents.push_back(std::move(doc));
  }
}

void read_corpus_dir(const std::string& dir, const Taxonomy& taxonomy, ReadResult& out) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw InputError(dir + ": not a directory");
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file() && it->path().extension() == ".md") files.push_back(it->path());
  if (ec) throw InputError(dir + ": cannot list: " + ec.message());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) read_markdown(slurp(f.string()), f.string(), taxonomy, out);
}

void read_jsonl_file(const std::string& path, const Taxonomy& taxonomy, ReadResult& out) {
  read_jsonl(slurp(path), path, taxonomy, out);
}

std::map<std::string, std::map<std::string, std::string>> translation_links(const std::vector<Document>& docs) {
  std::map<std::string, std::vector<const Document*>> groups;  // group term -> the group
  for (const auto& d : docs) groups[schema::group_term(d)].push_back(&d);
  std::map<std::string, std::map<std::string, std::string>> out;
  for (const auto& [original, members] : groups) {
    if (members.size() < 2) continue;
    for (const Document* d : members)
      for (const Document* other : members)
        if (other != d) out[d->id][other->lang] = other->id;
  }
  return out;
}

void check_collection(ReadResult& result) {
  std::map<std::string, const Document*> by_id;
  for (const auto& d : result.documents) {
    auto [it, fresh] = by_id.emplace(d.id, &d);
    if (!fresh) result.errors.push_back(d.origin + ": duplicate id '" + d.id + "' (first at " + it->second->origin + ")");
  }
  for (const auto& d : result.documents) {
    if (d.translation_of.empty()) continue;
    auto it = by_id.find(d.translation_of);
    if (it == by_id.end())
      result.errors.push_back(d.origin + ": translation_of names '" + d.translation_of + "', which is not in the corpus");
    else if (it->second->lang == d.lang)
      result.errors.push_back(d.origin + ": translation_of names a document in the same language");
  }
  std::map<std::pair<std::string, std::string>, const Document*> by_group_lang;
  for (const auto& d : result.documents) {
    if (d.translation_of.empty()) continue;
    auto [it, fresh] = by_group_lang.emplace(std::pair{d.translation_of, d.lang}, &d);
    if (!fresh)
      result.errors.push_back(d.origin + ": a second " + d.lang + " translation of '" + d.translation_of + "' (first at " +
                              it->second->origin + ")");
  }
}

}  // namespace copsearch
