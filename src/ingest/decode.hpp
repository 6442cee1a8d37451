#pragma once
// Turning the bytes of an input file into clean UTF-8 text, and evening out
// the typography that scraped pages carry (curly quotes, odd spaces).

#include <string>
#include <string_view>

namespace readaloud {

/// Bytes from a file -> UTF-8 text with "\n" line ends, no BOM.
/// encoding: "" = auto (UTF-8; UTF-16LE/BE when there is a BOM), or an iconv name such as
/// "windows-1252", "latin1", "utf-8", "utf-16" (case-insensitive; "cp1252"/"iso-8859-1" aliases ok).
/// Throws Error(Input) for: invalid UTF-8 ("invalid UTF-8 at byte 1234 (line 7); try --encoding windows-1252"),
/// NUL bytes / binary data ("binary data (NUL byte at byte N), not text"), unconvertible bytes;
/// Error(Usage) for an unknown encoding name.
/// Location carries line (1-based) and byte_offset (0-based).
std::string decode_text(std::string_view bytes, const std::string& encoding = "");

/// `s` with every "\r\n" and lone "\r" turned into "\n".
std::string normalize_newlines(std::string_view s);

/// Curly quotes/apostrophes -> ASCII, non-breaking and odd spaces -> ' ', zero-width chars removed.
/// Input should be UTF-8; bytes that are not valid UTF-8 pass through unchanged.
std::string clean_typography(std::string_view utf8);

}  // namespace readaloud
