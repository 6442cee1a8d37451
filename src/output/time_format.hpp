#pragma once
// Sample positions as the clock times that tag and sidecar formats use.

#include <string>

namespace readaloud {

/// Milliseconds from the start, rounded to the nearest millisecond.
long long sample_to_ms(long long sample, int sample_rate);

/// "HH:MM:SS.mmm" (hours grow past two digits when needed). `sep` separates
/// seconds from milliseconds: '.' for WebVTT and Xiph, ',' for SRT.
std::string clock_ms(long long ms, char sep = '.');

}  // namespace readaloud
