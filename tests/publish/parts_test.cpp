#include "publish/parts.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "util/error.hpp"

namespace readaloud {
namespace {

namespace fs = std::filesystem;

ManifestPart sample_part() {
  ManifestPart p;
  p.shard = Shard{2, 3};
  p.complete = true;
  p.catalogue_hash = sha256_hex("a.md\nb.md\n");
  p.catalogue_size = 2;
  p.channel.base_url = "https://example.org/audio";
  p.channel.title = "Health Desk";
  p.channel.cover_file = "cover.png";
  p.channel.locked = true;
  p.keep_removed = true;
  Episode e;
  e.id = "b.md";
  e.guid = "readaloud-1";
  e.slug = "b";
  e.published = "2024-01-02T00:00:00Z";
  e.audio = "b.mp3";
  e.audio_bytes = 1234;
  e.duration_s = 12.5;
  e.chapters = {{"Intro", 0, false}, {"Warning", 3.25, true}};
  Episode a = e;
  a.id = "a.md";
  a.slug = "a";
  p.episodes = {e, a};
  p.failures = {{"c.md", "in/c.md", "in/c.md: file is empty"}};
  return p;
}

TEST(ManifestPart, JsonRoundTripsEverythingTheFeedNeeds) {
  const ManifestPart p = sample_part();
  const std::string text = part_json(p);
  ManifestPart back = parse_part(text, "part.json");
  ManifestPart sorted = p;
  std::swap(sorted.episodes[0], sorted.episodes[1]);  // written sorted by id
  EXPECT_EQ(back, sorted);
  EXPECT_EQ(part_json(back), text);  // stable bytes
}

TEST(ManifestPart, RejectsWhatIsNotAPart) {
  for (const char* bad : {"", "{}", "[1]", R"({"readaloud_part": 2})", R"({"readaloud_part": 1, "shard": 3})"}) {
    try {
      parse_part(bad, "x.json");
      ADD_FAILURE() << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::Input) << bad;
      EXPECT_NE(std::string(e.what()).find("x.json"), std::string::npos) << e.what();
    }
  }
}

TEST(ManifestPart, ListsOnlyWellNamedPartsSortedByCountThenIndex) {
  const fs::path site = fs::temp_directory_path() / ("parts-test-" + std::to_string(::getpid()));
  fs::remove_all(site);
  fs::create_directories(parts_folder(site));
  for (const char* name : {"shard-2-of-4.json", "shard-1-of-4.json", "shard-3-of-3.json", "shard-5-of-4.json",
                           "shard-0-of-4.json", "shard-01-of-4.json", "shard-1-of-4.json.tmp", "notes.txt"})
    std::ofstream(parts_folder(site) / name) << "{}";
  std::vector<std::string> names;
  for (const auto& [shard, path] : list_parts(site)) {
    names.push_back(path.filename().string());
    EXPECT_EQ(part_path(site, shard), path);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"shard-3-of-3.json", "shard-1-of-4.json", "shard-2-of-4.json"}));
  fs::remove_all(site);
}

}  // namespace
}  // namespace readaloud
