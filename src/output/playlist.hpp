#pragma once
// M3U8 playlists for split mode (one audio file per chapter or part).

#include <string>
#include <vector>

namespace readaloud {

/// One part of a split programme.
struct PlaylistEntry {
  std::string path;         ///< written as given: relative to the playlist's folder
  double duration_s = 0.0;  ///< seconds
  std::string title;
  bool operator==(const PlaylistEntry&) const = default;
};

/// "#EXTM3U", then per entry "#EXTINF:<whole seconds, rounded>,<title>" and
/// the path; line breaks in titles and paths become spaces.
std::string m3u8_playlist(const std::vector<PlaylistEntry>& entries);

}  // namespace readaloud
