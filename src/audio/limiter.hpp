#pragma once
// Loudness normalisation: one constant gain for the whole programme, then a
// look-ahead peak limiter that catches the few peaks the gain pushes too high.

#include <array>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "audio/sink.hpp"

namespace readaloud {

/// Default limiter ceiling (dBFS, measured on 4x-oversampled peaks). The 1 dB
/// below the -1 dBTP podcast limit is headroom for the overshoot of lossy
/// encoders (MP3/Opus/Vorbis); see limiter_test.cpp for the MP3 measurement.
inline constexpr double kDefaultCeilingDbfs = -2.0;

/// Gain needed to reach `target_lufs` from `measured_lufs` (0 when measured is -inf).
double loudness_gain_db(double measured_lufs, double target_lufs);

/// Applies one constant gain (dB) to the whole stream and a look-ahead peak limiter so that the
/// output never exceeds `ceiling_dbfs` (sample peaks never; peaks between samples, estimated by
/// 4x oversampling, are held to the ceiling as well), forwarding to `next`. Latency is compensated
/// (output length == input length). finish() flushes and finishes `next`.
///
/// The gain reduction ramps down over a 5 ms look-ahead window (no clicks) and
/// recovers with an 80 ms release; samples far from any over-ceiling peak pass
/// with exactly the constant gain.
class GainLimiter final : public AudioSink {
 public:
  /// Taps per phase of the 4x peak-detection interpolator (latency kTaps/2 samples + 5 ms).
  static constexpr std::size_t kTaps = 32;

  /// Throws Error(Usage) when ceiling_dbfs > 0 or sample_rate <= 0.
  GainLimiter(AudioSink& next, double gain_db, double ceiling_dbfs, int sample_rate);
  void write(std::span<const float> samples) override;
  void finish() override;

  /// The largest gain reduction applied so far, in dB (0 or negative).
  double max_reduction_db() const;

 private:
  static constexpr std::size_t kBlock = 1024;  ///< samples per process() call
  void process(const float* input, std::size_t count);  ///< input nullptr: silence
  void step(double level, float xn);
  void release_towards(double target);
  void emit(float delayed);

  AudioSink& next_;
  double gain_;
  double ceiling_;
  std::size_t window_;
  double release_;
  bool finished_ = false;

  std::vector<float> history_;  // the last kTaps - 1 gained inputs, then a block's
  std::vector<float> levels_;   // peak level of each window of the block
  std::int64_t in_index_ = 0;     // inputs pushed (real and padding)
  std::int64_t received_ = 0;     // real inputs
  std::int64_t emitted_ = 0;
  double previous_tp_ = 0.0;
  float loud_level_ = 0.0f;  // inputs above this may interpolate over the ceiling
  std::vector<std::pair<std::int64_t, double>> queue_;  // ring: sliding minimum of the needed gain
  std::size_t queue_head_ = 0;
  std::size_t queue_size_ = 0;
  std::size_t slot_ = 0;     // n mod window_, the slot of the newest sample in box_ and delay_
  std::vector<double> box_;  // the last `window_` held minima
  double box_sum_ = 0.0;
  std::int64_t box_below_one_ = 0;  // entries of box_ below 1.0
  double inv_window_ = 1.0;
  std::vector<float> delay_;  // gained samples waiting for their gain
  double reduction_ = 0.0;   // 1 - the limiter's gain after release smoothing
  double min_gain_ = 1.0;
  std::vector<float> out_;  // one block's output
  std::size_t out_count_ = 0;
};

}  // namespace readaloud
