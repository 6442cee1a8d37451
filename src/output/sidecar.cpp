#include "output/sidecar.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "util/error.hpp"

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

// Edit distance counting a swap of two neighbours as one edit (optimal
// string alignment), so "str" is nearer "srt" than "vtt". Names are a few
// characters long, so the O(n*m) table is nothing.
std::size_t distance(std::string_view a, std::string_view b) {
  const std::size_t w = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * w);
  for (std::size_t i = 0; i <= a.size(); ++i) d[i * w] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t v = std::min({d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        v = std::min(v, d[(i - 2) * w + j - 2] + 1);
      d[i * w + j] = v;
    }
  return d[a.size() * w + b.size()];
}

std::string normalise(std::string_view item) {
  std::string out;
  for (char c : item)
    if (!std::isspace(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
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
      const Entry* best = &kSidecars[0];
      for (const auto& e : kSidecars)
        if (distance(item, e.name) < distance(item, best->name)) best = &e;
      std::string message = "unknown sidecar '" + item + "'";
      if (distance(item, best->name) <= std::max<std::size_t>(2, item.size() / 3))
        message += std::string(" (did you mean '") + best->name + "'?)";
      message += "; choose from all, none";
      for (const auto& e : kSidecars) message += std::string(", ") + e.name;
      throw_usage(message);
    }
    if (std::find(out.begin(), out.end(), found->sidecar) == out.end()) out.push_back(found->sidecar);
  }
  return out;
}

}  // namespace readaloud
