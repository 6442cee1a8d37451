#include "render/render.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include "analyze/warning_cues.hpp"
#include "analyze/warning_detector.hpp"
#include "audio/block_meter.hpp"
#include "audio/limiter.hpp"
#include "audio/metered_spill.hpp"
#include "audio/normalize.hpp"
#include "audio/resampler.hpp"
#include "audio/spill.hpp"
#include "audio/threaded_sink.hpp"
#include "narrate/normalizer.hpp"
#include "output/audio_writer.hpp"
#include "output/chapters_json.hpp"
#include "output/cover_art.hpp"
#include "output/cue_sheet.hpp"
#include "output/ffmetadata.hpp"
#include "output/playlist.hpp"
#include "output/srt.hpp"
#include "output/tag_writer.hpp"
#include "output/transcript.hpp"
#include "output/wav_pcm.hpp"
#include "output/webvtt.hpp"
#include "render/speech_processes.hpp"
#include "render/split.hpp"
#include "synth/espeak_engine.hpp"
#include "synth/voice_catalog.hpp"
#include "util/atomic_file.hpp"
#include "util/embedded.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace readaloud {
namespace fs = std::filesystem;

namespace {

// Peak ceiling before encoding; leaves room for the encoder's overshoot so the
// decoded file stays at or below -1 dBTP.
constexpr double kCeilingDbfs = kDefaultCeilingDbfs;

// What the limiter takes from eSpeak NG speech brought to -16 LUFS under that
// ceiling (measured 1.5 to 4 LU on the fixtures, most often 2.5 to 3.5): the
// loudness search starts there, close to the answer.
constexpr double kExpectedLimiterLossDb = 3.0;

/// Forwards a stream and reports how far through `total` samples it is.
class ProgressSink final : public AudioSink {
 public:
  ProgressSink(AudioSink& next, long long total, std::function<void(double)> report)
      : next_(next), total_(std::max(1LL, total)), report_(std::move(report)) {}
  void write(std::span<const float> samples) override {
    next_.write(samples);
    done_ += static_cast<long long>(samples.size());
    report_(std::min(1.0, static_cast<double>(done_) / static_cast<double>(total_)));
  }
  void finish() override { next_.finish(); }

 private:
  AudioSink& next_;
  long long total_;
  long long done_ = 0;
  std::function<void(double)> report_;
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

/// After a split render, parts left in <slug>/ by an earlier render of a
/// longer version ("05-old-chapter.mp3") would play on in the folder but are
/// not in the new playlist: remove the numbered parts that are not ours.
void remove_stale_parts(const fs::path& folder, const std::vector<AtomicFile>& parts) {
  std::error_code ec;
  std::set<fs::path> ours;
  for (const auto& part : parts) ours.insert(part.target().filename());
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    const bool numbered = name.size() > 3 && std::isdigit(static_cast<unsigned char>(name[0])) &&
                          std::isdigit(static_cast<unsigned char>(name[1])) && name.find('-') != std::string::npos;
    if (numbered && entry.is_regular_file(ec) && !ours.count(entry.path().filename())) fs::remove(entry.path(), ec);
  }
}

Lexicon load_lexicons(const std::vector<fs::path>& paths) {
  Lexicon all;
  for (const auto& path : paths) {
    Lexicon one = ascii_lower(path.extension().string()) == ".toml" ? load_toml_lexicon(path) : load_pls_lexicon(path);
    all.entries.insert(all.entries.end(), one.entries.begin(), one.entries.end());
  }
  return all;
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

Metadata metadata_for(const Prepared& prepared, const RenderOptions& options) {
  Metadata meta = options.metadata;
  if (meta.title.empty()) meta.title = prepared.script.title;
  if (meta.author.empty()) meta.author = prepared.article.author;
  if (meta.date.empty()) meta.date = prepared.article.published;
  if (meta.language.empty()) meta.language = prepared.script.language;
  return meta;
}

std::string sidecar_content(Sidecar sidecar, const Prepared& prepared, const Timeline& timeline,
                            const Metadata& meta, const std::string& audio_name) {
  switch (sidecar) {
    case Sidecar::ChaptersJson: return chapters_json(timeline);
    case Sidecar::Txt: return transcript(prepared.script);
    case Sidecar::ChaptersVtt: return chapters_vtt(timeline);
    case Sidecar::Vtt: return captions_vtt(timeline);
    case Sidecar::Srt: return captions_srt(timeline);
    case Sidecar::Cue: return cue_sheet(timeline, audio_name, meta);
    case Sidecar::Ffmetadata: return ffmetadata(timeline, meta);
  }
  return {};
}

}  // namespace

std::string slugify(std::string_view title) {
  // Fold the common accented Latin letters to ASCII; drop anything else.
  static const std::pair<std::string_view, char> kFolds[] = {
      {"á", 'a'}, {"à", 'a'}, {"â", 'a'}, {"ä", 'a'}, {"ã", 'a'}, {"å", 'a'}, {"ç", 'c'},
      {"é", 'e'}, {"è", 'e'}, {"ê", 'e'}, {"ë", 'e'}, {"í", 'i'}, {"ì", 'i'}, {"î", 'i'},
      {"ï", 'i'}, {"ñ", 'n'}, {"ó", 'o'}, {"ò", 'o'}, {"ô", 'o'}, {"ö", 'o'}, {"õ", 'o'},
      {"ø", 'o'}, {"ú", 'u'}, {"ù", 'u'}, {"û", 'u'}, {"ü", 'u'}, {"ý", 'y'}, {"ÿ", 'y'},
      {"Á", 'a'}, {"À", 'a'}, {"Â", 'a'}, {"Ä", 'a'}, {"Ç", 'c'}, {"É", 'e'}, {"È", 'e'},
      {"Ê", 'e'}, {"Í", 'i'}, {"Î", 'i'}, {"Ñ", 'n'}, {"Ó", 'o'}, {"Ô", 'o'}, {"Ö", 'o'},
      {"Ú", 'u'}, {"Ü", 'u'}, {"ß", 's'}};
  std::string slug;
  bool hyphen = false;
  for (std::size_t i = 0; i < title.size() && slug.size() < 80;) {
    unsigned char c = static_cast<unsigned char>(title[i]);
    char out = 0;
    std::size_t step = 1;
    if (std::isalnum(c)) {
      out = static_cast<char>(std::tolower(c));
    } else if (c >= 0x80) {
      for (const auto& [from, to] : kFolds)
        if (title.substr(i, from.size()) == from) {
          out = to;
          step = from.size();
          break;
        }
      if (!out)
        while (i + step < title.size() && (static_cast<unsigned char>(title[i + step]) & 0xC0) == 0x80) ++step;
    }
    if (out) {
      if (hyphen && !slug.empty()) slug += '-';
      slug += out;
      hyphen = false;
    } else if (c != '\'') {  // "Don't" -> "dont", not "don-t"
      hyphen = true;
    }
    i += step;
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? "article" : slug;
}

std::vector<std::string> plan_batch(const std::vector<std::string>& inputs, const RenderOptions& options) {
  std::error_code ec;
  if (fs::exists(options.output_dir, ec) && !fs::is_directory(options.output_dir, ec))
    throw_runtime("output folder is not a folder", {options.output_dir.string()});
  if (!options.metadata.cover_path.empty()) (void)load_cover(options.metadata.cover_path);

  std::vector<std::string> slugs(inputs.size());
  if (inputs.size() < 2) return slugs;
  std::map<std::string, int> taken;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i] == "-") continue;
    try {
      std::string name = inputs[i];
      std::string bytes;
      if (inputs[i].empty()) std::tie(bytes, name) = bundled_sample();
      else bytes = read_input(inputs[i]);
      const std::string slug = slugify(ingest(name, bytes, options.ingest).title);
      const int n = ++taken[slug];
      slugs[i] = n == 1 ? slug : slug + "-" + std::to_string(n);
    } catch (const Error&) {
      // Left to the render, which reports it in order with the others.
    }
  }
  return slugs;
}

void apply_preset(RenderOptions& options, std::string_view name) {
  if (name != "podcast") throw_usage("unknown preset '" + std::string(name) + "' (the only preset is podcast)");
  options.format = AudioFormat::Mp3;
  options.sample_rate = 44100;
  options.bitrate_kbps = 64;
  options.loudness_lufs = -16.0;
  options.sidecars = {Sidecar::ChaptersJson, Sidecar::Txt};
}

std::pair<std::string, std::string> bundled_sample() {
  for (const auto& file : embedded_files())
    if (file.path.starts_with("data/sample/"))
      return {std::string(file.content), std::string(fs::path(file.path).filename())};
  throw_runtime("the bundled sample article is missing from this build");
}

Prepared prepare(const std::string& name, std::string_view bytes, const RenderOptions& options) {
  Prepared p;
  p.article = ingest(name, bytes, options.ingest);
  std::string language = options.language.value_or(p.article.language);

  p.profile = load_voice_profile(options.voice.empty() ? profile_name_for_language(language.empty() ? "en" : language)
                                                       : options.voice);
  if (language.empty()) language = p.profile.language;
  p.article.language = language;
  if (options.rate_wpm) p.profile = with_rate(p.profile, *options.rate_wpm);

  detect_warnings(p.article, warning_cues_for(language));
  Normalizer normalizer(language, load_lexicons(options.lexicons));
  p.script = plan_narration(p.article, p.profile, options.narration, normalizer);
  return p;
}

namespace {
std::vector<fs::path> render_prepared(const Prepared& prepared, const RenderOptions& options, const fs::path& base,
                                      const fs::path& audio_target, const ProgressFn& progress);
}  // namespace

std::vector<fs::path> render_input(const std::string& input, const RenderOptions& options,
                                   const ProgressFn& progress) {
  std::string name = input;
  std::string bytes;
  if (input.empty()) {
    auto [content, sample_name] = bundled_sample();
    bytes = std::move(content);
    name = sample_name;
  } else {
    bytes = read_input(input);
  }
  Prepared prepared = prepare(name, bytes, options);
  bytes.clear();
  bytes.shrink_to_fit();

  ensure_output_dir(options.output_dir);
  const std::string slug = options.slug.empty() ? slugify(prepared.script.title) : options.slug;
  const fs::path base = options.output_dir / slug;
  fs::path audio_target = base;
  audio_target += std::string(".") + extension(options.format);
  try {
    return render_prepared(prepared, options, base, audio_target, progress);
  } catch (const Error& e) {
    // Failures without a file of their own (the spill file, the engine), or
    // named after a temporary ("out/.x.mp3.AbC123") that the user never
    // sees, are reported against the file being made.
    const std::string& file = e.where().file;
    if (file.empty() || fs::path(file).filename().string().starts_with("." + audio_target.filename().string() + "."))
      throw Error(e.kind(), e.message(), Location{audio_target.string(), e.where().line, e.where().column,
                                                  e.where().byte_offset});
    throw;
  }
}

namespace {

std::vector<fs::path> render_prepared(const Prepared& prepared, const RenderOptions& options, const fs::path& base,
                                      const fs::path& audio_target, const ProgressFn& progress) {
  const std::string slug = base.filename().string();

  EspeakEngine& engine = EspeakEngine::instance();
  const int rate = output_rate(options, engine.sample_rate());

  // The audio's temporary is made first: an output folder that cannot take
  // files fails now, not after a long synthesis.
  AtomicFile audio(audio_target);

  // Pass 1: speak into a spill file on disk while measuring loudness, so
  // memory does not grow with the length of the article. A long article's
  // later parts are spoken by processes of their own, one per core (forked
  // before this one starts any thread), each spilling and metering its part.
  SpillFile spill;
  BlockMeter meter(engine.sample_rate());
  MeteredSpill measuring(spill, meter);
  const Script& script = prepared.script;
  const ScriptPosition end{script.chapters.size(), 0};
  std::vector<ScriptPosition> cuts = speech_cuts(script, options.threads);
  std::vector<SpillFile> tails;
  std::vector<std::unique_ptr<SpeechProcess>> others;
  try {
    tails.reserve(cuts.size());
    for (std::size_t k = 0; k < cuts.size(); ++k)
      others.push_back(std::make_unique<SpeechProcess>(script, cuts[k], k + 1 < cuts.size() ? cuts[k + 1] : end,
                                                       prepared.profile, engine, tails.emplace_back()));
  } catch (const Error&) {
    // Not as many processes to be had (a process limit, no memory): this one
    // speaks it all, as with --jobs 1.
    others.clear();
    tails.clear();
    cuts.clear();
  }
  // Alone, this process meters and spills beside synthesis on another thread.
  std::optional<ThreadedSink> behind;
  if (options.threads > 1 && others.empty()) behind.emplace(measuring);
  Timeline timeline = speak_range(script, {}, cuts.empty() ? end : cuts.front(), prepared.profile, engine,
                                  behind ? static_cast<AudioSink&>(*behind) : measuring,
                                  [&](double f) { if (progress) progress(0.5 * f); });
  if (behind) behind->finish();
  std::vector<double> loudness_blocks = meter.blocks();
  for (std::size_t k = 0; k < others.size(); ++k) {
    SpokenPart part = others[k]->join();
    spill.adopt(std::move(tails[k]), part.timeline.total_samples);
    append_timeline(timeline, std::move(part.timeline));
    loudness_blocks.insert(loudness_blocks.end(), part.loudness_blocks.begin(), part.loudness_blocks.end());
  }
  others.clear();
  tails.clear();
  finish_timeline(timeline);
  spill.flush();

  // RIFF sizes are 32-bit: refuse rather than write a WAV that wraps.
  if (options.format == AudioFormat::Wav) {
    const double bytes = static_cast<double>(timeline.total_samples) * rate / engine.sample_rate() * 2.0;
    if (bytes > 4.0e9)
      throw_runtime("too long for a WAV file (" + std::to_string(static_cast<long long>(bytes / 1e9)) +
                    " GB of audio; WAV holds at most 4 GB): use --format flac");
  }

  // Pass 2: one gain for the whole programme and a limiter, measured until
  // the loudness is right.
  std::optional<Normalized> normalized;
  if (options.loudness_lufs)
    normalized = normalize_loudness(spill, gated_lufs(loudness_blocks), *options.loudness_lufs, kCeilingDbfs,
                                    engine.sample_rate(), options.threads, kExpectedLimiterLossDb,
                                    [&](double f) { if (progress) progress(0.5 + 0.2 * f); });
  const Metadata meta = metadata_for(prepared, options);
  const EncodeOptions encode{options.format, rate, options.bitrate_kbps, options.threads};
  std::vector<AtomicFile> files;
  std::vector<fs::path> produced;

  // Split mode: the parts go to <slug>/NN-<chapter>.<ext>, beside the whole.
  std::optional<TempFolder> part_folder;  // declared first: removed after the parts' temporaries
  std::vector<AtomicFile> parts;
  if (options.split_chapters) {
    part_folder.emplace(base);
    for (std::size_t i = 0; i < timeline.chapters.size(); ++i)
      parts.emplace_back(base / part_file_name(i, timeline.chapters.size(), timeline.chapters[i].title, options.format));
  }

  // A WAV at eSpeak's own rate is the normalised spill file's 16-bit samples
  // behind a header: written directly, on all threads, without an encoder.
  const bool direct_wav = normalized && options.format == AudioFormat::Wav && rate == engine.sample_rate() &&
                          parts.empty();
  const float trim = normalized ? static_cast<float>(std::pow(10.0, normalized->trim_db / 20.0)) : 1.0f;
  if (direct_wav) {
    write_wav_from_spill(audio.temp_path(), normalized->samples, trim, rate, options.threads);
    if (progress) progress(0.95);
  } else {
    auto writer = open_audio_writer(audio.temp_path(), encode);
    Resampler resampler(*writer, engine.sample_rate(), rate);
    std::vector<fs::path> part_paths;
    for (const auto& part : parts) part_paths.push_back(part.temp_path());
    ChapterSplitter splitter(timeline, part_paths, encode);
    TeeSink both(resampler, splitter);
    AudioSink& out = parts.empty() ? static_cast<AudioSink&>(resampler) : both;
    // Encoding follows the loudness passes when there are some.
    const double from = normalized ? 0.7 : 0.5;
    ProgressSink counted(out, spill.size(), [&](double f) { if (progress) progress(from + (0.95 - from) * f); });
    // Pass 3: resampling and encoding, of the normalised programme (its trim
    // applied on the way) or, without a loudness target, through a limiter
    // at unity gain that only catches overs.
    if (normalized) {
      normalized->samples.replay_scaled(counted, trim);
    } else {
      std::optional<ThreadedSink> encoding;  // resampling and encoding run beside the limiter
      if (options.threads > 1) encoding.emplace(counted);
      GainLimiter limiter(encoding ? static_cast<AudioSink&>(*encoding) : counted, 0.0, kCeilingDbfs,
                          engine.sample_rate());
      spill.replay(limiter);  // finishes the chain, closing the encoders
    }
  }
  write_tags(audio.temp_path(), options.format, meta, timeline);
  files.push_back(std::move(audio));

  std::vector<PlaylistEntry> playlist;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    Timeline part = part_timeline(timeline, i);
    Metadata part_meta = meta;
    part_meta.title = timeline.chapters[i].title;
    if (part_meta.album.empty()) part_meta.album = meta.title;
    part_meta.track = static_cast<int>(i + 1);
    part_meta.total_tracks = static_cast<int>(parts.size());
    write_tags(parts[i].temp_path(), options.format, part_meta, part);
    playlist.push_back(PlaylistEntry{(fs::path(slug) / parts[i].target().filename()).string(), part.duration_s(),
                                     timeline.chapters[i].title});
  }
  if (!parts.empty()) {
    fs::path target = base;
    target += ".m3u8";
    AtomicFile file(target);
    write_text(file, m3u8_playlist(playlist));
    parts.push_back(std::move(file));
  }
  if (progress) progress(0.97);

  for (Sidecar sidecar : options.sidecars) {
    fs::path target = base;
    target += sidecar_suffix(sidecar);
    AtomicFile file(target);
    write_text(file, sidecar_content(sidecar, prepared, timeline, meta, audio_target.filename().string()));
    files.push_back(std::move(file));
  }

  check_interrupted();
  for (auto& file : files) {
    file.commit();
    produced.push_back(file.target());
  }
  for (auto& file : parts) {
    file.commit();
    produced.push_back(file.target());
  }
  if (part_folder) {
    part_folder->keep();
    remove_stale_parts(base, parts);
  }
  if (progress) progress(1.0);
  return produced;
}

}  // namespace

}  // namespace readaloud
