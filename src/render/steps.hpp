#pragma once
// The steps of rendering one prepared article, each a function of its
// inputs: speak, measure and limit, encode (with split parts), write
// sidecars, commit. render_article() runs them in order; talking books and
// publishing reuse the steps they need. The speech engine and the launcher
// of speech processes are passed in, so the steps run in unit tests with a
// fake synthesizer.

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "audio/limiter.hpp"
#include "audio/loudness_target.hpp"
#include "audio/spill.hpp"
#include "narrate/script.hpp"
#include "output/audio_format.hpp"
#include "output/sidecar.hpp"
#include "output/timeline.hpp"
#include "render/programme.hpp"
#include "render/speech_processes.hpp"
#include "synth/synthesizer.hpp"
#include "synth/voice_profile.hpp"
#include "util/atomic_file.hpp"

namespace readaloud {

struct Prepared;
struct RenderOptions;

/// Starts a process that speaks `script` from `from` up to `to` into `tail`
/// (see SpeechProcess). Throwing Error means "no more processes to be had":
/// speak() then speaks everything itself.
using SpeechLauncher = std::function<std::unique_ptr<SpeechProcess>(
    const Script& script, ScriptPosition from, ScriptPosition to, const VoiceProfile& profile, Synthesizer& synth,
    SpillFile& tail)>;

/// The real launcher: forks a SpeechProcess.
SpeechLauncher fork_speech_processes();

/// What the render steps are given besides their data: the speech engine
/// and how to start speech processes (empty: never; one process speaks all).
struct RenderTools {
  Synthesizer& synth;
  SpeechLauncher launcher;
};

/// Peak ceiling before encoding (dBFS): room for the encoder's overshoot so
/// the decoded file stays at or below -1 dBTP.
inline constexpr double kRenderCeilingDbfs = kDefaultCeilingDbfs;

/// Step 1's result: the programme at the synthesizer's rate in a spill file,
/// its finished timeline and, when it was metered on the way, its integrated
/// loudness.
struct Spoken {
  SpillFile spill;
  Timeline timeline;
  std::optional<double> lufs;
};

/// Step 1, speak: the whole script into a spill file. With `threads` > 1 and
/// enough text, later parts are spoken by processes from `tools.launcher`
/// (started before this process starts any thread), and nothing is metered;
/// alone, this process meters its speech, spilling and metering on a second
/// thread when it has one. `progress` hears 0..1.
void speak(const Script& script, const VoiceProfile& profile, const RenderTools& tools, int threads, Spoken& out,
           const ProgressFn& progress = {});

/// Step 2, measure and limit: one gain for the whole programme and a limiter
/// at kRenderCeilingDbfs, until it reaches `target_lufs`. nullopt when
/// `target_lufs` is nullopt (--loudness off: encode() then only catches overs).
std::optional<Leveled> measure_and_limit(const Spoken& spoken, std::optional<double> target_lufs, int threads,
                                            const ProgressFn& progress = {});

/// The output sample rate: --sample-rate, else the engine's; Opus takes only
/// its own rates (48 kHz by default). Throws Error(Usage) for a rate Opus refuses.
int output_rate(const RenderOptions& options, int engine_rate);

/// Throws Error(Runtime) when `spoken` at `rate` Hz would not fit in a WAV
/// file (32-bit RIFF sizes), suggesting FLAC.
void check_wav_fits(const Spoken& spoken, int rate);

/// Step 3, encode: the programme (limited, or through a unity-gain limiter
/// when `normalized` is nullopt) into `audio_path` and, when `part_paths` is
/// not empty, each chapter into its part (split mode, cut from the same
/// stream). A WAV at the engine's rate without parts is written straight from
/// the limited spill file on all threads. Tags are not written here.
void encode(Spoken& spoken, std::optional<Leveled>& normalized, const EncodeOptions& encode,
            const std::filesystem::path& audio_path, const std::vector<std::filesystem::path>& part_paths,
            const ProgressFn& progress = {});

/// The tags of an article's audio: `options.metadata`, its empty fields
/// filled from the article and its script.
Metadata article_metadata(const Prepared& prepared, const RenderOptions& options);

/// Split mode's files: part i of `timeline` at `folder`/NN-<chapter>.<ext>,
/// as temporaries, in chapter order.
std::vector<AtomicFile> part_files(const std::filesystem::path& folder, const Timeline& timeline, AudioFormat format);

/// Tags each part (track i of n, album = the whole's title) and writes the
/// M3U8 playlist `base`.m3u8 listing them (relative to the output folder).
/// Returns the playlist's temporary.
AtomicFile tag_parts_and_list(const std::vector<AtomicFile>& parts, const Timeline& timeline, const Metadata& meta,
                              AudioFormat format, const std::filesystem::path& base);

/// Step 4, write sidecars: one temporary per sidecar at `base` + its suffix.
std::vector<AtomicFile> write_sidecars(const std::vector<Sidecar>& sidecars, const std::filesystem::path& base,
                                       const Script& script, const Timeline& timeline, const Metadata& meta,
                                       const std::string& audio_name);

/// Step 5, commit: checks for an interrupt, then renames every temporary into
/// place in order. Returns the paths written.
std::vector<std::filesystem::path> commit(std::vector<AtomicFile>& files);

/// One article rendered: where it went and the timeline, for callers that
/// package the files (podcasts, books).
struct RenderedArticle {
  std::vector<std::filesystem::path> files;  ///< audio first, then sidecars, then split parts and playlist
  Timeline timeline;
  Metadata metadata;
};

/// All the steps for one prepared article: audio, split parts and sidecars
/// of `options`, named `folder`/`slug`.<ext>. Everything is committed at the
/// end or not at all (a failure or an interrupt leaves nothing behind and
/// keeps older files). `progress` hears 0..1.
RenderedArticle render_article(const Prepared& prepared, const RenderOptions& options,
                               const std::filesystem::path& folder, const std::string& slug,
                               const RenderTools& tools, const ProgressFn& progress = {});

/// `progress` seen through a window: reports from..to as the step goes 0..1.
ProgressFn progress_window(const ProgressFn& progress, double from, double to);

}  // namespace readaloud
