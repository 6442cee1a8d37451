// The render steps with a fake synthesizer (a tone per segment): no eSpeak NG.
#include "render/steps.hpp"

#include <gtest/gtest.h>
#include <sndfile.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <fstream>
#include <numbers>

#include "audio/vector_sink.hpp"
#include "render/render.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {
namespace fs = std::filesystem;

constexpr int kRate = 16000;

// A 440 Hz tone per segment, 80 samples per character, and a sentence start
// at the start of each segment. Throws for text containing "BREAK".
class ToneSynth final : public Synthesizer {
 public:
  int sample_rate() const override { return kRate; }
  SynthOutput synthesize(std::string_view text, const Prosody&) override {
    if (text.find("BREAK") != std::string_view::npos) throw_runtime("the engine broke");
    SynthOutput out;
    const std::size_t n = text.size() * 80;
    for (std::size_t i = 0; i < n; ++i)
      out.samples.push_back(static_cast<std::int16_t>(8000 * std::sin(2 * std::numbers::pi * 440.0 * i / kRate)));
    out.sentences.push_back({0, 1});
    return out;
  }
};

Prepared prepared_article(std::size_t chapters, const std::string& sentence = "Rinse the device after each use and let it dry.") {
  Prepared p;
  p.article.title = "Tone Test";
  p.script.title = "Tone Test";
  for (std::size_t c = 0; c < chapters; ++c) {
    Chapter chapter{"Part " + std::to_string(c + 1), 1, false, {}};
    chapter.segments.push_back(Segment{Role::Heading, chapter.title, 300, 200});
    for (int s = 0; s < 3; ++s) chapter.segments.push_back(Segment{Role::Narration, sentence, 0, 100});
    p.script.chapters.push_back(std::move(chapter));
  }
  return p;
}

class StepsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("readaloud-steps-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<std::string> names_in(const fs::path& dir) const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  RenderOptions wav_options() const {
    RenderOptions o;
    o.format = AudioFormat::Wav;
    o.output_dir = dir_;
    o.sidecars = {Sidecar::ChaptersJson, Sidecar::Txt};
    o.threads = 1;
    return o;
  }

  fs::path dir_;
};

long long wav_frames(const fs::path& path) {
  SF_INFO info{};
  SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
  if (!f) return -1;
  sf_close(f);
  return info.frames;
}

TEST_F(StepsTest, RendersAudioAndSidecarsAndLeavesNoTemporary) {
  ToneSynth synth;
  const RenderTools tools{synth, {}};
  std::vector<double> seen;
  const RenderedArticle done = render_article(prepared_article(3), wav_options(), dir_, "tone-test", tools,
                                              [&](double f) { seen.push_back(f); });
  ASSERT_EQ(done.files.size(), 3u);
  EXPECT_EQ(done.files[0], dir_ / "tone-test.wav");  // audio first
  EXPECT_EQ(names_in(dir_), (std::vector<std::string>{"tone-test.chapters.json", "tone-test.txt", "tone-test.wav"}));
  EXPECT_EQ(done.timeline.chapters.size(), 3u);
  EXPECT_EQ(done.timeline.sample_rate, kRate);
  EXPECT_EQ(wav_frames(done.files[0]), done.timeline.total_samples);  // the WAV fast path, at the engine's rate
  EXPECT_EQ(done.metadata.title, "Tone Test");
  ASSERT_FALSE(seen.empty());
  for (double f : seen) EXPECT_TRUE(f >= 0.0 && f <= 1.0) << f;
  EXPECT_DOUBLE_EQ(seen.back(), 1.0);
}

TEST_F(StepsTest, ResampledWavWithoutLoudnessTargetGoesThroughTheEncoder) {
  ToneSynth synth;
  RenderOptions o = wav_options();
  o.loudness_lufs.reset();
  o.sample_rate = 8000;
  o.sidecars.clear();
  const RenderedArticle done = render_article(prepared_article(2), o, dir_, "half", RenderTools{synth, {}});
  ASSERT_EQ(done.files.size(), 1u);
  EXPECT_NEAR(static_cast<double>(wav_frames(done.files[0])), done.timeline.total_samples / 2.0, 64.0);
}

TEST_F(StepsTest, SplitModeWritesOnePartPerChapterAndAPlaylist) {
  ToneSynth synth;
  RenderOptions o = wav_options();
  o.split_chapters = true;
  o.sidecars.clear();
  fs::create_directories(dir_ / "split");
  std::ofstream(dir_ / "split" / "07-stale-part.wav") << "old";  // from an earlier, longer render
  const RenderedArticle done = render_article(prepared_article(3), o, dir_, "split", RenderTools{synth, {}});
  EXPECT_EQ(names_in(dir_ / "split"), (std::vector<std::string>{"01-part-1.wav", "02-part-2.wav", "03-part-3.wav"}));
  EXPECT_TRUE(fs::exists(dir_ / "split.m3u8"));
  ASSERT_EQ(done.files.size(), 5u);  // whole, three parts, playlist
  long long parts = 0;
  for (const auto& name : names_in(dir_ / "split")) parts += wav_frames(dir_ / "split" / name);
  EXPECT_EQ(parts, wav_frames(dir_ / "split.wav"));  // the parts add up to the whole
  std::ifstream playlist(dir_ / "split.m3u8");
  const std::string text((std::istreambuf_iterator<char>(playlist)), {});
  EXPECT_NE(text.find("split/02-part-2.wav"), std::string::npos);
}

TEST_F(StepsTest, AFailureLeavesNothingAndKeepsTheOlderFile) {
  ToneSynth synth;
  std::ofstream(dir_ / "broken.wav") << "older render";
  Prepared p = prepared_article(2);
  p.script.chapters[1].segments[2].text = "BREAK here";
  RenderOptions o = wav_options();
  o.split_chapters = true;
  EXPECT_THROW(render_article(p, o, dir_, "broken", RenderTools{synth, {}}), Error);
  EXPECT_EQ(names_in(dir_), (std::vector<std::string>{"broken.wav"}));  // no temporaries, no part folder
  std::ifstream kept(dir_ / "broken.wav");
  std::string content;
  std::getline(kept, content);
  EXPECT_EQ(content, "older render");
}

TEST_F(StepsTest, SpeechProcessesSpeakTheSameProgrammeAsOneProcess) {
  ToneSynth synth;
  const Prepared p = prepared_article(12, "Keep the device away from water and wash it with mild soap after each use.");
  Spoken alone;
  speak(p.script, p.profile, RenderTools{synth, {}}, 1, alone);
  Spoken shared;
  int launched = 0;
  const SpeechLauncher counting = [&](const Script& script, ScriptPosition from, ScriptPosition to,
                                      const VoiceProfile& profile, Synthesizer& s, SpillFile& tail) {
    ++launched;
    return fork_speech_processes()(script, from, to, profile, s, tail);
  };
  speak(p.script, p.profile, RenderTools{synth, counting}, 3, shared);
  EXPECT_GE(launched, 1);
  EXPECT_EQ(shared.timeline, alone.timeline);
  // Alone, the speech is metered on the way; with speech processes it is
  // not, and the loudness pass measures it instead.
  EXPECT_TRUE(alone.lufs.has_value());
  EXPECT_FALSE(shared.lufs.has_value());
  const auto measured_here = measure_and_limit(shared, -20.0, 2);
  const auto measured_before = measure_and_limit(alone, -20.0, 2);
  ASSERT_TRUE(measured_here && measured_before);
  EXPECT_NEAR(measured_here->lufs, -20.0, 0.1);
  EXPECT_NEAR(measured_here->gain_db, measured_before->gain_db, 0.5);
  VectorSink a, b;
  alone.spill.replay(a);
  shared.spill.replay(b);
  EXPECT_EQ(a.samples, b.samples);
  errno = 0;
  EXPECT_EQ(::waitpid(-1, nullptr, WNOHANG), -1);  // every speech process was reaped
  EXPECT_EQ(errno, ECHILD);
}

TEST_F(StepsTest, ALauncherWithoutProcessesLeavesItAllToThisOne) {
  ToneSynth synth;
  const Prepared p = prepared_article(12, "Keep the device away from water and wash it with mild soap after each use.");
  const SpeechLauncher refusing = [](const Script&, ScriptPosition, ScriptPosition, const VoiceProfile&, Synthesizer&,
                                     SpillFile&) -> std::unique_ptr<SpeechProcess> {
    throw_runtime("no processes to be had");
  };
  Spoken spoken;
  speak(p.script, p.profile, RenderTools{synth, refusing}, 3, spoken);
  EXPECT_EQ(spoken.timeline.chapters.size(), 12u);
  EXPECT_EQ(spoken.spill.size(), spoken.timeline.total_samples);
}

TEST_F(StepsTest, MeasureAndLimitOnlyWithATarget) {
  ToneSynth synth;
  const Prepared p = prepared_article(2);
  Spoken spoken;
  speak(p.script, p.profile, RenderTools{synth, {}}, 1, spoken);
  EXPECT_FALSE(measure_and_limit(spoken, std::nullopt, 1).has_value());
  const auto leveled = measure_and_limit(spoken, -20.0, 1);
  ASSERT_TRUE(leveled.has_value());
  EXPECT_NEAR(leveled->lufs, -20.0, 0.5);
}

TEST(RenderSteps, OutputRateFollowsTheFormat) {
  RenderOptions o;
  EXPECT_EQ(output_rate(o, 22050), 22050);
  o.format = AudioFormat::Opus;
  EXPECT_EQ(output_rate(o, 22050), 48000);  // Opus has no 22.05 kHz
  o.sample_rate = 44100;
  EXPECT_THROW(output_rate(o, 22050), Error);
  o.sample_rate = 24000;
  EXPECT_EQ(output_rate(o, 22050), 24000);
}

TEST(RenderSteps, ProgressWindowMapsOntoItsRange) {
  std::vector<double> seen;
  const ProgressFn window = progress_window([&](double f) { seen.push_back(f); }, 0.5, 0.7);
  window(0.0);
  window(0.5);
  window(1.0);
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_DOUBLE_EQ(seen[0], 0.5);
  EXPECT_DOUBLE_EQ(seen[1], 0.6);
  EXPECT_DOUBLE_EQ(seen[2], 0.7);
  EXPECT_FALSE(progress_window({}, 0, 1));
}

}  // namespace
}  // namespace readaloud
