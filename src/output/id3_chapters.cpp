#include "output/id3_chapters.hpp"

#include <taglib/attachedpictureframe.h>
#include <taglib/chapterframe.h>
#include <taglib/id3v2framefactory.h>
#include <taglib/id3v2tag.h>
#include <taglib/mpegfile.h>
#include <taglib/tableofcontentsframe.h>
#include <taglib/textidentificationframe.h>

#include <string>
#include <vector>

#include "output/checked_stream.hpp"
#include "output/cover_art.hpp"
#include "output/time_format.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

TagLib::String utf8(const std::string& s) { return TagLib::String(s, TagLib::String::UTF8); }

TagLib::ID3v2::TextIdentificationFrame* text_frame(const char* id, const std::string& value) {
  auto* f = new TagLib::ID3v2::TextIdentificationFrame(TagLib::ByteVector(id, 4), TagLib::String::UTF8);
  f->setText(utf8(value));
  return f;
}

void add_text(TagLib::ID3v2::Tag& tag, const char* id, const std::string& value) {
  if (!value.empty()) tag.addFrame(text_frame(id, value));
}

// The tags shared by an MP3's ID3v2 tag and a WAV file's "id3 " chunk.
void add_metadata(TagLib::ID3v2::Tag& tag, const Metadata& meta, const CoverImage& cover) {
  add_text(tag, "TIT2", meta.title);
  add_text(tag, "TPE1", meta.author);
  add_text(tag, "TALB", meta.album);
  add_text(tag, "TDRC", meta.date);
  add_text(tag, "TLAN", meta.language);
  if (meta.track > 0) {
    std::string trk = std::to_string(meta.track);
    if (meta.total_tracks > 0) trk += "/" + std::to_string(meta.total_tracks);
    add_text(tag, "TRCK", trk);
  }
  if (!cover.data.empty()) {
    auto* pic = new TagLib::ID3v2::AttachedPictureFrame;
    pic->setMimeType(cover.mime);
    pic->setType(TagLib::ID3v2::AttachedPictureFrame::FrontCover);
    pic->setPicture(TagLib::ByteVector(cover.data.data(), static_cast<unsigned>(cover.data.size())));
    tag.addFrame(pic);
  }
}

}  // namespace

std::string id3v2_tag_bytes(const Metadata& meta) {
  CoverImage cover;
  if (!meta.cover_path.empty()) cover = load_cover(meta.cover_path);
  TagLib::ID3v2::Tag tag;
  add_metadata(tag, meta, cover);
  if (tag.frameList().isEmpty()) return {};
  const TagLib::ByteVector bytes = tag.render(TagLib::ID3v2::v4);
  return std::string(bytes.data(), bytes.size());
}

void write_mp3_tags(const std::filesystem::path& path, const Metadata& meta, const Timeline& timeline) {
  CoverImage cover;
  if (!meta.cover_path.empty()) cover = load_cover(meta.cover_path);

  CheckedFileStream stream(path);
  TagLib::MPEG::File file(&stream, TagLib::ID3v2::FrameFactory::instance());
  if (!file.isValid()) throw_runtime("cannot read MP3 for tagging", Location{path.string()});
  TagLib::ID3v2::Tag& tag = *file.ID3v2Tag(true);
  // Start from an empty tag so tagging twice gives the same result.
  // (Copy the pointers out: a copied TagLib list shares the tag's
  // auto-deleting storage and would free the frames a second time.)
  std::vector<TagLib::ID3v2::Frame*> existing(tag.frameList().begin(), tag.frameList().end());
  for (TagLib::ID3v2::Frame* f : existing) tag.removeFrame(f, true);

  add_metadata(tag, meta, cover);

  TagLib::ByteVectorList ids;
  for (std::size_t i = 0; i < timeline.chapters.size(); ++i) {
    const TimedChapter& c = timeline.chapters[i];
    const std::string id = "chp" + std::to_string(i);
    ids.append(TagLib::ByteVector(id.c_str()));
    TagLib::ID3v2::FrameList sub;
    sub.append(text_frame("TIT2", c.title));
    // Byte offsets are unknown; 0xFFFFFFFF tells readers to use the times.
    auto* chap = new TagLib::ID3v2::ChapterFrame(
        TagLib::ByteVector(id.c_str()),
        static_cast<unsigned>(sample_to_ms(c.start_sample, timeline.sample_rate)),
        static_cast<unsigned>(sample_to_ms(c.end_sample, timeline.sample_rate)), 0xFFFFFFFFu,
        0xFFFFFFFFu, sub);
    tag.addFrame(chap);
  }
  if (!timeline.chapters.empty()) {
    auto* toc = new TagLib::ID3v2::TableOfContentsFrame(TagLib::ByteVector("toc"), ids);
    toc->setIsTopLevel(true);
    toc->setIsOrdered(true);
    tag.addFrame(toc);
  }

  const bool saved = file.save(TagLib::MPEG::File::ID3v2, TagLib::File::StripOthers,
                               TagLib::ID3v2::v4, TagLib::File::DoNotDuplicate);
  stream.throw_if_failed();
  if (!saved) throw_runtime("write failed: cannot save ID3 tags", Location{path.string()});
}

}  // namespace readaloud
