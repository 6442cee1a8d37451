// Article feeds in: RSS 2.0 and Atom, and hostile XML refused before expansion.
#include <gtest/gtest.h>


#include "ingest/feed_parser.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

constexpr const char* kRss = R"(<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>News</title><language>en-GB</language>
<item><title>One &amp; only</title><guid>g1</guid><link>https://a.example/1</link>
<pubDate>Mon, 07 Oct 2024 09:00:00 GMT</pubDate><dc:creator>Ann</dc:creator>
<description>short</description><content:encoded><![CDATA[<p>Full <b>text</b></p>]]></content:encoded></item>
<item><title>Two&#x202E;</title><link>javascript:alert(1)</link><description>&lt;p&gt;Body&lt;/p&gt;</description></item>
</channel></rss>)";

TEST(FeedParser, ReadsRssItems) {
  ASSERT_TRUE(looks_like_feed(kRss));
  const ArticleFeed feed = parse_article_feed(kRss, "news.xml");
  EXPECT_EQ(feed.title, "News");
  EXPECT_EQ(feed.language, "en-GB");
  ASSERT_EQ(feed.items.size(), 2u);
  EXPECT_EQ(feed.items[0].title, "One & only");
  EXPECT_EQ(feed.items[0].guid, "g1");
  EXPECT_EQ(feed.items[0].link, "https://a.example/1");
  EXPECT_EQ(feed.items[0].author, "Ann");
  EXPECT_EQ(feed.items[0].published, "Mon, 07 Oct 2024 09:00:00 GMT");
  EXPECT_EQ(feed.items[0].html, "<p>Full <b>text</b></p>");
  EXPECT_EQ(feed.items[1].title, "Two");  // bidi override removed
  EXPECT_EQ(feed.items[1].link, "");      // javascript: dropped
  EXPECT_EQ(feed.items[1].html, "<p>Body</p>");
  EXPECT_EQ(feed_item_id(feed.items[0]), "g1");
  EXPECT_EQ(feed_item_id(feed.items[1]), "Two");
}

TEST(FeedParser, ReadsAtomEntries) {
  const char* atom = R"(<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr"><title>T</title>
<entry><title>A</title><id>urn:a</id><link rel="alternate" href="https://b.example/a"/><updated>2024-11-02T09:00:00Z</updated>
<published>2024-11-01T09:00:00Z</published><author><name>Bo</name></author>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <em>there</em></p></div></content></entry>
<entry><title>B</title><id>urn:b</id><summary>Plain &lt;text&gt;</summary></entry></feed>)";
  ASSERT_TRUE(looks_like_feed(atom));
  const ArticleFeed feed = parse_article_feed(atom, "a.atom");
  EXPECT_EQ(feed.language, "fr");
  ASSERT_EQ(feed.items.size(), 2u);
  EXPECT_EQ(feed.items[0].published, "2024-11-01T09:00:00Z");
  EXPECT_EQ(feed.items[0].author, "Bo");
  EXPECT_EQ(feed.items[0].link, "https://b.example/a");
  EXPECT_NE(feed.items[0].html.find("<p>Hi <em>there</em></p>"), std::string::npos);
  EXPECT_EQ(feed.items[1].html, "<p>Plain &lt;text&gt;</p>");
}

TEST(FeedParser, ItemBecomesAnArticle) {
  const ArticleFeed feed = parse_article_feed(kRss, "news.xml");
  const Article a = feed_item_article(feed.items[0], feed.language, BoilerplateFilter::builtin());
  EXPECT_EQ(a.title, "One & only");
  EXPECT_EQ(a.author, "Ann");
  EXPECT_EQ(a.language, "en-GB");
  ASSERT_FALSE(a.sections.empty());
}

std::string error_of(const std::string& xml) {
  try {
    parse_article_feed(xml, "hostile.rss");
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Input);
    return e.what();
  }
  return "";
}

TEST(FeedParser, RefusesEntityDeclarationsBeforeExpanding) {
  const std::string xxe = R"(<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY s SYSTEM "file:///etc/passwd">]>
<rss><channel><item><title>&s;</title></item></channel></rss>)";
  EXPECT_NE(error_of(xxe).find("hostile.rss: the feed declares entities"), std::string::npos);
  std::string bomb = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">";
  std::string prev = "a";
  for (int i = 0; i < 12; ++i) {
    std::string next = "b" + std::to_string(i);
    bomb += "<!ENTITY " + next + " \"";
    for (int k = 0; k < 10; ++k) bomb += "&" + prev + ";";
    bomb += "\">";
    prev = next;
  }
  bomb += "]><rss><channel><item><title>&" + prev + ";</title></item></channel></rss>";
  // Refused from its declarations, never expanded (10^13 characters would
  // not fit in memory; the e2e bomb test measures the memory a render uses).
  EXPECT_NE(error_of(bomb).find("declares entities"), std::string::npos);
}

TEST(FeedParser, ReportsMalformedAndWrongDocuments) {
  EXPECT_EQ(error_of("<rss><channel>\n<item><title>x</item></channel></rss>"),
            "hostile.rss:2: not a well-formed feed: Start-end tags mismatch");
  EXPECT_EQ(error_of("<html><body/></html>"), "hostile.rss: not an RSS or Atom feed (root element <html>)");
  EXPECT_EQ(error_of("<rss><channel><title>x</title></channel></rss>"), "hostile.rss: the feed has no items");
  EXPECT_FALSE(looks_like_feed("<!DOCTYPE html><html></html>"));
  EXPECT_FALSE(looks_like_feed("# A markdown title"));
}

}  // namespace
}  // namespace readaloud
