#pragma once
// Which language an input is read in, and with which voice.

#include <string>

#include "document/article.hpp"
#include "render/render.hpp"
#include "synth/voice_catalog.hpp"

namespace readaloud {

/// The language and voice for one input.
struct LanguageChoice {
  std::string language;  ///< BCP 47, never empty ("en" when nothing said otherwise)
  LanguageVoice voice;
};

/// --lang when given, else the article's language (declared, or identified
/// by ingest); the voice from --voice, else the language's (a shipped profile
/// or eSpeak NG's own voice). Says on standard error, once per process and
/// language, when a language has no announcements of its own, and, unless
/// --lang was given, when ingest overruled a declared language. A language
/// eSpeak NG cannot speak is Error(Usage), naming `name` unless --lang chose it.
LanguageChoice choose_language(const std::string& name, const Article& article, const RenderOptions& options);

}  // namespace readaloud
