#include "output/wav_pcm.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "audio/pcm.hpp"
#include "util/atomic_file.hpp"
#include "output/riff.hpp"
#include "util/error.hpp"
#include "util/fd.hpp"
#include "util/parallel.hpp"

namespace readaloud {
namespace {

static_assert(std::endian::native == std::endian::little, "WAV samples are written as they lie in memory");

using riff::put16;
using riff::put32;

std::string header(long long samples, int sample_rate) {
  const auto data_bytes = static_cast<std::uint32_t>(samples * 2);
  std::string h = "RIFF";
  put32(h, 36 + data_bytes);
  h += "WAVEfmt ";
  put32(h, 16);
  put16(h, 1);  // PCM
  put16(h, 1);  // mono
  put32(h, static_cast<std::uint32_t>(sample_rate));
  put32(h, static_cast<std::uint32_t>(sample_rate) * 2);  // bytes per second
  put16(h, 2);                                            // bytes per frame
  put16(h, 16);                                           // bits per sample
  h += "data";
  put32(h, data_bytes);
  return h;
}


/// Converts what it is given to 16-bit little-endian samples and writes them
/// from sample `at` on.
class PcmWriter final : public AudioSink {
 public:
  PcmWriter(int fd, const std::filesystem::path& path, long long at)
      : fd_(fd), path_(path), at_(at), writeback_(44 + static_cast<off_t>(at) * 2) {}
  void write(std::span<const float> samples) override {
    float_to_int16(samples, pcm_);  // WAV is little-endian, like every machine this builds for
    if (!pwrite_all(fd_, pcm_.data(), pcm_.size() * sizeof(std::int16_t), 44 + static_cast<off_t>(at_) * 2))
      throw_runtime(std::string("write failed: ") + std::strerror(errno), {path_.string()});
    at_ += static_cast<long long>(samples.size());
    writeback_.written_to(fd_, 44 + static_cast<off_t>(at_) * 2);
  }
  void finish() override {}

 private:
  int fd_;
  const std::filesystem::path& path_;
  long long at_;
  Writeback writeback_;
  std::vector<std::int16_t> pcm_;
};

}  // namespace

void write_wav_from_spill(const std::filesystem::path& path, const SpillFile& source, float scale, int sample_rate,
                          int threads) {
  Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (fd.get() < 0) throw_runtime(std::string("cannot create file: ") + std::strerror(errno), {path.string()});
  const std::string head = header(source.size(), sample_rate);
  if (!pwrite_all(fd.get(), head.data(), head.size(), 0))
    throw_runtime(std::string("write failed: ") + std::strerror(errno), {path.string()});

  const long long size = source.size();
  const int parts = static_cast<int>(std::clamp<long long>(size / (1 << 16), 1, std::max(1, threads)));
  auto write_part = [&](int p) {
    const long long begin = size * p / parts;
    const long long end = size * (p + 1) / parts;
    PcmWriter out(fd.get(), path, begin);
    source.replay_range(out, begin, end, kReplayBlock, scale);
  };
  run_parts(parts, write_part);
  if (::close(fd.release()) != 0) throw_runtime(std::string("write failed: ") + std::strerror(errno), {path.string()});
}

}  // namespace readaloud
