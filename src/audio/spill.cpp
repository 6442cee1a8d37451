#include "audio/spill.hpp"

#include <unistd.h>

#include <algorithm>
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

void SpillFile::write(std::span<const float> samples) {
  if (samples.empty()) return;
  if (!file_) throw_runtime("temporary audio file is closed");
  const std::size_t written = std::fwrite(samples.data(), sizeof(float), samples.size(), file_.get());
  if (written != samples.size())
    throw_runtime(std::string("write failed: cannot write the temporary audio file: ") + std::strerror(errno));
  size_ += static_cast<long long>(samples.size());
}

void SpillFile::replay(AudioSink& sink, std::size_t block) {
  if (!file_) throw_runtime("temporary audio file is closed");
  if (block == 0) block = 8192;
  std::FILE* f = file_.get();
  if (std::fflush(f) != 0 || std::fseek(f, 0, SEEK_SET) != 0)
    throw_runtime(std::string("cannot read back the temporary audio file: ") + std::strerror(errno));
  std::vector<float> buffer(block);
  long long left = size_;
  while (left > 0) {
    check_interrupted();
    const std::size_t want = static_cast<std::size_t>(std::min<long long>(left, static_cast<long long>(block)));
    const std::size_t got = std::fread(buffer.data(), sizeof(float), want, f);
    if (got != want)
      throw_runtime(std::string("cannot read back the temporary audio file: ") +
                    (std::ferror(f) ? std::strerror(errno) : "file is shorter than written"));
    sink.write(std::span<const float>(buffer.data(), got));
    left -= static_cast<long long>(got);
  }
  // Later writes append after the replayed data.
  if (std::fseek(f, 0, SEEK_END) != 0)
    throw_runtime(std::string("cannot seek in the temporary audio file: ") + std::strerror(errno));
  sink.finish();
}

void SpillFile::flush() {
  if (file_ && std::fflush(file_.get()) != 0)
    throw_runtime(std::string("write failed: cannot write the temporary audio file: ") + std::strerror(errno));
}

void SpillFile::replay_range(AudioSink& sink, long long begin, long long end, std::size_t block) const {
  if (!file_) throw_runtime("temporary audio file is closed");
  if (block == 0) block = 8192;
  const int fd = ::fileno(file_.get());
  std::vector<float> buffer(block);
  for (long long at = std::max(0LL, begin); at < std::min(end, size_);) {
    check_interrupted();
    const std::size_t want = static_cast<std::size_t>(std::min<long long>(std::min(end, size_) - at, static_cast<long long>(block)));
    const ssize_t got = ::pread(fd, buffer.data(), want * sizeof(float), static_cast<off_t>(at) * static_cast<off_t>(sizeof(float)));
    if (got != static_cast<ssize_t>(want * sizeof(float)))
      throw_runtime(std::string("cannot read back the temporary audio file: ") +
                    (got < 0 ? std::strerror(errno) : "file is shorter than written"));
    sink.write(std::span<const float>(buffer.data(), want));
    at += static_cast<long long>(want);
  }
  sink.finish();
}

}  // namespace readaloud
