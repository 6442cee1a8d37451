#pragma once
// Test signals shared by the audio tests.

#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

namespace readaloud::testing {

/// A sine of `hz` with peak amplitude `peak`, `n` samples at `rate`.
inline std::vector<float> sine(double hz, double peak, std::size_t n, int rate) {
  std::vector<float> out(n);
  for (std::size_t i = 0; i < n; ++i)
    out[i] = static_cast<float>(peak * std::sin(2.0 * std::numbers::pi * hz * static_cast<double>(i) / rate));
  return out;
}

/// Deterministic white noise in [-peak, peak] (a 32-bit LCG, no library RNG).
inline std::vector<float> noise(double peak, std::size_t n, std::uint32_t seed = 12345) {
  std::vector<float> out(n);
  for (std::size_t i = 0; i < n; ++i) {
    seed = seed * 1664525u + 1013904223u;
    out[i] = static_cast<float>(peak * (static_cast<double>(seed) / 2147483648.0 - 1.0));
  }
  return out;
}

/// Sign changes from negative to non-negative.
inline std::size_t upward_zero_crossings(const std::vector<float>& x, std::size_t from, std::size_t to) {
  std::size_t count = 0;
  for (std::size_t i = from + 1; i < to; ++i)
    if (x[i - 1] < 0.0f && x[i] >= 0.0f) ++count;
  return count;
}

inline double peak_dbfs(const std::vector<float>& x) {
  float peak = 0.0f;
  for (float s : x) peak = std::max(peak, std::abs(s));
  return 20.0 * std::log10(peak);
}

}  // namespace readaloud::testing
