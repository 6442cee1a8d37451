#include "util/regex.hpp"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

namespace readaloud {
namespace {

/// This thread's match data: a match needs room for the whole match only.
pcre2_match_data* match_data() {
  struct Owner {
    pcre2_match_data* data = pcre2_match_data_create(1, nullptr);
    ~Owner() { pcre2_match_data_free(data); }
  };
  thread_local Owner owner;
  return owner.data;
}

}  // namespace

Regex::Regex(const std::string& pattern, bool ignore_case) {
  std::unique_ptr<pcre2_compile_context, decltype(&pcre2_compile_context_free)> context(
      pcre2_compile_context_create(nullptr), &pcre2_compile_context_free);
  if (!context) throw RegexError("out of memory");
  pcre2_set_newline(context.get(), PCRE2_NEWLINE_ANYCRLF);  // '.' stops at \r as well as \n
  // Bytes, never UTF (a pattern may not switch it on), and '$' at the very end.
  const uint32_t options =
      PCRE2_NEVER_UTF | PCRE2_NEVER_UCP | PCRE2_DOLLAR_ENDONLY | (ignore_case ? PCRE2_CASELESS : 0u);
  int error = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), options, &error,
                                   &offset, context.get());
  if (!code) {
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(error, message, sizeof message);
    throw RegexError(std::string(reinterpret_cast<const char*>(message)) + " at offset " + std::to_string(offset));
  }
  code_ = std::shared_ptr<const void>(code, [](const void* c) { pcre2_code_free(static_cast<pcre2_code*>(const_cast<void*>(c))); });
}

bool Regex::search(std::string_view text, bool anchored) const {
  const auto* code = static_cast<const pcre2_code*>(code_.get());
  const int rc = pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), 0,
                             anchored ? PCRE2_ANCHORED : 0u, match_data(), nullptr);
  return rc >= 0;  // 0: matched, with more groups than the match data holds
}

}  // namespace readaloud
