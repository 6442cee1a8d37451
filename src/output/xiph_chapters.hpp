#pragma once
// Vorbis-comment tags and chapters for Ogg Opus, Ogg Vorbis and FLAC.

#include <filesystem>

#include "output/audio_format.hpp"
#include "output/timeline.hpp"

namespace readaloud {

/// Replaces the Vorbis comments of the Opus/Ogg/FLAC file at `path` with
/// TITLE, ARTIST, ALBUM, DATE, LANGUAGE, TRACKNUMBER/TRACKTOTAL,
/// CHAPTER001=HH:MM:SS.mmm + CHAPTER001NAME=title per chapter (at most 999,
/// the limit of the convention), and the cover (METADATA_BLOCK_PICTURE in
/// Ogg, a PICTURE block in FLAC). `format` must be Opus, Ogg or Flac.
/// Throws Error(Input) for a bad cover, Error(Runtime) naming the file.
void write_xiph_tags(const std::filesystem::path& path, AudioFormat format, const Metadata& meta,
                     const Timeline& timeline);

}  // namespace readaloud
