#include "audio/pcm.hpp"

#include <gtest/gtest.h>

namespace readaloud {
namespace {

TEST(Pcm, Int16ToFloatAppendsScaled) {
  std::vector<float> out = {0.5f};
  const std::vector<std::int16_t> in = {0, 16384, -32768, 32767, -1};
  int16_to_float(in, out);
  EXPECT_EQ(out, (std::vector<float>{0.5f, 0.0f, 0.5f, -1.0f, 32767.0f / 32768.0f, -1.0f / 32768.0f}));
}

TEST(Pcm, SilenceAndDurations) {
  std::vector<float> out = {1.0f};
  append_silence(3, out);
  EXPECT_EQ(out, (std::vector<float>{1.0f, 0.0f, 0.0f, 0.0f}));
  EXPECT_EQ(ms_to_samples(1000, 22050), 22050u);
  EXPECT_EQ(ms_to_samples(120, 22050), 2646u);
  EXPECT_EQ(ms_to_samples(1, 22050), 22u);  // 22.05 rounds down
  EXPECT_EQ(ms_to_samples(0, 22050), 0u);
  EXPECT_EQ(ms_to_samples(-5, 22050), 0u);
}

}  // namespace
}  // namespace readaloud
