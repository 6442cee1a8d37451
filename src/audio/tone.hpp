#pragma once
// Generated tones: the warning earcon.

#include <vector>

#include "synth/voice_profile.hpp"

namespace readaloud {

/// The warning earcon: the profile's tones with raised-cosine fades (no clicks), at earcon.level_dbfs peak.
/// Tones are `tone_ms` long each, separated by `gap_ms` of silence (none after the last);
/// the fade is limited to half a tone. Each tone starts at zero phase. The sample peak is
/// exactly 10^(level_dbfs/20). Throws Error(Usage) for a tone outside (0, sample_rate/2),
/// negative lengths, or a level above 0 dBFS.
std::vector<float> make_earcon(const Earcon& earcon, int sample_rate);

}  // namespace readaloud
