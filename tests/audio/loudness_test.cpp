#include "audio/loudness.hpp"

#include <gtest/gtest.h>
#include <sndfile.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "audio/limiter.hpp"
#include "test_signals.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

// BS.1770: a 1 kHz sine in one channel reads its RMS level (-3.01 dB below its
// peak) plus the K-weighting gain at 1 kHz (+0.69 dB) minus 0.691: a sine
// with a peak of -20 dBFS measures -23.0 LUFS.
TEST(LoudnessMeter, SineAtMinus20DbfsIsMinus23Lufs) {
  LoudnessMeter meter(48000);
  const auto x = testing::sine(1000.0, std::pow(10.0, -20.0 / 20.0), 48000 * 5, 48000);
  // Fed in uneven blocks, as a stream would be.
  for (std::size_t i = 0; i < x.size(); i += 1234)
    meter.add(std::span<const float>(x).subspan(i, std::min<std::size_t>(1234, x.size() - i)));
  EXPECT_NEAR(meter.integrated_lufs(), -23.0, 0.5);
  EXPECT_NEAR(meter.true_peak_dbtp(), -20.0, 0.1);
}

TEST(LoudnessMeter, SameAt22050Hz) {
  LoudnessMeter meter(22050);
  meter.add(testing::sine(1000.0, 0.1, 22050 * 5, 22050));
  EXPECT_NEAR(meter.integrated_lufs(), -23.0, 0.5);
}

// The render's meter: the same integrated loudness as the full meter, to the
// hundredth of a dB, and no true peak.
TEST(LoudnessMeter, IntegratedOnlyReadsTheSameLoudness) {
  LoudnessMeter full(22050);
  LoudnessMeter integrated(22050, 1, PeakMetering::IntegratedOnly);
  const auto x = testing::noise(0.3, 22050 * 4);
  full.add(x);
  integrated.add(x);
  EXPECT_NEAR(integrated.integrated_lufs(), full.integrated_lufs(), 0.01);
  try {
    (void)integrated.true_peak_dbtp();
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Usage);
  }
}

TEST(LoudnessMeter, SixDbLouderReadsSixLufsMore) {
  LoudnessMeter quiet(22050), loud(22050);
  quiet.add(testing::noise(0.1, 22050 * 4));
  loud.add(testing::noise(0.2, 22050 * 4));
  EXPECT_NEAR(loud.integrated_lufs() - quiet.integrated_lufs(), 20.0 * std::log10(2.0), 0.05);
}

TEST(LoudnessMeter, SilenceIsMinusInfinity) {
  LoudnessMeter meter(22050);
  EXPECT_EQ(meter.integrated_lufs(), -INFINITY);
  meter.add(std::vector<float>(22050 * 2, 0.0f));
  EXPECT_EQ(meter.integrated_lufs(), -INFINITY);
  EXPECT_EQ(meter.true_peak_dbtp(), -INFINITY);
}

TEST(LoudnessGain, ToTarget) {
  EXPECT_DOUBLE_EQ(loudness_gain_db(-23.0, -16.0), 7.0);
  EXPECT_DOUBLE_EQ(loudness_gain_db(-10.0, -16.0), -6.0);
  EXPECT_DOUBLE_EQ(loudness_gain_db(-INFINITY, -16.0), 0.0);
}

class TempDir {
 public:
  TempDir() : path_(std::filesystem::temp_directory_path() / ("readaloud-audio-test-" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

TEST(MeasureFile, ReadsAWavWrittenWithLibsndfile) {
  TempDir dir;
  const auto file = dir.path() / "sine.wav";
  SF_INFO info{};
  info.samplerate = 44100;
  info.channels = 1;
  info.format = SF_FORMAT_WAV | SF_FORMAT_FLOAT;
  SNDFILE* out = sf_open(file.c_str(), SFM_WRITE, &info);
  ASSERT_NE(out, nullptr) << sf_strerror(nullptr);
  const auto x = testing::sine(1000.0, std::pow(10.0, -20.0 / 20.0), 44100 * 4, 44100);
  ASSERT_EQ(sf_write_float(out, x.data(), static_cast<sf_count_t>(x.size())), static_cast<sf_count_t>(x.size()));
  sf_close(out);
  const LoudnessReading r = measure_file(file);
  EXPECT_NEAR(r.integrated_lufs, -23.0, 0.5);
  EXPECT_NEAR(r.true_peak_dbtp, -20.0, 0.1);
}

TEST(MeasureFile, MissingFileIsARuntimeError) {
  try {
    measure_file("/nonexistent/readaloud/none.wav");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Runtime);
    EXPECT_NE(e.message().find("/nonexistent/readaloud/none.wav"), std::string::npos);
  }
}

}  // namespace
}  // namespace readaloud
