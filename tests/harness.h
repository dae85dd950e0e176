// @brief End-to-end harness: run the real programs, start copsearchd on port 0, talk HTTP.
#pragma once

#include <sys/types.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>
#include <map>
#include <string>
#include <vector>

namespace copsearch::testing {

struct CommandResult {
  int exit_code;
  std::string out;
  std::string err;
};

// Runs a program to completion (no shell), capturing both streams.
CommandResult run_command(const std::vector<std::string>& argv);

// The real daemon on a free port; stderr goes to a file so tests can read the log.
class Daemon {
 public:
  Daemon(const std::string& index_dir, const std::string& log_path, std::vector<std::string> extra = {});
  ~Daemon();
  unsigned short port() const { return port_; }
  bool running();
  int stop(int signal_number);  // returns the exit status

 private:
  pid_t pid_ = -1;
  unsigned short port_ = 0;
};

struct HttpReply {
  int status;
  std::string body;
  std::string content_type;
  std::map<std::string, std::string> headers;  // lower-case names
  nlohmann::json json() const { return nlohmann::json::parse(body); }
};

// One keep-alive connection.
class HttpClient {
 public:
  explicit HttpClient(unsigned short port);
  HttpReply request(const std::string& method, const std::string& target, const std::string& body = "",
                    const std::string& content_type = "application/json",
                    const std::map<std::string, std::string>& headers = {});
  HttpReply get(const std::string& target) { return request("GET", target); }

 private:
  boost::asio::io_context ioc_;
  boost::asio::ip::tcp::socket socket_;
  boost::beast::flat_buffer buffer_;
};

// Sends raw bytes on a fresh connection and returns what came back before the server closed.
std::string raw_exchange(unsigned short port, const std::string& bytes);

// Sends raw bytes and hangs up without waiting for an answer.
void send_and_close(unsigned short port, const std::string& bytes);

// Percent-encodes a query value.
std::string url_encode(const std::string& s);

}  // namespace copsearch::testing
