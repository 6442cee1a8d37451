#pragma once
// Language identification: which language an article is written in, from its
// text (CLD2, after shortcuts for scripts that only a few languages use), and
// whether a declared language (HTML lang, front matter, JSON) is plausible.

#include <string>
#include <string_view>

#include "document/article.hpp"

namespace readaloud {

/// What the text alone says.
struct LanguageGuess {
  std::string language;  ///< BCP 47 ("pt", "zh", "zh-Hant", "nb"); "" when the text does not say
  int percent = 0;       ///< share of the text in that language (0..100)
  bool reliable = false; ///< enough text, and a clear margin over the runner-up
  bool non_latin = false;  ///< the text is mostly in a script other than Latin
};

/// Identifies the language of UTF-8 text. Text mostly in a script that few
/// languages use (Han, Kana, Hangul, Cyrillic, Arabic, Hebrew, Devanagari,
/// Greek, Thai, ...) always gets one of that script's languages, never English.
LanguageGuess identify_language(std::string_view text);

/// The article's readable text for identification: title, headings, paragraphs,
/// list items, table cells and captions (no code, no dropped boilerplate), at most
/// `max_bytes`, cut at a character boundary.
std::string language_sample(const Article& article, std::size_t max_bytes = 32768);

/// The language to read in and, when the declared one was overruled, why.
struct LanguageDecision {
  std::string language;  ///< BCP 47, "" when nothing is known
  std::string note;      ///< a warning for standard error, "" when none
};

/// The declared tag wins when the text agrees with it or is too short or
/// mixed to say (or names a close relative: "no" for Danish text). When the
/// text clearly reads as another language, the text wins and `note` says so.
LanguageDecision decide_language(std::string_view declared, const LanguageGuess& detected);

/// identify_language over language_sample, then decide_language against
/// article.language; the article's language for ingest.
LanguageDecision guess_language(const Article& article);

}  // namespace readaloud
