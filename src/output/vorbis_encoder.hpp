#pragma once
// Ogg Vorbis through libvorbis directly, encoded in chunks on all threads and
// joined into one logical stream where the chunks' block boundaries align.

#include <filesystem>
#include <memory>

#include "audio/sink.hpp"

namespace readaloud {

/// How the Vorbis encoder is run.
struct VorbisTuning {
  float quality = 0.4f;         ///< libvorbis VBR quality (0.4: `ffmpeg -q:a 4`, libsndfile's default)
  int threads = 2;              ///< chunks encoded at once; 1 encodes on the calling thread
  double chunk_seconds = 10.0;  ///< length of each chunk (rounded to whole 1024-sample blocks)
};

/// A sink writing mono Ogg Vorbis to exactly `path`. Each chunk's encoder
/// starts about 0.5 s before its stretch and runs about 0.5 s past it; the
/// packets are joined at a packet boundary after the chunk's start where both
/// encoders chose the same block sizes (the encoder's state has converged by
/// then, so the joined stream decodes as the one-encoder stream does). Where
/// the two encoders' blocks do not line up anywhere in the overlap (their
/// block grids out of step through silence or a steady sound), the earlier
/// chunk's encoder goes on into the next chunk's samples, on the writing
/// thread, until they do or that chunk ends; so a join never fails. One set
/// of headers, continuous granule positions, the last one the stream's length;
/// the same samples and chunk length give the same bytes on any thread count.
///
/// Throws Error(Usage) for a rate outside 8..192 kHz; Error(Runtime) naming
/// the file when it cannot be created or written.
std::unique_ptr<AudioSink> open_vorbis_encoder(const std::filesystem::path& path, int sample_rate,
                                               const VorbisTuning& tuning = {});

}  // namespace readaloud
