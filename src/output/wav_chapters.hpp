#pragma once
// Chapters and tags for WAV: a `cue ` chunk, a LIST/adtl chunk with one
// `labl` per cue (read by ffprobe as chapter titles, by libsndfile as cues),
// LIST/INFO (INAM, IART, IPRD, ICRD, ITRK), and an "id3 " chunk with the
// same tags plus TRCK n/N and the cover (APIC).

#include <filesystem>

#include "output/timeline.hpp"

namespace readaloud {

/// Rewrites the chunks after `data` in the finished WAV at `path`: any old
/// trailing chunks are dropped, then cue, LIST/adtl, LIST/INFO and id3 are
/// appended and the RIFF size fixed. Cue ids are 1, 2, ... in chapter order.
/// Throws Error(Runtime) naming the file when it is not a WAV or cannot be
/// written.
void write_wav_tags(const std::filesystem::path& path, const Metadata& meta, const Timeline& timeline);

}  // namespace readaloud
