#pragma once
// Encoders: AudioSinks that write mono float samples into an audio file.

#include <filesystem>
#include <memory>

#include "audio/sink.hpp"
#include "output/audio_format.hpp"

namespace readaloud {

/// An encoder writing mono float samples to exactly `path` (usually a
/// temporary name such as "out/.x.mp3.AbC123"; the format comes from
/// `options`, never from the name).
///
/// MP3 (libmp3lame), M4B (FFmpeg's AAC in MP4), Opus (libopus in Ogg), Ogg
/// Vorbis (libvorbis) and FLAC (libFLAC, 16-bit) are encoded in chunks of
/// options.chunk_seconds on options.threads threads and joined without seams
/// (open_mp3_encoder(), open_opus_encoder(), open_vorbis_encoder(),
/// open_flac_encoder(), m4b_writer.hpp); each declares its encoder delay and
/// padding so decoders trim them. WAV (16-bit PCM) goes through libsndfile on
/// the calling thread.
///
/// Throws Error(Usage) for Opus at a rate other than 8/12/16/24/48 kHz and for
/// a sample rate or bitrate the encoder cannot use; Error(Runtime) naming the
/// file when it cannot be created, and "write failed: <reason>" from write()
/// or finish() when the disk is full or a file-size limit is hit.
std::unique_ptr<AudioSink> open_audio_writer(const std::filesystem::path& path,
                                             const EncodeOptions& options);

}  // namespace readaloud
