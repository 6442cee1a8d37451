#include "output/mp3_encoder.hpp"

#include <array>
#include <cstring>

#include <lame/lame.h>

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <limits>
#include <string>

#include "output/chunked_encoder.hpp"
#include "output/encoded_file.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

// One MPEG audio frame header, as far as this file needs it.
struct FrameHeader {
  bool mpeg1 = false;
  bool mono = false;
  int bitrate_kbps = 0;
  int sample_rate = 0;
  std::size_t bytes = 0;  // whole frame, header included
};

bool parse_header(std::span<const std::uint8_t> b, FrameHeader& h) {
  if (b.size() < 4 || b[0] != 0xFF || (b[1] & 0xE0) != 0xE0) return false;
  const int version = (b[1] >> 3) & 3;  // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
  const int layer = (b[1] >> 1) & 3;    // 1: Layer III
  const int bitrate_index = b[2] >> 4;
  const int rate_index = (b[2] >> 2) & 3;
  if (version == 1 || layer != 1 || bitrate_index == 0 || bitrate_index == 15 || rate_index == 3) return false;
  static constexpr std::array<int, 15> kMpeg1 = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
  static constexpr std::array<int, 15> kMpeg2 = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
  static constexpr std::array<std::array<int, 3>, 4> kRates = {
      {{11025, 12000, 8000}, {0, 0, 0}, {22050, 24000, 16000}, {44100, 48000, 32000}}};
  h.mpeg1 = version == 3;
  h.mono = (b[3] >> 6) == 3;
  h.bitrate_kbps = (h.mpeg1 ? kMpeg1 : kMpeg2)[static_cast<std::size_t>(bitrate_index)];
  h.sample_rate = kRates[static_cast<std::size_t>(version)][static_cast<std::size_t>(rate_index)];
  const int padding = (b[2] >> 1) & 1;
  h.bytes = static_cast<std::size_t>((h.mpeg1 ? 144 : 72) * h.bitrate_kbps * 1000 / h.sample_rate + padding);
  return true;
}

// Where the Xing/Info tag starts: after the header and the (empty) side info.
std::size_t info_offset(const FrameHeader& h) {
  const std::size_t side_info = h.mpeg1 ? (h.mono ? 17 : 32) : (h.mono ? 9 : 17);
  return 4 + side_info;
}

std::uint32_t get_be32(const std::uint8_t* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

constexpr std::array<std::uint16_t, 256> make_crc_table() {
  std::array<std::uint16_t, 256> t{};
  for (unsigned i = 0; i < 256; ++i) {
    unsigned c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1u) ? (c >> 1) ^ 0xA001u : c >> 1;
    t[i] = static_cast<std::uint16_t>(c);
  }
  return t;
}

constexpr std::array<std::uint16_t, 256> kCrcTable = make_crc_table();

// Offsets inside the LAME extension, counted from its 9-byte version string.
constexpr std::size_t kLameDelay = 21;         // 12 bits delay, 12 bits padding
constexpr std::size_t kLameMusicLength = 28;   // 4 bytes
constexpr std::size_t kLameMusicCrc = 32;      // 2 bytes
constexpr std::size_t kLameTagCrc = 34;        // 2 bytes: CRC of everything before it
constexpr std::size_t kLameExtensionSize = 36;

}  // namespace

std::uint16_t lame_crc16(std::span<const std::uint8_t> bytes, std::uint16_t crc) {
  for (std::uint8_t b : bytes) crc = static_cast<std::uint16_t>((crc >> 8) ^ kCrcTable[(crc ^ b) & 0xFFu]);
  return crc;
}

bool read_mp3_info_tag(std::span<const std::uint8_t> frame, Mp3InfoTag& tag) {
  FrameHeader h;
  if (!parse_header(frame, h) || frame.size() < h.bytes) return false;
  const std::size_t x = info_offset(h);
  if (x + 8 > frame.size()) return false;
  if (std::memcmp(frame.data() + x, "Info", 4) != 0 && std::memcmp(frame.data() + x, "Xing", 4) != 0) return false;
  const std::uint32_t flags = get_be32(frame.data() + x + 4);
  if ((flags & 3u) != 3u) return false;  // frames and bytes must be present
  std::size_t at = x + 8;
  tag.frames = get_be32(frame.data() + at);
  tag.bytes = get_be32(frame.data() + at + 4);
  at += 8;
  if (flags & 4u) at += 100;  // seek table
  if (flags & 8u) at += 4;    // quality
  if (at + kLameExtensionSize > h.bytes) return false;
  const std::uint8_t* lame = frame.data() + at;
  tag.encoder_delay = (lame[kLameDelay] << 4) | (lame[kLameDelay + 1] >> 4);
  tag.padding = ((lame[kLameDelay + 1] & 0x0F) << 8) | lame[kLameDelay + 2];
  tag.music_length = get_be32(lame + kLameMusicLength);
  tag.music_crc = static_cast<std::uint16_t>((lame[kLameMusicCrc] << 8) | lame[kLameMusicCrc + 1]);
  tag.tag_crc = static_cast<std::uint16_t>((lame[kLameTagCrc] << 8) | lame[kLameTagCrc + 1]);
  tag.tag_crc_ok = lame_crc16(frame.first(at + kLameTagCrc)) == tag.tag_crc;
  return true;
}

namespace {

// Frames of audio before a chunk that its encoder sees but does not keep, and
// frames after it likewise. A frame depends on input from before it (LAME's
// 1105-sample delay, the filter bank and the MDCT overlap) and after it (the
// psychoacoustic look-ahead). Measured with the seam test in
// mp3_encoder_test.cpp: 3 frames of pre-roll and 1 of tail are the least that
// join without a glitch; twice and three times that leave a margin, at a cost
// of 9 frames per chunk (2.3% of a 10 s chunk).
constexpr std::int64_t kPrerollFrames = 6;
constexpr std::int64_t kTailFrames = 3;

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& message) {
  throw_runtime(message, Location{path.string()});
}

void quiet(const char*, va_list) {}

struct LameCloser {
  void operator()(lame_global_flags* g) const { lame_close(g); }
};
using Lame = std::unique_ptr<lame_global_flags, LameCloser>;

struct Settings {
  int sample_rate = 0;
  int bitrate_kbps = 0;
  int quality = 7;
};

Lame make_lame(const Settings& s, bool info_tag) {
  Lame gf(lame_init());
  if (!gf) throw_runtime("MP3 encoder: LAME cannot start (out of memory)");
  lame_global_flags* g = gf.get();
  // LAME prints warnings to standard error by default; our errors are thrown.
  lame_set_errorf(g, quiet);
  lame_set_debugf(g, quiet);
  lame_set_msgf(g, quiet);
  lame_set_num_channels(g, 1);
  lame_set_in_samplerate(g, s.sample_rate);
  lame_set_out_samplerate(g, s.sample_rate);
  lame_set_mode(g, MONO);
  lame_set_VBR(g, vbr_off);
  lame_set_brate(g, s.bitrate_kbps);
  lame_set_quality(g, s.quality);
  // Every frame must decode without bits borrowed from the frame before it:
  // chunks are encoded separately and their frames put side by side.
  lame_set_disable_reservoir(g, 1);
  lame_set_bWriteVbrTag(g, info_tag ? 1 : 0);
  lame_set_findReplayGain(g, 0);
  if (lame_init_params(g) < 0)
    throw_usage("MP3 encoder: LAME rejects " + std::to_string(s.bitrate_kbps) + " kbps at " +
                std::to_string(s.sample_rate) + " Hz");
  return gf;
}

struct Encoded {
  std::vector<std::uint8_t> bytes;
  std::int64_t frames = 0;
};

// Runs the chunk's samples (pre-roll and tail included) through one LAME
// instance and keeps the frames of the chunk's own stretch (to the stream's
// end for the last chunk), which are contiguous.
Encoded encode_chunk(const ChunkInput& chunk, const Settings& s, std::int64_t frame_samples) {
  const std::int64_t first_frame = chunk.first / frame_samples;
  const std::int64_t keep_from = chunk.begin / frame_samples;
  const std::int64_t keep_to = chunk.last ? std::numeric_limits<std::int64_t>::max() : chunk.end / frame_samples;
  Lame gf = make_lame(s, false);
  std::vector<std::uint8_t> out;
  constexpr std::size_t kBlock = 8192;
  // LAME's documented worst case: 1.25 * samples + 7200 bytes.
  std::vector<unsigned char> buffer(kBlock + kBlock / 4 + 7200);
  out.reserve(chunk.samples.size() * static_cast<std::size_t>(s.bitrate_kbps) * 125 / static_cast<std::size_t>(s.sample_rate) + 8192);
  for (std::size_t i = 0; i < chunk.samples.size(); i += kBlock) {
    const std::size_t n = std::min(kBlock, chunk.samples.size() - i);
    const float* p = chunk.samples.data() + i;
    const int got = lame_encode_buffer_ieee_float(gf.get(), p, p, static_cast<int>(n), buffer.data(),
                                                  static_cast<int>(buffer.size()));
    if (got < 0) throw_runtime("MP3 encoder: LAME failed (error " + std::to_string(got) + ")");
    out.insert(out.end(), buffer.data(), buffer.data() + got);
  }
  const int got = lame_encode_flush(gf.get(), buffer.data(), static_cast<int>(buffer.size()));
  if (got < 0) throw_runtime("MP3 encoder: LAME failed to flush (error " + std::to_string(got) + ")");
  out.insert(out.end(), buffer.data(), buffer.data() + got);

  Encoded e;
  std::size_t pos = 0;
  std::size_t kept_begin = 0, kept_end = 0;
  for (std::int64_t frame = first_frame; pos < out.size(); ++frame) {
    FrameHeader h;
    if (!parse_header(std::span<const std::uint8_t>(out).subspan(pos), h) || pos + h.bytes > out.size())
      throw_runtime("MP3 encoder: LAME produced a malformed frame");
    // The kept frames are contiguous: remember their byte range.
    if (frame == keep_from) kept_begin = pos;
    if (frame >= keep_from && frame < keep_to) {
      ++e.frames;
      kept_end = pos + h.bytes;
    }
    pos += h.bytes;
  }
  if (e.frames > 0) e.bytes.assign(out.begin() + static_cast<std::ptrdiff_t>(kept_begin), out.begin() + static_cast<std::ptrdiff_t>(kept_end));
  return e;
}

void put_be32(std::uint8_t* p, std::uint32_t v) {
  p[0] = static_cast<std::uint8_t>(v >> 24);
  p[1] = static_cast<std::uint8_t>(v >> 16);
  p[2] = static_cast<std::uint8_t>(v >> 8);
  p[3] = static_cast<std::uint8_t>(v);
}

void put_be16(std::uint8_t* p, std::uint16_t v) {
  p[0] = static_cast<std::uint8_t>(v >> 8);
  p[1] = static_cast<std::uint8_t>(v);
}

// LAME's Info tag for the stream, to be completed with the totals, and its
// encoder delay. Flushing an encoder that was given nothing yields a complete
// (silent) stream, tag included.
struct InfoTemplate {
  std::vector<std::uint8_t> tag;  // empty when LAME writes none (see info_template())
  int encoder_delay = 0;
};

InfoTemplate info_template(const Settings& s) {
  Lame gf = make_lame(s, true);
  std::vector<unsigned char> scratch(16384);
  if (lame_encode_flush(gf.get(), scratch.data(), static_cast<int>(scratch.size())) < 0)
    throw_runtime("MP3 encoder: LAME failed to start a stream");
  // Below 56 kbps at 22.05 kHz a CBR frame is too small to hold the tag, and
  // LAME writes none: the stream is then plain CBR without gapless trimming.
  InfoTemplate t;
  const std::size_t tag_bytes = lame_get_lametag_frame(gf.get(), nullptr, 0);
  t.tag.assign(tag_bytes, 0);
  if (tag_bytes > 0 && lame_get_lametag_frame(gf.get(), t.tag.data(), t.tag.size()) != tag_bytes)
    throw_runtime("MP3 encoder: LAME produced no Info tag");
  t.encoder_delay = lame_get_encoder_delay(gf.get());
  return t;
}

class Mp3Writer final : public ChunkedWriter<Encoded> {
 public:
  Mp3Writer(const std::filesystem::path& path, int sample_rate, int bitrate_kbps, const Mp3Tuning& tuning)
      : Mp3Writer(path, settings(sample_rate, bitrate_kbps, tuning), tuning) {}

 private:
  Mp3Writer(const std::filesystem::path& path, const Settings& s, const Mp3Tuning& tuning)
      : ChunkedWriter(path, layout(s, tuning.chunk_seconds), tuning.threads,
                      [s, frame = frame_samples(s)](const ChunkInput& c) { return encode_chunk(c, s, frame); }),
        frame_samples_(frame_samples(s)),
        info_(info_template(s)),
        tag_(std::move(info_.tag)),
        file_(path) {
    // The first frame slot holds the Info tag, written once the totals are known.
    file_.append(std::vector<std::uint8_t>(tag_.size(), 0));
  }

  static Settings settings(int rate, int kbps, const Mp3Tuning& tuning) {
    static constexpr std::array<int, 9> kRates = {8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000};
    if (std::find(kRates.begin(), kRates.end(), rate) == kRates.end())
      throw_usage("MP3 needs a sample rate of 8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100 or 48000 Hz, not " +
                  std::to_string(rate) + " (resample first)");
    int lo = 8, hi = 64;
    if (rate >= 32000) lo = 32, hi = 320;
    else if (rate >= 16000) lo = 8, hi = 160;
    if (kbps < lo || kbps > hi)
      throw_usage("MP3 at " + std::to_string(rate) + " Hz needs a bitrate of " + std::to_string(lo) + " to " +
                  std::to_string(hi) + " kbps, not " + std::to_string(kbps));
    if (tuning.quality < 0 || tuning.quality > 9)
      throw_usage("MP3 encoder quality must be 0 to 9, not " + std::to_string(tuning.quality));
    if (!(tuning.chunk_seconds > 0.0)) throw_usage("MP3 encoder chunks must be longer than 0 s");
    return Settings{rate, kbps, tuning.quality};
  }

  static std::int64_t frame_samples(const Settings& s) { return s.sample_rate >= 32000 ? 1152 : 576; }

  static ChunkLayout layout(const Settings& s, double seconds) {
    const std::int64_t frame = frame_samples(s);
    const auto frames = std::max<std::int64_t>(1, std::llround(seconds * s.sample_rate / static_cast<double>(frame)));
    return ChunkLayout{frames * frame, kPrerollFrames * frame, kTailFrames * frame};
  }

  void store(Encoded& e) override {
    file_.append(e.bytes);
    frames_ += e.frames;
    bytes_ += static_cast<std::int64_t>(e.bytes.size());
    music_crc_ = lame_crc16(e.bytes, music_crc_);
  }

  // Decoders skip encoder_delay + 529 samples and drop padding - 529 at the
  // end, so padding makes frames * frame size exactly delay + samples + padding.
  void close() override {
    if (!tag_.empty()) {
      const std::int64_t padding = frames_ * frame_samples_ - info_.encoder_delay - total();
      if (padding < 0 || padding > 0xFFF || frames_ > std::numeric_limits<std::uint32_t>::max() ||
          bytes_ + static_cast<std::int64_t>(tag_.size()) > std::numeric_limits<std::uint32_t>::max())
        fail(path(), "MP3 encoder: the stream is too long for an Info tag");
      patch_tag(static_cast<int>(padding));
      file_.write_at(0, tag_);
    }
    file_.close();
  }

  void patch_tag(int padding) {
    FrameHeader h;
    if (!parse_header(tag_, h)) fail(path(), "MP3 encoder: LAME's Info tag has no frame header");
    const std::size_t x = info_offset(h);
    std::uint8_t* t = tag_.data();
    // Template layout (LAME 3.100, CBR): "Info", flags, frames, bytes, TOC, quality, extension.
    const std::size_t lame = x + 8 + 8 + 100 + 4;
    if (std::memcmp(t + x, "Info", 4) != 0 || get_be32(t + x + 4) != 15u || lame + kLameExtensionSize > tag_.size())
      fail(path(), "MP3 encoder: unexpected layout of LAME's Info tag");
    const auto stream_bytes = static_cast<std::uint32_t>(bytes_ + static_cast<std::int64_t>(tag_.size()));
    put_be32(t + x + 8, static_cast<std::uint32_t>(frames_));
    put_be32(t + x + 12, stream_bytes);
    // Seek table: constant bitrate, so byte offsets grow evenly with time.
    for (int i = 0; i < 100; ++i) t[x + 16 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(std::min(255, 256 * i / 100));
    const int delay = info_.encoder_delay;
    t[lame + kLameDelay] = static_cast<std::uint8_t>(delay >> 4);
    t[lame + kLameDelay + 1] = static_cast<std::uint8_t>(((delay & 0xF) << 4) | (padding >> 8));
    t[lame + kLameDelay + 2] = static_cast<std::uint8_t>(padding & 0xFF);
    put_be32(t + lame + kLameMusicLength, stream_bytes);
    put_be16(t + lame + kLameMusicCrc, music_crc_);
    put_be16(t + lame + kLameTagCrc, lame_crc16(std::span<const std::uint8_t>(tag_).first(lame + kLameTagCrc)));
  }

  std::int64_t frame_samples_;
  InfoTemplate info_;
  std::vector<std::uint8_t> tag_;  // the Info tag, completed at the end
  EncodedFile file_;
  std::int64_t frames_ = 0;         // audio frames written
  std::int64_t bytes_ = 0;          // audio bytes written (tag slot excluded)
  std::uint16_t music_crc_ = 0;
};

}  // namespace

std::unique_ptr<AudioSink> open_mp3_encoder(const std::filesystem::path& path, int sample_rate,
                                            int bitrate_kbps, const Mp3Tuning& tuning) {
  return std::make_unique<Mp3Writer>(path, sample_rate, bitrate_kbps, tuning);
}

}  // namespace readaloud
