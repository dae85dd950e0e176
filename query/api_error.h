// @brief An error answered to an API client: HTTP status, a stable code, a message.
//
// Messages name the parameter and what is wrong, never the query text or filter values.
#pragma once

#include <stdexcept>
#include <string>

namespace copsearch {

class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string code, const std::string& message)
      : std::runtime_error(message), status_(status), code_(std::move(code)) {}
  int status() const { return status_; }
  const std::string& code() const { return code_; }

 private:
  int status_;
  std::string code_;
};

}  // namespace copsearch
