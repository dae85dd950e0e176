#include "schema.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <unicode/utf8.h>

namespace copsearch::schema {

namespace {
std::string join(std::string_view prefix, std::string_view rest) {
  std::string t;
  t.reserve(prefix.size() + rest.size());
  t.append(prefix).append(rest);
  return t;
}
}  // namespace

std::string id_term(std::string_view id) { return join(kIdPrefix, id); }
std::string stem_term(std::string_view stem) { return join(kStemPrefix, stem); }
std::string pair_term(std::string_view a, std::string_view b) {
  constexpr std::size_t kMaxTermBytes = 240;  // Xapian refuses terms over 245 bytes
  if (kPairPrefix.size() + a.size() + 1 + b.size() > kMaxTermBytes) return "";
  std::string t = join(kPairPrefix, a);
  t += ' ';
  t.append(b);
  return t;
}

std::string encode_pair_stems(const PairStems& stems) {
  std::vector<std::string> sorted(stems.begin(), stems.end());
  std::sort(sorted.begin(), sorted.end());
  std::string out;
  for (const auto& s : sorted) out.append(s).append("\n");
  return out;
}

PairStems decode_pair_stems(std::string_view text) {
  PairStems out;
  for (std::size_t at = 0, nl; (nl = text.find('\n', at)) != std::string_view::npos; at = nl + 1)
    out.emplace(text.substr(at, nl - at));
  return out;
}

std::string group_term(const Document& doc) { return join(kGroupPrefix, doc.translation_of.empty() ? doc.id : doc.translation_of); }

std::string facet_term(std::string_view facet, std::string_view value) {
  std::string t = "X";
  for (char c : facet) t += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  t += value;
  return t;
}

std::vector<std::pair<std::string, std::string>> facet_bits(const Taxonomy& taxonomy) {
  std::vector<std::pair<std::string, std::string>> bits;
  for (const auto& f : taxonomy.facets())
    for (const auto& v : f.values) bits.emplace_back(f.name, v.name);
  return bits;
}

std::uint64_t facet_mask(const Document& doc, const Taxonomy& taxonomy) {
  std::uint64_t mask = 0;
  int bit = 0;
  for (const auto& f : taxonomy.facets()) {
    auto it = doc.facets.find(f.name);
    for (const auto& v : f.values) {
      if (it != doc.facets.end() && std::find(it->second.begin(), it->second.end(), v.name) != it->second.end())
        mask |= std::uint64_t{1} << bit;
      ++bit;
    }
  }
  return mask;
}

std::string encode_mask(std::uint64_t mask) {
  std::string s(8, '\0');
  for (int i = 0; i < 8; ++i) s[i] = static_cast<char>((mask >> (8 * i)) & 0xFF);
  return s;
}

std::uint64_t decode_mask(std::string_view bytes) {
  std::uint64_t mask = 0;
  for (std::size_t i = 0; i < bytes.size() && i < 8; ++i)
    mask |= std::uint64_t{static_cast<unsigned char>(bytes[i])} << (8 * i);
  return mask;
}

namespace {
void put_varint(std::string& out, std::size_t v) {
  while (v >= 0x80) {
    out += static_cast<char>(0x80 | (v & 0x7F));
    v >>= 7;
  }
  out += static_cast<char>(v);
}

bool get_varint(std::string_view in, std::size_t& at, std::size_t& v) {
  v = 0;
  for (int shift = 0; at < in.size() && shift < 64; shift += 7) {
    const auto b = static_cast<unsigned char>(in[at++]);
    v |= static_cast<std::size_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return true;
  }
  return false;
}

// One length-prefixed section of a stored record; false past the end or on a bad length.
bool get_section(std::string_view in, std::size_t& at, std::string_view& out) {
  std::size_t len = 0;
  if (!get_varint(in, at, len) || len > in.size() - at) return false;
  out = in.substr(at, len);
  at += len;
  return true;
}
}  // namespace

void store_document(const Document& doc, const std::string& body_tokens, Xapian::Document& xd) {
  nlohmann::ordered_json j;
  j["id"] = doc.id;
  j["title"] = doc.title;
  j["lang"] = doc.lang;
  j["source"] = doc.source;
  if (!doc.translation_of.empty()) j["translation_of"] = doc.translation_of;
  if (!doc.translations.empty()) j["translations"] = doc.translations;
  j["facets"] = doc.facets;
  const std::string fields = j.dump();
  std::string record;
  record.reserve(fields.size() + doc.text.size() + body_tokens.size() + 8);
  put_varint(record, fields.size());
  record += fields;
  put_varint(record, doc.text.size());
  record += doc.text;
  record += body_tokens;
  xd.add_value(kHitSlot, record);
  xd.set_data(doc.body);
}

Stored load_stored(const Xapian::Document& xd, bool with_body) {
  const std::string record = xd.get_value(kHitSlot);
  std::size_t at = 0;
  std::string_view fields, text;
  if (!get_section(record, at, fields) || !get_section(record, at, text))
    throw std::runtime_error("stored document record is malformed");
  const auto j = nlohmann::json::parse(fields);
  Stored out;
  Document& d = out.doc;
  d.id = j.at("id").get<std::string>();
  d.title = j.at("title").get<std::string>();
  d.lang = j.at("lang").get<std::string>();
  d.source = j.value("source", "");
  d.translation_of = j.value("translation_of", "");
  if (const auto t = j.find("translations"); t != j.end()) d.translations = t->get<std::map<std::string, std::string>>();
  d.facets = j.at("facets").get<std::map<std::string, std::vector<std::string>>>();
  d.text = text;
  out.body_tokens = record.substr(at);
  if (with_body) d.body = xd.get_data();
  return out;
}

std::string encode_body_tokens(Xapian::termpos first, const Spans& spans) {
  std::string out;
  out.reserve(4 + spans.size() * 2);
  put_varint(out, first);
  std::size_t end = 0;
  for (const auto& [b, e] : spans) {
    put_varint(out, b - end);
    put_varint(out, e - b);
    end = e;
  }
  return out;
}

Xapian::termpos body_start(std::string_view packed, std::string_view& spans) {
  std::size_t at = 0, first = 0;
  if (!get_varint(packed, at, first)) return 0;
  spans = packed.substr(at);
  return static_cast<Xapian::termpos>(first);
}

Spans decode_spans(std::string_view packed, std::size_t max) {
  Spans out;
  std::size_t at = 0, end = 0, gap = 0, len = 0;
  while (out.size() < max && at < packed.size() && get_varint(packed, at, gap) && get_varint(packed, at, len)) {
    out.emplace_back(end + gap, end + gap + len);
    end += gap + len;
  }
  return out;
}

// Key: \x01, the 128-code-point block's number + 0x20, then one byte per letter: 0x01 + its
// offset in the block. Every byte is ASCII, so Xapian measures edit distance letter by letter
// (bytes >= 0x80 would pair up into false UTF-8 characters), and no key is a Latin word.
std::string spelling_key(std::string_view word) {
  std::string out = "\x01?";
  UChar32 block = -1;
  const auto n = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(word.data(), i, n, c);
    if (c < 0x80 || c >= 0x1000 || (c & 0x7F) == 0x7F || (block >= 0 && (c >> 7) != block)) return std::string(word);
    block = c >> 7;
    out += static_cast<char>(0x01 + (c & 0x7F));
  }
  if (block < 0) return std::string(word);
  out[1] = static_cast<char>(0x20 + block);
  return out;
}

std::string word_from_spelling_key(std::string_view key) {
  if (key.size() < 2 || key[0] != '\x01') return std::string(key);
  const UChar32 block = static_cast<unsigned char>(key[1]) - 0x20;
  std::string out;
  for (std::size_t i = 2; i < key.size(); ++i) {
    const auto b = static_cast<unsigned char>(key[i]);
    if (b < 0x01 || b > 0x7F || block < 1 || block >= 0x20) return "";  // not a key this code wrote
    const UChar32 c = (block << 7) | (b - 0x01);
    char buf[U8_MAX_LENGTH];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);
    out.append(buf, static_cast<std::size_t>(len));
  }
  return out;
}

}  // namespace copsearch::schema
