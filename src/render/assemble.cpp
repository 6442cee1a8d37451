// `publish --assemble`: the cheap last step of a sharded publish. It reads
// only the shards' manifest parts (never audio) and writes the site files.
#include <algorithm>
#include <map>
#include <set>

#include "publish/parts.hpp"
#include "render/publish.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

namespace fs = std::filesystem;

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// The parts of the one shard count present, all there and finished.
std::vector<ManifestPart> read_parts(const fs::path& site) {
  const auto listed = list_parts(site);
  const fs::path folder = parts_folder(site);
  if (listed.empty())
    throw_runtime("no manifest parts to assemble: run the shards first (readaloud publish ... --shard K/N)",
                  Location{folder.string()});
  std::set<std::uint32_t> counts;
  for (const auto& [shard, path] : listed) counts.insert(shard.count);
  if (counts.size() > 1) {
    std::vector<std::string> ns;
    for (auto n : counts) ns.push_back(std::to_string(n));
    throw_runtime("parts of different shard counts (" + joined(ns) +
                      "): delete the parts of the runs you no longer use, then assemble",
                  Location{folder.string()});
  }
  const std::uint32_t count = *counts.begin();
  std::vector<ManifestPart> parts;
  std::vector<std::string> missing, unfinished;
  for (std::uint32_t k = 1; k <= count; ++k) {
    const fs::path path = part_path(site, Shard{k, count});
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      missing.push_back(path.filename().string());
      continue;
    }
    ManifestPart part = parse_part(read_input(path.string()), path.string());
    if (!part.complete) unfinished.push_back(path.filename().string());
    parts.push_back(std::move(part));
  }
  if (!missing.empty())
    throw_runtime("missing manifest parts (shards not run): " + joined(missing), Location{folder.string()});
  if (!unfinished.empty())
    throw_runtime("unfinished manifest parts (shards stopped before the end; run them again): " + joined(unfinished),
                  Location{folder.string()});
  return parts;
}

// All parts must come from one run: the same input list, channel and settings.
void check_agreement(const std::vector<ManifestPart>& parts, const fs::path& site) {
  const ManifestPart& first = parts.front();
  for (const auto& p : parts) {
    const std::string name = part_path(site, p.shard).string();
    if (p.catalogue_hash != first.catalogue_hash)
      throw_runtime("made from a different input list than " + shard_name(first.shard) +
                        " (a stale part? run that shard again over the same inputs)",
                    Location{name});
    if (p.channel != first.channel || p.keep_removed != first.keep_removed)
      throw_runtime("made with other channel settings than " + shard_name(first.shard) + " (run that shard again)",
                    Location{name});
  }
}

Manifest merge(const std::vector<ManifestPart>& parts, const fs::path& site) {
  Manifest merged;
  std::map<std::string, std::string> ids, slugs;
  for (const auto& p : parts)
    for (const auto& e : p.episodes) {
      const std::string name = shard_name(p.shard);
      if (!ids.emplace(e.id, name).second)
        throw_runtime("article '" + e.id + "' is in both " + ids[e.id] + " and " + name, Location{parts_folder(site).string()});
      if (!slugs.emplace(e.slug, e.id).second)
        throw_runtime("articles '" + slugs[e.slug] + "' and '" + e.id + "' have the same slug '" + e.slug + "'",
                      Location{parts_folder(site).string()});
      merged.episodes.push_back(e);
    }
  return merged;
}

}  // namespace

AssembleSummary assemble_site(const fs::path& site, bool allow_failures) {
  std::error_code ec;
  if (!fs::is_directory(site, ec)) throw_runtime("not a site folder", Location{site.string()});
  const std::vector<ManifestPart> parts = read_parts(site);
  check_agreement(parts, site);
  AssembleSummary summary;
  summary.parts = static_cast<int>(parts.size());
  for (const auto& p : parts) summary.failures.insert(summary.failures.end(), p.failures.begin(), p.failures.end());
  Manifest next = merge(parts, site);
  summary.episodes = static_cast<int>(next.episodes.size());
  if (!summary.failures.empty() && !allow_failures) return summary;
  const Manifest previous = load_manifest(site);
  next.feed_hash = previous.feed_hash;
  next.last_build = previous.last_build;
  summary.site_files = write_site(site, parts.front().channel, next);
  summary.written = true;
  // Only now that the feed no longer names them.
  summary.removed = remove_dropped(site, previous, next, parts.front().keep_removed);
  return summary;
}

}  // namespace readaloud
