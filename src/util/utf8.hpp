#pragma once
// UTF-8, once for the whole program: decoding, validation, cutting at a
// character boundary, and case and accent folding (through utf8proc).

#include <cstddef>
#include <string>
#include <string_view>

namespace readaloud::utf8 {

/// One character read from a string.
struct Decoded {
  char32_t code_point = 0;  ///< U+FFFD when the bytes are not valid UTF-8
  std::size_t length = 1;   ///< bytes used (1 for an invalid byte, so a scan always moves on)
  bool valid = true;        ///< false when the bytes at the position are not valid UTF-8
};

/// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not
/// valid (bad lead byte, bad or missing continuation, overlong form,
/// surrogate, above U+10FFFF). `i` must be inside `s`.
std::size_t sequence_length(std::string_view s, std::size_t i);

/// Decodes the character at s[i] (strictly, as sequence_length does). An
/// invalid byte decodes as U+FFFD, one byte long. `i` must be inside `s`.
Decoded decode(std::string_view s, std::size_t i);

/// Whether text wrapped between `before` and `after` (at a line end of a
/// text-browser dump) joins without a space: both sides Chinese or Japanese
/// characters (ideographs, kana, full-width forms), which are written
/// without spaces. Korean, written with spaces, joins with one.
bool joins_without_space(std::string_view before, std::string_view after);

/// `s` with every letter in its simple lowercase form, one character for one
/// ("ÚLTIMA HORA" -> "última hora", "ЧИТАЙТЕ" -> "читайте"); unlike
/// fold_case, "ß" stays. Invalid bytes are kept as they are.
std::string lower(std::string_view s);

/// Whether `s` holds a letter of any script (Unicode category L: "a", "é",
/// "я", "क", "ก", "漢"), not only digits, punctuation, arrows and symbols.
bool has_letter(std::string_view s);

/// Whether `s` holds a letter with case (Latin, Greek, Cyrillic, Armenian:
/// Unicode categories Lu and Ll), as Hindi, Arabic, Hebrew, Thai, CJK and
/// Korean text does not.
bool has_cased_letter(std::string_view s);

/// The offset of the first invalid byte at or after `from`, or npos.
std::size_t find_invalid(std::string_view s, std::size_t from = 0);

/// True when all of `s` is valid UTF-8.
inline bool is_valid(std::string_view s) { return find_invalid(s) == std::string_view::npos; }

/// Appends `cp` encoded as UTF-8 (U+FFFD for surrogates and values above U+10FFFF).
void append(std::string& out, char32_t cp);

/// The longest start of `s` of at most `max_bytes` bytes that does not end
/// inside a character.
std::string_view cut(std::string_view s, std::size_t max_bytes);

/// Unicode case folding ("Straße" -> "strasse", "ΣΟΦΊΑ" -> "σοφία"). Invalid
/// bytes become U+FFFD.
std::string fold_case(std::string_view s);

/// Case folding with accents and other combining marks removed ("Crème
/// Brûlée" -> "creme brulee"); Latin letters that have no decomposition fold
/// to their usual ASCII spelling ("æ" -> "ae", "ø" -> "o", "þ" -> "th",
/// "ð" -> "d", "œ" -> "oe", "ł" -> "l", "đ" -> "d", "ı" -> "i"). Other
/// scripts are kept, case folded. Invalid bytes become U+FFFD.
std::string fold_accents(std::string_view s);

/// fold_accents() of one character, appended to `out`.
void fold_accents(char32_t cp, std::string& out);

}  // namespace readaloud::utf8
