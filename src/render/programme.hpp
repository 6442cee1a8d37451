#pragma once
// Speaking a whole script: one synthesis call per segment, pauses and earcons
// between them, and chapter and caption times added up exactly to the sample.

#include <functional>

#include "audio/sink.hpp"
#include "narrate/script.hpp"
#include "output/timeline.hpp"
#include "synth/synthesizer.hpp"
#include "synth/voice_profile.hpp"

namespace readaloud {

/// Called after each segment with the fraction of segments done (0..1).
using ProgressFn = std::function<void(double)>;

/// Speaks `script` into `sink` (mono float at synth.sample_rate()) and returns
/// where each chapter and each spoken sentence landed. A chapter starts at its
/// first sound (its heading), after the pause that ends the previous chapter.
/// Caption cues run from one sentence start to the next, so they never
/// overlap and cover the programme. Does not call sink.finish().
Timeline speak_script(const Script& script, const VoiceProfile& profile, Synthesizer& synth,
                      AudioSink& sink, const ProgressFn& progress = {});

/// The prosody the profile gives a role.
const Prosody& prosody_for(const VoiceProfile& profile, Role role);

}  // namespace readaloud
