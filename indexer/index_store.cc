#include "index_store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <nlohmann/json.hpp>
#include <set>

#include "analyzer.h"
#include "errors.h"
#include "index_terms.h"
#include "readers.h"
#include "schema.h"

namespace copsearch {

namespace fs = std::filesystem;

namespace {

constexpr const char* kStub = "XAPIANDB";
constexpr const char* kGenPrefix = "gen-";
constexpr std::size_t kBatchSize = 256;  // documents analysed ahead of the writer

// Holds an exclusive flock on DIR/.lock so two indexers never switch the stub at once.
class DirLock {
 public:
  explicit DirLock(const std::string& dir) {
    const std::string path = dir + "/.lock";
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw std::runtime_error(path + ": cannot open lock file");
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd_);
      throw std::runtime_error(dir + ": another indexer is writing this index");
    }
  }
  ~DirLock() { ::close(fd_); }
  DirLock(const DirLock&) = delete;
  DirLock& operator=(const DirLock&) = delete;

 private:
  int fd_;
};

long generation_number(const fs::path& p) {
  const auto name = p.filename().string();
  if (name.rfind(kGenPrefix, 0) != 0) return -1;
  try {
    std::size_t used = 0;
    long n = std::stol(name.substr(4), &used);
    return used == name.size() - 4 ? n : -1;
  } catch (...) {
    return -1;
  }
}

std::string gen_name(long n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%06ld", kGenPrefix, n);
  return buf;
}

// The document with its translation links filled in, as it is stored.
Document linked(const Document& d, const std::map<std::string, std::map<std::string, std::string>>& links) {
  Document out = d;
  if (const auto it = links.find(d.id); it != links.end()) out.translations = it->second;
  return out;
}

// Documents in id order, so browsing without a query lists them by id.
std::vector<const Document*> by_id(const std::vector<Document>& docs) {
  std::vector<const Document*> out;
  for (const auto& d : docs) out.push_back(&d);
  std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->id < b->id; });
  return out;
}

// Spelling targets for typo correction: each folded word once per document, with its count.
void add_spellings(Xapian::WritableDatabase& db, const WordCounts& words) {
  for (const auto& [word, count] : words) db.add_spelling(schema::spelling_key(word), count);
}

}  // namespace

void IndexStore::write_metadata(Xapian::WritableDatabase& db, const Taxonomy& taxonomy) const {
  for (const auto& [key, value] : metadata_) db.set_metadata(key, value);
  nlohmann::json bits = schema::facet_bits(taxonomy);
  db.set_metadata(std::string(schema::kFacetBitsKey), bits.dump());
  db.set_metadata(std::string(schema::kTaxonomyKey), taxonomy.text());
  db.set_metadata(std::string(schema::kFormatKey), std::string(schema::kFormat));
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  db.set_metadata(std::string(schema::kBuiltAtKey), when);
}

IndexStore::IndexStore(std::string dir) : dir_(std::move(dir)) {}

std::string IndexStore::live_generation() const {
  std::ifstream in(dir_ + "/" + kStub);
  std::string kind, name;
  if (!(in >> kind >> name)) return "";
  return dir_ + "/" + name;
}

IndexSummary IndexStore::rebuild(const std::vector<Document>& docs, const Taxonomy& taxonomy, const Progress& progress) {
  fs::create_directories(dir_);
  DirLock lock(dir_);
  long last = 0;
  for (const auto& e : fs::directory_iterator(dir_)) last = std::max(last, generation_number(e.path()));
  const std::string name = gen_name(last + 1);
  const std::string tmp = dir_ + "/" + name + ".tmp", compacted = tmp + ".compact";
  fs::remove_all(tmp);
  fs::remove_all(compacted);
  try {
    Xapian::WritableDatabase db(tmp, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
    write_metadata(db, taxonomy);
    const auto links = translation_links(docs);
    const auto order = by_id(docs);
    // Analysis of the next batch runs on a second thread while this one writes the last: the
    // two take similar time. One analyser serves every batch, one batch at a time.
    Analyzer analyzer;
    const schema::PairStems pairs = common_stems(order, analyzer);
    db.set_metadata(std::string(schema::kPairStemsKey), schema::encode_pair_stems(pairs));
    struct Batch {
      std::vector<Xapian::Document> docs;
      WordCounts words;
    };
    auto analyse = [&](std::size_t begin) {
      Batch b;
      for (std::size_t i = begin; i < std::min(begin + kBatchSize, order.size()); ++i)
        b.docs.push_back(make_xapian_document(linked(*order[i], links), taxonomy, analyzer, &b.words, &pairs));
      return b;
    };
    WordCounts words;  // summed over the collection: one spelling update per distinct word
    // Declared after what analyse() reads: std::async's future waits in its destructor, so on an
    // exception no batch outlives its inputs.
    std::future<Batch> next = std::async(std::launch::async, analyse, 0);
    for (std::size_t begin = 0; begin < order.size(); begin += kBatchSize) {
      Batch batch = next.get();
      if (begin + kBatchSize < order.size()) next = std::async(std::launch::async, analyse, begin + kBatchSize);
      for (std::size_t i = 0; i < batch.docs.size(); ++i) {
        db.add_document(batch.docs[i]);
        if (progress) progress(begin + i + 1, docs.size());
      }
      for (const auto& [word, count] : batch.words) words[word] += count;
    }
    add_spellings(db, words);
    db.commit();
    db.close();
    // The served generation is compacted: full blocks make it smaller and quicker to read, and
    // it stays updatable (--update writes into it).
    Xapian::Database(tmp).compact(compacted);
    fs::remove_all(tmp);
    fs::rename(compacted, dir_ + "/" + name);
  } catch (...) {
    std::error_code ec;
    fs::remove_all(tmp, ec);
    fs::remove_all(compacted, ec);
    throw;
  }
  // The switch: rename() replaces the stub in one step; readers see the old or the new index.
  const std::string stub_tmp = dir_ + "/" + kStub + ".tmp";
  {
    std::ofstream out(stub_tmp, std::ios::trunc);
    out << "auto " << name << "\n";
    out.flush();
    if (!out) throw std::runtime_error(stub_tmp + ": cannot write");
  }
  fs::rename(stub_tmp, dir_ + "/" + kStub);
  // Keep the previous generation: a daemon thread may still be finishing a search on it.
  for (const auto& e : fs::directory_iterator(dir_)) {
    const long n = generation_number(e.path());
    if (n >= 0 && n < last) fs::remove_all(e.path());
  }
  IndexSummary s;
  s.documents = s.added = docs.size();
  return s;
}

IndexSummary IndexStore::update(const std::vector<Document>& docs, const Taxonomy& taxonomy, const Progress& progress) {
  const std::string live = live_generation();
  if (live.empty() || !fs::exists(live)) return rebuild(docs, taxonomy, progress);
  {
    // A changed taxonomy renumbers the facet mask bits, and an older layout lacks what this
    // version stores: only a rebuild makes either right.
    Xapian::Database current(live);
    if (current.get_metadata(std::string(schema::kFacetBitsKey)) != nlohmann::json(schema::facet_bits(taxonomy)).dump() ||
        current.get_metadata(std::string(schema::kFormatKey)) != schema::kFormat)
      return rebuild(docs, taxonomy, progress);
  }
  DirLock lock(dir_);
  Analyzer analyzer;
  Xapian::WritableDatabase db(live, Xapian::DB_OPEN);
  const auto pairs = schema::decode_pair_stems(db.get_metadata(std::string(schema::kPairStemsKey)));  // as built
  IndexSummary s;
  std::set<std::string> wanted;
  std::size_t done = 0;
  const auto links = translation_links(docs);
  for (const Document* d : by_id(docs)) {
    wanted.insert(schema::id_term(d->id));
    WordCounts words;
    // A new or removed translation changes its group's stored links, so their hashes change too.
    Xapian::Document xd = make_xapian_document(linked(*d, links), taxonomy, analyzer, &words, &pairs);
    const std::string term = schema::id_term(d->id);
    auto post = db.postlist_begin(term);
    if (post == db.postlist_end(term)) {
      db.add_document(xd);
      add_spellings(db, words);
      ++s.added;
    } else if (db.get_document(*post).get_value(schema::kContentHashSlot) == xd.get_value(schema::kContentHashSlot)) {
      ++s.unchanged;
    } else {
      db.replace_document(term, xd);
      add_spellings(db, words);
      ++s.changed;
    }
    if (progress) progress(++done, docs.size());
  }
  std::vector<std::string> gone;
  const std::string q(schema::kIdPrefix);
  for (auto t = db.allterms_begin(q); t != db.allterms_end(q); ++t)
    if (!wanted.count(*t)) gone.push_back(*t);
  for (const auto& t : gone) db.delete_document(t);
  s.removed = gone.size();
  write_metadata(db, taxonomy);
  db.commit();  // one commit: readers see the whole update or none of it
  s.documents = db.get_doccount();
  return s;
}

}  // namespace copsearch
