// @brief Asynchronous HTTP/1.1 server on Boost.Beast: keep-alive, TCP_NODELAY, body and
// header limits, idle timeouts, a fixed pool of threads, and a graceful stop on SIGINT/SIGTERM.
#pragma once

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <memory>
#include <chrono>
#include <string>

#include "api.h"

namespace copsearch {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;    // 0 picks a free port
  unsigned threads = 2;          // each thread gets its own Searcher
  std::size_t body_limit = 65536;
  std::chrono::seconds idle_timeout{30};
};

class HttpServer {
 public:
  HttpServer(const ServerOptions& options, Api& api);
  unsigned short port() const { return port_; }
  // Serves until SIGINT or SIGTERM, then finishes in-flight requests and returns.
  void run();

 private:
  void accept();
  void drain();
  void wait_for_idle(std::shared_ptr<boost::asio::steady_timer> timer, std::chrono::steady_clock::time_point deadline);

  ServerOptions options_;
  Api& api_;
  boost::asio::io_context ioc_;
  boost::asio::ip::tcp::acceptor acceptor_;
  unsigned short port_ = 0;
  std::atomic<int> in_flight_{0};      // requests read whose response is not yet written
  std::atomic<bool> stopping_{false};  // set by the signal; sessions then close after replying
};

}  // namespace copsearch
