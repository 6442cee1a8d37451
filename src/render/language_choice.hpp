#pragma once
// Which language an input is read in, and with which voice.

#include <string>

#include "document/article.hpp"
#include "render/render.hpp"
#include "synth/voice_catalog.hpp"

namespace readaloud {

/// The language and voice for one input.
struct LanguageChoice {
  std::string language;  ///< BCP 47, never empty ("en" when nothing said otherwise); what metadata says
  /// The language whose voice, announcements, warning cues and normalisation
  /// are used: `language`, or a close relative eSpeak NG speaks when it cannot
  /// speak `language` and --lang did not ask for it ("gl" text -> "pt").
  std::string speech_language;
  std::string note;  ///< why the voice is not the language's own ("" = it is); also on standard error
  LanguageVoice voice;
};

/// --lang when given, else the article's language (declared, or identified
/// by ingest); the voice from --voice, else the language's (a shipped profile
/// or eSpeak NG's own voice). Says on standard error, once per process and
/// language, when a language has no announcements of its own, and, unless
/// --lang was given, when ingest overruled a declared language. A language
/// eSpeak NG cannot speak is Error(Usage) when --lang chose it; a declared or
/// identified one is read with its close relative (spoken_relative) and a
/// note, else Error(Usage) naming `name`.
LanguageChoice choose_language(const std::string& name, const Article& article, const RenderOptions& options);

}  // namespace readaloud
