// HTML pages (raw bytes, any charset) through gumbo into the document model.
// The body is in fuzz_targets.hpp, shared with the regression test.
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  readaloud::fuzz::html(readaloud::fuzz::as_view(data, size));
  return 0;
}
