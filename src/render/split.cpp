#include "render/split.hpp"

#include <algorithm>

#include "output/audio_writer.hpp"
#include "render/naming.hpp"

namespace readaloud {

ChapterSplitter::ChapterSplitter(const Timeline& timeline, std::vector<std::filesystem::path> paths,
                                 const EncodeOptions& encode)
    : timeline_(timeline), paths_(std::move(paths)), encode_(encode) {
  if (!paths_.empty()) open_part();
}

void ChapterSplitter::open_part() {
  writer_ = open_audio_writer(paths_[part_], encode_);
  resampler_ = std::make_unique<Resampler>(*writer_, timeline_.sample_rate, encode_.sample_rate);
}

void ChapterSplitter::close_part() {
  if (!resampler_) return;
  resampler_->finish();  // finishes the writer too
  resampler_.reset();
  writer_.reset();
}

void ChapterSplitter::write(std::span<const float> samples) {
  while (!samples.empty() && resampler_) {
    const long long end = timeline_.chapters[part_].end_sample;
    const auto take = static_cast<std::size_t>(std::clamp<long long>(end - position_, 0, static_cast<long long>(samples.size())));
    if (take > 0) resampler_->write(samples.first(take));
    position_ += static_cast<long long>(take);
    samples = samples.subspan(take);
    if (position_ >= end && part_ + 1 < paths_.size()) {
      close_part();
      ++part_;
      open_part();
    } else if (position_ >= end) {
      break;  // past the last chapter: nothing more belongs to a part
    }
  }
}

void ChapterSplitter::finish() {
  close_part();
  part_ = paths_.size();
}

std::string part_file_name(std::size_t index, std::size_t count, const std::string& title, AudioFormat format) {
  std::string number = std::to_string(index + 1);
  const std::size_t width = std::max<std::size_t>(2, std::to_string(count).size());
  if (number.size() < width) number.insert(0, width - number.size(), '0');
  return number + "-" + slugify(title) + "." + extension(format);
}

Timeline part_timeline(const Timeline& whole, std::size_t index) {
  Timeline part;
  part.sample_rate = whole.sample_rate;
  TimedChapter chapter = whole.chapters[index];
  part.total_samples = chapter.end_sample - chapter.start_sample;
  chapter.end_sample = part.total_samples;
  chapter.start_sample = 0;
  part.chapters.push_back(chapter);
  for (const auto& cue : whole.cues)
    if (cue.start_sample >= whole.chapters[index].start_sample && cue.start_sample < whole.chapters[index].end_sample)
      part.cues.push_back(Cue{cue.start_sample - whole.chapters[index].start_sample,
                              std::min(cue.end_sample, whole.chapters[index].end_sample) - whole.chapters[index].start_sample,
                              cue.text});
  return part;
}

}  // namespace readaloud
