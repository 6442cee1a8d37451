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
#include "render/render.hpp"

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
  int first_failure_code = 0;                     ///< exit code of the first failed article
  std::vector<std::filesystem::path> site_files;  ///< feed.xml / index.html when (re)written
};

/// Publishes. Error(Usage) for a missing or non-http(s) base URL and for two
/// inputs with the same id; Error(Input) for an unreadable input, a bad
/// feed, manifest or publish.toml. A failing article is reported through
/// `events` and counted; its previous version (if any) stays published.
/// Files are written articles first, then the manifest, the feed and the
/// index, each by rename, and removed articles' files only after the feed no
/// longer names them.
PublishSummary publish_site(const PublishOptions& options, const PublishEvents& events = {});

}  // namespace readaloud
