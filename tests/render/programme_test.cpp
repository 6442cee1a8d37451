#include "render/programme.hpp"

#include <gtest/gtest.h>

#include "audio/tone.hpp"

namespace readaloud {
namespace {

// A synthesizer that makes 10 samples per character and reports a sentence
// start after every ". ", so offsets can be checked exactly.
class CountingSynth final : public Synthesizer {
 public:
  int sample_rate() const override { return 1000; }
  SynthOutput synthesize(std::string_view text, const Prosody& prosody) override {
    voices.push_back(prosody.voice);
    SynthOutput out;
    out.samples.assign(text.size() * 10, 1000);
    out.sentences.push_back({0, 1});
    for (std::size_t i = 0; i + 2 < text.size(); ++i)
      if (text[i] == '.' && text[i + 1] == ' ') out.sentences.push_back({(i + 2) * 10, i + 3});
    return out;
  }
  std::vector<std::string> voices;
};

class CountingSink final : public AudioSink {
 public:
  void write(std::span<const float> samples) override { count += static_cast<long long>(samples.size()); }
  void finish() override {}
  long long count = 0;
};

VoiceProfile profile() {
  VoiceProfile p;
  p.narration.voice = "narration";
  p.heading.voice = "heading";
  p.announcement.voice = "announcement";
  p.warning.voice = "warning";
  p.earcon.tones_hz = {200.0};
  p.earcon.tone_ms = 100;
  p.earcon.gap_ms = 0;
  return p;
}

TEST(Programme, ChapterAndCueTimesAreExactToTheSample) {
  Script script;
  script.chapters.push_back(Chapter{"One", 1, false,
                                    {Segment{Role::Heading, "One", 0, 100},
                                     Segment{Role::Narration, "Ab. Cd.", 0, 50}}});
  script.chapters.push_back(Chapter{"Two", 2, true,
                                    {Segment{Role::Heading, "Two", 200, 100},
                                     Segment{Role::Announcement, "Warning.", 20, 0, true},
                                     Segment{Role::Warning, "Stop.", 0, 300}}});
  CountingSynth synth;
  CountingSink sink;
  VoiceProfile p = profile();
  Timeline t = speak_script(script, p, synth, sink);

  const long long earcon = static_cast<long long>(make_earcon(p.earcon, 1000).size());
  // Chapter one: "One" 30 + 100 pause, "Ab. Cd." 70 + 50 pause = 250,
  // then chapter two starts after its 200 ms heading pause, at 450.
  ASSERT_EQ(t.chapters.size(), 2u);
  EXPECT_EQ(t.chapters[0].start_sample, 0);
  EXPECT_EQ(t.chapters[0].end_sample, 450);
  EXPECT_EQ(t.chapters[1].start_sample, 450);
  EXPECT_TRUE(t.chapters[1].warning);
  const long long total = 450 + 30 + 100 + earcon + 20 + 80 + 50 + 300;
  EXPECT_EQ(t.total_samples, total);
  EXPECT_EQ(t.chapters[1].end_sample, total);
  EXPECT_EQ(sink.count, total);

  std::vector<Cue> expected = {
      {0, 130, "One"},
      {130, 170, "Ab."},
      {170, 450, "Cd."},
      {450, 580 + earcon + 20, "Two"},
      {580 + earcon + 20, 580 + earcon + 100, "Warning."},
      {580 + earcon + 100, total, "Stop."}};
  EXPECT_EQ(t.cues, expected);
  EXPECT_EQ(synth.voices, (std::vector<std::string>{"heading", "narration", "heading", "announcement", "warning"}));
}

Script three_chapter_script() {
  Script script;
  script.chapters.push_back(Chapter{"One", 1, false,
                                    {Segment{Role::Heading, "One", 0, 100},
                                     Segment{Role::Narration, "Ab. Cd.", 0, 50},
                                     Segment{Role::Narration, "Ef.", 0, 50}}});
  script.chapters.push_back(Chapter{"Empty", 2, false, {}});
  script.chapters.push_back(Chapter{"Two", 2, true,
                                    {Segment{Role::Heading, "Two", 200, 100},
                                     Segment{Role::Announcement, "Warning.", 20, 0, true},
                                     Segment{Role::Warning, "Stop. Now.", 0, 300}}});
  return script;
}

TEST(Programme, TwoRangesJoinIntoTheWholeTimeline) {
  // However the script is cut (between chapters or inside one), speaking the
  // two ranges apart and appending gives what one speaker gives.
  const Script script = three_chapter_script();
  const VoiceProfile p = profile();
  CountingSynth synth;
  CountingSink whole_sink;
  const Timeline whole = speak_script(script, p, synth, whole_sink);
  std::vector<ScriptPosition> cuts;
  for (std::size_t c = 0; c < script.chapters.size(); ++c)
    for (std::size_t s = 0; s <= script.chapters[c].segments.size(); ++s) cuts.push_back({c, s});
  for (const ScriptPosition cut : cuts) {
    CountingSink first_sink, second_sink;
    Timeline joined = speak_range(script, {}, cut, p, synth, first_sink);
    append_timeline(joined, speak_range(script, cut, {script.chapters.size(), 0}, p, synth, second_sink));
    finish_timeline(joined);
    EXPECT_EQ(joined, whole) << "cut at chapter " << cut.chapter << ", segment " << cut.segment;
    EXPECT_EQ(first_sink.count + second_sink.count, whole_sink.count);
  }
}

}  // namespace
}  // namespace readaloud
