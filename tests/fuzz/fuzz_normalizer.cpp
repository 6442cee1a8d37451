// Text normalisation for speech, in every shipped language.
#include "ingest/decode.hpp"
#include "narrate/normalizer.hpp"
#include "util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  static const readaloud::Normalizer normalizers[] = {readaloud::Normalizer("en"), readaloud::Normalizer("es"),
                                                      readaloud::Normalizer("de"), readaloud::Normalizer("fr")};
  try {
    std::string text = readaloud::decode_text(std::string_view(reinterpret_cast<const char*>(data), size));
    for (const auto& n : normalizers) (void)n.normalize(text);
  } catch (const readaloud::Error&) {
  }
  return 0;
}
