// The podcast feed writer: namespace ids, dates, and escaping read back by a
// strict XML parser.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "publish/feed.hpp"

namespace readaloud {
namespace {

Episode sample_episode() {
  Episode e;
  e.id = "a.md";
  e.guid = "readaloud-123";
  e.slug = "a";
  e.title = "Tips <script>alert(1)</script> & ]]> more";
  e.summary = "First ]]> paragraph <b>not bold</b>";
  e.published = "2024-03-14T09:30:00Z";
  e.audio = "a.mp3";
  e.chapters_json = "a.chapters.json";
  e.captions_vtt = "a.vtt";
  e.transcript = "a.txt";
  e.audio_bytes = 12345;
  e.duration_s = 61.6;
  e.chapters = {{"Intro", 0, false}, {"Risks & <harms>", 75.2, true}};
  return e;
}

TEST(PodcastGuid, IsTheUuid5OfTheUrlWithoutSchemeAndTrailingSlashes) {
  // Expected values computed with Python's uuid.uuid5 and the namespace
  // ead4c236-bf58-58c6-a2c6-a6b28d128cb6.
  EXPECT_EQ(podcast_guid("https://audio.example.org/health/feed.xml"), "96dcb4ce-bac9-5992-9728-898d3ef0be86");
  EXPECT_EQ(podcast_guid("http://audio.example.org/health/feed.xml//"), "96dcb4ce-bac9-5992-9728-898d3ef0be86");
  EXPECT_EQ(podcast_guid("podcastindex.org/namespace/1.0"), "0b20eef2-824a-5f6a-bc6b-68f611056e0c");
}

TEST(FeedDates, ReadsIsoAndRfc822) {
  EXPECT_EQ(normalize_date("2024-03-14"), "2024-03-14T00:00:00Z");
  EXPECT_EQ(normalize_date("2024-11-10T14:30:00+01:00"), "2024-11-10T13:30:00Z");
  EXPECT_EQ(normalize_date("2024-11-10T14:30:05.250Z"), "2024-11-10T14:30:05Z");
  EXPECT_EQ(normalize_date("Tue, 15 Oct 2024 10:30:00 +0100"), "2024-10-15T09:30:00Z");
  EXPECT_EQ(normalize_date("7 Oct 2024 09:00 GMT"), "2024-10-07T09:00:00Z");
  EXPECT_EQ(normalize_date("last Tuesday"), std::nullopt);
  EXPECT_EQ(normalize_date("2024-13-40"), std::nullopt);
  EXPECT_EQ(rfc822_date("2024-03-14T09:30:00Z"), "Thu, 14 Mar 2024 09:30:00 GMT");
  EXPECT_EQ(clock_time(75.9), "1:15");
  EXPECT_EQ(clock_time(3725), "1:02:05");
}

TEST(RssFeed, HostileTextComesBackAsTheSameText) {
  Channel ch;
  ch.base_url = "https://audio.example.org/health";
  ch.title = "Desk </title><script>x</script>";
  ch.owner_email = "desk@example.org";
  const std::string xml = rss_feed(ch, {sample_episode()}, "Thu, 14 Mar 2024 10:00:00 GMT");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(xml.c_str())) << xml;
  const auto channel = doc.child("rss").child("channel");
  EXPECT_EQ(std::string(channel.child_value("title")), ch.title);
  EXPECT_EQ(std::string(channel.child_value("podcast:guid")), "96dcb4ce-bac9-5992-9728-898d3ef0be86");
  EXPECT_EQ(std::string(channel.child("podcast:locked").attribute("owner").value()), "desk@example.org");
  const auto item = channel.child("item");
  EXPECT_EQ(std::string(item.child_value("title")), sample_episode().title);
  EXPECT_EQ(std::string(item.child("guid").attribute("isPermaLink").value()), "false");
  EXPECT_EQ(std::string(item.child("enclosure").attribute("url").value()), "https://audio.example.org/health/a/a.mp3");
  EXPECT_EQ(std::string(item.child("enclosure").attribute("length").value()), "12345");
  EXPECT_EQ(std::string(item.child_value("itunes:duration")), "62");
  EXPECT_EQ(std::string(item.child_value("pubDate")), "Thu, 14 Mar 2024 09:30:00 GMT");
  // The description is HTML inside CDATA: `]]>` is split, tags are escaped text.
  std::string description;
  for (const auto& part : item.child("description").children()) description += part.value();
  EXPECT_NE(description.find("<p>First ]]&gt; paragraph &lt;b&gt;not bold&lt;/b&gt;</p>"), std::string::npos) << description;
  EXPECT_NE(description.find("<li>1:15 Risks &amp; &lt;harms&gt;</li>"), std::string::npos) << description;
  EXPECT_EQ(std::string(item.child("podcast:chapters").attribute("type").value()), "application/json+chapters");
  int transcripts = 0;
  for (const auto& t : item.children("podcast:transcript")) {
    ++transcripts;
    EXPECT_TRUE(std::string(t.attribute("url").value()).starts_with("https://audio.example.org/health/a/a."));
  }
  EXPECT_EQ(transcripts, 2);
}

TEST(RssFeed, NewestFirstAndStable) {
  Channel ch;
  ch.base_url = "https://x.example";
  Episode old_one = sample_episode(), new_one = sample_episode();
  new_one.id = "b.md";
  new_one.title = "Newer";
  new_one.published = "2025-01-01T00:00:00Z";
  const std::string a = rss_feed(ch, {old_one, new_one}, "d");
  EXPECT_EQ(a, rss_feed(ch, {new_one, old_one}, "d"));
  EXPECT_LT(a.find("Newer"), a.find("Tips"));
}

}  // namespace
}  // namespace readaloud
