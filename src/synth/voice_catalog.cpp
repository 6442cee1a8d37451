#include "synth/voice_catalog.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <utility>

#include <toml++/toml.h>

#include "util/embedded.hpp"
#include "util/error.hpp"

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

/// Case-insensitive edit distance counting an adjacent transposition as one
/// edit (optimal string alignment), so "en-su" is one edit from "en-us".
/// Names are short, so the O(|a|*|b|) table is cheap; callers skip pairs
/// whose lengths already differ by more than their limit.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t w = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * w);
  for (std::size_t i = 0; i <= a.size(); ++i) d[i * w] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const bool same = ascii_lower(a[i - 1]) == ascii_lower(b[j - 1]);
      std::size_t best = std::min({d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + (same ? 0 : 1)});
      if (i > 1 && j > 1 && ascii_lower(a[i - 1]) == ascii_lower(b[j - 2]) &&
          ascii_lower(a[i - 2]) == ascii_lower(b[j - 1]))
        best = std::min(best, d[(i - 2) * w + j - 2] + 1);
      d[i * w + j] = best;
    }
  }
  return d[a.size() * w + b.size()];
}

/// The candidates nearest to `word` (all those at the smallest distance, if
/// that is within `max_distance`), at most `max_count`, sorted by name.
std::vector<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t max_distance, std::size_t max_count) {
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& c : candidates) {
    const std::size_t len_gap = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (len_gap > max_distance) continue;
    const std::size_t dist = edit_distance(word, c);
    if (dist <= max_distance) scored.emplace_back(dist, c);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && out.size() < max_count; ++i)
    if (scored[i].first == scored.front().first) out.push_back(scored[i].second);
  return out;
}

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
    read_phrases(root, p.phrases);
    return p;
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
    std::ifstream in;
    if (std::filesystem::is_regular_file(path, ec)) in.open(path, std::ios::binary);
    if (!in.is_open()) throw Error(ErrorKind::Input, "cannot read voice profile", Location{path, 0, 0, {}});
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw Error(ErrorKind::Input, "cannot read voice profile", Location{path, 0, 0, {}});
    std::string_view stem = name_or_path.substr(name_or_path.rfind('/') + 1);  // npos + 1 == 0
    if (ends_with(stem, kTomlExt)) stem.remove_suffix(kTomlExt.size());
    return parse_voice_profile(text.str(), stem, path);
  }

  const std::string file = std::string(kVoiceDir) + std::string(name_or_path) + std::string(kTomlExt);
  if (auto text = embedded_file(file)) return parse_voice_profile(*text, name_or_path, file);

  const auto names = voice_profile_names();
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
