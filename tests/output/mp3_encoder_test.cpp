// The direct-LAME MP3 encoder: exact decoded length, seamless chunk joins,
// an Info tag that describes the whole stream, and agreement with LAME itself.

#include "output/mp3_encoder.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <numbers>
#include <vector>

#include "output/audio_writer.hpp"
#include "output/tag_writer.hpp"
#include "output_test_support.hpp"
#include "util/error.hpp"

#include <lame/lame.h>

namespace readaloud {
namespace {

using test::ScratchDir;

// CRC-16/ARC check value: the CRC LAME uses for its tag and music CRCs.
TEST(LameCrc16, MatchesTheArcCheckValue) {
  const std::string s = "123456789";
  EXPECT_EQ(lame_crc16(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(s.data()), s.size())),
            0xBB3D);
}

TEST(Mp3InfoTag, RejectsAFrameWithoutATag) {
  std::vector<std::uint8_t> frame(208, 0);
  frame[0] = 0xFF;
  frame[1] = 0xF3;  // MPEG-2 Layer III, no CRC
  frame[2] = 0x84;  // 64 kbps, 22050 Hz
  frame[3] = 0xC4;  // mono
  Mp3InfoTag tag;
  EXPECT_FALSE(read_mp3_info_tag(frame, tag));
  EXPECT_FALSE(read_mp3_info_tag(std::vector<std::uint8_t>{0x49, 0x44, 0x33}, tag));
}


std::vector<std::uint8_t> read_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A speech-like test signal: a 1 kHz tone under slowly varying noise, with a
// few silent stretches, so that frames differ from one another.
std::vector<float> test_signal(std::size_t n, int rate) {
  std::vector<float> x(n);
  std::uint32_t seed = 99;
  for (std::size_t i = 0; i < n; ++i) {
    seed = seed * 1664525u + 1013904223u;
    const double t = static_cast<double>(i) / rate;
    const double envelope = std::fmod(t, 1.3) < 1.0 ? 0.5 + 0.4 * std::sin(2.0 * std::numbers::pi * 3.0 * t) : 0.0;
    const double noise = static_cast<double>(seed) / 4294967296.0 - 0.5;
    x[i] = static_cast<float>(envelope * (0.5 * std::sin(2.0 * std::numbers::pi * 1000.0 * t) + 0.3 * noise));
  }
  return x;
}

void encode(const std::filesystem::path& path, const std::vector<float>& x, int rate, const Mp3Tuning& tuning,
            std::size_t block = 3000) {
  auto sink = open_mp3_encoder(path, rate, 64, tuning);
  for (std::size_t i = 0; i < x.size(); i += block)
    sink->write(std::span<const float>(x).subspan(i, std::min(block, x.size() - i)));
  sink->finish();
}

std::size_t decoded_samples(const std::filesystem::path& path, int rate) {
  return test::decode(path, rate).size();
}

// Frames after the tag frame, parsed one header at a time.
std::size_t count_frames(const std::vector<std::uint8_t>& file, std::size_t from) {
  std::size_t frames = 0;
  while (from + 4 <= file.size()) {
    const std::uint8_t* h = file.data() + from;
    EXPECT_EQ(h[0], 0xFF);
    if (h[0] != 0xFF) break;
    const bool mpeg1 = ((h[1] >> 3) & 3) == 3;
    static constexpr int kMpeg1[] = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    static constexpr int kMpeg2[] = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    static constexpr int kRates[4][3] = {{11025, 12000, 8000}, {0, 0, 0}, {22050, 24000, 16000}, {44100, 48000, 32000}};
    const int kbps = (mpeg1 ? kMpeg1 : kMpeg2)[h[2] >> 4];
    const int rate = kRates[(h[1] >> 3) & 3][(h[2] >> 2) & 3];
    from += static_cast<std::size_t>((mpeg1 ? 144 : 72) * kbps * 1000 / rate + ((h[2] >> 1) & 1));
    ++frames;
  }
  EXPECT_EQ(from, file.size());
  return frames;
}

struct Shape {
  int rate;
  std::size_t samples;
};

class Mp3Length : public testing::TestWithParam<Shape> {};

// Chunks of 1 s on two threads: several seams, lengths that are not whole
// frames, and streams shorter than a chunk, a frame, or empty.
TEST_P(Mp3Length, DecodesToExactlyTheSamplesWritten) {
  ScratchDir dir;
  const auto [rate, n] = GetParam();
  const auto path = dir.path / "x.mp3";
  encode(path, test_signal(n, rate), rate, Mp3Tuning{7, 2, 1.0});
  // An empty stream still holds LAME's two frames of delay and padding; with
  // no audio left to trim, ffmpeg passes its own 529-sample decoder delay, as
  // it does for the lame command's file of an empty WAV.
  EXPECT_EQ(decoded_samples(path, rate), n == 0 ? 529u : n);

  const auto file = read_bytes(path);
  Mp3InfoTag tag;
  ASSERT_TRUE(read_mp3_info_tag(file, tag));
  const std::size_t frame_samples = rate >= 32000 ? 1152 : 576;
  const std::size_t tag_bytes = (rate >= 32000 ? 144 : 72) * 64000 / static_cast<std::size_t>(rate);
  EXPECT_EQ(tag.frames, count_frames(file, tag_bytes));
  EXPECT_EQ(tag.bytes, file.size());
  EXPECT_EQ(tag.music_length, file.size());
  EXPECT_EQ(tag.encoder_delay, 576);
  EXPECT_EQ(static_cast<std::size_t>(tag.encoder_delay + tag.padding) + n, tag.frames * frame_samples);
  EXPECT_EQ(tag.music_crc, lame_crc16(std::span<const std::uint8_t>(file).subspan(tag_bytes)));
  EXPECT_TRUE(tag.tag_crc_ok);
}

INSTANTIATE_TEST_SUITE_P(All, Mp3Length,
                         testing::Values(Shape{22050, 22050 * 5 + 123}, Shape{22050, 22050 * 3},
                                         Shape{44100, 44100 * 3 + 1000}, Shape{16000, 16000 * 4 + 7},
                                         Shape{22050, 10000}, Shape{22050, 300}, Shape{22050, 0}),
                         [](const auto& info) {
                           return std::to_string(info.param.rate) + "Hz_" + std::to_string(info.param.samples);
                         });

// Seams between chunks: a steady 1 kHz sine across seven chunk joins decodes
// with its level steady in every 5 ms window (a dropped, doubled or badly
// started frame shows as a dip or a burst), and close to the input.
TEST(Mp3Encoder, ChunkJoinsAreSeamless) {
  ScratchDir dir;
  const int rate = 22050;
  const std::size_t n = static_cast<std::size_t>(rate) * 8;
  std::vector<float> x(n);
  for (std::size_t i = 0; i < n; ++i)
    x[i] = static_cast<float>(0.5 * std::sin(2.0 * std::numbers::pi * 1000.0 * static_cast<double>(i) / rate));
  const auto path = dir.path / "sine.mp3";
  encode(path, x, rate, Mp3Tuning{7, 2, 1.0});
  const auto y = test::decode(path, rate);
  ASSERT_EQ(y.size(), n);
  const double expected_rms = 0.5 / std::sqrt(2.0);
  const std::size_t window = static_cast<std::size_t>(rate) / 200;  // 5 ms
  double worst = 0.0;
  for (std::size_t start = window; start + 2 * window <= n; start += window / 2) {
    double sum = 0.0;
    for (std::size_t i = start; i < start + window; ++i) sum += static_cast<double>(y[i]) * y[i];
    const double rms = std::sqrt(sum / static_cast<double>(window));
    worst = std::max(worst, std::abs(20.0 * std::log10(rms / expected_rms)));
  }
  EXPECT_LT(worst, 0.5) << "dB off the sine's level in the worst 5 ms window";
  // The decoded sine lines up with the input sample for sample (no shift).
  double err = 0.0;
  for (std::size_t i = window; i + window < n; ++i) err += std::pow(static_cast<double>(y[i]) - x[i], 2.0);
  const double snr_db = 10.0 * std::log10(expected_rms * expected_rms * static_cast<double>(n - 2 * window) / err);
  EXPECT_GT(snr_db, 20.0);
}

// Deterministic whatever the threading: one thread and two give the same file.
TEST(Mp3Encoder, ThreadsDoNotChangeTheOutput) {
  ScratchDir dir;
  const auto x = test_signal(22050 * 4 + 77, 22050);
  encode(dir.path / "one.mp3", x, 22050, Mp3Tuning{7, 1, 1.0});
  encode(dir.path / "two.mp3", x, 22050, Mp3Tuning{7, 2, 1.0}, 999);
  EXPECT_EQ(read_bytes(dir.path / "one.mp3"), read_bytes(dir.path / "two.mp3"));
}

// With one chunk the encoder is LAME itself: the same audio frames byte for
// byte, and the same Info tag fields as lame_get_lametag_frame() writes.
TEST(Mp3Encoder, OneChunkMatchesLameItself) {
  ScratchDir dir;
  const int rate = 22050;
  const auto x = test_signal(static_cast<std::size_t>(rate) * 3 + 55, rate);
  const auto path = dir.path / "ours.mp3";
  encode(path, x, rate, Mp3Tuning{7, 1, 3600.0});
  const auto ours = read_bytes(path);

  lame_global_flags* gf = lame_init();
  lame_set_num_channels(gf, 1);
  lame_set_in_samplerate(gf, rate);
  lame_set_out_samplerate(gf, rate);
  lame_set_mode(gf, MONO);
  lame_set_VBR(gf, vbr_off);
  lame_set_brate(gf, 64);
  lame_set_quality(gf, 7);
  lame_set_disable_reservoir(gf, 1);
  lame_set_bWriteVbrTag(gf, 1);
  ASSERT_GE(lame_init_params(gf), 0);
  std::vector<unsigned char> lame(x.size() * 2 + 7200);
  int used = lame_encode_buffer_ieee_float(gf, x.data(), x.data(), static_cast<int>(x.size()), lame.data(),
                                           static_cast<int>(lame.size()));
  ASSERT_GE(used, 0);
  used += lame_encode_flush(gf, lame.data() + used, static_cast<int>(lame.size()) - used);
  lame.resize(static_cast<std::size_t>(used));
  std::vector<std::uint8_t> lame_tag(lame_get_lametag_frame(gf, nullptr, 0));
  ASSERT_EQ(lame_get_lametag_frame(gf, lame_tag.data(), lame_tag.size()), lame_tag.size());
  lame_close(gf);
  std::copy(lame_tag.begin(), lame_tag.end(), lame.begin());

  ASSERT_EQ(ours.size(), lame.size());
  EXPECT_TRUE(std::equal(ours.begin() + static_cast<std::ptrdiff_t>(lame_tag.size()), ours.end(),
                         lame.begin() + static_cast<std::ptrdiff_t>(lame_tag.size())));
  Mp3InfoTag a, b;
  ASSERT_TRUE(read_mp3_info_tag(ours, a));
  ASSERT_TRUE(read_mp3_info_tag(lame, b));
  EXPECT_TRUE(b.tag_crc_ok);  // our CRC agrees with LAME's
  EXPECT_TRUE(a.tag_crc_ok);
  EXPECT_EQ(a.frames, b.frames);
  EXPECT_EQ(a.bytes, b.bytes);
  EXPECT_EQ(a.encoder_delay, b.encoder_delay);
  EXPECT_EQ(a.padding, b.padding);
  EXPECT_EQ(a.music_length, b.music_length);
  EXPECT_EQ(a.music_crc, b.music_crc);
  // Everything before the seek table (header, side info, "Info", flags,
  // counts) and after it up to the CRCs is identical too.
  const std::size_t x_at = 4 + 9;
  EXPECT_TRUE(std::equal(ours.begin(), ours.begin() + static_cast<std::ptrdiff_t>(x_at + 16), lame.begin()));
  EXPECT_TRUE(std::equal(ours.begin() + static_cast<std::ptrdiff_t>(x_at + 116),
                         ours.begin() + static_cast<std::ptrdiff_t>(x_at + 116 + 34),
                         lame.begin() + static_cast<std::ptrdiff_t>(x_at + 116)));
}

// TagLib puts the ID3v2 tag (chapters) in front of the Info frame; decoders
// still find the frame and trim to the exact length.
TEST(Mp3Encoder, InfoTagSurvivesId3Chapters) {
  ScratchDir dir;
  const int rate = 22050;
  Timeline timeline;
  const auto x = test::programme(rate, timeline);
  const auto path = dir.path / "tagged.mp3";
  {
    auto sink = open_audio_writer(path, EncodeOptions{AudioFormat::Mp3, rate, 64});
    sink->write(x);
    sink->finish();
  }
  write_tags(path, AudioFormat::Mp3, Metadata{}, timeline);
  const auto file = read_bytes(path);
  ASSERT_GT(file.size(), 10u);
  ASSERT_EQ(std::string(file.begin(), file.begin() + 3), "ID3");
  const std::size_t id3 = 10 + ((file[6] & 0x7Fu) << 21 | (file[7] & 0x7Fu) << 14 | (file[8] & 0x7Fu) << 7 | (file[9] & 0x7Fu));
  Mp3InfoTag tag;
  ASSERT_TRUE(read_mp3_info_tag(std::span<const std::uint8_t>(file).subspan(id3), tag));
  EXPECT_EQ(tag.bytes, file.size() - id3);
  EXPECT_EQ(decoded_samples(path, rate), x.size());
}

TEST(Mp3Encoder, RejectsWhatMp3CannotCarry) {
  ScratchDir dir;
  const auto path = dir.path / "x.mp3";
  const auto usage = [&](int rate, int kbps, const Mp3Tuning& t, const std::string& text) {
    try {
      open_mp3_encoder(path, rate, kbps, t);
      ADD_FAILURE() << "no error for " << rate << " Hz, " << kbps << " kbps";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::Usage);
      EXPECT_EQ(e.message(), text);
    }
  };
  usage(22000, 64, {}, "MP3 needs a sample rate of 8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100 or 48000 Hz, not 22000 (resample first)");
  usage(22050, 192, {}, "MP3 at 22050 Hz needs a bitrate of 8 to 160 kbps, not 192");
  usage(44100, 16, {}, "MP3 at 44100 Hz needs a bitrate of 32 to 320 kbps, not 16");
  usage(22050, 64, Mp3Tuning{10, 2, 10.0}, "MP3 encoder quality must be 0 to 9, not 10");
  EXPECT_FALSE(std::filesystem::exists(path));
}


}  // namespace
}  // namespace readaloud
