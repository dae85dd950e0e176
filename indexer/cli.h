// @brief The one place a program's failure becomes an exit code and a message:
// 0 ok, 2 bad input or options, 1 anything else.
#pragma once

#include <sys/resource.h>
#include <xapian.h>

#include <boost/program_options/errors.hpp>
#include <exception>
#include <iostream>

#include "errors.h"

namespace copsearch {

// Each open connection holds a descriptor: allow as many as the hard limit does.
inline void raise_fd_limit() {
  rlimit r{};
  if (getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur < r.rlim_max) {
    r.rlim_cur = r.rlim_max;
    setrlimit(RLIMIT_NOFILE, &r);
  }
}

template <class Body>
int guarded_main(const char* program, Body&& body) {
  try {
    return body();
  } catch (const InputError& e) {
    std::cerr << program << ": " << e.what() << "\n";
    return 2;
  } catch (const boost::program_options::error& e) {
    std::cerr << program << ": " << e.what() << " (see --help)\n";
    return 2;
  } catch (const Xapian::Error& e) {
    std::cerr << program << ": " << e.get_description() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << program << ": " << e.what() << "\n";
    return 1;
  }
}

}  // namespace copsearch
