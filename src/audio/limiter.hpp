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
  std::size_t find_loud(std::size_t first, std::size_t count);  ///< into loud_at_/loud_need_; how many
  /// The gain after the peak detection and the output; how many samples went into out_.
  std::size_t limit(std::size_t first, std::size_t count, std::int64_t n_first, std::size_t loud_count);

  AudioSink& next_;
  double gain_;
  double ceiling_;
  std::size_t window_;
  double release_;
  double inv_window_ = 1.0;
  float loud_level_ = 0.0f;  // inputs above this may interpolate over the ceiling
  float over_level_ = 0.0f;  // a float level is above ceiling_ exactly when it is above this
  bool finished_ = false;

  // Per block. history_ holds, before the block's gained inputs, the last kTaps - 1 of them (for
  // the interpolator) and window_ - 1 more (the look-ahead delay): the output sample for block
  // position j is history_[j + kTaps / 2 - 1].
  std::vector<float> history_;
  std::vector<float> levels_;  // [0]: the level before the block; [1 + j]: peak level of window j
  std::vector<std::uint32_t> loud_at_;  // block positions whose needed gain is below 1 ...
  std::vector<double> loud_need_;       // ... and that gain
  std::vector<double> held_;  // window_ held minima before the block, then the block's
  std::vector<float> out_;    // one block's output

  std::int64_t in_index_ = 0;  // inputs pushed (real and padding)
  std::int64_t received_ = 0;  // real inputs
  std::int64_t emitted_ = 0;
  std::int64_t last_loud_ = 0;  // the last sample whose needed gain is below 1
  // Ring of (sample, needed gain) for the loud samples in the look-ahead, increasing from the
  // front: their sliding minimum.
  std::vector<std::pair<std::int64_t, double>> queue_;
  std::size_t queue_head_ = 0;
  std::size_t queue_size_ = 0;
  double box_sum_ = 0.0;        // running sum of the last window_ held minima
  double reduction_ = 0.0;      // 1 - the limiter's gain after release smoothing
  double max_reduction_ = 0.0;  // the largest reduction_ so far
};

/// The peak level GainLimiter detects around each sample of `x`, a whole stream already gained and
/// silent before and after it: for sample n, the largest of |x[n]| and the three 4x-oversampled
/// points between x[n] and x[n+1]. The limiter's own arithmetic, so that a test can follow the
/// stages after it with a reference.
std::vector<float> limiter_peak_levels(std::span<const float> x);

}  // namespace readaloud
