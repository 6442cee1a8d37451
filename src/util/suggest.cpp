#include "util/suggest.hpp"
#include "util/text.hpp"

#include <algorithm>

namespace readaloud {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Names are short, so the full O(|a|*|b|) table is cheap.
  const std::size_t w = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * w);
  for (std::size_t i = 0; i <= a.size(); ++i) d[i * w] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const bool same = ascii_lower(a[i - 1]) == ascii_lower(b[j - 1]);
      std::size_t best = std::min({d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + (same ? 0 : 1)});
      if (i > 1 && j > 1 && ascii_lower(a[i - 1]) == ascii_lower(b[j - 2]) && ascii_lower(a[i - 2]) == ascii_lower(b[j - 1]))
        best = std::min(best, d[(i - 2) * w + j - 2] + 1);
      d[i * w + j] = best;
    }
  }
  return d[a.size() * w + b.size()];
}

std::vector<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t max_distance, std::size_t max_count) {
  std::vector<std::pair<std::size_t, std::size_t>> scored;  // distance, candidate index
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    const std::string& c = candidates[k];
    const std::size_t gap = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (gap > max_distance) continue;  // the distance is at least the length gap
    const std::size_t dist = edit_distance(word, c);
    if (dist <= max_distance) scored.emplace_back(dist, k);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && out.size() < max_count; ++i)
    if (scored[i].first == scored.front().first) out.push_back(candidates[scored[i].second]);
  return out;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates, std::size_t max_distance,
                         char quote) {
  const auto best = nearest(word, candidates, max_distance, 1);
  if (best.empty()) return {};
  return std::string(" (did you mean ") + quote + best.front() + quote + "?)";
}

}  // namespace readaloud
