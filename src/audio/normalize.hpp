#pragma once
// Loudness normalisation of a whole programme held in a SpillFile.

#include "audio/loudness.hpp"
#include "audio/resampler.hpp"
#include "audio/sink.hpp"
#include "audio/spill.hpp"

namespace readaloud {

/// An AudioSink that feeds a LoudnessMeter (finish() does nothing).
class MeteringSink final : public AudioSink {
 public:
  explicit MeteringSink(LoudnessMeter& meter) : meter_(meter) {}
  void write(std::span<const float> samples) override { meter_.add(samples); }
  void finish() override {}

 private:
  LoudnessMeter& meter_;
};

/// Measures the integrated loudness of a stream at 48 kHz. BS.1770's
/// K-weighting is specified at 48 kHz; measuring there agrees with other
/// meters (ffmpeg's ebur128 filter resamples to 48 kHz too), while the filters
/// derived for 22050 Hz read eSpeak speech about 0.4 LU quieter.
class ProgrammeMeter final : public AudioSink {
 public:
  static constexpr int kRate = 48000;
  explicit ProgrammeMeter(int sample_rate);
  void write(std::span<const float> samples) override { to_meter_.write(samples); }
  /// Flushes the resampler; call before lufs().
  void finish() override { to_meter_.finish(); }
  /// Integrated loudness in LUFS at 48 kHz (-infinity for silence).
  double lufs() const { return meter_.integrated_lufs(); }

 private:
  LoudnessMeter meter_;
  MeteringSink metering_;
  Resampler to_meter_;
};

/// The constant gain (dB) to give GainLimiter so that the programme in `spill`
/// (measured at `measured_lufs` before any gain, by a ProgrammeMeter) reaches
/// `target_lufs` *after* limiting at `ceiling_dbfs`. The limiter lowers
/// loudness when it has much to do (1.1-1.6 dB for eSpeak speech brought to
/// -16 LUFS under a -2 dBFS ceiling), so each pass limits and meters a sample
/// of the programme (every other 4-second block, on two threads), takes the
/// loudness it lost as the whole's loss, and corrects the gain by a secant
/// step. The first pass tries the plain gain plus `expected_loss_db`; two
/// passes land within about 0.1 dB of the target. Returns the plain gain for
/// silence, or when `passes` is 0. Throws Error(Interrupted) on SIGINT.
double normalizing_gain_db(SpillFile& spill, double measured_lufs, double target_lufs, double ceiling_dbfs,
                           int sample_rate, int passes = 2, double expected_loss_db = 0.0);

}  // namespace readaloud
