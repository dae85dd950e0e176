// @brief The two kinds of failure: bad input (exit 2 / HTTP 400) and everything else.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace copsearch {

// Input a user can fix: a document, an option, a query. The message names what and where.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// "file:line: reason", the one format every rejection uses.
inline std::string at(std::string_view file, int line, std::string_view reason) {
  return std::string(file) + ":" + std::to_string(line) + ": " + std::string(reason);
}

}  // namespace copsearch
