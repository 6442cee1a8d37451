#include "output/wav_pcm.hpp"

#include <gtest/gtest.h>
#include <sndfile.h>

#include <cmath>
#include <vector>

#include "output/output_test_support.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

std::vector<float> ramp(std::size_t n) {
  std::vector<float> x(n);
  for (std::size_t i = 0; i < n; ++i) x[i] = static_cast<float>(static_cast<int>(i % 2001) - 1000) / 1024.0f;
  return x;  // every value a whole number of 16-bit steps, up to +-0.98
}

std::vector<short> read_wav(const std::filesystem::path& path, SF_INFO& info) {
  SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
  EXPECT_NE(f, nullptr) << sf_strerror(nullptr);
  if (!f) return {};
  std::vector<short> samples(static_cast<std::size_t>(info.frames));
  EXPECT_EQ(sf_readf_short(f, samples.data(), info.frames), info.frames);
  sf_close(f);
  return samples;
}

TEST(WavFromSpill, HeaderAndSamplesOnEveryThreadCount) {
  test::ScratchDir dir;
  SpillFile spill;
  const std::vector<float> x = ramp(300001);  // odd, and not a multiple of any block
  spill.write(x);
  spill.flush();
  for (int threads : {1, 2, 3}) {
    const auto path = dir.path / ("out" + std::to_string(threads) + ".wav");
    write_wav_from_spill(path, spill, 1.0f, 22050, threads);
    SF_INFO info{};
    const std::vector<short> got = read_wav(path, info);
    EXPECT_EQ(info.samplerate, 22050);
    EXPECT_EQ(info.channels, 1);
    EXPECT_EQ(info.format, SF_FORMAT_WAV | SF_FORMAT_PCM_16);
    ASSERT_EQ(got.size(), x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
      ASSERT_EQ(got[i], static_cast<short>(std::lround(x[i] * 32768.0f))) << "sample " << i << ", " << threads << " threads";
    EXPECT_EQ(std::filesystem::file_size(path), 44 + 2 * x.size());
  }
}

TEST(WavFromSpill, ScaleIsAppliedAndRounded) {
  test::ScratchDir dir;
  SpillFile spill;
  const std::vector<float> x = ramp(5000);
  spill.write(x);
  spill.flush();
  const auto path = dir.path / "half.wav";
  write_wav_from_spill(path, spill, 0.5f, 16000, 2);
  SF_INFO info{};
  const std::vector<short> got = read_wav(path, info);
  ASSERT_EQ(got.size(), x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double half = x[i] * 32768.0 * 0.5;
    EXPECT_EQ(got[i], static_cast<short>(half >= 0 ? std::floor(half + 0.5) : std::ceil(half - 0.5))) << i;
  }
}

TEST(WavFromSpill, UnwritableFolderNamesTheFile) {
  SpillFile spill;
  spill.write(ramp(100));
  spill.flush();
  try {
    write_wav_from_spill("/nonexistent-folder/x.wav", spill, 1.0f, 22050, 2);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Runtime);
    EXPECT_EQ(e.where().file, "/nonexistent-folder/x.wav");
  }
}

}  // namespace
}  // namespace readaloud
