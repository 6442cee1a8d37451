#include "audio/normalize.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "audio/limiter.hpp"
#include "audio/pcm.hpp"
#include "audio/vector_sink.hpp"
#include "synth/espeak_engine.hpp"
#include "test_signals.hpp"

namespace readaloud {
namespace {

constexpr int kRate = 22050;

double limited_lufs(SpillFile& spill, double gain_db) {
  LoudnessMeter meter(kRate);
  MeteringSink metering(meter);
  GainLimiter limiter(metering, gain_db, kDefaultCeilingDbfs, kRate);
  spill.replay(limiter);
  return meter.integrated_lufs();
}

TEST(NormalizingGain, ReachesTheTargetAfterLimitingSpeech) {
  SpillFile spill;
  LoudnessMeter before(kRate);
  const SynthOutput out = EspeakEngine::instance().synthesize(
      "Rinse the device with clean water after each use. If the water is not safe to drink, "
      "boil it for one minute first, then let it cool before you use it.",
      Prosody{});
  std::vector<float> speech;
  int16_to_float(out.samples, speech);
  spill.write(speech);
  before.add(speech);
  const double measured = before.integrated_lufs();

  const double plain = loudness_gain_db(measured, -16.0);
  const double corrected = normalizing_gain_db(spill, measured, -16.0, kDefaultCeilingDbfs, kRate);
  EXPECT_GT(corrected, plain);                       // the limiter's loss is made up
  EXPECT_LT(limited_lufs(spill, plain), -16.3);      // plain gain falls short
  EXPECT_NEAR(limited_lufs(spill, corrected), -16.0, 0.25);
  EXPECT_DOUBLE_EQ(normalizing_gain_db(spill, measured, -16.0, kDefaultCeilingDbfs, kRate, 0), plain);
}

TEST(NormalizingGain, QuietSineNeedsNoCorrection) {
  // A sine far below the ceiling after gain: the limiter does nothing.
  SpillFile spill;
  spill.write(testing::sine(1000.0, 0.01, kRate * 4, kRate));  // -43 LUFS, peak -40 dBFS
  LoudnessMeter meter(kRate);
  meter.add(testing::sine(1000.0, 0.01, kRate * 4, kRate));
  const double gain = normalizing_gain_db(spill, meter.integrated_lufs(), -23.0, kDefaultCeilingDbfs, kRate);
  EXPECT_NEAR(gain, 20.0, 0.05);
}

TEST(NormalizingGain, SilenceGetsNoGain) {
  SpillFile spill;
  spill.write(std::vector<float>(kRate, 0.0f));
  EXPECT_EQ(normalizing_gain_db(spill, -INFINITY, -16.0, kDefaultCeilingDbfs, kRate), 0.0);
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
