#pragma once
// Conversions between eSpeak's 16-bit PCM and the float samples the audio
// stages use.

#include <cstdint>
#include <span>
#include <vector>

namespace readaloud {

/// Appends `in` to `out` as floats in [-1, 1) (each sample divided by 32768).
void int16_to_float(std::span<const std::int16_t> in, std::vector<float>& out);

/// Sets `out` to `in` as 16-bit samples: times 32768, rounded half away from
/// zero, clamped to [-32768, 32767].
void float_to_int16(std::span<const float> in, std::vector<std::int16_t>& out);

/// Appends `count` samples of digital silence to `out`.
void append_silence(std::size_t count, std::vector<float>& out);

/// Number of samples in `ms` milliseconds at `sample_rate`, rounded to nearest.
std::size_t ms_to_samples(long long ms, int sample_rate);

}  // namespace readaloud
