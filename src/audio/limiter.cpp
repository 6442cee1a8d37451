#include "audio/limiter.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>

#include "util/error.hpp"

namespace readaloud {
namespace {

// Interpolation filters for 4x oversampled peak detection: windowed sinc,
// kTaps taps per phase, for the points 1/4, 2/4 and 3/4 of the way from x[n]
// to x[n+1] (taps cover x[n-kHalf+1] .. x[n+kHalf]). Same idea as the BS.1770
// true-peak meter, but longer: its 12 taps per phase miss overshoots of
// content near the Nyquist frequency (fricatives at 22050 Hz), which the
// resampler and the encoder then turn into real peaks.
constexpr std::size_t kTaps = GainLimiter::kTaps;
constexpr int kHalf = static_cast<int>(kTaps / 2);
using Taps = std::array<std::array<float, kTaps>, 3>;  // [phase][tap]

Taps make_taps() {
  Taps taps{};
  for (int p = 0; p < 3; ++p) {
    const double frac = (p + 1) / 4.0;
    std::array<double, kTaps> h{};
    double sum = 0.0;
    for (int k = 0; k < static_cast<int>(kTaps); ++k) {
      const double t = frac - (k - (kHalf - 1));  // distance from x[n+k-kHalf+1] to the point
      const double sinc = std::sin(std::numbers::pi * t) / (std::numbers::pi * t);
      const double c = std::cos(std::numbers::pi * t / (kTaps + 1));  // cos^2 window over |t| < kHalf + 0.5
      h[k] = sinc * c * c;
      sum += h[k];
    }
    for (std::size_t k = 0; k < kTaps; ++k) taps[p][k] = static_cast<float>(h[k] / sum);  // unity gain at DC
  }
  return taps;
}

const Taps& taps() {
  static const Taps t = make_taps();
  return t;
}

// The largest sum of |taps| over the three phases: an interpolated point can
// never exceed max|window| times this.
double tap_gain_bound() {
  double bound = 0.0;
  for (const auto& phase : taps()) {
    double sum = 0.0;
    for (float h : phase) sum += std::abs(static_cast<double>(h));
    bound = std::max(bound, sum);
  }
  return bound;
}

// Peak levels of windows: window j is x[j .. j+kTaps-1], and its level is
// the largest of |x[j+kHalf-1]| and the three interpolated points after it.
// Computed kLanes windows at a time, as whole lanes only (so `count` is
// rounded up: x must hold kTaps - 1 + count rounded up to kLanes samples, and
// levels that many), each tap one multiply-add per phase across the lanes:
// the same arithmetic for every window, whatever the block sizes.
constexpr std::size_t kLanes = 8;
using Lanes = float __attribute__((vector_size(kLanes * sizeof(float))));

inline __attribute__((always_inline)) void window_peaks_body(const float* x, std::size_t count, float loud,
                                                            float* levels) {
  const Taps& h = taps();
  for (std::size_t j = 0; j < count; j += kLanes) {
    // Quiet lanes (every sample of their windows at most `loud`) cannot
    // interpolate over the ceiling: their sample peaks stand in.
    Lanes peak{};
    for (std::size_t k = 0; k < kTaps; k += kLanes) {
      Lanes in;
      std::memcpy(&in, x + j + k, sizeof in);
      in = in < 0 ? -in : in;
      peak = in > peak ? in : peak;
    }
    {
      Lanes in;
      std::memcpy(&in, x + j + kTaps - 1, sizeof in);  // the last lane's window ends here
      in = in < 0 ? -in : in;
      peak = in > peak ? in : peak;
    }
    bool any_loud = false;
    for (std::size_t b = 0; b < kLanes; ++b) any_loud |= peak[b] > loud;
    if (!any_loud) {
      for (std::size_t b = 0; b < kLanes; ++b) levels[j + b] = std::abs(x[j + b + kHalf - 1]);
      continue;
    }
    Lanes y0{}, y1{}, y2{};
    for (std::size_t k = 0; k < kTaps; ++k) {
      Lanes in;
      std::memcpy(&in, x + j + k, sizeof in);
      y0 += h[0][k] * in;
      y1 += h[1][k] * in;
      y2 += h[2][k] * in;
    }
    for (std::size_t b = 0; b < kLanes; ++b)
      levels[j + b] = std::max(std::max(std::abs(x[j + b + kHalf - 1]), std::abs(y0[b])),
                               std::max(std::abs(y1[b]), std::abs(y2[b])));
  }
}

void window_peaks_plain(const float* x, std::size_t count, float loud, float* levels) {
  window_peaks_body(x, count, loud, levels);
}

#if defined(__x86_64__)
__attribute__((target("avx2,fma"))) void window_peaks_avx2(const float* x, std::size_t count, float loud,
                                                             float* levels) {
  window_peaks_body(x, count, loud, levels);
}
#endif

using WindowPeaks = void (*)(const float*, std::size_t, float, float*);

/// The 8-wide AVX2/FMA build where the CPU has it, checked once.
WindowPeaks window_peaks() {
#if defined(__x86_64__)
  static const WindowPeaks chosen = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? &window_peaks_avx2 : &window_peaks_plain;
  }();
  return chosen;
#else
  return &window_peaks_plain;
#endif
}

constexpr double kLookaheadSeconds = 0.005;
constexpr double kReleaseSeconds = 0.080;
constexpr std::size_t kInterpolationDelay = kTaps / 2;

}  // namespace

double loudness_gain_db(double measured_lufs, double target_lufs) {
  if (!std::isfinite(measured_lufs)) return 0.0;
  return target_lufs - measured_lufs;
}

GainLimiter::GainLimiter(AudioSink& next, double gain_db, double ceiling_dbfs, int sample_rate)
    : next_(next), gain_(std::pow(10.0, gain_db / 20.0)), ceiling_(std::pow(10.0, ceiling_dbfs / 20.0)) {
  if (sample_rate <= 0) throw_usage("limiter: sample rate must be positive");
  if (!(ceiling_dbfs <= 0.0)) throw_usage("limiter: ceiling must be 0 dBFS or below");
  if (!std::isfinite(gain_db)) throw_usage("limiter: gain must be finite");
  window_ = std::max<std::size_t>(1, static_cast<std::size_t>(std::lround(kLookaheadSeconds * sample_rate)));
  release_ = std::exp(-1.0 / (kReleaseSeconds * sample_rate));
  box_.assign(window_, 1.0);
  box_sum_ = static_cast<double>(window_);
  inv_window_ = 1.0 / static_cast<double>(window_);
  delay_.assign(window_, 0.0f);
  history_.assign(kTaps - 1 + kBlock + kLanes, 0.0f);  // room for whole lanes
  levels_.assign(kBlock + kLanes, 0.0f);
  out_.assign(kBlock, 0.0f);
  // A power-of-two ring (at least window_ + 1 entries) indexes with a mask.
  std::size_t cap = 1;
  while (cap < window_ + 1) cap *= 2;
  queue_.assign(cap, {0, 1.0});
  // A window whose samples all stay under this level cannot interpolate above
  // the ceiling. The 1e-4 margin covers float rounding in the 32-tap sums.
  loud_level_ = static_cast<float>(ceiling_ / tap_gain_bound() * (1.0 - 1e-4));
}

double GainLimiter::max_reduction_db() const { return 20.0 * std::log10(min_gain_); }

inline __attribute__((always_inline)) void GainLimiter::release_towards(double g) {
  // Falls to g at once; recovers towards g slowly, the reduction shrinking by
  // the release factor per sample (never below what g needs). Kept as the
  // reduction 1 - gain: then one multiply and one max per sample, which
  // matters as each sample waits on the last. The last 0.001 dB snaps to
  // unity: an exponential release would otherwise take seconds to reach it.
  reduction_ = std::max(1.0 - g, reduction_ * release_);
  if (g == 1.0 && reduction_ < 1e-4) reduction_ = 0.0;
}

inline __attribute__((always_inline)) void GainLimiter::emit(float delayed) {
  if (emitted_ < received_) {
    const float c = static_cast<float>(ceiling_);
    // Plain comparisons, not std::clamp: its references kept the value in memory.
    float v = static_cast<float>(delayed * (1.0 - reduction_));
    v = v > c ? c : v;
    v = v < -c ? -c : v;
    out_[out_count_++] = v;
    ++emitted_;
  }
}

// Inlined into process(): the call per sample was a visible share of the cost.
inline __attribute__((always_inline)) void GainLimiter::step(double tp, float xn) {
  const std::int64_t i = in_index_++;
  if (i < static_cast<std::int64_t>(kInterpolationDelay)) return;
  const double level = std::max(tp, previous_tp_);  // both intervals touching x[n]
  previous_tp_ = tp;
  const double need = level > ceiling_ ? ceiling_ / level : 1.0;
  const std::int64_t n = i - static_cast<std::int64_t>(kInterpolationDelay);
  // Fixed rings instead of deques: this runs for every sample of every pass.
  const std::size_t w = window_;
  delay_[slot_] = xn;

  // Fast path for the common case, nothing to limit within the look-ahead:
  // the queue holds only 1.0 (it increases from the front, so its front is
  // 1.0) and every averaged minimum is 1.0. Then this sample leaves all of
  // that unchanged, the target gain is 1, and only the release moves.
  if (need == 1.0 && box_below_one_ == 0 && queue_size_ > 0 && queue_[queue_head_].second == 1.0) {
    queue_[queue_head_] = {n, 1.0};
    queue_size_ = 1;
    box_sum_ = static_cast<double>(w);  // all ones: drop the rounding drift of past limiting
    slot_ = slot_ + 1 == w ? 0 : slot_ + 1;
    if (n < static_cast<std::int64_t>(w) - 1) return;
    release_towards(1.0);
    emit(delay_[slot_]);
    return;
  }

  // Stage 2: the minimum needed gain over the next `window_` samples (a
  // monotonic queue of (index, need) in a ring of w + 1 entries) ...
  const std::size_t mask = queue_.size() - 1;
  while (queue_size_ > 0) {
    const std::size_t back = (queue_head_ + queue_size_ - 1) & mask;
    if (queue_[back].second < need) break;
    --queue_size_;
  }
  queue_[(queue_head_ + queue_size_) & mask] = {n, need};
  ++queue_size_;
  slot_ = slot_ + 1 == w ? 0 : slot_ + 1;  // now m mod w, for m = n - (w - 1) below
  if (n < static_cast<std::int64_t>(w) - 1) return;
  const std::int64_t m = n - static_cast<std::int64_t>(w - 1);
  while (queue_[queue_head_].first < m) {
    queue_head_ = (queue_head_ + 1) & mask;
    --queue_size_;
  }
  const double held = queue_[queue_head_].second;

  // ... averaged over `window_` samples, so the gain glides down to a peak.
  // Every held minimum in the average covers sample m, hence average <= need[m].
  const std::size_t read_slot = slot_;  // sample m is overwritten only at step m + w
  box_below_one_ += (held < 1.0 ? 1 : 0) - (box_[read_slot] < 1.0 ? 1 : 0);
  box_sum_ += held - box_[read_slot];
  box_[read_slot] = held;
  double g = std::min({box_sum_ * inv_window_, held, 1.0});
  release_towards(g);
  min_gain_ = std::min(min_gain_, 1.0 - reduction_);
  emit(delay_[read_slot]);
}

void GainLimiter::process(const float* input, std::size_t count) {
  // history_ holds the last kTaps - 1 gained inputs, then this block's.
  constexpr std::size_t kKeep = kTaps - 1;
  float* x = history_.data();
  bool loud = false;
  for (std::size_t j = 0; j < count; ++j) {
    x[kKeep + j] = input ? static_cast<float>(input[j] * gain_) : 0.0f;
    loud |= std::abs(x[kKeep + j]) > loud_level_;
  }
  for (std::size_t j = 0; j < kKeep && !loud; ++j) loud = std::abs(x[j]) > loud_level_;
  // Stage 1: the peak level around each x[n], between-sample peaks included.
  // The interpolation costs most of the limiter's time, and can only matter
  // when some sample of a window is loud. Otherwise the sample peak stands in
  // for it: both are then under the ceiling, so the needed gain is 1 either
  // way, and a quiet stand-in in previous_tp_ never decides a later level,
  // which only matters above the ceiling.
  if (loud) {
    window_peaks()(x, count, loud_level_, levels_.data());
  } else {
    for (std::size_t j = 0; j < count; ++j) levels_[j] = std::abs(x[j + kHalf - 1]);
  }
  out_count_ = 0;
  for (std::size_t j = 0; j < count; ++j) step(levels_[j], x[j + kHalf - 1]);
  std::copy(x + count, x + count + kKeep, x);
  if (out_count_ > 0) next_.write(std::span<const float>(out_.data(), out_count_));
}

void GainLimiter::write(std::span<const float> samples) {
  if (finished_) throw_runtime("audio written after the stream was finished");
  received_ += static_cast<std::int64_t>(samples.size());
  for (std::size_t at = 0; at < samples.size(); at += kBlock)
    process(samples.data() + at, std::min(kBlock, samples.size() - at));
}

void GainLimiter::finish() {
  if (finished_) return;
  finished_ = true;
  // Push the look-ahead's worth of silence so every real sample comes out.
  const std::size_t latency = kInterpolationDelay + window_ - 1;
  for (std::size_t at = 0; at < latency; at += kBlock) process(nullptr, std::min(kBlock, latency - at));
  next_.finish();
}

}  // namespace readaloud
