#include "render/steps.hpp"

#include <malloc.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <thread>

#include "audio/block_meter.hpp"
#include "audio/limiter.hpp"
#include "audio/metered_spill.hpp"
#include "audio/resampler.hpp"
#include "audio/threaded_sink.hpp"
#include "output/audio_writer.hpp"
#include "output/chapters_json.hpp"
#include "output/cue_sheet.hpp"
#include "output/ffmetadata.hpp"
#include "output/playlist.hpp"
#include "output/srt.hpp"
#include "output/tag_writer.hpp"
#include "output/transcript.hpp"
#include "output/wav_pcm.hpp"
#include "output/webvtt.hpp"
#include "render/render.hpp"
#include "render/split.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace fs = std::filesystem;

namespace {

// What the limiter takes from eSpeak NG speech brought to -16 LUFS under the
// ceiling (1.5 to 4 LU on the fixtures): the loudness search starts there.
constexpr double kExpectedLimiterLossDb = 3.0;

/// Forwards a stream and reports how far through `total` samples it is.
class ProgressSink final : public AudioSink {
 public:
  ProgressSink(AudioSink& next, long long total, ProgressFn report)
      : next_(next), total_(std::max(1LL, total)), report_(std::move(report)) {}
  void write(std::span<const float> samples) override {
    next_.write(samples);
    done_ += static_cast<long long>(samples.size());
    if (report_) report_(std::min(1.0, static_cast<double>(done_) / static_cast<double>(total_)));
  }
  void finish() override { next_.finish(); }

 private:
  AudioSink& next_;
  long long total_;
  long long done_ = 0;
  ProgressFn report_;
};

/// A folder for split parts: created if missing, and removed again on
/// failure if this render created it (and it is empty).
class TempFolder {
 public:
  explicit TempFolder(fs::path path) : path_(std::move(path)) {
    created_ = !fs::exists(path_);
    ensure_output_dir(path_);
  }
  ~TempFolder() {
    std::error_code ec;
    if (created_ && !kept_) fs::remove(path_, ec);  // only succeeds when empty
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  void keep() { kept_ = true; }

 private:
  fs::path path_;
  bool created_ = false;
  bool kept_ = false;
};

/// Parts left in <slug>/ by an earlier render of a longer version would play
/// on in the folder but are not in the new playlist: remove the numbered
/// files that are not among `ours`.
void remove_stale_parts(const fs::path& folder, const std::set<fs::path>& ours) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    const bool numbered = name.size() > 3 && std::isdigit(static_cast<unsigned char>(name[0])) &&
                          std::isdigit(static_cast<unsigned char>(name[1])) && name.find('-') != std::string::npos;
    if (numbered && entry.is_regular_file(ec) && !ours.count(entry.path().filename())) fs::remove(entry.path(), ec);
  }
}

std::string sidecar_content(Sidecar sidecar, const Script& script, const Timeline& timeline, const Metadata& meta,
                            const std::string& audio_name) {
  switch (sidecar) {
    case Sidecar::ChaptersJson: return chapters_json(timeline);
    case Sidecar::Txt: return transcript(script);
    case Sidecar::ChaptersVtt: return chapters_vtt(timeline);
    case Sidecar::Vtt: return captions_vtt(timeline);
    case Sidecar::Srt: return captions_srt(timeline);
    case Sidecar::Cue: return cue_sheet(timeline, audio_name, meta);
    case Sidecar::Ffmetadata: return ffmetadata(timeline, meta);
  }
  return {};
}

/// Speaking and encoding allocate and free buffers of up to a few megabytes
/// per segment and chunk. By default glibc maps large ones afresh and gives
/// freed memory back, so every reuse faults its pages in again (a few
/// thousand faults per article, tens of milliseconds on a virtual machine).
/// Keeping freed memory for reuse costs little peak memory (the pages kept
/// were in use before; measured +2 MB on a 6-minute article). Inherited by
/// the speech processes.
void keep_freed_memory() {
  static const bool done = [] {
    mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest: allocations below 32 MB come from the heap
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    return true;
  }();
  (void)done;
}

/// The script's first segment, or null when it says nothing.
const Segment* first_segment(const Script& script) {
  for (const auto& chapter : script.chapters)
    if (!chapter.segments.empty()) return &chapter.segments.front();
  return nullptr;
}

/// Starts the speech processes for the parts after the first; none when
/// there is no launcher, too little text, or no process to be had.
std::vector<std::unique_ptr<SpeechProcess>> launch_processes(const Script& script, const VoiceProfile& profile,
                                                             const RenderTools& tools, int threads,
                                                             std::vector<ScriptPosition>& cuts,
                                                             std::vector<SpillFile>& tails) {
  std::vector<std::unique_ptr<SpeechProcess>> others;
  cuts = tools.launcher ? speech_cuts(script, threads) : std::vector<ScriptPosition>{};
  const ScriptPosition end{script.chapters.size(), 0};
  try {
    tails.reserve(cuts.size());  // the children write into these: no reallocation
    for (std::size_t k = 0; k < cuts.size(); ++k)
      others.push_back(tools.launcher(script, cuts[k], k + 1 < cuts.size() ? cuts[k + 1] : end, profile, tools.synth,
                                      tails.emplace_back()));
  } catch (const Error&) {
    // Not as many processes to be had (a process limit, no memory): this one
    // speaks it all, as with --jobs 1.
    others.clear();
    tails.clear();
    cuts.clear();
  }
  return others;
}

/// Pass 3 through an encoder: resampled, split into parts when asked.
void encode_stream(Spoken& spoken, std::optional<Leveled>& leveled, const EncodeOptions& encode,
                   const fs::path& audio_path, const std::vector<fs::path>& part_paths, const ProgressFn& progress) {
  const int engine_rate = spoken.timeline.sample_rate;
  auto writer = open_audio_writer(audio_path, encode);
  Resampler resampler(*writer, engine_rate, encode.sample_rate);
  ChapterSplitter splitter(spoken.timeline, part_paths, encode);
  TeeSink both(resampler, splitter);
  AudioSink& out = part_paths.empty() ? static_cast<AudioSink&>(resampler) : both;
  ProgressSink counted(out, spoken.spill.size(), progress);
  if (leveled) {
    // The limited programme, its trim applied on the way.
    leveled->samples.replay_scaled(counted, static_cast<float>(std::pow(10.0, leveled->trim_db / 20.0)));
    return;
  }
  // Without a loudness target: a limiter at unity gain only catches overs,
  // with resampling and encoding beside it on another thread.
  std::optional<ThreadedSink> encoding;
  if (encode.threads > 1) encoding.emplace(counted);
  GainLimiter limiter(encoding ? static_cast<AudioSink&>(*encoding) : counted, 0.0, kRenderCeilingDbfs, engine_rate);
  spoken.spill.replay(limiter);  // finishes the chain, closing the encoders
}

}  // namespace

ProgressFn progress_window(const ProgressFn& progress, double from, double to) {
  if (!progress) return {};
  return [progress, from, to](double f) { progress(from + (to - from) * f); };
}

SpeechLauncher fork_speech_processes() {
  return [](const Script& script, ScriptPosition from, ScriptPosition to, const VoiceProfile& profile,
            Synthesizer& synth, SpillFile& tail) {
    return std::make_unique<SpeechProcess>(script, from, to, profile, synth, tail);
  };
}

void speak(const Script& script, const VoiceProfile& profile, const RenderTools& tools, int threads, Spoken& out,
           const ProgressFn& progress) {
  keep_freed_memory();
  std::vector<ScriptPosition> cuts;
  std::vector<SpillFile> tails;
  // The first voice is loaded before the speech processes start: they
  // inherit it, and eSpeak NG's voice list, rather than each loading them.
  if (const Segment* first = first_segment(script)) tools.synth.preload_voice(prosody_for(profile, first->role).voice);
  auto others = launch_processes(script, profile, tools, threads, cuts, tails);
  const ScriptPosition end{script.chapters.size(), 0};
  if (others.empty()) {
    // Alone, this process meters and spills beside synthesis on another thread.
    BlockMeter meter(tools.synth.sample_rate());
    MeteredSpill measuring(out.spill, meter);
    std::optional<ThreadedSink> behind;
    if (threads > 1) behind.emplace(measuring);
    out.timeline = speak_range(script, {}, end, profile, tools.synth,
                               behind ? static_cast<AudioSink&>(*behind) : measuring, progress);
    if (behind) behind->finish();
    out.lufs = gated_lufs(meter.blocks());
  } else {
    // Every core speaks; the loudness pass measures the programme instead.
    SpillSink spilling(out.spill);
    out.timeline = speak_range(script, {}, cuts.front(), profile, tools.synth, spilling, progress);
    for (std::size_t k = 0; k < others.size(); ++k) {
      Timeline part = others[k]->join();
      out.spill.adopt(std::move(tails[k]), part.total_samples);
      append_timeline(out.timeline, std::move(part));
    }
  }
  finish_timeline(out.timeline);
  out.spill.flush();
}

std::optional<Leveled> measure_and_limit(const Spoken& spoken, std::optional<double> target_lufs, int threads,
                                         const ProgressFn& progress) {
  if (!target_lufs) return std::nullopt;
  return level_to_loudness(spoken.spill, spoken.lufs, *target_lufs, kRenderCeilingDbfs,
                           spoken.timeline.sample_rate, threads, kExpectedLimiterLossDb, progress);
}

int output_rate(const RenderOptions& options, int engine_rate) {
  int rate = options.sample_rate.value_or(engine_rate);
  if (options.format == AudioFormat::Opus) {
    static constexpr int kOpusRates[] = {8000, 12000, 16000, 24000, 48000};
    if (std::find(std::begin(kOpusRates), std::end(kOpusRates), rate) == std::end(kOpusRates)) {
      if (options.sample_rate) throw_usage("Opus supports 8000, 12000, 16000, 24000 or 48000 Hz, not " + std::to_string(rate));
      rate = 48000;
    }
  }
  return rate;
}

void check_wav_fits(const Spoken& spoken, int rate) {
  const double bytes = static_cast<double>(spoken.timeline.total_samples) * rate / spoken.timeline.sample_rate * 2.0;
  if (bytes > 4.0e9)
    throw_runtime("too long for a WAV file (" + std::to_string(static_cast<long long>(bytes / 1e9)) +
                  " GB of audio; WAV holds at most 4 GB): use --format flac");
}

void encode(Spoken& spoken, std::optional<Leveled>& leveled, const EncodeOptions& encode, const fs::path& audio_path,
            const std::vector<fs::path>& part_paths, const ProgressFn& progress) {
  // A WAV at eSpeak's own rate is the limited spill file's 16-bit samples
  // behind a header: written directly, on all threads, without an encoder.
  if (leveled && encode.format == AudioFormat::Wav && encode.sample_rate == spoken.timeline.sample_rate &&
      part_paths.empty()) {
    write_wav_from_spill(audio_path, leveled->samples, static_cast<float>(std::pow(10.0, leveled->trim_db / 20.0)),
                         encode.sample_rate, encode.threads);
    if (progress) progress(1.0);
    return;
  }
  encode_stream(spoken, leveled, encode, audio_path, part_paths, progress);
}

Metadata article_metadata(const Prepared& prepared, const RenderOptions& options) {
  Metadata meta = options.metadata;
  if (meta.title.empty()) meta.title = prepared.script.title;
  if (meta.author.empty()) meta.author = prepared.article.author;
  if (meta.date.empty()) meta.date = prepared.article.published;
  if (meta.language.empty()) meta.language = prepared.script.language;
  return meta;
}

std::vector<AtomicFile> part_files(const fs::path& folder, const Timeline& timeline, AudioFormat format) {
  std::vector<AtomicFile> parts;
  for (std::size_t i = 0; i < timeline.chapters.size(); ++i)
    parts.emplace_back(folder / part_file_name(i, timeline.chapters.size(), timeline.chapters[i].title, format));
  return parts;
}

AtomicFile tag_parts_and_list(const std::vector<AtomicFile>& parts, const Timeline& timeline, const Metadata& meta,
                              AudioFormat format, const fs::path& base) {
  std::vector<PlaylistEntry> playlist;
  const fs::path folder_name = base.filename();
  for (std::size_t i = 0; i < parts.size(); ++i) {
    Timeline part = part_timeline(timeline, i);
    Metadata part_meta = meta;
    part_meta.title = timeline.chapters[i].title;
    if (part_meta.album.empty()) part_meta.album = meta.title;
    part_meta.track = static_cast<int>(i + 1);
    part_meta.total_tracks = static_cast<int>(parts.size());
    write_tags(parts[i].temp_path(), format, part_meta, part);
    playlist.push_back(PlaylistEntry{(folder_name / parts[i].target().filename()).string(), part.duration_s(),
                                     timeline.chapters[i].title});
  }
  fs::path target = base;
  target += ".m3u8";
  AtomicFile file(target);
  write_text(file, m3u8_playlist(playlist));
  return file;
}

std::vector<AtomicFile> write_sidecars(const std::vector<Sidecar>& sidecars, const fs::path& base, const Script& script,
                                       const Timeline& timeline, const Metadata& meta, const std::string& audio_name) {
  std::vector<AtomicFile> files;
  for (Sidecar sidecar : sidecars) {
    fs::path target = base;
    target += sidecar_suffix(sidecar);
    AtomicFile file(target);
    write_text(file, sidecar_content(sidecar, script, timeline, meta, audio_name));
    files.push_back(std::move(file));
  }
  return files;
}

std::vector<fs::path> commit(std::vector<AtomicFile>& files) {
  check_interrupted();
  std::vector<fs::path> produced;
  for (auto& file : files) {
    file.commit();
    produced.push_back(file.target());
  }
  return produced;
}

RenderedArticle render_article(const Prepared& prepared, const RenderOptions& options, const fs::path& folder,
                               const std::string& slug, const RenderTools& tools, const ProgressFn& progress) {
  const fs::path base = folder / slug;
  const int rate = output_rate(options, tools.synth.sample_rate());
  fs::path audio_target = base;
  audio_target += std::string(".") + extension(options.format);
  // The audio's temporary is made first: an output folder that cannot take
  // files fails now, not after a long synthesis.
  AtomicFile audio(audio_target);

  Spoken spoken;
  speak(prepared.script, prepared.profile, tools, options.threads, spoken, progress_window(progress, 0.0, 0.5));
  if (options.format == AudioFormat::Wav) check_wav_fits(spoken, rate);
  std::optional<Leveled> leveled =
      measure_and_limit(spoken, options.loudness_lufs, options.threads, progress_window(progress, 0.5, 0.7));

  std::optional<TempFolder> part_folder;  // declared before the parts: removed after their temporaries
  std::vector<AtomicFile> parts;
  if (options.split_chapters) {
    part_folder.emplace(base);
    parts = part_files(base, spoken.timeline, options.format);
  }
  std::vector<fs::path> part_paths;
  std::set<fs::path> part_names;
  for (const auto& part : parts) {
    part_paths.push_back(part.temp_path());
    part_names.insert(part.target().filename());
  }
  const EncodeOptions encoding{options.format, rate, options.bitrate_kbps, options.threads};
  encode(spoken, leveled, encoding, audio.temp_path(), part_paths,
         progress_window(progress, leveled ? 0.7 : 0.5, 0.95));

  RenderedArticle done{{}, std::move(spoken.timeline), article_metadata(prepared, options)};
  write_tags(audio.temp_path(), options.format, done.metadata, done.timeline);
  if (!parts.empty()) parts.push_back(tag_parts_and_list(parts, done.timeline, done.metadata, options.format, base));
  if (progress) progress(0.97);

  std::vector<AtomicFile> files;
  files.push_back(std::move(audio));
  for (auto& file : write_sidecars(options.sidecars, base, prepared.script, done.timeline, done.metadata,
                                   audio_target.filename().string()))
    files.push_back(std::move(file));
  for (auto& part : parts) files.push_back(std::move(part));
  {
    // Closing the spill files frees their blocks in $TMPDIR, a few
    // milliseconds for a long article: done on another thread while the
    // commit waits for the disk.
    std::jthread release([spill = std::move(spoken.spill), limited = std::move(leveled)]() mutable {
      const SpillFile closing = std::move(spill);
      const std::optional<Leveled> closing_too = std::move(limited);
    });
    done.files = commit(files);
  }
  if (part_folder) {
    part_folder->keep();
    remove_stale_parts(base, part_names);
  }
  if (progress) progress(1.0);
  return done;
}

}  // namespace readaloud
