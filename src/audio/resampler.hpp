#pragma once
// Streaming sample-rate conversion with libsoxr (high quality).

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "audio/sink.hpp"

struct soxr;

namespace readaloud {

/// Resamples a mono stream from `in_rate` to `out_rate` and forwards it to `next`.
/// The total output is exactly round(n * out_rate / in_rate) samples for n input
/// samples (the filter delay is compensated; the tail is flushed on finish()).
/// in_rate == out_rate passes samples through unchanged. RAII over one soxr_t.
class Resampler final : public AudioSink {
 public:
  /// Throws Error(Usage) for non-positive rates, Error(Runtime) with soxr's message on failure.
  Resampler(AudioSink& next, int in_rate, int out_rate);
  ~Resampler() override;
  Resampler(const Resampler&) = delete;
  Resampler& operator=(const Resampler&) = delete;

  void write(std::span<const float> samples) override;
  /// Flushes the filter tail, pads or trims to the exact length, and finishes `next`.
  void finish() override;

 private:
  struct Deleter {
    void operator()(soxr* s) const;
  };
  void forward(std::span<const float> produced);

  AudioSink& next_;
  int in_rate_;
  int out_rate_;
  std::unique_ptr<soxr, Deleter> soxr_;
  std::int64_t received_ = 0;
  std::int64_t emitted_ = 0;
  bool finished_ = false;
  std::vector<float> buffer_;
};

}  // namespace readaloud
