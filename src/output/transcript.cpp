#include "output/transcript.hpp"

namespace readaloud {

std::string transcript(const Script& script) {
  std::string out;
  bool first = true;
  for (const Chapter& chapter : script.chapters) {
    if (chapter.segments.empty()) continue;
    if (!first) out += '\n';
    first = false;
    for (const Segment& s : chapter.segments) {
      out += s.text;
      out += '\n';
    }
  }
  return out;
}

}  // namespace readaloud
