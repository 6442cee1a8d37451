#pragma once
// Shared helpers for the output adapter tests: a synthetic programme (tones
// separated by silences, no eSpeak), running ffprobe/ffmpeg/mutagen, and a
// scratch folder.

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "output/timeline.hpp"

namespace readaloud::test {

/// A scratch folder removed at the end of the test.
struct ScratchDir {
  std::filesystem::path path;
  ScratchDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "readaloud-output-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

/// Runs a shell command and returns its standard output.
inline std::string run(const std::string& command) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  ::pclose(p);
  return out;
}

inline std::string quote(const std::filesystem::path& p) {
  std::string q = "'";
  for (char c : p.string()) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

/// 3 chapters of 1 s each: a 0.3 s 440 Hz tone at the chapter start, then
/// silence. Returns the samples and fills `timeline`.
inline std::vector<float> programme(int rate, Timeline& timeline) {
  const std::vector<std::string> titles = {"Opening: what it is", "Risks & warnings",
                                           "Sources \xE2\x80\x94 \xC3\xA9t\xC3\xA9"};
  std::vector<float> samples(static_cast<std::size_t>(rate) * 3, 0.0f);
  timeline = Timeline{};
  timeline.sample_rate = rate;
  timeline.total_samples = static_cast<long long>(samples.size());
  for (int c = 0; c < 3; ++c) {
    const long long start = static_cast<long long>(c) * rate;
    for (int i = 0; i < rate * 3 / 10; ++i)
      samples[static_cast<std::size_t>(start + i)] =
          0.5f * static_cast<float>(std::sin(2.0 * M_PI * 440.0 * i / rate));
    timeline.chapters.push_back(TimedChapter{titles[static_cast<std::size_t>(c)], 1, c == 1, start,
                                             start + rate});
  }
  return samples;
}

/// Decodes `file` with ffmpeg to mono float at `rate`.
inline std::vector<float> decode(const std::filesystem::path& file, int rate) {
  const std::string raw = run("ffmpeg -v error -i " + quote(file) + " -f f32le -ac 1 -ar " +
                              std::to_string(rate) + " -");
  std::vector<float> out(raw.size() / sizeof(float));
  if (!out.empty()) std::memcpy(out.data(), raw.data(), out.size() * sizeof(float));
  return out;
}

/// Seconds at which each tone burst begins (after at least 0.2 s of silence).
inline std::vector<double> onsets(const std::vector<float>& s, int rate) {
  std::vector<double> out;
  long long quiet = rate;  // the programme starts "after silence"
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (std::fabs(s[i]) > 0.05f) {
      if (quiet >= rate / 5) out.push_back(static_cast<double>(i) / rate);
      quiet = 0;
    } else {
      ++quiet;
    }
  }
  return out;
}

/// ffprobe's view of a file: format (duration, tags) and chapters.
inline nlohmann::json ffprobe(const std::filesystem::path& file) {
  const std::string out =
      run("ffprobe -v error -show_chapters -show_format -show_streams -of json " + quote(file));
  return nlohmann::json::parse(out, nullptr, false);
}

/// Runs a Python snippet with mutagen; `path` is available as `p`. Returns
/// the JSON it prints.
inline nlohmann::json mutagen(const std::string& code, const std::filesystem::path& path) {
  const std::filesystem::path script = path.string() + ".py";
  FILE* f = std::fopen(script.c_str(), "w");
  std::fprintf(f, "import json, sys\np = sys.argv[1]\n%s\n", code.c_str());
  std::fclose(f);
  return nlohmann::json::parse(run("/usr/bin/python3 " + quote(script) + " " + quote(path)), nullptr,
                               false);
}

}  // namespace readaloud::test
