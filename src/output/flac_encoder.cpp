#include "output/flac_encoder.hpp"

#include <FLAC/stream_encoder.h>
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <string>
#include <vector>

#include "output/chunked_encoder.hpp"
#include "output/encoded_file.hpp"
#include "util/error.hpp"

// Exported by libFLAC (the flac tool's --no-md5-sum uses it) but declared only
// in its private headers.
extern "C" FLAC__bool FLAC__stream_encoder_set_do_md5(FLAC__StreamEncoder* encoder, FLAC__bool value);

namespace readaloud {
namespace {

constexpr std::int64_t kBlockSize = 4096;  // libFLAC's block size at levels 3 to 8
constexpr std::size_t kStreamInfoAt = 8;   // after "fLaC" and the block header
constexpr std::size_t kPadding = 8192;     // room for tags and chapters without a rewrite

constexpr std::array<std::uint8_t, 256> make_crc8() {
  std::array<std::uint8_t, 256> t{};
  for (unsigned i = 0; i < 256; ++i) {
    unsigned c = i;
    for (int k = 0; k < 8; ++k) c = (c & 0x80u) ? ((c << 1) ^ 0x07u) & 0xFFu : (c << 1) & 0xFFu;
    t[i] = static_cast<std::uint8_t>(c);
  }
  return t;
}
constexpr std::array<std::uint16_t, 256> make_crc16() {
  std::array<std::uint16_t, 256> t{};
  for (unsigned i = 0; i < 256; ++i) {
    unsigned c = i << 8;
    for (int k = 0; k < 8; ++k) c = (c & 0x8000u) ? ((c << 1) ^ 0x8005u) & 0xFFFFu : (c << 1) & 0xFFFFu;
    t[i] = static_cast<std::uint16_t>(c);
  }
  return t;
}
constexpr auto kCrc8 = make_crc8();
constexpr auto kCrc16 = make_crc16();

}  // namespace

std::uint8_t flac_crc8(std::span<const std::uint8_t> bytes) {
  std::uint8_t crc = 0;
  for (std::uint8_t b : bytes) crc = kCrc8[crc ^ b];
  return crc;
}

std::uint16_t flac_crc16(std::span<const std::uint8_t> bytes) {
  std::uint16_t crc = 0;
  for (std::uint8_t b : bytes) crc = static_cast<std::uint16_t>((crc << 8) ^ kCrc16[(crc >> 8) ^ b]);
  return crc;
}

namespace {

// Float to 16-bit, rounded to nearest (ties to even, as lrint) and clipped
// beyond [-1, 1]. Adding and taking away 1.5 * 2^23 rounds a float below 2^22
// to a whole number, and unlike lrint the loop vectorises.
inline FLAC__int32 to_int16(float x) {
  constexpr float kRound = 12582912.0f;
  const float v = std::clamp(x * 32767.0f, -32768.0f, 32767.0f);
  return static_cast<FLAC__int32>((v + kRound) - kRound);
}

// GF(2) arithmetic modulo FLAC's CRC-16 polynomial (x^16 + x^15 + x^2 + 1),
// for fixing a frame's CRC-16 after its header changed without reading the
// rest of the frame again.
std::uint16_t crc16_mulmod(std::uint16_t a, std::uint16_t b) {
  std::uint32_t r = 0;
  for (int i = 15; i >= 0; --i) {
    r <<= 1;
    if (r & 0x10000u) r ^= 0x18005u;
    if ((b >> i) & 1u) r ^= a;
  }
  return static_cast<std::uint16_t>(r);
}

// x^(8 * bytes) modulo the polynomial: what the CRC of a prefix is multiplied
// by when `bytes` more bytes follow it.
std::uint16_t crc16_shift(std::size_t bytes) {
  std::uint16_t result = 1, base = 0x0100;  // x^0, x^8
  for (; bytes > 0; bytes >>= 1) {
    if (bytes & 1u) result = crc16_mulmod(result, base);
    base = crc16_mulmod(base, base);
  }
  return result;
}

// FLAC's extended UTF-8 coding of a frame number (up to 31 bits here).
void put_utf8(std::vector<std::uint8_t>& out, std::uint32_t v) {
  if (v < 0x80) {
    out.push_back(static_cast<std::uint8_t>(v));
    return;
  }
  int extra = v < 0x800 ? 1 : v < 0x10000 ? 2 : v < 0x200000 ? 3 : v < 0x4000000 ? 4 : 5;
  out.push_back(static_cast<std::uint8_t>((0xFF00u >> (extra + 1)) | (v >> (6 * extra))));
  for (int k = extra - 1; k >= 0; --k) out.push_back(static_cast<std::uint8_t>(0x80u | ((v >> (6 * k)) & 0x3Fu)));
}

// Rewrites one frame as frame number `number`: a new coded number, header
// CRC-8 and frame CRC-16; everything else is kept.
void append_renumbered(std::span<const std::uint8_t> frame, std::uint32_t number, std::vector<std::uint8_t>& out) {
  if (frame.size() < 8 || frame[0] != 0xFF || (frame[1] & 0xFE) != 0xF8)
    throw_runtime("FLAC encoder: libFLAC produced a frame without a sync code");
  int ones = 0;
  while (ones < 8 && (frame[4] & (0x80u >> ones))) ++ones;
  const std::size_t number_end = 4 + (ones == 0 ? 1 : static_cast<std::size_t>(ones));
  std::size_t at = number_end;
  const int size_code = frame[2] >> 4, rate_code = frame[2] & 0x0F;
  if (size_code == 6) at += 1;
  if (size_code == 7) at += 2;
  if (rate_code == 12) at += 1;
  if (rate_code == 13 || rate_code == 14) at += 2;
  if (at + 3 > frame.size()) throw_runtime("FLAC encoder: libFLAC produced a short frame");
  const std::size_t start = out.size();
  out.insert(out.end(), frame.begin(), frame.begin() + 4);
  put_utf8(out, number);
  // Block size and sample rate codes that follow the number.
  out.insert(out.end(), frame.begin() + static_cast<std::ptrdiff_t>(number_end), frame.begin() + static_cast<std::ptrdiff_t>(at));
  out.push_back(flac_crc8(std::span<const std::uint8_t>(out).subspan(start)));
  out.insert(out.end(), frame.begin() + static_cast<std::ptrdiff_t>(at + 1), frame.end() - 2);
  // The CRC-16 (initial value 0) is linear: crc(H + B) = crc(H) * x^(8|B|) + crc(B),
  // so replacing header H by H' changes it by (crc(H) + crc(H')) * x^(8|B|).
  const std::size_t body = frame.size() - 2 - (at + 1);
  const std::uint16_t old_crc = static_cast<std::uint16_t>((frame[frame.size() - 2] << 8) | frame[frame.size() - 1]);
  const std::uint16_t header_change = flac_crc16(frame.first(at + 1)) ^
                                      flac_crc16(std::span<const std::uint8_t>(out).subspan(start, out.size() - start - body));
  const std::uint16_t crc = old_crc ^ crc16_mulmod(header_change, crc16_shift(body));
  out.push_back(static_cast<std::uint8_t>(crc >> 8));
  out.push_back(static_cast<std::uint8_t>(crc));
}

struct EncoderDeleter {
  void operator()(FLAC__StreamEncoder* e) const { FLAC__stream_encoder_delete(e); }
};
using Encoder = std::unique_ptr<FLAC__StreamEncoder, EncoderDeleter>;

struct Encoded {
  std::vector<std::uint8_t> bytes;
  std::vector<std::int16_t> pcm;  ///< the chunk's samples as encoded, for the stream's MD5
  std::int64_t frames = 0;
  std::size_t min_frame = 0;
  std::size_t max_frame = 0;
};

// libFLAC hands each frame to the write callback in one piece.
struct Collected {
  std::vector<std::uint8_t> bytes;
  std::vector<std::size_t> ends;
};

FLAC__StreamEncoderWriteStatus collect(const FLAC__StreamEncoder*, const FLAC__byte buffer[], size_t bytes,
                                       uint32_t samples, uint32_t, void* user) {
  if (samples == 0) return FLAC__STREAM_ENCODER_WRITE_STATUS_OK;  // its own header: ours is written instead
  auto& c = *static_cast<Collected*>(user);
  c.bytes.insert(c.bytes.end(), buffer, buffer + bytes);
  c.ends.push_back(c.bytes.size());
  return FLAC__STREAM_ENCODER_WRITE_STATUS_OK;
}

Encoded encode_chunk(const ChunkInput& chunk, int sample_rate, int level) {
  Encoder enc(FLAC__stream_encoder_new());
  if (!enc) throw_runtime("FLAC encoder: out of memory");
  FLAC__StreamEncoder* e = enc.get();
  FLAC__stream_encoder_set_channels(e, 1);
  FLAC__stream_encoder_set_bits_per_sample(e, 16);
  FLAC__stream_encoder_set_sample_rate(e, static_cast<uint32_t>(sample_rate));
  FLAC__stream_encoder_set_compression_level(e, static_cast<uint32_t>(level));
  FLAC__stream_encoder_set_blocksize(e, static_cast<uint32_t>(kBlockSize));
  // The stream's MD5 is ours (SampleDigest, in stream order); a chunk's own is wasted work.
  FLAC__stream_encoder_set_do_md5(e, false);
  Collected out;
  if (FLAC__stream_encoder_init_stream(e, collect, nullptr, nullptr, nullptr, &out) !=
      FLAC__STREAM_ENCODER_INIT_STATUS_OK)
    throw_runtime("FLAC encoder: libFLAC cannot start");
  Encoded r;
  std::vector<FLAC__int32> pcm(8192);
  const std::size_t n = chunk.samples.size();
  r.pcm.resize(n);
  for (std::size_t i = 0; i < n; i += pcm.size()) {
    const std::size_t m = std::min(pcm.size(), n - i);
    for (std::size_t k = 0; k < m; ++k) pcm[k] = to_int16(chunk.samples[i + k]);
    for (std::size_t k = 0; k < m; ++k) r.pcm[i + k] = static_cast<std::int16_t>(pcm[k]);
    if (!FLAC__stream_encoder_process_interleaved(e, pcm.data(), static_cast<uint32_t>(m)))
      throw_runtime(std::string("FLAC encoder: ") +
                    FLAC__StreamEncoderStateString[FLAC__stream_encoder_get_state(e)]);
  }
  if (!FLAC__stream_encoder_finish(e)) throw_runtime("FLAC encoder: libFLAC failed to finish");

  r.bytes.reserve(out.bytes.size() + out.ends.size() * 4);
  std::size_t from = 0;
  const auto first_frame = static_cast<std::uint32_t>(chunk.begin / kBlockSize);
  for (std::size_t f = 0; f < out.ends.size(); ++f) {
    const std::size_t before = r.bytes.size();
    append_renumbered(std::span<const std::uint8_t>(out.bytes).subspan(from, out.ends[f] - from),
                      first_frame + static_cast<std::uint32_t>(f), r.bytes);
    const std::size_t size = r.bytes.size() - before;
    r.min_frame = r.frames == 0 ? size : std::min(r.min_frame, size);
    r.max_frame = std::max(r.max_frame, size);
    ++r.frames;
    from = out.ends[f];
  }
  return r;
}

void put_be(std::vector<std::uint8_t>& out, std::uint64_t v, int bytes) {
  for (int k = bytes - 1; k >= 0; --k) out.push_back(static_cast<std::uint8_t>(v >> (8 * k)));
}

struct DigestDeleter {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};

// STREAMINFO's MD5: of the samples in stream order, as 16-bit little-endian.
class SampleDigest {
 public:
  SampleDigest() : ctx_(EVP_MD_CTX_new()) {
    if (!ctx_ || !EVP_DigestInit_ex(ctx_.get(), EVP_md5(), nullptr)) throw_runtime("MD5 failed (OpenSSL)");
  }
  void add(std::span<const std::int16_t> samples) {
    static_assert(std::endian::native == std::endian::little, "samples are digested as they lie in memory");
    if (!EVP_DigestUpdate(ctx_.get(), samples.data(), samples.size_bytes())) throw_runtime("MD5 failed (OpenSSL)");
  }
  std::array<std::uint8_t, 16> finish() {
    std::array<std::uint8_t, 16> md5{};
    unsigned size = 0;
    if (!EVP_DigestFinal_ex(ctx_.get(), md5.data(), &size) || size != md5.size()) throw_runtime("MD5 failed (OpenSSL)");
    return md5;
  }

 private:
  std::unique_ptr<EVP_MD_CTX, DigestDeleter> ctx_;
};

class FlacWriter final : public ChunkedWriter<Encoded> {
 public:
  FlacWriter(const std::filesystem::path& path, int sample_rate, const FlacTuning& tuning)
      : ChunkedWriter(path, layout(check(sample_rate, tuning), tuning.chunk_seconds), tuning.threads,
                      [rate = sample_rate, level = tuning.level](const ChunkInput& c) {
                        return encode_chunk(c, rate, level);
                      }),
        file_(path),
        rate_(sample_rate) {
    file_.append(header(0, 0, 0, {}));
  }

 private:
  static int check(int rate, const FlacTuning& t) {
    if (rate < 1 || rate > 655350)
      throw_usage("FLAC cannot carry a sample rate of " + std::to_string(rate) + " Hz");
    if (t.level < 0 || t.level > 8) throw_usage("FLAC compression level must be 0 to 8");
    if (!(t.chunk_seconds > 0.0)) throw_usage("FLAC encoder chunks must be longer than 0 s");
    return rate;
  }

  // STREAMINFO patched with the totals.
  void close() override {
    const auto info = header(total(), min_frame_, max_frame_, digest_.finish());
    file_.write_at(0, std::span<const std::uint8_t>(info).first(kStreamInfoAt + 34));
    file_.close();
  }

  static ChunkLayout layout(int rate, double seconds) {
    const auto blocks = std::max<std::int64_t>(1, std::llround(seconds * rate / static_cast<double>(kBlockSize)));
    return ChunkLayout{blocks * kBlockSize, 0, 0};
  }

  // "fLaC", STREAMINFO, an empty Vorbis comment, and padding.
  std::vector<std::uint8_t> header(std::int64_t total, std::size_t min_frame, std::size_t max_frame,
                                   const std::array<std::uint8_t, 16>& md5) const {
    std::vector<std::uint8_t> h = {'f', 'L', 'a', 'C', 0x00, 0, 0, 34};
    put_be(h, kBlockSize, 2);
    put_be(h, kBlockSize, 2);
    put_be(h, min_frame, 3);
    put_be(h, max_frame, 3);
    const std::uint64_t packed = (static_cast<std::uint64_t>(rate_) << 44) | (0ull << 41) | (15ull << 36) |
                                 (static_cast<std::uint64_t>(total) & 0xFFFFFFFFFull);
    put_be(h, packed, 8);
    h.insert(h.end(), md5.begin(), md5.end());
    static constexpr char kVendor[] = "readaloud";
    const std::uint32_t vendor = sizeof kVendor - 1;
    h.push_back(0x04);
    put_be(h, 4 + vendor + 4, 3);
    for (int k = 0; k < 4; ++k) h.push_back(static_cast<std::uint8_t>(vendor >> (8 * k)));  // little-endian
    h.insert(h.end(), kVendor, kVendor + vendor);
    h.insert(h.end(), 4, 0);  // no comments
    h.push_back(0x80 | 0x01);  // last block: padding
    put_be(h, kPadding, 3);
    h.insert(h.end(), kPadding, 0);
    return h;
  }

  void store(Encoded& e) override {
    digest_.add(e.pcm);  // chunks have no pre-roll or tail: their samples are the stream's, in order
    file_.append(e.bytes);
    if (e.frames == 0) return;
    min_frame_ = frames_ == 0 ? e.min_frame : std::min(min_frame_, e.min_frame);
    max_frame_ = std::max(max_frame_, e.max_frame);
    frames_ += e.frames;
  }

  EncodedFile file_;
  int rate_;
  SampleDigest digest_;
  std::int64_t frames_ = 0;
  std::size_t min_frame_ = 0;
  std::size_t max_frame_ = 0;
};

}  // namespace

std::unique_ptr<AudioSink> open_flac_encoder(const std::filesystem::path& path, int sample_rate,
                                             const FlacTuning& tuning) {
  return std::make_unique<FlacWriter>(path, sample_rate, tuning);
}

}  // namespace readaloud
