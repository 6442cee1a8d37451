#include "audio/loudness_target.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "audio/limiter.hpp"
#include "audio/loudness.hpp"
#include "audio/pcm.hpp"
#include "audio/vector_sink.hpp"
#include "synth/espeak_engine.hpp"
#include "test_signals.hpp"

namespace readaloud {
namespace {

constexpr int kRate = 22050;

SpillFile speech_spill(LoudnessMeter* meter, int repeats = 1) {
  SpillFile spill;
  const SynthOutput out = EspeakEngine::instance().synthesize(
      "Rinse the device with clean water after each use. If the water is not safe to drink, "
      "boil it for one minute first, then let it cool before you use it.",
      Prosody{});
  std::vector<float> speech;
  int16_to_float(out.samples, speech);
  for (int i = 0; i < repeats; ++i) {
    spill.write(speech);
    if (meter) meter->add(speech);
  }
  spill.flush();
  return spill;
}

std::vector<float> replayed(SpillFile& spill, double trim_db = 0.0) {
  VectorSink sink;
  spill.replay_scaled(sink, static_cast<float>(std::pow(10.0, trim_db / 20.0)));
  return sink.samples;
}

double lufs_of(const std::vector<float>& samples) {
  LoudnessMeter meter(kRate);
  meter.add(samples);
  return meter.integrated_lufs();
}

TEST(LevelToLoudness, ReachesTheTargetAfterLimitingSpeech) {
  LoudnessMeter before(kRate);
  SpillFile spill = speech_spill(&before);
  const double measured = before.integrated_lufs();

  Leveled n = level_to_loudness(spill, measured, -16.0, kDefaultCeilingDbfs, kRate, 2, 1.3);
  EXPECT_GT(n.gain_db + n.trim_db, loudness_gain_db(measured, -16.0));  // the limiter's loss is made up
  EXPECT_LE(n.trim_db, 0.0);
  const std::vector<float> out = replayed(n.samples, n.trim_db);
  ASSERT_EQ(out.size(), static_cast<std::size_t>(spill.size()));
  EXPECT_NEAR(lufs_of(out), -16.0, 0.1);
  EXPECT_NEAR(n.lufs, lufs_of(out), 0.01);  // parts metered apart, joined exactly
  float peak = 0.0f;
  for (float x : out) peak = std::max(peak, std::abs(x));
  EXPECT_LE(20.0 * std::log10(peak), kDefaultCeilingDbfs + 0.01);
}

TEST(LevelToLoudness, AnExpectedLossFarOffStillLandsOnTarget) {
  LoudnessMeter before(kRate);
  SpillFile spill = speech_spill(&before);
  for (double expected : {-3.0, 0.0, 5.0}) {
    Leveled n = level_to_loudness(spill, before.integrated_lufs(), -16.0, kDefaultCeilingDbfs, kRate, 1, expected);
    EXPECT_NEAR(lufs_of(replayed(n.samples, n.trim_db)), -16.0, 0.1) << "expected loss " << expected;
    EXPECT_GE(n.trim_db, -kMaxLoudnessTrimDb);
  }
}

TEST(LevelToLoudness, ReportsProgressToTheEnd) {
  // Long enough for the probes (over a minute), so both shares are seen.
  LoudnessMeter before(kRate);
  SpillFile spill = speech_spill(&before, 10);
  ASSERT_GT(spill.size(), 64LL * kRate);
  std::vector<double> seen;
  level_to_loudness(spill, before.integrated_lufs(), -16.0, kDefaultCeilingDbfs, kRate, 2, 3.0,
                     [&](double f) { seen.push_back(f); });
  ASSERT_GT(seen.size(), 10u);
  for (double f : seen) {
    EXPECT_GE(f, 0.0);
    EXPECT_LE(f, 1.0);
  }
  EXPECT_NEAR(seen.front(), 0.1, 0.1);  // a probe's share first
  EXPECT_DOUBLE_EQ(seen.back(), 1.0);
}

TEST(LevelToLoudness, AnUnmeasuredProgrammeIsMeasuredHere) {
  // Short (measured whole) and long (measured by its sample, as speech
  // processes leave it): both land on the target, as when measured before.
  for (int repeats : {1, 10}) {
    LoudnessMeter before(kRate);
    SpillFile spill = speech_spill(&before, repeats);
    Leveled given = level_to_loudness(spill, before.integrated_lufs(), -16.0, kDefaultCeilingDbfs, kRate, 2, 3.0);
    Leveled found = level_to_loudness(spill, std::nullopt, -16.0, kDefaultCeilingDbfs, kRate, 2, 3.0);
    EXPECT_NEAR(lufs_of(replayed(found.samples, found.trim_db)), -16.0, 0.1) << repeats;
    EXPECT_NEAR(found.gain_db + found.trim_db, given.gain_db + given.trim_db, 0.3) << repeats;
  }
}

TEST(LevelToLoudness, QuietSineNeedsNoLimiting) {
  // A sine far below the ceiling after gain: the limiter does nothing, so
  // gain and trim add up to the plain gain.
  SpillFile spill;
  spill.write(testing::sine(1000.0, 0.01, kRate * 4, kRate));  // -43 LUFS, peak -40 dBFS
  spill.flush();
  LoudnessMeter meter(kRate);
  meter.add(testing::sine(1000.0, 0.01, kRate * 4, kRate));
  Leveled n = level_to_loudness(spill, meter.integrated_lufs(), -23.0, kDefaultCeilingDbfs, kRate, 2, 1.3);
  EXPECT_NEAR(n.gain_db + n.trim_db, 20.0, 0.06);
  EXPECT_NEAR(n.lufs, -23.0, 0.06);
}

TEST(LevelToLoudness, SilenceGetsNoGain) {
  SpillFile spill;
  spill.write(std::vector<float>(kRate, 0.0f));
  spill.flush();
  for (std::optional<double> measured : {std::optional<double>(-INFINITY), std::optional<double>()}) {
    Leveled n = level_to_loudness(spill, measured, -16.0, kDefaultCeilingDbfs, kRate, 2, 1.3);
    EXPECT_EQ(n.gain_db, 0.0);
    EXPECT_EQ(n.trim_db, 0.0);
    EXPECT_EQ(replayed(n.samples), std::vector<float>(kRate, 0.0f));
  }
}

TEST(LimitProgramme, TwoThreadsGiveWhatOneGives) {
  // Long enough to be split; limited hard, so the limiter is busy at the seam.
  SpillFile spill = speech_spill(nullptr, 4);
  SpillFile one, two;
  const double lufs_one = limit_programme(spill, one, 12.0, kDefaultCeilingDbfs, kRate, 1);
  const double lufs_two = limit_programme(spill, two, 12.0, kDefaultCeilingDbfs, kRate, 2);
  const std::vector<float> a = replayed(one), b = replayed(two);
  ASSERT_EQ(a.size(), b.size());
  ASSERT_EQ(a.size(), static_cast<std::size_t>(spill.size()));
  float worst = 0.0f;
  for (std::size_t i = 0; i < a.size(); ++i) worst = std::max(worst, std::abs(a[i] - b[i]));
  EXPECT_LE(worst, 1.5f / 32768.0f);  // at most a rounding step of the 16-bit spill
  EXPECT_NEAR(lufs_one, lufs_two, 0.005);  // the parts' meters join like one
}

}  // namespace
}  // namespace readaloud

namespace readaloud {
namespace {

TEST(LoudnessMeter, TwoMetersCombineLikeOne) {
  constexpr int kRate = 22050;
  std::vector<float> a(kRate * 5), b(kRate * 5);
  for (std::size_t i = 0; i < a.size(); ++i) {
    a[i] = 0.1f * static_cast<float>(std::sin(2.0 * M_PI * 440.0 * static_cast<double>(i) / kRate));
    b[i] = 0.4f * static_cast<float>(std::sin(2.0 * M_PI * 660.0 * static_cast<double>(i) / kRate));
  }
  LoudnessMeter whole(kRate, 1, PeakMetering::IntegratedOnly), first(kRate, 1, PeakMetering::IntegratedOnly),
      second(kRate, 1, PeakMetering::IntegratedOnly);
  whole.add(a);
  whole.add(b);
  first.add(a);
  second.add(b);
  EXPECT_NEAR(LoudnessMeter::integrated_lufs(first, second), whole.integrated_lufs(), 0.05);
}

TEST(SpillFile, RangesReplayExactlyTheirSamples) {
  SpillFile spill;
  std::vector<float> x(20000);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<float>(i) / 32768.0f;  // exact in 16 bits
  spill.write(x);
  spill.flush();
  VectorSink first, second;
  spill.replay_range(first, 0, 12345, 1000);
  spill.replay_range(second, 12345, 20000, 777);
  EXPECT_EQ(first.samples, std::vector<float>(x.begin(), x.begin() + 12345));
  EXPECT_EQ(second.samples, std::vector<float>(x.begin() + 12345, x.end()));
  EXPECT_TRUE(first.finished && second.finished);
}

}  // namespace
}  // namespace readaloud
