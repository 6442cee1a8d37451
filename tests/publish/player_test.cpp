// Player pages: captions read back, text laid out by segment, and hostile
// text kept as text under a hash-locked CSP.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "publish/player.hpp"
#include "publish/player_text.hpp"
#include "util/embedded.hpp"
#include "util/error.hpp"
#include "util/markup.hpp"

namespace readaloud {
namespace {

TEST(Webvtt, ReadsCues) {
  const auto cues = parse_webvtt("WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nOne &lt;b&gt; &amp; two.\n\n"
                                 "00:01.500 --> 00:00:03.250 align:start\nThree\nfour.\n",
                                 "a.vtt");
  ASSERT_EQ(cues.size(), 2u);
  EXPECT_EQ(cues[0], (TimedText{0, 1.5, "One <b> & two."}));
  EXPECT_EQ(cues[1], (TimedText{1.5, 3.25, "Three four."}));
  EXPECT_THROW(parse_webvtt("1\n00:00:00,000 --> 00:00:01,000\nx\n", "a.srt"), Error);
}

Script sample_script() {
  Script s;
  s.chapters = {{"Intro", 1, false, {{Role::Heading, "Intro."}, {Role::Narration, "First sentence. Second one."}}},
                {"Risks", 2, true, {{Role::Heading, "Risks."}, {Role::Warning, "Never mix these."}}}};
  s.chapters[0].segments.push_back({Role::Warning, "Do not drive."});
  return s;
}

TEST(PlayerText, GroupsCuesBySegmentUnderTheirChapters) {
  const std::vector<ManifestChapter> chapters = {{"Intro", 0, false}, {"Risks", 4, false}};
  const PlayerText t = lay_out_text(sample_script(), chapters,
                                    {{0, 1, "Intro."}, {1, 2, "First sentence."}, {2, 3, "Second one."},
                                     {3, 4, "Do not drive."}, {4, 5, "Risks."}, {5, 6, "Never mix these."}});
  ASSERT_EQ(t.chapters.size(), 2u);
  const auto& intro = t.chapters[0];
  ASSERT_EQ(intro.blocks.size(), 3u);
  EXPECT_EQ(intro.blocks[0].kind, TextKind::Heading);
  EXPECT_EQ(intro.blocks[1].sentences, (std::vector<std::size_t>{1, 2}));
  EXPECT_TRUE(intro.blocks[2].warning);
  EXPECT_FALSE(intro.warning);
  EXPECT_TRUE(t.chapters[1].warning);
  EXPECT_EQ(t.chapters[1].blocks[1].sentences, (std::vector<std::size_t>{5}));
}

TEST(PlayerPage, HostileTextStaysTextAndTheCspHashesTheScript) {
  Episode e;
  e.title = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
  e.author = "]]> -->";
  e.slug = "x";
  e.audio = "x.mp3";
  e.captions_vtt = "x.vtt";
  e.chapters_vtt = "x.chapters.vtt";
  e.published = "2024-01-01T00:00:00Z";
  e.link = "javascript:alert(3)";
  e.chapters = {{"<b>Intro</b>", 0, false}, {"Risks", 4, true}};
  Script s = sample_script();
  s.chapters[0].title = "<b>Intro</b>";
  const PlayerText t = lay_out_text(s, e.chapters, {{0, 2, "</script><script>alert(4)</script>"}, {4, 5, "Risks."}});
  const std::string html = player_page(e, t, "Site");
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("javascript:"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  const std::string script(*embedded_file("data/player/player.js"));
  EXPECT_NE(html.find("script-src " + xml_attr(csp_hash(script))), std::string::npos);
  EXPECT_NE(html.find("<script>" + script + "</script>"), std::string::npos);
  EXPECT_NE(html.find("<script type=\"application/json\" id=\"cue-data\">{\"cues\":[[0.000,2.000],[4.000,5.000]]}</script>"),
            std::string::npos);
  EXPECT_NE(html.find("role=\"note\""), std::string::npos);
  // Exactly two script elements: the cue data and the page's own script.
  std::size_t scripts = 0;
  for (auto at = html.find("<script"); at != std::string::npos; at = html.find("<script", at + 1)) ++scripts;
  EXPECT_EQ(scripts, 2u);
}

TEST(PlayerPage, CspHashIsBase64Sha256) {
  // echo -n 'abc' | openssl dgst -sha256 -binary | base64
  EXPECT_EQ(csp_hash("abc"), "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
}

}  // namespace
}  // namespace readaloud
