// @brief Shared test helpers: the real taxonomy, temporary folders, documents in code.
#pragma once

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "document.h"
#include "taxonomy.h"

namespace copsearch::testing {

inline std::string source_path(const std::string& rel) { return std::string(COPSEARCH_SOURCE_DIR) + "/" + rel; }

inline const Taxonomy& real_taxonomy() {
  static const Taxonomy t = Taxonomy::load(source_path("corpus/taxonomy.yaml"));
  return t;
}

// A fresh folder under the system temp dir, removed when the object goes.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("copsearch-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string str() const { return path_.string(); }
  std::string operator/(const std::string& rel) const { return (path_ / rel).string(); }

 private:
  std::filesystem::path path_;
};

inline Document make_doc(const std::string& id, const std::string& title, const std::string& text,
                         std::vector<std::string> audience, std::vector<std::string> risk,
                         std::vector<std::string> age = {"all-ages"}, const std::string& lang = "en") {
  Document d;
  d.id = id;
  d.title = title;
  d.lang = lang;
  d.source = "test";
  d.body = text;
  d.text = text;
  d.facets = {{"audience", std::move(audience)}, {"risk", std::move(risk)}, {"age", std::move(age)}, {"lang", {lang}}};
  return d;
}

}  // namespace copsearch::testing
