#pragma once
// The orchestration: runs every stage for one article. The only place that
// knows every stage.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "document/article.hpp"
#include "ingest/ingest.hpp"
#include "narrate/planner.hpp"
#include "narrate/script.hpp"
#include "output/audio_format.hpp"
#include "output/sidecar.hpp"
#include "output/timeline.hpp"
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

  std::filesystem::path output_dir = "output";
  AudioFormat format = AudioFormat::Mp3;
  int bitrate_kbps = 64;
  std::optional<int> sample_rate;          ///< --sample-rate; default: the engine's
  std::optional<double> loudness_lufs = -16.0;  ///< nullopt: --loudness off
  std::vector<Sidecar> sidecars = {Sidecar::ChaptersJson, Sidecar::Txt};
  bool split_chapters = false;
  Metadata metadata;                       ///< non-empty fields override the article's
  std::string slug;                        ///< output file name stem; "" = from the title
  int threads = 2;                         ///< cores one render may use (speech processes, threads); batch workers use 1
};

/// Applies a named set of options. "podcast": MP3, mono, 44.1 kHz, 64 kbps
/// CBR, -16 LUFS, chapters JSON and transcript. Throws Error(Usage) for other names.
void apply_preset(RenderOptions& options, std::string_view name);

/// An article taken as far as the narration script.
struct Prepared {
  Article article;
  VoiceProfile profile;
  Script script;
};

/// Ingest, analyze and plan one input (no audio). `name` is the path or "-".
Prepared prepare(const std::string& name, std::string_view bytes, const RenderOptions& options);

/// Renders one input (a path or "-") into options.output_dir and returns the
/// paths written, audio first. Nothing is left behind on failure.
std::vector<std::filesystem::path> render_input(const std::string& input, const RenderOptions& options,
                                                const ProgressFn& progress = {});

/// What a batch can check before any work: the output folder is not a file
/// (Error Runtime) and the cover is a usable image (Error Input). Returns the
/// output slug of each input, made unique within the batch ("title",
/// "title-2", ...); "" where the input cannot be read or parsed (its render
/// reports why) or is standard input.
std::vector<std::string> plan_batch(const std::vector<std::string>& inputs, const RenderOptions& options);

/// ASCII, lowercase, hyphen-separated slug of a title ("Café & Co." -> "cafe-co").
std::string slugify(std::string_view title);

/// The bundled sample article (data/sample/*.txt) as bytes and a display name.
std::pair<std::string, std::string> bundled_sample();

}  // namespace readaloud
