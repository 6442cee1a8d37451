#pragma once
// Small text helpers shared by every stage.

#include <string>
#include <string_view>

namespace readaloud {

/// `s` with the ASCII letters A-Z lower-cased; other bytes (UTF-8 included) untouched.
std::string ascii_lower(std::string_view s);

/// `s` on one line: each run of ASCII whitespace (space, tab, CR, LF, FF, VT)
/// becomes one space, and the ends are trimmed.
std::string collapse_spaces(std::string_view s);

}  // namespace readaloud
