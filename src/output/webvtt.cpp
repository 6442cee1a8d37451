#include "output/webvtt.hpp"

#include "output/caption_cues.hpp"
#include "output/time_format.hpp"

namespace readaloud {
namespace {

// Cue text is HTML-like in WebVTT; "-->" cannot appear once '>' is escaped.
std::string escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out;
}

void cue(std::string& out, long long start_ms, long long end_ms, const std::string& text) {
  out += '\n';
  out += clock_ms(start_ms) + " --> " + clock_ms(end_ms) + "\n";
  out += escape(text) + "\n";
}

}  // namespace

std::string chapters_vtt(const Timeline& t) {
  std::string out = "WEBVTT\n";
  for (std::size_t i = 0; i < t.chapters.size(); ++i) {
    const TimedChapter& c = t.chapters[i];
    long long end = c.end_sample;
    if (end <= c.start_sample)
      end = i + 1 < t.chapters.size() ? t.chapters[i + 1].start_sample : t.total_samples;
    cue(out, sample_to_ms(c.start_sample, t.sample_rate), sample_to_ms(end, t.sample_rate), c.title);
  }
  return out;
}

std::string captions_vtt(const Timeline& t) {
  std::string out = "WEBVTT\n";
  for (const CaptionLine& line : caption_lines(t)) cue(out, line.start_ms, line.end_ms, line.text);
  return out;
}

}  // namespace readaloud
