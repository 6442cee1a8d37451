#include "output/caption_cues.hpp"

#include <algorithm>

#include "output/time_format.hpp"
#include "util/text.hpp"

namespace readaloud {

std::vector<CaptionLine> caption_lines(const Timeline& timeline) {
  std::vector<const Cue*> cues;
  cues.reserve(timeline.cues.size());
  for (const Cue& c : timeline.cues) cues.push_back(&c);
  std::stable_sort(cues.begin(), cues.end(),
                   [](const Cue* a, const Cue* b) { return a->start_sample < b->start_sample; });
  std::vector<CaptionLine> out;
  for (std::size_t i = 0; i < cues.size(); ++i) {
    long long end = cues[i]->end_sample;
    if (i + 1 < cues.size()) end = std::min(end, cues[i + 1]->start_sample);
    if (timeline.total_samples > 0) end = std::min(end, timeline.total_samples);
    CaptionLine line{sample_to_ms(cues[i]->start_sample, timeline.sample_rate),
                     sample_to_ms(end, timeline.sample_rate), collapse_spaces(cues[i]->text)};
    if (line.text.empty() || line.end_ms <= line.start_ms) continue;
    // Rounding to milliseconds must not re-create an overlap.
    if (!out.empty() && line.start_ms < out.back().end_ms) out.back().end_ms = line.start_ms;
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace readaloud
