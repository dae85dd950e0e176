#include "fts5_peer.h"

#include <sqlite3.h>

#include <cstdio>
#include <stdexcept>

namespace copsearch::bench {

namespace {

struct Stmt {
  Stmt(sqlite3* db, const std::string& sql) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db));
  }
  ~Stmt() { sqlite3_finalize(s); }
  sqlite3_stmt* s = nullptr;
};

// FTS5 query syntax: each word quoted (all must match), or one quoted phrase.
std::string match_expression(const std::string& q) {
  if (!q.empty() && q.front() == '"') return q;
  std::string out, word;
  for (char c : q + " ") {
    if (c == ' ') {
      if (!word.empty()) out += (out.empty() ? "\"" : " \"") + word + "\"";
      word.clear();
    } else {
      word += c;
    }
  }
  return out;
}

}  // namespace

Fts5Peer::Fts5Peer(const std::string& path) {
  std::remove(path.c_str());
  if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) throw std::runtime_error("sqlite: cannot open " + path);
  // 64 MB of page cache, as a deployment would give it; the facet rows clustered by document.
  exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;");
  exec("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize='porter unicode61')");
  exec("CREATE TABLE facets(docid INTEGER, facet TEXT, value TEXT, PRIMARY KEY(docid, facet, value)) WITHOUT ROWID");
}

Fts5Peer::~Fts5Peer() { sqlite3_close(db_); }

void Fts5Peer::exec(const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    const std::string msg = err ? err : "unknown";
    sqlite3_free(err);
    throw std::runtime_error("sqlite: " + msg);
  }
}

void Fts5Peer::index(const std::vector<Document>& docs) {
  exec("BEGIN");
  Stmt doc(db_, "INSERT INTO docs(rowid, id, title, body) VALUES(?, ?, ?, ?)");
  Stmt facet(db_, "INSERT INTO facets(docid, facet, value) VALUES(?, ?, ?)");
  sqlite3_int64 rowid = 0;
  for (const auto& d : docs) {
    ++rowid;
    sqlite3_bind_int64(doc.s, 1, rowid);
    sqlite3_bind_text(doc.s, 2, d.id.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(doc.s, 3, d.title.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(doc.s, 4, d.text.c_str(), -1, SQLITE_STATIC);
    if (sqlite3_step(doc.s) != SQLITE_DONE) throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db_));
    sqlite3_reset(doc.s);
    for (const char* f : {"audience", "risk"}) {
      for (const auto& v : d.facets.at(f)) {
        sqlite3_bind_int64(facet.s, 1, rowid);
        sqlite3_bind_text(facet.s, 2, f, -1, SQLITE_STATIC);
        sqlite3_bind_text(facet.s, 3, v.c_str(), -1, SQLITE_TRANSIENT);
        if (sqlite3_step(facet.s) != SQLITE_DONE) throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db_));
        sqlite3_reset(facet.s);
      }
    }
  }
  exec("COMMIT");
  exec("CREATE INDEX facets_by_value ON facets(facet, value, docid)");
  exec("INSERT INTO docs(docs) VALUES('optimize')");
  exec("ANALYZE");
}

// The fastest plan found for SQLite: the filter's "+rowid" keeps SQLite from turning the IN list
// into one MATCH per filtered document (a second a query at 10k documents), and the match set is
// materialised once for the total and every count.
PeerResult Fts5Peer::search(const BenchQuery& q, unsigned limit) {
  const std::string filter = q.facet.empty() ? "" : " AND +rowid IN (SELECT docid FROM facets WHERE facet = ?2 AND value = ?3)";
  const std::string matches = "SELECT rowid AS docid FROM docs WHERE docs MATCH ?1" + filter;
  auto bind = [&](Stmt& st) {
    const std::string expr = match_expression(q.q);
    sqlite3_bind_text(st.s, 1, expr.c_str(), -1, SQLITE_TRANSIENT);
    if (!q.facet.empty()) {
      sqlite3_bind_text(st.s, 2, q.facet.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(st.s, 3, q.value.c_str(), -1, SQLITE_TRANSIENT);
    }
  };
  PeerResult r;
  Stmt top(db_, "SELECT id FROM docs WHERE docs MATCH ?1" + filter + " ORDER BY bm25(docs, 0, 3.0, 1.0) LIMIT " + std::to_string(limit));
  bind(top);
  while (sqlite3_step(top.s) == SQLITE_ROW) r.top.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(top.s, 0)));
  Stmt counts(db_, "WITH m AS MATERIALIZED (" + matches + ") SELECT f.facet, f.value, count(*) FROM m JOIN facets f USING (docid) "
                   "GROUP BY f.facet, f.value UNION ALL SELECT NULL, NULL, count(*) FROM m");
  bind(counts);
  while (sqlite3_step(counts.s) == SQLITE_ROW) {
    const auto n = static_cast<unsigned long>(sqlite3_column_int64(counts.s, 2));
    if (sqlite3_column_type(counts.s, 0) == SQLITE_NULL) r.total = n;  // the match set's size
    else r.facets[reinterpret_cast<const char*>(sqlite3_column_text(counts.s, 0))][reinterpret_cast<const char*>(sqlite3_column_text(counts.s, 1))] = n;
  }
  return r;
}

}  // namespace copsearch::bench
