#pragma once
// One article spoken on two cores. eSpeak NG keeps its state in the process,
// so the second core gets a second process: a child forked after the engine
// has started speaks the later chapters into a spill file of its own and
// meters them, while this process speaks the earlier ones.

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

/// The segment at which to hand the rest of `script` to a second process,
/// balancing the speech on each side; nullopt when one process is better:
/// one thread allowed, or too little text for the fork to pay for itself.
std::optional<ScriptPosition> second_process_split(const Script& script, int threads);

/// What the second process spoke: the script from the split on, timed from
/// its own start (unfinished, for append_timeline()), and its loudness blocks.
struct SecondPart {
  Timeline timeline;
  std::vector<double> loudness_blocks;
};

/// A child process speaking `script` from `split` to the end into `tail`.
/// Forks in the constructor (call it while this process has no other
/// threads); the destructor kills and reaps a child that join() did not.
class SecondSpeaker {
 public:
  SecondSpeaker(const Script& script, ScriptPosition split, const VoiceProfile& profile, Synthesizer& synth,
                SpillFile& tail);
  ~SecondSpeaker();
  SecondSpeaker(const SecondSpeaker&) = delete;
  SecondSpeaker& operator=(const SecondSpeaker&) = delete;

  /// Waits for the child. Its samples are then in `tail` (timeline.total_samples
  /// of them, unknown to the SpillFile object itself). Rethrows the child's
  /// Error; Error(Runtime) when it died without one.
  SecondPart join();

 private:
  pid_t pid_ = -1;
  int results_ = -1;  ///< read end of the pipe from the child
};

}  // namespace readaloud
