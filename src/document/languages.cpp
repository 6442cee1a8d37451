#include "document/languages.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "util/embedded.hpp"
#include "util/text.hpp"

namespace readaloud {
namespace {

constexpr std::string_view kDataDir = "data/";
constexpr std::string_view kTomlExt = ".toml";

// ISO 639-1 -> ISO 639-2/T for the languages eSpeak NG speaks and CLD2 names.
// Codes that are already three letters ("cmn", "yue") map to themselves.
constexpr std::pair<std::string_view, std::string_view> kIso639_2[] = {
    {"af", "afr"}, {"am", "amh"}, {"an", "arg"}, {"ar", "ara"}, {"as", "asm"}, {"az", "aze"}, {"ba", "bak"},
    {"be", "bel"}, {"bg", "bul"}, {"bn", "ben"}, {"bs", "bos"}, {"ca", "cat"}, {"cs", "ces"}, {"cv", "chv"},
    {"cy", "cym"}, {"da", "dan"}, {"de", "deu"}, {"el", "ell"}, {"en", "eng"}, {"eo", "epo"}, {"es", "spa"},
    {"et", "est"}, {"eu", "eus"}, {"fa", "fas"}, {"fi", "fin"}, {"fo", "fao"}, {"fr", "fra"}, {"fy", "fry"},
    {"ga", "gle"}, {"gd", "gla"}, {"gl", "glg"}, {"gn", "grn"}, {"gu", "guj"}, {"ha", "hau"}, {"he", "heb"},
    {"hi", "hin"}, {"hr", "hrv"}, {"ht", "hat"}, {"hu", "hun"}, {"hy", "hye"}, {"ia", "ina"}, {"id", "ind"},
    {"ig", "ibo"}, {"io", "ido"}, {"is", "isl"}, {"it", "ita"}, {"ja", "jpn"}, {"jv", "jav"}, {"ka", "kat"},
    {"kk", "kaz"}, {"kl", "kal"}, {"km", "khm"}, {"kn", "kan"}, {"ko", "kor"}, {"ku", "kur"}, {"ky", "kir"},
    {"la", "lat"}, {"lb", "ltz"}, {"lo", "lao"}, {"lt", "lit"}, {"lv", "lav"}, {"mg", "mlg"}, {"mi", "mri"},
    {"mk", "mkd"}, {"ml", "mal"}, {"mn", "mon"}, {"mr", "mar"}, {"ms", "msa"}, {"mt", "mlt"}, {"my", "mya"},
    {"nb", "nob"}, {"ne", "nep"}, {"nl", "nld"}, {"nn", "nno"}, {"no", "nor"}, {"om", "orm"}, {"or", "ori"},
    {"pa", "pan"}, {"pl", "pol"}, {"ps", "pus"}, {"pt", "por"}, {"qu", "que"}, {"rm", "roh"}, {"ro", "ron"},
    {"ru", "rus"}, {"rw", "kin"}, {"sd", "snd"}, {"si", "sin"}, {"sk", "slk"}, {"sl", "slv"}, {"so", "som"},
    {"sq", "sqi"}, {"sr", "srp"}, {"st", "sot"}, {"sv", "swe"}, {"sw", "swa"}, {"ta", "tam"}, {"te", "tel"},
    {"tg", "tgk"}, {"th", "tha"}, {"tk", "tuk"}, {"tl", "tgl"}, {"tn", "tsn"}, {"tr", "tur"}, {"tt", "tat"},
    {"ug", "uig"}, {"uk", "ukr"}, {"ur", "urd"}, {"uz", "uzb"}, {"vi", "vie"}, {"xh", "xho"}, {"yi", "yid"},
    {"yo", "yor"}, {"zh", "zho"}, {"zu", "zul"},
};

// Languages eSpeak NG 1.51 lacks, and the one it speaks whose voice and
// spelling rules read them best; spelling distance alone would pick Greek
// ("el") for Galician.
constexpr std::pair<std::string_view, std::string_view> kSpokenRelatives[] = {
    {"gl", "pt"}, {"ast", "es"}, {"oc", "ca"}, {"fy", "nl"}, {"gsw", "de"}, {"yi", "de"},
    {"sco", "en"}, {"fo", "is"}, {"co", "it"}, {"li", "nl"}, {"wa", "fr"}, {"nn", "nb"},
    // Philippine languages in Indonesian's voice: Malayo-Polynesian relatives
    // written in the Latin alphabet almost as they sound, with "ng" alike.
    {"tl", "id"}, {"fil", "id"}, {"ceb", "id"},
};

}  // namespace

std::string primary_subtag(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    out += ascii_lower(c);
  }
  return out;
}

std::string canonical_tag(std::string_view tag) {
  // BCP 47 case conventions: language lowercase, script Titlecase, region
  // UPPERCASE (two letters) or digits; anything after a singleton stays lowercase.
  std::string out;
  std::size_t index = 0;
  bool private_use = false;
  std::size_t start = 0;
  while (start <= tag.size()) {
    std::size_t end = tag.find_first_of("-_", start);
    if (end == std::string_view::npos) end = tag.size();
    std::string part(tag.substr(start, end - start));
    for (char& c : part) c = ascii_lower(c);
    if (index > 0 && !private_use) {
      if (part.size() == 1) private_use = true;
      else if (part.size() == 4 && std::isalpha(static_cast<unsigned char>(part[0]))) part[0] = ascii_upper(part[0]);
      else if (part.size() == 2) for (char& c : part) c = ascii_upper(c);
    }
    if (!part.empty()) out += (out.empty() ? "" : "-") + part;
    ++index;
    start = end + 1;
  }
  return out;
}

const std::vector<std::string>& supported_languages() {
  static const std::vector<std::string> codes = [] {
    const std::string dir = std::string(kDataDir) + "announcements/";
    std::vector<std::string> out;
    for (const auto& f : embedded_files()) {
      if (!f.path.starts_with(dir) || !f.path.ends_with(kTomlExt)) continue;
      const std::string_view stem = f.path.substr(dir.size(), f.path.size() - dir.size() - kTomlExt.size());
      if (stem.find('/') == std::string_view::npos) out.emplace_back(stem);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }();
  return codes;
}

bool is_supported_language(std::string_view tag) {
  const auto& codes = supported_languages();
  return std::binary_search(codes.begin(), codes.end(), primary_subtag(tag));
}

std::optional<std::string_view> language_resource(std::string_view kind, std::string_view tag) {
  const std::string primary = primary_subtag(tag);
  if (primary.empty()) return std::nullopt;
  return embedded_file(std::string(kDataDir) + std::string(kind) + "/" + primary + std::string(kTomlExt));
}

std::string resource_language(std::string_view kind, std::string_view tag, std::string_view fallback) {
  return language_resource(kind, tag) ? primary_subtag(tag) : std::string(fallback);
}

std::string iso639_2(std::string_view tag) {
  const std::string primary = primary_subtag(tag);
  if (primary.size() == 3) return primary;
  for (const auto& [two, three] : kIso639_2)
    if (two == primary) return std::string(three);
  return {};
}

std::string_view spoken_relative(std::string_view tag) {
  const std::string primary = primary_subtag(tag);
  for (const auto& [lang, relative] : kSpokenRelatives)
    if (lang == primary) return relative;
  return {};
}

}  // namespace readaloud
