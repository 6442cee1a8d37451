#include "render/forked_speech.hpp"

#include <gtest/gtest.h>

#include "audio/vector_sink.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

// Deterministic speech: 10 samples per character, value by character, and a
// sentence start after every ". ".
class CountingSynth final : public Synthesizer {
 public:
  int sample_rate() const override { return 8000; }
  SynthOutput synthesize(std::string_view text, const Prosody&) override {
    if (text.find("FAIL") != std::string_view::npos) throw_runtime("the engine broke");
    SynthOutput out;
    for (char c : text) out.samples.insert(out.samples.end(), 10, static_cast<std::int16_t>(c * 100));
    out.sentences.push_back({0, 1});
    for (std::size_t i = 0; i + 2 < text.size(); ++i)
      if (text[i] == '.' && text[i + 1] == ' ') out.sentences.push_back({(i + 2) * 10, i + 3});
    return out;
  }
};

Script long_script(std::size_t chapters, const std::string& sentence) {
  Script script;
  for (std::size_t c = 0; c < chapters; ++c) {
    Chapter chapter{"Chapter " + std::to_string(c), 1, c % 3 == 2, {}};
    chapter.segments.push_back(Segment{Role::Heading, chapter.title, 300, 200});
    for (int s = 0; s < 4; ++s) chapter.segments.push_back(Segment{s == 3 ? Role::Warning : Role::Narration, sentence, 0, 100});
    script.chapters.push_back(std::move(chapter));
  }
  return script;
}

const std::string kSentence = "Rinse the device after each use. Let it dry in the air before you put it away.";

TEST(SecondProcessSplit, OnlyForEnoughTextAndTwoThreads) {
  EXPECT_FALSE(second_process_split(long_script(1, "Short."), 2));
  EXPECT_FALSE(second_process_split(long_script(12, kSentence), 1));
  const auto split = second_process_split(long_script(12, kSentence), 2);
  ASSERT_TRUE(split);
  EXPECT_EQ(*split, (ScriptPosition{6, 0}));  // twelve equal chapters: half way
  // One long chapter is cut between its segments.
  Script one = long_script(1, kSentence);
  for (int i = 0; i < 60; ++i) one.chapters[0].segments.push_back(Segment{Role::Narration, kSentence, 0, 100});
  const auto inside = second_process_split(one, 2);
  ASSERT_TRUE(inside);
  EXPECT_EQ(inside->chapter, 0u);
  EXPECT_NEAR(static_cast<double>(inside->segment), 32.5, 1.5);
}

TEST(SecondSpeaker, SpeaksTheRestAsThisProcessWould) {
  const Script script = long_script(12, kSentence);
  const ScriptPosition split{5, 2};
  VoiceProfile profile;
  CountingSynth synth;
  SpillFile tail;
  SecondSpeaker second(script, split, profile, synth, tail);
  SecondPart part = second.join();

  VectorSink here;
  const Timeline expected = speak_range(script, split, {script.chapters.size(), 0}, profile, synth, here);
  part.timeline.sample_rate = expected.sample_rate;
  EXPECT_EQ(part.timeline, expected);
  ASSERT_EQ(part.timeline.total_samples, static_cast<long long>(here.samples.size()));
  SpillFile whole;
  whole.append_from(tail, part.timeline.total_samples);
  VectorSink replayed;
  whole.replay(replayed);
  EXPECT_EQ(replayed.samples, here.samples);
  EXPECT_FALSE(part.loudness_blocks.empty());
}

TEST(SecondSpeaker, TheChildsErrorReachesTheParent) {
  Script script = long_script(12, kSentence);
  script.chapters[10].segments[1].text = "FAIL here.";
  VoiceProfile profile;
  CountingSynth synth;
  SpillFile tail;
  SecondSpeaker second(script, {6, 0}, profile, synth, tail);
  try {
    second.join();
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Runtime);
    EXPECT_EQ(e.message(), "the engine broke");
  }
}

TEST(SecondSpeaker, ForgottenChildIsReaped) {
  const Script script = long_script(12, kSentence);
  VoiceProfile profile;
  CountingSynth synth;
  SpillFile tail;
  { SecondSpeaker second(script, {6, 0}, profile, synth, tail); }  // killed and reaped, no zombie, no hang
  SUCCEED();
}

}  // namespace
}  // namespace readaloud
