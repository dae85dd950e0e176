// Google Benchmark suites by pipeline stage: analysis, document parsing, indexing, search by
// query class, snippets, JSON responses. Set-up is outside the timed loops; every loop checks
// its result so a benchmark cannot silently measure nothing.
//
// Sizes: COPSEARCH_BENCH_DOCS (search corpus, default 10000) and COPSEARCH_BENCH_INDEX_SIZES
// (comma-separated, default "1000,10000"). The ctest smoke run sets both tiny.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "index_store.h"
#include "readers.h"
#include "result_json.h"
#include "schema.h"
#include "searcher.h"
#include "snippet.h"
#include "synthetic.h"

namespace copsearch::bench {
namespace {

std::string source_path(const std::string& rel) { return std::string(COPSEARCH_SOURCE_DIR) + "/" + rel; }

std::size_t env_size(const char* name, std::size_t fallback) {
  const char* v = std::getenv(name);
  return v ? std::strtoull(v, nullptr, 10) : fallback;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const Taxonomy& taxonomy() {
  static const Taxonomy t = Taxonomy::load(source_path("corpus/taxonomy.yaml"));
  return t;
}

const SyntheticCorpus& synthetic() {
  static const SyntheticCorpus c(taxonomy(), load_word_list(source_path("bench/data/domain_words.txt")), 42);
  return c;
}

// The real corpus, read once.
const std::vector<Document>& real_docs() {
  static const std::vector<Document> docs = [] {
    ReadResult r;
    read_corpus_dir(source_path("corpus"), taxonomy(), r);
    return r.documents;
  }();
  return docs;
}

// A synthetic index of COPSEARCH_BENCH_DOCS documents with the real lexicon, built once.
Searcher& synthetic_searcher() {
  static std::unique_ptr<Searcher> searcher = [] {
    const std::size_t n = env_size("COPSEARCH_BENCH_DOCS", 10000);
    const auto dir = std::filesystem::temp_directory_path() / ("copsearch-bench-" + std::to_string(n));
    std::vector<Document> docs;
    for (std::size_t i = 0; i < n; ++i) docs.push_back(synthetic().document(i));
    IndexStore store(dir.string());
    store.set_metadata(std::string(schema::kLexiconKey), slurp(source_path("corpus/lexicon.yaml")));
    store.rebuild(docs, taxonomy(), nullptr);
    return std::make_unique<Searcher>(dir.string(), taxonomy());
  }();
  return *searcher;
}

void BM_Analyze(benchmark::State& state, const std::string& lang) {
  std::string text;
  for (const auto& d : real_docs())
    if (d.lang == lang) text += d.text + "\n";
  Analyzer analyzer;
  const Lang l = *lang_from_code(lang);
  for (auto _ : state) {
    const auto tokens = analyzer.tokens(text, l);
    if (tokens.empty()) state.SkipWithError("no tokens");
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void BM_ParseMarkdown(benchmark::State& state) {
  const auto& d = real_docs().front();
  const std::string file = "---\nid: " + d.id + "\ntitle: x\naudience: [children]\nrisk: [privacy]\nage: [9-12]\nlang: en\nsource: s\n---\n" + d.body;
  for (auto _ : state) {
    ReadResult r;
    read_markdown(file, "doc.md", taxonomy(), r);
    if (r.documents.size() != 1) state.SkipWithError("document rejected");
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * file.size()));
}

void BM_IndexDocuments(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  std::vector<Document> docs;
  for (std::size_t i = 0; i < n; ++i) docs.push_back(synthetic().document(i));
  const auto dir = std::filesystem::temp_directory_path() / "copsearch-bench-index";
  for (auto _ : state) {
    std::filesystem::remove_all(dir);
    const auto s = IndexStore(dir.string()).rebuild(docs, taxonomy(), nullptr);
    if (s.documents != n) state.SkipWithError("documents lost");
  }
  std::filesystem::remove_all(dir);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
  state.SetComplexityN(static_cast<int64_t>(n));
}

void BM_Search(benchmark::State& state, const std::string& kind) {
  Searcher& searcher = synthetic_searcher();
  std::vector<SearchRequest> requests;
  for (const auto& q : synthetic().queries()) {
    const bool filtered = !q.facet.empty();
    if ((kind == "prefix" || kind == "typo-lexicon") && q.kind == "phrase") continue;  // typed words, not quotes
    if (kind == "filtered" ? !filtered : (filtered || (kind != "typo-lexicon" && kind != "prefix" && q.kind != kind))) continue;
    SearchRequest r;
    r.q = q.q;
    r.lang = Lang::en;
    if (filtered) r.filters[q.facet] = {q.value};
    if (kind == "prefix") r.q = q.q.substr(0, std::max<std::size_t>(3, q.q.size() * 2 / 3)), r.prefix = true;
    if (kind == "typo-lexicon") r.q = "groomin sextorsion " + q.q + "e";  // lexicon entries and a typo
    r.expand = kind == "typo-lexicon" || kind == "prefix";
    requests.push_back(std::move(r));
    if (kind == "typo-lexicon" && requests.size() == 40) break;
  }
  std::size_t i = 0, hits = 0;
  for (auto _ : state) {
    const auto result = searcher.search(requests[i++ % requests.size()]);
    hits += result.hits.size();
    benchmark::DoNotOptimize(result.total);
  }
  if (hits == 0) state.SkipWithError("no query found anything");
  state.SetItemsProcessed(state.iterations());
}

// The daemon's path: matched token positions known from the index, the passage rendered.
void BM_Snippet(benchmark::State& state) {
  const std::string text = synthetic().document(7).text;
  const std::set<std::string> terms = {"Zchild", "Zreport", "Zonlin", "Zhelplin"};
  Analyzer analyzer;
  std::vector<std::pair<std::size_t, std::string>> matches;
  const auto toks = analyzer.tokens(text, Lang::en);
  for (std::size_t i = 0; i < toks.size(); ++i)
    if (terms.count(schema::stem_term(toks[i].stem))) matches.emplace_back(i, schema::stem_term(toks[i].stem));
  for (auto _ : state) {
    const auto s = make_snippet_at(text, Lang::en, matches, analyzer);
    if (s.empty()) state.SkipWithError("empty snippet");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void BM_JsonResponse(benchmark::State& state) {
  SearchRequest r;
  r.q = "child online report";
  const SearchResult result = synthetic_searcher().search(r);
  for (auto _ : state) {
    const std::string body = search_json(r.q, result, 1.0).dump();
    if (body.size() < 100) state.SkipWithError("short body");
  }
  state.SetItemsProcessed(state.iterations());
}

void register_all() {
  for (const char* lang : {"en", "fr", "es", "ar", "zh", "ru"})
    benchmark::RegisterBenchmark((std::string("BM_Analyze/") + lang).c_str(), BM_Analyze, std::string(lang));
  benchmark::RegisterBenchmark("BM_ParseMarkdown", BM_ParseMarkdown);
  auto* index = benchmark::RegisterBenchmark("BM_IndexDocuments", BM_IndexDocuments);
  std::stringstream sizes(std::getenv("COPSEARCH_BENCH_INDEX_SIZES") ? std::getenv("COPSEARCH_BENCH_INDEX_SIZES") : "1000,10000");
  for (std::string s; std::getline(sizes, s, ',');) index->Arg(std::stoll(s));
  index->Unit(benchmark::kMillisecond)->Iterations(1)->Complexity(benchmark::oN);
  for (const char* kind : {"term1", "term2", "term3", "phrase", "filtered", "typo-lexicon", "prefix"})
    benchmark::RegisterBenchmark((std::string("BM_Search/") + kind).c_str(), BM_Search, std::string(kind))
        ->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("BM_Snippet", BM_Snippet)->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("BM_JsonResponse", BM_JsonResponse)->Unit(benchmark::kMicrosecond);
}

}  // namespace
}  // namespace copsearch::bench

int main(int argc, char** argv) {
  copsearch::bench::register_all();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
