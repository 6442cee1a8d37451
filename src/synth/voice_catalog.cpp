#include "synth/voice_catalog.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <utility>

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <toml++/toml.h>

#include "document/languages.hpp"
#include "synth/espeak_engine.hpp"
#include "util/fd.hpp"
#include "util/embedded.hpp"
#include "util/error.hpp"
#include "util/suggest.hpp"

namespace readaloud {
namespace {

constexpr std::string_view kVoiceDir = "voices/";
constexpr std::string_view kTomlExt = ".toml";
constexpr int kMinRate = 80;   // eSpeak NG clamps below this
constexpr int kMaxRate = 450;  // and above this

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

/// "a", "a or b", "a, b or c".
std::string join_or(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += (i + 1 == words.size()) ? " or " : ", ";
    out += words[i];
  }
  return out;
}

std::string join_comma(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += ", ";
    out += words[i];
  }
  return out;
}

/// Reads one profile file, reporting every problem as Error(Input) at the
/// line and column toml++ recorded for the offending key or value.
class ProfileReader {
 public:
  explicit ProfileReader(std::string file) : file_(std::move(file)) {}

  VoiceProfile read(const toml::table& root, std::string_view name) const {
    VoiceProfile p;
    p.name = std::string(name);
    only_keys(root, "",
              {"language", "description", "pause_before_heading_ms", "pause_between_paragraphs_ms",
               "pause_after_warning_ms", "narration", "heading", "announcement", "warning", "earcon",
               "phrases"});
    read_string(root, "", "language", p.language, true);
    read_string(root, "", "description", p.description, false);
    read_int(root, "", "pause_before_heading_ms", 0, kMaxPauseMs, p.pause_before_heading_ms);
    read_int(root, "", "pause_between_paragraphs_ms", 0, kMaxPauseMs, p.pause_between_paragraphs_ms);
    read_int(root, "", "pause_after_warning_ms", 0, kMaxPauseMs, p.pause_after_warning_ms);
    read_prosody(root, "narration", p.narration);
    read_prosody(root, "heading", p.heading);
    read_prosody(root, "announcement", p.announcement);
    read_prosody(root, "warning", p.warning);
    read_earcon(root, p.earcon);
    if (root.get("phrases") != nullptr)
      read_phrases(root, p.phrases);
    else if (auto phrases = announcements_for(p.language))
      p.phrases = std::move(*phrases);
    return p;
  }

  /// A data/announcements file: its language and its [phrases].
  Phrases read_announcements(const toml::table& root) const {
    only_keys(root, "", {"language", "name", "phrases"});
    Phrases phrases;
    read_phrases(root, phrases);
    return phrases;
  }

 private:
  static constexpr int kMaxPauseMs = 10000;

  [[noreturn]] void fail(const toml::source_region& where, const std::string& message) const {
    throw Error(ErrorKind::Input, message, Location{file_, where.begin.line, where.begin.column, {}});
  }

  static std::string qualified(std::string_view table, std::string_view key) {
    return table.empty() ? std::string(key) : std::string(table) + "." + std::string(key);
  }

  void only_keys(const toml::table& t, std::string_view table,
                 std::initializer_list<std::string_view> allowed) const {
    for (auto&& [key, node] : t) {
      (void)node;
      if (std::find(allowed.begin(), allowed.end(), key.str()) != allowed.end()) continue;
      std::string message = "unknown key '" + qualified(table, key.str()) + "' in voice profile";
      const auto near = nearest(key.str(), std::vector<std::string>(allowed.begin(), allowed.end()), 2, 1);
      if (!near.empty()) message += " (did you mean " + qualified(table, near.front()) + "?)";
      fail(key.source(), message);
    }
  }

  const toml::table* subtable(const toml::table& root, std::string_view key) const {
    const toml::node* n = root.get(key);
    if (!n) return nullptr;
    const toml::table* t = n->as_table();
    if (!t) fail(n->source(), "'" + std::string(key) + "' must be a table");
    return t;
  }

  void read_int(const toml::table& t, std::string_view table, std::string_view key, int lo, int hi,
                int& out) const {
    const toml::node* n = t.get(key);
    if (!n) return;
    const auto* v = n->as_integer();
    if (!v) fail(n->source(), "'" + qualified(table, key) + "' must be an integer");
    const std::int64_t x = v->get();
    if (x < lo || x > hi)
      fail(n->source(), "'" + qualified(table, key) + "' must be between " + std::to_string(lo) + " and " +
                            std::to_string(hi) + " (got " + std::to_string(x) + ")");
    out = static_cast<int>(x);
  }

  double number(const toml::node& n, const std::string& what, double lo, double hi) const {
    double x = 0;
    if (const auto* i = n.as_integer())
      x = static_cast<double>(i->get());
    else if (const auto* f = n.as_floating_point())
      x = f->get();
    else
      fail(n.source(), "'" + what + "' must be a number");
    if (!(x >= lo && x <= hi)) {
      std::ostringstream m;
      m << "'" << what << "' must be between " << lo << " and " << hi << " (got " << x << ")";
      fail(n.source(), m.str());
    }
    return x;
  }

  void read_string(const toml::table& t, std::string_view table, std::string_view key, std::string& out,
                   bool non_empty) const {
    const toml::node* n = t.get(key);
    if (!n) return;
    const auto* v = n->as_string();
    if (!v) fail(n->source(), "'" + qualified(table, key) + "' must be a string");
    if (non_empty && v->get().empty()) fail(n->source(), "'" + qualified(table, key) + "' must not be empty");
    out = v->get();
  }

  void read_prosody(const toml::table& root, std::string_view role, Prosody& out) const {
    const toml::table* t = subtable(root, role);
    if (!t) return;
    only_keys(*t, role, {"voice", "rate", "pitch", "range", "pause_before_ms", "pause_after_ms"});
    read_string(*t, role, "voice", out.voice, true);
    // The voice string reaches eSpeak NG as a name; keep it to the characters
    // voice and variant names use so a typo cannot smuggle in anything else.
    for (char c : out.voice) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '_' || c == '+';
      if (!ok) fail(t->get("voice")->source(), "'" + qualified(role, "voice") + "' is not an eSpeak NG voice name: '" +
                                                   out.voice + "'");
    }
    read_int(*t, role, "rate", kMinRate, kMaxRate, out.rate_wpm);
    read_int(*t, role, "pitch", 0, 99, out.pitch);
    read_int(*t, role, "range", 0, 99, out.range);
    read_int(*t, role, "pause_before_ms", 0, kMaxPauseMs, out.pause_before_ms);
    read_int(*t, role, "pause_after_ms", 0, kMaxPauseMs, out.pause_after_ms);
  }

  void read_earcon(const toml::table& root, Earcon& out) const {
    const toml::table* t = subtable(root, "earcon");
    if (!t) return;
    only_keys(*t, "earcon", {"tones_hz", "tone_ms", "gap_ms", "fade_ms", "level_dbfs"});
    if (const toml::node* n = t->get("tones_hz")) {
      const toml::array* a = n->as_array();
      if (!a || a->empty() || a->size() > 8)
        fail(n->source(), "'earcon.tones_hz' must be an array of 1 to 8 frequencies");
      out.tones_hz.clear();
      for (const toml::node& tone : *a) out.tones_hz.push_back(number(tone, "earcon.tones_hz", 20.0, 20000.0));
    }
    read_int(*t, "earcon", "tone_ms", 10, 2000, out.tone_ms);
    read_int(*t, "earcon", "gap_ms", 0, 2000, out.gap_ms);
    read_int(*t, "earcon", "fade_ms", 0, 1000, out.fade_ms);
    if (const toml::node* n = t->get("level_dbfs")) out.level_dbfs = number(*n, "earcon.level_dbfs", -60.0, 0.0);
    if (2 * out.fade_ms > out.tone_ms)
      fail(t->source(), "'earcon.fade_ms' must be at most half of 'earcon.tone_ms'");
  }

  void read_phrase(const toml::table& t, std::string_view key, std::string& out,
                   std::initializer_list<std::string_view> placeholders) const {
    read_string(t, "phrases", key, out, true);
    const toml::node* n = t.get(key);
    if (!n) return;
    // A misspelt placeholder would be spoken literally ("{count}"), so reject it here.
    for (std::size_t open = out.find('{'); open != std::string::npos; open = out.find('{', open + 1)) {
      const std::size_t close = out.find('}', open);
      if (close == std::string::npos) break;
      const std::string_view name = std::string_view(out).substr(open + 1, close - open - 1);
      if (std::find(placeholders.begin(), placeholders.end(), name) != placeholders.end()) continue;
      std::string allowed;
      for (auto p : placeholders) allowed += (allowed.empty() ? "{" : ", {") + std::string(p) + "}";
      fail(n->source(), "'phrases." + std::string(key) + "' has unknown placeholder '{" + std::string(name) + "}'" +
                            (allowed.empty() ? std::string(" (it takes none)") : " (allowed: " + allowed + ")"));
    }
  }

  void read_phrases(const toml::table& root, Phrases& out) const {
    const toml::table* t = subtable(root, "phrases");
    if (!t) return;
    only_keys(*t, "phrases",
              {"warning", "list", "list_one", "item", "end_of_list", "section", "quote", "end_of_quote", "image",
               "code", "table", "row", "callout_note", "callout_important", "introduction", "untitled"});
    read_phrase(*t, "warning", out.warning, {});
    read_phrase(*t, "list", out.list, {"n"});
    read_phrase(*t, "list_one", out.list_one, {});
    read_phrase(*t, "item", out.item, {"i"});
    read_phrase(*t, "end_of_list", out.end_of_list, {});
    read_phrase(*t, "section", out.section, {"i", "n", "title"});
    read_phrase(*t, "quote", out.quote, {});
    read_phrase(*t, "end_of_quote", out.end_of_quote, {});
    read_phrase(*t, "image", out.image, {"alt"});
    read_phrase(*t, "code", out.code, {"lang"});
    read_phrase(*t, "table", out.table, {"n"});
    read_phrase(*t, "row", out.row, {"i"});
    read_phrase(*t, "callout_note", out.callout_note, {});
    read_phrase(*t, "callout_important", out.callout_important, {});
    read_phrase(*t, "introduction", out.introduction, {});
    read_phrase(*t, "untitled", out.untitled, {"i"});
  }

  std::string file_;
};

}  // namespace

std::vector<std::string> voice_profile_names() {
  std::vector<std::string> names;
  for (const auto& f : embedded_files()) {
    if (f.path.substr(0, kVoiceDir.size()) != kVoiceDir || !ends_with(f.path, kTomlExt)) continue;
    const std::string_view stem = f.path.substr(kVoiceDir.size(), f.path.size() - kVoiceDir.size() - kTomlExt.size());
    if (stem.find('/') == std::string_view::npos) names.emplace_back(stem);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

VoiceProfile parse_voice_profile(std::string_view toml_text, std::string_view name, std::string_view file) {
  toml::table root;
  try {
    root = toml::parse(toml_text, file);
  } catch (const toml::parse_error& e) {
    throw Error(ErrorKind::Input, "invalid voice profile: " + std::string(e.description()),
                Location{std::string(file), e.source().begin.line, e.source().begin.column, {}});
  }
  return ProfileReader(std::string(file)).read(root, name);
}

VoiceProfile load_voice_profile(std::string_view name_or_path) {
  const bool is_path = name_or_path.find('/') != std::string_view::npos || ends_with(name_or_path, kTomlExt);
  if (is_path) {
    const std::string path(name_or_path);
    std::error_code ec;
    std::string text;
    if (!std::filesystem::is_regular_file(path, ec) || !read_whole_file(path, text))
      throw Error(ErrorKind::Input, "cannot read voice profile", Location{path, 0, 0, {}});
    std::string_view stem = name_or_path.substr(name_or_path.rfind('/') + 1);  // npos + 1 == 0
    if (ends_with(stem, kTomlExt)) stem.remove_suffix(kTomlExt.size());
    return parse_voice_profile(text, stem, path);
  }

  const std::string file = std::string(kVoiceDir) + std::string(name_or_path) + std::string(kTomlExt);
  if (auto text = embedded_file(file)) return parse_voice_profile(*text, name_or_path, file);

  auto names = voice_profile_names();
  std::sort(names.begin(), names.end());  // suggestions in name order
  const auto near = nearest(name_or_path, names, 3, 3);
  std::string message = "unknown voice '" + std::string(name_or_path) + "'";
  if (!near.empty())
    message += " (did you mean " + join_or(near) + "?)";
  else
    message += " (available: " + join_comma(names) + ")";
  throw_usage(message);
}

std::string profile_name_for_language(std::string_view language) {
  std::string tag;
  for (char c : language) tag += (c == '_') ? '-' : ascii_lower(c);
  const auto names = voice_profile_names();
  auto shipped = [&](std::string_view n) {
    return n != "default" && !n.empty() && std::binary_search(names.begin(), names.end(), std::string(n));
  };
  if (shipped(tag)) return tag;
  const std::string primary = tag.substr(0, tag.find('-'));
  if (shipped(primary)) return primary;
  return "default";
}

const std::vector<EspeakVoice>& espeak_voices() {
  static const std::vector<EspeakVoice> voices = [] {
    // Listing voices reads eSpeak NG's data folder and needs only its path,
    // so `inspect` and `voices` never start the synthesiser. The lock: the
    // engine may be starting on another thread (EspeakEngine::start_ahead).
    std::lock_guard<std::mutex> lock(espeak_library_mutex());
    espeak_ng_InitializePath(nullptr);
    std::vector<EspeakVoice> out;
    const espeak_VOICE** list = espeak_ListVoices(nullptr);
    for (std::size_t i = 0; list != nullptr && list[i] != nullptr; ++i) {
      EspeakVoice voice;
      voice.name = list[i]->name != nullptr ? list[i]->name : "";
      // `languages`: a priority byte, then a NUL-terminated code, repeated;
      // an empty code ends the run.
      for (const char* p = list[i]->languages; p != nullptr && *p != '\0';) {
        const int priority = static_cast<unsigned char>(*p++);
        const std::string_view code(p);
        if (code.empty()) break;
        voice.languages.emplace_back(std::string(code), priority);
        p += code.size() + 1;
      }
      if (!voice.languages.empty()) out.push_back(std::move(voice));
    }
    return out;
  }();
  return voices;
}

namespace {

/// The voice name for an exact eSpeak language code, preferring the voice
/// with the lowest priority for it (eSpeak's own choice); "" when none.
std::string espeak_voice_for_code(const std::string& code) {
  const EspeakVoice* best = nullptr;
  int best_priority = 0;
  for (const EspeakVoice& v : espeak_voices())
    for (const auto& [lang, priority] : v.languages)
      if (lang == code && (best == nullptr || priority < best_priority)) {
        best = &v;
        best_priority = priority;
      }
  return best != nullptr ? best->languages.front().first : std::string();
}

/// Tags eSpeak NG knows under another code: Chinese varieties by region,
/// Latin American Spanish by any American region.
std::string espeak_code_for_tag(const std::string& tag) {
  const std::string primary = primary_subtag(tag);
  std::string region;
  for (std::size_t start = tag.find('-'); start != std::string::npos;) {
    const std::size_t end = tag.find('-', start + 1);
    const std::string part = tag.substr(start + 1, end == std::string::npos ? std::string::npos : end - start - 1);
    if (part.size() == 2 || (part.size() == 3 && std::isdigit(static_cast<unsigned char>(part[0])))) region = part;
    start = end;
  }
  if (primary == "zh") return region == "hk" || region == "mo" || tag.find("-yue") != std::string::npos ? "yue" : "cmn";
  if (primary == "es" && !region.empty() && region != "es") return "es-419";
  if (primary == "pt" && region == "br") return "pt-br";
  if (primary == "nn" || primary == "no") return "nb";
  return tag;
}

}  // namespace

std::string espeak_voice_for_language(std::string_view language) {
  std::string tag;
  for (char c : language) tag += (c == '_') ? '-' : ascii_lower(c);
  // The tag as eSpeak knows it, then less and less specific ("de-ch" -> "de").
  for (std::string code = espeak_code_for_tag(tag); !code.empty();) {
    if (std::string voice = espeak_voice_for_code(code); !voice.empty()) return voice;
    const std::size_t dash = code.rfind('-');
    code = dash == std::string::npos ? std::string() : code.substr(0, dash);
  }
  std::vector<std::string> codes;
  for (const EspeakVoice& v : espeak_voices())
    for (const auto& [code, priority] : v.languages) codes.push_back(code);
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  // Close relatives first: spelling alone would suggest Greek for Galician.
  auto near = nearest(primary_subtag(tag), codes, 2, 3);
  if (const std::string_view relative = spoken_relative(tag); !relative.empty()) near = {std::string(relative)};
  throw_usage("eSpeak NG cannot speak language '" + std::string(language) + "'" +
              (near.empty() ? std::string(" (see readaloud voices for the languages it speaks)")
                            : " (nearest it can speak: " + join_or(near) +
                                  (near.size() == 1 ? "; choose it with --lang " + near.front()
                                                    : std::string("; choose one with --lang")) +
                                  ")"));
}

std::optional<Phrases> announcements_for(std::string_view tag) {
  static const LanguageCache<std::optional<Phrases>> cache([](const std::string& code) -> std::optional<Phrases> {
    const auto text = language_resource("announcements", code);
    if (!text) return std::nullopt;
    const std::string file = "data/announcements/" + code + ".toml";
    toml::table root;
    try {
      root = toml::parse(*text, file);
    } catch (const toml::parse_error& e) {
      throw Error(ErrorKind::Runtime, "invalid announcements: " + std::string(e.description()),
                  Location{file, e.source().begin.line, e.source().begin.column, {}});
    }
    return ProfileReader(file).read_announcements(root);
  });
  const std::string code = primary_subtag(tag);
  if (code.empty()) return std::nullopt;
  return cache.get(code);
}

std::string base_voice(std::string_view voice) { return std::string(voice.substr(0, voice.find('+'))); }

namespace {
/// Every role speaks with `voice`, keeping its variant ("en-us+m3" -> "pt-br+m3").
void use_voice(LanguageVoice& out, const std::string& voice) {
  out.espeak_voice = voice;
  for (Prosody* role : {&out.profile.narration, &out.profile.heading, &out.profile.announcement, &out.profile.warning}) {
    const std::size_t plus = role->voice.find('+');
    role->voice = voice + (plus == std::string::npos ? std::string() : role->voice.substr(plus));
  }
}
}  // namespace

LanguageVoice voice_for_language(std::string_view tag) {
  LanguageVoice out;
  const std::string name = profile_name_for_language(tag.empty() ? "en" : tag);
  if (name != "default" || tag.empty() || primary_subtag(tag) == "en") {
    out.profile = load_voice_profile(name);
    out.espeak_voice = base_voice(out.profile.narration.voice);
    out.full_profile = true;
    // A regional tag read with the language's profile keeps eSpeak's regional
    // voice when it has one ("es-MX" -> es-419, "fr-BE" -> fr-be).
    if (name == primary_subtag(tag) && tag.find_first_of("-_") != std::string_view::npos) {
      const std::string regional = espeak_voice_for_language(tag);
      if (regional.find('-') != std::string::npos && regional != out.espeak_voice) use_voice(out, regional);
    }
    return out;
  }
  out.profile = load_voice_profile("default");
  out.profile.name = "default";
  out.profile.language = canonical_tag(tag);
  out.profile.description = "eSpeak NG's own voice for the language, at the default profile's prosody.";
  use_voice(out, espeak_voice_for_language(tag));
  if (auto phrases = announcements_for(tag))
    out.profile.phrases = std::move(*phrases);
  else
    out.english_announcements = true;
  return out;
}

VoiceProfile with_rate(VoiceProfile profile, int wpm) {
  if (wpm < kMinRate || wpm > kMaxRate)
    throw_usage("speech rate must be between " + std::to_string(kMinRate) + " and " + std::to_string(kMaxRate) +
                " words per minute (got " + std::to_string(wpm) + ")");
  const double base = profile.narration.rate_wpm > 0 ? profile.narration.rate_wpm : 175;
  const double factor = wpm / base;
  // Pauses follow the speed too, or at 350 wpm the silences would stay as
  // long as at 175 and the whole would not take half the time; bounded so a
  // fast listener still hears structure and a slow one is not left waiting.
  const double pause_factor = std::clamp(1.0 / factor, kMinPauseScale, kMaxPauseScale);
  auto pause = [&](int& ms) { ms = static_cast<int>(std::lround(ms * pause_factor)); };
  auto scale = [&](Prosody& p) {
    const long scaled = std::lround(p.rate_wpm * factor);
    p.rate_wpm = static_cast<int>(std::clamp<long>(scaled, kMinRate, kMaxRate));
    pause(p.pause_before_ms);
    pause(p.pause_after_ms);
  };
  scale(profile.heading);
  scale(profile.announcement);
  scale(profile.warning);
  scale(profile.narration);
  profile.narration.rate_wpm = wpm;
  pause(profile.pause_before_heading_ms);
  pause(profile.pause_between_paragraphs_ms);
  pause(profile.pause_after_warning_ms);
  return profile;
}

}  // namespace readaloud
