#pragma once
// FFmpeg's metadata file format (ffmpeg -i audio -i x.ffmetadata -map_metadata 1).

#include <string>

#include "output/timeline.hpp"

namespace readaloud {

/// ";FFMETADATA1", global title/artist/album/date/language/track, then one
/// [CHAPTER] per chapter with TIMEBASE=1/1000, START, END (ms) and title.
/// '=', ';', '#', '\' and line breaks in values are backslash-escaped.
std::string ffmetadata(const Timeline& timeline, const Metadata& meta);

}  // namespace readaloud
