#pragma once
// The seam between the pipeline and a speech engine. The real one is
// EspeakEngine (espeak_engine.hpp); tests may use a fake.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "synth/voice_profile.hpp"

namespace readaloud {

/// Where a sentence starts inside one synthesis call.
struct SentenceStart {
  std::size_t sample = 0;         ///< from the start of this call's audio
  std::size_t text_position = 0;  ///< 1-based character (not byte) index into the text
};

/// The audio for one segment.
struct SynthOutput {
  std::vector<std::int16_t> samples;  ///< mono PCM at sample_rate()
  std::vector<SentenceStart> sentences;
};

class Synthesizer {
 public:
  virtual ~Synthesizer() = default;
  /// Output sample rate in Hz (eSpeak NG: 22050).
  virtual int sample_rate() const = 0;
  /// Speaks plain text (not SSML) with the given prosody. Throws Error on failure.
  virtual SynthOutput synthesize(std::string_view text, const Prosody& prosody) = 0;
  /// Loads `voice` (a Prosody::voice) ahead of the first synthesize() call
  /// that needs it, e.g. before speech processes are forked, so that they
  /// inherit it loaded. A hint: does nothing by default, and an engine that
  /// cannot load it now reports that when it is used.
  virtual void preload_voice(const std::string& voice) { (void)voice; }
};

}  // namespace readaloud
