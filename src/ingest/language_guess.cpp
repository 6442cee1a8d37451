#include "ingest/language_guess.hpp"

// CLD2's public header uses FILE without including <cstdio>.
#include <cstdio>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>

#include "document/languages.hpp"

namespace readaloud {
namespace {

constexpr std::size_t kMinLatinLetters = 30;

// Scripts counted letter by letter. Latin is the only one that many languages
// share; for the rest the script alone narrows the choice to a few.
enum Script : std::size_t {
  kLatin, kHan, kKana, kHangul, kCyrillic, kGreek, kArabic, kHebrew, kDevanagari, kBengali, kGurmukhi,
  kGujarati, kOriya, kTamil, kTelugu, kKannada, kMalayalam, kSinhala, kThai, kLao, kTibetan, kMyanmar,
  kGeorgian, kArmenian, kEthiopic, kKhmer, kScriptCount
};

struct Range {
  char32_t first, last;
  Script script;
};

constexpr Range kRanges[] = {
    {0x00C0, 0x024F, kLatin},     {0x0370, 0x03FF, kGreek},     {0x0400, 0x052F, kCyrillic},
    {0x0530, 0x058F, kArmenian},  {0x0590, 0x05FF, kHebrew},    {0x0600, 0x06FF, kArabic},
    {0x0750, 0x077F, kArabic},    {0x0900, 0x097F, kDevanagari}, {0x0980, 0x09FF, kBengali},
    {0x0A00, 0x0A7F, kGurmukhi},  {0x0A80, 0x0AFF, kGujarati},  {0x0B00, 0x0B7F, kOriya},
    {0x0B80, 0x0BFF, kTamil},     {0x0C00, 0x0C7F, kTelugu},    {0x0C80, 0x0CFF, kKannada},
    {0x0D00, 0x0D7F, kMalayalam}, {0x0D80, 0x0DFF, kSinhala},   {0x0E00, 0x0E7F, kThai},
    {0x0E80, 0x0EFF, kLao},       {0x0F00, 0x0FFF, kTibetan},   {0x1000, 0x109F, kMyanmar},
    {0x10A0, 0x10FF, kGeorgian},  {0x1100, 0x11FF, kHangul},    {0x1200, 0x137F, kEthiopic},
    {0x1780, 0x17FF, kKhmer},     {0x1E00, 0x1EFF, kLatin},     {0x1F00, 0x1FFF, kGreek},
    {0x3040, 0x30FF, kKana},      {0x3130, 0x318F, kHangul},    {0x31F0, 0x31FF, kKana},
    {0x3400, 0x4DBF, kHan},       {0x4E00, 0x9FFF, kHan},       {0xAC00, 0xD7AF, kHangul},
    {0xF900, 0xFAFF, kHan},       {0xFB1D, 0xFB4F, kHebrew},    {0xFB50, 0xFDFF, kArabic},
    {0xFE70, 0xFEFF, kArabic},    {0xFF66, 0xFF9F, kKana},      {0x20000, 0x2FFFF, kHan},
};

/// The languages a script allows, the first being the one to use when CLD2
/// names none of them.
struct ScriptLanguages {
  Script script;
  std::initializer_list<std::string_view> languages;
};

const ScriptLanguages kScriptLanguages[] = {
    {kHan, {"zh", "zh-Hant", "ja"}},
    {kKana, {"ja"}},
    {kHangul, {"ko"}},
    {kCyrillic, {"ru", "uk", "be", "bg", "mk", "sr", "kk", "ky", "tt", "ba", "tg", "mn"}},
    {kGreek, {"el"}},
    {kArabic, {"ar", "fa", "ur", "ps", "ug", "sd", "ku"}},
    {kHebrew, {"he", "yi"}},
    {kDevanagari, {"hi", "mr", "ne", "sa", "kok"}},
    {kBengali, {"bn", "as"}},
    {kGurmukhi, {"pa"}},   {kGujarati, {"gu"}}, {kOriya, {"or"}},   {kTamil, {"ta"}},
    {kTelugu, {"te"}},     {kKannada, {"kn"}},  {kMalayalam, {"ml"}}, {kSinhala, {"si"}},
    {kThai, {"th"}},       {kLao, {"lo"}},      {kTibetan, {"bo"}},   {kMyanmar, {"my"}},
    {kGeorgian, {"ka"}},   {kArmenian, {"hy"}}, {kEthiopic, {"am"}},  {kKhmer, {"km"}},
};

/// Languages so close that a declared one is plausible whenever the text reads
/// as another of its group; CLD2 itself separates them on longer text.
const std::initializer_list<std::string_view> kRelatives[] = {
    {"pt", "es", "gl"}, {"cs", "sk"}, {"da", "nb", "no", "nn", "sv"}, {"id", "ms"},
    {"hr", "sr", "bs"},
};

/// Decodes one UTF-8 sequence at `i` (advancing it); invalid bytes give U+FFFD.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i++]);
  if (b < 0x80) return b;
  int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : -1;
  if (extra < 0) return 0xFFFD;
  char32_t cp = b & (0x3F >> extra);
  for (; extra > 0; --extra) {
    if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  }
  return cp;
}

std::array<std::size_t, kScriptCount> count_scripts(std::string_view text) {
  std::array<std::size_t, kScriptCount> counts{};
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = next_code_point(text, i);
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
      ++counts[kLatin];
      continue;
    }
    if (cp < 0xC0) continue;
    for (const Range& r : kRanges)
      if (cp >= r.first && cp <= r.last) {
        ++counts[r.script];
        break;
      }
  }
  return counts;
}

/// CLD2's code as BCP 47: its old Hebrew and Javanese codes, and Norwegian
/// as Bokmål, the written form eSpeak NG speaks.
std::string bcp47_from_cld2(std::string_view code) {
  if (code == "iw") return "he";
  if (code == "jw") return "jv";
  if (code == "no") return "nb";
  if (code == "un" || code == "xxx" || code.starts_with("xx-") || code.empty()) return {};
  return std::string(code);
}

LanguageGuess run_cld2(std::string_view text) {
  CLD2::CLDHints hints{nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language top3[3];
  int percent3[3] = {};
  double scores3[3] = {};
  int text_bytes = 0;
  bool reliable = false;
  const CLD2::Language best = CLD2::ExtDetectLanguageSummary(
      text.data(), static_cast<int>(text.size()), true, &hints, CLD2::kCLDFlagBestEffort, top3, percent3, scores3,
      nullptr, &text_bytes, &reliable);
  LanguageGuess guess;
  guess.language = bcp47_from_cld2(CLD2::LanguageCode(best));
  guess.reliable = reliable && !guess.language.empty();
  for (int i = 0; i < 3; ++i)
    if (top3[i] == best) guess.percent = percent3[i];
  return guess;
}

bool related(const std::string& a, const std::string& b) {
  for (const auto& group : kRelatives)
    if (std::find(group.begin(), group.end(), a) != group.end() &&
        std::find(group.begin(), group.end(), b) != group.end())
      return true;
  return false;
}

void append_text(std::string& out, std::string_view text, std::size_t max_bytes) {
  if (text.empty() || out.size() >= max_bytes) return;
  if (!out.empty()) out += '\n';
  out.append(text.substr(0, max_bytes - std::min(max_bytes, out.size())));
}

}  // namespace

LanguageGuess identify_language(std::string_view text) {
  const auto counts = count_scripts(text);
  std::size_t letters = 0;
  for (std::size_t c : counts) letters += c;
  if (letters == 0) return {};
  // Japanese mixes Kanji with Kana; Chinese has no Kana. Count them together
  // as one writing system, and let a tenth of Kana decide.
  const std::size_t cjk = counts[kHan] + counts[kKana];
  std::size_t dominant = kLatin;
  for (std::size_t s = 0; s < kScriptCount; ++s)
    if (counts[s] > counts[dominant]) dominant = s;
  if (cjk > counts[dominant]) dominant = kHan;
  const std::size_t dominant_count = dominant == kHan || dominant == kKana ? cjk : counts[dominant];

  LanguageGuess cld = run_cld2(text);
  if (dominant == kLatin || 10 * dominant_count < 4 * letters) {
    // A few words of Latin script ("Sauna.") could be almost any language.
    return letters < kMinLatinLetters ? LanguageGuess{} : cld;
  }

  LanguageGuess guess;
  guess.non_latin = true;
  guess.percent = static_cast<int>(100 * dominant_count / letters);
  guess.reliable = dominant_count >= 20;
  if ((dominant == kHan || dominant == kKana) && 10 * counts[kKana] >= cjk) {
    guess.language = "ja";
    return guess;
  }
  for (const ScriptLanguages& sl : kScriptLanguages) {
    if (sl.script != dominant) continue;
    const bool allowed = std::find(sl.languages.begin(), sl.languages.end(), cld.language) != sl.languages.end();
    // Han without Kana is Chinese whatever CLD2 says of a short text.
    guess.language = allowed && !(dominant == kHan && cld.language == "ja") ? cld.language
                                                                           : std::string(*sl.languages.begin());
    return guess;
  }
  return cld;
}

std::string language_sample(const Article& article, std::size_t max_bytes) {
  std::string out;
  append_text(out, article.title, max_bytes);
  for (const Section& section : article.sections) {
    append_text(out, section.title, max_bytes);
    for (const Block& block : section.blocks) {
      if (block.kind == BlockKind::Code) continue;  // its text is a programming language's name
      append_text(out, plain_text(block.text), max_bytes);
      append_text(out, plain_text(block.caption), max_bytes);
      for (const ListItem& item : block.items) append_text(out, plain_text(item.text), max_bytes);
      for (const InlineText& cell : block.header) append_text(out, plain_text(cell), max_bytes);
      for (const auto& row : block.rows)
        for (const InlineText& cell : row) append_text(out, plain_text(cell), max_bytes);
    }
  }
  // Never end inside a UTF-8 sequence: CLD2 expects valid text.
  std::size_t end = out.size();
  while (end > 0 && (static_cast<unsigned char>(out[end - 1]) & 0xC0) == 0x80) --end;
  if (end > 0 && static_cast<unsigned char>(out[end - 1]) >= 0xC0) out.resize(end - 1);
  return out;
}

LanguageDecision decide_language(std::string_view declared_tag, const LanguageGuess& detected) {
  const std::string declared = canonical_tag(declared_tag);
  if (declared.empty()) return {detected.language, {}};
  if (detected.language.empty()) return {declared, {}};
  const std::string want = primary_subtag(declared) == "no" ? "nb" : primary_subtag(declared);
  const std::string got = primary_subtag(detected.language);
  if (want == got || related(want, got)) return {declared, {}};
  // A page template's lang="en" on a page written in another language is a
  // common mistake; read the text in the language it is written in.
  const bool clear = detected.reliable && (detected.non_latin || detected.percent >= 70);
  if (!clear) return {declared, {}};
  return {detected.language, "the input declares language '" + declared + "' but its text reads as '" +
                                 detected.language + "'; reading it as '" + detected.language +
                                 "' (--lang " + declared + " keeps the declared one)"};
}

LanguageDecision guess_language(const Article& article) {
  return decide_language(article.language, identify_language(language_sample(article)));
}

}  // namespace readaloud
