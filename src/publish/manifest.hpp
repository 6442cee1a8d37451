#pragma once
// The site manifest: what each published article was made from and what it
// became. It makes the next publish incremental, and it holds everything the
// feed and the site index need (durations, byte sizes, chapters), so they can
// be written again without reading any audio. Each episode is self-contained,
// so manifests written by separate tasks can be merged by concatenation.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

// Manifests hold SHA-256 hashes of sources and outputs (sha256_hex).
#include "util/digest.hpp"

namespace readaloud {

/// A chapter as the feed and the index show it.
struct ManifestChapter {
  std::string title;
  double start_s = 0;
  bool warning = false;
  bool operator==(const ManifestChapter&) const = default;
};

/// One published article.
struct Episode {
  std::string id;           ///< stable: input path relative to its root, or "feed:" + the item's guid/link
  std::string guid;         ///< the feed item's guid; fixed at the first publish
  std::string slug;         ///< the article's folder in the site
  std::string title;
  std::string author;
  std::string language;
  std::string link;         ///< the article's own page (http/https), may be empty
  std::string summary;      ///< the first paragraph, plain text
  std::string published;    ///< ISO 8601 UTC: the article's date, else the first publish
  std::string input_hash;   ///< SHA-256 of the input bytes
  std::string options_hash; ///< SHA-256 of the options that change the audio
  std::string program_version;
  std::string voice_version;
  std::string audio;        ///< file names inside <slug>/
  std::string chapters_json;
  std::string captions_vtt;
  std::string chapters_vtt;
  std::string transcript;
  std::uintmax_t audio_bytes = 0;
  double duration_s = 0;    ///< of the decoded audio (the timeline's)
  std::vector<ManifestChapter> chapters;
  int warnings = 0;         ///< warning passages marked on the player page
  bool operator==(const Episode&) const = default;
};

/// The whole manifest (a shard's part of it: ManifestPart, publish/parts.hpp).
struct Manifest {
  int version = 1;
  std::string feed_hash;    ///< SHA-256 of feed.xml without its lastBuildDate
  std::string last_build;   ///< RFC 822 date written as lastBuildDate
  std::vector<Episode> episodes;  ///< sorted by id
  bool operator==(const Manifest&) const = default;
};

/// SITE/.readaloud/manifest.json
std::filesystem::path manifest_path(const std::filesystem::path& site);

/// The manifest as JSON (stable member order, episodes sorted by id, one
/// trailing newline), so that equal manifests give equal bytes.
std::string manifest_json(Manifest manifest);

/// Reads a manifest written by manifest_json(). Error(Input) naming `name`
/// when it is not JSON or not a manifest of a version this program knows.
Manifest parse_manifest(std::string_view text, const std::string& name);

/// The manifest of a site, or an empty one when the site has none yet.
Manifest load_manifest(const std::filesystem::path& site);

/// One episode as the manifest (and a shard's manifest part) writes it.
nlohmann::ordered_json episode_to_json(const Episode& episode);

/// An episode written by episode_to_json(); throws nlohmann::json::exception
/// when a member is missing or of the wrong type.
Episode episode_from_json(const nlohmann::json& j);

/// The episode with this id, or nullptr.
const Episode* find_episode(const Manifest& manifest, std::string_view id);

}  // namespace readaloud
