// The site manifest: stable bytes, exact round trip, clear errors.
#include <gtest/gtest.h>

#include "publish/manifest.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

Manifest sample() {
  Manifest m;
  m.feed_hash = "abc";
  m.last_build = "Thu, 14 Mar 2024 10:00:00 GMT";
  Episode b;
  b.id = "b.md";
  b.guid = "g-b";
  b.slug = "b";
  b.title = "B \"quoted\" </script>";
  b.published = "2024-03-14T00:00:00Z";
  b.audio = "b.mp3";
  b.audio_bytes = 4242;
  b.duration_s = 12.345;
  b.chapters = {{"Intro", 0, false}, {"Risks", 5.5, true}};
  Episode a = b;
  a.id = "a.md";
  a.slug = "a";
  m.episodes = {b, a};
  return m;
}

TEST(Manifest, RoundTripsAndSortsById) {
  const Manifest m = sample();
  const std::string json = manifest_json(m);
  const Manifest back = parse_manifest(json, "manifest.json");
  ASSERT_EQ(back.episodes.size(), 2u);
  EXPECT_EQ(back.episodes[0].id, "a.md");
  EXPECT_EQ(back.episodes[1], m.episodes[0]);
  EXPECT_EQ(back.feed_hash, "abc");
  EXPECT_EQ(manifest_json(back), json);  // same manifest, same bytes
  EXPECT_NE(find_episode(back, "b.md"), nullptr);
  EXPECT_EQ(find_episode(back, "c.md"), nullptr);
}

TEST(Manifest, RejectsWhatItCannotRead) {
  for (const char* bad : {"{", "[]", R"({"readaloud_manifest": 9, "feed": {}, "episodes": []})",
                          R"({"readaloud_manifest": 1, "feed": {}, "episodes": [{"id": 3}]})"}) {
    try {
      parse_manifest(bad, "site/.readaloud/manifest.json");
      ADD_FAILURE() << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::Input);
      EXPECT_TRUE(std::string(e.what()).starts_with("site/.readaloud/manifest.json: ")) << e.what();
    }
  }
}

}  // namespace
}  // namespace readaloud
