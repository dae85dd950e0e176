#include "lexicon.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <set>
#include <sstream>

#include "analyzer.h"
#include "errors.h"

namespace copsearch {

namespace {

bool string_list(const YAML::Node& n, std::vector<std::string>& out) {
  if (!n || !n.IsSequence()) return false;
  for (const auto& item : n) {
    if (!item.IsScalar() || item.as<std::string>().empty()) return false;
    out.push_back(item.as<std::string>());
  }
  return true;
}

// Two entries collide when they analyse to the same words ("cyber-bullying" = "cyber bullying").
std::string match_key(Analyzer& analyzer, const std::string& text, Lang lang) {
  std::string key;
  for (const auto& t : analyzer.tokens(text, lang)) key += t.word + " ";
  return key;
}

}  // namespace

const std::vector<LexiconEntry>& Lexicon::entries(Lang lang) const {
  static const std::vector<LexiconEntry> kNone;
  auto it = entries_.find(lang);
  return it == entries_.end() ? kNone : it->second;
}

const std::vector<LexiconEntry>& Lexicon::callers(Lang lang) const {
  static const std::vector<LexiconEntry> kNone;
  auto it = callers_.find(lang);
  return it == callers_.end() ? kNone : it->second;
}

Lexicon Lexicon::load(const std::string& path, const Taxonomy& taxonomy, std::vector<std::string>& errors) {
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot read the lexicon");
  std::stringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), path, taxonomy, errors);
}

Lexicon Lexicon::parse(const std::string& yaml, const std::string& origin, const Taxonomy& taxonomy,
                       std::vector<std::string>& errors) {
  Lexicon lex;
  lex.text_ = yaml;
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    errors.push_back(at(origin, e.mark.line + 1, "malformed YAML: " + e.msg));
    return lex;
  }
  if (!root.IsMap()) {
    errors.push_back(at(origin, 1, "expected a map from language code to a list of entries"));
    return lex;
  }
  const Facet* risks = taxonomy.find("risk");
  Analyzer analyzer;
  for (const auto& kv : root) {
    const int lang_line = kv.first.Mark().line + 1;
    const auto code = kv.first.as<std::string>();
    if (code == "callers") {
      const Facet* audiences = taxonomy.find("audience");
      for (const auto& by_lang : kv.second) {
        const auto lang = lang_from_code(by_lang.first.as<std::string>());
        if (!lang) {
          errors.push_back(at(origin, by_lang.first.Mark().line + 1, "unknown language '" + by_lang.first.as<std::string>() + "'"));
          continue;
        }
        for (const auto& a : by_lang.second) {
          const auto audience = a.first.as<std::string>();
          std::vector<std::string> phrases;
          if (!audiences || !audiences->index_of(audience))
            errors.push_back(at(origin, a.first.Mark().line + 1, "unknown audience '" + audience + "'"));
          else if (!string_list(a.second, phrases))
            errors.push_back(at(origin, a.first.Mark().line + 1, "'" + audience + "' needs a list of phrases"));
          for (const auto& ph : phrases) {
            LexiconEntry e;
            e.say = ph;
            e.caller = audience;
            e.from = "callers";
            e.line = a.first.Mark().line + 1;
            lex.callers_[*lang].push_back(std::move(e));
          }
        }
      }
      continue;
    }
    if (code == "escalation") {
      if (!kv.second.IsMap()) {
        errors.push_back(at(origin, lang_line, "'escalation' must map risks to lists of document ids"));
        continue;
      }
      for (const auto& r : kv.second) {
        const auto risk = r.first.as<std::string>();
        std::vector<std::string> ids;
        if (!risks || !risks->index_of(risk)) errors.push_back(at(origin, r.first.Mark().line + 1, "unknown risk '" + risk + "'"));
        else if (!string_list(r.second, ids)) errors.push_back(at(origin, r.first.Mark().line + 1, "'" + risk + "' needs a list of document ids"));
        else lex.escalation_[risk] = std::move(ids);
      }
      continue;
    }
    const auto lang = lang_from_code(code);
    if (!lang) {
      errors.push_back(at(origin, lang_line, "unknown language '" + code + "'"));
      continue;
    }
    if (!kv.second.IsSequence()) {
      errors.push_back(at(origin, lang_line, "'" + code + "' must be a list of entries"));
      continue;
    }
    std::set<std::string> seen;
    for (const auto& e : kv.second) {
      const int line = e.Mark().line + 1;
      auto fail = [&](const std::string& why) { errors.push_back(at(origin, line, why)); };
      if (!e.IsMap()) {
        fail("an entry must be a map with say, means, risk and from");
        continue;
      }
      LexiconEntry entry;
      entry.line = line;
      bool ok = true;
      for (const auto& field : e) {
        const auto name = field.first.as<std::string>();
        if (name != "say" && name != "means" && name != "risk" && name != "urgent" && name != "from") {
          fail("unknown field '" + name + "'");
          ok = false;
        }
      }
      if (!e["say"] || !e["say"].IsScalar() || e["say"].as<std::string>().empty()) {
        fail("'say' must be a non-empty string");
        continue;
      }
      entry.say = e["say"].as<std::string>();
      if (!string_list(e["means"], entry.means) || entry.means.empty()) fail("'means' must be a non-empty list"), ok = false;
      if (!string_list(e["risk"], entry.risk) && e["risk"] && !(e["risk"].IsSequence() && e["risk"].size() == 0))
        fail("'risk' must be a list"), ok = false;
      for (const auto& r : entry.risk)
        if (!risks || !risks->index_of(r)) fail("unknown risk '" + r + "'"), ok = false;
      if (e["urgent"]) {
        if (!e["urgent"].IsScalar() || (e["urgent"].as<std::string>() != "true" && e["urgent"].as<std::string>() != "false"))
          fail("'urgent' must be true or false"), ok = false;
        else entry.urgent = e["urgent"].as<bool>();
      }
      if (!e["from"] || !e["from"].IsScalar() || e["from"].as<std::string>().empty())
        fail("'from' must say where the entry came from"), ok = false;
      else entry.from = e["from"].as<std::string>();
      const std::string key = match_key(analyzer, entry.say, *lang);
      if (key.empty()) fail("'say' has no searchable words"), ok = false;
      else if (!seen.insert(key).second) fail("'" + entry.say + "' repeats an earlier entry"), ok = false;
      if (ok) lex.entries_[*lang].push_back(std::move(entry));
    }
  }
  return lex;
}

}  // namespace copsearch
