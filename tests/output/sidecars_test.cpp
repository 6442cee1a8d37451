// Sidecar writers against stored expected text (tests/fixtures/output/).

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "output/caption_cues.hpp"
#include "output/chapters_json.hpp"
#include "output/cue_sheet.hpp"
#include "output/ffmetadata.hpp"
#include "output/playlist.hpp"
#include "output/sidecar.hpp"
#include "output/srt.hpp"
#include "output/transcript.hpp"
#include "output/webvtt.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(READALOUD_SOURCE_DIR) + "/tests/fixtures/output/" + name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

constexpr long long kRate = 22050;

// 75 s; chapters at 0, 62.5 s and 72.5 s (the last with its end unset).
Timeline timeline() {
  Timeline t;
  t.sample_rate = static_cast<int>(kRate);
  t.total_samples = 75 * kRate;
  t.chapters = {
      {"Introduction", 1, false, 0, 1378125},
      {"Risks; who = should #not \\ try <now>", 1, true, 1378125, 1598625},
      {"Sources \"quoted\" & more", 1, false, 1598625, 0},
  };
  // Out of order, overlapping, one without duration, one blank.
  t.cues = {
      {66150, 88200, "Stop if <pain> & bleeding."},
      {0, 30000, "Rinse with  sterile\nwater."},
      {28000, 70000, "Second sentence."},
      {90000, 90000, "No duration."},
      {100000, 110000, " \n "},
  };
  return t;
}

Metadata meta() {
  Metadata m;
  m.title = "Nasal rinsing, \"safely\"";
  m.author = "Health Desk";
  m.album = "Readaloud Health";
  m.date = "2024-05-01";
  m.language = "en";
  m.track = 2;
  m.total_tracks = 4;
  return m;
}

TEST(Sidecars, ChaptersJson) { EXPECT_EQ(chapters_json(timeline()), fixture("chapters.json")); }
TEST(Sidecars, ChaptersVtt) { EXPECT_EQ(chapters_vtt(timeline()), fixture("chapters.vtt")); }
TEST(Sidecars, CaptionsVtt) { EXPECT_EQ(captions_vtt(timeline()), fixture("captions.vtt")); }
TEST(Sidecars, CaptionsSrt) { EXPECT_EQ(captions_srt(timeline()), fixture("captions.srt")); }
TEST(Sidecars, CueSheet) {
  EXPECT_EQ(cue_sheet(timeline(), "nasal-rinsing.mp3", meta()), fixture("nasal-rinsing.cue"));
}
TEST(Sidecars, CueSheetFileTypeFollowsTheExtension) {
  const Timeline t = timeline();
  EXPECT_NE(cue_sheet(t, "a.wav", {}).find("FILE \"a.wav\" WAVE\n"), std::string::npos);
  EXPECT_NE(cue_sheet(t, "a.MP3", {}).find("FILE \"a.MP3\" MP3\n"), std::string::npos);
  EXPECT_NE(cue_sheet(t, "a.flac", {}).find("FILE \"a.flac\" WAVE\n"), std::string::npos);
  EXPECT_EQ(cue_sheet(t, "a.wav", {}).find("PERFORMER"), std::string::npos);
}
TEST(Sidecars, Ffmetadata) { EXPECT_EQ(ffmetadata(timeline(), meta()), fixture("chapters.ffmetadata")); }
TEST(Sidecars, FfmetadataEscapesNewlines) {
  Timeline t;
  Metadata m;
  m.title = "two\nlines";
  EXPECT_EQ(ffmetadata(t, m), ";FFMETADATA1\ntitle=two\\\nlines\n");
}

TEST(Sidecars, Transcript) {
  Script s;
  s.title = "Nasal rinsing, safely";
  s.chapters = {
      {"Nasal rinsing, safely", 1, false,
       {{Role::Heading, "Nasal rinsing, safely."}, {Role::Narration, "Rinse with sterile water."}}},
      {"Empty", 1, false, {}},
      {"Risks", 1, true,
       {{Role::Heading, "Risks."}, {Role::Warning, "Warning: stop if it hurts.", 0, 0, true}}},
  };
  EXPECT_EQ(transcript(s), fixture("transcript.txt"));
  EXPECT_EQ(transcript(Script{}), "");
}

TEST(Sidecars, Playlist) {
  EXPECT_EQ(m3u8_playlist({{"nasal-rinsing/01-introduction.mp3", 62.4, "Introduction"},
                           {"nasal-rinsing/02-risks.mp3", 9.6, "Risks and\nwarnings"}}),
            fixture("playlist.m3u8"));
}

TEST(Captions, SortedClampedNeverOverlapping) {
  const auto lines = caption_lines(timeline());
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], (CaptionLine{0, 1270, "Rinse with sterile water."}));
  EXPECT_EQ(lines[1], (CaptionLine{1270, 3000, "Second sentence."}));
  EXPECT_EQ(lines[2], (CaptionLine{3000, 4000, "Stop if <pain> & bleeding."}));
  // Many cues whose millisecond rounding would collide.
  Timeline t;
  t.sample_rate = 44100;
  t.total_samples = 441000;
  for (long long i = 0; i < 200; ++i) t.cues.push_back({i * 1000 + 7, i * 1000 + 1500, "x"});
  const auto many = caption_lines(t);
  for (std::size_t i = 1; i < many.size(); ++i) {
    EXPECT_LE(many[i - 1].end_ms, many[i].start_ms);
    EXPECT_LT(many[i].start_ms, many[i].end_ms);
  }
}

TEST(Sidecars, ParseList) {
  EXPECT_EQ(parse_sidecars("all"),
            (std::vector<Sidecar>{Sidecar::ChaptersJson, Sidecar::ChaptersVtt, Sidecar::Vtt, Sidecar::Srt,
                                  Sidecar::Cue, Sidecar::Txt, Sidecar::Ffmetadata}));
  EXPECT_EQ(parse_sidecars("srt, Chapters.JSON,srt,txt"),
            (std::vector<Sidecar>{Sidecar::Srt, Sidecar::ChaptersJson, Sidecar::Txt}));
  EXPECT_EQ(parse_sidecars("json,chapters-vtt"), (std::vector<Sidecar>{Sidecar::ChaptersJson, Sidecar::ChaptersVtt}));
  EXPECT_EQ(parse_sidecars("none"), std::vector<Sidecar>{});
  EXPECT_EQ(parse_sidecars(""), std::vector<Sidecar>{});
  EXPECT_EQ(sidecar_suffix(Sidecar::ChaptersJson), ".chapters.json");
  EXPECT_EQ(sidecar_suffix(Sidecar::ChaptersVtt), ".chapters.vtt");
  EXPECT_EQ(sidecar_suffix(Sidecar::Vtt), ".vtt");
  EXPECT_EQ(sidecar_suffix(Sidecar::Srt), ".srt");
  EXPECT_EQ(sidecar_suffix(Sidecar::Cue), ".cue");
  EXPECT_EQ(sidecar_suffix(Sidecar::Txt), ".txt");
  EXPECT_EQ(sidecar_suffix(Sidecar::Ffmetadata), ".ffmetadata");
}

TEST(Sidecars, UnknownNameIsAUsageErrorWithASuggestion) {
  try {
    parse_sidecars("vtt,str");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Usage);
    EXPECT_EQ(e.message(),
              "unknown sidecar 'str' (did you mean 'srt'?); choose from all, none, chapters-json, "
              "chapters-vtt, vtt, srt, cue, txt, ffmetadata");
  }
  try {
    parse_sidecars("podcast");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.message().find("did you mean"), std::string::npos) << e.message();
  }
}

}  // namespace
}  // namespace readaloud
