#include "cli/app.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <sstream>
#include <thread>

#include "cli/progress.hpp"
#include "render/batch.hpp"
#include "render/inspect.hpp"
#include "render/render.hpp"
#include "synth/espeak_engine.hpp"
#include "synth/voice_catalog.hpp"
#include "util/atomic_file.hpp"
#include "util/error.hpp"

namespace readaloud::cli {
namespace {

constexpr const char* kRenderExamples = R"(
Examples:
  readaloud render                          render the bundled sample article into output/
  readaloud render article.txt -o podcast/  render one article into podcast/
  readaloud render a.txt b.md c.html        render several articles
  cat page.html | readaloud render - --from html
  readaloud render article.txt --preset podcast --author "Health Desk"
)";

/// Raw option values as typed; turned into RenderOptions in one place.
struct Raw {
  std::vector<std::string> inputs;
  std::string output_dir = "output";
  std::string format = "mp3";
  std::string from;
  std::string encoding;
  std::vector<std::string> rules;
  std::vector<std::string> lexicons;
  std::string voice;
  std::string lang;
  int rate = 0;
  std::string verbosity = "normal";
  bool describe_images = false;
  int bitrate = 0;
  int sample_rate = 0;
  std::string loudness = "-16";
  std::string sidecars = "chapters.json,txt";
  bool split_chapters = false;
  std::string preset;
  std::string title, author, album, date, cover;
  std::string progress = "auto";
  bool quiet = false;
  int jobs = 0;
  bool json = false;
};

void add_narration_options(CLI::App& cmd, Raw& raw) {
  cmd.add_option("--from", raw.from, "Input format: plain, markdown, html or json (default: by extension)");
  cmd.add_option("--encoding", raw.encoding, "Input encoding, e.g. windows-1252 or latin1 (default: UTF-8)");
  cmd.add_option("--rules", raw.rules, "Extra boilerplate rules file (TOML); repeatable")
      ->expected(1)
      ->allow_extra_args(false);
  cmd.add_option("--voice", raw.voice, "Voice profile name or .toml file (see `readaloud voices`)");
  cmd.add_option("--lang", raw.lang, "Language of the article, e.g. en, es, de, fr (default: from the input)");
  cmd.add_option("--rate", raw.rate, "Narration speed in words per minute, 80 to 450");
  cmd.add_option("--verbosity", raw.verbosity, "Structural announcements: minimal, normal or full");
  cmd.add_flag("--describe-images", raw.describe_images, "Speak images as \"Image: <alt text>\"");
  cmd.add_option("--lexicon", raw.lexicons, "Pronunciation lexicon (.pls or .toml); repeatable")
      ->expected(1)
      ->allow_extra_args(false);
}

RenderOptions to_options(const Raw& raw) {
  RenderOptions o;
  if (!raw.from.empty()) {
    o.ingest.format = parse_input_format(raw.from);
    if (!o.ingest.format) throw_usage("unknown input format '" + raw.from + "' (use plain, markdown, html or json)");
  }
  o.ingest.encoding = raw.encoding;
  for (const auto& r : raw.rules) o.ingest.rules_files.emplace_back(r);
  for (const auto& l : raw.lexicons) o.lexicons.emplace_back(l);
  o.voice = raw.voice;
  if (!raw.lang.empty()) o.language = raw.lang;
  if (raw.rate) o.rate_wpm = raw.rate;
  auto verbosity = parse_verbosity(raw.verbosity);
  if (!verbosity) throw_usage("unknown verbosity '" + raw.verbosity + "' (use minimal, normal or full)");
  o.narration.verbosity = *verbosity;
  o.narration.describe_images = raw.describe_images;

  o.output_dir = raw.output_dir;
  if (!raw.preset.empty()) apply_preset(o, raw.preset);
  auto format = parse_audio_format(raw.format);
  if (!format) throw_usage("unknown audio format '" + raw.format + "' (use mp3, opus, ogg, flac, wav or m4b)");
  o.format = *format;
  if (raw.bitrate) {
    if (raw.bitrate < 8 || raw.bitrate > 320) throw_usage("--bitrate must be between 8 and 320 kbps");
    o.bitrate_kbps = raw.bitrate;
  }
  if (raw.sample_rate) {
    if (raw.sample_rate < 8000 || raw.sample_rate > 96000) throw_usage("--sample-rate must be between 8000 and 96000 Hz");
    o.sample_rate = raw.sample_rate;
  }
  if (raw.loudness == "off") {
    o.loudness_lufs.reset();
  } else {
    std::size_t used = 0;
    double lufs = 0;
    try {
      lufs = std::stod(raw.loudness, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != raw.loudness.size() || lufs < -40 || lufs > -5)
      throw_usage("--loudness must be a LUFS value from -40 to -5, or off");
    o.loudness_lufs = lufs;
  }
  o.sidecars = parse_sidecars(raw.sidecars);
  o.split_chapters = raw.split_chapters;
  o.metadata.title = raw.title;
  o.metadata.author = raw.author;
  o.metadata.album = raw.album;
  o.metadata.date = raw.date;
  o.metadata.cover_path = raw.cover;
  return o;
}

int report(const Error& e) {
  std::cerr << "readaloud: error: " << e.what() << "\n";
  if (e.kind() == ErrorKind::Interrupted) return 128 + (interrupted() ? interrupted() : 2);
  return exit_code(e.kind());
}

int run_render(const Raw& raw) {
  RenderOptions options = to_options(raw);
  std::vector<std::string> inputs = raw.inputs;
  if (inputs.empty()) inputs.push_back("");  // the bundled sample
  std::vector<std::string> names;
  for (const auto& input : inputs) names.push_back(input.empty() ? "bundled sample" : input);
  if (raw.jobs < 0) throw_usage("--jobs must be at least 1");
  int jobs = raw.jobs ? raw.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const ProgressMode mode = parse_progress_mode(raw.progress);
  const std::vector<std::string> slugs = plan_batch(inputs, options);

  Progress progress(raw.quiet ? ProgressMode::None : mode, names);
  BatchEvents events;
  events.progress = [&](std::size_t i, double f) { progress.update(i, f); };
  events.finished = [&](const BatchItem& item) {
    progress.clear();
    if (item.exit_code == 0) {
      for (const auto& p : item.paths) std::cout << p.string() << "\n";
      std::cout << std::flush;
      progress.done(item.index, item.paths.empty() ? names[item.index] : item.paths.front().filename().string());
    } else {
      std::cerr << "readaloud: error: " << item.error << "\n";
      progress.done(item.index, "");
    }
  };
  std::vector<BatchItem> results;
  try {
    results = render_batch(inputs, options, jobs, events, slugs);
  } catch (const Error&) {
    progress.clear();
    throw;
  }
  // The first failure in input order sets the exit code, whatever order
  // the workers finished in.
  int first_failure = 0;
  std::vector<std::string> failures;
  for (const auto& item : results)
    if (item.exit_code != 0) {
      if (!first_failure) first_failure = item.exit_code;
      failures.push_back(names[item.index]);
    }
  if (inputs.size() > 1 && !raw.quiet) {
    std::cerr << "readaloud: " << inputs.size() - failures.size() << " rendered, " << failures.size() << " failed";
    for (std::size_t i = 0; i < failures.size(); ++i) std::cerr << (i ? ", " : ": ") << failures[i];
    std::cerr << "\n";
  }
  return first_failure;
}

int run_inspect(const Raw& raw) {
  RenderOptions options = to_options(raw);
  const std::string& input = raw.inputs.front();
  Prepared prepared = prepare(input, read_input(input), options);
  std::cout << (raw.json ? script_json(prepared.script) : inspect_text(prepared));
  return 0;
}

int run_voices() {
  const auto installed = EspeakEngine::instance().installed_voices();
  // The eSpeak NG name of a language ("es" -> "Spanish (Spain)"), to show
  // each profile's language in English beside its own description.
  auto language_name = [&](std::string lang) {
    for (auto& c : lang) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string primary = lang.substr(0, lang.find('-'));
    for (const std::string& want : {lang, primary})
      for (const auto& [name, languages] : installed) {
        std::istringstream tokens(languages);
        for (std::string token; tokens >> token;)
          if (token == want) return want == lang && lang.find('-') != std::string::npos
                                        ? name
                                        : name.substr(0, name.find(" ("));  // "French (Belgium)" -> "French"
      }
    return std::string("?");
  };
  std::cout << "Voice profiles (use --voice NAME):\n";
  for (const auto& name : voice_profile_names()) {
    VoiceProfile p = load_voice_profile(name);
    std::cout << "  " << name << "  [" << p.language << "] " << language_name(p.language) << ": " << p.description
              << "\n";
  }
  std::cout << "\neSpeak NG voices installed (usable in a profile's voice = \"...\"):\n";
  for (const auto& [name, languages] : installed) std::cout << "  " << languages << "  " << name << "\n";
  return 0;
}

}  // namespace

int run(int argc, char** argv) {
  install_signal_handlers();
  CLI::App app{"readaloud: turns articles into narrated audio with a chapter for each section,\n"
               "and makes risk warnings impossible to miss."};
  app.set_version_flag("--version", std::string("readaloud ") + READALOUD_VERSION);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 success, 1 runtime failure, 2 usage error, 3 unusable input, 130/143 interrupted.");

  Raw raw;
  CLI::App* render = app.add_subcommand("render", "Render articles into audio files with chapters and sidecars");
  render->add_option("INPUT", raw.inputs, "Article files (.txt, .md, .html, .json), or - for standard input; none: the bundled sample");
  render->add_option("-o,--output", raw.output_dir, "Output folder (default: output)");
  render->add_option("--format", raw.format, "Audio format: mp3, opus, ogg, flac, wav or m4b (default: mp3)");
  render->add_option("--bitrate", raw.bitrate, "Bitrate in kbps for lossy formats (default: 64, constant)");
  render->add_option("--sample-rate", raw.sample_rate, "Output sample rate in Hz (default: the engine's 22050)");
  render->add_option("--loudness", raw.loudness, "Target loudness in LUFS, or off (default: -16)");
  render->add_option("--sidecars", raw.sidecars,
                     "Sidecar files: all, or a list of chapters.json,chapters.vtt,vtt,srt,cue,txt,ffmetadata (default: chapters.json,txt)");
  render->add_flag("--split-chapters", raw.split_chapters,
                   "Also write one file per chapter into <slug>/, with an .m3u8 playlist");
  render->add_option("--preset", raw.preset, "podcast: MP3 mono 44.1 kHz 64 kbps at -16 LUFS with chapters JSON");
  render->add_option("--title", raw.title, "Title tag (default: the article's title)");
  render->add_option("--author", raw.author, "Artist/author tag");
  render->add_option("--album", raw.album, "Album tag");
  render->add_option("--date", raw.date, "Date tag");
  render->add_option("--cover", raw.cover, "Cover image (JPEG or PNG) to embed");
  render->add_option("--progress", raw.progress, "Progress on standard error: auto, plain or none");
  render->add_option("-j,--jobs", raw.jobs, "Cores to use: worker processes for several inputs, or speech processes and threads for one (default: the number of cores)");
  render->add_flag("-q,--quiet", raw.quiet, "No progress or summary; errors only");
  add_narration_options(*render, raw);
  render->footer(kRenderExamples);

  CLI::App* inspect = app.add_subcommand("inspect", "Show the structure found and exactly what would be spoken");
  inspect->add_option("INPUT", raw.inputs, "Article file, or - for standard input")->required()->expected(1);
  inspect->add_flag("--json", raw.json, "Print the narration script as JSON");
  add_narration_options(*inspect, raw);
  inspect->footer("\nExamples:\n  readaloud inspect article.txt\n  readaloud inspect article.md --json --verbosity full\n");

  app.add_subcommand("voices", "List the voice profiles and the installed eSpeak NG voices");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string what = e.what();
    std::cerr << "readaloud: error: " << what << " (see readaloud --help)\n";
    return exit_code(ErrorKind::Usage);
  }

  try {
    if (render->parsed()) return run_render(raw);
    if (inspect->parsed()) return run_inspect(raw);
    return run_voices();
  } catch (const Error& e) {
    return report(e);
  } catch (const std::bad_alloc&) {
    std::cerr << "readaloud: error: out of memory\n";
    return exit_code(ErrorKind::Runtime);
  } catch (const std::exception& e) {
    std::cerr << "readaloud: error: " << e.what() << "\n";
    return exit_code(ErrorKind::Runtime);
  }
}

}  // namespace readaloud::cli
