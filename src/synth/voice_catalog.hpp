#pragma once
// The shipped voice profiles (voices/*.toml, compiled into the binary) and
// user profile files: loading, validating, choosing one per language, and
// scaling speech rate.

#include <string>
#include <string_view>
#include <vector>

#include "synth/voice_profile.hpp"

namespace readaloud {

/// Names of the shipped profiles (voices/*.toml stems), sorted.
std::vector<std::string> voice_profile_names();

/// A shipped profile by name, or a .toml file path (anything containing '/'
/// or ending in .toml).
///
/// Fields missing in a file keep the defaults of VoiceProfile. Throws:
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

/// Scales every role's rate so narration speaks at `wpm` (80..450, else
/// Error(Usage)). Other roles keep their ratio to narration (warnings stay
/// relatively slower), rounded and clamped to eSpeak NG's 80..450 range.
/// Pauses scale by the inverse of the speed-up, within [kMinPauseScale, kMaxPauseScale].
inline constexpr double kMinPauseScale = 0.4;
inline constexpr double kMaxPauseScale = 2.0;
VoiceProfile with_rate(VoiceProfile profile, int wpm);

}  // namespace readaloud
