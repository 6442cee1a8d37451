#include "output/vorbis_encoder.hpp"

#include <vorbis/vorbisenc.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "output/chunked_encoder.hpp"
#include "output/encoded_file.hpp"
#include "output/ogg_stream_writer.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

constexpr std::int64_t kBlock = 1024;           // chunks start at multiples of this
constexpr std::int64_t kOverlapBlocks = 11;     // pre-roll and tail: about 0.5 s at 22.05 kHz
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

struct Encoded {
  std::vector<Packet> packets;
  std::int64_t begin = 0;  // the chunk's own stretch
  std::int64_t end = 0;
  bool last = false;
};

void drain(VorbisState& v, std::int64_t offset, std::vector<Packet>& out) {
  while (vorbis_analysis_blockout(&v.dsp_, &v.block_) == 1) {
    vorbis_analysis(&v.block_, nullptr);
    vorbis_bitrate_addblock(&v.block_);
    ogg_packet op;
    while (vorbis_bitrate_flushpacket(&v.dsp_, &op) == 1)
      out.push_back({std::vector<std::uint8_t>(op.packet, op.packet + op.bytes), op.granulepos + offset,
                     vorbis_packet_blocksize(&v.info_, &op)});
  }
}

// Every packet of the chunk's samples (pre-roll and tail included), granules
// counted from the stream's start.
Encoded encode_chunk(const ChunkInput& c, int rate, float quality) {
  VorbisState v(rate, quality);
  ogg_packet h[3];
  vorbis_analysis_headerout(&v.dsp_, &v.comment_, &h[0], &h[1], &h[2]);  // primes the encoder
  Encoded e{{}, c.begin, c.end, c.last};
  for (std::size_t at = 0; at < c.samples.size(); at += kBlock) {
    const auto n = static_cast<int>(std::min<std::size_t>(kBlock, c.samples.size() - at));
    float** buffer = vorbis_analysis_buffer(&v.dsp_, n);
    std::memcpy(buffer[0], c.samples.data() + at, static_cast<std::size_t>(n) * sizeof(float));
    vorbis_analysis_wrote(&v.dsp_, n);
    drain(v, c.first, e.packets);
  }
  vorbis_analysis_wrote(&v.dsp_, 0);
  drain(v, c.first, e.packets);
  return e;
}

// Where `next` continues `held`: the first i whose packet ends at or after
// next's start where next has a packet j ending at the same sample, both of the
// same block size and followed by blocks of the same size (so the window
// shapes overlapping across the join agree). {i, j}, or {npos, npos}.
std::pair<std::size_t, std::size_t> find_join(const std::vector<Packet>& held, const Encoded& next) {
  constexpr auto npos = static_cast<std::size_t>(-1);
  std::size_t j = 0;
  for (std::size_t i = 0; i + 1 < held.size(); ++i) {
    if (held[i].granule < next.begin) continue;
    while (j + 1 < next.packets.size() && next.packets[j].granule < held[i].granule) ++j;
    if (j + 1 >= next.packets.size()) break;
    if (next.packets[j].granule == held[i].granule && next.packets[j].blocksize == held[i].blocksize &&
        next.packets[j + 1].blocksize == held[i + 1].blocksize)
      return {i, j};
  }
  return {npos, npos};
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
    return ChunkLayout{blocks * kBlock, kOverlapBlocks * kBlock, kOverlapBlocks * kBlock};
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
    } else {
      const auto [i, j] = find_join(held_, e);
      if (i == static_cast<std::size_t>(-1))
        throw_runtime("internal: Vorbis chunks found no aligned join near sample " + std::to_string(e.begin),
                      Location{path().string()});
      for (std::size_t k = 0; k <= i; ++k) emit(held_[k], false);
      held_.assign(std::make_move_iterator(e.packets.begin() + static_cast<std::ptrdiff_t>(j + 1)),
                   std::make_move_iterator(e.packets.end()));
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

  int rate_;
  float quality_;
  EncodedFile file_;
  OggStreamWriter ogg_;
  std::vector<Packet> held_;  // packets at and after the next chunk's start
  bool started_ = false;
};

}  // namespace

std::unique_ptr<AudioSink> open_vorbis_encoder(const std::filesystem::path& path, int sample_rate,
                                               const VorbisTuning& tuning) {
  return std::make_unique<VorbisWriter>(path, sample_rate, tuning);
}

}  // namespace readaloud
