#include "render/programme.hpp"

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "audio/pcm.hpp"
#include "audio/tone.hpp"
#include "util/atomic_file.hpp"
#include "util/text.hpp"

namespace readaloud {
namespace {

class Writer {
 public:
  Writer(AudioSink& sink, int rate) : sink_(sink), rate_(rate) {}

  void silence_ms(int ms) {
    if (ms <= 0) return;
    long long n = static_cast<long long>(ms) * rate_ / 1000;
    if (zeros_.empty()) zeros_.assign(kSilenceBlock, 0.0f);
    while (n > 0) {
      auto chunk = static_cast<std::size_t>(std::min<long long>(n, static_cast<long long>(zeros_.size())));
      write(std::span<const float>(zeros_.data(), chunk));
      n -= static_cast<long long>(chunk);
    }
  }

  void write(std::span<const float> samples) {
    sink_.write(samples);
    position_ += static_cast<long long>(samples.size());
  }

  /// eSpeak's samples, converted a block at a time into one reused buffer: a
  /// whole segment's worth of floats (megabytes) would fault in fresh pages
  /// whenever a segment is longer than any before it.
  void write_pcm(std::span<const std::int16_t> samples) {
    for (std::size_t at = 0; at < samples.size(); at += kSpeechBlock) {
      block_.clear();
      int16_to_float(samples.subspan(at, std::min(kSpeechBlock, samples.size() - at)), block_);
      write(block_);
    }
  }

  long long position() const { return position_; }

 private:
  static constexpr std::size_t kSilenceBlock = 8192;
  static constexpr std::size_t kSpeechBlock = 32768;
  AudioSink& sink_;
  int rate_;
  long long position_ = 0;
  std::vector<float> zeros_;
  std::vector<float> block_;
};

// eSpeak reports sentence starts as 1-based character positions; captions
// need the sentence text, so map characters back to byte offsets.
std::size_t byte_of_char(std::string_view text, std::size_t char_index) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (chars == char_index) return i;
      ++chars;
    }
  }
  return text.size();
}

void add_cues(const Segment& segment, const SynthOutput& out, long long start, std::vector<Cue>& cues) {
  std::vector<SentenceStart> starts = out.sentences;
  if (starts.empty() || starts.front().text_position > 1) starts.insert(starts.begin(), SentenceStart{0, 1});
  for (std::size_t i = 0; i < starts.size(); ++i) {
    std::size_t from = byte_of_char(segment.text, starts[i].text_position - 1);
    std::size_t to = i + 1 < starts.size() ? byte_of_char(segment.text, starts[i + 1].text_position - 1)
                                           : segment.text.size();
    std::string text(trim(std::string_view(segment.text).substr(from, to > from ? to - from : 0)));
    if (text.empty()) continue;
    long long at = start + static_cast<long long>(std::min(starts[i].sample, out.samples.size()));
    if (!cues.empty() && at <= cues.back().start_sample) {
      // Two sentences reported at one sample: keep one cue holding both.
      cues.back().text += " " + text;
      continue;
    }
    cues.push_back(Cue{at, 0, std::move(text)});
  }
}

}  // namespace

const Prosody& prosody_for(const VoiceProfile& profile, Role role) {
  switch (role) {
    case Role::Heading: return profile.heading;
    case Role::Announcement: return profile.announcement;
    case Role::Warning: return profile.warning;
    case Role::Narration: break;
  }
  return profile.narration;
}

Timeline speak_range(const Script& script, ScriptPosition from, ScriptPosition to, const VoiceProfile& profile,
                     Synthesizer& synth, AudioSink& sink, const ProgressFn& progress) {
  const int rate = synth.sample_rate();
  Writer out(sink, rate);
  Timeline timeline;
  timeline.sample_rate = rate;
  const std::vector<float> earcon = make_earcon(profile.earcon, rate);

  to = std::min(to, ScriptPosition{script.chapters.size(), 0});
  auto segments_of = [&](std::size_t c) {
    const std::size_t begin = c == from.chapter ? from.segment : 0;
    const std::size_t end = c == to.chapter ? to.segment : script.chapters[c].segments.size();
    return std::pair{begin, std::max(begin, end)};
  };
  const std::size_t last = to.segment > 0 ? to.chapter + 1 : to.chapter;
  std::size_t total_segments = 0;
  for (std::size_t c = from.chapter; c < last; ++c) {
    const auto [begin, end] = segments_of(c);
    total_segments += end - begin;
  }
  std::size_t done = 0;

  for (std::size_t c = from.chapter; c < last; ++c) {
    const Chapter& chapter = script.chapters[c];
    const auto [begin, end] = segments_of(c);
    // A chapter begun by whoever spoke its earlier segments has its marker.
    bool chapter_started = begin > 0;
    for (std::size_t s = begin; s < end; ++s) {
      const Segment& segment = chapter.segments[s];
      check_interrupted();
      if (segment.earcon_before) {
        if (!chapter_started && c > 0) out.silence_ms(segment.pause_before_ms);
        if (!chapter_started) {
          timeline.chapters.push_back(TimedChapter{chapter.title, chapter.level, chapter.warning, out.position(), 0});
          chapter_started = true;
        }
        out.write(earcon);
        out.silence_ms(segment.pause_before_ms);
      } else {
        out.silence_ms(segment.pause_before_ms);
        if (!chapter_started) {
          timeline.chapters.push_back(TimedChapter{chapter.title, chapter.level, chapter.warning, out.position(), 0});
          chapter_started = true;
        }
      }
      SynthOutput speech = synth.synthesize(segment.text, prosody_for(profile, segment.role));
      add_cues(segment, speech, out.position(), timeline.cues);
      out.write_pcm(speech.samples);
      out.silence_ms(segment.pause_after_ms);
      ++done;
      if (progress && total_segments > 0) progress(static_cast<double>(done) / static_cast<double>(total_segments));
    }
    if (!chapter_started && chapter.segments.empty())  // a chapter with nothing to say still gets its marker
      timeline.chapters.push_back(TimedChapter{chapter.title, chapter.level, chapter.warning, out.position(), 0});
  }
  timeline.total_samples = out.position();
  return timeline;
}

void append_timeline(Timeline& timeline, Timeline later) {
  for (auto& chapter : later.chapters) {
    chapter.start_sample += timeline.total_samples;
    timeline.chapters.push_back(std::move(chapter));
  }
  for (auto& cue : later.cues) {
    cue.start_sample += timeline.total_samples;
    timeline.cues.push_back(std::move(cue));
  }
  timeline.total_samples += later.total_samples;
}

void finish_timeline(Timeline& timeline) {
  // The first chapter starts the programme, even when it opens with a pause.
  if (!timeline.chapters.empty()) timeline.chapters.front().start_sample = 0;
  for (std::size_t i = 0; i < timeline.chapters.size(); ++i)
    timeline.chapters[i].end_sample =
        i + 1 < timeline.chapters.size() ? timeline.chapters[i + 1].start_sample : timeline.total_samples;
  if (!timeline.cues.empty()) timeline.cues.front().start_sample = 0;
  for (std::size_t i = 0; i < timeline.cues.size(); ++i)
    timeline.cues[i].end_sample = i + 1 < timeline.cues.size() ? timeline.cues[i + 1].start_sample : timeline.total_samples;
}

Timeline speak_script(const Script& script, const VoiceProfile& profile, Synthesizer& synth,
                      AudioSink& sink, const ProgressFn& progress) {
  Timeline timeline = speak_range(script, {}, {script.chapters.size(), 0}, profile, synth, sink, progress);
  finish_timeline(timeline);
  return timeline;
}

}  // namespace readaloud
