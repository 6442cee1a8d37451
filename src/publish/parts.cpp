#include "publish/parts.hpp"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "util/error.hpp"

namespace readaloud {
namespace {

using nlohmann::ordered_json;
namespace fs = std::filesystem;

ordered_json channel_json(const Channel& c) {
  return ordered_json{{"base_url", c.base_url},       {"title", c.title},
                      {"description", c.description}, {"link", c.link},
                      {"language", c.language},       {"author", c.author},
                      {"owner_name", c.owner_name},   {"owner_email", c.owner_email},
                      {"category", c.category},       {"explicit", c.explicit_content},
                      {"locked", c.locked},           {"cover_file", c.cover_file}};
}

Channel channel_from(const nlohmann::json& j) {
  Channel c;
  c.base_url = j.at("base_url").get<std::string>();
  c.title = j.at("title").get<std::string>();
  c.description = j.at("description").get<std::string>();
  c.link = j.at("link").get<std::string>();
  c.language = j.at("language").get<std::string>();
  c.author = j.at("author").get<std::string>();
  c.owner_name = j.at("owner_name").get<std::string>();
  c.owner_email = j.at("owner_email").get<std::string>();
  c.category = j.at("category").get<std::string>();
  c.explicit_content = j.at("explicit").get<bool>();
  c.locked = j.at("locked").get<bool>();
  c.cover_file = j.at("cover_file").get<std::string>();
  return c;
}

// "shard-K-of-N.json" -> {K, N}; nullopt for any other name.
std::optional<Shard> shard_of_name(const std::string& name) {
  unsigned k = 0, n = 0;
  const char* p = name.data();
  const char* end = name.data() + name.size();
  if (!name.starts_with("shard-") || !name.ends_with(".json")) return std::nullopt;
  p += 6;
  auto r1 = std::from_chars(p, end, k);
  if (r1.ec != std::errc{} || std::string_view(r1.ptr, end).substr(0, 4) != "-of-") return std::nullopt;
  auto r2 = std::from_chars(r1.ptr + 4, end, n);
  if (r2.ec != std::errc{} || std::string_view(r2.ptr, end) != ".json" || k < 1 || k > n) return std::nullopt;
  const Shard shard{k, n};
  if (shard_name(shard) + ".json" != name) return std::nullopt;  // no leading zeros
  return shard;
}

}  // namespace

fs::path parts_folder(const fs::path& site) { return site / ".readaloud" / "parts"; }

fs::path part_path(const fs::path& site, const Shard& shard) {
  return parts_folder(site) / (shard_name(shard) + ".json");
}

std::string part_json(ManifestPart part) {
  std::sort(part.episodes.begin(), part.episodes.end(), [](const Episode& a, const Episode& b) { return a.id < b.id; });
  ordered_json episodes = ordered_json::array();
  for (const auto& e : part.episodes) episodes.push_back(episode_to_json(e));
  ordered_json failures = ordered_json::array();
  for (const auto& f : part.failures) failures.push_back({{"id", f.id}, {"input", f.input}, {"error", f.error}});
  ordered_json j{{"readaloud_part", 1},
                 {"shard", {{"index", part.shard.index}, {"count", part.shard.count}}},
                 {"complete", part.complete},
                 {"catalogue", {{"hash", part.catalogue_hash}, {"articles", part.catalogue_size}}},
                 {"channel", channel_json(part.channel)},
                 {"keep_removed", part.keep_removed},
                 {"episodes", std::move(episodes)},
                 {"failures", std::move(failures)}};
  return j.dump(1, '\t') + "\n";
}

ManifestPart parse_part(std::string_view text, const std::string& name) {
  ManifestPart p;
  try {
    const auto j = nlohmann::json::parse(text);
    const int version = j.at("readaloud_part").get<int>();
    if (version != 1) throw_input("manifest part version " + std::to_string(version) + " is not one this program knows", Location{name});
    p.shard = Shard{j.at("shard").at("index").get<std::uint32_t>(), j.at("shard").at("count").get<std::uint32_t>()};
    p.complete = j.at("complete").get<bool>();
    p.catalogue_hash = j.at("catalogue").at("hash").get<std::string>();
    p.catalogue_size = j.at("catalogue").at("articles").get<std::size_t>();
    p.channel = channel_from(j.at("channel"));
    p.keep_removed = j.at("keep_removed").get<bool>();
    for (const auto& e : j.at("episodes")) p.episodes.push_back(episode_from_json(e));
    for (const auto& f : j.at("failures"))
      p.failures.push_back({f.at("id").get<std::string>(), f.at("input").get<std::string>(), f.at("error").get<std::string>()});
  } catch (const nlohmann::json::exception& e) {
    throw_input(std::string("not a readaloud manifest part: ") + e.what(), Location{name});
  }
  return p;
}

std::vector<std::pair<Shard, fs::path>> list_parts(const fs::path& site) {
  std::vector<std::pair<Shard, fs::path>> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(parts_folder(site), ec))
    if (auto shard = shard_of_name(entry.path().filename().string()); shard && entry.is_regular_file(ec))
      out.emplace_back(*shard, entry.path());
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::pair(a.first.count, a.first.index) < std::pair(b.first.count, b.first.index);
  });
  return out;
}

}  // namespace readaloud
