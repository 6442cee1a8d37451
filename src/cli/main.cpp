#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli/app.hpp"

int main(int argc, char** argv) {
  const int code = readaloud::cli::run(argc, argv);
#if defined(__SANITIZE_ADDRESS__)
  return code;  // the leak check runs at exit
#else
  // Every output is committed or removed by now. What is left is tearing
  // down process state that the exit frees anyway: eSpeak NG's engine (its
  // voices, dictionaries and audio client) and the caches of parsed data,
  // about 5 ms. Flush what is buffered and leave without it.
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  std::_Exit(code);
#endif
}
