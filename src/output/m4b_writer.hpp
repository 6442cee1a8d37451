#pragma once
// AAC-in-MP4 (M4B audiobook) through libavcodec/libavformat: the encoder,
// and a stream-copy remux that adds chapters, tags and cover art.

#include <filesystem>
#include <memory>

#include "audio/sink.hpp"
#include "output/audio_format.hpp"
#include "output/timeline.hpp"

namespace readaloud {

// The FFmpeg-based implementation lives in a loadable module
// (libreadaloud_m4b.so, built from m4b_writer.cpp) that m4b_loader.cpp opens
// on first use; these two functions are the same in either case.

/// The M4B encoder behind open_audio_writer(); mono AAC at options.bitrate_kbps.
std::unique_ptr<AudioSink> open_m4b_writer(const std::filesystem::path& path,
                                           const EncodeOptions& options);

/// Re-muxes the finished M4B at `path` (stream copy, no re-encode) into a
/// temporary beside it with chapters (QuickTime chapter track + Nero chpl),
/// title/artist/album/date/track tags, the audio track's language (ISO 639-2,
/// from meta.language) and the cover as an attached picture, then renames it
/// over `path`.
void write_m4b_tags(const std::filesystem::path& path, const Metadata& meta,
                    const Timeline& timeline);

/// Inside the module: the implementations behind the two functions above.
std::unique_ptr<AudioSink> m4b_module_open_writer(const std::filesystem::path& path,
                                                  const EncodeOptions& options);
void m4b_module_write_tags(const std::filesystem::path& path, const Metadata& meta,
                           const Timeline& timeline);

}  // namespace readaloud
