#include "audio/loudness_target.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <vector>

#include "audio/block_meter.hpp"
#include "audio/limiter.hpp"
#include "util/parallel.hpp"

namespace readaloud {
namespace {

// A part's limiter starts this long before its part: the limiter's memory is
// its 80 ms release, which has decayed to e^-12 of any difference by then.
constexpr double kWarmUpSeconds = 1.0;
// Samples the limiter still needs after the last one of its part (its
// interpolation delay and look-ahead, with room to spare).
constexpr long long kLookAheadSamples = 4096;

// The first pass aims this far above the target, so that the usual outcome is
// a small trim down rather than a second pass. A programme measured by its
// sample (see level_to_loudness) lands within about 0.4 dB of the aim
// (43 fixtures and samples: from 0.38 below it to 0.30 above).
constexpr double kAimAboveDb = 0.3;
// Short of the target by no more than this is on target (a tenth of a LU
// is below what listeners notice, and what meters agree on).
constexpr double kToleranceDb = 0.1;
constexpr int kMaxPasses = 4;

/// Loudness of consecutive parts metered apart, gated together.
double combined_lufs(std::span<const BlockMeter> meters) {
  std::vector<double> blocks;
  for (const auto& meter : meters) blocks.insert(blocks.end(), meter.blocks().begin(), meter.blocks().end());
  return gated_lufs(blocks);
}

/// Passes output samples [skip, skip + take) of the stream to the spill file
/// (at `offset`), and those and the `lead` samples before them to the meter
/// (which then makes the blocks one meter over the whole programme would).
/// The limiter hands over 1,024 samples at a time; they reach the file a
/// replay block at a time, since each write takes the file's lock, which the
/// other parts' threads wait on.
class PartSink final : public AudioSink {
 public:
  PartSink(const SpillFile& out, long long offset, long long skip, long long take, long long lead, BlockMeter& meter,
           const std::function<void(double)>* progress)
      : out_(out), offset_(offset), skip_(skip), take_(take), lead_(lead), meter_(meter), progress_(progress) {
    pending_.reserve(kReplayBlock);
  }
  void write(std::span<const float> samples) override {
    const long long n = static_cast<long long>(samples.size());
    auto at = [&](long long index) { return static_cast<std::size_t>(std::clamp(index - seen_, 0LL, n)); };
    const std::size_t metered = at(skip_ - lead_), from = at(skip_), to = at(skip_ + take_);
    seen_ += n;
    if (to > metered) meter_.write(samples.subspan(metered, to - metered));
    if (to > from) {
      pending_.insert(pending_.end(), samples.begin() + static_cast<std::ptrdiff_t>(from),
                      samples.begin() + static_cast<std::ptrdiff_t>(to));
      if (pending_.size() >= kReplayBlock) store();
    }
  }
  void finish() override { store(); }

 private:
  void store() {
    if (pending_.empty()) return;
    out_.write_at(offset_, pending_);
    offset_ += static_cast<long long>(pending_.size());
    taken_ += static_cast<long long>(pending_.size());
    pending_.clear();
    if (progress_ && *progress_) (*progress_)(static_cast<double>(taken_) / static_cast<double>(std::max(1LL, take_)));
  }

  const SpillFile& out_;
  long long offset_;
  long long skip_;
  long long take_;
  long long lead_;
  long long seen_ = 0;
  long long taken_ = 0;
  BlockMeter& meter_;
  const std::function<void(double)>* progress_;  ///< null on all but the calling thread
  std::vector<float> pending_;  ///< taken samples not yet in the file
};

// Before limiting all of a long programme, the gain is found on a sample of
// it: every kProbeStride-th block of kProbeBlockSeconds. The limiter's state
// reaches only milliseconds, speech is alike from block to block, and a
// quarter of the samples is a quarter of the time.
constexpr double kProbeBlockSeconds = 4.0;
constexpr long long kProbeStride = 4;
constexpr long long kMinProbeBlocks = 16;  // below this, the whole programme is the sample
// One probe, then one secant step: a second probe found the same gain for
// the limited pass on 60 tuning pages (one of them needed a second limited
// pass either way), and cost a tenth of a render.
constexpr int kProbePasses = 1;
// A probe this close to the aim is good enough: the sample's own error (a
// few tenths of a dB on a minute of speech) is larger, and the trim absorbs it.
constexpr double kProbeCloseDb = 0.15;
// The probes' share of the time level_to_loudness() takes, for progress.
constexpr double kProbeShare = 0.2;

/// Integrated loudness of the sampled blocks at `gain_db` through the limiter
/// (or plainly, with `limit` false), limited block by block, on two threads
/// when `threads` allows.
double probe_lufs(const SpillFile& spill, double gain_db, double ceiling_dbfs, int sample_rate, bool limit,
                  int threads) {
  const long long block = static_cast<long long>(kProbeBlockSeconds * sample_rate);
  BlockMeter meters[2] = {BlockMeter(sample_rate), BlockMeter(sample_rate)};
  // Thread t takes blocks t*stride, t*stride + 2*stride, ...
  auto measure = [&](int t) {
    BlockMeter& metering = meters[t];
    for (long long begin = t * kProbeStride * block; begin < spill.size(); begin += 2 * kProbeStride * block) {
      if (limit) {
        GainLimiter limiter(metering, gain_db, ceiling_dbfs, sample_rate);
        spill.replay_range(limiter, begin, begin + block);
      } else {
        spill.replay_range(metering, begin, begin + block);
      }
    }
  };
  if (threads < 2) {
    measure(0);
    measure(1);
  } else {
    run_parts(2, measure);
  }
  return combined_lufs(meters);
}

/// Integrated loudness of the whole programme as it is.
double whole_lufs(const SpillFile& programme, int sample_rate) {
  BlockMeter meter(sample_rate);
  programme.replay_range(meter, 0, programme.size());
  return gated_lufs(meter.blocks());
}

/// Steps on loudness(gain) towards `aim`. Limiting makes each dB of gain add
/// less than a dB of loudness, so "add the shortfall" undershoots: the first
/// step assumes the slope measured on eSpeak NG speech near -16 LUFS under a
/// -2 dBFS ceiling (0.4 to 0.5), later ones the secant through the last two points.
struct Secant {
  static constexpr double kFirstSlope = 0.45;
  bool has_previous = false;
  double previous_gain = 0.0;
  double previous_lufs = 0.0;
  double next(double gain, double lufs, double aim) {
    double slope = kFirstSlope;
    if (has_previous && std::abs(gain - previous_gain) > 1e-6)
      slope = std::clamp((lufs - previous_lufs) / (gain - previous_gain), 0.2, 1.0);
    has_previous = true;
    previous_gain = gain;
    previous_lufs = lufs;
    return gain + (aim - lufs) / slope;
  }
};

}  // namespace

double limit_programme(const SpillFile& programme, SpillFile& out, double gain_db, double ceiling_dbfs,
                       int sample_rate, int threads, const std::function<void(double)>& progress) {
  const long long size = programme.size();
  out.resize(size);
  const long long warm_up = static_cast<long long>(kWarmUpSeconds * sample_rate);
  // One part per thread, but no part shorter than a few warm-ups is worth a thread.
  const int parts = static_cast<int>(std::clamp<long long>(size / std::max(1LL, 4 * warm_up), 1, std::max(1, threads)));
  std::vector<BlockMeter> meters;
  for (int p = 0; p < parts; ++p) meters.emplace_back(sample_rate);

  auto limit_part = [&](int p) {
    const long long begin = size * p / parts;
    const long long end = size * (p + 1) / parts;
    const long long from = std::max(0LL, begin - warm_up);
    // The meter starts on the programme's grid, a few hops before the part,
    // on limiter output that has settled (the lead-in is shorter than the warm-up).
    BlockMeter& meter = meters[static_cast<std::size_t>(p)];
    long long lead = 0;
    if (begin > 0) {
      meter.lead_in_to(begin);
      lead = static_cast<long long>(meter.lead_in_samples(begin));
    }
    // The parts are the same size, so the calling thread's part tells how far all are.
    PartSink sink(out, begin, begin - from, end - begin, lead, meter, p == 0 ? &progress : nullptr);
    GainLimiter limiter(sink, gain_db, ceiling_dbfs, sample_rate);
    programme.replay_range(limiter, from, std::min(size, end + kLookAheadSamples));
  };
  run_parts(parts, limit_part);
  return combined_lufs(meters);
}

Leveled level_to_loudness(const SpillFile& programme, std::optional<double> measured, double target_lufs,
                              double ceiling_dbfs, int sample_rate, int threads, double expected_loss_db,
                              const std::function<void(double)>& progress) {
  auto report = [&](double f) {
    if (progress) progress(std::min(1.0, f));
  };
  Leveled result;
  const long long probe_block = static_cast<long long>(kProbeBlockSeconds * sample_rate);
  const bool sampled = programme.size() >= kMinProbeBlocks * probe_block;
  // The sample before any gain: what the limiter takes from it, it takes
  // from the whole. A programme not metered while it was spoken is measured
  // here, by its sample when it has one (the probes and the limited pass
  // correct the sample's error), else (or when the sample is silent) whole.
  const double sample_unlimited = sampled ? probe_lufs(programme, 0.0, ceiling_dbfs, sample_rate, false, threads)
                                          : std::numeric_limits<double>::quiet_NaN();
  const double measured_lufs = measured                          ? *measured
                               : std::isfinite(sample_unlimited) ? sample_unlimited
                                                                 : whole_lufs(programme, sample_rate);
  if (!std::isfinite(measured_lufs)) {
    result.lufs = limit_programme(programme, result.samples, 0.0, ceiling_dbfs, sample_rate, threads, report);
    return result;
  }
  // Aim a little high: the usual outcome is then a small trim down.
  const double aim = target_lufs + kAimAboveDb;
  double gain = loudness_gain_db(measured_lufs, target_lufs) + expected_loss_db + kAimAboveDb;
  Secant secant;

  if (sampled) {
    for (int pass = 0; pass < kProbePasses && std::isfinite(sample_unlimited); ++pass) {
      const double limited = probe_lufs(programme, gain, ceiling_dbfs, sample_rate, true, threads);
      report(kProbeShare * (pass + 1) / kProbePasses);
      const double lufs = measured_lufs + (limited - sample_unlimited);
      if (!std::isfinite(lufs)) break;
      if (std::abs(lufs - aim) < kProbeCloseDb) break;
      gain = secant.next(gain, lufs, aim);
    }
  }

  // Progress: the probes are a small share; a rare second limiting pass
  // starts the limiting share over rather than counting past the end.
  const double probed = sampled ? kProbeShare : 0.0;
  for (int pass = 0; pass < kMaxPasses; ++pass) {
    const double lufs = limit_programme(programme, result.samples, gain, ceiling_dbfs, sample_rate, threads,
                                        [&](double f) { report(probed + (1.0 - probed) * f); });
    result.gain_db = gain;
    result.lufs = lufs;
    result.trim_db = 0.0;
    const double excess = lufs - target_lufs;
    if (!std::isfinite(excess)) break;
    if (excess >= -kToleranceDb && excess <= kMaxLoudnessTrimDb) {
      result.trim_db = -std::max(0.0, excess);
      result.lufs = lufs + result.trim_db;
      break;
    }
    gain = secant.next(gain, lufs, aim);
  }
  return result;
}

}  // namespace readaloud
