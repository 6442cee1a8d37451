#pragma once
// FLAC through libFLAC directly: 16-bit mono, encoded in chunks of whole
// frames on all threads. FLAC frames stand alone, so the chunks need no
// overlap; each frame is renumbered for its place in the whole stream.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>

#include "audio/sink.hpp"

namespace readaloud {

/// How the FLAC encoder trades speed for size. The defaults suit speech.
struct FlacTuning {
  int level = 5;                ///< libFLAC compression level 0..8 (5 is flac's default)
  int threads = 2;              ///< chunks encoded at once; 1 encodes on the calling thread
  double chunk_seconds = 10.0;  ///< length of each chunk (rounded to whole frames)
};

/// A sink writing 16-bit mono FLAC to exactly `path`: fixed 4096-sample
/// frames with consecutive frame numbers and their CRCs, a STREAMINFO with
/// the total samples, the smallest and largest frame and the MD5 of the
/// samples, an empty Vorbis comment and padding for tags.
///
/// Throws Error(Usage) for a sample rate FLAC cannot carry, Error(Runtime)
/// naming the file when it cannot be created, and "write failed: <reason>"
/// from write() or finish() when the disk is full.
std::unique_ptr<AudioSink> open_flac_encoder(const std::filesystem::path& path, int sample_rate,
                                             const FlacTuning& tuning = {});

/// CRC-8 of a FLAC frame header (polynomial 0x07, initial 0).
std::uint8_t flac_crc8(std::span<const std::uint8_t> bytes);
/// CRC-16 of a whole FLAC frame (polynomial 0x8005, initial 0).
std::uint16_t flac_crc16(std::span<const std::uint8_t> bytes);

}  // namespace readaloud
