#include "audio/limiter.hpp"

#include <gtest/gtest.h>
#include <sndfile.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "audio/loudness.hpp"
#include "audio/pcm.hpp"
#include "audio/resampler.hpp"
#include "audio/vector_sink.hpp"
#include "synth/espeak_engine.hpp"
#include "test_signals.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

constexpr int kRate = 22050;

std::vector<float> limit(const std::vector<float>& x, double gain_db, double ceiling_dbfs, std::size_t block) {
  VectorSink sink;
  GainLimiter limiter(sink, gain_db, ceiling_dbfs, kRate);
  for (std::size_t i = 0; i < x.size(); i += block)
    limiter.write(std::span<const float>(x).subspan(i, std::min(block, x.size() - i)));
  limiter.finish();
  EXPECT_TRUE(sink.finished);
  return sink.samples;
}

// 2 s of a quiet 300 Hz tone with a 0.5 s loud 1 kHz burst in the middle (at 1.0-1.5 s).
std::vector<float> burst_signal() {
  auto x = testing::sine(300.0, 0.1, 2 * kRate, kRate);
  const auto loud = testing::sine(1000.0, 1.0, kRate / 2, kRate);
  for (std::size_t i = 0; i < loud.size(); ++i) x[kRate + i] = loud[i];
  return x;
}

TEST(GainLimiter, HoldsPeaksUnderTheCeilingAndLeavesTheRestAlone) {
  const auto x = burst_signal();
  const double gain = std::pow(10.0, 6.0 / 20.0);  // the burst would reach +6 dBFS
  const auto y = limit(x, 6.0, -2.0, 1000);
  ASSERT_EQ(y.size(), x.size());
  const float ceiling = static_cast<float>(std::pow(10.0, -2.0 / 20.0));
  for (std::size_t i = 0; i < y.size(); ++i) ASSERT_LE(std::abs(y[i]), ceiling) << i;
  // The burst itself is held right at the ceiling, not far below it.
  EXPECT_NEAR(testing::peak_dbfs(y), -2.0, 0.3);
  // Between samples too (4x oversampled true peak).
  LoudnessMeter meter(kRate);
  meter.add(y);
  EXPECT_LE(meter.true_peak_dbtp(), -2.0 + 0.1);
  // Well before the burst (more than the 5 ms look-ahead): exactly the constant gain.
  for (std::size_t i = 0; i < static_cast<std::size_t>(kRate - kRate / 100); ++i)
    ASSERT_FLOAT_EQ(y[i], static_cast<float>(x[i] * gain)) << i;
  // Well after it (0.6 s of release): the constant gain again, within 0.01 dB.
  for (std::size_t i = kRate * 3 / 2 + kRate * 6 / 10; i < y.size(); ++i)
    ASSERT_NEAR(y[i], x[i] * gain, 0.0012 * std::abs(x[i] * gain) + 1e-6) << i;
}

TEST(GainLimiter, BlockSizeDoesNotMatter) {
  const auto x = burst_signal();
  EXPECT_EQ(limit(x, 6.0, -2.0, 1), limit(x, 6.0, -2.0, x.size()));
  EXPECT_EQ(limit(x, 6.0, -2.0, 77), limit(x, 6.0, -2.0, 4096));
}

TEST(GainLimiter, UnityGainBelowTheCeilingIsTransparent) {
  // (Not white noise: its peaks between samples can reach twice its sample peak.)
  const auto x = testing::sine(440.0, 0.7, 30000, kRate);
  EXPECT_EQ(limit(x, 0.0, -2.0, 999), x);
}

TEST(GainLimiter, QuietGainIsExact) {
  const auto x = testing::noise(0.5, 10000);
  const auto y = limit(x, -6.0, -1.0, 512);
  ASSERT_EQ(y.size(), x.size());
  const float g = static_cast<float>(std::pow(10.0, -6.0 / 20.0));
  for (std::size_t i = 0; i < x.size(); ++i) ASSERT_FLOAT_EQ(y[i], x[i] * g) << i;
}

TEST(GainLimiter, HeavyLimitingOfNoise) {
  // Noise pushed 20 dB over full scale: every sample needs limiting.
  const auto y = limit(testing::noise(1.0, kRate * 2), 20.0, -2.0, 4096);
  ASSERT_EQ(y.size(), static_cast<std::size_t>(kRate * 2));
  EXPECT_LE(testing::peak_dbfs(y), -2.0 + 1e-4);
  LoudnessMeter meter(kRate);
  meter.add(y);
  EXPECT_LE(meter.true_peak_dbtp(), -2.0 + 0.5);
}

TEST(GainLimiter, ShortAndEmptyStreamsKeepTheirLength) {
  EXPECT_TRUE(limit({}, 6.0, -2.0, 10).empty());
  EXPECT_EQ(limit({0.25f, -0.5f, 1.0f}, 0.0, -2.0, 10).size(), 3u);
  const auto y = limit({0.25f, -0.5f, 1.0f}, 0.0, -6.0, 1);
  for (float s : y) EXPECT_LE(std::abs(s), std::pow(10.0f, -6.0f / 20.0f));
}

// The worst cases for peaks between samples: sines whose samples miss their
// crests for long stretches (longer than the limiter's release), so the sample
// peak understates the real peak by up to 3 dB. 5511 Hz drifts slowly against
// the quarter-rate grid (1 s of it spends ~125 ms at a time with the samples
// 45 degrees off the crests); 10900 Hz is close to Nyquist. At every level,
// from well below the ceiling (where the limiter skips its interpolation) to
// well above it, the output, upsampled 4x by an independent resampler (soxr),
// stays under the ceiling.
TEST(GainLimiter, WorstCaseSinesNeverExceedTheCeilingBetweenSamples) {
  const double ceiling_db = -2.0;
  const double ceiling = std::pow(10.0, ceiling_db / 20.0);
  for (double hz : {5511.0, 10900.0})
  for (double level_db : {-12.0, -8.0, -6.0, -4.0, -2.0, -1.0, 0.0, 1.0, 6.0}) {
    SCOPED_TRACE("hz " + std::to_string(hz) + ", level " + std::to_string(level_db));
    const auto x = testing::sine(hz, 1.0, kRate, kRate);
    const auto y = limit(x, level_db, ceiling_db, 777);
    ASSERT_EQ(y.size(), x.size());
    VectorSink up;
    {
      Resampler resampler(up, kRate, 4 * kRate);
      resampler.write(y);
      resampler.finish();
    }
    float peak = 0.0f;
    // Skip the first and last 10 ms: the resampler's own edge ringing.
    for (std::size_t i = 4 * kRate / 100; i + 4 * kRate / 100 < up.samples.size(); ++i)
      peak = std::max(peak, std::abs(up.samples[i]));
    EXPECT_LE(20.0 * std::log10(peak), ceiling_db + 0.1);
    for (float v : y) ASSERT_LE(std::abs(v), static_cast<float>(ceiling));
    if (level_db <= -6.0) {
      // Quiet enough that the true peak stays below the ceiling: untouched.
      for (std::size_t i = 0; i < x.size(); ++i)
        ASSERT_FLOAT_EQ(y[i], static_cast<float>(x[i] * std::pow(10.0, level_db / 20.0))) << i;
    }
  }
}

TEST(GainLimiter, RejectsACeilingAboveFullScale) {
  VectorSink sink;
  EXPECT_THROW(GainLimiter(sink, 0.0, 1.0, kRate), Error);
}

// An AudioSink that encodes MP3 with libsndfile (LAME), as the real writer will.
class Mp3Sink final : public AudioSink {
 public:
  Mp3Sink(const std::filesystem::path& path, int rate) {
    SF_INFO info{};
    info.samplerate = rate;
    info.channels = 1;
    info.format = SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III;
    file_ = sf_open(path.c_str(), SFM_WRITE, &info);
    if (!file_) throw_runtime(sf_strerror(nullptr));
  }
  ~Mp3Sink() override {
    if (file_) sf_close(file_);
  }
  void write(std::span<const float> s) override {
    sf_write_float(file_, s.data(), static_cast<sf_count_t>(s.size()));
  }
  void finish() override {
    sf_close(file_);
    file_ = nullptr;
  }

 private:
  SNDFILE* file_ = nullptr;
};

// The default ceiling leaves room for the MP3 encoder's overshoot on speech:
// eSpeak NG speech normalised to -16 LUFS (and 6 dB hotter, for margin),
// limited at 22050 Hz, resampled to 44100 Hz and encoded, stays <= -1 dBTP.
// (Heavily limited white noise would not: any encoder adds ~2 dB of peaks to
// it. Speech is what this project encodes.)
TEST(GainLimiter, DefaultCeilingKeepsMp3TruePeakUnderMinusOneDbtp) {
  std::vector<float> speech;
  Prosody fast;
  fast.rate_wpm = 450;
  for (const Prosody& p : {Prosody{}, fast}) {
    const SynthOutput out = EspeakEngine::instance().synthesize(
        "Stop taking the tablets and call your doctor straight away if you feel dizzy, "
        "short of breath, or see swelling of the face, lips or tongue.", p);
    int16_to_float(out.samples, speech);
  }
  LoudnessMeter before(kRate);
  before.add(speech);
  const double to_target = loudness_gain_db(before.integrated_lufs(), -16.0);
  ASSERT_GT(to_target, 0.0);  // eSpeak speaks below -16 LUFS, so peaks get pushed up

  for (double extra : {0.0, 6.0}) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("readaloud-limiter-" + std::to_string(::getpid()) + ".mp3");
    {
      Mp3Sink mp3(path, 44100);
      Resampler resampler(mp3, kRate, 44100);
      GainLimiter limiter(resampler, to_target + extra, kDefaultCeilingDbfs, kRate);
      limiter.write(speech);
      limiter.finish();
    }
    const LoudnessReading r = measure_file(path);
    std::filesystem::remove(path);
    EXPECT_LE(r.true_peak_dbtp, -1.0) << "extra gain " << extra;
    EXPECT_GT(r.true_peak_dbtp, -2.5) << "extra gain " << extra;  // limited, not simply quiet
    // The limiter costs some loudness (about 1 dB at -16 LUFS); measured here
    // so that a change in it shows.
    if (extra == 0.0) {
      EXPECT_NEAR(r.integrated_lufs, -16.0, 1.5);
    }
  }
}

}  // namespace
}  // namespace readaloud
