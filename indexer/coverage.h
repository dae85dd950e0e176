// @brief Coverage of the corpus by facet: how many documents carry each combination of values.
// The content editors' matrix (copsearch-index --coverage) and the corpus tests share it.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "document.h"
#include "taxonomy.h"

namespace copsearch {

class Coverage {
 public:
  explicit Coverage(const std::vector<Document>& docs) : docs_(docs) {}

  // Documents carrying every (facet, value) in `where`.
  int count(const std::map<std::string, std::string>& where) const;

  // Rows of `rows` against columns of `cols`, with totals, as fixed-width text.
  void print_matrix(std::ostream& out, const Taxonomy& taxonomy, const std::string& rows, const std::string& cols,
                    const std::map<std::string, std::string>& where = {}) const;
  // The editors' report: audience x risk, risk x language, age x audience, audience x language.
  void print_report(std::ostream& out, const Taxonomy& taxonomy) const;

 private:
  const std::vector<Document>& docs_;
};

}  // namespace copsearch
