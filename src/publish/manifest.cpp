#include "publish/manifest.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

#include "util/error.hpp"
#include "util/fd.hpp"

namespace readaloud {
namespace {

using nlohmann::ordered_json;

}  // namespace

ordered_json episode_to_json(const Episode& e) {
  ordered_json chapters = ordered_json::array();
  for (const auto& c : e.chapters)
    chapters.push_back({{"title", c.title}, {"start", c.start_s}, {"warning", c.warning}});
  return ordered_json{{"id", e.id},
                      {"guid", e.guid},
                      {"slug", e.slug},
                      {"title", e.title},
                      {"author", e.author},
                      {"language", e.language},
                      {"link", e.link},
                      {"summary", e.summary},
                      {"published", e.published},
                      {"input_hash", e.input_hash},
                      {"options_hash", e.options_hash},
                      {"program_version", e.program_version},
                      {"voice_version", e.voice_version},
                      {"files",
                       {{"audio", e.audio},
                        {"chapters_json", e.chapters_json},
                        {"captions_vtt", e.captions_vtt},
                        {"chapters_vtt", e.chapters_vtt},
                        {"transcript", e.transcript}}},
                      {"audio_bytes", e.audio_bytes},
                      {"duration", e.duration_s},
                      {"warnings", e.warnings},
                      {"chapters", std::move(chapters)}};
}

Episode episode_from_json(const nlohmann::json& j) {
  Episode e;
  e.id = j.at("id").get<std::string>();
  e.guid = j.at("guid").get<std::string>();
  e.slug = j.at("slug").get<std::string>();
  e.title = j.value("title", "");
  e.author = j.value("author", "");
  e.language = j.value("language", "");
  e.link = j.value("link", "");
  e.summary = j.value("summary", "");
  e.published = j.at("published").get<std::string>();
  e.input_hash = j.value("input_hash", "");
  e.options_hash = j.value("options_hash", "");
  e.program_version = j.value("program_version", "");
  e.voice_version = j.value("voice_version", "");
  const auto& files = j.at("files");
  e.audio = files.at("audio").get<std::string>();
  e.chapters_json = files.value("chapters_json", "");
  e.captions_vtt = files.value("captions_vtt", "");
  e.chapters_vtt = files.value("chapters_vtt", "");
  e.transcript = files.value("transcript", "");
  e.audio_bytes = j.at("audio_bytes").get<std::uintmax_t>();
  e.duration_s = j.at("duration").get<double>();
  e.warnings = j.value("warnings", 0);
  for (const auto& c : j.value("chapters", nlohmann::json::array()))
    e.chapters.push_back({c.at("title").get<std::string>(), c.at("start").get<double>(), c.value("warning", false)});
  return e;
}

std::filesystem::path manifest_path(const std::filesystem::path& site) {
  return site / ".readaloud" / "manifest.json";
}

std::string manifest_json(Manifest manifest) {
  std::sort(manifest.episodes.begin(), manifest.episodes.end(),
            [](const Episode& a, const Episode& b) { return a.id < b.id; });
  ordered_json episodes = ordered_json::array();
  for (const auto& e : manifest.episodes) episodes.push_back(episode_to_json(e));
  ordered_json j{{"readaloud_manifest", manifest.version},
                 {"feed", {{"hash", manifest.feed_hash}, {"last_build", manifest.last_build}}},
                 {"episodes", std::move(episodes)}};
  return j.dump(1, '\t') + "\n";
}

Manifest parse_manifest(std::string_view text, const std::string& name) {
  Manifest m;
  try {
    const auto j = nlohmann::json::parse(text);
    m.version = j.at("readaloud_manifest").get<int>();
    if (m.version != 1) throw_input("manifest version " + std::to_string(m.version) + " is not one this program knows", Location{name});
    const auto& feed = j.at("feed");
    m.feed_hash = feed.value("hash", "");
    m.last_build = feed.value("last_build", "");
    for (const auto& e : j.at("episodes")) m.episodes.push_back(episode_from_json(e));
  } catch (const nlohmann::json::exception& e) {
    throw_input(std::string("not a readaloud manifest: ") + e.what(), Location{name});
  }
  return m;
}

Manifest load_manifest(const std::filesystem::path& site) {
  const auto path = manifest_path(site);
  std::string bytes;
  if (!read_whole_file(path.string(), bytes)) {
    if (errno == ENOENT) return {};  // a new site
    throw_runtime(std::string("cannot read the manifest: ") + std::strerror(errno), Location{path.string()});
  }
  return parse_manifest(bytes, path.string());
}

const Episode* find_episode(const Manifest& manifest, std::string_view id) {
  for (const auto& e : manifest.episodes)
    if (e.id == id) return &e;
  return nullptr;
}

}  // namespace readaloud
