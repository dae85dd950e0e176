#include "metrics.h"

#include <sstream>

namespace copsearch {

void Metrics::record(const std::string& route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{route, status}];
  std::size_t b = 0;
  while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
  ++buckets_[b];
  sum_seconds_ += seconds;
  ++count_;
}

std::string Metrics::render(unsigned long documents) const {
  std::lock_guard lock(mutex_);
  std::ostringstream out;
  out << "# HELP copsearch_requests_total HTTP requests by route and status.\n"
      << "# TYPE copsearch_requests_total counter\n";
  for (const auto& [key, n] : requests_)
    out << "copsearch_requests_total{route=\"" << key.first << "\",status=\"" << key.second << "\"} " << n << "\n";
  out << "# HELP copsearch_request_duration_seconds Time from request read to response ready.\n"
      << "# TYPE copsearch_request_duration_seconds histogram\n";
  unsigned long cumulative = 0;
  for (std::size_t b = 0; b < kBuckets.size(); ++b) {
    cumulative += buckets_[b];
    out << "copsearch_request_duration_seconds_bucket{le=\"" << kBuckets[b] << "\"} " << cumulative << "\n";
  }
  cumulative += buckets_.back();
  out << "copsearch_request_duration_seconds_bucket{le=\"+Inf\"} " << cumulative << "\n"
      << "copsearch_request_duration_seconds_sum " << sum_seconds_ << "\n"
      << "copsearch_request_duration_seconds_count " << count_ << "\n"
      << "# HELP copsearch_documents Documents in the served index.\n"
      << "# TYPE copsearch_documents gauge\n"
      << "copsearch_documents " << documents << "\n";
  return out.str();
}

}  // namespace copsearch
