#pragma once
// EBU R128 / ITU-R BS.1770 loudness and true peak, through libebur128.

#include <filesystem>
#include <memory>
#include <span>

namespace readaloud {

/// What a LoudnessMeter measures besides integrated loudness.
enum class PeakMetering {
  TruePeak,        ///< also the 4x-oversampled true peak (costly: about as much as the loudness itself)
  IntegratedOnly,  ///< integrated loudness only; true_peak_dbtp() then throws Error(Usage)
};

/// Accumulates audio and reports its integrated loudness and true peak.
/// RAII over one ebur128_state. Move-only.
class LoudnessMeter {
 public:
  /// Mono meter at `sample_rate`; `channels` > 1 takes interleaved frames. A render, which only
  /// needs the gain, passes PeakMetering::IntegratedOnly.
  /// Throws Error(Runtime) when libebur128 rejects the format.
  explicit LoudnessMeter(int sample_rate, int channels = 1, PeakMetering peaks = PeakMetering::TruePeak);
  ~LoudnessMeter();
  LoudnessMeter(LoudnessMeter&&) noexcept;
  LoudnessMeter& operator=(LoudnessMeter&&) noexcept;
  LoudnessMeter(const LoudnessMeter&) = delete;
  LoudnessMeter& operator=(const LoudnessMeter&) = delete;

  /// Adds samples (interleaved when channels > 1; a trailing partial frame is an error).
  void add(std::span<const float> samples);
  /// Integrated (gated) loudness in LUFS; -infinity when silent or too short to gate.
  double integrated_lufs() const;
  /// Integrated loudness of the programme made of what `a` and `b` measured
  /// (gating over both, as if one meter had seen it all). Same rate required.
  static double integrated_lufs(const LoudnessMeter& a, const LoudnessMeter& b);
  /// Highest true peak over all channels in dBTP (4x oversampled); -infinity when silent.
  /// Throws Error(Usage) when the meter was made with PeakMetering::IntegratedOnly.
  double true_peak_dbtp() const;

 private:
  // ebur128_state is an anonymous struct typedef and cannot be forward-declared.
  struct Deleter {
    void operator()(void* state) const;
  };
  std::unique_ptr<void, Deleter> state_;
  int channels_ = 1;
  bool true_peak_ = true;
};

/// Loudness of a whole file.
struct LoudnessReading {
  double integrated_lufs;
  double true_peak_dbtp;
};

/// Measure a whole file (decoded with libsndfile: WAV/FLAC/OGG/OPUS/MP3) -> {lufs, true peak dBTP}; for tests.
/// Throws Error(Runtime) with libsndfile's message when the file cannot be read.
LoudnessReading measure_file(const std::filesystem::path& path);

}  // namespace readaloud
