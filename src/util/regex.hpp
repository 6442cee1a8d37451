#pragma once
// A compiled regular expression (PCRE2), for rules that are data. Matching
// is byte by byte, as for any ASCII pattern on UTF-8 text: a non-ASCII
// letter in a pattern is its bytes, and \w, \d, \b and case folding know
// ASCII only. '$' matches at the very end only, and '.' matches anything
// but a line break.

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace readaloud {

/// A pattern PCRE2 refused; what() is its message and the offset it names.
class RegexError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Regex {
 public:
  /// Compiles `pattern`; throws RegexError.
  explicit Regex(const std::string& pattern, bool ignore_case = false);

  /// Whether the pattern matches in `text` (only at its start when
  /// `anchored`). A match that exceeds PCRE2's limits counts as none.
  bool search(std::string_view text, bool anchored = false) const;

 private:
  std::shared_ptr<const void> code_;  ///< pcre2_code_8, shared by copies
};

}  // namespace readaloud
