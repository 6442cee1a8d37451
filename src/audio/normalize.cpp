#include "audio/normalize.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <future>

#include "audio/limiter.hpp"

namespace readaloud {

ProgrammeMeter::ProgrammeMeter(int sample_rate)
    : meter_(kRate, 1, PeakMetering::IntegratedOnly),
      native_(sample_rate, 1, PeakMetering::IntegratedOnly),
      metering_(meter_),
      to_meter_(metering_, sample_rate, kRate) {}

namespace {

// The programme's loudness after GainLimiter at `gain_db`. The two halves are
// limited and metered on two threads; the limiter's state matters only within
// its few milliseconds of look-ahead and release, and the meters' gating is
// combined over both halves, so this is the loudness of the whole.
double limited_lufs(SpillFile& spill, double gain_db, double ceiling_dbfs, int sample_rate) {
  spill.flush();
  const long long middle = spill.size() / 2;
  LoudnessMeter first(sample_rate, 1, PeakMetering::IntegratedOnly);
  LoudnessMeter second(sample_rate, 1, PeakMetering::IntegratedOnly);
  auto measure = [&](LoudnessMeter& meter, long long begin, long long end) {
    MeteringSink metering(meter);
    GainLimiter limiter(metering, gain_db, ceiling_dbfs, sample_rate);
    spill.replay_range(limiter, begin, end);
  };
  auto other = std::async(std::launch::async, [&] { measure(second, middle, spill.size()); });
  std::exception_ptr failure;
  try {
    measure(first, 0, middle);
  } catch (...) {
    failure = std::current_exception();
  }
  other.get();  // rethrows the other half's failure
  if (failure) std::rethrow_exception(failure);
  return LoudnessMeter::integrated_lufs(first, second);
}

}  // namespace

double normalizing_gain_db(SpillFile& spill, double measured_lufs, double target_lufs, double ceiling_dbfs,
                           int sample_rate, int passes, double meter_offset_db) {
  double gain = loudness_gain_db(measured_lufs, target_lufs);
  if (!std::isfinite(measured_lufs)) return gain;
  // Secant steps on loudness(gain): limiting makes each dB of gain add less
  // than a dB of loudness, so a plain "add the shortfall" step undershoots.
  double previous_gain = 0.0;
  // The unlimited measurement is the first point: at 0 dB the limiter has
  // (almost) nothing to do.
  double previous_lufs = measured_lufs;
  bool have_previous = true;
  for (int pass = 0; pass < passes; ++pass) {
    const double lufs = limited_lufs(spill, gain, ceiling_dbfs, sample_rate) + meter_offset_db;
    const double shortfall = target_lufs - lufs;
    if (!std::isfinite(shortfall)) break;
    // Within 0.05 dB is as close as the meter's gating makes meaningful.
    if (std::abs(shortfall) < 0.05) break;
    double slope = 1.0;
    if (have_previous && std::abs(gain - previous_gain) > 1e-6)
      slope = std::clamp((lufs - previous_lufs) / (gain - previous_gain), 0.3, 1.0);
    previous_gain = gain;
    previous_lufs = lufs;
    have_previous = true;
    gain += shortfall / slope;
  }
  return gain;
}

}  // namespace readaloud
