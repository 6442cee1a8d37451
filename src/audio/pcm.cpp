#include "audio/pcm.hpp"

#include <cmath>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace readaloud {

void int16_to_float(std::span<const std::int16_t> in, std::vector<float>& out) {
  // Dividing by 32768 (not 32767) maps -32768 to exactly -1 and keeps the
  // conversion a pure scale, so no DC offset or asymmetry is introduced.
  // Sized first, then filled by index: a push_back loop does not vectorise.
  const std::size_t start = out.size();
  out.resize(start + in.size());
  float* to = out.data() + start;
  for (std::size_t i = 0; i < in.size(); ++i) to[i] = static_cast<float>(in[i]) * (1.0f / 32768.0f);
}

// With SSE2 (every x86-64), 8 samples at a time: GCC's own vectorisation
// left this loop scalar. Then one by one for the rest, with the same
// arithmetic: scale, clamp, add half a step away from zero, truncate.
void float_to_int16(std::span<const float> samples, std::vector<std::int16_t>& pcm) {
  pcm.resize(samples.size());
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128 scale = _mm_set1_ps(32768.0f);
  const __m128 low = _mm_set1_ps(-32768.0f);
  const __m128 high = _mm_set1_ps(32767.0f);
  const __m128 half = _mm_set1_ps(0.5f);
  const __m128 sign = _mm_set1_ps(-0.0f);
  auto convert = [&](const float* p) {
    __m128 v = _mm_min_ps(_mm_max_ps(_mm_mul_ps(_mm_loadu_ps(p), scale), low), high);
    v = _mm_add_ps(v, _mm_or_ps(_mm_and_ps(v, sign), half));  // +-0.5 with the sign of v
    return _mm_cvttps_epi32(v);
  };
  for (; i + 8 <= samples.size(); i += 8) {
    const __m128i packed = _mm_packs_epi32(convert(samples.data() + i), convert(samples.data() + i + 4));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(pcm.data() + i), packed);
  }
#endif
  for (; i < samples.size(); ++i) {
    float v = samples[i] * 32768.0f;
    v = v < -32768.0f ? -32768.0f : v;
    v = v > 32767.0f ? 32767.0f : v;
    v += std::signbit(v) ? -0.5f : 0.5f;
    pcm[i] = static_cast<std::int16_t>(static_cast<int>(v));
  }
}

void append_silence(std::size_t count, std::vector<float>& out) { out.resize(out.size() + count, 0.0f); }

std::size_t ms_to_samples(long long ms, int sample_rate) {
  if (ms <= 0 || sample_rate <= 0) return 0;
  return static_cast<std::size_t>((ms * sample_rate + 500) / 1000);
}

}  // namespace readaloud
