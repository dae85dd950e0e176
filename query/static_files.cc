#include "static_files.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "errors.h"

namespace copsearch {

namespace fs = std::filesystem;

namespace {

std::string content_type_of(const fs::path& p) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},                  {".png", "image/png"},
      {".ico", "image/x-icon"},                   {".txt", "text/plain; charset=utf-8"},
  };
  const auto it = types.find(p.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

}  // namespace

StaticFiles StaticFiles::load(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw InputError(dir + ": the web page folder does not exist");
  StaticFiles out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    // Dotfiles (editor swap files, .gitignore) are not part of the page.
    if (!entry.is_regular_file() || entry.path().filename().string().front() == '.') continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    if (!in) throw InputError(entry.path().string() + ": cannot read");
    StaticFile f{body.str(), content_type_of(entry.path()), ""};
    std::ostringstream etag;
    etag << '"' << std::hex << std::hash<std::string>{}(f.body) << '"';
    f.etag = etag.str();
    out.files_.emplace(entry.path().filename().string(), std::move(f));
  }
  return out;
}

std::optional<std::string> StaticFiles::default_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return std::nullopt;
  for (const fs::path& candidate : {exe.parent_path() / "web", exe.parent_path().parent_path() / "share/copsearch/web"})
    if (fs::is_directory(candidate, ec)) return candidate.string();
  return std::nullopt;
}

const StaticFile* StaticFiles::find(std::string_view name) const {
  const auto it = files_.find(name);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace copsearch
