#include "audio/tone.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "test_signals.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

TEST(Earcon, LengthPeakAndFades) {
  const Earcon e;  // 880 Hz then 660 Hz, 120 ms each, 30 ms gap, 10 ms fades, -12 dBFS
  const std::vector<float> x = make_earcon(e, 22050);
  ASSERT_EQ(x.size(), 2646u + 662u + 2646u);
  EXPECT_NEAR(testing::peak_dbfs(x), -12.0, 0.1);
  // Fades: each tone starts and ends at silence.
  EXPECT_EQ(x.front(), 0.0f);
  EXPECT_LT(std::abs(x.back()), 1e-3f);
  EXPECT_LT(std::abs(x[2645]), 1e-3f);
  EXPECT_EQ(x[2646 + 662], 0.0f);  // the second tone starts from zero
  // The gap is silent.
  for (std::size_t i = 2646; i < 2646 + 662; ++i) ASSERT_EQ(x[i], 0.0f) << i;
  // No click: no step larger than a full-level 880 Hz sine can make.
  const double amplitude = std::pow(10.0, -12.0 / 20.0);
  const double max_step = amplitude * 2.0 * std::numbers::pi * 880.0 / 22050.0 * 1.01;
  for (std::size_t i = 1; i < x.size(); ++i) ASSERT_LE(std::abs(x[i] - x[i - 1]), max_step) << i;
  // The first 10 ms rise smoothly: the first millisecond stays well below full level.
  for (std::size_t i = 0; i < 22; ++i) EXPECT_LT(std::abs(x[i]), amplitude * 0.05);
}

TEST(Earcon, TonesHaveTheirPitch) {
  Earcon e;
  e.tones_hz = {1000.0};
  e.tone_ms = 1000;
  e.fade_ms = 0;
  const std::vector<float> x = make_earcon(e, 44100);
  ASSERT_EQ(x.size(), 44100u);
  EXPECT_EQ(testing::upward_zero_crossings(x, 0, x.size()), 999u);  // starts at 0 rising
}

TEST(Earcon, RejectsImpossibleSettings) {
  Earcon e;
  e.tones_hz = {12000.0};  // above Nyquist at 22050 Hz
  EXPECT_THROW(make_earcon(e, 22050), Error);
  e.tones_hz = {440.0};
  e.level_dbfs = 3.0;
  EXPECT_THROW(make_earcon(e, 22050), Error);
  e.level_dbfs = -6.0;
  e.tone_ms = -1;
  EXPECT_THROW(make_earcon(e, 22050), Error);
}

TEST(Earcon, FadeLongerThanHalfAToneIsShortened) {
  Earcon e;
  e.tones_hz = {440.0};
  e.tone_ms = 20;
  e.fade_ms = 50;
  const std::vector<float> x = make_earcon(e, 22050);
  ASSERT_EQ(x.size(), 441u);
  EXPECT_NEAR(testing::peak_dbfs(x), -12.0, 1e-4);
  EXPECT_EQ(x.front(), 0.0f);
}

}  // namespace
}  // namespace readaloud
