// The chunked encoders (FLAC, Opus, Vorbis, M4B): exact decoded length, one valid
// stream as the reference tools see it, and chunk joins that decode without
// a jump the one-chunk encode does not show.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <numbers>
#include <string>
#include <vector>

#include <chrono>
#include <stdexcept>
#include <thread>

#include "output/audio_writer.hpp"
#include "output/chunked_encoder.hpp"
#include "output/flac_encoder.hpp"
#include "output_test_support.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

using test::ScratchDir;

std::vector<std::uint8_t> read_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Speech-like: a tone under slowly varying noise, with silent stretches.
std::vector<float> test_signal(std::size_t n, int rate) {
  std::vector<float> x(n);
  std::uint32_t seed = 7;
  for (std::size_t i = 0; i < n; ++i) {
    seed = seed * 1664525u + 1013904223u;
    const double t = static_cast<double>(i) / rate;
    const double envelope = std::fmod(t, 1.3) < 1.0 ? 0.5 + 0.4 * std::sin(2.0 * std::numbers::pi * 3.0 * t) : 0.0;
    const double noise = static_cast<double>(seed) / 4294967296.0 - 0.5;
    x[i] = static_cast<float>(envelope * (0.5 * std::sin(2.0 * std::numbers::pi * 440.0 * t) + 0.2 * noise));
  }
  return x;
}

void encode(const std::filesystem::path& path, const std::vector<float>& x, AudioFormat format, int rate,
            int threads, double chunk_seconds) {
  EncodeOptions o{format, rate, 64, threads, chunk_seconds};
  auto sink = open_audio_writer(path, o);
  for (std::size_t i = 0; i < x.size(); i += 2999)
    sink->write(std::span<const float>(x).subspan(i, std::min<std::size_t>(2999, x.size() - i)));
  sink->finish();
}

bool tool_accepts(const std::string& command) { return std::system((command + " >/dev/null 2>&1").c_str()) == 0; }

struct Case {
  AudioFormat format;
  int rate;
  std::size_t samples;
};

std::string name(const Case& c) {
  return std::string(extension(c.format)) + "_" + std::to_string(c.rate) + "Hz_" + std::to_string(c.samples);
}

class ChunkedLength : public testing::TestWithParam<Case> {};

// Chunks of 1 s on two threads: several joins, a stream shorter than a
// chunk, shorter than one frame, and empty.
TEST_P(ChunkedLength, DecodesToTheSamplesWritten) {
  ScratchDir dir;
  const Case c = GetParam();
  const auto path = dir.path / (std::string("x.") + extension(c.format));
  encode(path, test_signal(c.samples, c.rate), c.format, c.rate, 2, 1.0);
  std::size_t decoded = test::decode(path, c.rate).size();
  if (c.format == AudioFormat::Ogg) {
    // ffmpeg does not trim the end of a stream whose audio fits on its first
    // page (its own libvorbis output decodes long there too); the reference
    // decoder does.
    decoded = test::run("oggdec --quiet --raw --output - " + test::quote(path)).size() / 2;
  }
  if (c.format == AudioFormat::M4b) {
    // ffmpeg trims the priming (the edit list) but not the last frame's padding.
    EXPECT_GE(decoded, c.samples);
    EXPECT_LT(decoded, c.samples + 1024);
  } else {
    EXPECT_EQ(decoded, c.samples);
  }
  if (c.format == AudioFormat::Flac) {
    EXPECT_TRUE(tool_accepts("flac -t -s " + test::quote(path)));
  }
  if (c.format == AudioFormat::Opus) {
    EXPECT_TRUE(tool_accepts("opusdec --quiet " + test::quote(path) + " /dev/null"));
  }
}

INSTANTIATE_TEST_SUITE_P(All, ChunkedLength,
                         testing::Values(Case{AudioFormat::Flac, 22050, 22050 * 4 + 321}, Case{AudioFormat::Flac, 44100, 5000},
                                         Case{AudioFormat::Flac, 22050, 0}, Case{AudioFormat::Opus, 48000, 48000 * 4 + 77},
                                         Case{AudioFormat::Opus, 24000, 24000 * 3}, Case{AudioFormat::Opus, 48000, 100},
                                         Case{AudioFormat::Opus, 48000, 0}, Case{AudioFormat::M4b, 22050, 22050 * 4 + 99},
                                         Case{AudioFormat::M4b, 44100, 700}, Case{AudioFormat::Ogg, 22050, 22050 * 4 + 321},
                                         Case{AudioFormat::Ogg, 44100, 44100 * 3}, Case{AudioFormat::Ogg, 22050, 100}),
                         [](const auto& info) { return name(info.param); });

// The largest sample-to-sample step within two frames of each join.
double worst_step_at_joins(const std::vector<float>& y, std::size_t chunk, std::size_t reach) {
  double worst = 0.0;
  for (std::size_t join = chunk; join + reach + 1 < y.size(); join += chunk)
    for (std::size_t i = join - reach; i < join + reach; ++i)
      worst = std::max(worst, static_cast<double>(std::fabs(y[i + 1] - y[i])));
  return worst;
}

class ChunkJoins : public testing::TestWithParam<Case> {};

// A steady tone across seven joins: the chunked encode steps no further from
// sample to sample at the joins than the one-chunk encode does there, keeps
// the tone's level in every 5 ms window (a dropped, doubled or badly primed
// frame shows as a dip or a burst), and stays as close to the input.
TEST_P(ChunkJoins, AreSeamless) {
  ScratchDir dir;
  const Case c = GetParam();
  std::vector<float> x(c.samples);
  for (std::size_t i = 0; i < x.size(); ++i)
    x[i] = static_cast<float>(0.5 * std::sin(2.0 * std::numbers::pi * 440.0 * static_cast<double>(i) / c.rate));
  const std::string ext = extension(c.format);
  encode(dir.path / ("one." + ext), x, c.format, c.rate, 1, 3600.0);
  encode(dir.path / ("many." + ext), x, c.format, c.rate, 2, 1.0);
  const auto one = test::decode(dir.path / ("one." + ext), c.rate);
  const auto many = test::decode(dir.path / ("many." + ext), c.rate);
  ASSERT_GE(many.size(), x.size());
  ASSERT_EQ(one.size(), many.size());

  const std::size_t frame = c.format == AudioFormat::Flac ? 4096 : c.format == AudioFormat::Opus ? c.rate / 50 : 1024;
  const auto chunk = static_cast<std::size_t>(std::llround(static_cast<double>(c.rate) / frame)) * frame;
  EXPECT_LE(worst_step_at_joins(many, chunk, 2 * frame), 1.05 * worst_step_at_joins(one, chunk, 2 * frame));

  const std::size_t window = static_cast<std::size_t>(c.rate) / 200;
  const double expected_rms = 0.5 / std::sqrt(2.0);
  double worst_db = 0.0, err_one = 0.0, err_many = 0.0;
  for (std::size_t start = window; start + 2 * window <= x.size(); start += window / 2) {
    double sum = 0.0;
    for (std::size_t i = start; i < start + window; ++i) sum += static_cast<double>(many[i]) * many[i];
    worst_db = std::max(worst_db, std::abs(20.0 * std::log10(std::sqrt(sum / static_cast<double>(window)) / expected_rms)));
  }
  for (std::size_t i = window; i + window < x.size(); ++i) {
    err_one += std::pow(static_cast<double>(one[i]) - x[i], 2.0);
    err_many += std::pow(static_cast<double>(many[i]) - x[i], 2.0);
  }
  EXPECT_LT(worst_db, 0.5) << "dB off the tone's level in the worst 5 ms window";
  EXPECT_LT(err_many, 1.5 * err_one + 1e-9) << "the chunked encode is further from the input";
}

INSTANTIATE_TEST_SUITE_P(All, ChunkJoins,
                         testing::Values(Case{AudioFormat::Flac, 22050, 22050 * 8}, Case{AudioFormat::Opus, 48000, 48000 * 8},
                                         Case{AudioFormat::M4b, 22050, 22050 * 8}, Case{AudioFormat::Ogg, 22050, 22050 * 8}),
                         [](const auto& info) { return name(info.param); });

// FLAC: lossless across joins (the decoded samples are the 16-bit input), the
// same file from one thread and two, and a STREAMINFO for the whole stream.
TEST(FlacEncoder, LosslessAndDeterministic) {
  ScratchDir dir;
  const int rate = 22050;
  const auto x = test_signal(static_cast<std::size_t>(rate) * 5 + 11, rate);
  encode(dir.path / "one.flac", x, AudioFormat::Flac, rate, 1, 1.0);
  encode(dir.path / "two.flac", x, AudioFormat::Flac, rate, 2, 1.0);
  EXPECT_EQ(read_bytes(dir.path / "one.flac"), read_bytes(dir.path / "two.flac"));
  const auto y = test::decode(dir.path / "two.flac", rate);
  ASSERT_EQ(y.size(), x.size());
  for (std::size_t i = 0; i < x.size(); ++i)
    ASSERT_EQ(std::lrint(y[i] * 32768.0f), std::clamp(std::lrint(x[i] * 32767.0f), -32768L, 32767L)) << i;
  const auto file = read_bytes(dir.path / "two.flac");
  ASSERT_GT(file.size(), 42u);
  const std::uint64_t packed = [&] {
    std::uint64_t v = 0;
    for (int k = 0; k < 8; ++k) v = (v << 8) | file[8 + 10 + static_cast<std::size_t>(k)];
    return v;
  }();
  EXPECT_EQ(packed >> 44, static_cast<std::uint64_t>(rate));
  EXPECT_EQ(packed & 0xFFFFFFFFFull, x.size());
  // The MD5 is set, so flac -t checks the decoded samples against it.
  EXPECT_TRUE(std::any_of(file.begin() + 26, file.begin() + 42, [](std::uint8_t b) { return b != 0; }));
  EXPECT_TRUE(tool_accepts("flac -t -s " + test::quote(dir.path / "two.flac")));
  auto damaged = file;
  damaged[30] ^= 0x01;  // a wrong MD5 must fail the check
  std::ofstream(dir.path / "bad.flac", std::ios::binary).write(reinterpret_cast<const char*>(damaged.data()),
                                                                 static_cast<std::streamsize>(damaged.size()));
  EXPECT_FALSE(tool_accepts("flac -t -s " + test::quote(dir.path / "bad.flac")));
}

// Frame numbers from 128 on take two bytes in a frame header, so a chunk's
// frames (numbered from 0 by libFLAC) grow by a byte when renumbered; their
// CRCs, updated rather than recomputed, must still check.
TEST(FlacEncoder, RenumberedFramesPastOneByteNumbersCheck) {
  ScratchDir dir;
  const int rate = 8000;
  const auto x = test_signal(static_cast<std::size_t>(4096) * 140 + 5, rate);  // 141 frames
  encode(dir.path / "long.flac", x, AudioFormat::Flac, rate, 2, 1.0);
  EXPECT_TRUE(tool_accepts("flac -t -s " + test::quote(dir.path / "long.flac")));
  EXPECT_EQ(test::decode(dir.path / "long.flac", rate).size(), x.size());
}

// Chunks encode while later ones are cut; results are stored in stream order
// however long each takes, and an encoder's failure reaches the writer.
TEST(ChunkedEncoder, StoresInStreamOrderAndPassesFailuresOn) {
  std::vector<std::int64_t> stored;
  ChunkedEncoder<std::int64_t> chunks(
      ChunkLayout{100, 10, 5}, 3,
      [](const ChunkInput& c) {
        // Earlier chunks take longer, so they finish after later ones.
        std::this_thread::sleep_for(std::chrono::milliseconds(c.begin < 300 ? 20 : 1));
        return c.begin;
      },
      [&](std::int64_t& begin) { stored.push_back(begin); });
  const std::vector<float> x(1050, 0.25f);
  chunks.write(x);
  chunks.finish();
  EXPECT_EQ(stored, (std::vector<std::int64_t>{0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000}));
  EXPECT_EQ(chunks.total(), 1050);

  ChunkedEncoder<int> failing(
      ChunkLayout{100, 0, 0}, 2,
      [](const ChunkInput& c) -> int {
        if (c.begin == 200) throw std::runtime_error("encoder failed");
        return 0;
      },
      [](int&) {});
  EXPECT_THROW(
      {
        failing.write(x);
        failing.finish();
      },
      std::runtime_error);
}

// The sink side shared by every chunked encoder: the last chunk is stored
// before close(), close() runs once, and a write after finish() fails naming
// the file.
class CountingWriter final : public ChunkedWriter<std::int64_t> {
 public:
  explicit CountingWriter(std::vector<std::string>& log)
      : ChunkedWriter("out.test", ChunkLayout{100, 0, 0}, 2, [](const ChunkInput& c) { return c.end - c.begin; }),
        log_(log) {}

 private:
  void store(std::int64_t& samples) override { log_.push_back("store " + std::to_string(samples)); }
  void close() override { log_.push_back("close " + std::to_string(total())); }
  std::vector<std::string>& log_;
};

TEST(ChunkedWriter, ClosesOnceAfterTheLastChunkAndRefusesLaterWrites) {
  std::vector<std::string> log;
  CountingWriter writer(log);
  const std::vector<float> x(250, 0.5f);
  writer.write(x);
  writer.finish();
  writer.finish();
  EXPECT_EQ(log, (std::vector<std::string>{"store 100", "store 100", "store 50", "close 250"}));
  try {
    writer.write(x);
    FAIL() << "a write after finish() was taken";
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "write failed: writer already finished");
    EXPECT_EQ(e.where().file, "out.test");
  }
}

TEST(FlacCrc, MatchesTheCheckValues) {
  const std::string s = "123456789";
  const std::span<const std::uint8_t> b(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
  EXPECT_EQ(flac_crc8(b), 0xF4);     // CRC-8 (SMBus)
  EXPECT_EQ(flac_crc16(b), 0xFEE8);  // CRC-16/UMTS (BUYPASS)
}

// Opus: one logical stream whose pages run in sequence, with granules that
// never go back, the end-of-stream flag on the last page only, and a final
// granule of exactly pre-skip + samples (at 48 kHz).
TEST(OpusEncoder, OneContinuousLogicalStream) {
  ScratchDir dir;
  const int rate = 24000;
  const std::size_t n = static_cast<std::size_t>(rate) * 3 + 123;
  encode(dir.path / "x.opus", test_signal(n, rate), AudioFormat::Opus, rate, 2, 1.0);
  const auto f = read_bytes(dir.path / "x.opus");
  std::size_t at = 0;
  std::uint32_t serial = 0, sequence = 0;
  std::int64_t granule = 0;
  int pages = 0, eos = 0;
  auto le = [&](std::size_t p, int bytes) {
    std::uint64_t v = 0;
    for (int k = bytes - 1; k >= 0; --k) v = (v << 8) | f[p + static_cast<std::size_t>(k)];
    return v;
  };
  while (at + 27 <= f.size()) {
    ASSERT_EQ(std::string(f.begin() + static_cast<std::ptrdiff_t>(at), f.begin() + static_cast<std::ptrdiff_t>(at + 4)), "OggS");
    const auto g = static_cast<std::int64_t>(le(at + 6, 8));
    if (pages == 0) serial = static_cast<std::uint32_t>(le(at + 14, 4));
    EXPECT_EQ(le(at + 14, 4), serial);
    EXPECT_EQ(le(at + 18, 4), sequence++);
    if (g != -1) {
      EXPECT_GE(g, granule);
      granule = g;
    }
    if (f[at + 5] & 4) ++eos;
    const std::size_t segments = f[at + 26];
    std::size_t body = 0;
    for (std::size_t s = 0; s < segments; ++s) body += f[at + 27 + s];
    at += 27 + segments + body;
    ++pages;
  }
  EXPECT_EQ(at, f.size());
  EXPECT_EQ(eos, 1);
  const auto preskip = static_cast<std::int64_t>(f[28 + 10] | (f[28 + 11] << 8));
  EXPECT_EQ(granule, preskip + static_cast<std::int64_t>(n) * (48000 / rate));
  EXPECT_TRUE(tool_accepts("opusdec --quiet " + test::quote(dir.path / "x.opus") + " /dev/null"));
}

// Vorbis: on speech-like audio, the chunked encode decodes as the one-chunk
// encode does around every join (a join lands within the tail after a chunk
// start), and ffmpeg decodes it without an error.
TEST(VorbisEncoder, JoinsDecodeAsTheOneChunkEncode) {
  ScratchDir dir;
  const int rate = 22050;
  const auto x = test_signal(static_cast<std::size_t>(rate) * 10 + 77, rate);
  encode(dir.path / "one.ogg", x, AudioFormat::Ogg, rate, 1, 3600.0);
  encode(dir.path / "many.ogg", x, AudioFormat::Ogg, rate, 2, 1.0);
  const auto one = test::decode(dir.path / "one.ogg", rate);
  const auto many = test::decode(dir.path / "many.ogg", rate);
  ASSERT_EQ(one.size(), x.size());
  ASSERT_EQ(many.size(), x.size());
  const std::size_t chunk = 22 * 1024, reach = 12 * 1024;
  for (std::size_t join = chunk; join + reach < x.size(); join += chunk) {
    double signal = 0.0, error = 0.0;
    for (std::size_t i = join - 2048; i < join + reach; ++i) {
      signal += static_cast<double>(one[i]) * one[i];
      error += std::pow(static_cast<double>(many[i]) - one[i], 2.0);
    }
    EXPECT_GT(10.0 * std::log10(signal / std::max(error, 1e-20)), 30.0) << "dB SNR at the join after " << join;
  }
  EXPECT_TRUE(tool_accepts("test -z \"$(ffmpeg -v error -i " + test::quote(dir.path / "many.ogg") +
                           " -f null - 2>&1)\""));
}

// Vorbis joins where the encoders' block choices are least alike: silence,
// full-scale noise, clicks, and bursts that switch on and off around chunk
// starts. Every one encodes (a join is found) to its exact length.
TEST(VorbisEncoder, JoinsOnSignalsThatSwitchBlockSizes) {
  ScratchDir dir;
  const int rate = 22050;
  const std::size_t n = static_cast<std::size_t>(rate) * 6 + 5;
  std::uint32_t seed = 11;
  auto noise = [&] {
    seed = seed * 1664525u + 1013904223u;
    return static_cast<float>(static_cast<double>(seed) / 4294967296.0 * 2.0 - 1.0);
  };
  std::vector<std::vector<float>> signals(5, std::vector<float>(n, 0.0f));
  for (std::size_t i = 0; i < n; ++i) {
    signals[1][i] = noise();
    signals[2][i] = i % 997 == 0 ? 1.0f : 0.0f;
    signals[3][i] = (i / 3307) % 2 == 0 ? 0.9f * noise() : 0.0f;
    signals[4][i] = i % 1024 < 40 ? 0.9f : 0.0f;  // a click at every block start
  }
  for (std::size_t k = 0; k < signals.size(); ++k) {
    const auto path = dir.path / ("x" + std::to_string(k) + ".ogg");
    ASSERT_NO_THROW(encode(path, signals[k], AudioFormat::Ogg, rate, 2, 0.5)) << "signal " << k;
    EXPECT_EQ(test::run("oggdec --quiet --raw --output - " + test::quote(path)).size() / 2, n) << "signal " << k;
  }
}

// Vorbis joins where the two encoders' block grids are out of step across
// the whole overlap. Where a grid of long blocks lies is set by the last short
// blocks its encoder chose (or by its start), and long blocks alone (silence,
// a steady tone) never bring two grids back into step: a click in the first
// chunk before the second one's pre-roll, then a steady tone through every
// later join; and a click, then silence across the first join until speech-like
// sound resumes past the second chunk's tail (a pause between sections, as in
// the bundled sample). Each encodes on two threads to the bytes that one
// thread gives, decodes without an error to its exact length, and keeps to
// the one-chunk encode everywhere: no step between samples larger than it
// shows, and the same sound in every 2048-sample window.
TEST(VorbisEncoder, JoinsWhereTheChunksBlockGridsAreOutOfStep) {
  ScratchDir dir;
  const int rate = 22050;
  const std::size_t n = static_cast<std::size_t>(rate) * 4 + 9;
  std::vector<std::vector<float>> signals(2, std::vector<float>(n, 0.0f));
  const auto speech = test_signal(n, rate);
  for (std::size_t i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / rate;
    signals[0][i] = static_cast<float>(0.4 * std::sin(2.0 * std::numbers::pi * 440.0 * t)) +
                    (i >= 6000 && i < 6030 ? 0.5f : 0.0f);  // chunks of 22528: the next pre-roll starts at 11264
    signals[1][i] = i >= 40000 ? speech[i] : i >= 6200 && i < 6230 ? 0.5f : 0.0f;  // the overlap is [11264, 33792)
  }
  for (std::size_t k = 0; k < signals.size(); ++k) {
    const auto& x = signals[k];
    const auto many = dir.path / ("many" + std::to_string(k) + ".ogg");
    const auto serial = dir.path / ("serial" + std::to_string(k) + ".ogg");
    const auto one = dir.path / ("one" + std::to_string(k) + ".ogg");
    ASSERT_NO_THROW(encode(many, x, AudioFormat::Ogg, rate, 2, 1.0)) << "signal " << k;
    encode(serial, x, AudioFormat::Ogg, rate, 1, 1.0);
    encode(one, x, AudioFormat::Ogg, rate, 1, 3600.0);
    EXPECT_EQ(read_bytes(many), read_bytes(serial)) << "signal " << k;
    EXPECT_TRUE(tool_accepts("test -z \"$(ffmpeg -v error -i " + test::quote(many) + " -f null - 2>&1)\"")) << k;
    EXPECT_EQ(test::run("oggdec --quiet --raw --output - " + test::quote(many)).size() / 2, n) << "signal " << k;

    const auto y = test::decode(many, rate);
    const auto y1 = test::decode(one, rate);
    ASSERT_EQ(y.size(), n);
    ASSERT_EQ(y1.size(), n);
    // Where the joins fall is the writer's choice, so every sample counts.
    const auto worst_step = [](const std::vector<float>& v) {
      double worst = 0.0;
      for (std::size_t i = 0; i + 1 < v.size(); ++i)
        worst = std::max(worst, static_cast<double>(std::fabs(v[i + 1] - v[i])));
      return worst;
    };
    EXPECT_LE(worst_step(y), 1.05 * worst_step(y1)) << "signal " << k;
    double worst_snr = 1e9;
    for (std::size_t start = 0; start + 2048 <= n; start += 2048) {
      double signal = 0.0, error = 0.0;
      for (std::size_t i = start; i < start + 2048; ++i) {
        signal += static_cast<double>(y1[i]) * y1[i];
        error += std::pow(static_cast<double>(y[i]) - y1[i], 2.0);
      }
      if (signal > 1e-6) worst_snr = std::min(worst_snr, 10.0 * std::log10(signal / std::max(error, 1e-20)));
      else EXPECT_LT(error, 1e-6) << "signal " << k << ": noise in the silence at " << start;
    }
    EXPECT_GT(worst_snr, 30.0) << "signal " << k << ": dB SNR against the one-chunk encode, worst window";
  }
}

}  // namespace
}  // namespace readaloud
