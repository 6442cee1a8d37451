#pragma once
// Small text helpers shared by every stage.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace readaloud {

/// `c` lower-cased when it is an ASCII letter A-Z; any other byte unchanged.
inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

/// `c` upper-cased when it is an ASCII letter a-z; any other byte unchanged.
inline char ascii_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

/// `s` with the ASCII letters A-Z lower-cased; other bytes (UTF-8 included) untouched.
std::string ascii_lower(std::string_view s);

/// True when `s` starts with `lower_prefix` (which is lower case), ignoring
/// ASCII case. Compares in place, without a lowered copy.
bool starts_with_ascii_ci(std::string_view s, std::string_view lower_prefix);

/// Where `lower_needle` (lower case, not empty) next occurs in `hay` at or
/// after `from`, ignoring ASCII case, or npos. Searches in place, so that
/// repeated searches over a long text stay linear in what they read.
std::size_t find_ascii_ci(std::string_view hay, std::string_view lower_needle, std::size_t from = 0);

/// The whitespace every stage means by "blank": ASCII space, tab, LF, CR, FF, VT.
inline bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/// `s` without leading and trailing whitespace (is_ascii_space).
std::string_view trim(std::string_view s);

/// `s` without the permalink mark a documentation site puts after a
/// heading (a pilcrow, a section sign or a link symbol), and the spaces
/// before it: "Hypothermia ¶" -> "Hypothermia". Without a mark, or when the
/// mark is all there is, `s` as it is.
std::string_view without_permalink_mark(std::string_view s);

/// Bytes of the label a news site puts before a caption for screen readers
/// ("Image caption, ", "Media caption, "), or 0 when `s` opens with none.
std::size_t caption_label_size(std::string_view s);

/// `s` on one line: each run of ASCII whitespace (space, tab, CR, LF, FF, VT)
/// becomes one space, and the ends are trimmed.
std::string collapse_spaces(std::string_view s);

/// The words of `s`, ASCII-lowercased, as runs of letters and digits (a
/// UTF-8 sequence counts as letters), of `min_bytes` bytes or more; the
/// punctuation and spaces between them are dropped.
std::vector<std::string> lowercase_words(std::string_view s, std::size_t min_bytes = 1);

/// Bytes of the clock time that opens `t` ("9:48", "01:48"), or 0.
std::size_t clock_bytes(std::string_view t);

/// Whether `t` is a time on a clock or a timeline and nothing else: "0:07",
/// "12:45", "1:02:03".
bool is_clock(std::string_view t);

/// Whether `text` holds a telephone number of seven digits or more: "(555)
/// 555-0172", "1-800-555-0139", "808 555 124". Emergency numbers (911, 999,
/// 112) are shorter.
bool holds_phone_number(std::string_view text);

/// Whether `lower` (lower-cased) speaks of an emergency: "emergency",
/// "urgent", "right away", "112", "911", "999", in the project's languages.
/// A box that does is a warning, never a service's advertisement.
bool speaks_of_emergency(std::string_view lower);

}  // namespace readaloud
