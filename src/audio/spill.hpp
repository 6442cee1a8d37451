#pragma once
// The whole programme on disk, not in memory: loudness normalisation needs
// the integrated loudness before the first sample can be written, and memory
// must not grow with the length of the text.

#include <cstdint>
#include <cstdio>
#include <memory>
#include <span>
#include <vector>

#include "audio/sink.hpp"

namespace readaloud {

/// Samples read per block when a spill file is replayed: 64 KB of file per
/// read, few enough system calls that they cost little beside the samples'
/// processing, and a block of floats still fits in a core's L2 cache.
inline constexpr std::size_t kReplayBlock = 32768;

/// An anonymous temporary file of samples, stored as 16-bit PCM (so replay
/// gives back each sample rounded to the nearest 1/32768). It lives in $TMPDIR (or /tmp)
/// and has no name from the moment it is created, so it disappears when closed,
/// even after a crash. Move-only.
class SpillFile {
 public:
  /// Throws Error(Runtime) naming the folder when no temporary file can be made.
  SpillFile();
  ~SpillFile();
  SpillFile(SpillFile&&) noexcept;
  SpillFile& operator=(SpillFile&&) noexcept;
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  /// Appends samples. Throws Error(Runtime) on a write error (e.g. a full disk).
  void write(std::span<const float> samples);
  /// Takes over `other` as the continuation of this one, without copying:
  /// the first `samples` samples in its own file, whoever wrote them (another
  /// process may have, so `other` need not know how many), then whatever it
  /// had taken over itself. Nothing may be written after this.
  void adopt(SpillFile&& other, long long samples);
  /// Sets the size to `samples` (new samples read as silence), for filling
  /// with write_at().
  void resize(long long samples);
  /// Overwrites samples from sample `offset` (within size()) with pwrite, so
  /// several threads may fill disjoint ranges of one file at once.
  void write_at(long long offset, std::span<const float> samples) const;
  /// Samples written.
  long long size() const { return size_; }
  /// Streams everything to sink, in order, then sink.finish(). Checks for an
  /// interrupt between blocks. Later writes append after what was written.
  void replay(AudioSink& sink, std::size_t block = kReplayBlock);
  /// Pushes buffered samples to the file; call before replay_range().
  void flush();
  /// Streams samples [begin, end), times `scale`, to sink, then sink.finish().
  /// Reads with pread, so several threads may replay ranges at once (after
  /// flush(), with no write meanwhile).
  void replay_range(AudioSink& sink, long long begin, long long end, std::size_t block = kReplayBlock,
                    float scale = 1.0f) const;
  /// As replay(), with every sample multiplied by `scale` on the way out.
  void replay_scaled(AudioSink& sink, float scale, std::size_t block = kReplayBlock);

 private:
  struct Closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  /// Reads samples [at, at + count) from this file and the adopted ones.
  void read(long long at, std::int16_t* out, std::size_t count) const;

  struct Adopted {
    std::unique_ptr<std::FILE, Closer> file;
    long long samples;
  };
  std::unique_ptr<std::FILE, Closer> file_;
  long long size_ = 0;       ///< all samples, adopted ones included
  long long own_ = 0;        ///< samples in file_
  std::vector<Adopted> adopted_;
  std::vector<std::int16_t> pcm_;  ///< conversion buffer for write()
};

/// An AudioSink that appends to a SpillFile; finish() does nothing.
class SpillSink final : public AudioSink {
 public:
  explicit SpillSink(SpillFile& file) : file_(file) {}
  void write(std::span<const float> samples) override { file_.write(samples); }
  void finish() override {}

 private:
  SpillFile& file_;
};

}  // namespace readaloud
