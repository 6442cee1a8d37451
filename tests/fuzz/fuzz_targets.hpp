#pragma once
// What each libFuzzer target runs on one input, shared by the fuzz_*.cpp
// harnesses and by tests/ingest/fuzz_regressions_test.cpp, which replays the
// saved inputs in tests/fuzz/regressions/<target>/ through the same code.
// Bad input may end in a readaloud::Error; anything else that escapes (another
// exception, a crash, a sanitizer report) is a bug.

#include <cstddef>
#include <string>
#include <string_view>

#include "analyze/warning_cues.hpp"
#include "analyze/warning_detector.hpp"
#include "ingest/boilerplate.hpp"
#include "ingest/decode.hpp"
#include "ingest/html_parser.hpp"
#include "ingest/json_parser.hpp"
#include "ingest/markdown_parser.hpp"
#include "ingest/plaintext_parser.hpp"
#include "narrate/normalizer.hpp"
#include "util/error.hpp"

namespace readaloud::fuzz {

inline const BoilerplateFilter& builtin_filter() {
  static const BoilerplateFilter filter = BoilerplateFilter::builtin();
  return filter;
}

/// Scraped text: decoding, then the plain-text parser with the built-in boilerplate rules.
inline void plaintext(std::string_view bytes) {
  try {
    (void)parse_plaintext(decode_text(bytes), builtin_filter());
  } catch (const Error&) {
  }
}

/// Markdown through md4c into the document model.
inline void markdown(std::string_view bytes) {
  try {
    (void)parse_markdown(decode_text(bytes));
  } catch (const Error&) {
  }
}

/// HTML pages (raw bytes, any declared charset) through gumbo into the document model.
inline void html(std::string_view bytes) {
  try {
    (void)parse_html(bytes, builtin_filter());
  } catch (const Error&) {
  }
}

/// The JSON article format.
inline void json(std::string_view bytes) {
  try {
    (void)parse_json_article(decode_text(bytes));
  } catch (const Error&) {
  }
}

/// The boilerplate filter on every line, and the input as a user rule file.
inline void boilerplate(std::string_view bytes) {
  std::size_t start = 0;
  while (start <= bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    (void)builtin_filter().match(bytes.substr(start, end - start));
    start = end + 1;
  }
  try {
    BoilerplateFilter user = BoilerplateFilter::builtin();
    user.add_rules(bytes, "fuzz.toml");
    (void)user.match("Share on Pinterest");
  } catch (const Error&) {
  }
}

/// Warning detection, in every shipped language, over what the plain-text parser makes of the input.
inline void warnings(std::string_view bytes) {
  try {
    Article article = parse_plaintext(decode_text(bytes), builtin_filter());
    for (const char* lang : {"en", "es", "de", "fr"}) detect_warnings(article, warning_cues_for(lang));
  } catch (const Error&) {
  }
}

/// Text normalisation for speech, in every shipped language.
inline void normalizer(std::string_view bytes) {
  static const Normalizer normalizers[] = {Normalizer("en"), Normalizer("es"), Normalizer("de"), Normalizer("fr")};
  try {
    const std::string text = decode_text(bytes);
    for (const auto& n : normalizers) (void)n.normalize(text);
  } catch (const Error&) {
  }
}

/// The function for a target name ("fuzz_html" or "html"), or nullptr.
inline void (*target_named(std::string_view name))(std::string_view) {
  if (name.substr(0, 5) == "fuzz_") name.remove_prefix(5);
  if (name == "plaintext") return plaintext;
  if (name == "markdown") return markdown;
  if (name == "html") return html;
  if (name == "json") return json;
  if (name == "boilerplate") return boilerplate;
  if (name == "warnings") return warnings;
  if (name == "normalizer") return normalizer;
  return nullptr;
}

/// The bytes libFuzzer hands over, as a view.
inline std::string_view as_view(const unsigned char* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace readaloud::fuzz
