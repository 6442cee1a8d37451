#include "output/sidecar.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "util/error.hpp"
#include "util/suggest.hpp"
#include "util/text.hpp"

namespace readaloud {
namespace {

struct Entry {
  Sidecar sidecar;
  const char* name;
  const char* suffix;
};
constexpr std::array<Entry, 7> kSidecars{{
    {Sidecar::ChaptersJson, "chapters-json", ".chapters.json"},
    {Sidecar::ChaptersVtt, "chapters-vtt", ".chapters.vtt"},
    {Sidecar::Vtt, "vtt", ".vtt"},
    {Sidecar::Srt, "srt", ".srt"},
    {Sidecar::Cue, "cue", ".cue"},
    {Sidecar::Txt, "txt", ".txt"},
    {Sidecar::Ffmetadata, "ffmetadata", ".ffmetadata"},
}};

std::string normalise(std::string_view item) {
  std::string out;
  for (char c : item)
    if (!is_ascii_space(c)) out += ascii_lower(c);
  return out;
}

}  // namespace

const char* to_string(Sidecar sidecar) {
  for (const auto& e : kSidecars)
    if (e.sidecar == sidecar) return e.name;
  return "?";
}

std::string sidecar_suffix(Sidecar sidecar) {
  for (const auto& e : kSidecars)
    if (e.sidecar == sidecar) return e.suffix;
  return "";
}

std::vector<Sidecar> parse_sidecars(std::string_view list) {
  std::vector<Sidecar> out;
  const std::string whole = normalise(list);
  if (whole == "none" || whole.empty()) return out;
  if (whole == "all") {
    for (const auto& e : kSidecars) out.push_back(e.sidecar);
    return out;
  }
  std::size_t start = 0;
  while (start <= whole.size()) {
    std::size_t comma = whole.find(',', start);
    if (comma == std::string::npos) comma = whole.size();
    const std::string item = whole.substr(start, comma - start);
    start = comma + 1;
    if (item.empty()) continue;
    const Entry* found = nullptr;
    for (const auto& e : kSidecars)
      if (item == e.name || item == e.suffix + 1) found = &e;
    if (item == "json") found = &kSidecars[0];
    if (!found) {
      std::vector<std::string> names;
      for (const auto& e : kSidecars) names.emplace_back(e.name);
      std::string message = "unknown sidecar '" + item + "'" +
                            did_you_mean(item, names, std::max<std::size_t>(2, item.size() / 3));
      message += "; choose from all, none";
      for (const auto& e : kSidecars) message += std::string(", ") + e.name;
      throw_usage(message);
    }
    if (std::find(out.begin(), out.end(), found->sidecar) == out.end()) out.push_back(found->sidecar);
  }
  return out;
}

}  // namespace readaloud
