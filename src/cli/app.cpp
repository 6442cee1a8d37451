#include "cli/app.hpp"

#include <iostream>

namespace readaloud::cli {

int run(int, char**) {
  std::cerr << "readaloud: under construction\n";
  return 1;
}

}  // namespace readaloud::cli
