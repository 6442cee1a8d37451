#include "output/srt.hpp"

#include "output/caption_cues.hpp"
#include "output/time_format.hpp"

namespace readaloud {

std::string captions_srt(const Timeline& t) {
  std::string out;
  int n = 0;
  for (const CaptionLine& line : caption_lines(t)) {
    out += std::to_string(++n) + "\n";
    out += clock_ms(line.start_ms, ',') + " --> " + clock_ms(line.end_ms, ',') + "\n";
    out += line.text + "\n\n";
  }
  return out;
}

}  // namespace readaloud
