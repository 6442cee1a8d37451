#pragma once
// The podcast feed: RSS 2.0 with the itunes and Podcasting 2.0 namespaces,
// written from the manifest's episodes (no audio is read here).

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "publish/manifest.hpp"

namespace readaloud {

/// The show: from --feed-* flags, else SITE/publish.toml, else defaults.
struct Channel {
  std::string base_url;       ///< where the site is served, without a trailing slash
  std::string title = "Narrated articles";
  std::string description = "Articles read aloud, with chapters and transcripts.";
  std::string link;           ///< the show's web page; "" = the site index
  std::string language = "en";
  std::string author;
  std::string owner_name;
  std::string owner_email;
  std::string category = "Health & Fitness";  ///< Apple category; "Parent/Child" for a subcategory
  bool explicit_content = false;
  bool locked = false;        ///< podcast:locked: other hosts may not import the feed
  std::string cover_file;     ///< file name of the cover inside the site ("" = none)
  bool operator==(const Channel&) const = default;
};

/// Reads SITE/publish.toml into `channel` (keys: title, description, link,
/// language, author, owner_name, owner_email, category, explicit, locked,
/// base_url, cover). A missing file changes nothing; a bad one is
/// Error(Input) naming it.
void load_channel_config(const std::filesystem::path& file, Channel& channel, std::string& cover_path);

/// The Podcasting 2.0 podcast:guid: UUIDv5 of the feed URL without its scheme
/// and trailing slashes, in the namespace ead4c236-bf58-58c6-a2c6-a6b28d128cb6.
std::string podcast_guid(std::string_view feed_url);

/// An article date as ISO 8601 UTC ("2024-03-14T00:00:00Z"), from ISO 8601
/// (date, date-time, with Z or an offset) or RFC 822 ("Thu, 14 Mar 2024
/// 09:30:00 GMT"/"+0100"); nullopt when it cannot be read.
std::optional<std::string> normalize_date(std::string_view text);

/// An ISO 8601 UTC date from normalize_date() as RFC 822 ("Thu, 14 Mar 2024 00:00:00 GMT").
std::string rfc822_date(std::string_view iso_utc);

/// The current time as ISO 8601 UTC.
std::string now_utc();

/// "m:ss" or "h:mm:ss".
std::string clock_time(double seconds);

/// The feed XML. Episodes newest first (then by id). `last_build` is an RFC 822 date.
std::string rss_feed(const Channel& channel, std::vector<Episode> episodes, const std::string& last_build);

/// The public URL of a file of an episode ("<base>/<slug>/<file>").
std::string episode_url(const Channel& channel, const Episode& episode, const std::string& file);

}  // namespace readaloud
