// copsearchd: serves the index over HTTP (API v1). Exit codes: 0 ok, 2 bad options, 1 else.
#include <xapian.h>

#include <boost/program_options.hpp>
#include <iostream>
#include <optional>
#include <thread>

#include "api.h"
#include "cli.h"
#include "errors.h"
#include "http_server.h"
#include "schema.h"
#include "static_files.h"
#include "taxonomy.h"

namespace po = boost::program_options;
using namespace copsearch;

namespace {

int run(int argc, char** argv) {
  ServerOptions so;
  std::string index, taxonomy_path, config, web_dir;
  unsigned threads = 0;
  po::options_description opts("copsearchd options (also COPSEARCHD_<NAME> environment variables, or --config)");
  opts.add_options()
      ("help,h", "show this help")
      ("index", po::value(&index), "index folder written by copsearch-index")
      ("taxonomy", po::value(&taxonomy_path), "facet vocabulary file (default: the one the index was built with)")
      ("host", po::value(&so.host)->default_value(so.host), "address to bind")
      ("port", po::value(&so.port)->default_value(so.port), "port to bind; 0 picks a free one")
      ("threads", po::value(&threads)->default_value(0), "worker threads; 0 = one per core")
      ("body-limit", po::value(&so.body_limit)->default_value(so.body_limit), "largest request body in bytes")
      ("web", po::value(&web_dir), "folder of the search page served at / (default: the one installed with copsearchd)")
      ("no-web", po::bool_switch(), "serve the JSON API only, no search page")
      ("quiet", po::bool_switch(), "do not log requests")
      ("config", po::value(&config), "read options from this file (key = value lines)");
  po::variables_map vm;
  po::store(po::parse_command_line(argc, argv, opts), vm);
  po::store(po::parse_environment(opts, [&](const std::string& env) -> std::string {
              const std::string prefix = "COPSEARCHD_";
              if (env.rfind(prefix, 0) != 0) return "";
              std::string name = env.substr(prefix.size());
              for (auto& c : name) c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
              return opts.find_nothrow(name, false) ? name : "";
            }), vm);
  if (vm.count("config")) po::store(po::parse_config_file<char>(vm["config"].as<std::string>().c_str(), opts), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << "Usage: copsearchd --index DIR [--host H] [--port N]\n\n" << opts << "\n";
    return 0;
  }
  if (index.empty()) throw InputError("give --index DIR");
  if (so.body_limit == 0) throw InputError("--body-limit must be positive");
  so.threads = threads ? threads : std::max(1u, std::thread::hardware_concurrency());

  raise_fd_limit();
  Xapian::Database probe;
  try {
    probe = Xapian::Database(index);
  } catch (const Xapian::Error& e) {
    throw std::runtime_error("cannot open the index: " + e.get_description());
  }
  // Another layout would fail on its first hit: say so now, with the fix.
  if (const auto format = probe.get_metadata(std::string(schema::kFormatKey)); format != schema::kFormat)
    throw std::runtime_error("the index is of layout " + (format.empty() ? std::string("unknown") : format) +
                             ", this copsearchd reads layout " + std::string(schema::kFormat) +
                             ": rebuild it with copsearch-index --update");
  // Without --taxonomy, the daemon uses the taxonomy the index was built with.
  const Taxonomy taxonomy = taxonomy_path.empty()
                                ? Taxonomy::parse(probe.get_metadata(std::string(schema::kTaxonomyKey)), index)
                                : Taxonomy::load(taxonomy_path);
  std::optional<StaticFiles> web;
  if (!vm["no-web"].as<bool>()) {
    if (web_dir.empty()) web_dir = StaticFiles::default_dir().value_or("");
    if (!web_dir.empty()) web = StaticFiles::load(web_dir);  // a --web folder that is missing is an error
    else std::cerr << "copsearchd: warning: the search page's files are not installed; serving the API only (--web DIR)\n";
  }
  Api api(index, taxonomy, !vm["quiet"].as<bool>(), web ? &*web : nullptr);
  HttpServer server(so, api);
  std::cout << "listening on http://" << so.host << ":" << server.port() << std::endl;
  server.run();
  std::cerr << "copsearchd: stopped\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return guarded_main("copsearchd", [&] { return run(argc, argv); }); }
