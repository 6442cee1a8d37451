#pragma once
// What the audio turned out to be: chapter times and per-sentence caption
// cues, exact to the sample. Input to tag writers and sidecar writers.

#include <string>
#include <vector>

namespace readaloud {

struct TimedChapter {
  std::string title;
  int level = 1;
  bool warning = false;
  long long start_sample = 0;
  long long end_sample = 0;
  bool operator==(const TimedChapter&) const = default;
};

/// One caption cue: a spoken sentence (or announcement) with its time span.
struct Cue {
  long long start_sample = 0;
  long long end_sample = 0;
  std::string text;
  bool operator==(const Cue&) const = default;
};

struct Timeline {
  int sample_rate = 22050;
  long long total_samples = 0;
  std::vector<TimedChapter> chapters;
  std::vector<Cue> cues;

  double seconds(long long sample) const { return static_cast<double>(sample) / sample_rate; }
  double duration_s() const { return seconds(total_samples); }
  bool operator==(const Timeline&) const = default;
};

/// Tags written into audio files.
struct Metadata {
  std::string title;
  std::string author;   ///< ARTIST / TPE1
  std::string album;
  std::string date;
  std::string language;
  std::string cover_path;  ///< image file to embed, empty for none
  int track = 0;           ///< TRCK / TRACKNUMBER in split mode, 0 for none
  int total_tracks = 0;    ///< "track/total" when > 0
  bool operator==(const Metadata&) const = default;
};

}  // namespace readaloud
