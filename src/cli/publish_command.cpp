#include "cli/publish_command.hpp"

#include <iostream>
#include <thread>

#include "cli/progress.hpp"
#include "render/publish.hpp"
#include "util/error.hpp"

namespace readaloud::cli {

struct PublishCommand::Raw {
  std::vector<std::string> inputs;
  std::string site;
  std::string base_url, title, description, author, owner_email, category, language;
  std::string cover;
  std::string voice, lang, verbosity = "normal";
  int rate = 0;
  int bitrate = 0;
  std::string loudness = "-16";
  int jobs = 0;
  bool force = false, keep_removed = false, quiet = false;
  std::string progress = "auto";
  std::string shard, shard_count;
  std::string assemble;
  bool allow_failures = false;
};

namespace {

constexpr const char* kExamples = R"(
Examples:
  readaloud publish articles/ -o site/ --base-url https://example.org/audio
  readaloud publish articles.xml -o site/ --base-url https://example.org/audio --feed-title "Health Desk"
  readaloud publish articles/ -o site/          (again: renders only what changed)
  readaloud publish articles/ -o site/ --shard 2/8     (one of 8 tasks; see docs/cluster.md)
  readaloud publish --assemble site/                   (after all 8: feed.xml and index.html)

The site: feed.xml (podcast RSS), index.html, <slug>/index.html (player page)
with <slug>.mp3, .chapters.json, .chapters.vtt, .vtt and .txt beside it, and
.readaloud/manifest.json. Channel settings may also come from site/publish.toml
(title, description, link, language, author, owner_name, owner_email, category,
explicit, locked, base_url, cover).
)";

std::optional<std::string> given(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

}  // namespace

PublishCommand::PublishCommand(CLI::App& app) : raw_(std::make_unique<Raw>()) {
  Raw& r = *raw_;
  cmd_ = app.add_subcommand("publish", "Render articles into a podcast feed and a site of accessible player pages");
  cmd_->add_option("INPUT", r.inputs, "Article files, folders of them, or RSS/Atom feeds of articles");
  cmd_->add_option("-o,--output", r.site, "Site folder");
  cmd_->add_option("--base-url", r.base_url, "Public http(s) URL the site folder is served at");
  cmd_->add_option("--feed-title", r.title, "Podcast title");
  cmd_->add_option("--feed-description", r.description, "Podcast description");
  cmd_->add_option("--author", r.author, "Podcast author (itunes:author)");
  cmd_->add_option("--owner-email", r.owner_email, "Owner e-mail (itunes:owner, podcast:locked owner)");
  cmd_->add_option("--category", r.category, "Apple Podcasts category, e.g. \"Health & Fitness/Medicine\"");
  cmd_->add_option("--language", r.language, "Language of the podcast (default: en)");
  cmd_->add_option("--cover", r.cover, "Cover image (JPEG or PNG) for the podcast");
  cmd_->add_option("--voice", r.voice, "Voice profile name or .toml file");
  cmd_->add_option("--lang", r.lang, "Language of the articles (default: from each input)");
  cmd_->add_option("--rate", r.rate, "Narration speed in words per minute, 80 to 450");
  cmd_->add_option("--verbosity", r.verbosity, "Structural announcements: minimal, normal or full");
  cmd_->add_option("--bitrate", r.bitrate, "MP3 bitrate in kbps (default: 64, constant)");
  cmd_->add_option("--loudness", r.loudness, "Target loudness in LUFS, or off (default: -16)");
  cmd_->add_option("-j,--jobs", r.jobs, "Worker processes (default: the number of cores)");
  cmd_->add_flag("--force", r.force, "Render every article again, changed or not");
  cmd_->add_flag("--keep-removed", r.keep_removed, "Keep the files of articles no longer among the inputs");
  cmd_->add_option("--shard", r.shard,
                   "Render only shard K of N (K/N), or auto: K and N from SLURM_ARRAY_TASK_ID/_COUNT, "
                   "JOB_COMPLETION_INDEX or PARALLEL_SEQ; writes SITE/.readaloud/parts/shard-K-of-N.json, "
                   "not the feed");
  cmd_->add_option("--shard-count", r.shard_count, "N for --shard auto (Kubernetes, GNU parallel)");
  cmd_->add_option("--assemble", r.assemble,
                   "Merge the shards' manifest parts of this site into feed.xml and index.html (no INPUT, no -o)");
  cmd_->add_flag("--allow-failures", r.allow_failures, "With --assemble: publish even when shards list failed articles");
  cmd_->add_option("--progress", r.progress, "Progress on standard error: auto, plain or none");
  cmd_->add_flag("-q,--quiet", r.quiet, "No progress or summary; errors only");
  cmd_->footer(kExamples);
}

PublishCommand::~PublishCommand() = default;

bool PublishCommand::parsed() const { return cmd_->parsed(); }

int PublishCommand::run_assemble() {
  const Raw& r = *raw_;
  // Everything else comes from the parts, so a setting given here would be ignored: refuse it.
  for (const auto* option : cmd_->get_options()) {
    const std::string name = option->get_name();
    if (option->count() > 0 && name != "--assemble" && name != "--allow-failures" && name != "--quiet" &&
        name != "--progress" && name != "--help")
      throw_usage("--assemble SITE takes no " + (name.empty() || name[0] != '-' ? "INPUT" : name) +
                  ": the inputs, channel and audio settings come from the shards' parts");
  }
  const AssembleSummary summary = assemble_site(r.assemble, r.allow_failures);
  for (const auto& f : summary.failures)
    std::cerr << "readaloud: " << (r.allow_failures ? "warning" : "error") << ": not published: " << f.error << "\n";
  if (!summary.written) {
    std::cerr << "readaloud: error: " << summary.failures.size()
              << " article(s) failed in the shards; nothing written (--allow-failures publishes the rest)\n";
    return exit_code(ErrorKind::Runtime);
  }
  for (const auto& f : summary.site_files) std::cout << f.string() << "\n";
  if (!r.quiet) {
    std::cerr << "readaloud: assembled " << summary.episodes << " episodes from " << summary.parts << " parts, "
              << summary.removed << " removed";
    if (!summary.failures.empty()) std::cerr << ", " << summary.failures.size() << " failed";
    std::cerr << "\n";
  }
  return 0;
}

int PublishCommand::run() {
  const Raw& r = *raw_;
  if (!r.assemble.empty()) return run_assemble();
  if (r.inputs.empty() || r.site.empty()) throw_usage("publish needs INPUT... and -o SITE (or --assemble SITE)");
  if (r.allow_failures) throw_usage("--allow-failures goes with --assemble SITE");
  PublishOptions o;
  o.shard = shard_from_options(r.shard, r.shard_count, process_environment());
  o.inputs = r.inputs;
  o.site = r.site;
  o.channel = {given(r.base_url), given(r.title), given(r.description), given(r.author),
               given(r.owner_email), given(r.category), given(r.language)};
  o.cover = r.cover;
  apply_preset(o.render, "podcast");
  o.render.voice = r.voice;
  if (!r.lang.empty()) o.render.language = r.lang;
  if (r.rate) o.render.rate_wpm = r.rate;
  const auto verbosity = parse_verbosity(r.verbosity);
  if (!verbosity) throw_usage("unknown verbosity '" + r.verbosity + "' (use minimal, normal or full)");
  o.render.narration.verbosity = *verbosity;
  if (r.bitrate) {
    if (r.bitrate < 8 || r.bitrate > 320) throw_usage("--bitrate must be between 8 and 320 kbps");
    o.render.bitrate_kbps = r.bitrate;
  }
  if (r.loudness == "off") o.render.loudness_lufs.reset();
  else {
    std::size_t used = 0;
    double lufs = 0;
    try {
      lufs = std::stod(r.loudness, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != r.loudness.size() || lufs < -40 || lufs > -5) throw_usage("--loudness must be a LUFS value from -40 to -5, or off");
    o.render.loudness_lufs = lufs;
  }
  if (r.jobs < 0) throw_usage("--jobs must be at least 1");
  o.jobs = r.jobs ? r.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  o.force = r.force;
  o.keep_removed = r.keep_removed;
  const ProgressMode mode = r.quiet ? ProgressMode::None : parse_progress_mode(r.progress);

  std::unique_ptr<Progress> progress;
  PublishEvents events;
  events.start = [&](const std::vector<std::string>& names) { progress = std::make_unique<Progress>(mode, names); };
  events.progress = [&](std::size_t i, double f) {
    if (progress) progress->update(i, f);
  };
  events.finished = [&](std::size_t i, const std::vector<std::filesystem::path>& files, const std::string& error) {
    if (progress) progress->clear();
    if (!error.empty()) std::cerr << "readaloud: error: " << error << "\n";
    for (const auto& f : files) std::cout << f.string() << "\n";
    std::cout << std::flush;
    if (progress && i != static_cast<std::size_t>(-1))
      progress->done(i, files.empty() ? std::string() : files.front().filename().string());
  };
  PublishSummary summary;
  try {
    summary = publish_site(o, events);
  } catch (const Error&) {
    if (progress) progress->clear();
    throw;
  }
  if (progress) progress->clear();
  for (const auto& f : summary.site_files) std::cout << f.string() << "\n";
  if (!r.quiet) {
    std::cerr << "readaloud: ";
    if (o.shard) std::cerr << "shard " << o.shard->index << "/" << o.shard->count << ": ";
    std::cerr << summary.rendered << " rendered, " << summary.unchanged << " unchanged, ";
    if (o.shard) std::cerr << summary.other_shards << " in other shards";
    else std::cerr << summary.removed << " removed";
    if (summary.failed) std::cerr << ", " << summary.failed << " failed";
    std::cerr << "\n";
  }
  return summary.first_failure_code;
}

}  // namespace readaloud::cli
