#include "harness.h"

#include "url.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace copsearch::testing {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

pid_t spawn(const std::vector<std::string>& argv, int out_fd, int err_fd) {
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, out_fd, 1);
  posix_spawn_file_actions_adddup2(&fa, err_fd, 2);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid;
  const int rc = posix_spawn(&pid, args[0], &fa, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) throw std::runtime_error("cannot start " + argv[0]);
  return pid;
}

std::string drain(int fd) {
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) out.append(buf, n);
  return out;
}

}  // namespace

CommandResult run_command(const std::vector<std::string>& argv) {
  char out_name[] = "/tmp/copsearch-out-XXXXXX", err_name[] = "/tmp/copsearch-err-XXXXXX";
  const int out_fd = mkstemp(out_name), err_fd = mkstemp(err_name);
  unlink(out_name);
  unlink(err_name);
  const pid_t pid = spawn(argv, out_fd, err_fd);
  int status = 0;
  waitpid(pid, &status, 0);
  lseek(out_fd, 0, SEEK_SET);
  lseek(err_fd, 0, SEEK_SET);
  CommandResult r{WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), drain(out_fd), drain(err_fd)};
  close(out_fd);
  close(err_fd);
  return r;
}

Daemon::Daemon(const std::string& index_dir, const std::string& log_path, std::vector<std::string> extra) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe");
  const int log_fd = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  std::vector<std::string> argv = {COPSEARCHD_BIN, "--index", index_dir, "--port", "0", "--threads", "2"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  pid_ = spawn(argv, pipe_fds[1], log_fd);
  close(pipe_fds[1]);
  close(log_fd);
  // The first stdout line is "listening on http://HOST:PORT".
  std::string line;
  pollfd p{pipe_fds[0], POLLIN, 0};
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    if (poll(&p, 1, 100) <= 0) continue;
    char c;
    if (::read(pipe_fds[0], &c, 1) != 1) break;
    line += c;
  }
  close(pipe_fds[0]);
  const auto colon = line.rfind(':');
  if (line.rfind("listening on http://", 0) != 0 || colon == std::string::npos)
    throw std::runtime_error("copsearchd did not start: '" + line + "'");
  port_ = static_cast<unsigned short>(std::stoi(line.substr(colon + 1)));
}

Daemon::~Daemon() {
  if (pid_ > 0) stop(SIGKILL);
}

bool Daemon::running() { return pid_ > 0 && waitpid(pid_, nullptr, WNOHANG) == 0; }

int Daemon::stop(int signal_number) {
  if (pid_ <= 0) return -1;
  kill(pid_, signal_number);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

HttpClient::HttpClient(unsigned short port) : socket_(ioc_) {
  socket_.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
}

HttpReply HttpClient::request(const std::string& method, const std::string& target, const std::string& body,
                              const std::string& content_type, const std::map<std::string, std::string>& headers) {
  http::request<http::string_body> req{http::string_to_verb(method), target, 11};
  req.set(http::field::host, "127.0.0.1");
  for (const auto& [name, value] : headers) req.set(name, value);
  req.keep_alive(true);
  if (!body.empty()) {
    req.set(http::field::content_type, content_type);
    req.body() = body;
  }
  req.prepare_payload();
  http::write(socket_, req);
  http::response<http::string_body> res;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  http::read(socket_, buffer_, parser);
  res = parser.release();
  HttpReply reply{static_cast<int>(res.result_int()), res.body(), std::string(res[http::field::content_type]), {}};
  for (const auto& field : res) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    reply.headers[name] = std::string(field.value());
  }
  return reply;
}

std::string raw_exchange(unsigned short port, const std::string& bytes) {
  asio::io_context ioc;
  tcp::socket s(ioc);
  s.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  boost::system::error_code ec;
  asio::write(s, asio::buffer(bytes), ec);  // the server may answer (and stop reading) before all is sent
  std::string out;
  char buf[4096];
  for (std::size_t n; (n = s.read_some(asio::buffer(buf), ec)) > 0 || !ec;) out.append(buf, n);
  return out;
}

void send_and_close(unsigned short port, const std::string& bytes) {
  asio::io_context ioc;
  tcp::socket s(ioc);
  s.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  asio::write(s, asio::buffer(bytes));
}

std::string url_encode(const std::string& s) { return percent_encode(s); }

}  // namespace copsearch::testing
