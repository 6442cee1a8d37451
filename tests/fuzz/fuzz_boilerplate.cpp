// The boilerplate filter on arbitrary lines, and user rule files.
// The body is in fuzz_targets.hpp, shared with the regression test.
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  readaloud::fuzz::boilerplate(readaloud::fuzz::as_view(data, size));
  return 0;
}
