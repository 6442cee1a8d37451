#pragma once
// CUE sheets: one track per chapter of a single audio file.

#include <string>

#include "output/timeline.hpp"

namespace readaloud {

/// REM DATE, PERFORMER and TITLE from `meta` (when set), then
/// FILE "<audio_file_name>" MP3|AIFF|WAVE (by extension; WAVE for the rest)
/// and per chapter TRACK nn AUDIO, TITLE "...", INDEX 01 mm:ss:ff (75 frames
/// per second, floored). Double quotes in text become single quotes and line
/// breaks spaces, since the format has no escapes.
std::string cue_sheet(const Timeline& timeline, const std::string& audio_file_name, const Metadata& meta);

}  // namespace readaloud
