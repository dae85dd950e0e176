// End to end: the real copsearch-index builds the real corpus, the real copsearchd serves it.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "fixtures.h"
#include "harness.h"
#include "schema.h"

namespace copsearch::testing {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

CommandResult index_corpus(const std::string& index_dir, std::vector<std::string> extra = {}) {
  std::vector<std::string> argv = {COPSEARCH_INDEX_BIN, "--corpus", source_path("corpus"), "--index", index_dir, "--quiet"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  return run_command(argv);
}

class DaemonTest : public ::testing::Test {
 protected:
  // A failure here must fail every test: gtest would otherwise report them as skipped.
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    try {
      const auto r = index_corpus(*dir_ / "index");
      if (r.exit_code != 0) throw std::runtime_error("copsearch-index failed: " + r.err);
      indexed_ = std::stoul(r.out.substr(r.out.find("indexed ") + 8));
      daemon_ = new Daemon(*dir_ / "index", *dir_ / "daemon.log");
    } catch (const std::exception& e) {
      setup_error_ = e.what();
    }
  }
  void SetUp() override { ASSERT_TRUE(setup_error_.empty()) << setup_error_; }
  static void TearDownTestSuite() {
    delete daemon_;
    delete dir_;
  }
  void TearDown() override {
    if (daemon_) {
      EXPECT_TRUE(daemon_->running()) << "the daemon must survive every test";
    }
  }

  static HttpReply get(const std::string& target) { return HttpClient(daemon_->port()).get(target); }

  static inline TempDir* dir_ = nullptr;
  static inline Daemon* daemon_ = nullptr;
  static inline unsigned long indexed_ = 0;
  static inline std::string setup_error_;
};

TEST_F(DaemonTest, HealthReportsTheIndexedDocuments) {
  const auto r = get("/health");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["status"], "ok");
  EXPECT_EQ(r.json()["documents"], indexed_);
  EXPECT_EQ(r.json()["built_at"].get<std::string>().size(), 20u) << "an ISO 8601 UTC time";
  EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
}

TEST_F(DaemonTest, SearchReturnsRankedFilteredHitsWithSnippetsAndExactFacets) {
  const auto r = get("/search?q=bullying&audience=parents-educators");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto j = r.json();
  ASSERT_GT(j["total"].get<int>(), 3);
  EXPECT_EQ(j["query"], "bullying");
  EXPECT_EQ(j["hits"].size(), 10u);
  double last = 1e9;
  for (const auto& h : j["hits"]) {
    const auto& aud = h["audience"];
    EXPECT_NE(std::find(aud.begin(), aud.end(), "parents-educators"), aud.end());
    EXPECT_NE(h["snippet"].get<std::string>().find("<mark>"), std::string::npos) << h["id"];
    EXPECT_LE(h["score"].get<double>(), last);
    last = h["score"].get<double>();
  }
  // Every match is for parents-educators, so that count is the total: counts cover the whole set.
  EXPECT_EQ(j["facets"]["audience"]["parents-educators"], j["total"]);
  int lang_sum = 0;
  for (const auto& [lang, n] : j["facets"]["lang"].items()) lang_sum += n.get<int>();
  EXPECT_EQ(lang_sum, j["total"].get<int>());
  EXPECT_EQ(j["facets"]["risk"].size(), 15u);
}

TEST_F(DaemonTest, PhraseQueryFindsDocumentsWithThePhrase) {
  const auto r = get("/search?q=%22online%20grooming%22&limit=100");
  ASSERT_EQ(r.status, 200);
  const auto j = r.json();
  ASSERT_GT(j["total"].get<int>(), 0);
  for (const auto& h : j["hits"]) {
    const auto doc = get("/documents/" + h["id"].get<std::string>()).json();
    std::string text = doc["title"].get<std::string>() + " " + doc["body"].get<std::string>();
    std::transform(text.begin(), text.end(), text.begin(), ::tolower);
    for (auto& c : text) if (c == '\n' || c == '*') c = ' ';
    EXPECT_NE(text.find("online grooming"), std::string::npos) << h["id"];
  }
}

TEST_F(DaemonTest, PostSearchMeansTheSameAsGet) {
  HttpClient c(daemon_->port());
  const auto post = c.request("POST", "/search", R"({"q":"sextortion","risk":["sextortion"],"limit":5})").json();
  const auto got = c.get("/search?q=sextortion&risk=sextortion&limit=5").json();
  EXPECT_EQ(post["total"], got["total"]);
  EXPECT_EQ(post["hits"], got["hits"]);
}

TEST_F(DaemonTest, DocumentRouteReturnsTheWholeDocument) {
  const auto first = get("/search?q=grooming&limit=1").json()["hits"][0];
  const auto r = get("/documents/" + first["id"].get<std::string>());
  ASSERT_EQ(r.status, 200);
  const auto d = r.json();
  EXPECT_EQ(d["title"], first["title"]);
  EXPECT_GT(d["body"].get<std::string>().size(), 500u);
  EXPECT_FALSE(d["source"].get<std::string>().empty());
  EXPECT_NE(d["body_html"].get<std::string>().find("<p>"), std::string::npos);
  const auto translated = get("/documents/teen-sextortion-threat-what-to-do-now").json();
  EXPECT_EQ(translated["translations"]["zh"], "teen-sextortion-threat-what-to-do-now.zh");
  EXPECT_EQ(get("/documents/teen-sextortion-threat-what-to-do-now.zh").json()["translations"]["en"],
            "teen-sextortion-threat-what-to-do-now");
}

TEST_F(DaemonTest, EmptyQueryWithFiltersBrowses) {
  const auto j = get("/search?risk=csam&audience=industry&limit=100").json();
  ASSERT_GT(j["total"].get<int>(), 0);
  EXPECT_EQ(j["hits"].size(), j["total"].get<std::size_t>());
  EXPECT_EQ(j["facets"]["risk"]["csam"], j["total"]);
}

TEST_F(DaemonTest, CallerWordsAreExpandedAndUrgentPhrasesGetEscalationGuidance) {
  const auto j = get("/search?q=" + url_encode("he'll post my pics")).json();
  ASSERT_FALSE(j["expanded"].empty());
  EXPECT_EQ(j["expanded"][0]["from"], "he'll post my pics");
  EXPECT_FALSE(j["expanded"][0]["to"].empty());
  ASSERT_TRUE(j.contains("urgent"));
  EXPECT_EQ(j["urgent"]["risks"][0], "sextortion");
  ASSERT_FALSE(j["urgent"]["documents"].empty());
  EXPECT_EQ(j["urgent"]["documents"][0]["id"], "teen-sextortion-threat-what-to-do-now");
  EXPECT_FALSE(get("/search?q=privacy").json().contains("urgent"));
  EXPECT_EQ(get("/search?q=bullying").json()["expanded"].size(), 1u) << "entries that stem alike are listed once";
  const auto fr = get("/search?q=" + url_encode("je veux mourir")).json();
  ASSERT_TRUE(fr.contains("urgent"));
  EXPECT_EQ(fr["urgent"]["documents"][0]["lang"], "fr") << "escalation guidance comes in the query's language";
}

TEST_F(DaemonTest, TypoGetsCorrectedWithASuggestion) {
  const auto j = get("/search?q=" + url_encode("cyber bulying")).json();
  EXPECT_EQ(j["suggestion"], "cyber bullying");
  ASSERT_GT(j["total"].get<int>(), 10);
  EXPECT_NE(j["hits"][0]["snippet"].get<std::string>().find("<mark>"), std::string::npos);
  EXPECT_FALSE(get("/search?q=bullying").json().contains("suggestion"));
}

TEST_F(DaemonTest, PrefixSearchMatchesTheWordBeingTyped) {
  EXPECT_EQ(get("/search?q=cyberbul").json()["total"], 0);
  const auto j = get("/search?q=cyberbul&prefix=true").json();
  ASSERT_GT(j["total"].get<int>(), 10);
  EXPECT_NE(j["hits"][0]["snippet"].get<std::string>().find("<mark>Cyberbullying</mark>"), std::string::npos);
}

TEST_F(DaemonTest, FacetCountsAreDisjunctiveUnlessAskedToBeFiltered) {
  const auto j = get("/search?q=grooming&audience=children").json();
  const auto all = get("/search?q=grooming").json();
  EXPECT_EQ(j["facets"]["audience"], all["facets"]["audience"]) << "audience counts ignore the audience selection";
  EXPECT_EQ(j["facets"]["audience"]["children"], j["total"]);
  EXPECT_LT(j["facets"]["risk"]["grooming"].get<int>(), all["facets"]["risk"]["grooming"].get<int>())
      << "other facets follow the selection";

  const auto within = get("/search?q=grooming&audience=children&facet_counts=filtered").json();
  EXPECT_EQ(within["total"], j["total"]);
  EXPECT_EQ(within["facets"]["risk"], j["facets"]["risk"]);
  EXPECT_EQ(within["facets"]["audience"]["children"], j["total"]);
  EXPECT_LT(within["facets"]["audience"]["parents-educators"].get<int>(), all["facets"]["audience"]["parents-educators"].get<int>())
      << "with facet_counts=filtered the audience counts are within the children's results";
  EXPECT_EQ(get("/search?q=grooming&facet_counts=some").status, 400);
}

TEST_F(DaemonTest, PreferredAudienceBoostsWithoutFiltering) {
  const auto plain = get("/search?q=cyberbullying&limit=3").json();
  const auto kids = get("/search?q=cyberbullying&limit=3&prefer_audience=children&prefer_age=9-12").json();
  EXPECT_EQ(kids["total"], plain["total"]);
  for (const auto& h : kids["hits"]) EXPECT_EQ(h["audience"][0], "children") << h["id"];
}

TEST_F(DaemonTest, HitsListTranslationsAndScriptPicksTheLanguage) {
  const auto j = get("/search?q=sextortion&lang=en&risk=sextortion&audience=children&age=13-18&limit=20").json();
  bool any = false;
  for (const auto& h : j["hits"])
    if (h.contains("translations")) any = any || h["translations"].contains("zh");
  EXPECT_TRUE(any);
  const auto ru = get("/search?q=" + url_encode("кибербуллинг") + "&limit=3").json();
  ASSERT_FALSE(ru["hits"].empty());
  for (const auto& h : ru["hits"]) EXPECT_EQ(h["lang"], "ru");
}

TEST_F(DaemonTest, SimilarDocumentsAndExplain) {
  const auto s = get("/documents/teen-sextortion-threat-what-to-do-now/similar?limit=3");
  ASSERT_EQ(s.status, 200);
  const auto j = s.json();
  ASSERT_EQ(j["hits"].size(), 3u);
  for (const auto& h : j["hits"]) {
    EXPECT_NE(h["id"], "teen-sextortion-threat-what-to-do-now");
    EXPECT_EQ(h["lang"], "en");
  }
  EXPECT_EQ(get("/documents/nope/similar").status, 404);
  EXPECT_EQ(get("/documents/teen-sextortion-threat-what-to-do-now/similar?limit=500").status, 400);
  const auto e = get("/search?q=grooming&limit=1&explain=true&prefer_audience=industry").json();
  ASSERT_TRUE(e["hits"][0].contains("explain"));
  EXPECT_FALSE(e["hits"][0]["explain"]["terms"].empty());
  bool preferred = false;
  for (const auto& b : e["hits"][0]["explain"]["boosts"]) preferred = preferred || b["boost"] == "prefer audience=industry";
  EXPECT_TRUE(preferred) << e["hits"][0]["explain"].dump();
}

TEST_F(DaemonTest, ServesTheSearchPageWithItsFilesUnderAStrictPolicy) {
  const auto page = get("/?q=ignored&risk=sexting");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("<script type=\"module\" src=\"/static/app.js\">"), std::string::npos);
  EXPECT_NE(page.headers.at("content-security-policy").find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(page.headers.at("x-content-type-options"), "nosniff");

  const auto script = get("/static/app.js");
  ASSERT_EQ(script.status, 200);
  EXPECT_EQ(script.content_type, "text/javascript; charset=utf-8");
  const std::string etag = script.headers.at("etag");
  const auto again = HttpClient(daemon_->port()).request("GET", "/static/app.js", "", "", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304) << "an unchanged file is not sent twice";
  EXPECT_TRUE(again.body.empty());
  for (const std::string& header : {"\"other\", W/" + etag, std::string("*")})
    EXPECT_EQ(HttpClient(daemon_->port()).request("GET", "/static/app.js", "", "", {{"If-None-Match", header}}).status, 304)
        << header;
  EXPECT_EQ(HttpClient(daemon_->port()).request("GET", "/static/app.js", "", "", {{"If-None-Match", "\"other\""}}).status, 200);

  EXPECT_EQ(get("/static/missing.js").status, 404);
  EXPECT_EQ(get("/static/..%2F..%2Fapi.cc").status, 404) << "only the page's own files are served";
  EXPECT_EQ(get("/static/%2E%2E").status, 404);
}

TEST_F(DaemonTest, NoWebServesTheApiAloneAndAMissingWebFolderIsRefused) {
  Daemon api_only(*dir_ / "index", *dir_ / "api-only.log", {"--no-web"});
  HttpClient client(api_only.port());
  EXPECT_EQ(client.get("/").status, 404);
  EXPECT_EQ(client.get("/health").status, 200);
  const auto r = run_command({COPSEARCHD_BIN, "--index", *dir_ / "index", "--port", "0", "--web", *dir_ / "no-such-folder"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("web page folder does not exist"), std::string::npos) << r.err;
}

TEST_F(DaemonTest, TaxonomyListsFacetsAndLabelsInDisplayOrder) {
  const auto r = get("/taxonomy");
  ASSERT_EQ(r.status, 200);
  const auto facets = r.json()["facets"];
  ASSERT_EQ(facets.size(), 4u);
  EXPECT_EQ(facets[0]["name"], "audience");
  EXPECT_EQ(facets[0]["values"][0]["value"], "children");
  EXPECT_EQ(facets[0]["values"][0]["label"], "Children and young people");
  EXPECT_EQ(facets[3]["name"], "lang");
  EXPECT_EQ(facets[3]["multi"], false);
  EXPECT_EQ(get("/taxonomy?x=1").status, 400);
}

TEST_F(DaemonTest, MetricsCountRequestsByRouteAndStatus) {
  get("/search?q=privacy");
  get("/nowhere");
  const auto r = get("/metrics");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("copsearch_requests_total{route=\"/search\",status=\"200\"}"), std::string::npos);
  EXPECT_NE(r.body.find("copsearch_requests_total{route=\"-\",status=\"404\"}"), std::string::npos);
  EXPECT_NE(r.body.find("copsearch_request_duration_seconds_bucket{le=\"+Inf\"}"), std::string::npos);
  EXPECT_NE(r.body.find("copsearch_documents " + std::to_string(indexed_)), std::string::npos);
}

struct BadInput {
  std::string method, target, body, content_type;
  int status;
  std::string code;
};

TEST_F(DaemonTest, BadInputsGetTheRightStatusAndJsonError) {
  const std::vector<BadInput> cases = {
      {"GET", "/search?foo=1", "", "", 400, "unknown_parameter"},
      {"GET", "/search?audience=kids", "", "", 400, "unknown_facet_value"},
      {"GET", "/search?limit=1000", "", "", 400, "invalid_limit"},
      {"GET", "/search?limit=abc", "", "", 400, "invalid_limit"},
      {"GET", "/search?offset=-5", "", "", 400, "invalid_offset"},
      {"GET", "/search?match=sometimes", "", "", 400, "invalid_match"},
      {"POST", "/search", "{bad", "application/json", 400, "malformed_json"},
      {"POST", "/search", "[]", "application/json", 400, "malformed_json"},
      {"POST", "/search", "{\"q\":\"\xff\"}", "application/json", 400, "invalid_utf8"},
      {"POST", "/search", "{\"q\":\"x\"}", "text/plain", 415, "unsupported_media_type"},
      {"GET", "/search?q=%FF%FE", "", "", 400, "invalid_utf8"},
      {"GET", "/search?q=%zz", "", "", 400, "bad_request"},
      {"GET", "/search?q=%22unclosed", "", "", 400, "query_syntax"},
      {"GET", "/search?q=(grooming", "", "", 400, "query_syntax"},
      {"GET", "/nope", "", "", 404, "not_found"},
      {"GET", "/documents/no-such-document", "", "", 404, "document_not_found"},
      {"DELETE", "/search", "", "", 405, "method_not_allowed"},
      {"POST", "/health", "", "", 405, "method_not_allowed"},
      {"GET", "/health?verbose=1", "", "", 400, "unknown_parameter"},
      {"GET", "/search?q=a&prefix=maybe", "", "", 400, "invalid_prefix"},
      {"GET", "/search?q=a&prefer_audience=kids", "", "", 400, "unknown_facet_value"},
      // Regression: 60,000 nested parentheses once overflowed the worker's stack.
      {"POST", "/search", "{\"q\":\"" + std::string(60000, '(') + "\"}", "application/json", 400, "query_syntax"},
  };
  HttpClient c(daemon_->port());
  for (const auto& b : cases) {
    const auto r = c.request(b.method, b.target, b.body, b.content_type);
    EXPECT_EQ(r.status, b.status) << b.method << " " << b.target;
    ASSERT_NO_THROW(r.json()) << r.body;
    EXPECT_EQ(r.json()["error"]["code"], b.code) << b.method << " " << b.target;
    EXPECT_FALSE(r.json()["error"]["message"].get<std::string>().empty());
  }
  EXPECT_EQ(c.get("/health").status, 200) << "the connection stays usable after errors";
}

TEST_F(DaemonTest, OversizedBodyIsRefusedWith413) {
  const std::string body = "{\"q\":\"" + std::string(200000, 'a') + "\"}";
  const auto reply = raw_exchange(daemon_->port(), "POST /search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                                   "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  EXPECT_EQ(reply.rfind("HTTP/1.1 413", 0), 0u) << reply.substr(0, 80);
  EXPECT_NE(reply.find("body_too_large"), std::string::npos);
}

TEST_F(DaemonTest, MalformedHttpGets400AndTheDaemonStaysUp) {
  EXPECT_EQ(raw_exchange(daemon_->port(), "GARBAGE\r\n\r\n").rfind("HTTP/1.1 400", 0), 0u);
  EXPECT_EQ(raw_exchange(daemon_->port(), "GET / HTTP/9.9\r\n\r\n").rfind("HTTP/1.1 400", 0), 0u);
  const auto big = raw_exchange(daemon_->port(), "GET /health HTTP/1.1\r\nX-Big: " + std::string(20000, 'x') + "\r\n\r\n");
  EXPECT_EQ(big.rfind("HTTP/1.1 431", 0), 0u) << big.substr(0, 40);
  send_and_close(daemon_->port(), "GET /search?q=a HTTP/1.1\r\nHost: x\r\n");  // client gives up mid-request
  EXPECT_EQ(get("/health").status, 200);
}

TEST_F(DaemonTest, KeepAliveServesManyRequestsOnOneConnection) {
  HttpClient c(daemon_->port());
  for (int i = 0; i < 50; ++i) ASSERT_EQ(c.get("/search?q=privacy&limit=1").status, 200);
}

TEST_F(DaemonTest, LogsNeverContainQueryTextOrFilterValues) {
  get("/search?q=zanzibarquokka+amelia&risk=sextortion");
  get("/search?q=%22zanzibarquokka&age=13-18");
  get("/search?audience=zanzibarquokka");
  HttpClient(daemon_->port()).request("POST", "/search", R"({"q":"zanzibarquokka amelia","lang":"fr"})");
  get("/health");  // the log line of this request proves the earlier ones were flushed
  const std::string log = slurp(*dir_ / "daemon.log");
  EXPECT_NE(log.find("GET /search 200"), std::string::npos) << log;
  EXPECT_EQ(log.find("zanzibarquokka"), std::string::npos);
  EXPECT_EQ(log.find("amelia"), std::string::npos);
  EXPECT_EQ(log.find("sextortion"), std::string::npos);
  EXPECT_EQ(log.find("13-18"), std::string::npos);
  const auto err = get("/search?audience=zanzibarquokka").body;
  EXPECT_EQ(err.find("zanzibarquokka"), std::string::npos) << "error messages do not echo filter values";
}

TEST(DaemonLifecycle, RebuildWhileQueryingFailsNoRequest) {
  TempDir dir;
  ASSERT_EQ(index_corpus(dir / "index").exit_code, 0);
  Daemon daemon(dir / "index", dir / "daemon.log");
  std::atomic<bool> done{false};
  std::atomic<int> ok{0}, failed{0};
  std::thread client([&] {
    HttpClient c(daemon.port());
    while (!done) {
      const auto r = c.get("/search?q=online+safety&audience=children&limit=5");
      (r.status == 200 && r.json()["total"].get<int>() > 0 ? ok : failed)++;
    }
  });
  for (int i = 0; i < 3; ++i) ASSERT_EQ(index_corpus(dir / "index").exit_code, 0);
  ASSERT_EQ(index_corpus(dir / "index", {"--update"}).exit_code, 0);
  done = true;
  client.join();
  EXPECT_EQ(failed, 0);
  EXPECT_GT(ok, 10);
  EXPECT_EQ(daemon.stop(SIGTERM), 0);
}

TEST(DaemonLifecycle, SigtermAndSigintExitZero) {
  TempDir dir;
  ASSERT_EQ(index_corpus(dir / "index").exit_code, 0);
  for (int sig : {SIGTERM, SIGINT}) {
    Daemon daemon(dir / "index", dir / "daemon.log");
    HttpClient idle(daemon.port());  // an idle keep-alive connection must not hold the exit
    ASSERT_EQ(idle.get("/health").status, 200);
    EXPECT_EQ(daemon.stop(sig), 0) << sig;
  }
}

TEST(DaemonLifecycle, RefusesToStartWithoutAnIndex) {
  TempDir dir;
  for (std::vector<std::string> extra : {std::vector<std::string>{}, {"--taxonomy", source_path("corpus/taxonomy.yaml")}}) {
    std::vector<std::string> argv = {COPSEARCHD_BIN, "--index", dir / "missing", "--port", "0"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    const auto r = run_command(argv);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("cannot open the index"), std::string::npos) << r.err;
  }
}

TEST(DaemonLifecycle, RefusesAnIndexOfAnotherLayoutAndSaysHowToRebuild) {
  TempDir dir;
  ASSERT_EQ(index_corpus(dir / "index").exit_code, 0);
  {
    Xapian::WritableDatabase db(dir / "index");
    db.set_metadata(std::string(schema::kFormatKey), "2");  // as an older indexer left it
    db.commit();
  }
  const auto r = run_command({COPSEARCHD_BIN, "--index", dir / "index", "--port", "0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("layout 2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("copsearch-index --update"), std::string::npos) << r.err;
  ASSERT_EQ(index_corpus(dir / "index", {"--update"}).exit_code, 0);
  Daemon daemon(dir / "index", dir / "daemon.log");
  EXPECT_EQ(HttpClient(daemon.port()).get("/search?q=grooming").status, 200);
  EXPECT_EQ(daemon.stop(SIGTERM), 0);
}

TEST(Indexer, BadDocumentExits2WithFileLineAndLeavesTheIndexUntouched) {
  TempDir dir;
  std::filesystem::create_directories(dir / "corpus/en");
  std::filesystem::copy_file(source_path("corpus/taxonomy.yaml"), dir / "corpus/taxonomy.yaml");
  std::ofstream(dir / "corpus/en/good.md") << "---\nid: good\ntitle: Good\naudience: [children]\nrisk: [privacy]\n"
                                              "age: [9-12]\nlang: en\nsource: test\n---\nKeep your address private.\n";
  auto run = [&] {
    return run_command({COPSEARCH_INDEX_BIN, "--corpus", dir / "corpus", "--index", dir / "index", "--quiet"});
  };
  ASSERT_EQ(run().exit_code, 0);
  const std::string stub_before = slurp(dir / "index/XAPIANDB");
  std::ofstream(dir / "corpus/en/bad.md") << "---\nid: bad\ntitle: Bad\naudience: [kids]\nrisk: [privacy]\n"
                                             "age: [9-12]\nlang: en\nsource: test\n---\nText.\n";
  const auto r = run();
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("en/bad.md:4: unknown audience 'kids'"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(dir / "index/XAPIANDB"), stub_before);
}

TEST(Indexer, HelpAndBadOptions) {
  const auto help = run_command({COPSEARCH_INDEX_BIN, "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--corpus"), std::string::npos);
  EXPECT_EQ(run_command({COPSEARCH_INDEX_BIN, "--no-such-option"}).exit_code, 2);
  EXPECT_EQ(run_command({COPSEARCHD_BIN, "--port", "notaport"}).exit_code, 2);
  const auto dhelp = run_command({COPSEARCHD_BIN, "--help"});
  EXPECT_EQ(dhelp.exit_code, 0);
  EXPECT_NE(dhelp.out.find("--threads"), std::string::npos);
}

}  // namespace
}  // namespace copsearch::testing
