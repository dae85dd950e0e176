// copsearch-peer: the benchmark workload on copsearch and on SQLite FTS5 in the same run:
// build time, index size, query latency percentiles, and whether both return the same match
// counts and facet counts (all words must match). Prints a table; --json writes the figures.
#include <boost/program_options.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli.h"
#include "fts5_peer.h"
#include "index_store.h"
#include "percentiles.h"
#include "readers.h"
#include "searcher.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;
using namespace copsearch;
using namespace copsearch::bench;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::uintmax_t bytes_under(const fs::path& p) {
  if (fs::is_regular_file(p)) return fs::file_size(p);
  std::uintmax_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(p))
    if (e.is_regular_file()) n += e.file_size();
  return n;
}

std::vector<BenchQuery> load_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read queries");
  std::vector<BenchQuery> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    BenchQuery q{line.substr(0, t1), line.substr(t1 + 1, t2 - t1 - 1), "", ""};
    const std::string filter = line.substr(t2 + 1);
    if (filter != "-") q.facet = filter.substr(0, filter.find('=')), q.value = filter.substr(filter.find('=') + 1);
    out.push_back(q);
  }
  return out;
}

// Per query: the median of `reps` timed runs after one warm run; then percentiles over queries.
template <class Run>
std::vector<double> latencies_us(const std::vector<BenchQuery>& queries, int reps, Run run) {
  std::vector<double> out;
  for (const auto& q : queries) {
    run(q);
    std::vector<double> times;
    for (int r = 0; r < reps; ++r) {
      const auto t = Clock::now();
      run(q);
      times.push_back(seconds_since(t) * 1e6);
    }
    out.push_back(percentile(times, 50));
  }
  return out;
}

// Same total; same counts for the facets not filtered on and for the selected value.
bool agree(const SearchResult& ours, const PeerResult& peer, const BenchQuery& q) {
  if (ours.total != peer.total) return false;
  for (const auto& f : ours.facets) {
    if (f.facet != "audience" && f.facet != "risk") continue;
    const auto pf = peer.facets.find(f.facet);
    for (const auto& [value, count] : f.values) {
      if (f.facet == q.facet && value != q.value) continue;  // disjunctive counts differ by design
      const unsigned long theirs = pf == peer.facets.end() || !pf->second.count(value) ? 0 : pf->second.at(value);
      if (theirs != count) return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  return guarded_main("copsearch-peer", [&] {
    std::string jsonl, queries_path, work = "bench/work/peer", json_out, taxonomy_path = "corpus/taxonomy.yaml";
    int reps = 3;
    po::options_description opts("copsearch-peer options");
    opts.add_options()("help,h", "show this help")("jsonl", po::value(&jsonl), "corpus (copsearch-gen --out)")(
        "queries", po::value(&queries_path), "queries (copsearch-gen --queries)")(
        "work", po::value(&work)->default_value(work), "scratch folder for both indexes")(
        "reps", po::value(&reps)->default_value(reps), "timed runs per query")("json", po::value(&json_out), "write figures here")(
        "taxonomy", po::value(&taxonomy_path)->default_value(taxonomy_path), "facet vocabulary");
    po::variables_map vm;
    po::store(po::parse_command_line(argc, argv, opts), vm);
    po::notify(vm);
    if (vm.count("help") || jsonl.empty() || queries_path.empty()) {
      std::cout << "Usage: copsearch-peer --jsonl corpus.jsonl --queries queries.tsv [--json out.json]\n\n" << opts << "\n";
      return vm.count("help") ? 0 : 2;
    }
    const Taxonomy taxonomy = Taxonomy::load(taxonomy_path);
    const auto queries = load_queries(queries_path);
    fs::remove_all(work);
    fs::create_directories(work);

    auto t = Clock::now();
    ReadResult read;
    read_jsonl_file(jsonl, taxonomy, read);
    if (!read.errors.empty()) throw std::runtime_error(read.errors.front());
    IndexStore(work + "/copsearch").rebuild(read.documents, taxonomy, nullptr);
    const double our_build = seconds_since(t);
    const auto our_bytes = bytes_under(work + "/copsearch");

    t = Clock::now();
    ReadResult peer_read;
    read_jsonl_file(jsonl, taxonomy, peer_read);
    Fts5Peer peer(work + "/fts5.db");
    peer.index(peer_read.documents);
    const double peer_build = seconds_since(t);
    const auto peer_bytes = bytes_under(work + "/fts5.db");

    Searcher searcher(work + "/copsearch", taxonomy);
    auto request = [](const BenchQuery& q) {
      SearchRequest r;
      r.q = q.q;
      r.match_all = true;
      r.expand = false;
      r.lang = Lang::en;
      if (!q.facet.empty()) r.filters[q.facet] = {q.value};
      return r;
    };
    const auto ours = latencies_us(queries, reps, [&](const BenchQuery& q) { return searcher.search(request(q)); });
    const auto theirs = latencies_us(queries, reps, [&](const BenchQuery& q) { return peer.search(q, 10); });
    int agreeing = 0;
    for (const auto& q : queries) agreeing += agree(searcher.search(request(q)), peer.search(q, 10), q);

    nlohmann::ordered_json j;
    j["documents"] = read.documents.size();
    j["queries"] = queries.size();
    j["agreeing_queries"] = agreeing;
    for (const auto& [name, build, bytes, lat] :
         {std::tuple{"copsearch", our_build, our_bytes, ours}, std::tuple{"sqlite-fts5", peer_build, peer_bytes, theirs}}) {
      j[name] = {{"build_s", build}, {"index_mb", bytes / 1e6}, {"p50_us", percentile(lat, 50)},
                 {"p95_us", percentile(lat, 95)}, {"p99_us", percentile(lat, 99)}, {"max_us", percentile(lat, 100)}};
    }
    const auto& a = j["copsearch"];
    const auto& b = j["sqlite-fts5"];
    std::printf("%zu documents, %zu queries (all words must match, exact audience and risk counts, top 10)\n\n",
                read.documents.size(), queries.size());
    std::printf("| | copsearch | SQLite FTS5 | FTS5 / copsearch |\n|---|---|---|---|\n");
    for (const char* k : {"build_s", "index_mb", "p50_us", "p95_us", "p99_us", "max_us"})
      std::printf("| %s | %.1f | %.1f | %.2f |\n", k, a[k].get<double>(), b[k].get<double>(), b[k].get<double>() / a[k].get<double>());
    std::printf("\nagreement: %d of %zu queries return the same total and facet counts\n", agreeing, queries.size());
    if (!json_out.empty()) std::ofstream(json_out) << j.dump(2) << "\n";
    return 0;
  });
}
