#include "render/book.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <optional>

#include "audio/block_meter.hpp"
#include "audio/limiter.hpp"
#include "audio/metered_spill.hpp"
#include "audio/loudness_target.hpp"
#include "audio/spill.hpp"
#include "audio/threaded_sink.hpp"
#include "publish/book.hpp"
#include "publish/daisy.hpp"
#include "publish/epub.hpp"
#include "render/split.hpp"
#include "render/steps.hpp"
#include "synth/espeak_engine.hpp"
#include "util/atomic_file.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace fs = std::filesystem;

namespace {

/// A folder made under a temporary name in the output folder; removed with
/// everything in it unless released.
class WorkFolder {
 public:
  WorkFolder(const fs::path& dir, const std::string& stem) {
    std::string pattern = (dir / ("." + stem + ".XXXXXX")).string();
    if (!mkdtemp(pattern.data())) throw_runtime(std::string("cannot create a folder: ") + std::strerror(errno), {dir.string()});
    path_ = pattern;
    // mkdtemp makes it private; the book gets the permissions a new folder would.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    std::error_code ec;
    fs::permissions(path_, static_cast<fs::perms>(0777 & ~mask), ec);
  }
  ~WorkFolder() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  WorkFolder(const WorkFolder&) = delete;
  WorkFolder& operator=(const WorkFolder&) = delete;
  const fs::path& path() const { return path_; }
  void release() { path_.clear(); }

 private:
  fs::path path_;
};

// Encode: one CBR MP3 per section, cut at the chapter starts from the one
// leveled programme (steps.hpp's encode() also writes the whole programme,
// which a book does not have).
std::vector<fs::path> encode_sections(Spoken& spoken, std::optional<Leveled>& leveled, const RenderOptions& options,
                                      const fs::path& folder, const ProgressFn& progress) {
  const int engine_rate = spoken.timeline.sample_rate;
  std::vector<fs::path> paths;
  for (std::size_t i = 0; i < spoken.timeline.chapters.size(); ++i) paths.push_back(folder / section_audio(i));
  const EncodeOptions encode{AudioFormat::Mp3, options.sample_rate.value_or(engine_rate), options.bitrate_kbps,
                             options.threads};
  ChapterSplitter splitter(spoken.timeline, paths, encode);
  if (leveled) {
    leveled->samples.replay_scaled(splitter, static_cast<float>(std::pow(10.0, leveled->trim_db / 20.0)));
  } else {
    GainLimiter limiter(splitter, 0.0, kRenderCeilingDbfs, engine_rate);  // catches overs only
    spoken.spill.replay(limiter);
  }
  if (progress) progress(1.0);
  return paths;
}

BookInfo book_info(const Prepared& prepared, const RenderOptions& options) {
  BookInfo info;
  info.identifier = options.identifier;
  info.publisher = !options.publisher.empty() ? options.publisher : prepared.article.site_name;
  info.creator = options.metadata.author;
  info.date = options.metadata.date;
  info.narrator = "eSpeak NG " + prepared.script.voice;
  info.generator = std::string("readaloud ") + READALOUD_VERSION;
  info.warning_label = prepared.profile.phrases.warning;
  // What changes the book's content beyond the script: format, voice and pace.
  info.salt = std::string(to_string(*options.book)) + "|" + prepared.profile.name + "|" +
              std::to_string(prepared.profile.narration.rate_wpm) + "|" + std::to_string(options.bitrate_kbps);
  return info;
}

// Swaps a finished book folder into place. An older book is exchanged
// atomically (renameat2 RENAME_EXCHANGE) and then removed; where the file
// system cannot exchange, it is moved aside first and put back on failure.
void commit_folder(WorkFolder& work, const fs::path& target) {
  std::error_code ec;
  if (!fs::exists(target, ec)) {
    if (::rename(work.path().c_str(), target.c_str()) != 0)
      throw_runtime(std::string("cannot move the book into place: ") + std::strerror(errno), {target.string()});
    work.release();
    return;
  }
  if (::renameat2(AT_FDCWD, work.path().c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) return;  // ~work removes the old book
  WorkFolder aside(target.parent_path(), target.filename().string() + ".old");
  const fs::path old = aside.path() / "book";
  if (::rename(target.c_str(), old.c_str()) != 0)
    throw_runtime(std::string("cannot replace the older book: ") + std::strerror(errno), {target.string()});
  if (::rename(work.path().c_str(), target.c_str()) != 0) {
    const int err = errno;
    ::rename(old.c_str(), target.c_str());
    throw_runtime(std::string("cannot move the book into place: ") + std::strerror(err), {target.string()});
  }
  work.release();
}

void check_daisy_target(const fs::path& target) {
  std::error_code ec;
  if (!fs::exists(target, ec)) return;
  if (!fs::is_directory(target, ec) || !fs::exists(target / "ncc.html", ec))
    throw_runtime("exists and is not a DAISY book (no ncc.html): not replacing it; remove it or choose another -o",
                  {target.string()});
}

}  // namespace

fs::path book_target(const fs::path& base, BookFormat format) {
  if (format == BookFormat::Daisy) return base;
  fs::path file = base;
  file += ".epub";
  return file;
}

fs::path render_book(const Prepared& prepared, const RenderOptions& options, const fs::path& base,
                     const ProgressFn& progress) {
  const BookFormat format = *options.book;
  const fs::path target = book_target(base, format);
  if (format == BookFormat::Daisy) check_daisy_target(target);
  // Made first: an output folder that cannot take files fails now, not after synthesis.
  WorkFolder work(target.parent_path(), target.filename().string());

  const RenderTools tools{EspeakEngine::instance(), fork_speech_processes()};
  Spoken spoken;
  speak(prepared.script, prepared.profile, tools, options.threads, spoken, progress_window(progress, 0.0, 0.5));
  std::optional<Leveled> leveled =
      measure_and_limit(spoken, options.loudness_lufs, options.threads, progress_window(progress, 0.5, 0.7));
  const std::vector<fs::path> audio =
      encode_sections(spoken, leveled, options, work.path(), progress_window(progress, 0.7, 0.95));
  const Book book = make_book(prepared.script, spoken.timeline, book_info(prepared, options));
  check_interrupted();

  if (format == BookFormat::Daisy) {
    for (const BookFile& file : daisy_files(book)) write_file_atomically(work.path() / file.name, file.content);
    check_interrupted();
    commit_folder(work, target);
  } else {
    AtomicFile epub(target);
    write_epub(epub.temp_path(), epub_files(book), audio, book.modified);
    check_interrupted();
    epub.commit();
  }
  if (progress) progress(1.0);
  return target;
}

}  // namespace readaloud
