#pragma once
// Ogg Opus through libopus directly, encoded in chunks on all threads and
// paged as one continuous logical stream.

#include <filesystem>
#include <memory>

#include "audio/sink.hpp"

namespace readaloud {

/// How the Opus encoder trades speed for quality. The defaults suit speech
/// (complexity chosen by measurement: see the README's Performance section).
struct OpusTuning {
  int complexity = 0;           ///< libopus complexity 0..10
  int threads = 2;              ///< chunks encoded at once; 1 encodes on the calling thread
  double chunk_seconds = 10.0;  ///< length of each chunk (rounded to whole 20 ms frames)
};

/// A sink writing mono Ogg Opus (VBR at `bitrate_kbps`, 20 ms frames) to
/// exactly `path`. Each chunk's encoder starts 200 ms early (pre-roll) and
/// keeps only the packets of its own stretch, so the packets join as if one
/// encoder had made them. One logical stream: OpusHead with the encoder's
/// look-ahead as pre-skip, an OpusTags page, then the audio pages with
/// granule positions counted in 48 kHz samples, the last one trimming the
/// stream to exactly the samples written.
///
/// Throws Error(Usage) for a rate other than 8/12/16/24/48 kHz or a bitrate
/// outside 6..256 kbps; Error(Runtime) naming the file when it cannot be
/// created, and "write failed: <reason>" when the disk is full.
std::unique_ptr<AudioSink> open_opus_encoder(const std::filesystem::path& path, int sample_rate, int bitrate_kbps,
                                             const OpusTuning& tuning = {});

}  // namespace readaloud
