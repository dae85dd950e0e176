// @brief Prometheus counters for the daemon: requests by route and status, a latency
// histogram, and the documents in the index. Labels never carry query text or filter values.
#pragma once

#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace copsearch {

class Metrics {
 public:
  void record(const std::string& route, int status, double seconds);
  // Renders the text exposition format; `documents` is read by the caller's worker.
  std::string render(unsigned long documents) const;

  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,  0.5,   1.0,  2.5};

 private:
  mutable std::mutex mutex_;
  // State below is protected by mutex_.
  std::map<std::pair<std::string, int>, unsigned long> requests_;
  std::array<unsigned long, kBuckets.size() + 1> buckets_{};  // last: +Inf
  double sum_seconds_ = 0;
  unsigned long count_ = 0;
};

}  // namespace copsearch
