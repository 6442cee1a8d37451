#pragma once
// Small text helpers shared by every stage.

#include <string>
#include <string_view>

namespace readaloud {

/// `s` with the ASCII letters A-Z lower-cased; other bytes (UTF-8 included) untouched.
std::string ascii_lower(std::string_view s);

/// The whitespace every stage means by "blank": ASCII space, tab, LF, CR, FF, VT.
inline bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/// `s` without leading and trailing whitespace (is_ascii_space).
std::string_view trim(std::string_view s);

/// `s` on one line: each run of ASCII whitespace (space, tab, CR, LF, FF, VT)
/// becomes one space, and the ends are trimmed.
std::string collapse_spaces(std::string_view s);

}  // namespace readaloud
