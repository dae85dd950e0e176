#include "http_server.h"

#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <array>
#include <memory>
#include <thread>
#include <vector>

namespace copsearch {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, Api& api, const ServerOptions& options, std::atomic<int>& in_flight,
          std::atomic<bool>& stopping)
      : stream_(std::move(socket)), api_(api), options_(options), in_flight_(in_flight), stopping_(stopping) {}

  void start() {
    asio::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::read, shared_from_this()));
  }

 private:
  void read() {
    parser_.emplace();
    parser_->body_limit(options_.body_limit);
    parser_->header_limit(16 * 1024);
    stream_.expires_after(options_.idle_timeout);
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
        ec == asio::error::connection_reset || ec == asio::error::eof)
      return close();
    if (ec == http::error::body_limit)
      return write(api_.reject(413, "body_too_large", "request body exceeds " + std::to_string(options_.body_limit) + " bytes"), false);
    if (ec == http::error::header_limit)
      return write(api_.reject(431, "headers_too_large", "request headers exceed 16384 bytes"), false);
    if (ec) return write(api_.reject(400, "bad_request", "malformed HTTP request: " + ec.message()), false);
    ++in_flight_;
    Response res = api_.handle(parser_->get());
    const bool keep = res.keep_alive() && !stopping_;
    res.keep_alive(keep);
    write(std::move(res), true);
  }

  void write(Response&& res, bool counted) {
    auto sp = std::make_shared<Response>(std::move(res));
    const bool keep = sp->keep_alive();
    http::async_write(stream_, *sp, [self = shared_from_this(), sp, keep, counted](beast::error_code ec, std::size_t) {
      if (counted) --self->in_flight_;
      if (ec) return self->close();
      if (!keep) return self->linger();
      self->read();
    });
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  // After a final response, reads and discards what the client still sends (for at most 2 s
  // and 1 MiB), so closing with unread data does not reset the connection and lose the response.
  void linger() {
    close();
    stream_.expires_after(std::chrono::seconds(2));
    discard();
  }

  void discard() {
    stream_.async_read_some(asio::buffer(scratch_), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      self->discarded_ += n;
      if (!ec && self->discarded_ < (1u << 20)) self->discard();
    });
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::array<char, 16384> scratch_;
  std::size_t discarded_ = 0;
  Api& api_;
  const ServerOptions& options_;
  std::atomic<int>& in_flight_;
  std::atomic<bool>& stopping_;
};

}  // namespace

HttpServer::HttpServer(const ServerOptions& options, Api& api)
    : options_(options), api_(api), ioc_(static_cast<int>(options.threads)), acceptor_(asio::make_strand(ioc_)) {
  const tcp::endpoint endpoint(asio::ip::make_address(options_.host), options_.port);
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(asio::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(asio::socket_base::max_listen_connections);
  port_ = acceptor_.local_endpoint().port();
}

void HttpServer::accept() {
  acceptor_.async_accept(asio::make_strand(ioc_), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (ec == asio::error::operation_aborted || !acceptor_.is_open()) return;
    } else {
      socket.set_option(tcp::no_delay(true));  // one response, one write: no 40 ms Nagle stall
      std::make_shared<Session>(std::move(socket), api_, options_, in_flight_, stopping_)->start();
    }
    accept();
  });
}

// Stops accepting and waits for in-flight requests (at most 10 s) before stopping the threads.
void HttpServer::drain() {
  stopping_ = true;
  asio::post(acceptor_.get_executor(), [this] {
    beast::error_code ec;
    acceptor_.close(ec);
  });
  wait_for_idle(std::make_shared<asio::steady_timer>(ioc_), std::chrono::steady_clock::now() + std::chrono::seconds(10));
}

void HttpServer::wait_for_idle(std::shared_ptr<asio::steady_timer> timer, std::chrono::steady_clock::time_point deadline) {
  if (in_flight_ == 0 || std::chrono::steady_clock::now() > deadline) return ioc_.stop();
  timer->expires_after(std::chrono::milliseconds(5));
  timer->async_wait([this, timer, deadline](beast::error_code) { wait_for_idle(timer, deadline); });
}

void HttpServer::run() {
  asio::signal_set signals(ioc_, SIGINT, SIGTERM);
  signals.async_wait([this](beast::error_code ec, int) {
    if (!ec) drain();
  });
  accept();
  api_.warm_up();  // a bad index fails here, before any request
  std::vector<std::thread> threads;
  for (unsigned i = 1; i < options_.threads; ++i)
    threads.emplace_back([this] {
      try {
        api_.warm_up();
      } catch (...) {
        // Reported per request instead (503) if the index went away meanwhile.
      }
      ioc_.run();
    });
  ioc_.run();
  for (auto& t : threads) t.join();
}

}  // namespace copsearch
