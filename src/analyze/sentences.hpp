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

/// Sentence byte ranges in UTF-8 text (trimmed of surrounding spaces), for any input
/// format: every stage that needs sentences calls this one splitter.
///
/// A sentence ends after a run of `.`, `!`, `?`, `…` or another script's stop (Hindi
/// and Bengali `।`, Arabic `؟`, Urdu `۔`, Armenian, Ethiopic, Myanmar, Khmer) (plus any closing quotes or
/// brackets) that is followed by whitespace and then by something other than a
/// lowercase letter, and at a blank line; the CJK stops 。！？ end one even with no
/// space after them. After a single `.` it does not end when the word before is in the
/// language's abbreviation list (data/abbreviations/<lang>.toml: "Dr.", "e.g.", "vs.";
/// "No." and "Feb." only before a digit; in German a number before a month name,
/// "23. Februar"), a lowercase single letter ("z. B."), an initial (an uppercase letter
/// after a capitalised word or another initial, or before another initial: "John F.
/// Kennedy", "by J. K. Rowan"), or a dotted acronym ("U.S."). Decimals and times
/// ("2.5", "10.30") have no space after the dot. `language` is a BCP 47 tag; a
/// language without its own list uses the English one. Runs in linear time.
std::vector<TextRange> split_sentences(std::string_view text, std::string_view language = "en");

}  // namespace readaloud
