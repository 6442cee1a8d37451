// The JSON article format.
#include "ingest/decode.hpp"
#include "ingest/json_parser.hpp"
#include "util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  try {
    std::string text = readaloud::decode_text(std::string_view(reinterpret_cast<const char*>(data), size));
    (void)readaloud::parse_json_article(text);
  } catch (const readaloud::Error&) {
  }
  return 0;
}
