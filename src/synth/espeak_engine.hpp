#pragma once
// The eSpeak NG speech engine. eSpeak NG keeps its state in process globals
// and is not thread-safe, so exactly one EspeakEngine exists per process;
// parallel synthesis uses worker processes (see the README).

#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "synth/synthesizer.hpp"

namespace readaloud {

/// Lowest and highest speaking rate passed to eSpeak NG (words per minute).
/// eSpeak NG 1.51 (built with libsonic, as Debian's is) times speech itself up
/// to 450 wpm, shortening phonemes from a lookup table and making consonants
/// louder above 360 wpm so they stay audible. Above 450 wpm it synthesises at
/// 175 wpm with its fast-speech settings and time-compresses the result with
/// libsonic by rate/175 (setlengths.c SetSpeed). Durations are continuous
/// across 450 (measured: 449, 450 and 451 wpm within 1% of each other).
inline constexpr int kEspeakMinRate = 80;
inline constexpr int kEspeakMaxRate = 900;

class EspeakEngine final : public Synthesizer {
 public:
  /// The one engine of this process (initialised on first use; Error(Runtime) with
  /// espeak_ng_GetStatusCodeMessage text if it cannot start). Copy/move deleted, ctor private:
  /// a second owner cannot be made.
  static EspeakEngine& instance();

  /// Starts eSpeak NG ahead of instance(), from any thread: loads its data
  /// and lists its voices (so that the first voice loads without scanning
  /// the data folder), about 10 ms. For a helper thread while the article
  /// is prepared; instance() then only opens the output. Does nothing once
  /// done; a failure is left for instance() to report. Nothing else may use
  /// the engine until it returns (espeak_voices() waits for it).
  static void start_ahead();

  EspeakEngine(const EspeakEngine&) = delete;
  EspeakEngine& operator=(const EspeakEngine&) = delete;
  EspeakEngine(EspeakEngine&&) = delete;
  EspeakEngine& operator=(EspeakEngine&&) = delete;
  ~EspeakEngine() override;

  /// Output sample rate: 22050 Hz for eSpeak NG's own voices.
  int sample_rate() const override;

  /// Speaks UTF-8 text; `[[...]]` is read as eSpeak phoneme mnemonics. Prosody
  /// is applied per call (rate clamped to kEspeakMinRate..kEspeakMaxRate, pitch
  /// and range to 0..99). eSpeak's audio is returned untrimmed, with one
  /// SentenceStart per sentence (sample offset within this call, 1-based
  /// character position). Throws Error(Usage) "unknown eSpeak NG voice 'xx'",
  /// Error(Interrupted) after SIGINT/SIGTERM, Error(Runtime) on engine failure.
  SynthOutput synthesize(std::string_view text, const Prosody& prosody) override;

  /// Loads `voice` now (see Synthesizer::preload_voice); a voice eSpeak NG
  /// does not know is left for synthesize() to report.
  void preload_voice(const std::string& voice) override;

  /// Phonemes eSpeak NG would speak (espeak_TextToPhonemes, ASCII mnemonics such
  /// as "h@l'oU"), one group per clause separated by a space; for tests and `inspect`.
  std::string text_to_phonemes(std::string_view text, const std::string& voice);

  /// eSpeak NG voices installed (espeak_ListVoices), in eSpeak's order:
  /// {name, languages}, e.g. {"English (America)", "en-us en"}: the languages a
  /// voice speaks, most specific first, separated by spaces. The first language
  /// code is what Prosody::voice takes.
  std::vector<std::pair<std::string, std::string>> installed_voices();

 private:
  EspeakEngine();
  void select_voice(const std::string& voice);

  int sample_rate_ = 0;
  std::string current_voice_;  ///< last voice set successfully ("" = none)
  std::mutex mutex_;           ///< guards against accidental use from two threads
};

/// Held by every call into eSpeak NG's process-global state that may run
/// on another thread than the engine's: EspeakEngine::start_ahead() and
/// the engine's start, and espeak_voices().
std::mutex& espeak_library_mutex();

}  // namespace readaloud
