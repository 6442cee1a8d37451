#include "audio/spill.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "audio/pcm.hpp"
#include "util/atomic_file.hpp"
#include "util/error.hpp"
#include "util/fd.hpp"

namespace readaloud {
namespace {

std::string temp_dir() {
  const char* dir = std::getenv("TMPDIR");
  return dir != nullptr && *dir != '\0' ? dir : "/tmp";
}

}  // namespace

SpillFile::SpillFile() {
  // mkstemp + unlink rather than tmpfile(): honours $TMPDIR, and the name is
  // gone at once, so no interrupt or crash can leave the file behind.
  const std::string dir = temp_dir();
  std::string pattern = dir + "/readaloud-spill-XXXXXX";
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) throw_runtime("cannot create a temporary audio file in '" + dir + "': " + std::strerror(errno));
  ::unlink(pattern.c_str());
  file_.reset(::fdopen(fd, "w+b"));
  if (!file_) {
    const int saved = errno;
    ::close(fd);
    throw_runtime("cannot open a temporary audio file in '" + dir + "': " + std::strerror(saved));
  }
}

SpillFile::~SpillFile() = default;
SpillFile::SpillFile(SpillFile&&) noexcept = default;
SpillFile& SpillFile::operator=(SpillFile&&) noexcept = default;

// Samples are kept as 16-bit PCM: eSpeak NG speaks 16-bit audio, the earcon
// is far below full scale, and half the bytes means half the disk (or tmpfs
// memory) and half the copying on each of the passes that read it back.
constexpr float kScale = 32768.0f;

namespace {

[[noreturn]] void throw_write_failed(int error) {
  throw_runtime(std::string("write failed: cannot write the temporary audio file: ") + std::strerror(error));
}

}  // namespace

void SpillFile::write(std::span<const float> samples) {
  if (samples.empty()) return;
  if (!file_) throw_runtime("temporary audio file is closed");
  if (!adopted_.empty()) throw_runtime("temporary audio file: written after taking over another");
  float_to_int16(samples, pcm_);
  const std::size_t written = std::fwrite(pcm_.data(), sizeof(std::int16_t), pcm_.size(), file_.get());
  if (written != samples.size()) throw_write_failed(errno);
  size_ += static_cast<long long>(samples.size());
  own_ += static_cast<long long>(samples.size());
}

void SpillFile::adopt(SpillFile&& other, long long samples) {
  if (!file_ || !other.file_) throw_runtime("temporary audio file is closed");
  flush();
  adopted_.push_back(Adopted{std::move(other.file_), samples});
  size_ += samples;
  for (auto& later : other.adopted_) {
    size_ += later.samples;
    adopted_.push_back(std::move(later));
  }
  other.adopted_.clear();
  other.size_ = other.own_ = 0;
}

void SpillFile::read(long long at, std::int16_t* out, std::size_t count) const {
  auto read_part = [](std::FILE* file, long long from, std::int16_t* to, std::size_t n) {
    const ssize_t got = ::pread(::fileno(file), to, n * sizeof(std::int16_t),
                                static_cast<off_t>(from) * static_cast<off_t>(sizeof(std::int16_t)));
    if (got != static_cast<ssize_t>(n * sizeof(std::int16_t)))
      throw_runtime(std::string("cannot read back the temporary audio file: ") +
                    (got < 0 ? std::strerror(errno) : "file is shorter than written"));
  };
  long long start = 0;  // of the current part within the programme
  auto take = [&](std::FILE* file, long long samples) {
    if (count > 0 && at < start + samples) {
      const auto n = static_cast<std::size_t>(std::min<long long>(start + samples - at, static_cast<long long>(count)));
      read_part(file, at - start, out, n);
      at += static_cast<long long>(n);
      out += n;
      count -= n;
    }
    start += samples;
  };
  take(file_.get(), own_);
  for (const auto& later : adopted_) take(later.file.get(), later.samples);
}

void SpillFile::resize(long long samples) {
  if (!file_) throw_runtime("temporary audio file is closed");
  if (!adopted_.empty()) throw_runtime("temporary audio file: resized after taking over another");
  flush();
  if (::ftruncate(::fileno(file_.get()), static_cast<off_t>(samples) * static_cast<off_t>(sizeof(std::int16_t))) != 0)
    throw_write_failed(errno);
  size_ = own_ = samples;
}

void SpillFile::write_at(long long offset, std::span<const float> samples) const {
  if (!file_) throw_runtime("temporary audio file is closed");
  if (offset < 0 || offset + static_cast<long long>(samples.size()) > own_)
    throw_runtime("temporary audio file: write beyond its size");
  thread_local std::vector<std::int16_t> pcm;
  float_to_int16(samples, pcm);
  if (!pwrite_all(::fileno(file_.get()), pcm.data(), pcm.size() * sizeof(std::int16_t),
                  static_cast<off_t>(offset) * static_cast<off_t>(sizeof(std::int16_t))))
    throw_write_failed(errno);
}

void SpillFile::replay(AudioSink& sink, std::size_t block) {
  flush();
  replay_range(sink, 0, size_, block, 1.0f);
}

void SpillFile::replay_scaled(AudioSink& sink, float scale, std::size_t block) {
  flush();
  replay_range(sink, 0, size_, block, scale);
}

void SpillFile::flush() {
  if (file_ && std::fflush(file_.get()) != 0)
    throw_runtime(std::string("write failed: cannot write the temporary audio file: ") + std::strerror(errno));
}

void SpillFile::replay_range(AudioSink& sink, long long begin, long long end, std::size_t block, float scale) const {
  if (!file_) throw_runtime("temporary audio file is closed");
  if (block == 0) block = kReplayBlock;
  std::vector<std::int16_t> pcm(block);
  std::vector<float> samples(block);
  for (long long at = std::max(0LL, begin); at < std::min(end, size_);) {
    check_interrupted();
    const std::size_t want =
        static_cast<std::size_t>(std::min<long long>(std::min(end, size_) - at, static_cast<long long>(block)));
    read(at, pcm.data(), want);
    const float factor = scale / kScale;
    for (std::size_t i = 0; i < want; ++i) samples[i] = static_cast<float>(pcm[i]) * factor;
    sink.write(std::span<const float>(samples.data(), want));
    at += static_cast<long long>(want);
  }
  sink.finish();
}

}  // namespace readaloud
