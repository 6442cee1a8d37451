// HTML pages (raw bytes, any charset) through gumbo into the document model.
#include "ingest/boilerplate.hpp"
#include "ingest/html_parser.hpp"
#include "util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  static const readaloud::BoilerplateFilter filter = readaloud::BoilerplateFilter::builtin();
  try {
    (void)readaloud::parse_html(std::string_view(reinterpret_cast<const char*>(data), size), filter);
  } catch (const readaloud::Error&) {
  }
  return 0;
}
