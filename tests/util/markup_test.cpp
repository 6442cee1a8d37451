#include "util/markup.hpp"

#include <gtest/gtest.h>
#include <pugixml.hpp>

namespace readaloud {
namespace {

/// Parses `<r a="ATTR">TEXT</r>` strictly and returns the element, so each
/// escape is checked by an independent XML reader, not by string comparison alone.
struct Parsed {
  pugi::xml_document doc;
  bool ok = false;
};

void parse(Parsed& p, const std::string& xml) {
  p.ok = static_cast<bool>(p.doc.load_string(xml.c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
}

TEST(XmlText, EscapesMarkupCharacters) {
  EXPECT_EQ(xml_text("a < b && c > d"), "a &lt; b &amp;&amp; c &gt; d");
  EXPECT_EQ(xml_text("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(xml_text("caf\xC3\xA9"), "caf\xC3\xA9");
}

TEST(XmlText, RoundTripsThroughAnXmlParser) {
  const std::string hostile = "\"><img src=x onerror=alert(1)> ]]> --> &amp; \xE2\x80\xAE";
  Parsed p;
  parse(p, "<r>" + xml_text(hostile) + "</r>");
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(std::string(p.doc.child("r").text().get()), hostile);
  EXPECT_FALSE(p.doc.child("r").first_child().next_sibling());  // one text node, no elements
}

TEST(XmlAttr, RoundTripsQuotesAndNewlines) {
  const std::string hostile = "a\"b'c<d>&e\nf\tg";
  Parsed p;
  parse(p, "<r a=\"" + xml_attr(hostile) + "\" b='" + xml_attr(hostile) + "'/>");
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(std::string(p.doc.child("r").attribute("a").value()), hostile);
  EXPECT_EQ(std::string(p.doc.child("r").attribute("b").value()), hostile);
}

TEST(StripControls, RemovesControlCharactersAndRepairsUtf8) {
  EXPECT_EQ(strip_controls(std::string("a\0b\x01" "c\x7F" "d", 7)), "abcd");
  EXPECT_EQ(strip_controls("line\nnext\ttab"), "line\nnext\ttab");
  EXPECT_EQ(strip_controls("line\nnext", false), "linenext");
  EXPECT_EQ(strip_controls("\xC2\x85" "x"), "x");                        // U+0085 (C1)
  EXPECT_EQ(strip_controls("bad\xFF" "byte"), "bad\xEF\xBF\xBD" "byte");  // invalid -> U+FFFD
  EXPECT_EQ(strip_controls("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
}

TEST(CleanLabel, RemovesBidiOverridesAndNewlines) {
  EXPECT_EQ(clean_label("evil\xE2\x80\xAEtxt.exe"), "eviltxt.exe");        // U+202E
  EXPECT_EQ(clean_label("\xE2\x81\xA6x\xE2\x81\xA9"), "x");                // U+2066..U+2069
  EXPECT_EQ(clean_label(" two\n\nlines\r"), "two lines");
  EXPECT_EQ(clean_label("bell\x07" "s"), "bells");
  EXPECT_EQ(clean_label("\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85"), "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85");  // Arabic kept
}

TEST(XmlCdata, SplitsTheClosingSequence) {
  EXPECT_EQ(xml_cdata("plain"), "<![CDATA[plain]]>");
  const std::string hostile = "a]]>b]]]]>c<x/>";
  Parsed p;
  parse(p, "<r>" + xml_cdata(hostile) + "</r>");
  ASSERT_TRUE(p.ok);
  std::string joined;  // one CDATA node per section
  for (auto node : p.doc.child("r").children()) {
    EXPECT_EQ(node.type(), pugi::node_cdata);
    joined += node.value();
  }
  EXPECT_EQ(joined, hostile);
}

TEST(IsWebUrl, AcceptsOnlyAbsoluteHttpUrls) {
  EXPECT_TRUE(is_web_url("https://example.org/a?b=c#d"));
  EXPECT_TRUE(is_web_url("HTTP://example.org"));
  EXPECT_FALSE(is_web_url("javascript:alert(1)"));
  EXPECT_FALSE(is_web_url("JavaScript:alert(1)"));
  EXPECT_FALSE(is_web_url("data:text/html,<script>"));
  EXPECT_FALSE(is_web_url("file:///etc/passwd"));
  EXPECT_FALSE(is_web_url("//evil.example/x"));
  EXPECT_FALSE(is_web_url("/relative"));
  EXPECT_FALSE(is_web_url("https://"));
  EXPECT_FALSE(is_web_url("https:///path"));
  EXPECT_FALSE(is_web_url("https://a.example/\"onmouseover=x"));
  EXPECT_FALSE(is_web_url("https://a.example/ x"));
}

}  // namespace
}  // namespace readaloud
