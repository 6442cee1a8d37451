#include "render/publish.hpp"

#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <nlohmann/json.hpp>
#include <set>
#include <unistd.h>

#include "ingest/feed_parser.hpp"
#include "publish/manifest.hpp"
#include "publish/parts.hpp"
#include "publish/player.hpp"
#include "publish/player_text.hpp"
#include "publish/site.hpp"
#include "render/batch.hpp"
#include "render/naming.hpp"
#include "render/shard.hpp"
#include "util/atomic_file.hpp"
#include "util/error.hpp"
#include "util/fd.hpp"
#include "util/markup.hpp"

namespace readaloud {
namespace {

namespace fs = std::filesystem;

/// One article to publish, wherever it came from.
struct Source {
  std::string id;     // stable: path relative to the input root, or "feed:" + item id
  std::string name;   // as shown to the user
  std::string path;   // the file the renderer reads
  std::string bytes;
  std::string hash;
  std::string link;   // a feed item's own page
};

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool is_feed_file(const fs::path& path, std::string_view bytes) {
  const std::string ext = lower(path.extension().string());
  if (ext == ".xml" || ext == ".rss" || ext == ".atom") return true;
  if (format_from_extension(path)) return false;
  return looks_like_feed(bytes);
}

// Feed items become small HTML pages in the work folder, which render reads.
void add_feed(const std::string& input, const std::string& bytes, const fs::path& work, std::vector<Source>& out) {
  const ArticleFeed feed = parse_article_feed(bytes, input);
  fs::create_directories(work / "items");
  for (const auto& item : feed.items) {
    Source s;
    s.id = "feed:" + feed_item_id(item);
    s.name = input + ": " + (item.title.empty() ? s.id : item.title);
    s.bytes = feed_item_page(item, feed.language);
    s.hash = sha256_hex(s.bytes);
    s.path = (work / "items" / (sha256_hex(s.id).substr(0, 16) + ".html")).string();
    s.link = item.link;
    write_file_atomically(s.path, s.bytes);
    out.push_back(std::move(s));
  }
}

void add_file(const std::string& path, std::string id, const fs::path& work, std::vector<Source>& out) {
  std::string bytes = read_input(path);
  if (is_feed_file(path, bytes)) return add_feed(path, bytes, work, out);
  Source s{std::move(id), path, path, std::move(bytes), {}, {}};
  s.hash = sha256_hex(s.bytes);
  out.push_back(std::move(s));
}

std::vector<Source> collect_sources(const std::vector<std::string>& inputs, const fs::path& work) {
  std::vector<Source> out;
  for (const auto& input : inputs) {
    std::error_code ec;
    if (!fs::is_directory(input, ec)) {
      add_file(input, fs::path(input).filename().string(), work, out);
      continue;
    }
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(input, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      const std::string leaf = it->path().filename().string();
      if (!leaf.empty() && leaf[0] == '.') {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      const std::string ext = lower(it->path().extension().string());
      if (it->is_regular_file() && (format_from_extension(it->path()) || ext == ".xml" || ext == ".rss" || ext == ".atom"))
        files.push_back(it->path());
    }
    if (ec) throw_input("cannot read the folder: " + ec.message(), Location{input});
    std::sort(files.begin(), files.end());
    for (const auto& f : files) add_file(f.string(), fs::relative(f, input).generic_string(), work, out);
  }
  std::set<std::string> ids;
  for (const auto& s : out)
    if (!ids.insert(s.id).second) throw_usage("two inputs have the same id '" + s.id + "' (" + s.name + ")");
  return out;
}

std::string file_hash(const fs::path& path) { return sha256_hex(read_input(path.string())); }

// Everything that changes the audio of an article besides its own bytes.
std::string options_hash(const RenderOptions& o) {
  nlohmann::ordered_json j{{"voice", o.voice},
                           {"language", o.language.value_or("")},
                           {"rate", o.rate_wpm.value_or(0)},
                           {"verbosity", static_cast<int>(o.narration.verbosity)},
                           {"describe_images", o.narration.describe_images},
                           {"from", o.ingest.format ? to_string(*o.ingest.format) : ""},
                           {"encoding", o.ingest.encoding},
                           {"bitrate", o.bitrate_kbps},
                           {"sample_rate", o.sample_rate.value_or(0)},
                           {"loudness", o.loudness_lufs ? *o.loudness_lufs : 0.0},
                           {"loudness_off", !o.loudness_lufs}};
  for (const auto& l : o.lexicons) j["lexicons"].push_back(file_hash(l));
  for (const auto& r : o.ingest.rules_files) j["rules"].push_back(file_hash(r));
  return sha256_hex(j.dump());
}

// The time a publish stamps (lastBuildDate, the date of an undated article):
// now, or SOURCE_DATE_EPOCH when set, so that runs can be reproduced byte for byte.
std::string build_time() {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  long long seconds = 0;
  if (epoch == nullptr || std::from_chars(epoch, epoch + std::strlen(epoch), seconds).ptr != epoch + std::strlen(epoch) ||
      seconds < 0)
    return now_utc();
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string voice_version() { return std::string("espeak-ng ") + espeak_Info(nullptr); }

bool safe_slug(const std::string& slug) {
  return !slug.empty() && slug.size() <= 120 && slug.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
}

bool up_to_date(const Episode* e, const Source& s, const std::string& opts, const fs::path& site) {
  if (!e || !safe_slug(e->slug) || e->input_hash != s.hash || e->options_hash != opts ||
      e->program_version != READALOUD_VERSION || e->voice_version != voice_version())
    return false;
  const fs::path dir = site / e->slug;
  std::error_code ec;
  for (const auto& f : {e->audio, e->chapters_json, e->captions_vtt, e->chapters_vtt, e->transcript, std::string("index.html")})
    if (!f.empty() && !fs::is_regular_file(dir / f, ec)) return false;
  return fs::file_size(dir / e->audio, ec) == e->audio_bytes;
}

std::string unique_slug(std::string slug, const std::string& id, std::set<std::string>& taken) {
  if (slug.size() > 80) slug.resize(80);
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  // A title in a script that slugifies to nothing gets a name from its id.
  if (slug.empty()) slug = "article-" + sha256_hex(id).substr(0, 8);
  std::string candidate = slug;
  for (int n = 2; taken.count(candidate); ++n) candidate = slug + "-" + std::to_string(n);
  taken.insert(candidate);
  return candidate;
}

std::string read_text(const fs::path& path) { return path.empty() ? std::string() : read_input(path.string()); }

std::vector<ManifestChapter> read_chapters(const fs::path& path) {
  std::vector<ManifestChapter> out;
  try {
    const auto j = nlohmann::json::parse(read_text(path));
    for (const auto& c : j.at("chapters")) out.push_back({c.at("title").get<std::string>(), c.at("startTime").get<double>(), false});
  } catch (const nlohmann::json::exception& e) {
    throw_runtime(std::string("unreadable chapters file: ") + e.what(), Location{path.string()});
  }
  return out;
}

std::string first_paragraph(const Article& article) {
  for (const auto& section : article.sections)
    for (const auto& block : section.blocks)
      if (block.kind == BlockKind::Paragraph) {
        std::string text = clean_label(plain_text(block.text));
        if (text.size() > 600) {
          std::size_t cut = 597;
          while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
          text = text.substr(0, cut) + "…";
        }
        if (!text.empty()) return text;
      }
  return {};
}

int count_warnings(const PlayerText& text) {
  int n = 0;
  for (const auto& c : text.chapters) {
    if (c.warning) ++n;
    else
      for (const auto& b : c.blocks) n += b.warning ? 1 : 0;
  }
  return n;
}

/// What render produced for one article, by kind.
struct Rendered {
  fs::path audio, chapters_json, captions_vtt, chapters_vtt, transcript;
};

Rendered sort_outputs(const std::vector<fs::path>& paths) {
  Rendered r;
  for (const auto& p : paths) {
    const std::string name = p.filename().string();
    auto ends = [&](std::string_view suffix) { return name.size() > suffix.size() && name.ends_with(suffix); };
    if (ends(".mp3")) r.audio = p;
    else if (ends(".chapters.json")) r.chapters_json = p;
    else if (ends(".chapters.vtt")) r.chapters_vtt = p;
    else if (ends(".vtt")) r.captions_vtt = p;
    else if (ends(".txt")) r.transcript = p;
  }
  if (r.audio.empty()) throw_runtime("render produced no MP3 file");
  return r;
}

struct Job {
  const Source* source;
  const Episode* previous;
  Prepared prepared;
  std::string slug;
};

// Builds the episode and its player page from what render wrote, then moves
// the files into SITE/<slug>/, the page last.
Episode finish_episode(const Job& job, const Rendered& r, const fs::path& site, const Channel& channel,
                       const std::string& opts, std::vector<fs::path>& produced) {
  const Source& s = *job.source;
  const Article& article = job.prepared.article;
  Episode e;
  e.id = s.id;
  e.guid = job.previous ? job.previous->guid : "readaloud-" + sha256_hex("readaloud:" + s.id).substr(0, 32);
  e.slug = job.slug;
  e.title = clean_label(article.title);
  e.author = clean_label(article.author);
  e.language = job.prepared.script.language;
  e.link = is_web_url(s.link) ? s.link : std::string();
  e.summary = first_paragraph(article);
  const auto date = normalize_date(article.published);
  e.published = date ? *date : job.previous ? job.previous->published : build_time();
  e.input_hash = s.hash;
  e.options_hash = opts;
  e.program_version = READALOUD_VERSION;
  e.voice_version = voice_version();
  for (auto [from, to] : {std::pair{&r.audio, &e.audio}, {&r.chapters_json, &e.chapters_json},
                          {&r.captions_vtt, &e.captions_vtt}, {&r.chapters_vtt, &e.chapters_vtt},
                          {&r.transcript, &e.transcript}})
    *to = from->filename().string();
  e.audio_bytes = fs::file_size(r.audio);
  e.chapters = read_chapters(r.chapters_json);
  const auto cues = parse_webvtt(read_text(r.captions_vtt), r.captions_vtt.string());
  const auto chapter_cues = parse_webvtt(read_text(r.chapters_vtt), r.chapters_vtt.string());
  for (const auto& c : cues) e.duration_s = std::max(e.duration_s, c.end_s);
  for (const auto& c : chapter_cues) e.duration_s = std::max(e.duration_s, c.end_s);
  const PlayerText text = lay_out_text(job.prepared.script, e.chapters, cues);
  for (std::size_t i = 0; i < e.chapters.size() && i < text.chapters.size(); ++i) e.chapters[i].warning = text.chapters[i].warning;
  e.warnings = count_warnings(text);
  const std::string page = player_page(e, text, channel.title);

  const fs::path dir = site / e.slug;
  ensure_output_dir(dir);
  for (const fs::path* from : {&r.audio, &r.chapters_json, &r.captions_vtt, &r.chapters_vtt, &r.transcript}) {
    fs::rename(*from, dir / from->filename());
    produced.push_back(dir / from->filename());
  }
  write_file_atomically(dir / "index.html", page);
  produced.push_back(dir / "index.html");
  return e;
}

// Writes `content` unless the file already holds exactly these bytes.
bool write_if_changed(const fs::path& path, const std::string& content) {
  if (std::string old; read_whole_file(path.string(), old) && old == content) return false;
  write_file_atomically(path, content);
  return true;
}

/// Removes the work folder however publish ends.
struct WorkFolder {
  fs::path path;
  ~WorkFolder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

Channel resolve_channel(const PublishOptions& o, std::string& cover) {
  Channel ch;
  load_channel_config(o.site / "publish.toml", ch, cover);
  const ChannelOverrides& f = o.channel;
  for (auto [flag, field] : {std::pair{&f.base_url, &ch.base_url}, {&f.title, &ch.title}, {&f.description, &ch.description},
                             {&f.author, &ch.author}, {&f.owner_email, &ch.owner_email}, {&f.category, &ch.category},
                             {&f.language, &ch.language}})
    if (*flag) *field = clean_label(**flag);
  if (!o.cover.empty()) cover = o.cover;
  while (!ch.base_url.empty() && ch.base_url.back() == '/') ch.base_url.pop_back();
  if (ch.base_url.empty()) throw_usage("publish needs --base-url (or base_url in publish.toml): where the site will be served");
  if (!is_web_url(ch.base_url)) throw_usage("--base-url must be an http:// or https:// URL, not '" + ch.base_url + "'");
  return ch;
}

void install_cover(const fs::path& site, const std::string& cover, Channel& ch, bool write) {
  if (cover.empty()) return;
  const std::string ext = lower(fs::path(cover).extension().string());
  if (ext != ".jpg" && ext != ".jpeg" && ext != ".png") throw_usage("--cover must be a .jpg or .png image: " + cover);
  ch.cover_file = ext == ".png" ? "cover.png" : "cover.jpg";
  if (write) write_if_changed(site / ch.cover_file, read_input(cover));
}

}  // namespace

namespace {

RenderOptions audio_options(const PublishOptions& o, const Channel& ch, const std::filesystem::path& out) {
  RenderOptions r = o.render;
  r.output_dir = out;
  r.format = AudioFormat::Mp3;
  r.sidecars = {Sidecar::ChaptersJson, Sidecar::ChaptersVtt, Sidecar::Vtt, Sidecar::Txt};
  r.split_chapters = false;
  if (r.metadata.album.empty()) r.metadata.album = ch.title;
  return r;
}

/// Where a publish keeps what it has done: the episodes of the new manifest
/// (or of this shard's part) and the articles that failed.
struct Outcome {
  std::vector<Episode> episodes;
  std::vector<PartFailure> failures;
  std::function<void()> checkpoint;  ///< called after each article (a shard saves its part)
};

void record_failure(const Source& s, const Episode* previous, int code, const std::string& message,
                    PublishSummary& summary, Outcome& outcome) {
  ++summary.failed;
  if (!summary.first_failure_code) summary.first_failure_code = code;
  if (previous) outcome.episodes.push_back(*previous);  // its last good version stays published
  outcome.failures.push_back({s.id, s.name, message});
}

// Renders the jobs, turning each result into an episode as soon as it is
// done (so a shard killed later keeps it); failures keep the previous
// episode (if any) and are reported.
void render_jobs(std::vector<Job>& jobs, const PublishOptions& o, const Channel& ch, const std::filesystem::path& work,
                 const std::string& opts, const PublishEvents& events, PublishSummary& summary, Outcome& outcome) {
  std::vector<std::string> inputs, slugs, names;
  for (const auto& j : jobs) {
    inputs.push_back(j.source->path);
    slugs.push_back(j.slug);
    names.push_back(j.source->name);
  }
  if (events.start) events.start(names);
  if (jobs.empty()) return;
  // The checkpoint comes before the report, so whatever was reported done is saved.
  auto done = [&](std::size_t i, const std::vector<std::filesystem::path>& produced, const std::string& message) {
    if (outcome.checkpoint) outcome.checkpoint();
    if (events.finished) events.finished(i, produced, message);
  };
  auto fail = [&](std::size_t i, int code, const std::string& message) {
    record_failure(*jobs[i].source, jobs[i].previous, code, message, summary, outcome);
    done(i, {}, message);
  };
  BatchEvents batch;
  batch.progress = events.progress;
  batch.finished = [&](const BatchItem& item) {
    const std::size_t i = item.index;
    if (item.exit_code != 0) return fail(i, item.exit_code, item.error);
    try {
      std::vector<std::filesystem::path> produced;
      outcome.episodes.push_back(finish_episode(jobs[i], sort_outputs(item.paths), o.site, ch, opts, produced));
      ++summary.rendered;
      done(i, produced, {});
    } catch (const Error& e) {
      if (e.kind() == ErrorKind::Interrupted) throw;
      fail(i, exit_code(e.kind()), e.in_file(jobs[i].source->name).what());
    } catch (const std::filesystem::filesystem_error& e) {
      fail(i, 1, jobs[i].source->name + ": " + e.what());
    }
  };
  const RenderOptions ropts = audio_options(o, ch, work / "audio");
  ensure_output_dir(ropts.output_dir);
  BatchPlan plan(std::move(slugs));
  plan.fresh_process_each = true;
  render_batch(inputs, ropts, o.jobs, batch, plan);
}

}  // namespace

std::vector<std::filesystem::path> write_site(const std::filesystem::path& site, const Channel& ch, Manifest& manifest) {
  std::vector<std::filesystem::path> written;
  const std::string hash = sha256_hex(rss_feed(ch, manifest.episodes, ""));
  if (hash != manifest.feed_hash || manifest.last_build.empty()) {
    manifest.feed_hash = hash;
    manifest.last_build = rfc822_date(build_time());
  }
  ensure_output_dir(manifest_path(site).parent_path());
  write_if_changed(manifest_path(site), manifest_json(manifest));
  if (write_if_changed(site / "feed.xml", rss_feed(ch, manifest.episodes, manifest.last_build)))
    written.push_back(site / "feed.xml");
  if (write_if_changed(site / "index.html", site_index(ch, manifest.episodes)))
    written.push_back(site / "index.html");
  return written;
}

int remove_dropped(const std::filesystem::path& site, const Manifest& previous, const Manifest& next, bool keep_files) {
  int removed = 0;
  for (const auto& e : previous.episodes) {
    if (find_episode(next, e.id)) continue;
    ++removed;
    if (!keep_files && safe_slug(e.slug) &&
        !std::any_of(next.episodes.begin(), next.episodes.end(), [&](const Episode& n) { return n.slug == e.slug; }))
      std::filesystem::remove_all(site / e.slug);
  }
  return removed;
}

namespace {

/// Slugs for every article of the whole input list, the same in one process
/// and in every shard: one the manifest has keeps its slug, a new one is
/// named from its title, in input order, so collisions are settled the same
/// way whichever shard renders it. Articles are kept for `mine` only.
struct Naming {
  std::vector<std::string> slugs;               ///< "" = the article cannot be read (its render says why)
  std::vector<std::optional<Article>> articles;
};

Naming name_articles(const std::vector<Source>& sources, const Manifest& previous, const RenderOptions& base,
                     const std::function<bool(const Source&)>& mine) {
  Naming n;
  n.slugs.resize(sources.size());
  n.articles.resize(sources.size());
  std::set<std::string> taken;
  for (const auto& e : previous.episodes) taken.insert(e.slug);
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const Source& s = sources[i];
    const Episode* old = find_episode(previous, s.id);
    if (old && safe_slug(old->slug)) {
      n.slugs[i] = old->slug;
      continue;
    }
    std::optional<Article> article;
    try {
      article = ingest(s.path, s.bytes, base.ingest);
    } catch (const Error& e) {
      if (e.kind() == ErrorKind::Interrupted) throw;
      continue;
    }
    n.slugs[i] = unique_slug(slugify(article->title), s.id, taken);
    if (mine(s)) n.articles[i] = std::move(article);
  }
  return n;
}

// Digest of the whole input list, so that assemble can tell parts made from different lists.
std::string catalogue_hash(const std::vector<Source>& sources) {
  std::string ids;
  for (const auto& s : sources) ids += s.id + '\n';
  return sha256_hex(ids);
}

/// A shard's part on disk, saved after every article so that a killed shard
/// restarts where it stopped.
struct PartFile {
  std::filesystem::path path;
  ManifestPart part;
  void save(const Outcome& outcome, bool complete) {
    part.episodes = outcome.episodes;
    part.failures = outcome.failures;
    part.complete = complete;
    write_file_atomically(path, part_json(part));
  }
};

std::optional<PartFile> open_part(const PublishOptions& o, const Channel& ch, const std::vector<Source>& sources) {
  if (!o.shard) return std::nullopt;
  PartFile f{part_path(o.site, *o.shard), {}};
  f.part.shard = *o.shard;
  f.part.catalogue_hash = catalogue_hash(sources);
  f.part.catalogue_size = sources.size();
  f.part.channel = ch;
  f.part.keep_removed = o.keep_removed;
  ensure_output_dir(f.path.parent_path());
  return f;
}

// What a shard finished before it was stopped: its own part, whatever state it is in.
Manifest earlier_part(const PublishOptions& o) {
  Manifest m;
  if (!o.shard) return m;
  const auto path = part_path(o.site, *o.shard);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return m;
  m.episodes = parse_part(read_input(path.string()), path.string()).episodes;
  return m;
}

// Chooses what to render: articles of this shard whose files are not
// already complete and up to date.
std::vector<Job> plan_jobs(const std::vector<Source>& sources, Naming& naming, const Manifest& previous,
                           const Manifest& resumed, const PublishOptions& o, const RenderOptions& base,
                           const std::string& opts, const PublishEvents& events, PublishSummary& summary,
                           Outcome& outcome) {
  std::vector<Job> jobs;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const Source& s = sources[i];
    if (o.shard && !in_shard(s.id, *o.shard)) {
      ++summary.other_shards;
      continue;
    }
    const Episode* old = find_episode(resumed, s.id);
    if (!old) old = find_episode(previous, s.id);
    if (!o.force && up_to_date(old, s, opts, o.site) && old->slug == naming.slugs[i]) {
      outcome.episodes.push_back(*old);
      ++summary.unchanged;
      continue;
    }
    Job job{&s, old, {}, naming.slugs[i]};
    try {
      job.prepared = naming.articles[i] ? prepare_article(s.path, std::move(*naming.articles[i]), base)
                                        : prepare(s.path, s.bytes, base);
    } catch (const Error& e) {
      if (e.kind() == ErrorKind::Interrupted) throw;
      record_failure(s, old, exit_code(e.kind()), e.in_file(s.name).what(), summary, outcome);
      if (events.finished) events.finished(static_cast<std::size_t>(-1), {}, e.in_file(s.name).what());
      continue;
    }
    naming.articles[i].reset();
    if (job.slug.empty()) job.slug = "article-" + sha256_hex(s.id).substr(0, 8);
    jobs.push_back(std::move(job));
  }
  return jobs;
}

}  // namespace

PublishSummary publish_site(const PublishOptions& o, const PublishEvents& events) {
  std::string cover;
  Channel channel = resolve_channel(o, cover);
  ensure_output_dir(o.site);
  const Manifest previous = load_manifest(o.site);
  const Manifest resumed = earlier_part(o);
  // A shard's work folder is named by the shard, not the pid: pids repeat
  // across the nodes sharing the site, and a restarted shard clears its own.
  const std::string work_name = o.shard ? shard_name(*o.shard) : std::to_string(::getpid());
  WorkFolder work{o.site / ".readaloud" / ("work-" + work_name)};
  std::filesystem::remove_all(work.path);
  ensure_output_dir(work.path);
  // Every shard names the cover in its channel; only the first writes it.
  install_cover(o.site, cover, channel, !o.shard || o.shard->index == 1);

  const std::vector<Source> sources = collect_sources(o.inputs, work.path);
  const RenderOptions base = audio_options(o, channel, work.path);
  const std::string opts = options_hash(base);
  auto mine = [&](const Source& s) { return !o.shard || in_shard(s.id, *o.shard); };
  Naming naming = name_articles(sources, previous, base, mine);
  PublishSummary summary;
  Outcome outcome;
  std::optional<PartFile> part = open_part(o, channel, sources);
  std::vector<Job> jobs = plan_jobs(sources, naming, previous, resumed, o, base, opts, events, summary, outcome);
  if (part) {
    part->save(outcome, false);
    outcome.checkpoint = [&] { part->save(outcome, false); };
  }
  render_jobs(jobs, o, channel, work.path, opts, events, summary, outcome);
  if (part) {
    part->save(outcome, true);
    summary.site_files.push_back(part->path);
    return summary;
  }
  Manifest next;
  next.feed_hash = previous.feed_hash;
  next.last_build = previous.last_build;
  next.episodes = std::move(outcome.episodes);
  summary.site_files = write_site(o.site, channel, next);
  // Only now that the feed no longer names them.
  summary.removed = remove_dropped(o.site, previous, next, o.keep_removed);
  return summary;
}

}  // namespace readaloud
