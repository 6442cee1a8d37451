#pragma once
// How readily sentences become warnings: the user's `--warnings` level and
// the score threshold it stands for.

#include <string>
#include <string_view>

namespace readaloud {

/// `--warnings high-recall|balanced|high-precision|off`.
enum class WarningLevel { Off, HighRecall, Balanced, HighPrecision };

/// The score a sentence needs at `level` (see `score_sentence`). Off: never.
double warning_threshold(WarningLevel level);

/// "off", "high-recall", "balanced", "high-precision".
std::string to_string(WarningLevel level);

/// Parses a level name; throws Error(Usage) naming the accepted values.
WarningLevel parse_warning_level(std::string_view name);

}  // namespace readaloud
