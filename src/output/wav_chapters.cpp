#include "output/wav_chapters.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

#include "output/id3_chapters.hpp"
#include "output/riff.hpp"
#include "util/fd.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

using riff::get32;
using riff::put32;

void put_chunk(std::string& out, const char* id, const std::string& body) {
  out.append(id, 4);
  put32(out, static_cast<std::uint32_t>(body.size()));
  out += body;
  if (body.size() % 2) out += '\0';  // RIFF chunks are word-aligned
}

/// Where the `data` chunk ends and the sample rate of `fmt `.
struct WavLayout {
  off_t data_end = -1;
  std::uint32_t file_rate = 0;
};

WavLayout read_wav_layout(int fd, const Location& where) {
  unsigned char head[12];
  if (::pread(fd, head, 12, 0) != 12 || std::memcmp(head, "RIFF", 4) != 0 || std::memcmp(head + 8, "WAVE", 4) != 0)
    throw_runtime("not a RIFF/WAVE file", where);
  // Walk the chunks to the end of `data`; note the fmt sample rate so cue
  // positions are in the file's own frames.
  WavLayout layout;
  off_t pos = 12;
  for (;;) {
    unsigned char ch[16];
    const ssize_t n = ::pread(fd, ch, 16, pos);
    if (n < 8) break;
    const std::uint32_t size = get32(ch + 4);
    if (std::memcmp(ch, "fmt ", 4) == 0 && n >= 16) layout.file_rate = get32(ch + 12);
    const off_t next = pos + 8 + static_cast<off_t>(size) + (size & 1);
    if (std::memcmp(ch, "data", 4) == 0) {
      layout.data_end = next;
      break;
    }
    pos = next;
  }
  if (layout.data_end < 0 || layout.file_rate == 0) throw_runtime("WAV file has no fmt or data chunk", where);
  return layout;
}

/// The `cue ` chunk and the `LIST adtl` labels for the chapters, in the file's own frames.
void put_chapter_chunks(std::string& tail, const Timeline& timeline, std::uint32_t file_rate) {
  if (timeline.chapters.empty()) return;
  auto frames = [&](long long sample) -> std::uint32_t {
    long long f = sample;
    if (timeline.sample_rate > 0 && static_cast<long long>(file_rate) != timeline.sample_rate)
      f = (sample * file_rate + timeline.sample_rate / 2) / timeline.sample_rate;
    return static_cast<std::uint32_t>(f < 0 ? 0 : f);
  };
  std::string cue;
  put32(cue, static_cast<std::uint32_t>(timeline.chapters.size()));
  std::string adtl = "adtl";
  for (std::size_t i = 0; i < timeline.chapters.size(); ++i) {
    const auto id = static_cast<std::uint32_t>(i + 1);
    const std::uint32_t at = frames(timeline.chapters[i].start_sample);
    put32(cue, id);
    put32(cue, at);  // dwPosition
    cue += "data";   // fccChunk
    put32(cue, 0);   // dwChunkStart
    put32(cue, 0);   // dwBlockStart
    put32(cue, at);  // dwSampleOffset (what ffmpeg and libsndfile read)
    std::string labl;
    put32(labl, id);
    labl += timeline.chapters[i].title;
    labl += '\0';
    put_chunk(adtl, "labl", labl);
  }
  put_chunk(tail, "cue ", cue);
  put_chunk(tail, "LIST", adtl);
}

void put_info_chunk(std::string& tail, const Metadata& meta) {
  std::string info = "INFO";
  auto add_info = [&info](const char* id, const std::string& value) {
    if (!value.empty()) put_chunk(info, id, value + '\0');
  };
  add_info("INAM", meta.title);
  add_info("IART", meta.author);
  add_info("IPRD", meta.album);
  add_info("ICRD", meta.date);
  if (meta.track > 0) add_info("ITRK", std::to_string(meta.track));
  if (info.size() > 4) put_chunk(tail, "LIST", info);
}

}  // namespace

void write_wav_tags(const std::filesystem::path& path, const Metadata& meta, const Timeline& timeline) {
  const Location where{path.string()};
  // Read the cover before touching the file: a bad cover is the user's
  // input error, reported before any write.
  const std::string id3 = id3v2_tag_bytes(meta);
  Fd fd(::open(path.c_str(), O_RDWR | O_CLOEXEC));
  if (fd.get() < 0) throw_runtime(std::string("cannot open WAV for tagging: ") + std::strerror(errno), where);
  const WavLayout layout = read_wav_layout(fd.get(), where);

  std::string tail;
  put_chapter_chunks(tail, timeline, layout.file_rate);
  put_info_chunk(tail, meta);
  // RIFF INFO has no picture and no "n/N" track convention, and mutagen does
  // not read it; an ID3v2 chunk (as TagLib writes it for WAV) carries the
  // cover and the tags for those readers. ffmpeg reads both.
  if (!id3.empty()) put_chunk(tail, "id3 ", id3);

  const off_t data_end = layout.data_end;
  const off_t total = data_end + static_cast<off_t>(tail.size());
  if (total - 8 > static_cast<off_t>(UINT32_MAX)) throw_runtime("WAV file would exceed 4 GiB", where);
  auto fail_io = [&where]() { throw_runtime(std::string("write failed: ") + std::strerror(errno), where); };
  // Drop anything after the data (tags of an earlier run) only when there is
  // some: on ext4, closing a truncated file forces its delayed writes out.
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) fail_io();
  if (st.st_size != data_end && ::ftruncate(fd.get(), data_end) != 0) fail_io();
  if (!pwrite_all(fd.get(), tail.data(), tail.size(), data_end)) fail_io();
  std::string riff_size;
  put32(riff_size, static_cast<std::uint32_t>(total - 8));
  if (!pwrite_all(fd.get(), riff_size.data(), 4, 4)) fail_io();
  if (::close(fd.release()) != 0) fail_io();
}

}  // namespace readaloud
