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

/// A place in a script: before segment `segment` of chapter `chapter`.
struct ScriptPosition {
  std::size_t chapter = 0;
  std::size_t segment = 0;
  auto operator<=>(const ScriptPosition&) const = default;
};

/// Speaks the segments from `from` up to (not including) `to` into `sink`, as
/// speak_script would within the whole, with times counted from `from`. A
/// chapter gets its marker where its first segment is spoken (so a range
/// starting inside a chapter adds none for it). The result is unfinished:
/// end times are set by finish_timeline().
Timeline speak_range(const Script& script, ScriptPosition from, ScriptPosition to, const VoiceProfile& profile,
                     Synthesizer& synth, AudioSink& sink, const ProgressFn& progress = {});

/// Appends what was spoken right after `timeline` (times counted from its own start).
void append_timeline(Timeline& timeline, Timeline later);

/// Sets end times (each chapter and cue ends where the next starts, the last
/// at the end of the programme) and starts the first chapter and cue at 0.
void finish_timeline(Timeline& timeline);

/// The prosody the profile gives a role.
const Prosody& prosody_for(const VoiceProfile& profile, Role role);

}  // namespace readaloud
