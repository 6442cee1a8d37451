#include "output/m4b_writer.hpp"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/mem.h>
}

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "document/languages.hpp"
#include "output/chunked_encoder.hpp"
#include "output/cover_art.hpp"
#include "util/atomic_file.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

std::string av_error(int rc) {
  char buf[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(rc, buf, sizeof buf);
  return buf;
}

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& message) {
  throw_runtime(message, Location{path.string()});
}

// RAII owners for the FFmpeg handles.
struct OutputContext {
  AVFormatContext* ctx = nullptr;
  ~OutputContext() {
    if (!ctx) return;
    if (ctx->pb) avio_closep(&ctx->pb);
    avformat_free_context(ctx);
  }
};
struct InputContext {
  AVFormatContext* ctx = nullptr;
  ~InputContext() { avformat_close_input(&ctx); }
};
struct CodecContext {
  AVCodecContext* ctx = nullptr;
  ~CodecContext() { avcodec_free_context(&ctx); }
};
struct Frame {
  AVFrame* f = av_frame_alloc();
  ~Frame() { av_frame_free(&f); }
};
struct Packet {
  AVPacket* p = av_packet_alloc();
  ~Packet() { av_packet_free(&p); }
};

AVFormatContext* new_ipod_output(const std::filesystem::path& path) {
  AVFormatContext* ctx = nullptr;
  const int rc = avformat_alloc_output_context2(&ctx, nullptr, "ipod", path.c_str());
  if (rc < 0 || !ctx) fail(path, "cannot set up the M4B muxer: " + av_error(rc));
  return ctx;
}

void open_output_file(AVFormatContext* ctx, const std::filesystem::path& path) {
  const int rc = avio_open(&ctx->pb, path.c_str(), AVIO_FLAG_WRITE);
  if (rc < 0) fail(path, "cannot create file: " + av_error(rc));
}

// AAC frames are 1024 samples. A kept packet's MDCT only reaches audio its
// encoder saw, so joins need no pre-roll for the overlap itself (the seam test
// in tests/output/chunked_encoders_test.cpp passes even without); the 4
// frames before and 2 after a chunk let the psychoacoustic model's state and
// its window decisions, made one frame ahead, match the neighbours' at the
// join, for 6 extra frames per 10 s chunk (3%).
constexpr std::int64_t kAacFrame = 1024;
constexpr std::int64_t kPrerollFrames = 4;
constexpr std::int64_t kTailFrames = 2;
// FFmpeg's native AAC coders differ about sixfold in speed; on 64 kbps mono
// speech "fast" measured closer to the source than the default "twoloop"
// (SNR and log-spectral distance; figures in the README's Performance).
constexpr const char* kAacCoder = "fast";

struct AacSettings {
  int sample_rate = 22050;
  std::int64_t bit_rate = 64000;
  bool global_header = true;
};

CodecContext open_aac(const AacSettings& s) {
  const AVCodec* codec = avcodec_find_encoder_by_name("aac");
  if (!codec) throw_runtime("FFmpeg has no AAC encoder");
  CodecContext enc;
  enc.ctx = avcodec_alloc_context3(codec);
  if (!enc.ctx) throw_runtime("out of memory");
  AVCodecContext* e = enc.ctx;
  e->sample_fmt = AV_SAMPLE_FMT_FLTP;
  e->sample_rate = s.sample_rate;
  av_channel_layout_default(&e->ch_layout, 1);
  e->bit_rate = s.bit_rate;
  e->time_base = AVRational{1, s.sample_rate};
  if (s.global_header) e->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  AVDictionary* opts = nullptr;
  av_dict_set(&opts, "aac_coder", kAacCoder, 0);
  const int rc = avcodec_open2(e, codec, &opts);
  av_dict_free(&opts);
  if (rc < 0)
    throw_usage("the AAC encoder cannot use " + std::to_string(s.sample_rate) + " Hz: " + av_error(rc));
  return enc;
}

// One AAC access unit, its stream time in samples (negative for the priming).
struct AacPacket {
  std::vector<std::uint8_t> data;
  std::int64_t pts = 0;
  std::int64_t duration = 0;
};
using AacPackets = std::vector<AacPacket>;

// Receives what the encoder has ready, keeping packets from `keep_from` to
// `keep_to` (stream times; the first chunk keeps its priming packet too).
void receive(AVCodecContext* e, std::int64_t offset, std::int64_t keep_from, std::int64_t keep_to, AacPackets& out) {
  Packet p;
  for (;;) {
    const int rc = avcodec_receive_packet(e, p.p);
    if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) return;
    if (rc < 0) throw_runtime("AAC encoding failed: " + av_error(rc));
    const std::int64_t pts = p.p->pts + offset;
    if ((pts >= keep_from || keep_from == 0) && pts < keep_to)
      out.push_back(AacPacket{std::vector<std::uint8_t>(p.p->data, p.p->data + p.p->size), pts, p.p->duration});
    av_packet_unref(p.p);
  }
}

AacPackets encode_chunk(const ChunkInput& c, const AacSettings& s) {
  CodecContext enc = open_aac(s);
  AVCodecContext* e = enc.ctx;
  const std::int64_t keep_to = c.last ? std::numeric_limits<std::int64_t>::max() : c.end;
  AacPackets out;
  Frame frame;
  const auto n = static_cast<std::int64_t>(c.samples.size());
  for (std::int64_t at = 0; at < n; at += kAacFrame) {
    AVFrame* f = frame.f;
    av_frame_unref(f);
    f->nb_samples = static_cast<int>(std::min(kAacFrame, n - at));  // the encoder takes a short last frame
    f->format = AV_SAMPLE_FMT_FLTP;
    f->sample_rate = s.sample_rate;
    av_channel_layout_copy(&f->ch_layout, &e->ch_layout);
    int rc = av_frame_get_buffer(f, 0);
    if (rc < 0) throw_runtime("out of memory: " + av_error(rc));
    std::memcpy(f->data[0], c.samples.data() + at, sizeof(float) * static_cast<std::size_t>(f->nb_samples));
    f->pts = at;
    rc = avcodec_send_frame(e, f);
    if (rc < 0) throw_runtime("AAC encoding failed: " + av_error(rc));
    receive(e, c.first, c.begin, keep_to, out);
  }
  // Only the stream's end is flushed: the others stop where their tail does.
  if (c.last) {
    const int rc = avcodec_send_frame(e, nullptr);
    if (rc < 0) throw_runtime("AAC encoding failed: " + av_error(rc));
    receive(e, c.first, c.begin, keep_to, out);
  }
  return out;
}

class M4bWriter final : public AudioSink {
 public:
  M4bWriter(const std::filesystem::path& path, const EncodeOptions& options)
      : path_(path),
        settings_(check(options)),
        chunks_(ChunkLayout{chunk_samples(options), kPrerollFrames * kAacFrame, kTailFrames * kAacFrame},
                options.threads, [this](const ChunkInput& c) { return encode_chunk(c, settings_); },
                [this](AacPackets& p) { store(p); }) {
    out_.ctx = new_ipod_output(path);
    settings_.global_header = (out_.ctx->oformat->flags & AVFMT_GLOBALHEADER) != 0;
    // A reference encoder, never fed, describes the stream (its AudioSpecificConfig).
    CodecContext reference = open_aac(settings_);
    stream_ = avformat_new_stream(out_.ctx, nullptr);
    if (!stream_) fail(path, "cannot add the audio stream");
    avcodec_parameters_from_context(stream_->codecpar, reference.ctx);
    stream_->time_base = reference.ctx->time_base;
    time_base_ = reference.ctx->time_base;
    open_output_file(out_.ctx, path);
    const int rc = avformat_write_header(out_.ctx, nullptr);
    if (rc < 0) fail(path, "write failed: " + av_error(rc));
  }

  void write(std::span<const float> samples) override {
    if (finished_) fail(path_, "write failed: writer already finished");
    chunks_.write(samples);
  }

  void finish() override {
    if (finished_) return;
    finished_ = true;
    chunks_.finish();
    int rc = av_write_trailer(out_.ctx);
    if (rc < 0) fail(path_, "write failed: " + av_error(rc));
    avio_flush(out_.ctx->pb);
    const int io_error = out_.ctx->pb->error;
    rc = avio_closep(&out_.ctx->pb);
    if (io_error < 0) fail(path_, "write failed: " + av_error(io_error));
    if (rc < 0) fail(path_, "write failed: " + av_error(rc));
  }

 private:
  static AacSettings check(const EncodeOptions& options) {
    if (options.bitrate_kbps < 8 || options.bitrate_kbps > 320)
      throw_usage("M4B needs a bitrate of 8 to 320 kbps, not " + std::to_string(options.bitrate_kbps));
    return AacSettings{options.sample_rate, static_cast<std::int64_t>(options.bitrate_kbps) * 1000, true};
  }

  static std::int64_t chunk_samples(const EncodeOptions& o) {
    if (!(o.chunk_seconds > 0.0)) throw_usage("M4B encoder chunks must be longer than 0 s");
    return std::max<std::int64_t>(1, std::llround(o.chunk_seconds * o.sample_rate / kAacFrame)) * kAacFrame;
  }

  // The muxer writes an edit list from the first packet's negative time (the
  // priming) and the last packet's shortened duration (the padding).
  void store(AacPackets& packets) {
    Packet pkt;
    for (AacPacket& a : packets) {
      av_packet_unref(pkt.p);  // av_write_frame leaves the packet's buffer with us
      int rc = av_new_packet(pkt.p, static_cast<int>(a.data.size()));
      if (rc < 0) throw_runtime("out of memory");
      std::memcpy(pkt.p->data, a.data.data(), a.data.size());
      pkt.p->pts = pkt.p->dts = a.pts;
      pkt.p->duration = a.duration;
      pkt.p->flags |= AV_PKT_FLAG_KEY;
      av_packet_rescale_ts(pkt.p, time_base_, stream_->time_base);
      pkt.p->stream_index = stream_->index;
      rc = av_write_frame(out_.ctx, pkt.p);
      if (rc < 0) fail(path_, "write failed: " + av_error(rc));
      if (out_.ctx->pb && out_.ctx->pb->error < 0) fail(path_, "write failed: " + av_error(out_.ctx->pb->error));
    }
  }

  std::filesystem::path path_;
  AacSettings settings_;
  OutputContext out_;
  AVStream* stream_ = nullptr;
  AVRational time_base_{1, 22050};
  ChunkedEncoder<AacPackets> chunks_;
  bool finished_ = false;
};

void add_chapters(AVFormatContext* out, const Timeline& t) {
  if (t.chapters.empty()) return;
  out->chapters = static_cast<AVChapter**>(av_calloc(t.chapters.size(), sizeof(AVChapter*)));
  if (!out->chapters) throw_runtime("out of memory");
  for (std::size_t i = 0; i < t.chapters.size(); ++i) {
    const TimedChapter& c = t.chapters[i];
    auto* ch = static_cast<AVChapter*>(av_mallocz(sizeof(AVChapter)));
    if (!ch) throw_runtime("out of memory");
    ch->id = static_cast<int64_t>(i + 1);
    ch->time_base = AVRational{1, t.sample_rate};
    ch->start = c.start_sample;
    ch->end = c.end_sample;
    av_dict_set(&ch->metadata, "title", c.title.c_str(), 0);
    out->chapters[i] = ch;
    out->nb_chapters = static_cast<unsigned>(i + 1);
  }
}

void set_tag(AVDictionary** dict, const char* key, const std::string& value) {
  if (!value.empty()) av_dict_set(dict, key, value.c_str(), 0);
}

}  // namespace

// These two are reached through the C entry points at the end of this file:
// the FFmpeg libraries are loaded only when an M4B is written (see
// m4b_loader.cpp), because loading them costs every run tens of milliseconds.
std::unique_ptr<AudioSink> m4b_module_open_writer(const std::filesystem::path& path,
                                                  const EncodeOptions& options) {
  // FFmpeg logs encoder statistics and a ".m4b is not .m4a" notice to
  // stderr; standard error is ours (progress and real warnings only).
  if (av_log_get_level() > AV_LOG_ERROR) av_log_set_level(AV_LOG_ERROR);
  return std::make_unique<M4bWriter>(path, options);
}

namespace {

/// Adds an output stream for each audio stream of `in`; the map gives each input stream's output index (-1: dropped).
std::vector<int> copy_audio_streams(AVFormatContext* in, AVFormatContext* out, const std::string& language,
                                    const std::filesystem::path& path) {
  std::vector<int> stream_map(in->nb_streams, -1);
  for (unsigned i = 0; i < in->nb_streams; ++i) {
    const AVStream* is = in->streams[i];
    if (is->codecpar->codec_type != AVMEDIA_TYPE_AUDIO) continue;
    AVStream* os = avformat_new_stream(out, nullptr);
    if (!os) fail(path, "cannot add the audio stream");
    avcodec_parameters_copy(os->codecpar, is->codecpar);
    os->codecpar->codec_tag = 0;
    os->time_base = is->time_base;
    // MP4 stores ISO 639-2 ("por"); the script carries BCP 47 ("pt-BR").
    set_tag(&os->metadata, "language", iso639_2(language));
    stream_map[i] = os->index;
  }
  return stream_map;
}

AVStream* add_cover_stream(AVFormatContext* out, const CoverImage& cover, const std::filesystem::path& path) {
  if (cover.data.empty()) return nullptr;
  AVStream* stream = avformat_new_stream(out, nullptr);
  if (!stream) fail(path, "cannot add the cover stream");
  stream->codecpar->codec_type = AVMEDIA_TYPE_VIDEO;
  stream->codecpar->codec_id = cover.mime == "image/png" ? AV_CODEC_ID_PNG : AV_CODEC_ID_MJPEG;
  stream->codecpar->width = cover.width;
  stream->codecpar->height = cover.height;
  stream->disposition = AV_DISPOSITION_ATTACHED_PIC;
  stream->time_base = AVRational{1, 90000};
  return stream;
}

void set_file_tags(AVFormatContext* out, const Metadata& meta) {
  set_tag(&out->metadata, "title", meta.title);
  set_tag(&out->metadata, "artist", meta.author);
  set_tag(&out->metadata, "album", meta.album);
  set_tag(&out->metadata, "date", meta.date);
  set_tag(&out->metadata, "genre", "Audiobook");
  if (meta.track > 0) {
    std::string trk = std::to_string(meta.track);
    if (meta.total_tracks > 0) trk += "/" + std::to_string(meta.total_tracks);
    set_tag(&out->metadata, "track", trk);
  }
}

void write_m4b_header(AVFormatContext* out, const std::filesystem::path& path) {
  // moov before mdat, so players and podcast apps can start streaming at once.
  AVDictionary* options = nullptr;
  av_dict_set(&options, "movflags", "+faststart", 0);
  // The brand normally comes from a ".m4b" name, which temporaries lack.
  av_dict_set(&options, "brand", "M4B ", 0);
  const int rc = avformat_write_header(out, &options);
  av_dict_free(&options);
  if (rc < 0) fail(path, "write failed: " + av_error(rc));
}

void write_cover_packet(AVFormatContext* out, const AVStream* stream, const CoverImage& cover, Packet& pkt,
                        const std::filesystem::path& path) {
  int rc = av_new_packet(pkt.p, static_cast<int>(cover.data.size()));
  if (rc < 0) throw_runtime("out of memory");
  std::memcpy(pkt.p->data, cover.data.data(), cover.data.size());
  pkt.p->stream_index = stream->index;
  pkt.p->flags |= AV_PKT_FLAG_KEY;
  pkt.p->pts = pkt.p->dts = 0;
  rc = av_write_frame(out, pkt.p);
  if (rc < 0) fail(path, "cannot embed the cover: " + av_error(rc));
  av_packet_unref(pkt.p);
}

/// Copies the audio packets of `in` unchanged (no re-encoding) into the streams given by `stream_map`.
void copy_audio_packets(AVFormatContext* in, AVFormatContext* out, const std::vector<int>& stream_map, Packet& pkt,
                        const std::filesystem::path& path) {
  for (;;) {
    int rc = av_read_frame(in, pkt.p);
    if (rc == AVERROR_EOF) break;
    if (rc < 0) fail(path, "cannot read M4B: " + av_error(rc));
    const int target = stream_map[static_cast<std::size_t>(pkt.p->stream_index)];
    if (target < 0) {
      av_packet_unref(pkt.p);
      continue;
    }
    av_packet_rescale_ts(pkt.p, in->streams[pkt.p->stream_index]->time_base, out->streams[target]->time_base);
    pkt.p->stream_index = target;
    pkt.p->pos = -1;
    rc = av_interleaved_write_frame(out, pkt.p);
    if (rc < 0) fail(path, "write failed: " + av_error(rc));
  }
}

/// Writes the trailer and closes the file, reporting any write error on the way.
void close_m4b_output(AVFormatContext* out, const std::filesystem::path& path) {
  int rc = av_write_trailer(out);
  if (rc < 0) fail(path, "write failed: " + av_error(rc));
  avio_flush(out->pb);
  const int io_error = out->pb->error;
  rc = avio_closep(&out->pb);
  if (io_error < 0) fail(path, "write failed: " + av_error(io_error));
  if (rc < 0) fail(path, "write failed: " + av_error(rc));
}

}  // namespace

void m4b_module_write_tags(const std::filesystem::path& path, const Metadata& meta,
                           const Timeline& timeline) {
  if (av_log_get_level() > AV_LOG_ERROR) av_log_set_level(AV_LOG_ERROR);
  // Read the cover first: a bad cover is the user's input error and must not
  // leave a temporary behind.
  CoverImage cover;
  if (!meta.cover_path.empty()) cover = load_cover(meta.cover_path);

  InputContext in;
  int rc = avformat_open_input(&in.ctx, path.c_str(), av_find_input_format("mov"), nullptr);
  if (rc < 0) fail(path, "cannot read M4B: " + av_error(rc));
  rc = avformat_find_stream_info(in.ctx, nullptr);
  if (rc < 0) fail(path, "cannot read M4B: " + av_error(rc));

  // AtomicFile registers the temporary, so an interrupt removes it too.
  AtomicFile temp(path);
  OutputContext out;
  out.ctx = new_ipod_output(temp.temp_path());
  const std::vector<int> stream_map = copy_audio_streams(in.ctx, out.ctx, meta.language, path);
  const AVStream* cover_stream = add_cover_stream(out.ctx, cover, path);
  set_file_tags(out.ctx, meta);
  add_chapters(out.ctx, timeline);

  open_output_file(out.ctx, temp.temp_path());
  write_m4b_header(out.ctx, path);
  Packet pkt;
  if (cover_stream) write_cover_packet(out.ctx, cover_stream, cover, pkt, path);
  copy_audio_packets(in.ctx, out.ctx, stream_map, pkt, path);
  close_m4b_output(out.ctx, path);
  avformat_close_input(&in.ctx);  // close the input before replacing it
  temp.commit();
}

}  // namespace readaloud

// The module's entry points, looked up with dlsym (signatures in m4b_writer.hpp).
extern "C" readaloud::AudioSink* readaloud_m4b_open_writer(const std::filesystem::path& path,
                                                           const readaloud::EncodeOptions& options) {
  return readaloud::m4b_module_open_writer(path, options).release();
}

extern "C" void readaloud_m4b_write_tags(const std::filesystem::path& path, const readaloud::Metadata& meta,
                                         const readaloud::Timeline& timeline) {
  readaloud::m4b_module_write_tags(path, meta, timeline);
}
