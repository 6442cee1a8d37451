#include "output/vorbis_encoder.hpp"

#include <vorbis/vorbisenc.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "output/chunked_encoder.hpp"
#include "output/encoded_file.hpp"
#include "output/ogg_stream_writer.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

constexpr std::int64_t kBlock = 1024;           // chunks start at multiples of this
constexpr std::int64_t kOverlapBlocks = 11;     // pre-roll and tail: about 0.5 s at 22.05 kHz
constexpr std::int64_t kOverlap = kOverlapBlocks * kBlock;
constexpr std::uint32_t kSerial = 0x52414c44;  // "RALD": fixed, so output is reproducible

/// libvorbis's encoder state, freed in reverse order of set-up.
class VorbisState {
 public:
  VorbisState(int rate, float quality) {
    vorbis_info_init(&info_);
    if (vorbis_encode_init_vbr(&info_, 1, rate, quality) != 0) {
      vorbis_info_clear(&info_);
      throw_usage("libvorbis cannot encode mono at " + std::to_string(rate) + " Hz");
    }
    vorbis_comment_init(&comment_);
    vorbis_analysis_init(&dsp_, &info_);
    vorbis_block_init(&dsp_, &block_);
  }
  ~VorbisState() {
    vorbis_block_clear(&block_);
    vorbis_dsp_clear(&dsp_);
    vorbis_comment_clear(&comment_);
    vorbis_info_clear(&info_);
  }
  VorbisState(const VorbisState&) = delete;
  VorbisState& operator=(const VorbisState&) = delete;

  vorbis_info info_{};
  vorbis_comment comment_{};
  vorbis_dsp_state dsp_{};
  vorbis_block block_{};
};

struct Packet {
  std::vector<std::uint8_t> bytes;
  std::int64_t granule = 0;  // stream sample its decoding completes
  long blocksize = 0;
};

/// One libvorbis encoder over the stream from sample `origin` on: samples go
/// in, packets come out with granules counted from the stream's start. Its
/// state cannot move (libvorbis keeps pointers into it), so it lives on the heap.
class StreamEncoder {
 public:
  StreamEncoder(int rate, float quality, std::int64_t origin) : v_(rate, quality), fed_(origin), origin_(origin) {
    ogg_packet h[3];
    vorbis_analysis_headerout(&v_.dsp_, &v_.comment_, &h[0], &h[1], &h[2]);  // primes the encoder
  }

  /// Encodes the samples that follow those fed so far, appending the packets
  /// completed (the last ones wait for the samples after them).
  void feed(std::span<const float> samples, std::vector<Packet>& out) {
    for (std::size_t at = 0; at < samples.size(); at += kBlock) {
      const auto n = static_cast<int>(std::min<std::size_t>(kBlock, samples.size() - at));
      float** buffer = vorbis_analysis_buffer(&v_.dsp_, n);
      std::memcpy(buffer[0], samples.data() + at, static_cast<std::size_t>(n) * sizeof(float));
      vorbis_analysis_wrote(&v_.dsp_, n);
      drain(out);
    }
    fed_ += static_cast<std::int64_t>(samples.size());
  }

  /// Ends the stream: appends the packets still waiting, the last one's
  /// granule the stream's length.
  void finish(std::vector<Packet>& out) {
    vorbis_analysis_wrote(&v_.dsp_, 0);
    drain(out);
  }

  /// The stream index after the last sample fed.
  std::int64_t fed() const { return fed_; }

 private:
  void drain(std::vector<Packet>& out) {
    while (vorbis_analysis_blockout(&v_.dsp_, &v_.block_) == 1) {
      vorbis_analysis(&v_.block_, nullptr);
      vorbis_bitrate_addblock(&v_.block_);
      ogg_packet op;
      while (vorbis_bitrate_flushpacket(&v_.dsp_, &op) == 1)
        out.push_back({std::vector<std::uint8_t>(op.packet, op.packet + op.bytes), op.granulepos + origin_,
                       vorbis_packet_blocksize(&v_.info_, &op)});
    }
  }

  VorbisState v_;
  std::int64_t fed_;
  std::int64_t origin_;
};

struct Encoded {
  std::vector<Packet> packets;
  std::unique_ptr<StreamEncoder> encoder;  // still open after the chunk's samples; null for the last chunk
  std::vector<float> rest;  // its samples past the previous chunk's tail (from begin + kOverlap on)
  std::int64_t begin = 0;   // the chunk's own stretch
  std::int64_t end = 0;
  bool last = false;
};

// Every packet of the chunk's samples (pre-roll and tail included), granules
// counted from the stream's start. For any chunk but the last the encoder is
// left open rather than flushed (its last blocks wait for the samples that
// decide their window shapes), so that it can go on into the next chunk's
// samples if the join needs it to.
Encoded encode_chunk(const ChunkInput& c, int rate, float quality) {
  Encoded e{{}, std::make_unique<StreamEncoder>(rate, quality, c.first), {}, c.begin, c.end, c.last};
  e.encoder->feed(c.samples, e.packets);
  if (c.last) {
    e.encoder->finish(e.packets);
    e.encoder.reset();
  }
  if (c.begin > 0) {
    const auto seen = std::min<std::int64_t>(c.begin + kOverlap - c.first, static_cast<std::int64_t>(c.samples.size()));
    e.rest.assign(c.samples.begin() + static_cast<std::ptrdiff_t>(seen), c.samples.end());
  }
  return e;
}

constexpr auto kNoJoin = static_cast<std::size_t>(-1);

// Where `next` continues `held`: the first i whose packet ends at or after
// next's start where next has a packet j ending at the same sample, both of the
// same block size and followed by blocks of the same size (so the window
// shapes overlapping across the join agree). {i, j}, or {kNoJoin, kNoJoin}.
std::pair<std::size_t, std::size_t> find_join(const std::vector<Packet>& held, const Encoded& next) {
  std::size_t j = 0;
  for (std::size_t i = 0; i + 1 < held.size(); ++i) {
    if (held[i].granule < next.begin) continue;
    while (j + 1 < next.packets.size() && next.packets[j].granule < held[i].granule) ++j;
    if (j + 1 >= next.packets.size()) break;
    if (next.packets[j].granule == held[i].granule && next.packets[j].blocksize == held[i].blocksize &&
        next.packets[j + 1].blocksize == held[i + 1].blocksize)
      return {i, j};
  }
  return {kNoJoin, kNoJoin};
}

class VorbisWriter final : public ChunkedWriter<Encoded> {
 public:
  VorbisWriter(const std::filesystem::path& path, int rate, const VorbisTuning& tuning)
      : ChunkedWriter(path, layout(check(rate, tuning), tuning.chunk_seconds), tuning.threads,
                      [rate, quality = tuning.quality](const ChunkInput& c) { return encode_chunk(c, rate, quality); }),
        rate_(rate),
        quality_(tuning.quality),
        file_(path),
        ogg_(file_, kSerial) {
    write_headers();
  }

 private:
  static int check(int rate, const VorbisTuning& t) {
    if (rate < 8000 || rate > 192000) throw_usage("unsupported sample rate " + std::to_string(rate) + " Hz");
    if (!(t.chunk_seconds > 0.0)) throw_usage("Vorbis encoder chunks must be longer than 0 s");
    return rate;
  }

  static ChunkLayout layout(int rate, double seconds) {
    const auto blocks = std::max<std::int64_t>(kOverlapBlocks, std::llround(seconds * rate / kBlock));
    return ChunkLayout{blocks * kBlock, kOverlap, kOverlap};
  }

  void close() override {
    ogg_.finish();
    file_.close();
  }

  void write_headers() {
    VorbisState v(rate_, quality_);
    ogg_packet h[3];
    vorbis_analysis_headerout(&v.dsp_, &v.comment_, &h[0], &h[1], &h[2]);
    for (int k = 0; k < 3; ++k)
      ogg_.header(std::span<const std::uint8_t>(h[k].packet, static_cast<std::size_t>(h[k].bytes)), k != 1);
  }

  void emit(const Packet& p, bool last) { ogg_.audio(p.bytes, p.granule, last); }

  // Joins the chunk to the packets held back from the one before, then
  // writes every packet that no later join can drop (those ending before the
  // next chunk's start) and holds the rest.
  void store(Encoded& e) override {
    if (!started_) {
      started_ = true;
      held_ = std::move(e.packets);
      encoder_ = std::move(e.encoder);
    } else {
      join(e);
    }
    if (e.last) {
      for (std::size_t k = 0; k < held_.size(); ++k) emit(held_[k], k + 1 == held_.size());
      held_.clear();
      return;
    }
    std::size_t keep = 0;
    while (keep < held_.size() && held_[keep].granule < e.end) emit(held_[keep++], false);
    held_.erase(held_.begin(), held_.begin() + static_cast<std::ptrdiff_t>(keep));
  }

  // Switches from the held packets to the chunk's at the first aligned join.
  // The two encoders' blocks can be out of step across the whole overlap:
  // where an encoder's long blocks fall is set by its last run of short
  // blocks (or by its start), so after a transient that only the earlier
  // chunk saw, long blocks alone (silence, a steady sound) keep the two grids
  // apart (by 256 samples at 22.05 kHz). Then the held packets' encoder goes
  // on through the chunk's samples, here on the writing thread, until the
  // chunks align after all (at the next transient both see) or the chunk's
  // samples run out (its packets are then dropped, and that encoder's stand
  // for the chunk). So the stream is always one encoder's packets between
  // joins that find_join allows, and a join never fails.
  void join(Encoded& e) {
    auto [i, j] = find_join(held_, e);
    if (i == kNoJoin) {
      if (!encoder_ || encoder_->fed() != e.begin + kOverlap)
        throw_runtime("internal: Vorbis encoder cannot continue at sample " + std::to_string(e.begin + kOverlap),
                      Location{path().string()});
      const std::span<const float> rest(e.rest);
      for (std::size_t at = 0; i == kNoJoin && encoder_;) {
        const auto n = std::min<std::size_t>(static_cast<std::size_t>(kOverlap), rest.size() - at);
        encoder_->feed(rest.subspan(at, n), held_);
        at += n;
        if (at == rest.size() && e.last) {
          encoder_->finish(held_);
          encoder_.reset();
        }
        std::tie(i, j) = find_join(held_, e);
        if (at == rest.size()) break;
      }
      if (i == kNoJoin) return;  // the held encoder now ends where the chunk does
    }
    for (std::size_t k = 0; k <= i; ++k) emit(held_[k], false);
    held_.assign(std::make_move_iterator(e.packets.begin() + static_cast<std::ptrdiff_t>(j + 1)),
                 std::make_move_iterator(e.packets.end()));
    encoder_ = std::move(e.encoder);
  }

  int rate_;
  float quality_;
  EncodedFile file_;
  OggStreamWriter ogg_;
  std::vector<Packet> held_;  // packets at and after the next chunk's start
  std::unique_ptr<StreamEncoder> encoder_;  // held_'s encoder, open unless it reached the stream's end
  bool started_ = false;
};

}  // namespace

std::unique_ptr<AudioSink> open_vorbis_encoder(const std::filesystem::path& path, int sample_rate,
                                               const VorbisTuning& tuning) {
  return std::make_unique<VorbisWriter>(path, sample_rate, tuning);
}

}  // namespace readaloud
