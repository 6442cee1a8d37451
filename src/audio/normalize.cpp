#include "audio/normalize.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <future>

#include "audio/limiter.hpp"

namespace readaloud {

ProgrammeMeter::ProgrammeMeter(int sample_rate)
    : meter_(kRate, 1, PeakMetering::IntegratedOnly),
      metering_(meter_),
      to_meter_(metering_, sample_rate, kRate) {}

namespace {

// The limiter's effect on loudness is measured on a sample of the programme,
// every other block of kBlockSeconds (all of a short programme), limited
// block by block on two threads:
// the limiter's state reaches only a few milliseconds (look-ahead, release),
// speech is alike from block to block, and half the samples is half the time.
constexpr double kBlockSeconds = 4.0;
constexpr long long kMinBlocksToSample = 8;

/// Integrated loudness of the sampled blocks at `gain_db`, through the
/// limiter when `limit` (else a plain gain, which shifts loudness exactly).
double sampled_lufs(const SpillFile& spill, double gain_db, double ceiling_dbfs, int sample_rate, bool limit) {
  const long long block = std::max(1LL, static_cast<long long>(kBlockSeconds * sample_rate));
  LoudnessMeter meters[2] = {LoudnessMeter(sample_rate, 1, PeakMetering::IntegratedOnly),
                             LoudnessMeter(sample_rate, 1, PeakMetering::IntegratedOnly)};
  // Every other block once there are enough of them to stand for the whole
  // (a short programme is measured whole). Thread t takes blocks t*stride,
  // t*stride + 2*stride, ...: 0, 4, 8, ... and 2, 6, 10, ... for a long one.
  const long long stride = spill.size() >= kMinBlocksToSample * block ? 2 : 1;
  auto measure = [&](int t) {
    MeteringSink metering(meters[t]);
    for (long long begin = t * stride * block; begin < spill.size(); begin += 2 * stride * block) {
      if (limit) {
        GainLimiter limiter(metering, gain_db, ceiling_dbfs, sample_rate);
        spill.replay_range(limiter, begin, begin + block);
      } else {
        spill.replay_range(metering, begin, begin + block);
      }
    }
  };
  auto other = std::async(std::launch::async, [&] { measure(1); });
  std::exception_ptr failure;
  try {
    measure(0);
  } catch (...) {
    failure = std::current_exception();
  }
  other.get();  // rethrows the other thread's failure
  if (failure) std::rethrow_exception(failure);
  return LoudnessMeter::integrated_lufs(meters[0], meters[1]);
}

}  // namespace

double normalizing_gain_db(SpillFile& spill, double measured_lufs, double target_lufs, double ceiling_dbfs,
                           int sample_rate, int passes, double expected_loss_db) {
  double gain = loudness_gain_db(measured_lufs, target_lufs);
  if (!std::isfinite(measured_lufs) || passes <= 0) return gain;
  gain += expected_loss_db;
  spill.flush();
  // The sample's loudness before any gain: the limiter's loss is what the
  // limited sample loses against it, and the whole loses the same.
  const double sample_unlimited = sampled_lufs(spill, 0.0, ceiling_dbfs, sample_rate, false);
  if (!std::isfinite(sample_unlimited)) return gain;
  // Secant steps on loudness(gain): limiting makes each dB of gain add less
  // than a dB of loudness, so a plain "add the shortfall" step undershoots.
  // The unlimited measurement is the first point.
  double previous_gain = 0.0;
  double previous_lufs = measured_lufs;
  for (int pass = 0; pass < passes; ++pass) {
    const double loss = gain - (sampled_lufs(spill, gain, ceiling_dbfs, sample_rate, true) - sample_unlimited);
    const double lufs = measured_lufs + gain - loss;
    const double shortfall = target_lufs - lufs;
    if (!std::isfinite(shortfall)) break;
    // Within 0.05 dB is as close as the meter's gating makes meaningful.
    if (std::abs(shortfall) < 0.05) break;
    double slope = 1.0;
    if (std::abs(gain - previous_gain) > 1e-6)
      slope = std::clamp((lufs - previous_lufs) / (gain - previous_gain), 0.3, 1.0);
    previous_gain = gain;
    previous_lufs = lufs;
    gain += shortfall / slope;
  }
  return gain;
}

}  // namespace readaloud
