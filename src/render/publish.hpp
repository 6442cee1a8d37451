#pragma once
// Publishing: renders articles into a site (SITE/<slug>/ audio, sidecars and
// player page; SITE/feed.xml; SITE/index.html) and keeps a manifest so that
// the next publish renders only what changed.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "publish/feed.hpp"
#include "publish/parts.hpp"
#include "render/render.hpp"
#include "render/shard.hpp"

namespace readaloud {

/// Channel settings given on the command line; they win over SITE/publish.toml.
struct ChannelOverrides {
  std::optional<std::string> base_url, title, description, author, owner_email, category, language;
};

struct PublishOptions {
  std::vector<std::string> inputs;  ///< article files, folders of them, or RSS/Atom feeds of articles
  std::filesystem::path site;       ///< -o
  RenderOptions render;             ///< what shapes the audio; format and sidecars are set by publish
  ChannelOverrides channel;
  std::string cover;                ///< --cover image, copied into the site
  int jobs = 1;
  bool force = false;               ///< render every article again
  bool keep_removed = false;        ///< keep the files of articles no longer among the inputs
  /// Render only this shard's articles and write its manifest part
  /// (SITE/.readaloud/parts/shard-K-of-N.json) instead of the feed and index.
  std::optional<Shard> shard;
};

struct PublishEvents {
  /// Called once, before rendering, with the display name of each article to render.
  std::function<void(const std::vector<std::string>& names)> start;
  std::function<void(std::size_t index, double fraction)> progress;
  /// One article finished: its produced files (audio first), or an error message.
  std::function<void(std::size_t index, const std::vector<std::filesystem::path>& files, const std::string& error)> finished;
};

struct PublishSummary {
  int rendered = 0, unchanged = 0, removed = 0, failed = 0;
  int other_shards = 0;                           ///< articles left to the other shards
  int first_failure_code = 0;                     ///< exit code of the first failed article
  std::vector<std::filesystem::path> site_files;  ///< feed.xml / index.html when (re)written, or the shard's part
};

/// Publishes. Error(Usage) for a missing or non-http(s) base URL and for two
/// inputs with the same id; Error(Input) for an unreadable input, a bad
/// feed, manifest or publish.toml. A failing article is reported through
/// `events` and counted; its previous version (if any) stays published.
/// Files are written articles first, then the manifest, the feed and the
/// index, each by rename, and removed articles' files only after the feed no
/// longer names them.
/// With options.shard: renders only that shard's articles (slugs are still
/// decided from the whole input list, so they match a one-process publish),
/// skips those its part or the manifest shows complete and up to date, saves
/// its part after every article and writes no feed, index or manifest.
PublishSummary publish_site(const PublishOptions& options, const PublishEvents& events = {});

/// Writes SITE/.readaloud/manifest.json, feed.xml and index.html from
/// `manifest`, each only when its bytes change; lastBuildDate (kept in the
/// manifest) moves only when the feed's content does. Returns the feed and
/// index paths it rewrote.
std::vector<std::filesystem::path> write_site(const std::filesystem::path& site, const Channel& channel,
                                              Manifest& manifest);

/// Counts the episodes of `previous` that `next` no longer has and, unless
/// `keep_files`, removes their folders (call it after the feed is written).
int remove_dropped(const std::filesystem::path& site, const Manifest& previous, const Manifest& next, bool keep_files);

struct AssembleSummary {
  int parts = 0, episodes = 0, removed = 0;
  std::vector<PartFailure> failures;               ///< listed by the shards, in shard order
  bool written = false;                            ///< false: failures and no allow_failures
  std::vector<std::filesystem::path> site_files;   ///< feed.xml / index.html when (re)written
};

/// `publish --assemble SITE`: merges SITE/.readaloud/parts/shard-*-of-N.json
/// into the manifest, feed.xml and index.html, reading no audio. Error(Runtime)
/// naming them when parts are missing or unfinished, when parts of more than
/// one shard count are present (stale ones must be deleted), or when parts
/// disagree on the input list or channel. When shards list failures, writes
/// nothing unless `allow_failures`. Running it again gives the same bytes.
AssembleSummary assemble_site(const std::filesystem::path& site, bool allow_failures);

}  // namespace readaloud
