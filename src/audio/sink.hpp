#pragma once
// Streams of audio: a sink accepts mono float samples in [-1, 1].

#include <span>

namespace readaloud {

class AudioSink {
 public:
  virtual ~AudioSink() = default;
  /// Accepts the next block of mono samples.
  virtual void write(std::span<const float> samples) = 0;
  /// Flushes and closes; no writes after this. Throws Error on failure.
  virtual void finish() = 0;
};

}  // namespace readaloud
