// Scraped text: decoding, then the plain-text parser with the built-in boilerplate rules.
// The body is in fuzz_targets.hpp, shared with the regression test.
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  readaloud::fuzz::plaintext(readaloud::fuzz::as_view(data, size));
  return 0;
}
