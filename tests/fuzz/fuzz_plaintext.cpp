// Scraped text: decoding, then the plain-text parser with the built-in boilerplate rules.
#include "ingest/boilerplate.hpp"
#include "ingest/decode.hpp"
#include "ingest/plaintext_parser.hpp"
#include "util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  static const readaloud::BoilerplateFilter filter = readaloud::BoilerplateFilter::builtin();
  try {
    std::string text = readaloud::decode_text(std::string_view(reinterpret_cast<const char*>(data), size));
    (void)readaloud::parse_plaintext(text, filter);
  } catch (const readaloud::Error&) {
  }
  return 0;
}
