// copsearch-gen: writes a synthetic corpus (JSONL) and the benchmark query set (TSV).
#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>

#include "cli.h"
#include "synthetic.h"

namespace po = boost::program_options;
using namespace copsearch;

int main(int argc, char** argv) {
  return guarded_main("copsearch-gen", [&] {
    std::uint64_t docs = 10000, seed = 42;
    std::string out, queries, taxonomy = "corpus/taxonomy.yaml", words = "bench/data/domain_words.txt";
    po::options_description opts("copsearch-gen options");
    opts.add_options()("help,h", "show this help")("docs", po::value(&docs)->default_value(docs), "documents to write")(
        "seed", po::value(&seed)->default_value(seed), "generator seed")("out", po::value(&out), "JSONL file to write")(
        "queries", po::value(&queries), "query TSV file to write")("taxonomy", po::value(&taxonomy)->default_value(taxonomy),
                                                                      "facet vocabulary")(
        "words", po::value(&words)->default_value(words), "domain word list");
    po::variables_map vm;
    po::store(po::parse_command_line(argc, argv, opts), vm);
    po::notify(vm);
    if (vm.count("help") || (out.empty() && queries.empty())) {
      std::cout << "Usage: copsearch-gen --docs N [--seed S] --out corpus.jsonl [--queries queries.tsv]\n\n" << opts << "\n";
      return vm.count("help") ? 0 : 2;
    }
    const Taxonomy tax = Taxonomy::load(taxonomy);
    const bench::SyntheticCorpus corpus(tax, bench::load_word_list(words), seed);
    if (!out.empty()) {
      std::ofstream f(out);
      for (std::uint64_t i = 0; i < docs; ++i) f << bench::to_jsonl(corpus.document(i)) << '\n';
      if (!f) throw std::runtime_error(out + ": write failed");
    }
    if (!queries.empty()) {
      std::ofstream f(queries);
      f << "# kind\tq\tfilter (facet=value or -)\n";
      for (const auto& q : corpus.queries()) f << q.kind << '\t' << q.q << '\t' << (q.facet.empty() ? "-" : q.facet + "=" + q.value) << '\n';
    }
    return 0;
  });
}
