#include "output/time_format.hpp"

#include <cstdio>

namespace readaloud {

long long sample_to_ms(long long sample, int sample_rate) {
  if (sample_rate <= 0) return 0;
  // Integer rounding: no floating-point drift on long programmes.
  return (sample * 1000 + sample_rate / 2) / sample_rate;
}

std::string clock_ms(long long ms, char sep) {
  if (ms < 0) ms = 0;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld%c%03lld", ms / 3600000, ms / 60000 % 60,
                ms / 1000 % 60, sep, ms % 1000);
  return buf;
}

}  // namespace readaloud
