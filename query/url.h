// @brief Request targets: path and decoded query parameters.
#pragma once

#include <string>
#include <string_view>

#include "search_request.h"

namespace copsearch {

struct Target {
  std::string path;
  Params params;
};

// Splits "/search?q=a+b&x=1" and percent-decodes; throws ApiError 400 on a bad escape.
Target parse_target(std::string_view target);
std::string percent_decode(std::string_view s, bool plus_is_space);
// Escapes everything but letters, digits and -_.~ : for building query strings.
std::string percent_encode(std::string_view s);

}  // namespace copsearch
