#pragma once
// MP3 through libmp3lame directly: constant bitrate, mono, speech-grade
// quality, encoded in independent chunks on worker threads, with a LAME Info
// tag that describes the whole stream so decoders play it gaplessly.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <vector>

#include "audio/sink.hpp"

namespace readaloud {

/// How the MP3 encoder trades speed for quality. The defaults suit speech.
struct Mp3Tuning {
  int quality = 7;              ///< LAME's -q: 0 (best, slowest) .. 9; 7 is fast and fine for speech
  int threads = 2;              ///< chunks encoded at once; 1 encodes on the calling thread
  double chunk_seconds = 10.0;  ///< length of each independently encoded chunk
};

/// A sink writing a CBR mono MP3 (MPEG-1 Layer III at 32/44.1/48 kHz, MPEG-2
/// at 16/22.05/24 kHz, MPEG-2.5 at 8/11.025/12 kHz) to exactly `path`.
///
/// The stream is cut into chunks that start on frame boundaries; each chunk
/// is encoded by its own LAME instance (bit reservoir off, so every frame
/// stands alone), fed some frames of the audio before it and after it, and
/// contributes only the frames that cover its own stretch. Concatenated, the
/// frames decode as one stream, without seams. The first frame is a LAME Info
/// tag (frame count, byte count, encoder delay of the first chunk, padding of
/// the last, music CRC), so decoders trim to exactly the samples written.
/// Memory stays bounded: at most `threads` + 1 chunks are in flight.
///
/// Throws Error(Usage) for a sample rate MP3 cannot carry or a bitrate outside
/// the range of that MPEG version; Error(Runtime) naming the file when it
/// cannot be created, and "write failed: <reason>" from write() or finish()
/// when the disk is full or a file-size limit is hit.
std::unique_ptr<AudioSink> open_mp3_encoder(const std::filesystem::path& path, int sample_rate,
                                            int bitrate_kbps, const Mp3Tuning& tuning = {});

/// The fields of a LAME Info tag frame (for tests and diagnostics).
struct Mp3InfoTag {
  std::uint32_t frames = 0;        ///< audio frames after the tag frame
  std::uint32_t bytes = 0;         ///< bytes of the whole stream, tag frame included
  int encoder_delay = 0;           ///< samples to skip at the start (plus the decoder's 529)
  int padding = 0;                 ///< samples to drop at the end
  std::uint32_t music_length = 0;  ///< LAME's "music length": bytes, tag frame included
  std::uint16_t music_crc = 0;     ///< CRC-16 of the audio frames
  std::uint16_t tag_crc = 0;       ///< CRC-16 of the tag frame up to this field, as stored
  bool tag_crc_ok = false;         ///< the stored tag CRC matches the frame's bytes
};

/// Reads the Info tag from the MPEG frame at the start of `frame` (the first
/// frame of a stream, after any ID3v2 tag). Returns false when the frame
/// carries no "Info"/"Xing" tag with frame and byte counts and a LAME extension.
bool read_mp3_info_tag(std::span<const std::uint8_t> frame, Mp3InfoTag& tag);

/// CRC-16 as LAME computes it for the Info tag (polynomial 0x8005, reflected, initial 0).
std::uint16_t lame_crc16(std::span<const std::uint8_t> bytes, std::uint16_t crc = 0);

}  // namespace readaloud
