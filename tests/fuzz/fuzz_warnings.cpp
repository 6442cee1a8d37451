// Warning detection over whatever the plain-text parser makes of the input.
#include "analyze/warning_cues.hpp"
#include "analyze/warning_detector.hpp"
#include "ingest/boilerplate.hpp"
#include "ingest/decode.hpp"
#include "ingest/plaintext_parser.hpp"
#include "util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  static const readaloud::BoilerplateFilter filter = readaloud::BoilerplateFilter::builtin();
  try {
    std::string text = readaloud::decode_text(std::string_view(reinterpret_cast<const char*>(data), size));
    readaloud::Article article = readaloud::parse_plaintext(text, filter);
    for (const char* lang : {"en", "es", "de", "fr"}) readaloud::detect_warnings(article, readaloud::warning_cues_for(lang));
  } catch (const readaloud::Error&) {
  }
  return 0;
}
