// copsearch-index: reads a corpus folder and/or JSONL files and (re)builds the index.
// Exit codes: 0 ok, 2 bad input, 1 anything else.
#include <xapian.h>

#include <boost/program_options.hpp>
#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli.h"
#include "coverage.h"
#include "errors.h"
#include "lexicon.h"
#include "index_store.h"
#include "readers.h"
#include "schema.h"
#include "taxonomy.h"

namespace po = boost::program_options;
using namespace copsearch;

namespace {

void print_summary(const IndexSummary& s, const std::string& index_dir, const Taxonomy& taxonomy, double seconds) {
  std::cout << "indexed " << s.documents << " documents in " << seconds << " s"
            << " (added " << s.added << ", changed " << s.changed << ", removed " << s.removed
            << ", unchanged " << s.unchanged << ")\n";
  Xapian::Database db(index_dir);
  for (const auto& f : taxonomy.facets()) {
    std::cout << f.name << ":";
    for (const auto& v : f.values) std::cout << " " << v.name << "=" << db.get_termfreq(schema::facet_term(f.name, v.name));
    std::cout << "\n";
  }
}

int run(int argc, char** argv) {
  po::options_description opts("copsearch-index options");
  opts.add_options()
      ("help,h", "show this help")
      ("corpus", po::value<std::string>(), "folder of Markdown documents, read recursively")
      ("jsonl", po::value<std::vector<std::string>>()->composing(), "JSON Lines file of documents (repeatable)")
      ("index", po::value<std::string>(), "index folder to build or update")
      ("taxonomy", po::value<std::string>(), "facet vocabulary file (default: CORPUS/taxonomy.yaml)")
      ("update", po::bool_switch(), "replace changed documents and delete removed ones instead of rebuilding")
      ("check", po::bool_switch(), "validate the documents (and the lexicon) only; write nothing")
      ("coverage", po::bool_switch(), "print the coverage matrix (audience x risk, per language, per age) and exit")
      ("lexicon", po::value<std::string>(), "lexicon file to validate (default: CORPUS/lexicon.yaml if present)")
      ("quiet,q", po::bool_switch(), "no progress output")
      ("config", po::value<std::string>(), "read options from this file (key = value lines)");
  po::variables_map vm;
  po::store(po::parse_command_line(argc, argv, opts), vm);
  if (vm.count("config")) po::store(po::parse_config_file<char>(vm["config"].as<std::string>().c_str(), opts), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << "Usage: copsearch-index --corpus DIR [--jsonl FILE]... --index DIR\n\n" << opts << "\n";
    return 0;
  }
  if (!vm.count("corpus") && !vm.count("jsonl")) throw InputError("give --corpus DIR and/or --jsonl FILE");
  const bool check_only = vm["check"].as<bool>() || vm["coverage"].as<bool>();
  if (!vm.count("index") && !check_only) throw InputError("give --index DIR (or --check, --coverage)");
  std::string taxonomy_path;
  if (vm.count("taxonomy")) taxonomy_path = vm["taxonomy"].as<std::string>();
  else if (vm.count("corpus")) taxonomy_path = vm["corpus"].as<std::string>() + "/taxonomy.yaml";
  else throw InputError("give --taxonomy FILE when indexing only JSONL");

  const auto start = std::chrono::steady_clock::now();
  const Taxonomy taxonomy = Taxonomy::load(taxonomy_path);
  ReadResult read;
  if (vm.count("corpus")) read_corpus_dir(vm["corpus"].as<std::string>(), taxonomy, read);
  if (vm.count("jsonl"))
    for (const auto& f : vm["jsonl"].as<std::vector<std::string>>()) read_jsonl_file(f, taxonomy, read);
  check_collection(read);
  std::string lexicon_path = vm.count("lexicon") ? vm["lexicon"].as<std::string>() : "";
  if (lexicon_path.empty() && vm.count("corpus") && std::filesystem::exists(vm["corpus"].as<std::string>() + "/lexicon.yaml"))
    lexicon_path = vm["corpus"].as<std::string>() + "/lexicon.yaml";
  Lexicon lexicon;
  if (!lexicon_path.empty()) lexicon = Lexicon::load(lexicon_path, taxonomy, read.errors);
  if (!read.errors.empty()) {
    for (const auto& e : read.errors) std::cerr << e << "\n";
    std::cerr << read.errors.size() << " error(s); the index was not changed\n";
    return 2;
  }
  if (vm["coverage"].as<bool>()) {
    Coverage(read.documents).print_report(std::cout, taxonomy);
    return 0;
  }
  if (vm["check"].as<bool>()) {
    std::cout << read.documents.size() << " documents are valid" << (lexicon_path.empty() ? "" : ", and the lexicon") << "\n";
    return 0;
  }
  const bool quiet = vm["quiet"].as<bool>();
  auto last_report = start;
  const Progress progress = [&](std::size_t done, std::size_t total) {
    const auto now = std::chrono::steady_clock::now();
    if (quiet || (now - last_report < std::chrono::seconds(2) && done != total)) return;
    last_report = now;
    std::cerr << "\rindexing " << done << "/" << total << " documents" << (done == total ? "\n" : "") << std::flush;
  };
  IndexStore store(vm["index"].as<std::string>());
  if (!lexicon_path.empty()) store.set_metadata(std::string(schema::kLexiconKey), lexicon.text());
  const IndexSummary s = vm["update"].as<bool>() ? store.update(read.documents, taxonomy, progress)
                                                 : store.rebuild(read.documents, taxonomy, progress);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  print_summary(s, vm["index"].as<std::string>(), taxonomy, seconds);
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return guarded_main("copsearch-index", [&] { return run(argc, argv); }); }
