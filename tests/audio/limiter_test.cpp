#include "audio/limiter.hpp"

#include <gtest/gtest.h>
#include <sndfile.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <numbers>
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

// The limiter after its peak detection, written out sample by sample from
// the definitions, for the whole stream at once: what the block-wise code
// must reproduce bit for bit.
struct Reference {
  std::vector<float> samples;
  double max_reduction_db = 0.0;
};

Reference reference_limit(const std::vector<float>& input, double gain_db, double ceiling_dbfs, int rate) {
  const double gain = std::pow(10.0, gain_db / 20.0);
  const double ceiling = std::pow(10.0, ceiling_dbfs / 20.0);
  const auto w = std::max<std::size_t>(1, static_cast<std::size_t>(std::lround(0.005 * rate)));  // look-ahead
  const double release = std::exp(-1.0 / (0.080 * rate));
  // The gained stream, then the w - 1 samples of silence its last samples look ahead to.
  std::vector<float> x(input.size() + w - 1, 0.0f);
  for (std::size_t n = 0; n < input.size(); ++n) x[n] = static_cast<float>(input[n] * gain);
  const std::vector<float> peak = limiter_peak_levels(x);

  // The gain that brings the peak level around x[n] (its own interval's and
  // the one before) down to the ceiling.
  std::vector<double> need(x.size());
  for (std::size_t n = 0; n < x.size(); ++n) {
    const double level = std::max<double>(peak[n], n > 0 ? peak[n - 1] : 0.0);
    need[n] = level > ceiling ? ceiling / level : 1.0;
  }
  // The smallest need over the look-ahead from m.
  const auto held = [&](std::size_t m) {
    return *std::min_element(need.begin() + static_cast<std::ptrdiff_t>(m),
                             need.begin() + static_cast<std::ptrdiff_t>(m + w));
  };

  Reference out;
  const float c = static_cast<float>(ceiling);
  double sum = static_cast<double>(w);  // of the last w held minima (1 before the stream)
  double reduction = 0.0;               // 1 - gain
  double min_gain = 1.0;
  for (std::size_t n = w - 1; n < x.size(); ++n) {
    const std::size_t m = n - (w - 1);  // the sample that goes out now
    // Nothing to limit: no need below 1 in the last 2w samples. Then the
    // target is exactly 1 and the sum restarts from w, dropping the rounding
    // of past limiting.
    bool idle = true;
    for (std::size_t k = n + 1 > 2 * w ? n + 1 - 2 * w : 0; k <= n; ++k) idle &= need[k] == 1.0;
    double g = 1.0;
    if (idle) {
      sum = static_cast<double>(w);
    } else {
      sum += held(m) - (m >= w ? held(m - w) : 1.0);
      g = std::min(std::min(sum * (1.0 / static_cast<double>(w)), held(m)), 1.0);
    }
    reduction = std::max(1.0 - g, reduction * release);
    if (g == 1.0 && reduction < 1e-4) reduction = 0.0;
    min_gain = std::min(min_gain, 1.0 - reduction);
    out.samples.push_back(std::clamp(static_cast<float>(x[m] * (1.0 - reduction)), -c, c));
  }
  out.max_reduction_db = 20.0 * std::log10(min_gain);
  return out;
}

// GainLimiter, fed in blocks of each size, gives exactly the reference's samples.
void expect_reference_output(const std::vector<float>& x, double gain_db, int rate = kRate) {
  const Reference expected = reference_limit(x, gain_db, -2.0, rate);
  ASSERT_EQ(expected.samples.size(), x.size());
  for (std::size_t block : {1, 77, 1024, 5000}) {
    SCOPED_TRACE("gain " + std::to_string(gain_db) + " dB, rate " + std::to_string(rate) + ", blocks of " +
                 std::to_string(block));
    VectorSink sink;
    GainLimiter limiter(sink, gain_db, -2.0, rate);
    for (std::size_t i = 0; i < x.size(); i += block)
      limiter.write(std::span<const float>(x).subspan(i, std::min(block, x.size() - i)));
    limiter.finish();
    ASSERT_EQ(sink.samples.size(), x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
      ASSERT_EQ(std::bit_cast<std::uint32_t>(sink.samples[i]), std::bit_cast<std::uint32_t>(expected.samples[i]))
          << "sample " << i << ": " << sink.samples[i] << " != " << expected.samples[i];
    EXPECT_EQ(limiter.max_reduction_db(), expected.max_reduction_db);
  }
}

// Speech synthesised by eSpeak NG, limited as the programme is (+5 to +10 dB:
// many samples need reduction, with long releases between the syllables).
TEST(GainLimiter, MatchesTheReferenceOnSpeech) {
  const SynthOutput out = EspeakEngine::instance().synthesize(
      "Rinse the pot with boiled water, then tilt your head over the sink and breathe through your mouth.",
      Prosody{});
  std::vector<float> speech;
  int16_to_float(out.samples, speech);
  ASSERT_GT(speech.size(), static_cast<std::size_t>(kRate));
  for (double gain_db : {5.0, 8.2, 10.0}) expect_reference_output(speech, gain_db);
}

TEST(GainLimiter, MatchesTheReferenceOnHeavyLimiting) {
  expect_reference_output(burst_signal(), 6.0);
  expect_reference_output(testing::noise(1.0, kRate / 2), 20.0);  // every sample limited
  // Syllable-like: 150 ms of a harmonic tone every 250 ms, under a swelling envelope.
  std::vector<float> syllables(2 * kRate, 0.0f);
  for (std::size_t i = 0; i < syllables.size(); ++i) {
    const double t = static_cast<double>(i) / kRate;
    if (std::fmod(t, 0.25) > 0.15) continue;
    const double envelope = std::sin(std::numbers::pi * std::fmod(t, 0.25) / 0.15) * (0.4 + 0.3 * std::sin(t * 5.0));
    double tone = 0.0;
    for (int k = 1; k <= 12; ++k) tone += std::sin(2.0 * std::numbers::pi * 130.0 * k * t) / k;
    syllables[i] = static_cast<float>(0.5 * envelope * tone);
  }
  expect_reference_output(syllables, 9.0);
  // Clicks on quiet noise at every spacing around the look-ahead and twice it,
  // where the limiting of one click ends just before, at or after the next;
  // then pairs of clicks 1 to 4 samples apart.
  const std::size_t w = 110;  // 5 ms at 22050 Hz
  std::vector<float> clicks = testing::noise(0.02, kRate + kRate / 5);
  std::size_t at = 100;
  for (std::size_t gap = w - 3; gap <= 2 * w + 3 && at < clicks.size(); ++gap, at += gap)
    clicks[at] = (gap % 2 ? 0.9f : -0.95f);
  for (std::size_t gap = 1; gap <= 4 && at + 400 < clicks.size(); ++gap, at += 400)
    clicks[at] = clicks[at + gap] = 0.9f;
  ASSERT_LT(at, clicks.size());
  expect_reference_output(clicks, 6.0);
  // Tones fading slowly through the ceiling, then going on under it: their
  // last limiting is so slight that the reduction is under the 1e-4 it snaps
  // to 0 from, so the sample where the snap comes (the first with nothing to
  // limit in the last 2w) shows in the output.
  const double ceiling_before_gain = std::pow(10.0, -8.0 / 20.0);
  std::vector<float> fades;
  for (int k = 0; k < 4; ++k) {
    const double hz = 150.0 + 7.0 * k;
    const auto over = static_cast<std::size_t>((0.6 + 0.01 * k) * kRate);
    for (std::size_t i = 0; i < over + kRate / 4; ++i) {
      const double f = i < over ? 1.0 - static_cast<double>(i) / static_cast<double>(over) : 0.0;
      const double level = i < over ? 1.0 + 0.01 * f * f * f * f + 1e-6 * std::pow(1.4, k) : 0.9;
      fades.push_back(static_cast<float>(ceiling_before_gain * level *
                                         std::sin(2.0 * std::numbers::pi * hz * static_cast<double>(i) / kRate)));
    }
    fades.insert(fades.end(), kRate / 4, 0.0f);
  }
  expect_reference_output(fades, 6.0);
  // Other rates change the look-ahead (and at 100 Hz it is one sample).
  expect_reference_output(testing::noise(0.8, 20000, 99), 8.0, 48000);
  expect_reference_output(testing::noise(0.8, 2000, 7), 8.0, 100);
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
