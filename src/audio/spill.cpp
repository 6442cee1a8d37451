#include "audio/spill.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "util/atomic_file.hpp"
#include "util/error.hpp"

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

void SpillFile::write(std::span<const float> samples) {
  if (samples.empty()) return;
  if (!file_) throw_runtime("temporary audio file is closed");
  pcm_.resize(samples.size());
  for (std::size_t i = 0; i < samples.size(); ++i) {
    // Round half away from zero without a library call: this runs per sample.
    const float v = std::clamp(samples[i] * kScale, -32768.0f, 32767.0f);
    pcm_[i] = static_cast<std::int16_t>(v + (v >= 0.0f ? 0.5f : -0.5f));
  }
  const std::size_t written = std::fwrite(pcm_.data(), sizeof(std::int16_t), pcm_.size(), file_.get());
  if (written != samples.size())
    throw_runtime(std::string("write failed: cannot write the temporary audio file: ") + std::strerror(errno));
  size_ += static_cast<long long>(samples.size());
}

void SpillFile::replay(AudioSink& sink, std::size_t block) {
  flush();
  replay_range(sink, 0, size_, block);
}

void SpillFile::flush() {
  if (file_ && std::fflush(file_.get()) != 0)
    throw_runtime(std::string("write failed: cannot write the temporary audio file: ") + std::strerror(errno));
}

void SpillFile::replay_range(AudioSink& sink, long long begin, long long end, std::size_t block) const {
  if (!file_) throw_runtime("temporary audio file is closed");
  if (block == 0) block = 8192;
  const int fd = ::fileno(file_.get());
  std::vector<std::int16_t> pcm(block);
  std::vector<float> samples(block);
  for (long long at = std::max(0LL, begin); at < std::min(end, size_);) {
    check_interrupted();
    const std::size_t want =
        static_cast<std::size_t>(std::min<long long>(std::min(end, size_) - at, static_cast<long long>(block)));
    const ssize_t got = ::pread(fd, pcm.data(), want * sizeof(std::int16_t),
                                static_cast<off_t>(at) * static_cast<off_t>(sizeof(std::int16_t)));
    if (got != static_cast<ssize_t>(want * sizeof(std::int16_t)))
      throw_runtime(std::string("cannot read back the temporary audio file: ") +
                    (got < 0 ? std::strerror(errno) : "file is shorter than written"));
    for (std::size_t i = 0; i < want; ++i) samples[i] = static_cast<float>(pcm[i]) * (1.0f / kScale);
    sink.write(std::span<const float>(samples.data(), want));
    at += static_cast<long long>(want);
  }
  sink.finish();
}

}  // namespace readaloud
