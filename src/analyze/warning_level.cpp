#include "analyze/warning_level.hpp"

#include <limits>

#include "analyze/warning_cues.hpp"
#include "util/error.hpp"

namespace readaloud {

double warning_threshold(WarningLevel level) {
  // Chosen on the tuning part of tests/fixtures/warnings (docs/warnings.md):
  // one strong cue passes at balanced; high-recall lets a single weak cue
  // through, high-precision wants a strong cue with support.
  switch (level) {
    case WarningLevel::Off: return std::numeric_limits<double>::infinity();
    case WarningLevel::HighRecall: return 0.6;
    case WarningLevel::Balanced: return kBalancedThreshold;
    case WarningLevel::HighPrecision: return 1.5;
  }
  return kBalancedThreshold;
}

std::string to_string(WarningLevel level) {
  switch (level) {
    case WarningLevel::Off: return "off";
    case WarningLevel::HighRecall: return "high-recall";
    case WarningLevel::Balanced: return "balanced";
    case WarningLevel::HighPrecision: return "high-precision";
  }
  return "balanced";
}

WarningLevel parse_warning_level(std::string_view name) {
  for (WarningLevel l : {WarningLevel::Off, WarningLevel::HighRecall, WarningLevel::Balanced,
                         WarningLevel::HighPrecision})
    if (name == to_string(l)) return l;
  throw Error(ErrorKind::Usage, "--warnings: unknown level \"" + std::string(name) +
                                    "\" (high-recall, balanced, high-precision, off)");
}

}  // namespace readaloud
