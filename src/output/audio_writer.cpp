#include "output/audio_writer.hpp"

#include <algorithm>

#include <fcntl.h>
#include <sndfile.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "output/flac_encoder.hpp"
#include "output/m4b_writer.hpp"
#include "output/opus_encoder.hpp"
#include "output/vorbis_encoder.hpp"
#include "output/mp3_encoder.hpp"
#include "util/error.hpp"
#include "util/fd.hpp"

namespace readaloud {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& message) {
  throw_runtime(message, Location{path.string()});
}

// libsndfile's MP3 encoder only logs a short write and still reports every
// frame as written, so a full disk would go unnoticed through sf_open(). We
// hand libsndfile our own file descriptor through the virtual I/O interface
// and remember the first failing write ourselves.
class SndfileWriter final : public AudioSink {
 public:
  SndfileWriter(const std::filesystem::path& path, const EncodeOptions& options) : path_(path) {
    SF_INFO info{};
    info.samplerate = options.sample_rate;
    info.channels = 1;
    info.format = sndfile_format(options.format);
    if (options.sample_rate < 8000 || options.sample_rate > 192000)
      throw_usage("unsupported sample rate " + std::to_string(options.sample_rate) + " Hz");
    if (!sf_format_check(&info))
      throw_usage(std::string("libsndfile cannot write ") + extension(options.format) + " at " +
                  std::to_string(options.sample_rate) + " Hz");

    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) fail(path, std::string("cannot create file: ") + std::strerror(errno));

    SF_VIRTUAL_IO io{&vio_filelen, &vio_seek, &vio_read, &vio_write, &vio_tell};
    sf_ = sf_open_virtual(&io, SFM_WRITE, &info, this);
    if (!sf_) {
      std::string why = sf_strerror(nullptr);
      ::close(fd_);
      fd_ = -1;
      fail(path, "cannot open encoder: " + why);
    }
    // Float input beyond [-1, 1] must clip, not wrap, in integer formats.
    sf_command(sf_, SFC_SET_CLIPPING, nullptr, SF_TRUE);
  }

  ~SndfileWriter() override {
    if (sf_) sf_close(sf_);
    if (fd_ >= 0) ::close(fd_);
  }

  void write(std::span<const float> samples) override {
    if (!sf_) fail(path_, "write failed: writer already finished");
    if (samples.empty()) return;
    const auto n = static_cast<sf_count_t>(samples.size());
    const sf_count_t done = sf_writef_float(sf_, samples.data(), n);
    if (io_errno_ != 0) fail(path_, std::string("write failed: ") + std::strerror(io_errno_));
    if (done != n) fail(path_, std::string("write failed: ") + sf_strerror(sf_));
  }

  void finish() override {
    if (!sf_) return;
    const int rc = sf_close(sf_);
    sf_ = nullptr;
    const int close_rc = ::close(fd_);
    const int close_errno = errno;
    fd_ = -1;
    if (io_errno_ != 0) fail(path_, std::string("write failed: ") + std::strerror(io_errno_));
    if (rc != 0) fail(path_, std::string("write failed: ") + sf_error_number(rc));
    if (close_rc != 0) fail(path_, std::string("write failed: ") + std::strerror(close_errno));
  }

 private:
  static int sndfile_format(AudioFormat f) {
    switch (f) {
      case AudioFormat::Wav: return SF_FORMAT_WAV | SF_FORMAT_PCM_16;
      case AudioFormat::Ogg:  // vorbis_encoder.cpp
      case AudioFormat::Opus:  // opus_encoder.cpp
      case AudioFormat::Flac:  // flac_encoder.cpp
      case AudioFormat::Mp3:  // mp3_encoder.cpp
      case AudioFormat::M4b:  // m4b_writer.cpp
        break;
    }
    return 0;
  }

  static SndfileWriter& self(void* user) { return *static_cast<SndfileWriter*>(user); }
  static sf_count_t vio_filelen(void* user) {
    struct stat st{};
    if (::fstat(self(user).fd_, &st) != 0) return -1;
    return st.st_size;
  }
  static sf_count_t vio_seek(sf_count_t offset, int whence, void* user) {
    return ::lseek(self(user).fd_, offset, whence);
  }
  static sf_count_t vio_read(void* ptr, sf_count_t count, void* user) {
    return static_cast<sf_count_t>(read_full(self(user).fd_, ptr, static_cast<std::size_t>(count)));
  }
  static sf_count_t vio_write(const void* ptr, sf_count_t count, void* user) {
    SndfileWriter& w = self(user);
    if (write_all(w.fd_, ptr, static_cast<std::size_t>(count))) return count;
    if (w.io_errno_ == 0) w.io_errno_ = errno;
    return 0;  // libsndfile reports a short write as an error
  }
  static sf_count_t vio_tell(void* user) { return ::lseek(self(user).fd_, 0, SEEK_CUR); }

  std::filesystem::path path_;
  int fd_ = -1;
  SNDFILE* sf_ = nullptr;
  int io_errno_ = 0;
};

// A chunked encoder's tuning: its own defaults, with the chunk length and
// the threads of `options`.
template <typename Tuning>
Tuning chunk_tuning(const EncodeOptions& options) {
  Tuning tuning;
  tuning.chunk_seconds = options.chunk_seconds;
  tuning.threads = std::max(1, options.threads);
  return tuning;
}

}  // namespace

std::unique_ptr<AudioSink> open_audio_writer(const std::filesystem::path& path,
                                             const EncodeOptions& options) {
  switch (options.format) {
    case AudioFormat::M4b: return open_m4b_writer(path, options);
    // Direct LAME: quality 7 and chunks encoded on two threads, about 3x the
    // speed of libsndfile's LAME at its default quality (see mp3_encoder.hpp).
    case AudioFormat::Mp3:
      return open_mp3_encoder(path, options.sample_rate, options.bitrate_kbps, chunk_tuning<Mp3Tuning>(options));
    // libFLAC directly, in chunks of whole frames on all threads.
    case AudioFormat::Flac: return open_flac_encoder(path, options.sample_rate, chunk_tuning<FlacTuning>(options));
    // libopus directly, in chunks on all threads, paged as one Ogg stream.
    case AudioFormat::Opus:
      return open_opus_encoder(path, options.sample_rate, options.bitrate_kbps, chunk_tuning<OpusTuning>(options));
    // libvorbis directly, in chunks on all threads, joined where block boundaries align.
    case AudioFormat::Ogg: return open_vorbis_encoder(path, options.sample_rate, chunk_tuning<VorbisTuning>(options));
    case AudioFormat::Wav: break;
  }
  return std::make_unique<SndfileWriter>(path, options);
}

}  // namespace readaloud
