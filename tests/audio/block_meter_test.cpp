#include "audio/block_meter.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

#include "audio/loudness.hpp"
#include "support/expect_error.hpp"
#include "test_signals.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

std::uint32_t next(std::uint32_t& seed) {
  seed = seed * 1664525u + 1013904223u;
  return seed;
}

double uniform(std::uint32_t& seed) { return static_cast<double>(next(seed)) / 4294967296.0; }

/// White noise through four one-pole low-passes two octaves apart (40 Hz to
/// 2.56 kHz), weighted so that the spectrum falls about 3 dB per octave, then
/// scaled to an RMS of `rms`.
std::vector<float> pinkish_noise(double rms, std::size_t n, int rate) {
  const auto white = testing::noise(1.0, n, 777);
  std::vector<double> y(n, 0.0);
  for (const double corner : {40.0, 160.0, 640.0, 2560.0}) {
    const double pole = std::exp(-2.0 * std::numbers::pi * corner / rate);
    const double gain = std::sqrt(40.0 / corner) * (1.0 - pole);
    double state = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      state = pole * state + gain * white[i];
      y[i] += state;
    }
  }
  double sum = 0.0;
  for (const double v : y) sum += v * v;
  const double scale = rms / std::sqrt(sum / static_cast<double>(n));
  std::vector<float> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<float>(scale * y[i]);
  return out;
}

/// Speech-like: phrases of 2-6 syllables with silent pauses of 0.2-0.7 s
/// between them. A syllable lasts 120-300 ms under a raised-cosine envelope;
/// most are voiced (a glottal pulse train gliding in pitch through two formant
/// resonators), one in five is a "fricative" (white noise). Voiced syllables
/// have an RMS of -26..-20 dBFS, fricatives 6 dB less, as a talker's
/// syllables vary by a few dB. The timing does not depend on `rate`.
std::vector<float> speech_like(double seconds, int rate, std::uint32_t seed = 4242) {
  const auto n = static_cast<std::size_t>(seconds * rate);
  const double pi = std::numbers::pi;
  std::uint32_t noise_seed = seed ^ 0x5bd1e995u;
  std::vector<float> out;
  out.reserve(n);
  std::vector<double> syllable;
  while (out.size() < n) {
    const int syllables = 2 + static_cast<int>(uniform(seed) * 5.0);
    for (int s = 0; s < syllables; ++s) {
      const auto length = static_cast<std::size_t>((0.12 + 0.18 * uniform(seed)) * rate);
      const bool fricative = uniform(seed) < 0.2;
      const double f1 = 300.0 + 500.0 * uniform(seed), f2 = 900.0 + 1400.0 * uniform(seed);
      const double pitch0 = 110.0 + 80.0 * uniform(seed), pitch1 = 110.0 + 80.0 * uniform(seed);
      const double rms_db = (fricative ? -32.0 : -26.0) + 6.0 * uniform(seed);
      const double r1 = std::exp(-pi * 80.0 / rate), r2 = std::exp(-pi * 120.0 / rate);
      const double c1 = 2.0 * r1 * std::cos(2.0 * pi * f1 / rate), c2 = 2.0 * r2 * std::cos(2.0 * pi * f2 / rate);
      double phase = 0.0, a1 = 0.0, a2 = 0.0, b1 = 0.0, b2 = 0.0;
      syllable.assign(length, 0.0);
      for (std::size_t i = 0; i < length; ++i) {
        const double t = static_cast<double>(i) / static_cast<double>(length);
        double v;
        if (fricative) {
          v = 2.0 * uniform(noise_seed) - 1.0;
        } else {
          phase += (pitch0 + (pitch1 - pitch0) * t) / rate;
          const double pulse = phase >= 1.0 ? 1.0 : 0.0;  // one glottal pulse per period
          if (phase >= 1.0) phase -= 1.0;
          const double a = pulse + c1 * a1 - r1 * r1 * a2;
          a2 = a1;
          a1 = a;
          const double b = a + c2 * b1 - r2 * r2 * b2;
          b2 = b1;
          b1 = b;
          v = 2.0 * a + b;
        }
        syllable[i] = v * 0.5 * (1.0 - std::cos(2.0 * pi * t));
      }
      double sum = 0.0;
      for (const double v : syllable) sum += v * v;
      const double scale = std::pow(10.0, rms_db / 20.0) / std::sqrt(sum / static_cast<double>(length));
      for (const double v : syllable) out.push_back(static_cast<float>(scale * v));
    }
    out.insert(out.end(), static_cast<std::size_t>((0.2 + 0.5 * uniform(seed)) * rate), 0.0f);
  }
  out.resize(n);
  return out;
}

double libebur128_lufs(const std::vector<float>& x, int rate) {
  LoudnessMeter meter(rate, 1, PeakMetering::IntegratedOnly);
  meter.add(x);
  return meter.integrated_lufs();
}

/// Fed in uneven pieces, as a stream would be.
BlockMeter block_meter_over(std::span<const float> x, int rate, std::size_t piece = 1234) {
  BlockMeter meter(rate);
  for (std::size_t i = 0; i < x.size(); i += piece) meter.write(x.subspan(i, std::min(piece, x.size() - i)));
  meter.finish();
  return meter;
}

double lufs_of(const std::vector<float>& x, int rate) { return block_meter_over(x, rate).integrated_lufs(); }

class BlockMeterVsLibebur128 : public ::testing::TestWithParam<int> {};

TEST_P(BlockMeterVsLibebur128, Sine1kHzAtMinus20Dbfs) {
  const int rate = GetParam();
  const auto x = testing::sine(1000.0, std::pow(10.0, -20.0 / 20.0), static_cast<std::size_t>(rate) * 10, rate);
  const double expected = libebur128_lufs(x, rate);
  EXPECT_NEAR(lufs_of(x, rate), expected, 0.02);
  // BS.1770's reference: a -20 dBFS sine near 1 kHz reads about -23 LUFS.
  EXPECT_NEAR(expected, -23.0, 0.1);
}

TEST_P(BlockMeterVsLibebur128, PinkishNoise) {
  const int rate = GetParam();
  const auto x = pinkish_noise(0.1, static_cast<std::size_t>(rate) * 10, rate);
  EXPECT_NEAR(lufs_of(x, rate), libebur128_lufs(x, rate), 0.02);
}

TEST_P(BlockMeterVsLibebur128, SpeechLike) {
  const int rate = GetParam();
  const auto x = speech_like(20.0, rate);
  EXPECT_NEAR(lufs_of(x, rate), libebur128_lufs(x, rate), 0.02);
}

INSTANTIATE_TEST_SUITE_P(BlockMeter, BlockMeterVsLibebur128, ::testing::Values(22050, 44100, 48000),
                         ::testing::PrintToStringParamName());

// The ends of the supported range, and a rate whose 100 ms is not a whole
// number of samples (libebur128 rounds it as BlockMeter does).
class BlockMeterOtherRates : public ::testing::TestWithParam<int> {};

TEST_P(BlockMeterOtherRates, PinkishNoiseAgreesWithLibebur128) {
  const int rate = GetParam();
  const auto x = pinkish_noise(0.1, static_cast<std::size_t>(rate) * 5, rate);
  EXPECT_NEAR(lufs_of(x, rate), libebur128_lufs(x, rate), 0.02);
}

INSTANTIATE_TEST_SUITE_P(BlockMeter, BlockMeterOtherRates, ::testing::Values(8000, 11025, 96000, 192000),
                         ::testing::PrintToStringParamName());

TEST(BlockMeterKWeighting, At48kHzIsThePrintedTable) {
  const auto stages = k_weighting(48000);
  const Biquad& shelf = stages[0];
  const Biquad& highpass = stages[1];
  // ITU-R BS.1770-4, tables 1 and 2.
  EXPECT_NEAR(shelf.b0, 1.53512485958697, 1e-10);
  EXPECT_NEAR(shelf.b1, -2.69169618940638, 1e-10);
  EXPECT_NEAR(shelf.b2, 1.19839281085285, 1e-10);
  EXPECT_NEAR(shelf.a1, -1.69065929318241, 1e-10);
  EXPECT_NEAR(shelf.a2, 0.73248077421585, 1e-10);
  EXPECT_EQ(highpass.b0, 1.0);
  EXPECT_EQ(highpass.b1, -2.0);
  EXPECT_EQ(highpass.b2, 1.0);
  EXPECT_NEAR(highpass.a1, -1.99004745483398, 1e-10);
  EXPECT_NEAR(highpass.a2, 0.99007225036621, 1e-10);
}

// The shelf leaves DC alone and lifts the top by 4 dB; at 22050 Hz its
// pre-warped corner makes the same gain at f0 as at 48 kHz.
TEST(BlockMeterKWeighting, ShelfKeepsItsShapeAt22050Hz) {
  const auto gain_db = [](const Biquad& f, double hz, double rate) {
    const double w = 2.0 * std::numbers::pi * hz / rate;
    const double c1 = std::cos(w), s1 = std::sin(w), c2 = std::cos(2 * w), s2 = std::sin(2 * w);
    const double nr = f.b0 + f.b1 * c1 + f.b2 * c2, ni = -(f.b1 * s1 + f.b2 * s2);
    const double dr = 1.0 + f.a1 * c1 + f.a2 * c2, di = -(f.a1 * s1 + f.a2 * s2);
    return 10.0 * std::log10((nr * nr + ni * ni) / (dr * dr + di * di));
  };
  const Biquad at22 = k_weighting(22050)[0], at48 = k_weighting(48000)[0];
  EXPECT_NEAR(gain_db(at22, 0.0, 22050), 0.0, 1e-9);
  EXPECT_NEAR(gain_db(at22, 1681.97, 22050), gain_db(at48, 1681.97, 48000), 1e-6);
  EXPECT_NEAR(gain_db(at48, 20000.0, 48000), 4.0, 0.1);
}

// The gates, on block mean squares given directly.
TEST(BlockMeterGates, AbsoluteGateIsMinus70Lufs) {
  const double at_minus_70 = std::pow(10.0, (-70.0 + 0.691) / 10.0);
  EXPECT_EQ(gated_lufs(std::vector<double>{0.99 * at_minus_70, 0.0}), -INFINITY);
  EXPECT_NEAR(gated_lufs(std::vector<double>{1.01 * at_minus_70, 0.99 * at_minus_70}),
              -70.0 + 10.0 * std::log10(1.01), 1e-9);
}

TEST(BlockMeterGates, RelativeGateIs10LuBelowTheAbsolutelyGatedLoudness) {
  // Two blocks at -0.691 LUFS and a third: the relative gate sits at a tenth
  // of the mean of all three, 0.0690 for a third block near 0.07.
  const auto with_third = [](double z) { return gated_lufs(std::vector<double>{1.0, z, 1.0}); };
  EXPECT_NEAR(with_third(0.0705), -0.691 + 10.0 * std::log10(2.0705 / 3.0), 1e-12);  // passes
  EXPECT_NEAR(with_third(0.0685), -0.691, 1e-12);                                     // gated out
}

TEST(BlockMeter, SilenceIsMinusInfinity) {
  BlockMeter meter(22050);
  EXPECT_EQ(meter.integrated_lufs(), -INFINITY);
  meter.write(std::vector<float>(22050 * 2, 0.0f));
  ASSERT_EQ(meter.blocks().size(), 17u);  // 2 s = 20 hops, the first block ends at the 4th
  for (const double z : meter.blocks()) EXPECT_EQ(z, 0.0);
  EXPECT_EQ(meter.integrated_lufs(), -INFINITY);
  EXPECT_EQ(gated_lufs({}), -INFINITY);
}

TEST(BlockMeter, BelowTheAbsoluteGateIsMinusInfinity) {
  // About -80 LUFS: every block fails the -70 LUFS gate.
  const auto x = testing::sine(1000.0, std::pow(10.0, -77.0 / 20.0), 22050 * 3, 22050);
  EXPECT_EQ(lufs_of(x, 22050), -INFINITY);
  EXPECT_EQ(libebur128_lufs(x, 22050), -INFINITY);
}

// 5 s of loud noise then 15 s 20 dB quieter: the relative gate drops the quiet
// part, so the result is near the loud part's loudness, not the average.
TEST(BlockMeter, RelativeGateDropsAMuchQuieterPart) {
  constexpr int kRate = 22050;
  auto x = pinkish_noise(0.2, kRate * 20, kRate);
  for (std::size_t i = kRate * 5; i < x.size(); ++i) x[i] *= 0.1f;
  const double gated = lufs_of(x, kRate);
  EXPECT_NEAR(gated, libebur128_lufs(x, kRate), 0.02);
  const std::vector<float> loud(x.begin(), x.begin() + kRate * 5);
  EXPECT_NEAR(gated, lufs_of(loud, kRate), 0.2);
  // Without the relative gate, the quiet 15 s would pull it down by about 5 LU.
  const BlockMeter meter = block_meter_over(x, kRate);
  double sum = 0.0;
  for (const double z : meter.blocks()) sum += z;
  const double ungated = -0.691 + 10.0 * std::log10(sum / static_cast<double>(meter.blocks().size()));
  EXPECT_GT(gated - ungated, 4.0);
}

TEST(BlockMeter, ABlockEvery100MsAfterTheFirst400Ms) {
  // 11025 Hz: 100 ms is 1102.5 samples, rounded to 1103 as libebur128 does.
  BlockMeter meter(11025);
  EXPECT_EQ(meter.hop_samples(), 1103);
  const auto x = testing::noise(0.1, 1103 * 6);
  meter.write(std::span<const float>(x).first(1103 * 4 - 1));
  EXPECT_EQ(meter.blocks().size(), 0u);
  meter.write(std::span<const float>(x).subspan(1103 * 4 - 1, 1));
  EXPECT_EQ(meter.blocks().size(), 1u);
  meter.write(std::span<const float>(x).subspan(1103 * 4, 1103 * 2 - 1));
  meter.finish();  // the partial trailing hop makes no block
  EXPECT_EQ(meter.blocks().size(), 2u);
}

TEST(BlockMeter, PieceSizesDoNotMatter) {
  const auto x = speech_like(5.0, 44100);
  const auto whole = block_meter_over(x, 44100, x.size());
  const auto pieces = block_meter_over(x, 44100, 97);
  ASSERT_EQ(whole.blocks().size(), pieces.blocks().size());
  for (std::size_t i = 0; i < whole.blocks().size(); ++i)
    EXPECT_NEAR(pieces.blocks()[i], whole.blocks()[i], 1e-12 * whole.blocks()[i]) << "block " << i;
}

std::vector<double> joined_blocks(std::span<const float> x, std::size_t seam, int rate) {
  std::vector<double> joined = block_meter_over(x.first(seam), rate).blocks();
  const auto b = block_meter_over(x.subspan(seam), rate);
  joined.insert(joined.end(), b.blocks().begin(), b.blocks().end());
  return joined;
}

// Two parts metered separately, split at arbitrary samples: their blocks,
// gated together, read what one meter over the whole reads. (On uneven
// material the seam matters more; see the tests below.)
TEST(BlockMeter, TwoPartsCombineLikeOneMeter) {
  constexpr int kRate = 22050;
  const auto x = pinkish_noise(0.1, kRate * 20, kRate);
  const std::span<const float> all(x);
  const auto whole = block_meter_over(all, kRate);
  for (const std::size_t seam : {31'337u, 110'251u, 187'313u, 330'750u, 420'000u}) {
    const auto joined = joined_blocks(all, seam, kRate);
    EXPECT_NEAR(gated_lufs(joined), whole.integrated_lufs(), 0.05) << "seam " << seam;
    // What the parts lack are the 4 blocks that straddle the seam (3 when
    // the seam is on the 100 ms grid).
    EXPECT_EQ(joined.size() + (seam % 2205 == 0 ? 3 : 4), whole.blocks().size()) << "seam " << seam;
  }
  // libebur128 combines two of its meters the same way.
  constexpr std::size_t kSeam = 187'313;
  LoudnessMeter a(kRate, 1, PeakMetering::IntegratedOnly), b(kRate, 1, PeakMetering::IntegratedOnly);
  a.add(all.first(kSeam));
  b.add(all.subspan(kSeam));
  EXPECT_NEAR(gated_lufs(joined_blocks(all, kSeam, kRate)), LoudnessMeter::integrated_lufs(a, b), 0.02);
}

// At a seam on the 100 ms grid, the parts' blocks are the whole's blocks
// without the 3 that straddle the seam: A's exactly, B's but for its filters
// starting at rest (a change of about 1e-4 in its first block).
TEST(BlockMeter, TwoPartsSplitOnTheGridLackOnlyTheStraddlingBlocks) {
  constexpr int kRate = 22050;
  const auto x = speech_like(20.0, kRate, 99);
  const std::span<const float> all(x);
  const auto whole = block_meter_over(all, kRate);
  constexpr std::size_t kSeamHops = 123;
  const auto joined = joined_blocks(all, kSeamHops * 2205, kRate);
  std::vector<double> expected = whole.blocks();
  expected.erase(expected.begin() + (kSeamHops - 3), expected.begin() + kSeamHops);
  ASSERT_EQ(joined.size(), expected.size());
  for (std::size_t i = 0; i < joined.size(); ++i) {
    const double tolerance = (i < kSeamHops - 3 ? 1e-12 : 1e-3) * expected[i];
    EXPECT_NEAR(joined[i], expected[i], tolerance) << "block " << i;
  }
  EXPECT_NEAR(gated_lufs(joined), gated_lufs(expected), 1e-3);
}

// On speech, whose pauses put many blocks near the relative gate, where the
// 100 ms grid falls matters for a short programme (0.1-0.2 LU over 20 s) and
// so does where part B's grid starts; over 5 minutes the parts, split
// anywhere, agree with the whole well within 0.05 LU.
TEST(BlockMeter, LongSpeechSplitAnywhereCombinesLikeOneMeter) {
  constexpr int kRate = 22050;
  const auto x = speech_like(300.0, kRate, 99);
  const std::span<const float> all(x);
  const double whole = block_meter_over(all, kRate).integrated_lufs();
  for (const std::size_t seam : {123'457u, 2'000'003u, 4'410'000u, 6'543'210u})
    EXPECT_NEAR(gated_lufs(joined_blocks(all, seam, kRate)), whole, 0.05) << "seam " << seam;
}

// With the audio before the seam as its lead-in, part B's meter makes the
// blocks one meter over the whole makes from there on, wherever the seam is:
// on the grid, off it, and before the first block ends.
TEST(BlockMeter, WithALeadInTwoPartsMakeTheWholesBlocks) {
  constexpr int kRate = 22050;
  const auto x = speech_like(20.0, kRate, 99);
  const std::span<const float> all(x);
  const auto whole = block_meter_over(all, kRate);
  for (const std::size_t seam : {3'000u, 10'000u, 123u * 2205u, 187'313u, 400'001u}) {
    const auto a = block_meter_over(all.first(seam), kRate);
    BlockMeter b(kRate);
    b.lead_in_to(static_cast<std::int64_t>(seam));
    const std::size_t from = seam - b.lead_in_samples(static_cast<std::int64_t>(seam));
    for (std::size_t i = from; i < x.size(); i += 999) b.write(all.subspan(i, std::min<std::size_t>(999, x.size() - i)));
    std::vector<double> joined = a.blocks();
    joined.insert(joined.end(), b.blocks().begin(), b.blocks().end());
    ASSERT_EQ(joined.size(), whole.blocks().size()) << "seam " << seam;
    // In the pauses the blocks hold only the filters' decaying tails (below
    // 1e-30, -300 LUFS), which the two meters cut off at different moments.
    for (std::size_t i = 0; i < joined.size(); ++i)
      EXPECT_NEAR(joined[i], whole.blocks()[i], 1e-9 * whole.blocks()[i] + 1e-30) << "seam " << seam << ", block " << i;
    EXPECT_NEAR(gated_lufs(joined), whole.integrated_lufs(), 1e-9) << "seam " << seam;
  }
}

TEST(BlockMeter, LeadInMisuseIsAUsageError) {
  BlockMeter meter(22050);
  EXPECT_EQ(meter.lead_in_samples(0), 0u);
  EXPECT_EQ(meter.lead_in_samples(5000), 5000u);
  EXPECT_EQ(meter.lead_in_samples(20000), 4u * 2205u + 20000u % 2205u);
  EXPECT_EQ(testing_support::error_from([&] { meter.lead_in_to(-1); }).kind(), ErrorKind::Usage);
  meter.write(std::vector<float>(100, 0.1f));
  EXPECT_EQ(testing_support::error_from([&] { meter.lead_in_to(20000); }).kind(), ErrorKind::Usage);
}

TEST(BlockMeter, IsAnAudioSink) {
  BlockMeter meter(48000);
  AudioSink& sink = meter;
  sink.write(testing::sine(1000.0, 0.1, 48000, 48000));
  sink.finish();
  EXPECT_EQ(meter.blocks().size(), 7u);
  EXPECT_NEAR(meter.integrated_lufs(), -23.0, 0.1);
}

TEST(BlockMeter, RateOutsideTheRangeIsAUsageError) {
  for (const int rate : {0, -48000, 7999, 192001}) {
    const Error e = testing_support::error_from([&] { BlockMeter meter(rate); });
    EXPECT_EQ(e.kind(), ErrorKind::Usage) << rate;
    EXPECT_NE(e.message().find(std::to_string(rate)), std::string::npos) << e.message();
  }
  EXPECT_NO_THROW(BlockMeter(8000));
  EXPECT_NO_THROW(BlockMeter(192000));
}

}  // namespace
}  // namespace readaloud
