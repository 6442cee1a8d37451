#include "render/render.hpp"

#include <thread>
#include <tuple>

#include "analyze/warning_cues.hpp"
#include "analyze/warning_detector.hpp"
#include "analyze/warning_model.hpp"
#include "narrate/normalizer.hpp"
#include "render/book.hpp"
#include "render/language_choice.hpp"
#include "render/steps.hpp"
#include "synth/espeak_engine.hpp"
#include "synth/voice_catalog.hpp"
#include "util/atomic_file.hpp"
#include "util/embedded.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace readaloud {
namespace fs = std::filesystem;

namespace {

Lexicon load_lexicons(const std::vector<fs::path>& paths) {
  Lexicon all;
  for (const auto& path : paths) {
    Lexicon one = ascii_lower(path.extension().string()) == ".toml" ? load_toml_lexicon(path) : load_pls_lexicon(path);
    all.entries.insert(all.entries.end(), one.entries.begin(), one.entries.end());
  }
  return all;
}

}  // namespace

std::pair<std::string, std::string> bundled_sample() {
  for (const auto& file : embedded_files())
    if (file.path.starts_with("data/sample/"))
      return {std::string(file.content), std::string(fs::path(file.path).filename())};
  throw_runtime("the bundled sample article is missing from this build");
}

Prepared prepare(const std::string& name, std::string_view bytes, const RenderOptions& options) {
  return prepare_article(name, ingest(name, bytes, options.ingest), options);
}

Prepared prepare_article(const std::string& name, Article article, const RenderOptions& options) {
  Prepared p;
  p.article = std::move(article);
  LanguageChoice choice = choose_language(name, p.article, options);
  const std::string language = choice.language;
  p.profile = std::move(choice.voice.profile);
  p.article.language = language;
  if (options.rate_wpm) p.profile = with_rate(p.profile, *options.rate_wpm);

  // Cues and number words follow the voice: Galician text read in Portuguese.
  detect_warnings(p.article, warning_cues_for(choice.speech_language), options.warnings);
  Normalizer normalizer(choice.speech_language, load_lexicons(options.lexicons));
  p.script = plan_narration(p.article, p.profile, options.narration, normalizer);
  p.script.voice = choice.voice.espeak_voice;
  p.script.language_note = choice.note;
  return p;
}

Article readable_article(const std::string& name, std::string_view bytes, const RenderOptions& options) {
  try {
    return prepare(name, bytes, options).article;
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Usage || options.language) throw;
  }
  Article article = ingest(name, bytes, options.ingest);
  detect_warnings(article, warning_cues_for(article.language), options.warnings);
  return article;
}

namespace {

/// Reads and prepares one input, or prepares the article a batch plan ingested.
Prepared prepare_input(const std::string& input, const RenderOptions& options, const Article* ingested) {
  std::string name = input;
  std::string bytes;
  if (input.empty()) std::tie(bytes, name) = bundled_sample();
  if (ingested) return prepare_article(name, *ingested, options);
  if (!input.empty()) bytes = read_input(input);
  return prepare(name, bytes, options);  // the bytes are freed before any audio is made
}

/// What a render needs that does not depend on its article, made on a helper
/// thread while this one reads and prepares the article: eSpeak NG started
/// with its voice list (about 10 ms on one core) and the warning model
/// parsed (about 11 ms). Only when the render may use more than one core;
/// joined before the engine is used or any process is forked. A failure on
/// the helper is left for the render to meet again and report.
class StartAhead {
 public:
  explicit StartAhead(const RenderOptions& options) {
    if (options.threads < 2) return;
    const bool warnings = options.warnings != WarningLevel::Off;
    helper_ = std::thread([warnings] {
      try {
        if (warnings) (void)WarningModel::builtin();  // needed first: the article is ready sooner
        EspeakEngine::start_ahead();
      } catch (...) {
      }
    });
  }
  ~StartAhead() { join(); }
  StartAhead(const StartAhead&) = delete;
  StartAhead& operator=(const StartAhead&) = delete;
  void join() {
    if (helper_.joinable()) helper_.join();
  }

 private:
  std::thread helper_;
};

}  // namespace

std::vector<fs::path> render_input(const std::string& input, const RenderOptions& options, const ProgressFn& progress,
                                   const Article* ingested) {
  StartAhead ahead(options);
  const Prepared prepared = prepare_input(input, options, ingested);
  ahead.join();

  ensure_output_dir(options.output_dir);
  const std::string slug = options.slug.empty() ? slugify(prepared.script.title) : options.slug;
  const fs::path base = options.output_dir / slug;
  fs::path audio_target = base;
  audio_target += std::string(".") + extension(options.format);
  if (options.book) audio_target = book_target(base, *options.book);
  try {
    if (options.book) return {render_book(prepared, options, base, progress)};
    const RenderTools tools{EspeakEngine::instance(), fork_speech_processes()};
    return render_article(prepared, options, options.output_dir, slug, tools, progress).files;
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

}  // namespace readaloud
