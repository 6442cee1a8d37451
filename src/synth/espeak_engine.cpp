#include "synth/espeak_engine.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <exception>

#include "util/atomic_file.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

std::string status_text(espeak_ng_STATUS status) {
  char buffer[512] = {};
  espeak_ng_GetStatusCodeMessage(status, buffer, sizeof buffer);
  return buffer;
}

// What one synthesis call collects. The callback is a plain C function, so it
// reaches the collector through this pointer; the engine is the only owner and
// holds its mutex while the pointer is set.
struct Collector {
  SynthOutput out;
  std::exception_ptr error;  // an exception must not unwind through eSpeak's C frames
};
Collector* g_collector = nullptr;

extern "C" int on_synth(short* wav, int count, espeak_EVENT* events) {
  Collector* c = g_collector;
  if (c == nullptr) return 0;
  try {
    // Ctrl-C must stop a long segment promptly, not at its end: returning 1
    // makes eSpeak abandon the rest of the text.
    check_interrupted();
    if (wav != nullptr && count > 0) c->out.samples.insert(c->out.samples.end(), wav, wav + count);
    for (espeak_EVENT* e = events; e != nullptr && e->type != espeakEVENT_LIST_TERMINATED; ++e) {
      if (e->type != espeakEVENT_SENTENCE) continue;
      c->out.sentences.push_back({static_cast<std::size_t>(std::max(e->sample, 0)),
                                  static_cast<std::size_t>(std::max(e->text_position, 0))});
    }
  } catch (...) {
    c->error = std::current_exception();
    return 1;
  }
  return 0;
}

// Room for a segment's audio before it is spoken, so that the callback
// appends without growing (each growth copies and touches fresh pages).
// English narration at 175 words per minute gives 1,200-1,350 samples per
// character at 22,050 Hz (short headings more); a longer segment grows once.
// At most a few minutes' worth: a huge segment grows as it is spoken.
std::size_t expected_samples(std::size_t characters, int rate_wpm, int sample_rate) {
  constexpr double kSamplesPerCharacter = 1400.0;  // at 175 wpm and 22,050 Hz
  constexpr double kMostSamples = 4 << 20;         // 8 MB of 16-bit samples
  const double scale = 175.0 / std::max(kEspeakMinRate, rate_wpm) * sample_rate / 22050.0;
  return static_cast<std::size_t>(
      std::min(kMostSamples, static_cast<double>(characters) * kSamplesPerCharacter * scale + 4096.0));
}

void set_parameter(espeak_PARAMETER parameter, int value) {
  espeak_ng_STATUS status = espeak_ng_SetParameter(parameter, value, 0);
  if (status != ENS_OK) throw_runtime("eSpeak NG: cannot set a speech parameter: " + status_text(status));
}

/// Points file descriptor 2 at /dev/null for its lifetime.
class QuietStderr {
 public:
  QuietStderr() : saved_(::dup(STDERR_FILENO)) {
    int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (saved_ >= 0 && null >= 0) ::dup2(null, STDERR_FILENO);
    if (null >= 0) ::close(null);
  }
  ~QuietStderr() {
    if (saved_ < 0) return;
    ::dup2(saved_, STDERR_FILENO);
    ::close(saved_);
  }
  QuietStderr(const QuietStderr&) = delete;
  QuietStderr& operator=(const QuietStderr&) = delete;

 private:
  int saved_;
};

/// eSpeak NG's data loaded (espeak_ng_Initialize) by start_ahead() or the
/// engine's constructor; guarded by espeak_library_mutex().
bool g_library_started = false;

/// Loads eSpeak NG's data unless done; with `list_voices`, also lists the
/// voices, which the first espeak_ng_SetVoiceByName() would otherwise do.
/// Call with espeak_library_mutex() held.
espeak_ng_STATUS start_library(bool list_voices) {
  if (g_library_started) return ENS_OK;
  espeak_ng_InitializePath(nullptr);
  espeak_ng_ERROR_CONTEXT context = nullptr;
  const espeak_ng_STATUS status = espeak_ng_Initialize(&context);
  espeak_ng_ClearErrorContext(&context);
  if (status != ENS_OK) return status;
  g_library_started = true;
  if (list_voices) (void)espeak_ListVoices(nullptr);
  return ENS_OK;
}

}  // namespace

std::mutex& espeak_library_mutex() {
  static std::mutex mutex;
  return mutex;
}

EspeakEngine& EspeakEngine::instance() {
  // A function-local static: constructed once, thread-safely; if the
  // constructor throws, the next call tries again.
  static EspeakEngine engine;
  return engine;
}

void EspeakEngine::start_ahead() {
  std::lock_guard<std::mutex> lock(espeak_library_mutex());
  (void)start_library(true);
}

EspeakEngine::EspeakEngine() {
  std::lock_guard<std::mutex> library(espeak_library_mutex());
  espeak_ng_STATUS status = start_library(false);
  if (status != ENS_OK) throw_runtime("eSpeak NG cannot start: " + status_text(status));
  // Synchronous mode hands every chunk to our callback before Synthesize
  // returns; no audio device is opened. eSpeak NG 1.51 still creates an audio
  // object here (pcaudiolib, which starts a PulseAudio client), and libpulse
  // prints to standard error when it cannot, e.g. "ftruncate() failed: File
  // too large" under a file-size limit. Standard error is ours: one line per
  // failure, so keep libpulse's chatter off it while this runs.
  {
    QuietStderr quiet;
    status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
  }
  if (status != ENS_OK) {
    espeak_ng_Terminate();
    g_library_started = false;
    throw_runtime("eSpeak NG cannot start its output: " + status_text(status));
  }
  espeak_SetSynthCallback(on_synth);
  sample_rate_ = espeak_ng_GetSampleRate();
}

EspeakEngine::~EspeakEngine() {
  espeak_ng_Terminate();
  g_library_started = false;
}

int EspeakEngine::sample_rate() const { return sample_rate_; }

void EspeakEngine::select_voice(const std::string& voice) {
  // Loading a voice reads files and rebuilds tables; skip it when unchanged.
  if (voice == current_voice_ && !voice.empty()) return;
  current_voice_.clear();  // a failed switch leaves eSpeak's voice unknown
  espeak_ng_STATUS status = espeak_ng_SetVoiceByName(voice.c_str());
  if (status == ENS_VOICE_NOT_FOUND || voice.empty())
    throw_usage("unknown eSpeak NG voice '" + voice + "'");
  if (status != ENS_OK) throw_runtime("eSpeak NG cannot load voice '" + voice + "': " + status_text(status));
  current_voice_ = voice;
}

void EspeakEngine::preload_voice(const std::string& voice) {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    select_voice(voice);
  } catch (const Error&) {
    // Reported by the synthesize() call that needs it, as without a preload.
  }
}

SynthOutput EspeakEngine::synthesize(std::string_view text, const Prosody& prosody) {
  std::lock_guard<std::mutex> lock(mutex_);
  check_interrupted();
  select_voice(prosody.voice);
  // SSML prosody is unreliable in eSpeak NG 1.51; parameters are set per call.
  set_parameter(espeakRATE, std::clamp(prosody.rate_wpm, kEspeakMinRate, kEspeakMaxRate));
  set_parameter(espeakPITCH, std::clamp(prosody.pitch, 0, 99));
  set_parameter(espeakRANGE, std::clamp(prosody.range, 0, 99));

  const std::string buffer(text);  // eSpeak needs a NUL-terminated string
  Collector collector;
  collector.out.samples.reserve(expected_samples(text.size(), prosody.rate_wpm, sample_rate_));
  g_collector = &collector;
  // No espeakENDPAUSE: pauses between segments belong to the planner.
  espeak_ng_STATUS status =
      espeak_ng_Synthesize(buffer.c_str(), buffer.size() + 1, 0, POS_CHARACTER, 0,
                           espeakCHARS_UTF8 | espeakPHONEMES, nullptr, nullptr);
  g_collector = nullptr;
  if (collector.error) std::rethrow_exception(collector.error);
  if (status != ENS_OK) throw_runtime("eSpeak NG failed to synthesise: " + status_text(status));
  return std::move(collector.out);
}

std::string EspeakEngine::text_to_phonemes(std::string_view text, const std::string& voice) {
  std::lock_guard<std::mutex> lock(mutex_);
  select_voice(voice);
  const std::string buffer(text);
  const void* cursor = buffer.c_str();
  std::string phonemes;
  // espeak_TextToPhonemes translates one clause per call and advances the
  // cursor, setting it to NULL at the end of the text.
  while (cursor != nullptr) {
    const char* clause = espeak_TextToPhonemes(&cursor, espeakCHARS_UTF8, 0);
    if (clause == nullptr) break;
    std::string_view part(clause);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (part.empty()) continue;
    if (!phonemes.empty()) phonemes += ' ';
    phonemes += part;
  }
  return phonemes;
}

std::vector<std::pair<std::string, std::string>> EspeakEngine::installed_voices() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::pair<std::string, std::string>> voices;
  const espeak_VOICE** list = espeak_ListVoices(nullptr);
  for (std::size_t i = 0; list != nullptr && list[i] != nullptr; ++i) {
    const espeak_VOICE* v = list[i];
    // `languages` is a run of entries: one priority byte, then a
    // NUL-terminated language name; an empty name ends the run.
    std::string languages;
    if (v->languages != nullptr) {
      const char* p = v->languages;
      while (*p != '\0') {
        ++p;  // priority byte
        std::string_view lang(p);
        if (lang.empty()) break;
        if (!languages.empty()) languages += ' ';
        languages += lang;
        p += lang.size() + 1;
      }
    }
    voices.emplace_back(v->name != nullptr ? v->name : "", std::move(languages));
  }
  return voices;
}

}  // namespace readaloud
