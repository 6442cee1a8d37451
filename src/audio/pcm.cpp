#include "audio/pcm.hpp"

#include <cstring>

namespace readaloud {

void int16_to_float(std::span<const std::int16_t> in, std::vector<float>& out) {
  out.reserve(out.size() + in.size());
  // Dividing by 32768 (not 32767) maps -32768 to exactly -1 and keeps the
  // conversion a pure scale, so no DC offset or asymmetry is introduced.
  for (std::int16_t s : in) out.push_back(static_cast<float>(s) / 32768.0f);
}

namespace {
using Floats = float __attribute__((vector_size(32)));
using Ints = std::int32_t __attribute__((vector_size(32)));
using Shorts = std::int16_t __attribute__((vector_size(16)));

}  // namespace

// 8 samples at a time with GCC/Clang vector types (plain comparisons and
// std::clamp left the loop scalar), then one by one for the rest, with the
// same arithmetic.
void float_to_int16(std::span<const float> samples, std::vector<std::int16_t>& pcm) {
  pcm.resize(samples.size());
  std::size_t i = 0;
  for (; i + 8 <= samples.size(); i += 8) {
    Floats v;
    std::memcpy(&v, samples.data() + i, sizeof v);
    v *= 32768.0f;
    v = v < -32768.0f ? Floats{} - 32768.0f : v;
    v = v > 32767.0f ? Floats{} + 32767.0f : v;
    v += v >= 0.0f ? Floats{} + 0.5f : Floats{} - 0.5f;
    const Shorts out = __builtin_convertvector(__builtin_convertvector(v, Ints), Shorts);
    std::memcpy(pcm.data() + i, &out, sizeof out);
  }
  for (; i < samples.size(); ++i) {
    float v = samples[i] * 32768.0f;
    v = v < -32768.0f ? -32768.0f : v;
    v = v > 32767.0f ? 32767.0f : v;
    v += v >= 0.0f ? 0.5f : -0.5f;
    pcm[i] = static_cast<std::int16_t>(static_cast<int>(v));
  }
}

void append_silence(std::size_t count, std::vector<float>& out) { out.resize(out.size() + count, 0.0f); }

std::size_t ms_to_samples(long long ms, int sample_rate) {
  if (ms <= 0 || sample_rate <= 0) return 0;
  return static_cast<std::size_t>((ms * sample_rate + 500) / 1000);
}

}  // namespace readaloud
