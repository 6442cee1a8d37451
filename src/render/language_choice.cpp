#include "render/language_choice.hpp"

#include <iostream>
#include <mutex>
#include <set>

#include "document/languages.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

/// Prints `message` once per process for `key`; a batch of Hindi articles
/// says it once, not per article.
void say_once(const std::string& key, const std::string& message) {
  static std::mutex mutex;
  static std::set<std::string> said;
  std::lock_guard<std::mutex> lock(mutex);
  if (said.insert(key).second) std::cerr << "readaloud: " << message << "\n";
}

}  // namespace

LanguageChoice choose_language(const std::string& name, const Article& article, const RenderOptions& options) {
  LanguageChoice choice;
  choice.language = canonical_tag(options.language.value_or(article.language));
  if (!options.language && !article.language_note.empty())
    std::cerr << "readaloud: " << name << ": " << article.language_note << "\n";
  if (!options.voice.empty()) {
    choice.voice.profile = load_voice_profile(options.voice);
    choice.voice.espeak_voice = base_voice(choice.voice.profile.narration.voice);
    choice.voice.full_profile = true;
    if (choice.language.empty()) choice.language = choice.voice.profile.language;
    choice.speech_language = choice.language;
    return choice;
  }
  choice.speech_language = choice.language;
  try {
    choice.voice = voice_for_language(choice.language);
  } catch (const Error& e) {
    if (options.language) throw;
    // Text the user did not label (Galician) is better read in its nearest
    // relative's voice than refused: they may not know its language.
    const std::string_view relative = spoken_relative(choice.language);
    if (relative.empty()) throw e.in_file(name);
    choice.speech_language = std::string(relative);
    choice.voice = voice_for_language(choice.speech_language);
    choice.note = "the text is in '" + choice.language + "', which eSpeak NG cannot speak; reading it as '" +
                  choice.speech_language + "', its nearest relative, with the voice '" + choice.voice.espeak_voice +
                  "' (choose it with --lang " + choice.speech_language + ")";
    std::cerr << "readaloud: " << name << ": " << choice.note << "\n";
  }
  if (choice.language.empty()) choice.language = choice.speech_language = choice.voice.profile.language;
  if (choice.voice.english_announcements)
    say_once(primary_subtag(choice.speech_language), "no announcements for language '" +
                                                         primary_subtag(choice.speech_language) +
                                                         "'; structure is announced in English");
  return choice;
}

}  // namespace readaloud
