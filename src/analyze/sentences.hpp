#pragma once
// Sentence boundaries in UTF-8 text, for sentence-level warning cues.

#include <cstddef>
#include <string_view>
#include <vector>

namespace readaloud {

/// A byte range [begin, end) into a text.
struct TextRange {
  std::size_t begin = 0, end = 0;
  bool operator==(const TextRange&) const = default;
};

/// Sentence byte ranges in UTF-8 text (trimmed of surrounding spaces). Knows abbreviations
/// (e.g., i.e., vs., Dr., Mr., Mrs., St., etc.), decimals (2.5 mg), initials, ellipses, closing quotes/brackets.
///
/// A sentence ends after a run of `.`, `!`, `?` or `…` (plus any closing quotes or
/// brackets) that is followed by whitespace and then by something other than a
/// lowercase letter, and at a blank line. After a single `.` it does not end when the
/// word before is a known abbreviation (Dr, e.g, z.B, p.ej …), a lowercase single
/// letter ("z. B."), an initial (an uppercase letter after a capitalised word or
/// another initial, or before another initial: "John F. Kennedy", "by J. K. Rowan"),
/// a dotted acronym ("U.S."), or
/// "No."/"Nr." before a number. Runs in linear time.
std::vector<TextRange> split_sentences(std::string_view text);

}  // namespace readaloud
