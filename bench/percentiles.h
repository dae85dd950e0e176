// @brief Nearest-rank percentiles of latency samples, as every benchmark table reports them.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

namespace copsearch::bench {

inline double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * v.size()));
  return v[std::min(v.size() - 1, rank == 0 ? 0 : rank - 1)];
}

}  // namespace copsearch::bench
