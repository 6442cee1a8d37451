#pragma once
// SubRip captions.

#include <string>

#include "output/timeline.hpp"

namespace readaloud {

/// SRT: one numbered (1-based) cue per Timeline::cues entry,
/// "00:00:01,250 --> 00:00:03,000", in time order and never overlapping
/// (same rules as captions_vtt), blank line after each cue.
std::string captions_srt(const Timeline& timeline);

}  // namespace readaloud
