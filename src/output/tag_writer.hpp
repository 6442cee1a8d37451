#pragma once
// One entry point for tagging a finished audio file of any format.

#include <filesystem>

#include "output/audio_format.hpp"
#include "output/timeline.hpp"

namespace readaloud {

/// Writes tags, chapters and cover art into the finished file at `path`,
/// dispatching on `format` (the name is not consulted): ID3v2.4 CHAP/CTOC
/// for MP3, Vorbis comments for Opus/Ogg/FLAC, cue + LIST chunks for WAV, and
/// a stream-copy remux with chapters for M4B. Calling it again replaces the
/// earlier tags. Throws Error(Input) for a bad cover, Error(Runtime) naming
/// the file otherwise.
void write_tags(const std::filesystem::path& path, AudioFormat format, const Metadata& meta,
                const Timeline& timeline);

}  // namespace readaloud
