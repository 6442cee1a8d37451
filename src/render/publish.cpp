#include "render/publish.hpp"

#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <unistd.h>

#include "ingest/feed_parser.hpp"
#include "publish/manifest.hpp"
#include "publish/player.hpp"
#include "publish/player_text.hpp"
#include "publish/site.hpp"
#include "render/batch.hpp"
#include "util/atomic_file.hpp"
#include "util/error.hpp"
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
  e.published = date ? *date : job.previous ? job.previous->published : now_utc();
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
  std::ifstream in(path, std::ios::binary);
  if (in) {
    std::ostringstream old;
    old << in.rdbuf();
    if (old.str() == content) return false;
  }
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

void install_cover(const fs::path& site, const std::string& cover, Channel& ch) {
  if (cover.empty()) return;
  const std::string ext = lower(fs::path(cover).extension().string());
  if (ext != ".jpg" && ext != ".jpeg" && ext != ".png") throw_usage("--cover must be a .jpg or .png image: " + cover);
  ch.cover_file = ext == ".png" ? "cover.png" : "cover.jpg";
  write_if_changed(site / ch.cover_file, read_input(cover));
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

// Renders the jobs and turns each result into an episode; failures keep
// the previous episode (if any) and are reported.
std::vector<Episode> render_jobs(std::vector<Job>& jobs, const PublishOptions& o, const Channel& ch,
                                 const std::filesystem::path& work, const std::string& opts, const PublishEvents& events,
                                 PublishSummary& summary) {
  std::vector<std::string> inputs, slugs, names;
  for (const auto& j : jobs) {
    inputs.push_back(j.source->path);
    slugs.push_back(j.slug);
    names.push_back(j.source->name);
  }
  if (events.start) events.start(names);
  std::vector<Episode> out;
  if (jobs.empty()) return out;
  auto fail = [&](std::size_t i, int code, const std::string& message) {
    ++summary.failed;
    if (!summary.first_failure_code) summary.first_failure_code = code;
    if (jobs[i].previous) out.push_back(*jobs[i].previous);
    if (events.finished) events.finished(i, {}, message);
  };
  BatchEvents batch;
  batch.progress = events.progress;
  const RenderOptions ropts = audio_options(o, ch, work / "audio");
  ensure_output_dir(ropts.output_dir);
  const auto results = render_batch(inputs, ropts, o.jobs, batch, slugs);
  for (const auto& item : results) {
    const std::size_t i = item.index;
    if (item.exit_code != 0) {
      fail(i, item.exit_code, item.error);
      continue;
    }
    try {
      std::vector<std::filesystem::path> produced;
      out.push_back(finish_episode(jobs[i], sort_outputs(item.paths), o.site, ch, opts, produced));
      ++summary.rendered;
      if (events.finished) events.finished(i, produced, {});
    } catch (const Error& e) {
      if (e.kind() == ErrorKind::Interrupted) throw;
      fail(i, exit_code(e.kind()), e.in_file(jobs[i].source->name).what());
    } catch (const std::filesystem::filesystem_error& e) {
      fail(i, 1, jobs[i].source->name + ": " + e.what());
    }
  }
  return out;
}

// Feed, index and manifest, each written only when its bytes change; the
// lastBuildDate moves only when the feed's content does.
void write_site(const std::filesystem::path& site, const Channel& ch, Manifest& manifest, PublishSummary& summary) {
  const std::string hash = sha256_hex(rss_feed(ch, manifest.episodes, ""));
  if (hash != manifest.feed_hash || manifest.last_build.empty()) {
    manifest.feed_hash = hash;
    manifest.last_build = rfc822_date(now_utc());
  }
  ensure_output_dir(manifest_path(site).parent_path());
  write_if_changed(manifest_path(site), manifest_json(manifest));
  if (write_if_changed(site / "feed.xml", rss_feed(ch, manifest.episodes, manifest.last_build)))
    summary.site_files.push_back(site / "feed.xml");
  if (write_if_changed(site / "index.html", site_index(ch, manifest.episodes)))
    summary.site_files.push_back(site / "index.html");
}

}  // namespace

PublishSummary publish_site(const PublishOptions& o, const PublishEvents& events) {
  std::string cover;
  Channel channel = resolve_channel(o, cover);
  ensure_output_dir(o.site);
  const Manifest previous = load_manifest(o.site);
  WorkFolder work{o.site / ".readaloud" / ("work-" + std::to_string(::getpid()))};
  std::filesystem::remove_all(work.path);
  ensure_output_dir(work.path);
  install_cover(o.site, cover, channel);

  const std::vector<Source> sources = collect_sources(o.inputs, work.path);
  const RenderOptions base = audio_options(o, channel, work.path);
  const std::string opts = options_hash(base);
  PublishSummary summary;
  Manifest next;
  next.feed_hash = previous.feed_hash;
  next.last_build = previous.last_build;
  std::set<std::string> taken;
  for (const auto& e : previous.episodes) taken.insert(e.slug);
  std::vector<Job> jobs;
  for (const auto& s : sources) {
    const Episode* old = find_episode(previous, s.id);
    if (!o.force && up_to_date(old, s, opts, o.site)) {
      next.episodes.push_back(*old);
      ++summary.unchanged;
      continue;
    }
    Job job{&s, old, {}, {}};
    try {
      job.prepared = prepare(s.path, s.bytes, base);
    } catch (const Error& e) {
      if (e.kind() == ErrorKind::Interrupted) throw;
      ++summary.failed;
      if (!summary.first_failure_code) summary.first_failure_code = exit_code(e.kind());
      if (old) next.episodes.push_back(*old);
      if (events.finished) events.finished(static_cast<std::size_t>(-1), {}, e.in_file(s.name).what());
      continue;
    }
    job.slug = old && safe_slug(old->slug) ? old->slug : unique_slug(slugify(job.prepared.article.title), s.id, taken);
    jobs.push_back(std::move(job));
  }
  for (auto& e : render_jobs(jobs, o, channel, work.path, opts, events, summary)) next.episodes.push_back(std::move(e));

  std::vector<const Episode*> removed;
  for (const auto& e : previous.episodes)
    if (!find_episode(next, e.id)) removed.push_back(&e);
  summary.removed = static_cast<int>(removed.size());
  write_site(o.site, channel, next, summary);
  // Only now that the feed no longer names them.
  if (!o.keep_removed)
    for (const Episode* e : removed)
      if (safe_slug(e->slug) && !std::any_of(next.episodes.begin(), next.episodes.end(),
                                             [&](const Episode& n) { return n.slug == e->slug; }))
        std::filesystem::remove_all(o.site / e->slug);
  return summary;
}

}  // namespace readaloud
