#include "audio/resampler.hpp"

#include <gtest/gtest.h>

#include "audio/vector_sink.hpp"
#include "test_signals.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

std::vector<float> run(const std::vector<float>& in, int from, int to, std::size_t block) {
  VectorSink sink;
  Resampler r(sink, from, to);
  for (std::size_t i = 0; i < in.size(); i += block)
    r.write(std::span<const float>(in).subspan(i, std::min(block, in.size() - i)));
  r.finish();
  EXPECT_TRUE(sink.finished);
  return sink.samples;
}

TEST(Resampler, DoublesTheRateWithExactLength) {
  const auto x = testing::sine(440.0, 0.5, 22050 * 2, 22050);
  const auto y = run(x, 22050, 44100, 1000);
  ASSERT_EQ(y.size(), 88200u);
  // 440 Hz over the middle second: 440 upward zero crossings.
  EXPECT_EQ(testing::upward_zero_crossings(y, 22060, 22060 + 44100), 440u);
  // Level kept, no start-up delay: the output is the same sine at the new rate.
  const auto expected = testing::sine(440.0, 0.5, 88200, 44100);
  for (std::size_t i = 2000; i < 86000; i += 997) EXPECT_NEAR(y[i], expected[i], 0.01) << i;
}

TEST(Resampler, ExactLengthForAwkwardRatios) {
  const auto x = testing::noise(0.3, 10007);
  EXPECT_EQ(run(x, 22050, 48000, 333).size(), 21784u);  // round(21783.95)
}

TEST(Resampler, DownsamplesWithExactLength) {
  const auto x = testing::sine(440.0, 0.5, 48000, 48000);
  const auto y = run(x, 48000, 22050, 4096);
  ASSERT_EQ(y.size(), 22050u);
  EXPECT_EQ(testing::upward_zero_crossings(y, 0, y.size()), 439u);
}

TEST(Resampler, SameRatePassesThrough) {
  const auto x = testing::noise(0.3, 5000);
  EXPECT_EQ(run(x, 22050, 22050, 700), x);
}

TEST(Resampler, EmptyStream) {
  EXPECT_TRUE(run({}, 22050, 44100, 100).empty());
}

TEST(Resampler, RejectsBadRates) {
  VectorSink sink;
  EXPECT_THROW(Resampler(sink, 0, 44100), Error);
}

}  // namespace
}  // namespace readaloud
