#include "output/playlist.hpp"

#include <cmath>

namespace readaloud {
namespace {

std::string one_line(const std::string& s) {
  std::string out = s;
  for (char& c : out)
    if (c == '\n' || c == '\r') c = ' ';
  return out;
}

}  // namespace

std::string m3u8_playlist(const std::vector<PlaylistEntry>& entries) {
  std::string out = "#EXTM3U\n";
  for (const PlaylistEntry& e : entries) {
    const long long secs = std::llround(e.duration_s < 0 ? 0.0 : e.duration_s);
    out += "#EXTINF:" + std::to_string(secs) + "," + one_line(e.title) + "\n";
    out += one_line(e.path) + "\n";
  }
  return out;
}

}  // namespace readaloud
