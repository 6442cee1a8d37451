#include "output/xiph_chapters.hpp"

#include <taglib/flacfile.h>
#include <taglib/flacpicture.h>
#include <taglib/id3v2framefactory.h>
#include <taglib/opusfile.h>
#include <taglib/vorbisfile.h>
#include <taglib/xiphcomment.h>

#include <cstdio>
#include <memory>
#include <string>

#include "output/checked_stream.hpp"
#include "output/cover_art.hpp"
#include "output/time_format.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

TagLib::String utf8(const std::string& s) { return TagLib::String(s, TagLib::String::UTF8); }

TagLib::FLAC::Picture* make_picture(const CoverImage& cover) {
  auto* pic = new TagLib::FLAC::Picture;
  pic->setType(TagLib::FLAC::Picture::FrontCover);
  pic->setMimeType(cover.mime);
  // METADATA_BLOCK_PICTURE carries the size; readers show 0x0 otherwise.
  pic->setWidth(cover.width);
  pic->setHeight(cover.height);
  pic->setData(TagLib::ByteVector(cover.data.data(), static_cast<unsigned>(cover.data.size())));
  return pic;
}

void fill(TagLib::Ogg::XiphComment& c, const Metadata& meta, const Timeline& timeline) {
  c.removeAllFields();
  auto set = [&c](const char* key, const std::string& value) {
    if (!value.empty()) c.addField(key, utf8(value), true);
  };
  set("TITLE", meta.title);
  set("ARTIST", meta.author);
  set("ALBUM", meta.album);
  set("DATE", meta.date);
  set("LANGUAGE", meta.language);
  if (meta.track > 0) set("TRACKNUMBER", std::to_string(meta.track));
  if (meta.total_tracks > 0) set("TRACKTOTAL", std::to_string(meta.total_tracks));
  const std::size_t n = std::min<std::size_t>(timeline.chapters.size(), 999);
  for (std::size_t i = 0; i < n; ++i) {
    char key[32];
    std::snprintf(key, sizeof key, "CHAPTER%03zu", i + 1);
    const TimedChapter& ch = timeline.chapters[i];
    set(key, clock_ms(sample_to_ms(ch.start_sample, timeline.sample_rate)));
    c.addField(std::string(key) + "NAME", utf8(ch.title), true);
  }
}

template <class File>
void save(File& file, CheckedFileStream& stream, const std::filesystem::path& path) {
  const bool saved = file.save();
  stream.throw_if_failed();
  if (!saved) throw_runtime("write failed: cannot save tags", Location{path.string()});
}

}  // namespace

void write_xiph_tags(const std::filesystem::path& path, AudioFormat format, const Metadata& meta,
                     const Timeline& timeline) {
  CoverImage cover;
  if (!meta.cover_path.empty()) cover = load_cover(meta.cover_path);
  const Location where{path.string()};
  CheckedFileStream stream(path);
  auto ogg = [&](auto& file) {
    if (!file.isValid() || !file.tag()) throw_runtime("cannot read file for tagging", where);
    TagLib::Ogg::XiphComment& c = *file.tag();
    fill(c, meta, timeline);
    c.removeAllPictures();
    if (!cover.data.empty()) c.addPicture(make_picture(cover));
    save(file, stream, path);
  };
  switch (format) {
    case AudioFormat::Opus: {
      TagLib::Ogg::Opus::File file(&stream);
      ogg(file);
      return;
    }
    case AudioFormat::Ogg: {
      TagLib::Ogg::Vorbis::File file(&stream);
      ogg(file);
      return;
    }
    case AudioFormat::Flac: {
      TagLib::FLAC::File file(&stream, TagLib::ID3v2::FrameFactory::instance());
      if (!file.isValid()) throw_runtime("cannot read FLAC for tagging", where);
      fill(*file.xiphComment(true), meta, timeline);
      file.removePictures();
      if (!cover.data.empty()) file.addPicture(make_picture(cover));
      save(file, stream, path);
      return;
    }
    default:
      throw_runtime("internal: not a Vorbis-comment format", where);
  }
}

}  // namespace readaloud
