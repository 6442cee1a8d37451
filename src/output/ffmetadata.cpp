#include "output/ffmetadata.hpp"

#include "output/time_format.hpp"

namespace readaloud {
namespace {

std::string escape(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '=' || c == ';' || c == '#' || c == '\\' || c == '\n') out += '\\';
    if (c == '\r') continue;  // a CR would survive only as a stray byte
    out += c;
  }
  return out;
}

void put(std::string& out, const char* key, const std::string& value) {
  if (!value.empty()) out += std::string(key) + "=" + escape(value) + "\n";
}

}  // namespace

std::string ffmetadata(const Timeline& t, const Metadata& meta) {
  std::string out = ";FFMETADATA1\n";
  put(out, "title", meta.title);
  put(out, "artist", meta.author);
  put(out, "album", meta.album);
  put(out, "date", meta.date);
  put(out, "language", meta.language);
  if (meta.track > 0)
    put(out, "track", std::to_string(meta.track) +
                          (meta.total_tracks > 0 ? "/" + std::to_string(meta.total_tracks) : ""));
  for (std::size_t i = 0; i < t.chapters.size(); ++i) {
    const TimedChapter& c = t.chapters[i];
    long long end = c.end_sample;
    if (end <= c.start_sample)
      end = i + 1 < t.chapters.size() ? t.chapters[i + 1].start_sample : t.total_samples;
    out += "\n[CHAPTER]\nTIMEBASE=1/1000\n";
    out += "START=" + std::to_string(sample_to_ms(c.start_sample, t.sample_rate)) + "\n";
    out += "END=" + std::to_string(sample_to_ms(end, t.sample_rate)) + "\n";
    put(out, "title", c.title);
  }
  return out;
}

}  // namespace readaloud
