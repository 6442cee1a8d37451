// The boilerplate filter on arbitrary lines, and user rule files.
#include <string>

#include "ingest/boilerplate.hpp"
#include "util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  static const readaloud::BoilerplateFilter builtin = readaloud::BoilerplateFilter::builtin();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t start = 0;
  while (start <= input.size()) {
    std::size_t end = input.find('\n', start);
    if (end == std::string_view::npos) end = input.size();
    (void)builtin.match(input.substr(start, end - start));
    start = end + 1;
  }
  try {
    readaloud::BoilerplateFilter user = readaloud::BoilerplateFilter::builtin();
    user.add_rules(input, "fuzz.toml");
    (void)user.match("Share on Pinterest");
  } catch (const readaloud::Error&) {
  }
  return 0;
}
