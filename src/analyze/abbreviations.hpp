#pragma once
// Per-language abbreviation lists for sentence splitting, loaded from
// data/abbreviations/<lang>.toml (format documented in data/abbreviations/en.toml).

#include <set>
#include <string>
#include <string_view>

namespace readaloud {

/// The words (lowercase ASCII-folded, without the final dot) that change how a
/// "." is read by the sentence splitter in one language.
struct Abbreviations {
  std::string language;               ///< the file's language: "en", "de", ...
  std::set<std::string, std::less<>> always;          ///< "." never ends a sentence after these
  std::set<std::string, std::less<>> before_number;   ///< ... when a digit follows ("No. 5", "Feb. 23")
  std::set<std::string, std::less<>> ordinal_before;  ///< "23." before these words is an ordinal
};

/// Parses one abbreviation file. Throws Error(Input) located at `source`
/// (with line and column) on bad TOML, unknown keys or non-string entries.
Abbreviations parse_abbreviations(std::string_view toml, const std::string& source);

/// The list for a BCP 47 tag ("en", "de-AT"); a language without its own file
/// gets the English list. Parsed once per language and kept for the process.
const Abbreviations& abbreviations_for(std::string_view language);

}  // namespace readaloud
