#pragma once
// The orchestration: runs every stage for one input. The only place that
// knows every stage; the audio steps are in render/steps.hpp, names in
// render/naming.hpp, presets in render/presets.hpp, batches in render/batch.hpp.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "analyze/warning_level.hpp"
#include "document/article.hpp"
#include "ingest/ingest.hpp"
#include "narrate/planner.hpp"
#include "narrate/script.hpp"
#include "output/audio_format.hpp"
#include "output/sidecar.hpp"
#include "output/timeline.hpp"
#include "publish/book_format.hpp"
#include "render/naming.hpp"
#include "render/presets.hpp"
#include "render/programme.hpp"
#include "synth/voice_profile.hpp"

namespace readaloud {

/// Everything `render` and `inspect` can be told. Empty optionals mean "use
/// the default for this article" (from its language, its metadata, the profile).
struct RenderOptions {
  IngestOptions ingest;
  NarrationOptions narration;
  std::string voice;                       ///< profile name or .toml path; "" = by language
  std::optional<std::string> language;     ///< --lang; overrides the input's
  std::optional<int> rate_wpm;             ///< --rate
  std::vector<std::filesystem::path> lexicons;  ///< --lexicon (.pls or .toml)
  WarningLevel warnings = WarningLevel::Balanced;  ///< --warnings

  std::filesystem::path output_dir = "output";
  AudioFormat format = AudioFormat::Mp3;
  int bitrate_kbps = 64;
  std::optional<int> sample_rate;          ///< --sample-rate; default: the engine's
  std::optional<double> loudness_lufs = -16.0;  ///< nullopt: --loudness off
  std::vector<Sidecar> sidecars = {Sidecar::ChaptersJson, Sidecar::Txt};
  bool split_chapters = false;
  Metadata metadata;                       ///< non-empty fields override the article's
  std::string slug;                        ///< output file name stem; "" = from the title
  std::optional<BookFormat> book;          ///< --format daisy|epub: a talking book instead of audio + sidecars
  std::string identifier;                  ///< --identifier of a book; "" = stable, from the article and options
  std::string publisher;                   ///< --publisher of a book; "" = the site, else the author
  int threads = 2;                         ///< cores one render may use (speech processes, threads); batch workers use 1
};

/// An article taken as far as the narration script.
struct Prepared {
  Article article;
  VoiceProfile profile;
  Script script;
};

/// Ingest, analyze and plan one input (no audio). `name` is the path or "-".
Prepared prepare(const std::string& name, std::string_view bytes, const RenderOptions& options);

/// Analyze and plan an article already ingested from `name`.
Prepared prepare_article(const std::string& name, Article article, const RenderOptions& options);

/// The article `prepare` would narrate, as `extract` prints it. When no voice
/// speaks the text's identified language (and none was asked for), there is
/// nothing to narrate, but the article is still there to read: ingested, its
/// warnings found with its own language's cues (English where it has none).
Article readable_article(const std::string& name, std::string_view bytes, const RenderOptions& options);

/// Renders one input (a path or "-"; "" = the bundled sample) into
/// options.output_dir and returns the paths written, audio first (a talking
/// book: its folder or file). Nothing is left behind on failure. `ingested`,
/// when given, is the input already ingested (by plan_batch): it is not read again.
std::vector<std::filesystem::path> render_input(const std::string& input, const RenderOptions& options,
                                                const ProgressFn& progress = {}, const Article* ingested = nullptr);

/// The bundled sample article (data/sample/*.txt) as bytes and a display name.
std::pair<std::string, std::string> bundled_sample();

}  // namespace readaloud
