// copsearch-relevance: prints success@3 and MRR of the judged queries, full pipeline beside
// plain BM25, so anyone can see what a ranking change does. Exit codes: 0 ok, 2 bad input, 1 else.
#include <xapian.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>

#include "cli.h"
#include "relevance.h"
#include "schema.h"

namespace po = boost::program_options;
using namespace copsearch;

int main(int argc, char** argv) {
  return guarded_main("copsearch-relevance", [&] {
    std::string index, queries;
    po::options_description opts("copsearch-relevance options");
    opts.add_options()("help,h", "show this help")("index", po::value(&index), "index folder")(
        "queries", po::value(&queries)->default_value("tests/relevance/queries.tsv"), "judged queries")(
        "failures", po::bool_switch(), "list the queries the full pipeline misses in its top 3");
    po::variables_map vm;
    po::store(po::parse_command_line(argc, argv, opts), vm);
    po::notify(vm);
    if (vm.count("help") || index.empty()) {
      std::cout << "Usage: copsearch-relevance --index DIR [--queries FILE] [--failures]\n\n" << opts << "\n";
      return index.empty() && !vm.count("help") ? 2 : 0;
    }
    const Taxonomy taxonomy = Taxonomy::parse(Xapian::Database(index).get_metadata(std::string(schema::kTaxonomyKey)), index);
    const auto judged = load_judgements(queries, taxonomy);
    Searcher searcher(index, taxonomy);
    const auto full = evaluate(searcher, taxonomy, judged, Pipeline::full);
    const auto plain = evaluate(searcher, taxonomy, judged, Pipeline::plain_bm25);
    std::printf("| pipeline | success@3 | MRR | queries |\n|---|---|---|---|\n");
    std::printf("| full (lexicon, typos, boosts) | %.3f | %.3f | %zu |\n", full.success_at_3, full.mrr, judged.size());
    std::printf("| plain BM25 | %.3f | %.3f | %zu |\n\n", plain.success_at_3, plain.mrr, judged.size());
    std::printf("| who | full success@3 | plain success@3 | queries |\n|---|---|---|---|\n");
    for (const auto& [who, f] : full.by_who)
      std::printf("| %s | %.2f | %.2f | %d |\n", who.c_str(), double(f.first) / f.second,
                  double(plain.by_who.at(who).first) / f.second, f.second);
    if (vm["failures"].as<bool>()) {
      std::printf("\nMissed by the full pipeline:\n");
      for (const auto& o : full.outcomes) {
        if (o.rank >= 1 && o.rank <= 3) continue;
        std::printf("%s  [%s] %s  (rank %d) top3:", o.judgement->origin.c_str(), o.judgement->params.c_str(),
                    o.judgement->query.c_str(), o.rank);
        for (const auto& id : o.top3) std::printf(" %s", id.c_str());
        std::printf("\n");
      }
    }
    return 0;
  });
}
