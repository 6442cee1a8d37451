#include "audio/tone.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <sstream>

#include "audio/pcm.hpp"
#include "util/error.hpp"

namespace readaloud {

std::vector<float> make_earcon(const Earcon& earcon, int sample_rate) {
  if (sample_rate <= 0) throw_usage("earcon: sample rate must be positive");
  if (earcon.tone_ms < 0 || earcon.gap_ms < 0 || earcon.fade_ms < 0)
    throw_usage("earcon: tone_ms, gap_ms and fade_ms must not be negative");
  if (earcon.level_dbfs > 0.0) throw_usage("earcon: level_dbfs must be 0 or below");
  const double nyquist = sample_rate / 2.0;
  for (double hz : earcon.tones_hz) {
    if (!(hz > 0.0 && hz < nyquist)) {
      std::ostringstream msg;
      msg << "earcon: tone " << hz << " Hz is outside 0.." << nyquist << " Hz at " << sample_rate << " Hz";
      throw_usage(msg.str());
    }
  }

  const std::size_t tone_len = ms_to_samples(earcon.tone_ms, sample_rate);
  const std::size_t gap_len = ms_to_samples(earcon.gap_ms, sample_rate);
  const std::size_t fade_len = std::min(ms_to_samples(earcon.fade_ms, sample_rate), tone_len / 2);
  std::vector<float> out;
  if (tone_len == 0) return out;

  std::vector<double> wave;
  wave.reserve(earcon.tones_hz.size() * (tone_len + gap_len));
  for (std::size_t t = 0; t < earcon.tones_hz.size(); ++t) {
    if (t > 0) wave.resize(wave.size() + gap_len, 0.0);
    const double w = 2.0 * std::numbers::pi * earcon.tones_hz[t] / sample_rate;
    for (std::size_t i = 0; i < tone_len; ++i) {
      // Raised-cosine (Hann) ramps at both ends: the envelope and its slope
      // start and end at zero, so neither the start nor the end clicks.
      double env = 1.0;
      if (fade_len > 0) {
        const std::size_t from_edge = std::min(i, tone_len - 1 - i);
        if (from_edge < fade_len)
          env = 0.5 - 0.5 * std::cos(std::numbers::pi * static_cast<double>(from_edge) / fade_len);
      }
      wave.push_back(env * std::sin(w * static_cast<double>(i)));
    }
  }
  // Scale to the exact peak: a sampled sine rarely lands on its crest.
  double peak = 0.0;
  for (double s : wave) peak = std::max(peak, std::abs(s));
  const double scale = peak > 0.0 ? std::pow(10.0, earcon.level_dbfs / 20.0) / peak : 0.0;
  out.reserve(wave.size());
  for (double s : wave) out.push_back(static_cast<float>(s * scale));
  return out;
}

}  // namespace readaloud
