#include "coverage.h"

#include <algorithm>
#include <iomanip>

namespace copsearch {

int Coverage::count(const std::map<std::string, std::string>& where) const {
  return static_cast<int>(std::count_if(docs_.begin(), docs_.end(), [&](const Document& d) {
    return std::all_of(where.begin(), where.end(), [&](const auto& fv) {
      auto it = d.facets.find(fv.first);
      return it != d.facets.end() && std::find(it->second.begin(), it->second.end(), fv.second) != it->second.end();
    });
  }));
}

void Coverage::print_matrix(std::ostream& out, const Taxonomy& taxonomy, const std::string& rows,
                            const std::string& cols, const std::map<std::string, std::string>& where) const {
  const Facet& r = *taxonomy.find(rows);
  const Facet& c = *taxonomy.find(cols);
  std::size_t width = 6;
  for (const auto& v : c.values) width = std::max(width, v.name.size() + 1);
  out << std::left << std::setw(18) << (rows + " \\ " + cols);
  for (const auto& v : c.values) out << std::right << std::setw(width) << v.name;
  out << std::setw(width) << "total" << "\n";
  for (const auto& rv : r.values) {
    auto cell = where;
    cell[rows] = rv.name;
    out << std::left << std::setw(18) << rv.name;
    for (const auto& cv : c.values) {
      cell[cols] = cv.name;
      out << std::right << std::setw(width) << count(cell);
    }
    cell.erase(cols);
    out << std::setw(width) << count(cell) << "\n";
  }
  out << "\n";
}

void Coverage::print_report(std::ostream& out, const Taxonomy& taxonomy) const {
  out << "Coverage of " << docs_.size() << " documents (a document counts once for each value it carries)\n\n";
  out << "All languages:\n";
  print_matrix(out, taxonomy, "risk", "audience");
  out << "English originals:\n";
  print_matrix(out, taxonomy, "risk", "audience", {{"lang", "en"}});
  print_matrix(out, taxonomy, "risk", "lang");
  print_matrix(out, taxonomy, "audience", "lang");
  print_matrix(out, taxonomy, "age", "audience");
}

}  // namespace copsearch
