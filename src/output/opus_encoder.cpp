#include "output/opus_encoder.hpp"

#include <opus/opus.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "output/chunked_encoder.hpp"
#include "output/encoded_file.hpp"
#include "output/ogg_stream_writer.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

// 20 ms frames; a chunk's encoder first sees 10 frames (200 ms) of the audio
// before its stretch, so its prediction and energy state settle where the
// previous chunk's encoder left them. Without pre-roll the seam test in
// tests/output/chunked_encoders_test.cpp fails (steps at the joins 26%
// larger than a one-chunk encode's); with it they match.
constexpr int kFramesPerSecond = 50;
constexpr std::int64_t kPrerollFrames = 10;
constexpr std::uint32_t kSerial = 0x52414c44;  // "RALD": fixed, so output is reproducible

struct EncoderDeleter {
  void operator()(OpusEncoder* e) const { opus_encoder_destroy(e); }
};
using Encoder = std::unique_ptr<OpusEncoder, EncoderDeleter>;

struct Settings {
  int rate = 48000;
  int bitrate = 64000;
  int complexity = 5;
  std::int64_t lookahead = 0;  // the encoder's, in samples at `rate`
};

Encoder make_encoder(const Settings& s) {
  int err = OPUS_OK;
  Encoder e(opus_encoder_create(s.rate, 1, OPUS_APPLICATION_AUDIO, &err));
  if (err != OPUS_OK || !e) throw_runtime(std::string("Opus encoder: ") + opus_strerror(err));
  opus_encoder_ctl(e.get(), OPUS_SET_BITRATE(s.bitrate));
  opus_encoder_ctl(e.get(), OPUS_SET_COMPLEXITY(s.complexity));
  return e;
}

struct Encoded {
  std::vector<std::uint8_t> bytes;
  std::vector<std::size_t> ends;  // packet boundaries in `bytes`
  bool last = false;              // the stream's last chunk
};

// Encodes the chunk's frames and keeps those from its own stretch on; the
// last chunk runs on through silence until the encoder's look-ahead has
// carried the stream's final sample out (`packets_total` packets in all).
Encoded encode_chunk(const ChunkInput& c, const Settings& s, std::int64_t frame, std::int64_t packets_total) {
  Encoder enc = make_encoder(s);
  const std::int64_t first_packet = c.first / frame;
  const std::int64_t keep_from = c.begin / frame;
  const std::int64_t keep_to = c.last ? packets_total : c.end / frame;
  Encoded out;
  out.last = c.last;
  std::vector<float> pcm(static_cast<std::size_t>(frame));
  std::vector<unsigned char> buffer(4000);
  for (std::int64_t g = first_packet; g < keep_to; ++g) {
    const std::int64_t at = (g - first_packet) * frame;
    const auto have = std::clamp<std::int64_t>(static_cast<std::int64_t>(c.samples.size()) - at, 0, frame);
    std::fill(pcm.begin(), pcm.end(), 0.0f);
    if (have > 0) std::copy_n(c.samples.begin() + at, have, pcm.begin());
    const int n = opus_encode_float(enc.get(), pcm.data(), static_cast<int>(frame), buffer.data(),
                                    static_cast<opus_int32>(buffer.size()));
    if (n < 0) throw_runtime(std::string("Opus encoder: ") + opus_strerror(n));
    if (g < keep_from) continue;
    out.bytes.insert(out.bytes.end(), buffer.begin(), buffer.begin() + n);
    out.ends.push_back(out.bytes.size());
  }
  return out;
}

void put_le(std::vector<std::uint8_t>& out, std::uint32_t v, int bytes) {
  for (int k = 0; k < bytes; ++k) out.push_back(static_cast<std::uint8_t>(v >> (8 * k)));
}

// Packets needed for the decoder to reach the stream's last sample past the
// look-ahead (a chunk before the last needs no such count).
std::int64_t packets_total(const ChunkInput& c, std::int64_t frame, std::int64_t lookahead) {
  return c.last ? (c.end + lookahead + frame - 1) / frame : 0;
}

class OpusWriter final : public ChunkedWriter<Encoded> {
 public:
  OpusWriter(const std::filesystem::path& path, int rate, int kbps, const OpusTuning& tuning)
      : OpusWriter(path, settings(rate, kbps, tuning), tuning) {}

 private:
  OpusWriter(const std::filesystem::path& path, const Settings& s, const OpusTuning& tuning)
      : ChunkedWriter(path, layout(s.rate / kFramesPerSecond, tuning.chunk_seconds), tuning.threads,
                      [s, frame = s.rate / kFramesPerSecond](const ChunkInput& c) {
                        return encode_chunk(c, s, frame, packets_total(c, frame, s.lookahead));
                      }),
        frame_(s.rate / kFramesPerSecond),
        scale_(48000 / s.rate),
        lookahead_(s.lookahead),
        file_(path),
        ogg_(file_, kSerial) {
    write_headers(s.rate);
  }

  // Checks the request; the settings then carry the encoder's look-ahead.
  static Settings settings(int rate, int kbps, const OpusTuning& t) {
    if (rate != 8000 && rate != 12000 && rate != 16000 && rate != 24000 && rate != 48000)
      throw_usage("Opus needs a sample rate of 8000, 12000, 16000, 24000 or 48000 Hz, not " + std::to_string(rate) +
                  " (resample first)");
    if (kbps < 6 || kbps > 256) throw_usage("Opus needs a bitrate of 6 to 256 kbps, not " + std::to_string(kbps));
    if (t.complexity < 0 || t.complexity > 10) throw_usage("Opus complexity must be 0 to 10");
    if (!(t.chunk_seconds > 0.0)) throw_usage("Opus encoder chunks must be longer than 0 s");
    Settings s{rate, kbps * 1000, t.complexity};
    opus_int32 lookahead = 0;
    opus_encoder_ctl(make_encoder(s).get(), OPUS_GET_LOOKAHEAD(&lookahead));
    s.lookahead = lookahead;
    return s;
  }

  static ChunkLayout layout(std::int64_t frame, double seconds) {
    const auto frames = std::max<std::int64_t>(1, std::llround(seconds * kFramesPerSecond));
    return ChunkLayout{frames * frame, kPrerollFrames * frame, 0};
  }

  void close() override {
    ogg_.finish();
    file_.close();
  }

  void write_headers(int rate) {
    std::vector<std::uint8_t> head = {'O', 'p', 'u', 's', 'H', 'e', 'a', 'd', 1, 1};
    put_le(head, static_cast<std::uint32_t>(lookahead_ * scale_), 2);  // pre-skip, at 48 kHz
    put_le(head, static_cast<std::uint32_t>(rate), 4);                 // the input's rate
    put_le(head, 0, 2);                                                // output gain
    head.push_back(0);                                                 // mono/stereo mapping
    ogg_.header(head, true);
    std::vector<std::uint8_t> tags = {'O', 'p', 'u', 's', 'T', 'a', 'g', 's'};
    const std::string vendor = opus_get_version_string();
    put_le(tags, static_cast<std::uint32_t>(vendor.size()), 4);
    tags.insert(tags.end(), vendor.begin(), vendor.end());
    put_le(tags, 0, 4);  // no comments yet: TagLib adds tags and chapters
    ogg_.header(tags, true);
  }

  // Granules count 48 kHz samples from the stream's start, pre-skip
  // included; the last packet's granule trims the stream to its length.
  void store(Encoded& e) override {
    std::size_t from = 0;
    for (std::size_t i = 0; i < e.ends.size(); ++i) {
      ++packets_;
      const bool last = e.last && i + 1 == e.ends.size();
      const std::int64_t granule =
          last ? (lookahead_ + total()) * scale_ : packets_ * frame_ * scale_;
      ogg_.audio(std::span<const std::uint8_t>(e.bytes).subspan(from, e.ends[i] - from), granule, last);
      from = e.ends[i];
    }
  }

  std::int64_t frame_;
  std::int64_t scale_;
  std::int64_t lookahead_;
  EncodedFile file_;
  OggStreamWriter ogg_;
  std::int64_t packets_ = 0;
};

}  // namespace

std::unique_ptr<AudioSink> open_opus_encoder(const std::filesystem::path& path, int sample_rate, int bitrate_kbps,
                                             const OpusTuning& tuning) {
  return std::make_unique<OpusWriter>(path, sample_rate, bitrate_kbps, tuning);
}

}  // namespace readaloud
