#include "audio/limiter.hpp"

#include <algorithm>
#include <cmath>
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
// Laid out tap-major with a 4th, zero phase, so that each tap is one 4-wide
// multiply-add over the three phases (vectorises without -ffast-math).
using Taps = std::array<std::array<float, 4>, kTaps>;

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
    for (std::size_t k = 0; k < kTaps; ++k) taps[k][p] = static_cast<float>(h[k] / sum);  // unity gain at DC
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
  const Taps& t = taps();
  double bound = 0.0;
  for (std::size_t p = 0; p < 3; ++p) {
    double sum = 0.0;
    for (std::size_t k = 0; k < kTaps; ++k) sum += std::abs(static_cast<double>(t[k][p]));
    bound = std::max(bound, sum);
  }
  return bound;
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
  // Recover towards unity slowly; min() keeps the guarantee. The last
  // 0.001 dB snaps to unity: an exponential release would otherwise take
  // seconds to reach 1.0 exactly.
  gain_now_ = g < gain_now_ ? g : std::min(g, 1.0 - (1.0 - gain_now_) * release_);
  if (g == 1.0 && gain_now_ > 1.0 - 1e-4) gain_now_ = 1.0;
}

inline __attribute__((always_inline)) void GainLimiter::emit(float delayed) {
  if (emitted_ < received_) {
    const float c = static_cast<float>(ceiling_);
    out_.push_back(std::clamp(static_cast<float>(delayed * gain_now_), -c, c));
    ++emitted_;
  }
}

// Inlined into write(): the call per sample was a visible share of the cost.
inline __attribute__((always_inline)) void GainLimiter::push(float input) {
  const float x = static_cast<float>(input * gain_);
  // A doubled ring: the last kTaps inputs are always contiguous, oldest first.
  ring_[ring_pos_] = x;
  ring_[ring_pos_ + kTaps] = x;
  ring_pos_ = (ring_pos_ + 1) % kTaps;
  const float* window = ring_.data() + ring_pos_;
  const std::int64_t i = in_index_++;
  if (std::abs(x) > loud_level_) last_loud_ = i;
  if (i < static_cast<std::int64_t>(kInterpolationDelay)) return;

  // Stage 1: the peak level around x[n] (n = i - kHalf), between-sample peaks included.
  const float xn = window[kHalf - 1];
  double tp = std::abs(xn);
  // The interpolation costs most of the limiter's time, and can only matter
  // when some sample of the window (the last kTaps inputs) is loud. Otherwise
  // the sample peak stands in for it: both are then under the ceiling, so the
  // needed gain below is 1 either way, and a quiet stand-in in previous_tp_
  // never decides a later level, which only matters above the ceiling.
  if (i - last_loud_ < static_cast<std::int64_t>(kTaps)) {
    std::array<float, 4> y{};
    const Taps& t = taps();
    // Unrolled: GCC at -O2 otherwise runs one 4-wide multiply-add per loop trip.
#pragma GCC unroll 8
    for (std::size_t k = 0; k < kTaps; ++k)
      for (std::size_t p = 0; p < 4; ++p) y[p] += t[k][p] * window[k];
    for (std::size_t p = 0; p < 3; ++p) tp = std::max(tp, static_cast<double>(std::abs(y[p])));
  }
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
  min_gain_ = std::min(min_gain_, gain_now_);
  emit(delay_[read_slot]);
}

void GainLimiter::write(std::span<const float> samples) {
  if (finished_) throw_runtime("audio written after the stream was finished");
  out_.clear();
  for (float s : samples) {
    ++received_;
    push(s);
  }
  if (!out_.empty()) next_.write(out_);
}

void GainLimiter::finish() {
  if (finished_) return;
  finished_ = true;
  out_.clear();
  // Push the look-ahead's worth of silence so every real sample comes out.
  const std::size_t latency = kInterpolationDelay + window_ - 1;
  for (std::size_t k = 0; k < latency; ++k) push(0.0f);
  if (!out_.empty()) next_.write(out_);
  next_.finish();
}

}  // namespace readaloud
