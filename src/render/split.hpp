#pragma once
// Split mode: one audio file per chapter, cut from the same stream as the
// whole programme, so the parts add up to the whole.

#include <filesystem>
#include <memory>
#include <vector>

#include "audio/resampler.hpp"
#include "audio/sink.hpp"
#include "output/audio_format.hpp"
#include "output/timeline.hpp"

namespace readaloud {

/// Sends each chapter's samples (at the programme's rate) to its own encoder.
/// Part i is written to paths[i]; chapters are cut exactly at their start samples.
class ChapterSplitter final : public AudioSink {
 public:
  ChapterSplitter(const Timeline& timeline, std::vector<std::filesystem::path> paths, const EncodeOptions& encode);
  void write(std::span<const float> samples) override;
  void finish() override;

 private:
  void open_part();
  void close_part();

  const Timeline& timeline_;
  std::vector<std::filesystem::path> paths_;
  EncodeOptions encode_;
  std::size_t part_ = 0;
  long long position_ = 0;
  std::unique_ptr<AudioSink> writer_;
  std::unique_ptr<Resampler> resampler_;
};

/// Feeds one stream to two sinks.
class TeeSink final : public AudioSink {
 public:
  TeeSink(AudioSink& a, AudioSink& b) : a_(a), b_(b) {}
  void write(std::span<const float> samples) override {
    a_.write(samples);
    b_.write(samples);
  }
  void finish() override {
    a_.finish();
    b_.finish();
  }

 private:
  AudioSink& a_;
  AudioSink& b_;
};

/// "07-side-effects.mp3": the file name of chapter `index` (0-based) of `count`.
std::string part_file_name(std::size_t index, std::size_t count, const std::string& title, AudioFormat format);

/// A timeline holding only chapter `index`, starting at 0 (for tagging a part).
Timeline part_timeline(const Timeline& whole, std::size_t index);

}  // namespace readaloud
