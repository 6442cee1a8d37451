#pragma once
// The shipped voice profiles (voices/*.toml, compiled into the binary) and
// user profile files: loading, validating, choosing one per language, and
// scaling speech rate.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "synth/voice_profile.hpp"

namespace readaloud {

/// Names of the shipped profiles (voices/*.toml stems), sorted.
std::vector<std::string> voice_profile_names();

/// A shipped profile by name, or a .toml file path (anything containing '/'
/// or ending in .toml).
///
/// Fields missing in a file keep the defaults of VoiceProfile; a profile with
/// no [phrases] table takes its language's announcements. Throws:
/// - Error(Usage) for an unknown name:
///   "unknown voice 'en-su' (did you mean en-us?)": the names at the smallest
///   edit distance (a transposition counts as one edit), if within 3, at most
///   3 of them ("a, b or c"); with none that near, "(available: de, ...)";
/// - Error(Input) for a file that cannot be read, is not valid TOML, has an
///   unknown key (named in the message), a value of the wrong type, or a value
///   out of range. The Location carries the file (the path as given, or
///   "voices/<name>.toml") and the line and column of the offending item.
VoiceProfile load_voice_profile(std::string_view name_or_path);

/// Parses profile text. `name` becomes VoiceProfile::name; `file` is used in
/// error locations. Same errors as load_voice_profile (Input only).
VoiceProfile parse_voice_profile(std::string_view toml_text, std::string_view name,
                                 std::string_view file);

/// The shipped profile for a BCP 47 language tag: an exact match ("en-GB" ->
/// "en-gb"), else the primary subtag ("es-MX" -> "es"), else "default".
std::string profile_name_for_language(std::string_view language);

/// One installed eSpeak NG voice.
struct EspeakVoice {
  std::string name;  ///< "Portuguese (Brazil)"
  /// Language codes it speaks with eSpeak's priority (lower is preferred),
  /// most specific first: {{"pt-br", 5}, {"pt", 6}}.
  std::vector<std::pair<std::string, int>> languages;
};

/// The installed eSpeak NG voices, read once from eSpeak NG's data folder
/// (espeak_ListVoices; no engine is started).
const std::vector<EspeakVoice>& espeak_voices();

/// eSpeak NG's own voice for a BCP 47 tag, as a voice name Prosody::voice takes:
/// "pt-BR" -> "pt-br", "pt" -> "pt", "zh"/"zh-Hant" -> "cmn", "zh-HK" -> "yue",
/// "es-MX"/"es-AR" -> "es-419", "no" -> "nb", "it-CH" -> "it". Throws
/// Error(Usage) for a language eSpeak NG cannot speak, naming the nearest
/// languages it can ("eSpeak NG cannot speak language 'tlh' (nearest: ...)").
std::string espeak_voice_for_language(std::string_view tag);

/// The spoken phrases for a language, from data/announcements/<primary>.toml;
/// nullopt when the language has no file. Parsed once per language.
std::optional<Phrases> announcements_for(std::string_view tag);

/// How a language is spoken.
struct LanguageVoice {
  VoiceProfile profile;       ///< what the planner and the synthesizer use
  std::string espeak_voice;   ///< eSpeak NG voice of the narration, without variant ("pt-br")
  bool full_profile = false;  ///< a shipped profile for the language, not eSpeak's voice as is
  bool english_announcements = false;  ///< no announcements file: English phrases are used
};

/// The voice for a BCP 47 tag: the shipped profile for it when there is one
/// (profile_name_for_language), else the default profile's prosody and earcon
/// with every role's voice replaced by eSpeak NG's own voice for the language
/// (keeping each role's variant, "+m3"), and the language's announcements
/// (English when it has none). "" means English. Throws like
/// espeak_voice_for_language.
LanguageVoice voice_for_language(std::string_view tag);

/// "pt-br+m3" -> "pt-br".
std::string base_voice(std::string_view voice);

/// Scales every role's rate so narration speaks at `wpm` (80..450, else
/// Error(Usage)). Other roles keep their ratio to narration (warnings stay
/// relatively slower), rounded and clamped to eSpeak NG's 80..450 range.
/// Pauses scale by the inverse of the speed-up, within [kMinPauseScale, kMaxPauseScale].
inline constexpr double kMinPauseScale = 0.4;
inline constexpr double kMaxPauseScale = 2.0;
VoiceProfile with_rate(VoiceProfile profile, int wpm);

}  // namespace readaloud
