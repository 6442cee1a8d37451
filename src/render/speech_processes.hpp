#pragma once
// One article spoken on several cores. eSpeak NG keeps its state in the
// process, so each further core gets a process of its own: children forked
// after the engine has started speak the later parts, each into a spill file
// of its own, while this process speaks the first part. None of them meters
// its part: every core is speaking, and the loudness pass measures anyway.

#include <sys/types.h>

#include <cstddef>
#include <optional>
#include <vector>

#include "audio/spill.hpp"
#include "narrate/script.hpp"
#include "output/timeline.hpp"
#include "render/programme.hpp"
#include "synth/synthesizer.hpp"
#include "synth/voice_profile.hpp"

namespace readaloud {

/// Where to cut `script` so that up to `processes` processes speak a part
/// each, the parts balanced by their speech: the cut positions in order (one
/// fewer than the parts). Empty when one process is better: one allowed, or
/// too little text for a fork to pay for itself (each part gets at least
/// about 1,250 characters of speech).
std::vector<ScriptPosition> speech_cuts(const Script& script, int processes);

/// A child process speaking `script` from `from` up to `to` into `tail`.
/// Forks in the constructor (call it while this process has no other
/// threads); the destructor kills and reaps a child that join() did not.
class SpeechProcess {
 public:
  SpeechProcess(const Script& script, ScriptPosition from, ScriptPosition to, const VoiceProfile& profile,
                Synthesizer& synth, SpillFile& tail);
  ~SpeechProcess();
  SpeechProcess(const SpeechProcess&) = delete;
  SpeechProcess& operator=(const SpeechProcess&) = delete;

  /// Waits for the child and returns the timeline of its part, timed from
  /// the part's start (unfinished, for append_timeline()). Its samples are
  /// then in `tail` (timeline.total_samples of them, unknown to the SpillFile
  /// object itself). Rethrows the child's Error; Error(Runtime) when it died
  /// without one.
  Timeline join();

 private:
  pid_t pid_ = -1;
  int results_ = -1;  ///< read end of the pipe from the child
};

}  // namespace readaloud
