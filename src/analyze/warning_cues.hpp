#pragma once
// Per-language cue lists for warning detection, loaded from data/warnings/<lang>.toml.
//
// Cues are token patterns, not regular expressions: text is folded (lowercase,
// accents removed, ’ -> ') and cut into word tokens, contractions are expanded
// ("shouldn't" -> "should not") and elisions split ("n'utilisez" -> "ne
// utilisez"). A pattern is a space-separated list of elements:
//   word|other      one token, any of the alternatives
//   harm*           a token starting with "harm"
//   *entzündung     a token ending in "entzündung" (compound words)
//   [your|the]      an optional token
//   ...             a gap of 0 to 8 word tokens (never across , ; : ( ) or a dash)
//   ,  :            the clause punctuation token (, ; ( ) – —) or a colon
//   ^               (first element only) the match must start the sentence or follow a colon
// Matching is a linear-time NFA walk over the tokens; patterns are compiled once.
// Cues carry weights: a sentence's score is what `score_sentence` adds up, and
// the detector compares it with the `--warnings` level's threshold
// (docs/warnings.md explains the model; data/warnings/en.toml documents the file).

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
  std::vector<bool> suffix;         ///< Word: alternative i matches as a suffix ("*entzündung")
  bool optional = false;
};

/// A compiled token pattern.
struct CuePattern {
  std::string source;  ///< as written in the data file
  std::vector<CueElement> elements;
  bool anchored = false;  ///< "^": starts the sentence (or follows a colon)
};

/// A named, weighted sentence cue: the name is the reason shown by `inspect`
/// ("cue: <name>"). A sentence's score is the sum of the weights of the cues
/// it matches (each cue counted once); see `score_sentence`.
struct SentenceCue {
  std::string name;
  std::vector<CuePattern> patterns;
  double weight = 1.0;  ///< `weight` in the data file; 1.0 when absent
};

/// A negative rule. Without a weight it is a veto: a positive match that
/// overlaps one of its patterns is dropped. With a weight it is a damper: a
/// match anywhere in the sentence subtracts the weight from the score
/// (statistics about populations, research caveats).
struct NegativeCue {
  std::string why;   ///< documentation from the data file
  std::string name;  ///< short reason for `inspect`; defaults to "negative"
  std::vector<CuePattern> patterns;
  double weight = 0.0;  ///< 0: veto; above 0: damper
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
  /// Support cues ([[support]]): they add their weight only to a sentence that
  /// some sentence cue already matched ("addressed to the reader").
  std::vector<SentenceCue> support_cues;
  std::vector<NegativeCue> negative_cues;
  /// Lead-in cues ([[leadin]]): a heading, or a sentence ending in ":" just
  /// before a list, that matches one passes a warning to the list's items
  /// ("Call your doctor if your child:", "Complications include:").
  std::vector<SentenceCue> leadin_cues;
  /// `[context] pointers`: a lead-in that only points at its list ("Follow
  /// these steps:", "Here is what to do:") neither warns nor stops the warning
  /// that the list inherits from its heading.
  std::vector<CuePattern> pointer_leadins;
  /// `[context] continuations`: an elliptic sentence ("So can some water
  /// tablets.", "The same goes for children.") that is a warning when the
  /// sentence just before it in the same text is one.
  std::vector<CuePattern> continuations;
};

/// How a sentence scored: the sum of the matched weights, and why.
struct CueScore {
  double score = 0.0;
  std::string top;                   ///< the heaviest matched sentence cue ("" when none)
  std::vector<std::string> reasons;  ///< "<cue>", "+ <support>", "- <damper>", heaviest cue first
  /// Whether a veto or a damper matched anywhere in the sentence (reassurance,
  /// a benefit, a statistic, a research report), with or without a cue.
  bool hedged = false;
  /// "cue: <top>", followed by the other reasons and the score when there are others.
  std::string explain() const;
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

/// Whether the sentence asks rather than tells ("Never heard of it?", "Is it
/// dangerous?"): its last character before closing quotes and brackets is "?".
bool is_question(std::string_view sentence);

/// Scores one sentence: the sum of the weights of the sentence cues that match
/// without a veto, plus the support cues when at least one cue matched, minus
/// the dampers that match. Questions (ending in "?") score 0.
CueScore score_sentence(std::string_view sentence, const WarningCues& cues);

/// The weight a sentence needs at the default level (`--warnings balanced`).
inline constexpr double kBalancedThreshold = 1.0;

/// The name of the heaviest sentence cue when the sentence scores at least
/// kBalancedThreshold, or empty.
std::string match_sentence_cue(std::string_view sentence, const WarningCues& cues);

/// The name of the first lead-in cue that matches `text` (a heading or a
/// sentence that opens a list), or empty.
std::string match_leadin(std::string_view text, const WarningCues& cues);

/// Whether `text` matches one of `patterns` (pointer lead-ins, continuations).
bool matches_any(std::string_view text, const std::vector<CuePattern>& patterns, const WarningCues& cues);

/// Whether a section heading names risks to the reader ("Risks", "Side effects",
/// "When to see a doctor"). A question heading ("Is it safe?") does only when a
/// heading pattern matches it; the data files leave such questions out. "Risk factors" (who tends to get a disease) and
/// prevention headings ("How to reduce your risk") do not: see `exclude` in the data files.
bool heading_names_risks(std::string_view heading, const WarningCues& cues);

}  // namespace readaloud
