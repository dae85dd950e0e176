// @brief The search page's files (query/web), read once at start-up and served from memory.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace copsearch {

struct StaticFile {
  std::string body;
  std::string content_type;
  std::string etag;  // quoted, from the content: lets browsers revalidate with If-None-Match
};

class StaticFiles {
 public:
  // Reads every regular file directly in `dir`; throws InputError if `dir` is not a folder.
  static StaticFiles load(const std::string& dir);
  // The folder next to the running program (build tree), else ../share/copsearch/web (installed).
  static std::optional<std::string> default_dir();

  const StaticFile* find(std::string_view name) const;
  bool empty() const { return files_.empty(); }

 private:
  std::map<std::string, StaticFile, std::less<>> files_;
};

}  // namespace copsearch
