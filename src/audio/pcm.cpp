#include "audio/pcm.hpp"

namespace readaloud {

void int16_to_float(std::span<const std::int16_t> in, std::vector<float>& out) {
  out.reserve(out.size() + in.size());
  // Dividing by 32768 (not 32767) maps -32768 to exactly -1 and keeps the
  // conversion a pure scale, so no DC offset or asymmetry is introduced.
  for (std::int16_t s : in) out.push_back(static_cast<float>(s) / 32768.0f);
}

void append_silence(std::size_t count, std::vector<float>& out) { out.resize(out.size() + count, 0.0f); }

std::size_t ms_to_samples(long long ms, int sample_rate) {
  if (ms <= 0 || sample_rate <= 0) return 0;
  return static_cast<std::size_t>((ms * sample_rate + 500) / 1000);
}

}  // namespace readaloud
