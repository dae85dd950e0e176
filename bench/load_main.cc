// copsearch-load: HTTP load against a running copsearchd on keep-alive connections: latency
// percentiles and throughput, optionally while many idle connections are held open.
#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/program_options.hpp>
#include <chrono>
#include <fstream>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli.h"
#include "percentiles.h"
#include "url.h"

namespace po = boost::program_options;
namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

// The benchmark queries as request targets: all words must match, top 10, the filter if any.
std::vector<std::string> load_targets(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read queries");
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    const std::string q = line.substr(t1 + 1, t2 - t1 - 1), filter = line.substr(t2 + 1);
    out.push_back("/search?q=" + copsearch::percent_encode(q) + "&match=all&limit=10" + (filter == "-" ? "" : "&" + filter));
  }
  return out;
}

// Request targets used as they are, one per line (the real-corpus runs, built by results.py).
std::vector<std::string> read_targets(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read targets");
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] == '/') out.push_back(line);
  if (out.empty()) throw std::runtime_error(path + ": no targets (lines starting with /)");
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    std::string host = "127.0.0.1", queries, targets_file, json_out, label;
    unsigned short port = 0;
    unsigned connections = 1, idle = 0;
    double seconds = 10;
    po::options_description opts("copsearch-load options");
    opts.add_options()("help,h", "show this help")("host", po::value(&host)->default_value(host), "daemon address")(
        "port", po::value(&port), "daemon port")("queries", po::value(&queries), "queries (copsearch-gen --queries): all words, top 10")(
        "targets", po::value(&targets_file), "or request targets, one per line, sent as they are")(
        "connections", po::value(&connections)->default_value(connections), "busy keep-alive connections")(
        "idle", po::value(&idle)->default_value(idle), "extra connections held open and silent")(
        "seconds", po::value(&seconds)->default_value(seconds), "how long to load")(
        "json", po::value(&json_out), "append a JSON line with the figures here")("label", po::value(&label), "name of this run");
    po::variables_map vm;
    po::store(po::parse_command_line(argc, argv, opts), vm);
    po::notify(vm);
    if (vm.count("help") || !port || queries.empty() == targets_file.empty()) {
      std::cout << "Usage: copsearch-load --port N (--queries queries.tsv | --targets FILE) [--connections C] [--idle I]\n\n"
                << opts << "\n";
      return vm.count("help") ? 0 : 2;
    }
    copsearch::raise_fd_limit();
    const auto targets = queries.empty() ? read_targets(targets_file) : load_targets(queries);
    const tcp::endpoint endpoint(asio::ip::make_address(host), port);
    asio::io_context ioc;
    std::vector<tcp::socket> idlers;
    for (unsigned i = 0; i < idle; ++i) {
      idlers.emplace_back(ioc);
      idlers.back().connect(endpoint);
    }

    std::mutex mutex;
    std::vector<double> latencies_ms;  // protected by mutex
    std::atomic<unsigned long> errors{0};
    const auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
    std::vector<std::thread> threads;
    for (unsigned c = 0; c < connections; ++c) {
      threads.emplace_back([&, c] {
        asio::io_context io;
        tcp::socket socket(io);
        socket.connect(endpoint);
        boost::beast::flat_buffer buffer;
        std::vector<double> mine;
        for (std::size_t i = c * 37; Clock::now() < deadline; ++i) {
          http::request<http::empty_body> req{http::verb::get, targets[i % targets.size()], 11};
          req.set(http::field::host, host);
          req.keep_alive(true);
          const auto t = Clock::now();
          http::write(socket, req);
          http::response<http::string_body> res;
          http::read(socket, buffer, res);
          mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
          if (res.result_int() != 200) ++errors;
        }
        std::lock_guard lock(mutex);
        latencies_ms.insert(latencies_ms.end(), mine.begin(), mine.end());
      });
    }
    for (auto& t : threads) t.join();
    using copsearch::bench::percentile;
    nlohmann::ordered_json j{{"label", label},
                             {"connections", connections},
                             {"idle_connections", idle},
                             {"requests", latencies_ms.size()},
                             {"errors", errors.load()},
                             {"throughput_rps", latencies_ms.size() / seconds},
                             {"p50_ms", percentile(latencies_ms, 50)},
                             {"p95_ms", percentile(latencies_ms, 95)},
                             {"p99_ms", percentile(latencies_ms, 99)},
                             {"max_ms", percentile(latencies_ms, 100)}};
    std::printf("| %u | %u | %.0f | %.2f | %.2f | %.2f | %.2f | %lu |\n", connections, idle, j["throughput_rps"].get<double>(),
                j["p50_ms"].get<double>(), j["p95_ms"].get<double>(), j["p99_ms"].get<double>(), j["max_ms"].get<double>(),
                errors.load());
    if (!json_out.empty()) std::ofstream(json_out, std::ios::app) << j.dump() << "\n";
    return errors ? 1 : 0;
  } catch (const std::exception& e) {
    std::cerr << "copsearch-load: " << e.what() << "\n";
    return 1;
  }
}
