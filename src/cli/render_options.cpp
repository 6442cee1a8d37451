#include "cli/render_options.hpp"

#include <sstream>

#include "util/error.hpp"

namespace readaloud::cli {
namespace {

/// "(default: x)", the x from RenderOptions.
std::string shown_default(const std::string& value) { return " (default: " + value + ")"; }

std::string default_sidecars(const RenderOptions& defaults) {
  std::string list;
  for (Sidecar s : defaults.sidecars) list += (list.empty() ? "" : ",") + sidecar_suffix(s).substr(1);  // "chapters.json", as typed
  return list.empty() ? "none" : list;
}

std::string lufs_text(double lufs) {
  std::ostringstream out;
  out << lufs;
  return out.str();
}

double parse_loudness(const std::string& text) {
  std::size_t used = 0;
  double lufs = 0;
  try {
    lufs = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || lufs < -40 || lufs > -5) throw_usage("--loudness must be a LUFS value from -40 to -5, or off");
  return lufs;
}

/// Reading and narration options into `o`.
void apply_narration(const RawOptions& raw, RenderOptions& o) {
  if (!raw.from.empty()) {
    o.ingest.format = parse_input_format(raw.from);
    if (!o.ingest.format) throw_usage("unknown input format '" + raw.from + "' (use plain, markdown, html or json)");
  }
  o.ingest.encoding = raw.encoding;
  for (const auto& r : raw.rules) o.ingest.rules_files.emplace_back(r);
  for (const auto& l : raw.lexicons) o.lexicons.emplace_back(l);
  o.voice = raw.voice;
  if (raw.lang && !raw.lang->empty()) o.language = *raw.lang;
  if (raw.rate) o.rate_wpm = *raw.rate;
  if (raw.verbosity) {
    auto verbosity = parse_verbosity(*raw.verbosity);
    if (!verbosity) throw_usage("unknown verbosity '" + *raw.verbosity + "' (use minimal, normal or full)");
    o.narration.verbosity = *verbosity;
  }
  o.narration.describe_images = raw.describe_images;
  if (raw.warnings) o.warnings = parse_warning_level(*raw.warnings);
}

/// The output format: an audio format or a talking book.
void apply_format(const std::string& name, RenderOptions& o) {
  o.book = parse_book_format(name);
  auto format = o.book ? std::optional<AudioFormat>(AudioFormat::Mp3) : parse_audio_format(name);
  if (!format) throw_usage("unknown format '" + name + "' (use mp3, opus, ogg, flac, wav, m4b, daisy or epub)");
  o.format = *format;
}

/// Audio options the user gave, over the defaults and the preset.
void apply_audio(const RawOptions& raw, RenderOptions& o) {
  if (raw.format) apply_format(*raw.format, o);
  if (raw.bitrate) {
    if (*raw.bitrate < 8 || *raw.bitrate > 320) throw_usage("--bitrate must be between 8 and 320 kbps");
    o.bitrate_kbps = *raw.bitrate;
  }
  if (raw.sample_rate) {
    if (*raw.sample_rate < 8000 || *raw.sample_rate > 96000)
      throw_usage("--sample-rate must be between 8000 and 96000 Hz");
    o.sample_rate = *raw.sample_rate;
  }
  if (raw.loudness) {
    if (*raw.loudness == "off") o.loudness_lufs.reset();
    else o.loudness_lufs = parse_loudness(*raw.loudness);
  }
  if (raw.sidecars) o.sidecars = parse_sidecars(*raw.sidecars);
  o.split_chapters = raw.split_chapters;
  if (o.book && o.split_chapters)
    throw_usage(std::string("--split-chapters has no meaning with --format ") + to_string(*o.book) +
                ": a talking book already has one audio file per section");
}

}  // namespace

void add_narration_options(CLI::App& cmd, RawOptions& raw) {
  const RenderOptions defaults;
  cmd.add_option("--from", raw.from, "Input format: plain, markdown, html or json (default: by extension)");
  cmd.add_option("--encoding", raw.encoding, "Input encoding, e.g. windows-1252 or latin1 (default: UTF-8)");
  cmd.add_option("--rules", raw.rules, "Extra boilerplate rules file (TOML); repeatable")
      ->expected(1)
      ->allow_extra_args(false);
  cmd.add_option("--voice", raw.voice, "Voice profile name or .toml file (see `readaloud voices`)");
  cmd.add_option("--lang", raw.lang, "Language of the article, e.g. en, es, de, fr (default: from the input)");
  cmd.add_option("--rate", raw.rate, "Narration speed in words per minute, 80 to 450 (default: the voice profile's)");
  cmd.add_option("--verbosity", raw.verbosity,
                 "Structural announcements: minimal, normal or full" +
                     shown_default(to_string(defaults.narration.verbosity)));
  cmd.add_flag("--describe-images", raw.describe_images, "Speak images as \"Image: <alt text>\"");
  cmd.add_option("--warnings", raw.warnings,
                 "Warning detection: high-recall, balanced, high-precision or off" +
                     shown_default(to_string(defaults.warnings)));
  cmd.add_option("--lexicon", raw.lexicons, "Pronunciation lexicon (.pls or .toml); repeatable")
      ->expected(1)
      ->allow_extra_args(false);
}

void add_render_options(CLI::App& cmd, RawOptions& raw) {
  const RenderOptions defaults;
  cmd.add_option("-o,--output", raw.output_dir, "Output folder" + shown_default(defaults.output_dir.string()));
  cmd.add_option("--format", raw.format,
                 "Audio format: mp3, opus, ogg, flac, wav or m4b; or a talking book: daisy (DAISY 2.02 folder) "
                 "or epub (EPUB 3 with Media Overlays)" + shown_default(extension(defaults.format)));
  cmd.add_option("--bitrate", raw.bitrate,
                 "Bitrate in kbps for lossy formats" + shown_default(std::to_string(defaults.bitrate_kbps) + ", constant"));
  cmd.add_option("--sample-rate", raw.sample_rate,
                 "Output sample rate in Hz" +
                     shown_default(defaults.sample_rate ? std::to_string(*defaults.sample_rate)
                                                        : "the engine's 22050; 48000 for Opus"));
  cmd.add_option("--loudness", raw.loudness,
                 "Target loudness in LUFS, or off" +
                     shown_default(defaults.loudness_lufs ? lufs_text(*defaults.loudness_lufs) : "off"));
  cmd.add_option("--sidecars", raw.sidecars,
                 "Sidecar files: all, none, or a list of chapters.json,chapters.vtt,vtt,srt,cue,txt,ffmetadata" +
                     shown_default(default_sidecars(defaults)));
  cmd.add_flag("--split-chapters", raw.split_chapters,
               "Also write one file per chapter into <slug>/, with an .m3u8 playlist");
  cmd.add_option("--preset", raw.preset,
                 "podcast: MP3 44.1 kHz 64 kbps at -16 LUFS with chapters JSON and transcript; "
                 "options given beside it win");
  cmd.add_option("--title", raw.title, "Title tag (default: the article's title)");
  cmd.add_option("--author", raw.author, "Artist/author tag");
  cmd.add_option("--album", raw.album, "Album tag");
  cmd.add_option("--date", raw.date, "Date tag");
  cmd.add_option("--cover", raw.cover, "Cover image (JPEG or PNG) to embed");
  cmd.add_option("--identifier", raw.identifier,
                 "Identifier of a daisy/epub book (default: a UUID stable for the same article and options)");
  cmd.add_option("--publisher", raw.publisher, "Publisher of a daisy/epub book (default: the site, else the author)");
  cmd.add_option("--progress", raw.progress, "Progress on standard error: auto, plain or none (default: auto)");
  cmd.add_option("-j,--jobs", raw.jobs,
                 "Cores to use: worker processes for several inputs, or speech processes and threads for one "
                 "(default: the number of cores)");
  cmd.add_option("--shard", raw.shard,
                 "Render only shard K of N of the inputs (K/N), or auto (from SLURM_ARRAY_TASK_ID/_COUNT, "
                 "JOB_COMPLETION_INDEX or PARALLEL_SEQ); every task must get the same input list");
  cmd.add_option("--shard-count", raw.shard_count, "N for --shard auto (Kubernetes, GNU parallel)");
  cmd.add_flag("-q,--quiet", raw.quiet, "No progress or summary; errors only");
}

RenderOptions to_options(const RawOptions& raw) {
  RenderOptions o;
  apply_narration(raw, o);
  if (raw.output_dir) o.output_dir = *raw.output_dir;
  if (!raw.preset.empty()) apply_preset(o, raw.preset);
  apply_audio(raw, o);
  o.identifier = raw.identifier;
  o.publisher = raw.publisher;
  o.metadata.title = raw.title;
  o.metadata.author = raw.author;
  o.metadata.album = raw.album;
  o.metadata.date = raw.date;
  o.metadata.cover_path = raw.cover;
  return o;
}

}  // namespace readaloud::cli
