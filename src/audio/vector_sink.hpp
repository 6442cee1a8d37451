#pragma once
// An in-memory AudioSink, for tests and short buffers.

#include <span>
#include <vector>

#include "audio/sink.hpp"
#include "util/error.hpp"

namespace readaloud {

/// Collects every sample written to it; `finished` turns true on finish().
class VectorSink final : public AudioSink {
 public:
  std::vector<float> samples;
  bool finished = false;

  /// Appends; throws Error(Runtime) after finish(), which is a caller bug.
  void write(std::span<const float> block) override {
    if (finished) throw_runtime("audio written after the stream was finished");
    samples.insert(samples.end(), block.begin(), block.end());
  }
  void finish() override { finished = true; }
};

}  // namespace readaloud
