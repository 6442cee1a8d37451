#include "render/speech_processes.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cerrno>

#include "audio/vector_sink.hpp"
#include "render/programme.hpp"
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

TEST(SpeechCuts, OnlyForEnoughTextAndMoreThanOneProcess) {
  EXPECT_TRUE(speech_cuts(long_script(1, "Short."), 2).empty());
  EXPECT_TRUE(speech_cuts(long_script(12, kSentence), 1).empty());
  EXPECT_EQ(speech_cuts(long_script(12, kSentence), 2), (std::vector<ScriptPosition>{{6, 0}}));  // half way
  // Three and four processes: a third and a quarter of the way each.
  EXPECT_EQ(speech_cuts(long_script(24, kSentence), 3), (std::vector<ScriptPosition>{{8, 0}, {16, 0}}));
  EXPECT_EQ(speech_cuts(long_script(24, kSentence), 4), (std::vector<ScriptPosition>{{6, 0}, {12, 0}, {18, 0}}));
  // No more processes than the text pays for (about 1,250 characters each):
  // eight chapters of about 360 characters make two parts.
  EXPECT_EQ(speech_cuts(long_script(8, kSentence), 8).size(), 1u);
}

TEST(SpeechCuts, OneLongChapterIsCutBetweenItsSegments) {
  Script one = long_script(1, kSentence);
  for (int i = 0; i < 60; ++i) one.chapters[0].segments.push_back(Segment{Role::Narration, kSentence, 0, 100});
  const auto cuts = speech_cuts(one, 2);
  ASSERT_EQ(cuts.size(), 1u);
  EXPECT_EQ(cuts[0].chapter, 0u);
  EXPECT_NEAR(static_cast<double>(cuts[0].segment), 32.5, 1.5);
}

TEST(SpeechCuts, PartsJoinIntoTheWholeTimeline) {
  const Script script = long_script(24, kSentence);
  VoiceProfile profile;
  CountingSynth synth;
  VectorSink whole_sink;
  const Timeline whole = speak_script(script, profile, synth, whole_sink);
  for (int processes : {2, 3, 5}) {
    const auto cuts = speech_cuts(script, processes);
    ASSERT_EQ(cuts.size(), static_cast<std::size_t>(processes - 1));
    std::vector<ScriptPosition> bounds{{}};
    bounds.insert(bounds.end(), cuts.begin(), cuts.end());
    bounds.push_back({script.chapters.size(), 0});
    Timeline joined;
    joined.sample_rate = whole.sample_rate;
    long long samples = 0;
    for (std::size_t k = 0; k + 1 < bounds.size(); ++k) {
      VectorSink part_sink;
      append_timeline(joined, speak_range(script, bounds[k], bounds[k + 1], profile, synth, part_sink));
      samples += static_cast<long long>(part_sink.samples.size());
    }
    finish_timeline(joined);
    EXPECT_EQ(joined, whole) << processes << " processes";
    EXPECT_EQ(samples, static_cast<long long>(whole_sink.samples.size()));
  }
}

TEST(SpeechProcess, SpeaksTheRestAsThisProcessWould) {
  const Script script = long_script(12, kSentence);
  const ScriptPosition from{5, 2}, to{9, 1};
  VoiceProfile profile;
  CountingSynth synth;
  SpillFile tail;
  SpeechProcess second(script, from, to, profile, synth, tail);
  Timeline part = second.join();

  VectorSink here;
  const Timeline expected = speak_range(script, from, to, profile, synth, here);
  part.sample_rate = expected.sample_rate;
  EXPECT_EQ(part, expected);
  ASSERT_EQ(part.total_samples, static_cast<long long>(here.samples.size()));
  SpillFile whole;
  whole.adopt(std::move(tail), part.total_samples);
  VectorSink replayed;
  whole.replay(replayed);
  EXPECT_EQ(replayed.samples, here.samples);
}

TEST(SpeechProcess, TheChildsErrorReachesTheParent) {
  Script script = long_script(12, kSentence);
  script.chapters[10].segments[1].text = "FAIL here.";
  VoiceProfile profile;
  CountingSynth synth;
  SpillFile tail;
  SpeechProcess second(script, {6, 0}, {12, 0}, profile, synth, tail);
  try {
    second.join();
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Runtime);
    EXPECT_EQ(e.message(), "the engine broke");
  }
}

TEST(SpeechProcess, ForgottenChildIsReaped) {
  const Script script = long_script(12, kSentence);
  VoiceProfile profile;
  CountingSynth synth;
  SpillFile tail;
  { SpeechProcess second(script, {6, 0}, {12, 0}, profile, synth, tail); }  // killed and reaped, no zombie, no hang
  // No child of this process is left, running or as a zombie.
  errno = 0;
  EXPECT_EQ(::waitpid(-1, nullptr, WNOHANG), -1);
  EXPECT_EQ(errno, ECHILD);
}

}  // namespace
}  // namespace readaloud
