#include "taxonomy.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "errors.h"

namespace copsearch {

namespace {
const std::regex kNameRe("[a-z][a-z0-9-]{0,31}");
const std::regex kValueRe("[a-z0-9][a-z0-9-]{0,63}");

int line(const YAML::Node& n) { return n.Mark().line + 1; }
}  // namespace

std::optional<std::size_t> Facet::index_of(std::string_view value) const {
  for (std::size_t i = 0; i < values.size(); ++i)
    if (values[i].name == value) return i;
  return std::nullopt;
}

std::string Facet::value_list() const {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v.name;
  return out;
}

const Facet* Taxonomy::find(std::string_view name) const {
  for (const auto& f : facets_)
    if (f.name == name) return &f;
  return nullptr;
}

Taxonomy Taxonomy::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot read the taxonomy file");
  std::stringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), path);
}

Taxonomy Taxonomy::parse(std::string_view text, const std::string& origin) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    throw InputError(at(origin, e.mark.line + 1, "malformed YAML: " + e.msg));
  }
  if (!root.IsMap() || !root["facets"] || !root["facets"].IsSequence())
    throw InputError(at(origin, 1, "expected a top-level 'facets' list"));
  Taxonomy t;
  t.text_ = text;
  for (const auto& f : root["facets"]) {
    if (!f.IsMap() || !f["name"] || !f["values"] || !f["values"].IsMap())
      throw InputError(at(origin, line(f), "each facet needs 'name' and a 'values' map"));
    Facet facet;
    facet.name = f["name"].as<std::string>();
    if (!std::regex_match(facet.name, kNameRe))
      throw InputError(at(origin, line(f["name"]), "facet name must be lowercase letters, digits or '-'"));
    if (t.find(facet.name)) throw InputError(at(origin, line(f["name"]), "duplicate facet '" + facet.name + "'"));
    facet.label = f["label"] ? f["label"].as<std::string>() : facet.name;
    facet.multi = f["multi"] ? f["multi"].as<bool>() : true;
    for (const auto& kv : f["values"]) {
      FacetValue v{kv.first.as<std::string>(), kv.second.IsNull() ? "" : kv.second.as<std::string>()};
      if (!std::regex_match(v.name, kValueRe))
        throw InputError(at(origin, line(kv.first), "facet value '" + v.name + "' must be lowercase letters, digits or '-'"));
      if (facet.index_of(v.name))
        throw InputError(at(origin, line(kv.first), "duplicate value '" + v.name + "' in facet '" + facet.name + "'"));
      if (v.label.empty()) v.label = v.name;
      facet.values.push_back(std::move(v));
    }
    if (facet.values.empty()) throw InputError(at(origin, line(f), "facet '" + facet.name + "' has no values"));
    t.facets_.push_back(std::move(facet));
  }
  std::size_t bits = 0;
  for (const auto& f : t.facets_) bits += f.values.size();
  if (bits > 64) throw InputError(at(origin, 1, "more than 64 facet values in all; the facet mask holds 64"));
  for (const char* required : {"lang"})
    if (!t.find(required)) throw InputError(at(origin, 1, std::string("the taxonomy must declare the '") + required + "' facet"));
  return t;
}

}  // namespace copsearch
