#pragma once
// A 16-bit mono WAV made straight from a spill file: the spill already holds
// 16-bit samples, so the file is a header and the samples (times a gain),
// converted and written by several threads at once, each into its own range.

#include <filesystem>

#include "audio/spill.hpp"

namespace readaloud {

/// Writes `source` (all of it, after flush()) as a canonical 16-bit mono WAV at
/// `sample_rate`, every sample multiplied by `scale` (at most 1: samples are
/// rounded and clamped to 16 bits), on `threads` threads. Checks for an
/// interrupt between blocks. Throws Error(Runtime) naming `path` on a write
/// error (e.g. "write failed: No space left on device").
void write_wav_from_spill(const std::filesystem::path& path, const SpillFile& source, float scale, int sample_rate,
                          int threads);

}  // namespace readaloud
