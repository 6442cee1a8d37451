#include "audio/loudness.hpp"

#include <ebur128.h>
#include <sndfile.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "util/error.hpp"

namespace readaloud {
namespace {

constexpr double kMinusInf = -std::numeric_limits<double>::infinity();

void check(int code, const char* what) {
  if (code != EBUR128_SUCCESS) throw_runtime(std::string("loudness meter: ") + what + " failed (libebur128 error " + std::to_string(code) + ")");
}

struct SndfileCloser {
  void operator()(SNDFILE* f) const { sf_close(f); }
};

}  // namespace

void LoudnessMeter::Deleter::operator()(void* state) const {
  auto* typed = static_cast<ebur128_state*>(state);
  ebur128_destroy(&typed);
}


LoudnessMeter::LoudnessMeter(int sample_rate, int channels, PeakMetering peaks)
    : channels_(channels), true_peak_(peaks == PeakMetering::TruePeak) {
  if (sample_rate <= 0 || channels <= 0) throw_runtime("loudness meter: invalid sample rate or channel count");
  // True-peak mode resamples every block 4x inside libebur128, which costs as
  // much as the gating filters; a render needs only the integrated value.
  const int mode = true_peak_ ? (EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK) : EBUR128_MODE_I;
  state_.reset(ebur128_init(static_cast<unsigned>(channels), static_cast<unsigned long>(sample_rate), mode));
  if (!state_) throw_runtime("loudness meter: cannot create an EBU R128 meter at " + std::to_string(sample_rate) + " Hz");
}

LoudnessMeter::~LoudnessMeter() = default;
LoudnessMeter::LoudnessMeter(LoudnessMeter&&) noexcept = default;
LoudnessMeter& LoudnessMeter::operator=(LoudnessMeter&&) noexcept = default;

void LoudnessMeter::add(std::span<const float> samples) {
  if (samples.size() % static_cast<std::size_t>(channels_) != 0)
    throw_runtime("loudness meter: partial frame");
  if (samples.empty()) return;
  check(ebur128_add_frames_float(static_cast<ebur128_state*>(state_.get()), samples.data(), samples.size() / static_cast<std::size_t>(channels_)),
        "adding samples");
}

double LoudnessMeter::integrated_lufs(const LoudnessMeter& a, const LoudnessMeter& b) {
  ebur128_state* states[] = {static_cast<ebur128_state*>(a.state_.get()), static_cast<ebur128_state*>(b.state_.get())};
  double lufs = 0.0;
  check(ebur128_loudness_global_multiple(states, 2, &lufs), "integrated loudness");
  return std::isfinite(lufs) ? lufs : kMinusInf;
}

double LoudnessMeter::integrated_lufs() const {
  double lufs = kMinusInf;
  check(ebur128_loudness_global(static_cast<ebur128_state*>(state_.get()), &lufs), "integrated loudness");
  // libebur128 reports -HUGE_VAL when nothing passes the gates.
  return std::isfinite(lufs) ? lufs : kMinusInf;
}

double LoudnessMeter::true_peak_dbtp() const {
  if (!true_peak_) throw_usage("loudness meter: true peak requested from an integrated-only meter");
  double peak = 0.0;
  for (int c = 0; c < channels_; ++c) {
    double p = 0.0;
    check(ebur128_true_peak(static_cast<ebur128_state*>(state_.get()), static_cast<unsigned>(c), &p), "true peak");
    if (p > peak) peak = p;
  }
  return peak > 0.0 ? 20.0 * std::log10(peak) : kMinusInf;
}

LoudnessReading measure_file(const std::filesystem::path& path) {
  SF_INFO info{};
  std::unique_ptr<SNDFILE, SndfileCloser> file(sf_open(path.c_str(), SFM_READ, &info));
  if (!file) throw_runtime("cannot read audio file '" + path.string() + "': " + sf_strerror(nullptr));
  LoudnessMeter meter(info.samplerate, info.channels);
  constexpr sf_count_t kFrames = 8192;
  std::vector<float> block(static_cast<std::size_t>(kFrames * info.channels));
  for (;;) {
    const sf_count_t got = sf_readf_float(file.get(), block.data(), kFrames);
    if (got <= 0) break;
    meter.add(std::span<const float>(block.data(), static_cast<std::size_t>(got * info.channels)));
  }
  if (sf_error(file.get()) != SF_ERR_NO_ERROR)
    throw_runtime("cannot decode audio file '" + path.string() + "': " + sf_strerror(file.get()));
  return {meter.integrated_lufs(), meter.true_peak_dbtp()};
}

}  // namespace readaloud
