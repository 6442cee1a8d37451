#include "output/id3_chapters.hpp"

#include <gtest/gtest.h>
#include <taglib/chapterframe.h>
#include <taglib/id3v2tag.h>
#include <taglib/mpegfile.h>
#include <taglib/tableofcontentsframe.h>

#include "output/audio_writer.hpp"
#include "output/tag_writer.hpp"
#include "output_test_support.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

using test::ScratchDir;

Metadata sample_meta() {
  Metadata m;
  m.title = "Nasal rinsing, safely";
  m.author = "Health Desk";
  m.album = "Readaloud Health";
  m.date = "2024-05-01";
  m.language = "en";
  return m;
}

// Writes the synthetic programme as MP3 under a name without ".mp3".
std::filesystem::path write_mp3(const ScratchDir& dir, Timeline& t, int rate = 22050) {
  const auto path = dir.path / ".prog.mp3.AbC123";
  const auto samples = test::programme(rate, t);
  auto sink = open_audio_writer(path, EncodeOptions{AudioFormat::Mp3, rate, 64});
  // Uneven blocks, as the synthesiser delivers them.
  std::size_t at = 0;
  for (std::size_t n = 1000; at < samples.size(); n += 777) {
    const std::size_t take = std::min(n, samples.size() - at);
    sink->write(std::span<const float>(samples.data() + at, take));
    at += take;
  }
  sink->finish();
  return path;
}

TEST(Id3Chapters, TagLibReadsBackChapTocAndTextFrames) {
  ScratchDir dir;
  Timeline t;
  const auto path = write_mp3(dir, t);
  write_mp3_tags(path, sample_meta(), t);

  TagLib::MPEG::File file(path.c_str());
  ASSERT_TRUE(file.isValid());
  ASSERT_TRUE(file.hasID3v2Tag());
  EXPECT_FALSE(file.hasID3v1Tag());
  EXPECT_FALSE(file.hasAPETag());
  TagLib::ID3v2::Tag* tag = file.ID3v2Tag();
  EXPECT_EQ(tag->header()->majorVersion(), 4u);
  EXPECT_EQ(tag->title().to8Bit(true), "Nasal rinsing, safely");
  EXPECT_EQ(tag->artist().to8Bit(true), "Health Desk");
  EXPECT_EQ(tag->album().to8Bit(true), "Readaloud Health");
  EXPECT_EQ(tag->frameListMap()["TDRC"].front()->toString().to8Bit(true), "2024-05-01");
  EXPECT_EQ(tag->frameListMap()["TLAN"].front()->toString().to8Bit(true), "en");

  const auto chaps = tag->frameListMap()["CHAP"];
  ASSERT_EQ(chaps.size(), 3u);
  const unsigned starts[] = {0, 1000, 2000};
  int i = 0;
  for (auto* f : chaps) {
    auto* c = dynamic_cast<TagLib::ID3v2::ChapterFrame*>(f);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->elementID(), TagLib::ByteVector(("chp" + std::to_string(i)).c_str()));
    EXPECT_EQ(c->startTime(), starts[i]);
    EXPECT_EQ(c->endTime(), starts[i] + 1000);
    const auto titles = c->embeddedFrameList("TIT2");
    ASSERT_EQ(titles.size(), 1u);
    EXPECT_EQ(titles.front()->toString().to8Bit(true), t.chapters[static_cast<std::size_t>(i)].title);
    ++i;
  }
  const auto tocs = tag->frameListMap()["CTOC"];
  ASSERT_EQ(tocs.size(), 1u);
  auto* toc = dynamic_cast<TagLib::ID3v2::TableOfContentsFrame*>(tocs.front());
  ASSERT_NE(toc, nullptr);
  EXPECT_EQ(toc->elementID(), TagLib::ByteVector("toc"));
  EXPECT_TRUE(toc->isTopLevel());
  EXPECT_TRUE(toc->isOrdered());
  ASSERT_EQ(toc->entryCount(), 3u);
  EXPECT_EQ(toc->childElements()[2], TagLib::ByteVector("chp2"));
}

TEST(Id3Chapters, TaggingTwiceReplacesRatherThanDuplicates) {
  ScratchDir dir;
  Timeline t;
  const auto path = write_mp3(dir, t);
  write_tags(path, AudioFormat::Mp3, sample_meta(), t);
  Metadata m = sample_meta();
  m.title = "Second title";
  m.track = 2;
  m.total_tracks = 5;
  t.chapters.pop_back();
  write_tags(path, AudioFormat::Mp3, m, t);
  TagLib::MPEG::File file(path.c_str());
  auto* tag = file.ID3v2Tag();
  EXPECT_EQ(tag->title().to8Bit(true), "Second title");
  EXPECT_EQ(tag->frameListMap()["TIT2"].size(), 1u);
  EXPECT_EQ(tag->frameListMap()["CHAP"].size(), 2u);
  EXPECT_EQ(tag->frameListMap()["CTOC"].size(), 1u);
  EXPECT_EQ(tag->frameListMap()["TRCK"].front()->toString().to8Bit(true), "2/5");
}

TEST(Id3Chapters, FfprobeAndMutagenAgreeWithThePlan) {
  ScratchDir dir;
  Timeline t;
  const auto path = write_mp3(dir, t);
  write_mp3_tags(path, sample_meta(), t);

  const auto probe = test::ffprobe(path);
  ASSERT_TRUE(probe.contains("chapters")) << probe.dump();
  ASSERT_EQ(probe["chapters"].size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(std::stod(probe["chapters"][i]["start_time"].get<std::string>()),
                static_cast<double>(i), 0.001);
    EXPECT_EQ(probe["chapters"][i]["tags"]["title"], t.chapters[i].title);
  }
  EXPECT_EQ(probe["format"]["format_name"], "mp3");
  EXPECT_EQ(probe["streams"][0]["bit_rate"], "64000");
  EXPECT_EQ(probe["streams"][0]["sample_rate"], "22050");
  // ffprobe's header duration counts whole MPEG frames from the Info tag,
  // including LAME's encoder delay and end padding (measured: +56 ms here);
  // decoding trims both (see DecodedAudioStartsWhereTheChaptersSay).
  const double header_duration = std::stod(probe["format"]["duration"].get<std::string>());
  EXPECT_GE(header_duration, 3.0);
  EXPECT_LT(header_duration, 3.08);
  EXPECT_EQ(probe["format"]["tags"]["title"], "Nasal rinsing, safely");

  const auto m = test::mutagen(R"(
from mutagen.id3 import ID3
t = ID3(p)
chaps = [{"id": f.element_id, "start": f.start_time, "end": f.end_time,
          "title": str(f.sub_frames["TIT2"])} for f in t.getall("CHAP")]
chaps.sort(key=lambda c: c["start"])
toc = t.getall("CTOC")[0]
print(json.dumps({"version": t.version[1], "title": str(t["TIT2"]), "artist": str(t["TPE1"]),
  "album": str(t["TALB"]), "date": str(t["TDRC"]), "lang": str(t["TLAN"]),
  "chapters": chaps, "toc": toc.child_element_ids, "top": bool(toc.flags & 1)}))
)", path);
  ASSERT_FALSE(m.is_discarded());
  EXPECT_EQ(m["version"], 4);
  EXPECT_EQ(m["title"], "Nasal rinsing, safely");
  EXPECT_EQ(m["artist"], "Health Desk");
  EXPECT_EQ(m["album"], "Readaloud Health");
  EXPECT_EQ(m["date"], "2024-05-01");
  EXPECT_EQ(m["lang"], "en");
  EXPECT_TRUE(m["top"]);
  EXPECT_EQ(m["toc"], nlohmann::json::parse(R"(["chp0","chp1","chp2"])"));
  ASSERT_EQ(m["chapters"].size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(m["chapters"][i]["id"], "chp" + std::to_string(i));
    EXPECT_EQ(m["chapters"][i]["start"], 1000 * static_cast<int>(i));
    EXPECT_EQ(m["chapters"][i]["end"], 1000 * static_cast<int>(i) + 1000);
    EXPECT_EQ(m["chapters"][i]["title"], t.chapters[i].title);
  }
}

// The encoder delay must not shift the audio against the chapter marks: the
// LAME Info tag lets decoders trim it, so each tone starts at its chapter.
TEST(Id3Chapters, DecodedAudioStartsWhereTheChaptersSay) {
  ScratchDir dir;
  Timeline t;
  const auto path = write_mp3(dir, t);
  write_mp3_tags(path, sample_meta(), t);
  const auto pcm = test::decode(path, 22050);
  EXPECT_NEAR(static_cast<double>(pcm.size()) / 22050.0, 3.0, 0.005);
  const auto starts = test::onsets(pcm, 22050);
  ASSERT_EQ(starts.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_NEAR(starts[i], t.seconds(t.chapters[i].start_sample), 0.03);
}

}  // namespace
}  // namespace readaloud
