#include "synth/espeak_engine.hpp"

#include <gtest/gtest.h>

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>
#include <type_traits>

#include "util/atomic_file.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

double seconds(const SynthOutput& out, int rate) { return static_cast<double>(out.samples.size()) / rate; }

// A paragraph long enough that rate changes dominate fixed costs.
constexpr std::string_view kParagraph =
    "The quick brown fox jumps over the lazy dog while a patient listener follows "
    "every word of a long article about sleep, food and exercise.";

TEST(EspeakEngine, IsASingleOwner) {
  static_assert(!std::is_copy_constructible_v<EspeakEngine>);
  static_assert(!std::is_move_constructible_v<EspeakEngine>);
  static_assert(!std::is_copy_assignable_v<EspeakEngine>);
  static_assert(!std::is_default_constructible_v<EspeakEngine>);
  EXPECT_EQ(&EspeakEngine::instance(), &EspeakEngine::instance());
  EXPECT_EQ(EspeakEngine::instance().sample_rate(), 22050);
}

TEST(EspeakEngine, SpeaksTwoSentencesWithTheirStarts) {
  EspeakEngine& engine = EspeakEngine::instance();
  const SynthOutput out = engine.synthesize("Hello world. This is a test.", Prosody{});
  EXPECT_GT(seconds(out, 22050), 1.0);
  EXPECT_LT(seconds(out, 22050), 3.0);
  ASSERT_EQ(out.sentences.size(), 2u);
  EXPECT_EQ(out.sentences[0].sample, 0u);
  EXPECT_EQ(out.sentences[0].text_position, 1u);
  EXPECT_EQ(out.sentences[1].text_position, 14u);  // the 'T' of "This"
  // The second sentence starts after "Hello world." has been spoken.
  EXPECT_GT(out.sentences[1].sample, out.samples.size() / 4);
  EXPECT_LT(out.sentences[1].sample, out.samples.size() * 3 / 4);
}

TEST(EspeakEngine, SentencePositionsCountCharactersNotBytes) {
  // "Café au lait. " is 14 characters but 15 bytes; "Voilà tout. " adds 12 characters.
  const SynthOutput out = EspeakEngine::instance().synthesize("Café au lait. Voilà tout. Ça va.", Prosody{});
  ASSERT_EQ(out.sentences.size(), 3u);
  EXPECT_EQ(out.sentences[0].text_position, 1u);
  EXPECT_EQ(out.sentences[1].text_position, 15u);
  EXPECT_EQ(out.sentences[2].text_position, 27u);
  EXPECT_LT(out.sentences[0].sample, out.sentences[1].sample);
  EXPECT_LT(out.sentences[1].sample, out.sentences[2].sample);
  EXPECT_LT(out.sentences[2].sample, out.samples.size());
}

TEST(EspeakEngine, RateChangesDuration) {
  EspeakEngine& engine = EspeakEngine::instance();
  Prosody p;
  p.rate_wpm = 175;
  const double normal = seconds(engine.synthesize(kParagraph, p), 22050);
  p.rate_wpm = 350;
  const double fast = seconds(engine.synthesize(kParagraph, p), 22050);
  p.rate_wpm = 450;  // eSpeak's own fastest timing; libsonic takes over above it
  const double fastest = seconds(engine.synthesize(kParagraph, p), 22050);
  EXPECT_GT(normal, 5.0);
  EXPECT_NEAR(fast / normal, 0.5, 0.5 * 0.15);
  EXPECT_LT(fastest, fast * 0.9);
  EXPECT_GT(fastest, normal * 0.25);
  p.rate_wpm = 600;  // libsonic time compression
  const double sonic = seconds(engine.synthesize(kParagraph, p), 22050);
  EXPECT_LT(sonic, fastest * 0.9);
  EXPECT_GT(sonic, normal * 175.0 / 600.0 * 0.8);
  // Prosody is per call: back at 175 wpm the duration is as before.
  p.rate_wpm = 175;
  EXPECT_NEAR(seconds(engine.synthesize(kParagraph, p), 22050), normal, normal * 0.05);
}

TEST(EspeakEngine, VoiceVariantsAndPitch) {
  EspeakEngine& engine = EspeakEngine::instance();
  Prosody p;
  p.voice = "en-us+m3";
  p.pitch = 20;
  EXPECT_FALSE(engine.synthesize("A deeper voice.", p).samples.empty());
  p.voice = "en";
  p.pitch = 80;
  EXPECT_FALSE(engine.synthesize("A higher voice.", p).samples.empty());
}

TEST(EspeakEngine, UnknownVoiceIsAUsageError) {
  EspeakEngine& engine = EspeakEngine::instance();
  Prosody p;
  p.voice = "xx";
  try {
    engine.synthesize("Hello.", p);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Usage);
    EXPECT_EQ(e.message(), "unknown eSpeak NG voice 'xx'");
  }
  // The engine still works afterwards with a good voice.
  EXPECT_FALSE(engine.synthesize("Hello.", Prosody{}).samples.empty());
}

TEST(EspeakEngine, Phonemes) {
  EspeakEngine& engine = EspeakEngine::instance();
  EXPECT_EQ(engine.text_to_phonemes("hello", "en-us"), "h@l'oU");
  EXPECT_EQ(engine.text_to_phonemes("hello", "en-us"), engine.text_to_phonemes("hello", "en-us"));
  // One group per clause.
  const std::string two = engine.text_to_phonemes("hello, hello", "en-us");
  EXPECT_EQ(two, "h@l'oU h@l'oU");
  EXPECT_THROW(engine.text_to_phonemes("hello", "xx"), Error);
}

TEST(EspeakEngine, PhonemeInputIsSpoken) {
  const SynthOutput out = EspeakEngine::instance().synthesize("[[h@l'oU]]", Prosody{});
  EXPECT_GT(out.samples.size(), 22050u / 5);
  // Spoken, not spelt out: the bracket syntax is not read as "h at l..."
  const SynthOutput spelt = EspeakEngine::instance().synthesize("h at l apostrophe o U", Prosody{});
  EXPECT_LT(out.samples.size() * 2, spelt.samples.size());
}

TEST(EspeakEngine, EmptyTextGivesNoAudio) {
  const SynthOutput out = EspeakEngine::instance().synthesize("", Prosody{});
  EXPECT_TRUE(out.sentences.size() <= 1u);
  EXPECT_LT(out.samples.size(), 22050u / 10);
}

TEST(EspeakEngine, ListsInstalledVoices) {
  const auto voices = EspeakEngine::instance().installed_voices();
  ASSERT_GT(voices.size(), 20u);
  bool found = false;
  for (const auto& [name, languages] : voices) {
    EXPECT_FALSE(name.empty());
    EXPECT_FALSE(languages.empty());
    if (name == "English (America)") {
      EXPECT_EQ(languages, "en-us en");  // its own code first, then the wider language
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace readaloud

namespace readaloud {
namespace {

// Ctrl-C during a long segment must stop eSpeak from inside its callback,
// not after the whole segment. Runs in a child process: the interrupt flag
// cannot be cleared once set.
TEST(EspeakEngineDeathTest, InterruptStopsSynthesisPromptly) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        install_signal_handlers();
        std::string text;
        for (int i = 0; i < 400; ++i) text += "This sentence is one of many in a very long article. ";
        EspeakEngine& engine = EspeakEngine::instance();
        std::thread sender([] {
          std::this_thread::sleep_for(std::chrono::milliseconds(50));
          ::kill(::getpid(), SIGINT);
        });
        int code = 1;
        try {
          engine.synthesize(text, Prosody{});
          code = 2;  // ran to the end: the interrupt was not seen
        } catch (const Error& e) {
          if (e.kind() == ErrorKind::Interrupted) code = 0;
        }
        sender.join();
        std::_Exit(code);
      },
      ::testing::ExitedWithCode(0), "");
}

}  // namespace
}  // namespace readaloud
