#pragma once
// Manifest parts: what one shard of a sharded publish (`publish --shard K/N`)
// rendered, in SITE/.readaloud/parts/shard-K-of-N.json. Each shard writes
// only its own part; `publish --assemble` merges them into the manifest, the
// feed and the index without reading any audio.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "publish/feed.hpp"
#include "publish/manifest.hpp"
#include "render/shard.hpp"

namespace readaloud {

/// An article the shard could not publish.
struct PartFailure {
  std::string id;     ///< the article's stable id
  std::string input;  ///< as shown to the user (file, or feed: item title)
  std::string error;  ///< the one-line error message
  bool operator==(const PartFailure&) const = default;
};

/// One shard's part of the manifest.
struct ManifestPart {
  Shard shard;
  bool complete = false;        ///< false while the shard is still rendering (or was killed)
  std::string catalogue_hash;   ///< SHA-256 of every article id in the whole input list, all shards'
  std::size_t catalogue_size = 0;  ///< articles in the whole input list
  Channel channel;              ///< the channel as the shard resolved it (publish.toml + flags)
  bool keep_removed = false;
  std::vector<Episode> episodes;  ///< this shard's, sorted by id
  std::vector<PartFailure> failures;
  bool operator==(const ManifestPart&) const = default;
};

/// SITE/.readaloud/parts
std::filesystem::path parts_folder(const std::filesystem::path& site);

/// SITE/.readaloud/parts/shard-K-of-N.json
std::filesystem::path part_path(const std::filesystem::path& site, const Shard& shard);

/// The part as JSON: stable member order, episodes sorted by id.
std::string part_json(ManifestPart part);

/// Reads a part written by part_json(); Error(Input) naming `name` otherwise.
ManifestPart parse_part(std::string_view text, const std::string& name);

/// Every file in SITE/.readaloud/parts named shard-K-of-N.json (1 <= K <= N),
/// with the shard its name gives, sorted by N then K.
std::vector<std::pair<Shard, std::filesystem::path>> list_parts(const std::filesystem::path& site);

}  // namespace readaloud
