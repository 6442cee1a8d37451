// Every format, end to end: encode a synthetic programme with 3 chapters,
// tag it, then read it back with the format's own library (TagLib or
// libsndfile), with ffprobe, with ffmpeg's decoder and with mutagen.

#include <gtest/gtest.h>
#include <sndfile.h>
#include <taglib/attachedpictureframe.h>
#include <taglib/flacfile.h>
#include <taglib/id3v2tag.h>
#include <taglib/mpegfile.h>
#include <taglib/mp4file.h>
#include <taglib/opusfile.h>
#include <taglib/vorbisfile.h>
#include <taglib/xiphcomment.h>

#include "output/audio_writer.hpp"
#include "output/cover_art.hpp"
#include "output/tag_writer.hpp"
#include "output_test_support.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

using test::ScratchDir;

struct Case {
  AudioFormat format;
  int rate;
  double tolerance_s;  // chapter start / onset tolerance
  const char* ffprobe_format;
};

void PrintTo(const Case& c, std::ostream* os) { *os << extension(c.format) << "@" << c.rate; }

std::string name(const testing::TestParamInfo<Case>& info) { return extension(info.param.format); }

class AudioFormats : public testing::TestWithParam<Case> {
 protected:
  void SetUp() override {
    cover_ = dir_.path / "cover.png";
    test::run("ffmpeg -v error -f lavfi -i color=c=red:s=8x8 -frames:v 1 -y " + test::quote(cover_));
    ASSERT_TRUE(std::filesystem::exists(cover_));
    meta_.title = "Nasal rinsing, safely";
    meta_.author = "Health Desk";
    meta_.album = "Readaloud Health";
    meta_.date = "2024";
    meta_.language = "en";
    meta_.cover_path = cover_.string();
    meta_.track = 2;
    meta_.total_tracks = 4;
    // A temporary-looking name: nothing may depend on the extension.
    path_ = dir_.path / (std::string(".prog.") + extension(GetParam().format) + ".Xy12");
    const auto samples = test::programme(GetParam().rate, timeline_);
    auto sink = open_audio_writer(path_, EncodeOptions{GetParam().format, GetParam().rate, 64});
    const std::size_t half = samples.size() / 2 + 3;
    sink->write(std::span<const float>(samples.data(), half));
    sink->write(std::span<const float>(samples.data() + half, samples.size() - half));
    sink->finish();
    write_tags(path_, GetParam().format, meta_, timeline_);
  }

  ScratchDir dir_;
  std::filesystem::path cover_, path_;
  Metadata meta_;
  Timeline timeline_;
};

TEST_P(AudioFormats, FfprobeShowsChaptersTagsAndDuration) {
  const auto probe = test::ffprobe(path_);
  ASSERT_TRUE(probe.contains("format")) << probe.dump();
  EXPECT_EQ(probe["format"]["format_name"], GetParam().ffprobe_format);
  if (GetParam().format == AudioFormat::M4b) {
    EXPECT_EQ(probe["format"]["tags"]["major_brand"], "M4B ");
  }
  ASSERT_EQ(probe["chapters"].size(), 3u) << probe.dump(1);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(std::stod(probe["chapters"][i]["start_time"].get<std::string>()),
                timeline_.seconds(timeline_.chapters[i].start_sample), GetParam().tolerance_s);
    EXPECT_EQ(probe["chapters"][i]["tags"]["title"], timeline_.chapters[i].title);
  }
  // Tag keys differ by container (TITLE in Vorbis comments); compare case-blind.
  std::map<std::string, std::string> tags;
  for (const auto* where : {&probe["format"], &probe["streams"][0]})
    if (where->contains("tags"))
      for (auto& [k, v] : (*where)["tags"].items()) {
        std::string key;
        for (char c : k) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        tags[key] = v.get<std::string>();
      }
  EXPECT_EQ(tags["title"], "Nasal rinsing, safely");
  EXPECT_EQ(tags["artist"], "Health Desk");
  EXPECT_EQ(tags["album"], "Readaloud Health");
}

TEST_P(AudioFormats, DecodesToThePlannedDurationWithTonesAtTheChapters) {
  const int rate = GetParam().rate;
  const auto pcm = test::decode(path_, rate);
  EXPECT_NEAR(static_cast<double>(pcm.size()) / rate, timeline_.duration_s(), 0.05);
  const auto starts = test::onsets(pcm, rate);
  ASSERT_EQ(starts.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i)
    EXPECT_NEAR(starts[i], timeline_.seconds(timeline_.chapters[i].start_sample),
                GetParam().tolerance_s);
}

TEST_P(AudioFormats, OwnLibraryReadsChaptersBack) {
  const AudioFormat f = GetParam().format;
  if (f == AudioFormat::Wav) {
    SF_INFO info{};
    SNDFILE* sf = sf_open(path_.c_str(), SFM_READ, &info);
    ASSERT_NE(sf, nullptr) << sf_strerror(nullptr);
    EXPECT_EQ(info.frames, timeline_.total_samples);
    uint32_t count = 0;
    ASSERT_EQ(sf_command(sf, SFC_GET_CUE_COUNT, &count, sizeof count), SF_TRUE);
    ASSERT_EQ(count, 3u);
    SF_CUES cues{};
    ASSERT_EQ(sf_command(sf, SFC_GET_CUE, &cues, sizeof cues), SF_TRUE);
    for (uint32_t i = 0; i < 3; ++i) {
      EXPECT_EQ(cues.cue_points[i].indx, static_cast<int32_t>(i + 1));
      EXPECT_EQ(cues.cue_points[i].sample_offset,
                static_cast<uint32_t>(timeline_.chapters[i].start_sample));
    }
    EXPECT_STREQ(sf_get_string(sf, SF_STR_TITLE), "Nasal rinsing, safely");
    EXPECT_STREQ(sf_get_string(sf, SF_STR_ARTIST), "Health Desk");
    sf_close(sf);
    return;
  }
  if (f == AudioFormat::Mp3) {
    TagLib::MPEG::File file(path_.c_str());
    ASSERT_TRUE(file.hasID3v2Tag());
    const auto& frames = file.ID3v2Tag()->frameListMap();
    EXPECT_EQ(frames["CHAP"].size(), 3u);
    EXPECT_EQ(frames["TRCK"].front()->toString().to8Bit(true), "2/4");
    ASSERT_EQ(frames["APIC"].size(), 1u);
    auto* pic = dynamic_cast<TagLib::ID3v2::AttachedPictureFrame*>(frames["APIC"].front());
    ASSERT_NE(pic, nullptr);
    EXPECT_EQ(pic->mimeType().to8Bit(), "image/png");
    EXPECT_EQ(pic->type(), TagLib::ID3v2::AttachedPictureFrame::FrontCover);
    return;  // chapters in detail: Id3Chapters
  }
  if (f == AudioFormat::M4b) {
    TagLib::MP4::File file(path_.c_str());
    ASSERT_TRUE(file.isValid());
    EXPECT_EQ(file.tag()->title().to8Bit(true), "Nasal rinsing, safely");
    EXPECT_EQ(file.tag()->artist().to8Bit(true), "Health Desk");
    EXPECT_EQ(file.tag()->track(), 2u);
    ASSERT_TRUE(file.tag()->contains("covr"));
    EXPECT_EQ(file.tag()->item("covr").toCoverArtList().size(), 1u);
    return;  // chapters: ffprobe and mutagen below
  }
  auto check = [&](TagLib::Ogg::XiphComment* c) {
    ASSERT_NE(c, nullptr);
    auto field = [c](const char* k) {
      const auto& m = c->fieldListMap();
      return m.contains(k) ? m[k].front().to8Bit(true) : std::string("<missing>");
    };
    EXPECT_EQ(field("TITLE"), "Nasal rinsing, safely");
    EXPECT_EQ(field("TRACKNUMBER"), "2");
    EXPECT_EQ(field("TRACKTOTAL"), "4");
    EXPECT_EQ(field("CHAPTER001"), "00:00:00.000");
    EXPECT_EQ(field("CHAPTER002"), "00:00:01.000");
    EXPECT_EQ(field("CHAPTER003"), "00:00:02.000");
    EXPECT_EQ(field("CHAPTER003NAME"), timeline_.chapters[2].title);
    EXPECT_EQ(field("CHAPTER004"), "<missing>");
  };
  if (f == AudioFormat::Opus) {
    TagLib::Ogg::Opus::File file(path_.c_str());
    check(file.tag());
    EXPECT_EQ(file.tag()->pictureList().size(), 1u);
  } else if (f == AudioFormat::Ogg) {
    TagLib::Ogg::Vorbis::File file(path_.c_str());
    check(file.tag());
    EXPECT_EQ(file.tag()->pictureList().size(), 1u);
  } else {
    TagLib::FLAC::File file(path_.c_str());
    check(file.xiphComment());
    ASSERT_EQ(file.pictureList().size(), 1u);
    EXPECT_EQ(file.pictureList().front()->mimeType().to8Bit(), "image/png");
  }
}

TEST_P(AudioFormats, MutagenReadsTags) {
  const AudioFormat f = GetParam().format;
  std::string code;
  switch (f) {
    case AudioFormat::Opus:
    case AudioFormat::Ogg:
    case AudioFormat::Flac:
      code = R"(
import mutagen
m = mutagen.File(p)
pics = len(m.pictures) if hasattr(m, "pictures") else len(m.tags.get("metadata_block_picture", []))
print(json.dumps({"title": m.tags["title"][0], "artist": m.tags["artist"][0],
  "track": m.tags["tracknumber"][0], "chapter2": m.tags["chapter002name"][0], "pictures": pics}))
)";
      break;
    case AudioFormat::M4b:
      code = R"(
from mutagen.mp4 import MP4
m = MP4(p)
print(json.dumps({"title": m.tags["\xa9nam"][0], "artist": m.tags["\xa9ART"][0],
  "track": str(m.tags["trkn"][0][0]), "chapter2": m.chapters[1].title, "pictures": len(m.tags["covr"]),
  "start2": m.chapters[1].start}))
)";
      break;
    case AudioFormat::Wav:
      code = R"(
from mutagen.wave import WAVE
m = WAVE(p)
print(json.dumps({"length": m.info.length, "rate": m.info.sample_rate}))
)";
      break;
    case AudioFormat::Mp3:
      code = R"(
from mutagen.id3 import ID3
t = ID3(p)
chaps = sorted(t.getall("CHAP"), key=lambda c: c.start_time)
print(json.dumps({"title": str(t["TIT2"]), "artist": str(t["TPE1"]), "track": str(t["TRCK"]).split("/")[0],
  "chapter2": str(chaps[1].sub_frames["TIT2"]), "pictures": len(t.getall("APIC"))}))
)";
      break;
  }
  const auto m = test::mutagen(code, path_);
  ASSERT_FALSE(m.is_discarded());
  if (f == AudioFormat::Wav) {  // mutagen reads only ID3 in WAV: check the stream
    EXPECT_NEAR(m["length"].get<double>(), 3.0, 0.001);
    EXPECT_EQ(m["rate"], 22050);
    return;
  }
  EXPECT_EQ(m["title"], "Nasal rinsing, safely");
  EXPECT_EQ(m["artist"], "Health Desk");
  EXPECT_EQ(m["track"], "2");
  EXPECT_EQ(m["chapter2"], timeline_.chapters[1].title);
  EXPECT_EQ(m["pictures"], 1);
  if (f == AudioFormat::M4b) {
    EXPECT_NEAR(m["start2"].get<double>(), 1.0, 0.03);
  }
}

INSTANTIATE_TEST_SUITE_P(All, AudioFormats,
                         testing::Values(Case{AudioFormat::Mp3, 22050, 0.03, "mp3"},
                                         Case{AudioFormat::Opus, 24000, 0.03, "ogg"},
                                         Case{AudioFormat::Ogg, 22050, 0.03, "ogg"},
                                         Case{AudioFormat::Flac, 22050, 0.001, "flac"},
                                         Case{AudioFormat::Wav, 22050, 0.001, "wav"},
                                         Case{AudioFormat::M4b, 22050, 0.03,
                                              "mov,mp4,m4a,3gp,3g2,mj2"}),
                         name);

TEST(AudioWriter, OpusRejectsRatesItCannotEncode) {
  ScratchDir dir;
  try {
    open_audio_writer(dir.path / "x", EncodeOptions{AudioFormat::Opus, 22050, 64});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Usage);
    EXPECT_EQ(e.message(),
              "Opus needs a sample rate of 8000, 12000, 16000, 24000 or 48000 Hz, not 22050 "
              "(resample first)");
  }
}

TEST(AudioWriter, BadCoverIsAnInputErrorNamingTheFile) {
  ScratchDir dir;
  Timeline t;
  const auto samples = test::programme(22050, t);
  const auto path = dir.path / "a.flac";
  auto sink = open_audio_writer(path, EncodeOptions{AudioFormat::Flac, 22050, 64});
  sink->write(samples);
  sink->finish();
  const auto not_image = dir.path / "cover.jpg";
  { std::FILE* f = std::fopen(not_image.c_str(), "w"); std::fputs("hello", f); std::fclose(f); }
  for (const auto& cover : {not_image, dir.path / "missing.png"}) {
    Metadata m;
    m.cover_path = cover.string();
    for (AudioFormat fmt : {AudioFormat::Flac, AudioFormat::Mp3, AudioFormat::M4b}) {
      try {
        write_tags(path, fmt, m, t);
        ADD_FAILURE() << "no error for " << cover;
      } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Input);
        EXPECT_EQ(e.where().file, cover.string());
      }
    }
  }
}

TEST(CoverArt, SizeFromPngAndJpegHeaders) {
  ScratchDir dir;
  for (const char* ext : {"png", "jpg"}) {
    const auto file = dir.path / (std::string("c.") + ext);
    test::run("ffmpeg -v error -f lavfi -i color=c=blue:s=40x24 -frames:v 1 -y " + test::quote(file));
    const CoverImage c = load_cover(file.string());
    EXPECT_EQ(c.mime, std::string(ext) == "png" ? "image/png" : "image/jpeg");
    EXPECT_EQ(c.width, 40) << ext;
    EXPECT_EQ(c.height, 24) << ext;
    EXPECT_EQ(c.data.size(), std::filesystem::file_size(file));
  }
  // A JPEG signature with no frame header is not a usable image.
  EXPECT_EQ(image_size(std::string("\xFF\xD8\xFF\xE0\x00\x04" "ab" "\xFF\xDA", 10)), (std::pair<int, int>{0, 0}));
}

TEST(FormatNames, ParseAndExtension) {
  EXPECT_EQ(parse_audio_format("MP3"), AudioFormat::Mp3);
  EXPECT_EQ(parse_audio_format("opus"), AudioFormat::Opus);
  EXPECT_EQ(parse_audio_format("Ogg"), AudioFormat::Ogg);
  EXPECT_EQ(parse_audio_format("flac"), AudioFormat::Flac);
  EXPECT_EQ(parse_audio_format("wav"), AudioFormat::Wav);
  EXPECT_EQ(parse_audio_format("m4b"), AudioFormat::M4b);
  EXPECT_EQ(parse_audio_format("aac"), std::nullopt);
  EXPECT_EQ(parse_audio_format(""), std::nullopt);
  EXPECT_STREQ(extension(AudioFormat::M4b), "m4b");
  EXPECT_STREQ(extension(AudioFormat::Opus), "opus");
}

}  // namespace
}  // namespace readaloud
