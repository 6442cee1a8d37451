#include "output/tag_writer.hpp"

#include "output/id3_chapters.hpp"
#include "output/m4b_writer.hpp"
#include "output/wav_chapters.hpp"
#include "output/xiph_chapters.hpp"

namespace readaloud {

void write_tags(const std::filesystem::path& path, AudioFormat format, const Metadata& meta,
                const Timeline& timeline) {
  switch (format) {
    case AudioFormat::Mp3: write_mp3_tags(path, meta, timeline); return;
    case AudioFormat::Opus:
    case AudioFormat::Ogg:
    case AudioFormat::Flac: write_xiph_tags(path, format, meta, timeline); return;
    case AudioFormat::Wav: write_wav_tags(path, meta, timeline); return;
    case AudioFormat::M4b: write_m4b_tags(path, meta, timeline); return;
  }
}

}  // namespace readaloud
