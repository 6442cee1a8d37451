#pragma once
// Per-language cue lists for warning detection, loaded from data/warnings/<lang>.toml.
//
// Cues are token patterns, not regular expressions: text is folded (lowercase,
// accents removed, ’ -> ') and cut into word tokens, contractions are expanded
// ("shouldn't" -> "should not") and elisions split ("n'utilisez" -> "ne
// utilisez"). A pattern is a space-separated list of elements:
//   word|other      one token, any of the alternatives
//   harm*           a token starting with "harm"
//   [your|the]      an optional token
//   ...             a gap of 0 to 8 word tokens (never across , ; : ( ) or a dash)
//   ,  :            the clause punctuation token (, ; ( ) – —) or a colon
//   ^               (first element only) the match must start the sentence or follow a colon
// Matching is a linear-time NFA walk over the tokens; patterns are compiled once.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "document/article.hpp"

namespace readaloud {

/// One element of a compiled cue pattern.
struct CueElement {
  enum class Type { Word, Any, Comma, Colon };
  Type type = Type::Word;
  std::vector<std::string> words;   ///< Word: folded alternatives
  std::vector<bool> prefix;         ///< Word: alternative i matches as a prefix ("harm*")
  bool optional = false;
};

/// A compiled token pattern.
struct CuePattern {
  std::string source;  ///< as written in the data file
  std::vector<CueElement> elements;
  bool anchored = false;  ///< "^": starts the sentence (or follows a colon)
};

/// A named sentence cue: the name is the reason shown by `inspect` ("cue: <name>").
struct SentenceCue {
  std::string name;
  std::vector<CuePattern> patterns;
};

/// A negative rule: a positive match that overlaps one of these patterns is dropped.
struct NegativeCue {
  std::string why;  ///< documentation from the data file
  std::vector<CuePattern> patterns;
};

/// Everything warning detection knows about one language.
struct WarningCues {
  std::string language;  ///< primary subtag: "en", "es", "de", "fr"
  /// Token rewriting applied before matching (keys and values folded).
  std::unordered_map<std::string, std::string> contractions;  ///< "shouldn't" -> "should not"
  std::vector<std::pair<std::string, std::string>> elisions;   ///< "n'" -> "ne"
  /// A heading that matches one of these (and none of `section_exclusions`) names risks.
  std::vector<CuePattern> section_headings;
  std::vector<CuePattern> section_exclusions;
  /// Callout kinds whose whole block is a warning.
  std::vector<CalloutKind> callout_kinds;
  /// Sentence cues in priority order (the first match names the reason).
  std::vector<SentenceCue> sentence_cues;
  std::vector<NegativeCue> negative_cues;
};

/// Parses and compiles a cue file. `source_name` is used in errors. Throws
/// `Error` (Runtime, since cue files are built in) with the line of a bad entry.
WarningCues parse_warning_cues(std::string_view toml_text, std::string_view source_name);

/// Cues for a BCP 47 language ("en", "en-US", "es", "de-DE", "fr"); unknown -> English.
/// Built once per language from the embedded data files and kept for the process.
const WarningCues& warning_cues_for(std::string_view language);

/// A folded token of text: a word, "," (clause punctuation) or ":".
struct CueToken {
  std::string text;
  bool operator==(const CueToken&) const = default;
};

/// Folds and tokenises text the way cue patterns see it.
std::vector<CueToken> cue_tokens(std::string_view text, const WarningCues& cues);

/// The name of the first sentence cue that matches `sentence` and is not
/// vetoed by a negative cue, or empty. Questions (ending in "?") never match.
std::string match_sentence_cue(std::string_view sentence, const WarningCues& cues);

/// Whether a section heading names risks to the reader ("Risks", "Side effects",
/// "When to see a doctor"). "Risk factors" (who tends to get a disease) and
/// prevention headings ("How to reduce your risk") do not: see `exclude` in the data files.
bool heading_names_risks(std::string_view heading, const WarningCues& cues);

}  // namespace readaloud
