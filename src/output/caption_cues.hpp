#pragma once
// The caption cues both caption formats share: sorted, clamped, cleaned.

#include <string>
#include <vector>

#include "output/timeline.hpp"

namespace readaloud {

/// A caption ready to print: times in milliseconds, text on one line.
struct CaptionLine {
  long long start_ms = 0;
  long long end_ms = 0;
  std::string text;
  bool operator==(const CaptionLine&) const = default;
};

/// Timeline::cues sorted by start (stable), each end clamped to the next
/// start and to the programme end, line breaks and runs of whitespace
/// collapsed to one space; cues left empty or without duration are dropped.
std::vector<CaptionLine> caption_lines(const Timeline& timeline);

}  // namespace readaloud
