#pragma once
// ID3v2.4 tags and chapters (CHAP + CTOC) for MP3 files.

#include <filesystem>
#include <string>

#include "output/timeline.hpp"

namespace readaloud {

/// Writes ID3v2.4 into the MP3 at `path` (opened as MPEG explicitly; the
/// name may lack ".mp3"): TIT2 title, TPE1 author, TALB album, TDRC date,
/// TLAN language, TRCK track[/total], APIC front cover when set, one CHAP per
/// chapter ("chp0", "chp1", ...; start/end in ms, a TIT2 sub-frame) and one
/// top-level ordered CTOC "toc" listing them. Replaces any earlier ID3v2 tag
/// and strips ID3v1/APE.
/// Throws Error(Input) for a bad cover, Error(Runtime) naming the file when
/// it is not MPEG audio or cannot be saved.
void write_mp3_tags(const std::filesystem::path& path, const Metadata& meta, const Timeline& timeline);

/// The same tags as write_mp3_tags but without chapters (TIT2, TPE1, TALB,
/// TDRC, TLAN, TRCK, APIC), rendered as a complete ID3v2.4 tag: the body of
/// a WAV file's "id3 " chunk. Empty when there is nothing to tag.
/// Throws Error(Input) for a bad cover.
std::string id3v2_tag_bytes(const Metadata& meta);

}  // namespace readaloud
