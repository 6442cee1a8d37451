#include "audio/limiter.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>

#include "util/error.hpp"

namespace readaloud {
namespace {

// 4x oversampled peak detection: windowed-sinc taps for the points 1/4, 2/4
// and 3/4 of the way from x[n] to x[n+1] (taps cover x[n-kHalf+1] ..
// x[n+kHalf]). Longer than BS.1770's 12 taps, which miss overshoots near
// Nyquist (figures in the README).
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

// Level of window j (x[j .. j+kTaps-1]): the largest of |x[j+kHalf-1]| and the
// three points after it. kLanes windows at a time, `count` rounded up to whole
// lanes (x and levels must have room), so every window gets the same arithmetic.
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

// The other stages use 4-float vectors, native in the default instruction set.
using Quad = float __attribute__((vector_size(4 * sizeof(float))));
using QuadMask = decltype(Quad{} > Quad{});
using DoubleQuad = double __attribute__((vector_size(4 * sizeof(double))));

inline Quad load_quad(const float* p) {
  Quad q;
  std::memcpy(&q, p, sizeof q);
  return q;
}

// static_cast<float>(x * gain) lane by lane, in double as in scalar code
// (gain by reference: 32-byte vectors by value change ABI).
inline Quad scale(Quad x, const DoubleQuad& gain) {
  return __builtin_convertvector(__builtin_convertvector(x, DoubleQuad) * gain, Quad);
}

inline Quad clamp_quad(Quad v, Quad c) {
  v = v > c ? c : v;
  return v < -c ? -c : v;
}

inline Quad abs_quad(Quad v) {
  using Bits = std::uint32_t __attribute__((vector_size(sizeof(Quad))));
  Bits bits;
  std::memcpy(&bits, &v, sizeof v);
  bits &= 0x7fffffffu;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

// Whether any lane is set, or-ed as 64-bit words: a loop over the lanes
// compiled to one compare and branch per lane.
inline bool any_lane(QuadMask mask) {
  std::uint64_t words[sizeof mask / sizeof(std::uint64_t)];
  std::memcpy(words, &mask, sizeof mask);
  return (words[0] | words[1]) != 0;
}

constexpr double kLookaheadSeconds = 0.005;
constexpr double kReleaseSeconds = 0.080;
constexpr std::size_t kInterpolationDelay = kTaps / 2;
// The last 0.001 dB of a release snaps to unity: an exponential release would
// otherwise take seconds to reach it.
constexpr double kSnap = 1e-4;

// Plain comparisons, not std::clamp: its references kept the value in memory.
inline float clamp_to(float v, float c) {
  v = v > c ? c : v;
  return v < -c ? -c : v;
}

// The state of GainLimiter::limit's loop, a local there: as members, stores
// to the arrays could alias it and slow the per-sample chain. The steps below
// are always inlined, so it stays in registers.
struct LimitRun {
  std::int64_t w;
  double release;
  double inv_window;
  float c;
  Quad ceiling;
  const float* delayed;  // delayed[j]: sample m = n - (w - 1), out at position j
  double* held;          // held[j]: the least need from m on; held[j - w]: the one it replaces
  float* out;
  std::pair<std::int64_t, double>* queue;
  std::size_t mask;
  std::size_t head;
  std::size_t size;
  std::int64_t last_loud;
  double box_sum;
  double r;
  double max_r;
  std::size_t produced;
};

// A loud sample n joins the queue, which increases from the front.
inline __attribute__((always_inline)) void push_loud(LimitRun& s, std::int64_t n, double need) {
  while (s.size > 0 && !(s.queue[(s.head + s.size - 1) & s.mask].second < need)) --s.size;
  s.queue[(s.head + s.size) & s.mask] = {n, need};
  ++s.size;
  s.last_loud = n;
}

// Within 2w of a loud sample: every stage, one sample at a time.
inline __attribute__((always_inline)) void limit_step(LimitRun& s, std::size_t j, std::int64_t n) {
  if (n < s.w - 1) {  // the look-ahead is still filling: no output yet
    s.held[j] = 1.0;
    return;
  }
  // The least needed gain over the next w samples: the queue's front (others need 1).
  const std::int64_t m = n - (s.w - 1);
  while (s.size > 0 && s.queue[s.head].first < m) {
    s.head = (s.head + 1) & s.mask;
    --s.size;
  }
  const double h = s.size > 0 ? s.queue[s.head].second : 1.0;
  s.held[j] = h;
  // Averaged over w samples, so the gain glides down to a peak; the average
  // never exceeds need[m], since every minimum in it covers m.
  s.box_sum += h - s.held[static_cast<std::int64_t>(j) - s.w];
  const double g = std::min(std::min(s.box_sum * s.inv_window, h), 1.0);  // (std::min({...}) branched)
  // Falls to g at once, recovers by the release factor; kept as the reduction
  // 1 - gain: one multiply and one max per sample.
  s.r = std::max(1.0 - g, s.r * s.release);
  if (g == 1.0 && s.r < kSnap) s.r = 0.0;
  s.max_r = std::max(s.max_r, s.r);
  s.out[s.produced++] = clamp_to(static_cast<float>(s.delayed[j] * (1.0 - s.r)), s.c);
}

// Positions [j, to) while the release is still moving: four steps at a time as
// vectors, unless it snaps to 0 among them. Returns where it stopped.
inline __attribute__((always_inline)) std::size_t release_tail(LimitRun& s, std::size_t j, std::size_t to) {
  for (; j + 4 <= to; j += 4) {
    const double r1 = s.r * s.release;
    const double r2 = r1 * s.release;
    const double r3 = r2 * s.release;
    const double r4 = r3 * s.release;
    if (r4 < kSnap) break;
    s.r = r4;
    const Quad v = clamp_quad(scale(load_quad(s.delayed + j), 1.0 - DoubleQuad{r1, r2, r3, r4}), s.ceiling);
    std::memcpy(s.out + s.produced, &v, sizeof v);
    s.produced += 4;
  }
  for (; j < to; ++j) {
    s.r *= s.release;
    if (s.r < kSnap) {
      s.r = 0.0;
      break;
    }
    s.out[s.produced++] = clamp_to(static_cast<float>(s.delayed[j] * (1.0 - s.r)), s.c);
  }
  return j;
}

// Positions [from, to), none within 2w of a loud sample: the target gain is
// 1 and the sum exactly w again (past rounding drift dropped). Only the
// release moves; once snapped to 0 the output is the gained input.
inline __attribute__((always_inline)) void limit_idle(LimitRun& s, std::size_t from, std::size_t to,
                                                      std::int64_t n_from) {
  const std::int64_t w = s.w;
  s.box_sum = static_cast<double>(w);
  s.size = 0;
  const auto last_w = std::max<std::int64_t>(static_cast<std::int64_t>(from), static_cast<std::int64_t>(to) - w);
  std::fill(s.held + last_w, s.held + to, 1.0);  // only the last w are read back
  if (n_from < w - 1) from += static_cast<std::size_t>(std::min<std::int64_t>(to - from, w - 1 - n_from));
  std::size_t j = from;
  if (s.r != 0.0) j = release_tail(s, j, to);
  for (; j + 4 <= to; j += 4) {
    const Quad v = clamp_quad(load_quad(s.delayed + j), s.ceiling);
    std::memcpy(s.out + s.produced, &v, sizeof v);
    s.produced += 4;
  }
  for (; j < to; ++j) s.out[s.produced++] = clamp_to(s.delayed[j], s.c);
}

}  // namespace

double loudness_gain_db(double measured_lufs, double target_lufs) {
  if (!std::isfinite(measured_lufs)) return 0.0;
  return target_lufs - measured_lufs;
}

std::vector<float> limiter_peak_levels(std::span<const float> x) {
  // Laid out as process() lays out a block: window n covers x[n - kHalf + 1 .. n + kHalf].
  const std::size_t lanes = (x.size() + kLanes - 1) / kLanes * kLanes;
  std::vector<float> padded(kTaps - 1 + lanes, 0.0f);
  std::copy(x.begin(), x.end(), padded.begin() + (kHalf - 1));
  std::vector<float> levels(lanes);
  window_peaks()(padded.data(), x.size(), -1.0f, levels.data());  // every window interpolated
  levels.resize(x.size());
  return levels;
}

GainLimiter::GainLimiter(AudioSink& next, double gain_db, double ceiling_dbfs, int sample_rate)
    : next_(next), gain_(std::pow(10.0, gain_db / 20.0)), ceiling_(std::pow(10.0, ceiling_dbfs / 20.0)) {
  if (sample_rate <= 0) throw_usage("limiter: sample rate must be positive");
  if (!(ceiling_dbfs <= 0.0)) throw_usage("limiter: ceiling must be 0 dBFS or below");
  if (!std::isfinite(gain_db)) throw_usage("limiter: gain must be finite");
  window_ = std::max<std::size_t>(1, static_cast<std::size_t>(std::lround(kLookaheadSeconds * sample_rate)));
  release_ = std::exp(-1.0 / (kReleaseSeconds * sample_rate));
  inv_window_ = 1.0 / static_cast<double>(window_);
  box_sum_ = static_cast<double>(window_);
  last_loud_ = -2 * static_cast<std::int64_t>(window_);
  history_.assign(window_ - 1 + kTaps - 1 + kBlock + kLanes, 0.0f);  // room for whole lanes
  levels_.assign(1 + kBlock + kLanes, 0.0f);
  loud_at_.assign(kBlock, 0);
  loud_need_.assign(kBlock, 1.0);
  held_.assign(window_ + kBlock, 1.0);
  out_.assign(kBlock, 0.0f);
  // A power-of-two ring (at least window_ + 1 entries) indexes with a mask.
  std::size_t cap = 1;
  while (cap < window_ + 1) cap *= 2;
  queue_.assign(cap, {0, 1.0});
  // Windows under this level cannot interpolate above the ceiling (1e-4: float rounding margin).
  loud_level_ = static_cast<float>(ceiling_ / tap_gain_bound() * (1.0 - 1e-4));
  // The largest float not above the ceiling: float levels compare with it as with the ceiling.
  over_level_ = static_cast<float>(ceiling_);
  if (static_cast<double>(over_level_) > ceiling_) over_level_ = std::nextafter(over_level_, 0.0f);
}

double GainLimiter::max_reduction_db() const { return 20.0 * std::log10(1.0 - max_reduction_); }

// Stage 2: the block positions in [first, count) whose level (the larger of
// the two windows touching the sample) is over the ceiling, and their gain.
// Few are, so 8 windows under it are skipped at once.
std::size_t GainLimiter::find_loud(std::size_t first, std::size_t count) {
  const float* level = levels_.data();  // level[j + 1]: window j; level[j]: the one before
  std::size_t loud = 0;
  const Quad over_level = Quad{} + over_level_;
  for (std::size_t j = first; j < count; j += kLanes) {
    // level[j .. j + 8]: windows j .. j + 7 and the one before.
    const QuadMask over = (load_quad(level + j) > over_level) | (load_quad(level + j + 4) > over_level);
    if (!any_lane(over) && !(level[j + kLanes] > over_level_)) continue;
    for (std::size_t b = 0; b < kLanes && j + b < count; ++b) {
      const double tp = std::max(level[j + b + 1], level[j + b]);
      const double need = tp > ceiling_ ? ceiling_ / tp : 1.0;
      if (need < 1.0) {
        loud_at_[loud] = static_cast<std::uint32_t>(j + b);
        loud_need_[loud] = need;
        ++loud;
      }
    }
  }
  return loud;
}

// The rest, for the block positions [first, count), whose samples are n_first
// onwards: the least needed gain over the look-ahead, its box average, the
// release, and the output, window_ - 1 samples behind. Returns how many
// samples it put in out_.
std::size_t GainLimiter::limit(std::size_t first, std::size_t count, std::int64_t n_first, std::size_t loud_count) {
  const float c = static_cast<float>(ceiling_);
  LimitRun s{static_cast<std::int64_t>(window_), release_, inv_window_, c, Quad{} + c,
             history_.data() + (kHalf - 1), held_.data() + window_, out_.data(), queue_.data(),
             queue_.size() - 1, queue_head_, queue_size_, last_loud_, box_sum_, reduction_, max_reduction_, 0};
  const std::int64_t w = s.w;
  std::size_t next = 0;  // the next entry of loud_at_
  for (std::size_t j = first; j < count;) {
    const std::int64_t n = n_first + static_cast<std::int64_t>(j - first);
    const std::size_t next_loud = next < loud_count ? loud_at_[next] : count;
    if (j == next_loud) {
      push_loud(s, n, loud_need_[next++]);
      limit_step(s, j++, n);
      continue;
    }
    const std::int64_t idle_from = s.last_loud + 2 * w;
    if (n >= idle_from) {
      limit_idle(s, j, next_loud, n);
      j = next_loud;
      continue;
    }
    const auto stop = static_cast<std::size_t>(
        std::min(static_cast<std::int64_t>(next_loud), static_cast<std::int64_t>(j) + (idle_from - n)));
    for (; j < stop; ++j) limit_step(s, j, n_first + static_cast<std::int64_t>(j - first));
  }
  queue_head_ = s.head;
  queue_size_ = s.size;
  last_loud_ = s.last_loud;
  box_sum_ = s.box_sum;
  reduction_ = s.r;
  max_reduction_ = s.max_r;
  return s.produced;
}

void GainLimiter::process(const float* input, std::size_t count) {
  // history_ holds window_ - 1 delayed samples, the last kTaps - 1 gained
  // inputs, then this block's.
  constexpr std::size_t kKeep = kTaps - 1;
  const std::size_t delay = window_ - 1;
  float* x = history_.data() + delay;
  bool loud = false;
  std::size_t i = 0;
  if (input) {
    // Four at a time, with the same arithmetic: GCC's own vectorisation left
    // this loop scalar.
    const Quad loud_level = Quad{} + loud_level_;
    QuadMask louder{};
    for (; i + 4 <= count; i += 4) {
      const Quad gained = scale(load_quad(input + i), DoubleQuad{} + gain_);
      std::memcpy(x + kKeep + i, &gained, sizeof gained);
      louder |= (gained > loud_level) | (gained < -loud_level);
    }
    loud = any_lane(louder);
  }
  for (; i < count; ++i) {
    x[kKeep + i] = input ? static_cast<float>(input[i] * gain_) : 0.0f;
    loud |= std::abs(x[kKeep + i]) > loud_level_;
  }
  for (std::size_t j = 0; j < kKeep && !loud; ++j) loud = std::abs(x[j]) > loud_level_;
  // Stage 1: the peak level around each x[n], between-sample peaks included.
  // Interpolation only matters where a window has a loud sample; elsewhere
  // the sample peak stands in (the needed gain is 1 either way).
  float* level = levels_.data() + 1;
  if (loud) {
    window_peaks()(x, count, loud_level_, level);
  } else {
    for (std::size_t j = 0; j < count; j += 4) {  // whole quads: levels_ has room
      const Quad peak = abs_quad(load_quad(x + j + kHalf - 1));
      std::memcpy(level + j, &peak, sizeof peak);
    }
  }
  // The first kInterpolationDelay windows are centred before the stream: skipped.
  std::size_t first = 0;
  if (in_index_ < static_cast<std::int64_t>(kInterpolationDelay))
    first = std::min(count, kInterpolationDelay - static_cast<std::size_t>(in_index_));
  const std::int64_t n_first =
      in_index_ + static_cast<std::int64_t>(first) - static_cast<std::int64_t>(kInterpolationDelay);
  in_index_ += static_cast<std::int64_t>(count);
  if (first > 0) level[first - 1] = 0.0f;  // no level before the stream's first
  const std::size_t loud_count = find_loud(first, count);
  const std::size_t produced = limit(first, count, n_first, loud_count);
  if (first < count) levels_[0] = level[count - 1];
  std::copy(history_.data() + count, history_.data() + count + delay + kKeep, history_.data());
  std::copy(held_.data() + count, held_.data() + count + window_, held_.data());
  const auto to_emit = std::min<std::int64_t>(static_cast<std::int64_t>(produced), received_ - emitted_);
  emitted_ += to_emit;
  if (to_emit > 0) next_.write(std::span<const float>(out_.data(), static_cast<std::size_t>(to_emit)));
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
