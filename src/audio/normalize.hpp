#pragma once
// Loudness normalisation of a whole programme held in a SpillFile.

#include "audio/loudness.hpp"
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

/// The constant gain (dB) to give GainLimiter so that the programme in `spill`
/// (measured at `measured_lufs` before any gain) reaches `target_lufs` *after*
/// limiting at `ceiling_dbfs`. The limiter lowers loudness when it has much to
/// do (1.1-1.6 dB for eSpeak speech brought to -16 LUFS under a -2 dBFS
/// ceiling), so this replays the spill through a limiter and a meter up to
/// `passes` times and corrects the gain by secant steps; two passes land within
/// about 0.15 dB of the target (each pass takes roughly 1/500 of the
/// programme's duration). Returns 0 for silence; `passes` = 0 gives plain
/// loudness_gain_db(). Throws Error(Interrupted) from the replay on SIGINT.
double normalizing_gain_db(SpillFile& spill, double measured_lufs, double target_lufs, double ceiling_dbfs,
                           int sample_rate, int passes = 2);

}  // namespace readaloud
