#include "audio/block_meter.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numbers>
#include <string>

#include "util/error.hpp"

namespace readaloud {
namespace {

constexpr int kMinRate = 8000;
constexpr int kMaxRate = 192000;

// BS.1770-4, tables 1 and 2: the two K-weighting stages as printed, for 48 kHz.
constexpr double kPrintedRate = 48000.0;
constexpr Biquad kPrintedShelf{1.53512485958697, -2.69169618940638, 1.19839281085285, -1.69065929318241,
                               0.73248077421585};
constexpr Biquad kPrintedHighpass{1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621};

constexpr double kAbsoluteGateLufs = -70.0;
constexpr double kRelativeGateLu = -10.0;
constexpr double kLoudnessOffset = -0.691;  // BS.1770: L = -0.691 + 10 log10(mean square)

// The filter state is checked for values that have decayed towards the
// subnormal range (where arithmetic is slow) this often. At 8 kHz the
// fastest-decaying pole (the shelf's, radius about 0.43) shrinks a value by
// about 1e-94 over 256 samples, so a state above kTiny at one check is still a
// normal double at the next.
constexpr std::size_t kFlushStride = 256;
constexpr double kTiny = 1e-20;

// A second-order analog section in s normalised to its corner w0 = 2 pi f0:
//   H(s) = (n2 s^2 + n1 s / Q + n0) / (s^2 + s / Q + 1).
// The BS.1770 shelf is n2 = Vh (high-frequency gain), n1 = Vb (gain at f0),
// n0 = 1; the high-pass is n2 only.
struct Prototype {
  double f0_hz, q, n2, n1, n0;
};

// The bilinear transform pre-warped at f0: s -> (1/K) (1 - z^-1) / (1 + z^-1), K = tan(pi f0 / fs).
Biquad bilinear(const Prototype& p, double rate) {
  const double k = std::tan(std::numbers::pi * p.f0_hz / rate);
  const double kq = k / p.q;
  const double kk = k * k;
  const double a0 = 1.0 + kq + kk;
  return {(p.n2 + p.n1 * kq + p.n0 * kk) / a0, 2.0 * (p.n0 * kk - p.n2) / a0, (p.n2 - p.n1 * kq + p.n0 * kk) / a0,
          2.0 * (kk - 1.0) / a0, (1.0 - kq + kk) / a0};
}

// The inverse of bilinear() at `rate`. Writing a0 for 1 + K/Q + K^2, the sums
// 1 - a1 + a2 = 4/a0, 1 + a1 + a2 = 4K^2/a0 and 1 - a2 = 2(K/Q)/a0 give K and
// Q; b0 - b1 + b2, b0 - b2 and b0 + b1 + b2 then give n2, n1 and n0. The
// standard prints coefficients only, so this recovers the prototypes it was
// made from (shelf 1681.97 Hz, Q 0.70718, +4.00 dB; high-pass 38.135 Hz, Q 0.50033).
Prototype prototype_of(const Biquad& f, double rate) {
  const double d = 1.0 - f.a1 + f.a2;
  const double k = std::sqrt((1.0 + f.a1 + f.a2) / d);
  const double kq = 2.0 * (1.0 - f.a2) / d;
  return {rate / std::numbers::pi * std::atan(k), k / kq, (f.b0 - f.b1 + f.b2) / d, (f.b0 - f.b2) / (1.0 - f.a2),
          (f.b0 + f.b1 + f.b2) / (1.0 + f.a1 + f.a2)};
}

void check_rate(int sample_rate) {
  if (sample_rate < kMinRate || sample_rate > kMaxRate)
    throw_usage("loudness meter: sample rate " + std::to_string(sample_rate) + " Hz is outside " +
                std::to_string(kMinRate) + ".." + std::to_string(kMaxRate) + " Hz");
}

double loudness_of(double mean_square) { return kLoudnessOffset + 10.0 * std::log10(mean_square); }

double mean_square_of(double lufs) { return std::pow(10.0, (lufs - kLoudnessOffset) / 10.0); }

}  // namespace

std::array<Biquad, 2> k_weighting(int sample_rate) {
  check_rate(sample_rate);
  const double rate = sample_rate;
  const Biquad shelf = bilinear(prototype_of(kPrintedShelf, kPrintedRate), rate);
  Biquad highpass = bilinear(prototype_of(kPrintedHighpass, kPrintedRate), rate);
  // The standard prints the high-pass numerator as 1, -2, 1 rather than
  // scaled by 1/a0, a pass-band gain of a0 (+0.043 dB at 48 kHz). Keeping that
  // numerator at every rate is what libebur128 does, so both meters agree.
  highpass.b0 = kPrintedHighpass.b0;
  highpass.b1 = kPrintedHighpass.b1;
  highpass.b2 = kPrintedHighpass.b2;
  return {shelf, highpass};
}

BlockMeter::BlockMeter(int sample_rate) : hop_((sample_rate + 5) / 10) {
  const auto stages = k_weighting(sample_rate);
  shelf_ = stages[0];
  highpass_ = stages[1];
}

std::size_t BlockMeter::lead_in_samples(std::int64_t seam) const {
  if (seam < 0) throw_usage("loudness meter: negative seam " + std::to_string(seam));
  const std::int64_t hop = hop_;
  // One hop more than the 3 that share a block with the first hop after the
  // seam: the filters start at rest, and that first hop, which absorbs their
  // transient, belongs only to blocks that end by the seam.
  return static_cast<std::size_t>(std::min(seam, 4 * hop + seam % hop));
}

void BlockMeter::lead_in_to(std::int64_t seam) {
  if (started_) throw_usage("loudness meter: lead-in set after samples were written");
  // The lead-in starts on the programme's grid, so each of its whole hops
  // ends a block (if any) that ends by the seam: the part before has those.
  hops_to_drop_ = static_cast<int>(lead_in_samples(seam) / static_cast<std::size_t>(hop_));
}

namespace {

/// The filter state of BlockMeter, as one value for the filtering loop.
struct FilterState {
  double x1, x2, s1, s2, k1, k2;
};

// Both K-weighting stages over `n` samples; returns the sum of the squared
// output. Each stage is a recursion through its previous output, so that
// dependency chain sets the speed: the feed-forward terms and the older
// output are summed first and only the last multiply-subtract waits on the
// previous output (libebur128's single fourth-order section chains all four
// feedback terms). The two stages' chains overlap. With kFused, that last
// step is one fused multiply-add, which halves the chain's latency.
template <bool kFused>
[[gnu::always_inline]] inline double filter_body(const Biquad& s, const Biquad& h, FilterState& st, const float* in,
                                                 std::size_t n) {
  double x1 = st.x1, x2 = st.x2, s1 = st.s1, s2 = st.s2, k1 = st.k1, k2 = st.k2;
  double sum = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double x = in[i];
    const double s_rest = s.b0 * x + s.b1 * x1 + s.b2 * x2 - s.a2 * s2;
    double s0, k0;
    if constexpr (kFused) {
      s0 = std::fma(-s.a1, s1, s_rest);
      k0 = std::fma(-h.a1, k1, h.b0 * s0 + h.b1 * s1 + h.b2 * s2 - h.a2 * k2);
      sum = std::fma(k0, k0, sum);
    } else {
      s0 = s_rest - s.a1 * s1;
      k0 = (h.b0 * s0 + h.b1 * s1 + h.b2 * s2 - h.a2 * k2) - h.a1 * k1;
      sum += k0 * k0;
    }
    x2 = x1;
    x1 = x;
    s2 = s1;
    s1 = s0;
    k2 = k1;
    k1 = k0;
  }
  st = {x1, x2, s1, s2, k1, k2};
  return sum;
}

double filter_plain(const Biquad& s, const Biquad& h, FilterState& st, const float* in, std::size_t n) {
  return filter_body<false>(s, h, st, in, n);
}

#if defined(__x86_64__)
__attribute__((target("fma"))) double filter_fma(const Biquad& s, const Biquad& h, FilterState& st, const float* in,
                                                 std::size_t n) {
  return filter_body<true>(s, h, st, in, n);
}
#endif

using FilterFn = double (*)(const Biquad&, const Biquad&, FilterState&, const float*, std::size_t);

/// The fused build where the CPU has FMA, checked once. Every meter in the
/// process uses the same one, so parts metered apart still add up exactly.
FilterFn filter() {
#if defined(__x86_64__)
  static const FilterFn chosen = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("fma") ? &filter_fma : &filter_plain;
  }();
  return chosen;
#else
  return &filter_plain;
#endif
}

}  // namespace

void BlockMeter::write(std::span<const float> samples) {
  started_ = true;
  const FilterFn run = filter();
  FilterState st{x1_, x2_, s1_, s2_, k1_, k2_};
  const float* in = samples.data();
  std::size_t left = samples.size();
  while (left > 0) {
    const std::size_t n = std::min({left, static_cast<std::size_t>(hop_ - in_hop_), kFlushStride});
    hop_sum_ += run(shelf_, highpass_, st, in, n);
    in += n;
    left -= n;
    in_hop_ += static_cast<int>(n);
    if (in_hop_ == hop_) end_hop();
    // After silence the state decays geometrically into subnormals, which
    // cost tens of cycles each; below kTiny it is worth nothing anyway.
    if (std::abs(st.s1) < kTiny && std::abs(st.s2) < kTiny && std::abs(st.x1) < kTiny && std::abs(st.x2) < kTiny) {
      st.s1 = st.s2 = st.x1 = st.x2 = 0.0;
    }
    if (std::abs(st.k1) < kTiny && std::abs(st.k2) < kTiny) st.k1 = st.k2 = 0.0;
  }
  x1_ = st.x1;
  x2_ = st.x2;
  s1_ = st.s1;
  s2_ = st.s2;
  k1_ = st.k1;
  k2_ = st.k2;
}

void BlockMeter::end_hop() {
  if (complete_hops_ < 3) {
    ++complete_hops_;
  } else if (hops_to_drop_ == 0) {
    const double sum = previous_hops_[0] + previous_hops_[1] + previous_hops_[2] + hop_sum_;
    blocks_.push_back(sum / (4.0 * hop_));
  }
  if (hops_to_drop_ > 0) --hops_to_drop_;
  previous_hops_ = {previous_hops_[1], previous_hops_[2], hop_sum_};
  hop_sum_ = 0.0;
  in_hop_ = 0;
}

double BlockMeter::integrated_lufs() const { return gated_lufs(blocks_); }

double gated_lufs(std::span<const double> blocks) {
  // BS.1770-4 gates on block loudness l_j > threshold; loudness rises with the
  // mean square, so the comparisons are made on mean squares directly.
  const auto mean_above = [&](double threshold, double& mean) {
    double sum = 0.0;
    std::size_t count = 0;
    for (const double z : blocks) {
      if (z > threshold) {
        sum += z;
        ++count;
      }
    }
    if (count == 0) return false;
    mean = sum / static_cast<double>(count);
    return true;
  };
  const double absolute = mean_square_of(kAbsoluteGateLufs);
  double mean = 0.0;
  if (!mean_above(absolute, mean)) return -std::numeric_limits<double>::infinity();
  // A block must pass both gates; the relative one, 10 LU below the loudness
  // of the blocks above the absolute gate, can lie below the absolute one.
  const double relative = mean * std::pow(10.0, kRelativeGateLu / 10.0);
  if (!mean_above(std::max(relative, absolute), mean)) return -std::numeric_limits<double>::infinity();
  return loudness_of(mean);
}

}  // namespace readaloud
