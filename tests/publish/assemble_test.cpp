// `publish --assemble` on hand-made parts: it needs no audio, so these
// cover its refusals and its output without rendering anything.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "publish/parts.hpp"
#include "render/publish.hpp"
#include "util/atomic_file.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

namespace fs = std::filesystem;

class Assemble : public ::testing::Test {
 protected:
  void SetUp() override {
    site_ = fs::temp_directory_path() / ("assemble-test-" + std::to_string(::getpid()));
    fs::remove_all(site_);
    fs::create_directories(parts_folder(site_));
  }
  void TearDown() override { fs::remove_all(site_); }

  static Episode episode(const std::string& id) {
    Episode e;
    e.id = id;
    e.guid = "readaloud-" + id;
    e.slug = id;
    e.title = "Title " + id;
    e.published = "2024-01-02T00:00:00Z";
    e.audio = id + ".mp3";
    e.audio_bytes = 1000;
    e.duration_s = 61;
    e.chapters = {{"Start", 0, false}};
    return e;
  }

  void write(ManifestPart part) {
    if (part.channel.base_url.empty()) part.channel.base_url = "https://example.org/a";
    if (part.catalogue_hash.empty()) part.catalogue_hash = "same";
    write_file_atomically(part_path(site_, part.shard), part_json(part));
  }

  static ManifestPart part(std::uint32_t k, std::uint32_t n, std::vector<Episode> episodes, bool complete = true) {
    ManifestPart p;
    p.shard = Shard{k, n};
    p.complete = complete;
    p.episodes = std::move(episodes);
    return p;
  }

  std::string error_of(bool allow = false) {
    try {
      assemble_site(site_, allow);
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::Runtime) << e.what();
      return e.what();
    }
    return {};
  }

  std::string read(const std::string& name) {
    std::ifstream in(site_ / name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }

  fs::path site_;
};

TEST_F(Assemble, MergesThePartsAndWritesTheSameBytesTwice) {
  write(part(1, 2, {episode("a"), episode("c")}));
  write(part(2, 2, {episode("b")}));
  const AssembleSummary first = assemble_site(site_, false);
  EXPECT_TRUE(first.written);
  EXPECT_EQ(first.episodes, 3);
  EXPECT_EQ(first.parts, 2);
  const std::string feed = read("feed.xml"), index = read("index.html");
  for (const char* slug : {"a/a.mp3", "b/b.mp3", "c/c.mp3"}) EXPECT_NE(feed.find(slug), std::string::npos) << slug;
  const Manifest manifest = load_manifest(site_);
  ASSERT_EQ(manifest.episodes.size(), 3u);
  EXPECT_EQ(manifest.episodes[1], episode("b"));
  const AssembleSummary second = assemble_site(site_, false);
  EXPECT_TRUE(second.site_files.empty());  // nothing changed, nothing rewritten
  EXPECT_EQ(read("feed.xml"), feed);
  EXPECT_EQ(read("index.html"), index);
}

TEST_F(Assemble, NamesMissingAndUnfinishedParts) {
  EXPECT_NE(error_of().find("no manifest parts"), std::string::npos);
  write(part(1, 3, {episode("a")}));
  write(part(3, 3, {episode("c")}, false));
  EXPECT_NE(error_of().find("missing manifest parts (shards not run): shard-2-of-3.json"), std::string::npos);
  write(part(2, 3, {episode("b")}));
  EXPECT_NE(error_of().find("unfinished manifest parts"), std::string::npos);
  EXPECT_NE(error_of().find("shard-3-of-3.json"), std::string::npos);
  EXPECT_FALSE(fs::exists(site_ / "feed.xml"));
}

TEST_F(Assemble, RefusesStaleOrDisagreeingParts) {
  write(part(1, 2, {episode("a")}));
  write(part(2, 2, {episode("b")}));
  write(part(1, 1, {episode("a"), episode("b")}));
  EXPECT_NE(error_of().find("parts of different shard counts (1, 2)"), std::string::npos);
  fs::remove(part_path(site_, Shard{1, 1}));
  ManifestPart other = part(2, 2, {episode("b")});
  other.catalogue_hash = "another input list";
  write(other);
  EXPECT_NE(error_of().find("different input list"), std::string::npos);
  other = part(2, 2, {episode("b")});
  other.channel.title = "Another title";
  write(other);
  EXPECT_NE(error_of().find("other channel settings"), std::string::npos);
  write(part(2, 2, {episode("a")}));
  EXPECT_NE(error_of().find("article 'a' is in both"), std::string::npos);
}

TEST_F(Assemble, FailuresStopItUnlessAllowed) {
  ManifestPart failed = part(2, 2, {episode("b")});
  failed.failures = {{"x.md", "in/x.md", "in/x.md: file is empty"}};
  write(part(1, 2, {episode("a")}));
  write(failed);
  AssembleSummary refused = assemble_site(site_, false);
  EXPECT_FALSE(refused.written);
  ASSERT_EQ(refused.failures.size(), 1u);
  EXPECT_EQ(refused.failures[0].input, "in/x.md");
  EXPECT_FALSE(fs::exists(site_ / "feed.xml"));
  AssembleSummary allowed = assemble_site(site_, true);
  EXPECT_TRUE(allowed.written);
  EXPECT_EQ(allowed.episodes, 2);
  EXPECT_TRUE(fs::exists(site_ / "feed.xml"));
}

TEST_F(Assemble, RemovesArticlesNoPartHasAnyMore) {
  write(part(1, 1, {episode("a"), episode("b")}));
  fs::create_directories(site_ / "b");
  std::ofstream(site_ / "b" / "b.mp3") << "x";
  assemble_site(site_, false);
  write(part(1, 1, {episode("a")}));
  const AssembleSummary summary = assemble_site(site_, false);
  EXPECT_EQ(summary.removed, 1);
  EXPECT_FALSE(fs::exists(site_ / "b"));
  EXPECT_EQ(read("feed.xml").find("b/b.mp3"), std::string::npos);
}

}  // namespace
}  // namespace readaloud
