#pragma once
// Bringing a whole programme held in a SpillFile to a loudness target
// ("normalize" elsewhere means text: narrate/normalizer).

#include <functional>
#include <optional>

#include "audio/sink.hpp"
#include "audio/spill.hpp"

namespace readaloud {

/// The most level_to_loudness() takes off after limiting; a larger excess
/// means the limiter worked much harder than needed, so it limits again.
inline constexpr double kMaxLoudnessTrimDb = 0.8;

/// A programme brought to a loudness target.
struct Leveled {
  SpillFile samples;     ///< the programme after gain_db and the limiter
  double gain_db = 0.0;  ///< the constant gain the limiter was given
  double trim_db = 0.0;  ///< still to apply when replaying `samples` (0 or below: peaks only fall)
  double lufs = 0.0;     ///< integrated loudness after the trim (-infinity for silence)
};

/// Gain plus GainLimiter (at `ceiling_dbfs`) over all of `programme`, into
/// `out` (resized to match), on `threads` threads: each limits one contiguous
/// part, starting a second early so that its limiter has settled into the
/// same state as one limiter running through would be, and ending after the
/// look-ahead. Returns the integrated loudness of the limited programme.
/// `progress`, when given, hears the fraction done (0..1) from the calling thread.
/// Throws Error(Interrupted) on SIGINT, Error(Runtime) when `out` cannot be written.
double limit_programme(const SpillFile& programme, SpillFile& out, double gain_db, double ceiling_dbfs,
                       int sample_rate, int threads, const std::function<void(double)>& progress = {});

/// Brings `programme` (measured at `measured_lufs` before any gain, at the
/// same rate, or measured here when nullopt) to `target_lufs` under a
/// limiter at `ceiling_dbfs`. The limiter
/// lowers loudness when it has much to do (1.1-1.6 dB for eSpeak speech
/// brought to -16 LUFS under a -2 dBFS ceiling), so the first limiting pass
/// aims a little high (`expected_loss_db` plus a margin) and the limited
/// result is measured: an excess of up to kMaxLoudnessTrimDb over the target is then
/// taken off by the trim, which lowers loudness and peaks exactly; anything
/// else (a loss well off the expected one) limits again with a corrected gain.
/// Silence gets no gain.
/// `progress`, when given, hears the fraction of the work done (0..1), from this thread.
Leveled level_to_loudness(const SpillFile& programme, std::optional<double> measured_lufs, double target_lufs,
                              double ceiling_dbfs, int sample_rate, int threads, double expected_loss_db,
                              const std::function<void(double)>& progress = {});

}  // namespace readaloud
