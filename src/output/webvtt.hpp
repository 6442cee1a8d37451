#pragma once
// WebVTT sidecars: chapter markers and sentence captions.

#include <string>

#include "output/timeline.hpp"

namespace readaloud {

/// WebVTT chapters: "WEBVTT", then one cue per chapter
/// ("00:00:00.000 --> 00:01:02.500" and the title). A chapter's end is its
/// end_sample, or the next chapter's start / the programme end when unset.
std::string chapters_vtt(const Timeline& timeline);

/// WebVTT captions: one cue per Timeline::cues entry, in time order, never
/// overlapping (an end is clamped to the next start), empty cues dropped;
/// line breaks become spaces and &, <, > are escaped.
std::string captions_vtt(const Timeline& timeline);

}  // namespace readaloud
