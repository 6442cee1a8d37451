#include "output/cue_sheet.hpp"

#include <cstdio>
#include <string_view>

#include "util/text.hpp"

namespace readaloud {
namespace {

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '\'';
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out + "\"";
}

std::string file_type(const std::string& name) {
  const auto dot = name.rfind('.');
  const std::string ext = dot != std::string::npos ? ascii_lower(std::string_view(name).substr(dot + 1)) : "";
  if (ext == "mp3") return "MP3";
  if (ext == "aif" || ext == "aiff") return "AIFF";
  return "WAVE";
}

std::string index_time(long long sample, int rate) {
  const long long frames = rate > 0 ? sample * 75 / rate : 0;  // floored
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", frames / (75 * 60), frames / 75 % 60, frames % 75);
  return buf;
}

}  // namespace

std::string cue_sheet(const Timeline& t, const std::string& audio_file_name, const Metadata& meta) {
  std::string out;
  if (!meta.date.empty()) out += "REM DATE " + quoted(meta.date) + "\n";
  if (!meta.author.empty()) out += "PERFORMER " + quoted(meta.author) + "\n";
  if (!meta.title.empty()) out += "TITLE " + quoted(meta.title) + "\n";
  out += "FILE " + quoted(audio_file_name) + " " + file_type(audio_file_name) + "\n";
  for (std::size_t i = 0; i < t.chapters.size(); ++i) {
    const std::string number = std::to_string(i + 1);
    out += "  TRACK " + std::string(number.size() < 2 ? 1 : 0, '0') + number + " AUDIO\n";
    out += "    TITLE " + quoted(t.chapters[i].title) + "\n";
    out += "    INDEX 01 " + index_time(t.chapters[i].start_sample, t.sample_rate) + "\n";
  }
  return out;
}

}  // namespace readaloud
