#include "ingest/html_parser.hpp"

#include <gtest/gtest.h>

#include "ingest/expected_article.hpp"

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>

#include "util/error.hpp"

namespace readaloud {
namespace {

using expected::callout;
using expected::paragraph;
using expected::section;
using expected::unlabelled;

const BoilerplateFilter& filter() {
  static const BoilerplateFilter f = BoilerplateFilter::builtin();
  return f;
}

// Provenance (Article::sources) is checked in ArticleRecordsWhereMetadataCameFrom.
Article parse(std::string_view html) {
  Article a = parse_html(html, filter());
  a.sources.clear();
  return a;
}

Span em(std::string t) { return Span{std::move(t), true, false, ""}; }
Span strong(std::string t) { return Span{std::move(t), false, true, ""}; }
Span plain(std::string t) { return Span{std::move(t)}; }



Block list(bool ordered, int start, std::vector<std::pair<int, std::string>> items, std::size_t line) {
  Block b;
  b.kind = BlockKind::List;
  b.ordered = ordered;
  b.start = start;
  b.line = line;
  for (auto& [depth, text] : items) b.items.push_back(ListItem{make_text(text), depth, std::nullopt});
  return b;
}


std::string all_text(const Article& a) {
  std::string out = a.title + "\n" + a.subtitle + "\n";
  for (const auto& s : a.sections) {
    out += s.title + "\n";
    for (const auto& b : s.blocks) {
      out += plain_text(b.text) + "\n" + plain_text(b.caption) + "\n";
      for (const auto& i : b.items) out += plain_text(i.text) + "\n";
      for (const auto& c : b.header) out += plain_text(c) + "\n";
      for (const auto& r : b.rows)
        for (const auto& c : r) out += plain_text(c) + "\n";
    }
  }
  return out;
}

std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(READALOUD_SOURCE_DIR) + "/tests/fixtures/html/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(HtmlParser, HeavyChromePageKeepsOnlyTheArticle) {
  const Article a = parse(read_fixture("chrome-heavy.html"));
  Article expected;
  expected.title = "Easing hay fever at home";
  expected.author = "Dana Okafor";
  expected.language = "en-GB";
  expected.published = "2024-04-18T09:30:00Z";
  Block intro;
  intro.text = {plain("Hay fever is an allergy to pollen. It causes sneezing, itchy eyes and a "), em("blocked"),
                plain(" nose during the spring and summer months.")};
  intro.line = 27;
  expected.sections = {
      section("Easing hay fever at home", 1, 23, {intro}),
      section("Simple steps", 2, 29,
              {list(false, 1,
                    {{0, "Keep windows closed on high pollen days."},
                     {0, "Shower and change clothes after being outdoors."}},
                    30),
               callout(CalloutKind::Warning, "Seek urgent help if you have trouble breathing.", 36)}),
      section("Medicines", 2, 41,
              {paragraph("Antihistamine tablets and steroid nasal sprays can ease symptoms. A pharmacist can help "
                         "you choose.",
                         42)}),
  };
  expected.dropped = {
      {"Skip to content", "chrome: skip-link", 12},
      {"Meadow Health Conditions Wellness", "chrome: header", 13},
      {"We value your privacy. Accept cookies", "chrome: cookie", 17},
      {"Advertisement: Zappo nasal spray", "chrome: ad", 18},
      {"Home \xE2\x80\xBA Allergy", "chrome: breadcrumb", 22},
      {"By Dana Okafor \xC2\xB7 18 April 2024", "chrome: byline", 24},
      {"Tweet this Pin this", "chrome: share", 25},
      {"Sponsored Try Bloomguard tablets", "chrome: ad", 28},
      {"Was this helpful?", "feedback-prompt", 34},
      {"trackEvent(\"steps-viewed\");", "chrome: script", 35},
      {"Internal editor note: swap the hero image", "chrome: hidden", 37},
      {"Decorative flourish", "chrome: aria-hidden", 38},
      {"More on allergies Dust mite allergy explained", "chrome: related", 39},
      {"Join the Meadow weekly letter Sign me up", "chrome: newsletter", 40},
      {"Reader comments Great piece, thanks", "chrome: comments", 43},
      {"Trending now Ten surprising uses for honey", "chrome: sidebar", 45},
      {"Copyright Meadow Health 2024 Frame fallback text", "chrome: footer", 47},
      {"Enable scripts for the comment widget", "chrome: noscript", 48},
  };
  EXPECT_EQ(a, expected);

  const std::string text = all_text(a);
  for (const char* word : {"Skip", "Meadow", "Conditions", "privacy", "cookies", "Zappo", "Allergy", "Tweet",
                           "Dana", "Bloomguard", "helpful", "trackEvent", "editor", "flourish", "Dust", "weekly",
                           "comments", "Trending", "Copyright", "Frame", "scripts", "Sponsored"})
    EXPECT_EQ(text.find(word), std::string::npos) << word;
}

TEST(HtmlParser, HeadingsSectionsAndTitle) {
  const Article a = parse(
      "<body><p>Before any heading.</p>\n"
      "<h1>Main  title</h1>\n<p>Intro.</p>\n<h2>Part <em>one</em></h2>\n<h3>Detail</h3>\n<p>Deep.</p>\n"
      "<h4></h4><h5>Five</h5><h6>Six</h6></body>");
  Article e;
  e.title = "Main title";
  e.sections = {section("", 1, 0, {paragraph("Before any heading.", 1)}),
                section("Main title", 1, 2, {paragraph("Intro.", 3)}),
                section("Part one", 2, 4, {}),
                section("Detail", 3, 5, {paragraph("Deep.", 6)}),
                section("Five", 5, 7, {}),
                section("Six", 6, 7, {})};
  EXPECT_EQ(a, e);
}

TEST(HtmlParser, TitleFallsBackToOgTitleThenTitleTag) {
  EXPECT_EQ(parse("<head><meta property=\"og:title\" content=\"Cold sores explained\">"
                  "<title>Other | Site</title></head><body><h2>Sub</h2><p>x</p></body>")
                .title,
            "Cold sores explained");
  EXPECT_EQ(parse("<head><title>Cold sores: causes and care | Example Health</title></head><p>x</p>").title,
            "Cold sores: causes and care");
  EXPECT_EQ(parse("<head><title>Cold sores - causes and care - Site</title></head><p>x</p>").title,
            "Cold sores - causes and care");
  // A long tail is part of the title, not a site name.
  EXPECT_EQ(parse("<title>Rest - why sleep matters more than most people think it does</title>").title,
            "Rest - why sleep matters more than most people think it does");
  // og:title comes before an <h1> that does not match <title> (issue 12's cascade);
  // an <h1> that matches <title> wins over <title>'s other parts.
  EXPECT_EQ(parse("<head><title>T | S</title><meta property=\"og:title\" content=\"O\"></head><h1>H</h1>").title,
            "O");
  EXPECT_EQ(parse("<head><title>Section Center - Real headline</title></head><h1>Real headline</h1>").title,
            "Real headline");
}

TEST(HtmlParser, ArticleRecordsWhereMetadataCameFrom) {
  const Article a = parse_html(
      "<head><meta charset=utf-8><title>X | Site</title><meta property=\"og:site_name\" content=\"Site\">"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Head\","
      "\"author\":{\"name\":\"Ann Lee\"},\"datePublished\":\"2025-01-02\"}</script></head>"
      "<body><p>Some article text that is long enough to be scored, with a comma.</p></body>",
      filter());
  EXPECT_EQ(a.title, "Head");
  EXPECT_EQ(a.author, "Ann Lee");
  EXPECT_EQ(a.published, "2025-01-02");
  EXPECT_EQ(a.site_name, "Site");
  EXPECT_EQ(a.sources.at("title"), "JSON-LD headline");
  EXPECT_EQ(a.sources.at("author"), "JSON-LD author");
  EXPECT_EQ(a.sources.at("published"), "JSON-LD datePublished");
  EXPECT_EQ(a.sources.at("site_name"), "og:site_name");
  EXPECT_EQ(a.sources.at("encoding"), "UTF-8 (declared in <meta>)");
}

TEST(HtmlParser, InlineMarksEntitiesAndWhitespace) {
  const Article a = parse(
      "<p>  A <b>bold</b>\n\n  and <i>it</i><em>alic</em> <a href=\"/x\">link</a> &amp; "
      "<abbr title=\"blood pressure\">BP</abbr>,<br>\xE2\x80\x9Cquoted\xE2\x80\x9D it\xE2\x80\x99s&nbsp;"
      "<strong><em>both</em></strong> </p>");
  ASSERT_EQ(a.sections.size(), 1u);
  ASSERT_EQ(a.sections[0].blocks.size(), 1u);
  const InlineText expected = {plain("A "), strong("bold"), plain(" and "), em("italic"), plain(" link & "),
                               Span{"BP", false, false, "blood pressure"},
                               plain(", \"quoted\" it's "), Span{"both", true, true, ""}};
  EXPECT_EQ(a.sections[0].blocks[0].text, expected);
}

TEST(HtmlParser, ListsKeepStartAndNestingDepth) {
  const Article a = parse(
      "<ol start=\"3\"><li>Three</li><li>Four<ul><li>Four a</li><li><p>Four</p><p>b</p></li></ul>"
      " tail</li><li>Five</li></ol>\n<ul><li>Bullet</li><li></li></ul>");
  ASSERT_EQ(a.sections.size(), 1u);
  const std::vector<Block> expected = {
      list(true, 3, {{0, "Three"}, {0, "Four tail"}, {1, "Four a"}, {1, "Four b"}, {0, "Five"}}, 1),
      list(false, 1, {{0, "Bullet"}}, 2)};
  EXPECT_EQ(a.sections[0].blocks, expected);
}

TEST(HtmlParser, QuotesAndCallouts) {
  const Article a = parse(
      "<blockquote><p>Rest is</p><p>medicine.</p></blockquote>\n"
      "<blockquote><p><strong>Caution:</strong> Hot water scalds.</p></blockquote>\n"
      "<p><strong>Warning</strong>: Keep out of reach of children.</p>\n"
      "<p>Note: take with food.</p>\n"
      "<div role=\"alert\">Stop if you feel faint.</div>\n"
      "<div class=\"admonition danger\"><p class=\"admonition-title\">Danger</p><p>Never mix bleach.</p></div>\n"
      "<aside class=\"callout\"><p>Tip: drink water.</p></aside>\n"
      "<section class=\"box-important\"><p>Bring your list.</p></section>\n"
      "<p>Notes matter: not a label.</p>");
  Block quote = paragraph("Rest is medicine.", 1);
  quote.kind = BlockKind::Quote;
  const std::vector<Block> expected = {
      quote,
      callout(CalloutKind::Caution, "Hot water scalds.", 2),
      callout(CalloutKind::Warning, "Keep out of reach of children.", 3),
      callout(CalloutKind::Note, "take with food.", 4),
      unlabelled(callout(CalloutKind::Warning, "Stop if you feel faint.", 5)),
      callout(CalloutKind::Danger, "Never mix bleach.", 6),
      callout(CalloutKind::Tip, "drink water.", 7),
      unlabelled(callout(CalloutKind::Important, "Bring your list.", 8)),
      paragraph("Notes matter: not a label.", 9)};
  ASSERT_EQ(a.sections.size(), 1u);
  EXPECT_EQ(a.sections[0].blocks, expected);
}

TEST(HtmlParser, ABoxLabelNamesTheCalloutOverItsClass) {
  const Article a = parse(
      "<article><div class=\"callout callout-warning\"><p><strong>Important:</strong> Keep the receipt for the "
      "repair.</p></div>\n<div class=\"callout-danger\"><p>Never leave the stove on unattended.</p></div></article>");
  const std::vector<Block> expected = {callout(CalloutKind::Important, "Keep the receipt for the repair.", 1),
                                       unlabelled(callout(CalloutKind::Danger, "Never leave the stove on unattended.", 2))};
  ASSERT_EQ(a.sections.size(), 1u);
  EXPECT_EQ(a.sections[0].blocks, expected);
}

/// Every block's plain text (list items one by one), in reading order.
std::vector<std::string> block_texts(const Article& a) {
  std::vector<std::string> out;
  for (const Section& s : a.sections)
    for (const Block& b : s.blocks) {
      if (!b.text.empty()) out.push_back(plain_text(b.text));
      for (const ListItem& item : b.items) out.push_back(plain_text(item.text));
    }
  return out;
}

bool was_dropped(const Article& a, std::string_view reason, std::string_view starting) {
  for (const Dropped& d : a.dropped)
    if (d.reason == reason && std::string_view(d.text).starts_with(starting)) return true;
  return false;
}

TEST(HtmlParser, LiveBadgesAppealsCreditsAndBackMatterAreNotRead) {
  const std::string first =
      "Storm winds have stopped every crossing to the islands until the morning, the operator said at noon, and "
      "travellers with bookings for the evening boats are being offered seats on the first sailing tomorrow.";
  const std::string second =
      "Queues formed at the harbour as drivers waited for news, some of them with caravans, trailers and animals, "
      "and staff handed out water and leaflets while the wind grew stronger through the afternoon.";
  const std::string third =
      "The port reopens when the wind drops below gale force, which forecasters expect some time before dawn, and "
      "the operator will post the new timetable on its notice boards.";
  const Article a = parse(
      "<article><div class=\"story-top\"><span class=\"pill-badge\">LIVE</span><h1>Ferry crossings cancelled</h1></div>\n"
      "<p>" + first + "</p>\n<p>" + second + " (Image: Rowan Pike)</p>\n<p>" + third + "</p>\n"
      "<p>If you value our journalism, please support us so that this page stays free for everyone.</p>\n"
      "<h2>Sources</h2><ul><li>Harbour office statement, 12 March.</li></ul>"
      "<p>Weather office, coastal forecast for the week ahead, issued at dawn.</p>\n"
      "<h2>About the author</h2><p>Ines Calder is a reporter who has covered the islands for six years.</p>\n"
      "</article>");
  EXPECT_EQ(a.title, "Ferry crossings cancelled");
  EXPECT_EQ(block_texts(a), (std::vector<std::string>{first, second, third}));
  EXPECT_TRUE(was_dropped(a, "chrome: badge", "LIVE"));
  EXPECT_TRUE(was_dropped(a, "photo-credit", "(Image: Rowan Pike)"));
  EXPECT_TRUE(was_dropped(a, "reader-appeal", "If you value"));
  EXPECT_TRUE(was_dropped(a, "sources", "Harbour office"));
  EXPECT_TRUE(was_dropped(a, "sources", "Weather office"));
  EXPECT_TRUE(was_dropped(a, "author-bio", "Ines Calder"));
}

TEST(HtmlParser, AClosingBioWithoutClassOrHeadingGoes) {
  const std::string body =
      "<p>Parks in the east of the city will stay open an hour later through the summer, the council said, so that "
      "people who work late can still use the playing fields and the paths by the lake.</p>";
  const Article a = parse("<article><h1>Parks open later</h1>" + body +
                          "<p>Cass Whitlow is a local news reporter who writes about parks, planning and the "
                          "city's green spaces.</p></article>");
  ASSERT_EQ(block_texts(a).size(), 1u);
  EXPECT_TRUE(was_dropped(a, "author-bio", "Cass Whitlow"));
  // A closing paragraph about someone in the story stays.
  const Article b = parse("<article><h1>Parks open later</h1>" + body +
                          "<p>Cass Whitlow is a park warden who has looked after the lake for twenty years.</p></article>");
  EXPECT_EQ(block_texts(b).size(), 2u);
}

TEST(HtmlParser, TheSectionAfterBackMatterIsReadAgain) {
  const Article a = parse(
      "<h1>Winter walking</h1><p>Wear boots with a deep tread when paths are icy, and keep your hands free.</p>"
      "<h3>About the author</h3><p>Tom Vale writes about the outdoors for several magazines.</p>"
      "<h2>Next week</h2><p>We look at how to pack a light rucksack for a day on the hills.</p>");
  const std::vector<std::string> expected = {
      "Wear boots with a deep tread when paths are icy, and keep your hands free.",
      "We look at how to pack a light rucksack for a day on the hills."};
  EXPECT_EQ(block_texts(a), expected);
}

TEST(HtmlParser, ACalloutsTitleAndListItemsKeepTheirPauses) {
  // The box's own title is part of it, not an infobox of facts; items joined
  // into the one callout end with a pause, so they do not run together.
  const Article a = parse(
      "<article><h1>Heartburn</h1><p>Most heartburn settles when you change what and when you eat.</p>"
      "<div class=\"infobox infobox--warning\"><p class=\"infobox__title\"><strong>Danger signs: get help "
      "now</strong></p><ul><li>trouble swallowing</li><li>black stools</li></ul>"
      "<p>Chest pressure can also be a heart attack.</p></div></article>");
  ASSERT_EQ(a.sections.size(), 1u);
  ASSERT_EQ(a.sections[0].blocks.size(), 2u);
  const Block& box = a.sections[0].blocks[1];
  EXPECT_EQ(box.kind, BlockKind::Callout);
  EXPECT_EQ(plain_text(box.text),
            "Danger signs: get help now. trouble swallowing; black stools. Chest pressure can also be a heart attack.");
}

TEST(HtmlParser, ALayoutTableIsReadAsItsBlocks) {
  // An email's template: tables in tables, one cell to a row, the article's
  // headings inside. Its headings are chapters and its cells paragraphs.
  const Article a = parse(
      "<table width=\"100%\"><tr><td><table><tr><td>Issue 4 of our letter</td></tr></table>"
      "<table><tr><td><h1>Shovel smart</h1><p>Push the snow, do not lift it.</p>"
      "<h2>Pace yourself</h2><p>Rest every fifteen minutes.</p></td></tr></table></td></tr></table>");
  std::vector<std::string> titles;
  for (const Section& s : a.sections) titles.push_back(s.title);
  EXPECT_EQ(titles, (std::vector<std::string>{"Shovel smart", "Pace yourself"}));
  EXPECT_EQ(block_texts(a), (std::vector<std::string>{"Push the snow, do not lift it.", "Rest every fifteen minutes."}));
  // Said outright: cells laid side by side are paragraphs, not a table of data.
  const Article b = parse(
      "<h1>Ice</h1><table role=\"presentation\"><tr><td><p>Grit the path early.</p>"
      "<p>Wear boots with a deep tread.</p></td><td>Salt</td></tr></table>");
  ASSERT_EQ(b.sections.size(), 1u);
  ASSERT_FALSE(b.sections[0].blocks.empty());
  for (const Block& block : b.sections[0].blocks) EXPECT_EQ(block.kind, BlockKind::Paragraph);
  EXPECT_EQ(block_texts(b)[0], "Grit the path early.");
}

TEST(HtmlParser, TablesWithHeadOrHeaderRow) {
  const Article a = parse(
      "<table><caption>Doses</caption><thead><tr><th>Age</th><th>Dose</th></tr></thead>"
      "<tbody><tr><td>Adult</td><td><b>2</b> tablets</td></tr><tr><td>Child</td><td>1</td></tr></tbody></table>\n"
      "<table><tr><th>A</th></tr><tr><td>b</td></tr></table>");
  Block t1;
  t1.kind = BlockKind::Table;
  t1.line = 1;
  t1.header = {make_text("Age"), make_text("Dose")};
  t1.rows = {{make_text("Adult"), InlineText{strong("2"), plain(" tablets")}}, {make_text("Child"), make_text("1")}};
  Block t2;
  t2.kind = BlockKind::Table;
  t2.line = 2;
  t2.header = {make_text("A")};
  t2.rows = {{make_text("b")}};
  ASSERT_EQ(a.sections.size(), 1u);
  EXPECT_EQ(a.sections[0].blocks, (std::vector<Block>{paragraph("Doses", 1), t1, t2}));
}

TEST(HtmlParser, CodeFiguresImagesAndDefinitionLists) {
  const Article a = parse(
      "<pre><code class=\"language-python\">print('hi')</code></pre>\n"
      "<figure><img src=a.jpg alt=\"A nurse takes a pulse\"><figcaption>Checking the pulse. "
      "Photo: Lee Park</figcaption></figure>\n"
      "<figure><img src=b.jpg alt=\"Pills\"><figcaption>Jo Bell/Getty Images</figcaption></figure>\n"
      "<p>Text <img alt=\"inline chart\"> around.</p>\n"
      "<img alt=\"\"><figure><img alt=\"Map\"><figcaption>Where <span class=\"credit\">Map by X</span></figcaption>"
      "</figure>\n"
      "<dl><dt>Dose</dt><dd>How much.</dd><dt>Rate</dt><dt>Speed</dt><dd>How often.</dd></dl>\n"
      "<div>Loose text <div>inner</div> after</div>");
  auto image = [](std::string alt, std::string caption, std::size_t line) {
    Block b;
    b.kind = BlockKind::Image;
    b.text = make_text(std::move(alt));
    if (!caption.empty()) b.caption = make_text(std::move(caption));
    b.line = line;
    return b;
  };
  Block code;
  code.kind = BlockKind::Code;
  code.text = make_text("python");
  code.line = 1;
  const std::vector<Block> expected = {code,
                                       image("A nurse takes a pulse", "Checking the pulse.", 2),
                                       image("Pills", "", 3),
                                       paragraph("Text around.", 4),
                                       image("inline chart", "", 4),
                                       image("Map", "Where", 5),
                                       paragraph("Dose: How much.", 6),
                                       paragraph("Rate, Speed: How often.", 6),
                                       paragraph("Loose text", 7),
                                       paragraph("inner", 7),
                                       paragraph("after", 7)};
  ASSERT_EQ(a.sections.size(), 1u);
  EXPECT_EQ(a.sections[0].blocks, expected);
  const std::vector<Dropped> dropped = {{"Photo: Lee Park", "photo-credit", 2},
                                        {"Jo Bell/Getty Images", "photo-credit", 3},
                                        {"Map by X", "photo-credit", 5}};
  EXPECT_EQ(a.dropped, dropped);
}

TEST(HtmlParser, BoilerplateParagraphsAreDroppedWithTheRule) {
  const Article a = parse(
      "<p>Kept.</p><p>Share on Pinterest</p><p>Keep reading: Ten tips \xC2\xBB</p>"
      "<p>How we reviewed this article:</p><p>History of edits.</p><p>Also kept.</p>");
  ASSERT_EQ(a.sections.size(), 1u);
  EXPECT_EQ(a.sections[0].blocks, (std::vector<Block>{paragraph("Kept.", 1), paragraph("Also kept.", 1)}));
  const std::vector<Dropped> dropped = {{"Share on Pinterest", "share-button", 1},
                                        {"Keep reading: Ten tips \xC2\xBB", "promo", 1},
                                        {"How we reviewed this article:", "review-method", 1},
                                        {"History of edits.", "review-method", 1}};
  EXPECT_EQ(a.dropped, dropped);
}

TEST(HtmlParser, ClassPartsMatchWholePartsOnly) {
  const Article a = parse(
      "<div class=\"header shadow download-box\">Stays.</div><div class=\"top_ad\">Goes.</div>"
      "<div id=\"Ad-Slot-3\">Goes too.</div><div class=\"loading\">Stays too.</div>");
  ASSERT_EQ(a.sections.size(), 1u);
  EXPECT_EQ(a.sections[0].blocks, (std::vector<Block>{paragraph("Stays.", 1), paragraph("Stays too.", 1)}));
  const std::vector<Dropped> dropped = {{"Goes.", "chrome: ad", 1}, {"Goes too.", "chrome: ad", 1}};
  EXPECT_EQ(a.dropped, dropped);
}

TEST(HtmlParser, StyleAndBuilderClassesAreNoChrome) {
  // WordPress's "has-large-font-size" is no font-size widget; Elementor's
  // text widgets hold the article; its nav-menu widget is still a menu.
  const Article a = parse(
      "<p class=\"intro has-large-font-size\">Lupus fatigue is common.</p>"
      "<div class=\"elementor-widget elementor-widget-text-editor\"><p>Rest helps.</p></div>"
      "<div class=\"elementor-widget elementor-widget-nav-menu\">Home About</div>");
  ASSERT_EQ(a.sections.size(), 1u);
  EXPECT_EQ(a.sections[0].blocks,
            (std::vector<Block>{paragraph("Lupus fatigue is common.", 1), paragraph("Rest helps.", 1)}));
}

TEST(HtmlParser, PaywalledProseIsKeptAndItsGateDropped) {
  const std::string para =
      "<p>The transit board approved new defibrillator cabinets for every platform in the city network this week.</p>";
  const Article a = parse("<article><h1>Cabinets</h1><p>Lead paragraph of the story.</p>"
                          "<div class=\"paywall-gate\"><h3>Keep reading</h3><p>Subscribe now.</p></div>"
                          "<div class=\"paywalled\">" + para + para + para + "</div></article>");
  const std::string text = all_text(a);
  EXPECT_NE(text.find("defibrillator cabinets"), std::string::npos) << text;
  EXPECT_EQ(text.find("Subscribe now"), std::string::npos) << text;
}

TEST(HtmlParser, HiddenTranscriptAndLinkLinesAreChrome) {
  const Article a = parse(
      "<article><h1>Naps</h1><p>Show notes about naps and sleep pressure.</p>"
      "<p class=\"more\"><a href=\"/naps\">More about naps</a></p>"
      "<p><a href=\"tel:999\">Call 999</a></p>"
      "<section class=\"episode__transcript\" hidden><p>Host: [00:00] Hi, and welcome to the show. Today we talk "
      "about naps, sleep pressure and the body clock, and why a late nap can keep you awake at night.</p></section>"
      "</article>");
  std::vector<std::string> reasons;
  for (const auto& d : a.dropped) reasons.push_back(d.reason);
  EXPECT_NE(std::find(reasons.begin(), reasons.end(), "chrome: link line"), reasons.end());
  EXPECT_NE(std::find(reasons.begin(), reasons.end(), "chrome: hidden transcript"), reasons.end());
  ASSERT_EQ(a.sections.size(), 1u);
  EXPECT_EQ(plain_text(a.sections[0].blocks.back().text), "Call 999");
}

TEST(HtmlParser, AnH2TellingTheTitleIsTheHeadlineWhenTheH1NamesTheSite) {
  EXPECT_EQ(parse("<head><title>Head Lice: What Families Need to Know | Health Services | Harrow Schools</title></head>"
                  "<h1>Health Services</h1><h2>Head lice: what families need to know this winter</h2><p>x</p>")
                .title,
            "Head lice: what families need to know this winter");
  EXPECT_EQ(parse("<head><title>Festive foods that can poison your dog - Thistledown Vets</title></head>"
                  "<h2>Chocolate, grapes and other festive foods that can poison your dog</h2><p>x</p>")
                .title,
            "Chocolate, grapes and other festive foods that can poison your dog");
  // A table layout's headline in a cell a class names a title; a CJK title.
  EXPECT_EQ(parse("<head><title>\xE9\x95\xB7\xE8\xBC\xA9\xE5\xB1\x85\xE5\xAE\xB6\xE9\x98\xB2\xE8\xB7\x8C - "
                  "\xE8\xA1\x9B\xE6\x95\x99 - Site</title></head><table><tr><td class=\"art_title\">"
                  "\xE9\x95\xB7\xE8\xBC\xA9\xE5\xB1\x85\xE5\xAE\xB6\xE9\x98\xB2\xE8\xB7\x8C\xEF\xBC\x9A"
                  "\xE5\xBE\x9E\xE6\xB5\xB4\xE5\xAE\xA4\xE5\x81\x9A\xE8\xB5\xB7</td></tr></table><p>x</p>")
                .title,
            "\xE9\x95\xB7\xE8\xBC\xA9\xE5\xB1\x85\xE5\xAE\xB6\xE9\x98\xB2\xE8\xB7\x8C\xEF\xBC\x9A"
            "\xE5\xBE\x9E\xE6\xB5\xB4\xE5\xAE\xA4\xE5\x81\x9A\xE8\xB5\xB7");
  // The visible <h1> over a structured headline worded a little differently.
  EXPECT_EQ(parse("<head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":"
                  "\"Pharmacist warns anyone keeping medicines in the bathroom to move them\"}</script></head>"
                  "<h1>Pharmacist warns anyone keeping medicines in bathroom to move them</h1><p>x</p>")
                .title,
            "Pharmacist warns anyone keeping medicines in bathroom to move them");
  // An <h1> that adds a kicker to the structured headline is no rewording of it.
  EXPECT_EQ(parse("<head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":"
                  "\"Kinderarztpraxen melden Ansturm vor den Feiertagen\"}</script></head>"
                  "<h1><span>Atemwegsinfekte</span> <span>Kinderarztpraxen melden Ansturm vor den Feiertagen</span></h1>"
                  "<p>x</p>")
                .title,
            "Kinderarztpraxen melden Ansturm vor den Feiertagen");
  // The site name is no headline part: an <h1> with a permalink mark wins.
  EXPECT_EQ(parse("<head><title>Hypothermia - Hollin Fell Rescue Handbook</title></head>"
                  "<div class=\"md-header__title\">Hollin Fell Rescue Handbook Hypothermia</div>"
                  "<h1>Hypothermia<a class=\"headerlink\" href=\"#h\">\xC2\xB6</a></h1><p>x</p>")
                .title,
            "Hypothermia");
}

TEST(HtmlParser, JournalBackMatterAndPageBuilderSitePartsAreDropped) {
  const Article a = parse(
      "<div data-elementor-type=\"header\"><p>Thistledown Vets. Call us on 555-0187 today.</p></div>"
      "<article><h1>Stairs at work</h1><p>Short bouts of stair climbing improved fitness.</p>"
      "<h2>Acknowledgements</h2><p>We thank the two public contributors.</p>"
      "<h2>Funding</h2><p>This summary was funded by a grant.</p></article>"
      "<div data-elementor-type=\"footer\"><p>Opening hours: Monday to Friday, 8am to 7pm.</p></div>");
  const std::string text = all_text(a);
  EXPECT_NE(text.find("stair climbing"), std::string::npos) << text;
  for (const char* gone : {"Call us", "public contributors", "funded by", "Opening hours"})
    EXPECT_EQ(text.find(gone), std::string::npos) << gone << "\n" << text;
}

TEST(HtmlParser, AForumPostInItsEditFormUnderACommunityNamedH1) {
  const std::string para =
      "<p>Long post, sorry. When I was first diagnosed I read every recovery story on this forum at night.</p>";
  const Article a = parse(
      "<head><title>14 months with frozen shoulder, what helped me : ShoulderRehab</title>"
      "<meta property=\"og:title\" content=\"t/ShoulderRehab - 14 months with frozen shoulder, what helped me\"></head>"
      "<body><div class=\"side\"><h1>ShoulderRehab</h1><p>A community for shoulder injuries.</p></div>"
      "<div class=\"thing\"><p class=\"title\"><a class=\"title\" href=\"/p\">14 months with frozen shoulder, what "
      "helped me</a></p><form class=\"usertext\"><div class=\"md\">" + para + para + para + "</div></form></div></body>");
  EXPECT_EQ(a.title, "14 months with frozen shoulder, what helped me");
  EXPECT_NE(all_text(a).find("Long post, sorry."), std::string::npos) << all_text(a);
}

TEST(HtmlParser, TheHeadlineMarkedOnThePageOverASearchEngineHeadline) {
  EXPECT_EQ(parse("<head><script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":"
                  "\"How to Thaw a Turkey Safely: Fridge, Cold Water and Cooking From Frozen\"}</script></head>"
                  "<h1 itemprop=\"headline\">How to Thaw a Turkey Safely (and What to Do If You Forgot)</h1><p>x</p>")
                .title,
            "How to Thaw a Turkey Safely (and What to Do If You Forgot)");
}

TEST(HtmlParser, MainContentChoice) {
  // The largest article wins; a wrapper with a chrome class that holds the article is not chrome.
  const Article a = parse(
      "<body><div class=\"layout-with-ads\"><article><p>Teaser.</p></article>"
      "<article><h1>Real</h1><p>The real article body is longer.</p></article></div>"
      "<p>Loose page text.</p></body>");
  EXPECT_EQ(a.title, "Real");
  ASSERT_EQ(a.sections.size(), 1u);
  EXPECT_EQ(a.sections[0].blocks, (std::vector<Block>{paragraph("The real article body is longer.", 1)}));
  const std::vector<Dropped> dropped = {{"Teaser.", "outside main content", 1},
                                        {"Loose page text.", "outside main content", 1}};
  EXPECT_EQ(a.dropped, dropped);

  const Article m = parse("<header><h1>Site</h1></header><div role=\"main\"><h2>Inside</h2><p>Body.</p></div>");
  EXPECT_EQ(m.title, "");
  ASSERT_EQ(m.sections.size(), 1u);
  EXPECT_EQ(m.sections[0].title, "Inside");
}

TEST(HtmlParser, ArticleHeaderKeepsHeadingAndSubtitle) {
  const Article a = parse(
      "<main><header><h1>Knee pain</h1><p class=\"dek\">What helps and when to worry</p>"
      "<p>By Sam Lee</p></header><p>Body.</p></main>");
  EXPECT_EQ(a.title, "Knee pain");
  EXPECT_EQ(a.subtitle, "What helps and when to worry");
  ASSERT_EQ(a.sections.size(), 1u);
  EXPECT_EQ(a.sections[0].blocks, (std::vector<Block>{paragraph("Body.", 1)}));
  EXPECT_EQ(a.dropped, (std::vector<Dropped>{{"By Sam Lee", "chrome: header", 1}}));
}

TEST(HtmlParser, MetadataFromTimeElement) {
  const Article a = parse("<html lang=\"es\"><body><article><p><time datetime=\"2023-02-01\">1 Feb</time> "
                          "x</p></article></body></html>");
  EXPECT_EQ(a.language, "es");
  EXPECT_EQ(a.published, "2023-02-01");
}

TEST(HtmlParser, Windows1252PageViaMetaCharset) {
  const std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head>"
      "<body><p>Caf\xE9 \x93quoted\x94 \x96 fine</p></body></html>";
  const Article a = parse(page);
  ASSERT_EQ(a.sections.size(), 1u);
  EXPECT_EQ(a.sections[0].blocks, (std::vector<Block>{paragraph("Caf\xC3\xA9 \"quoted\" \xE2\x80\x93 fine", 1)}));
  // <meta charset> form, and an explicit encoding overriding the declaration.
  EXPECT_EQ(plain_text(parse("<meta charset='iso-8859-1'><p>na\xEFve</p>").sections[0].blocks[0].text),
            "na\xC3\xAFve");
  EXPECT_EQ(
      plain_text(parse_html("<meta charset=utf-8><p>na\xEFve</p>", filter(), "latin1").sections[0].blocks[0].text),
      "na\xC3\xAFve");
}

TEST(HtmlParser, CharsetProblemsAreNotErrors) {
  // Issue 12: an unknown declaration falls back to sniffing (with a warning on
  // stderr), and undeclared non-UTF-8 bytes are windows-1252, as in a browser.
  EXPECT_EQ(plain_text(parse("<html>\n<meta charset=\"klingon-8\"><p>x</p>").sections.at(0).blocks.at(0).text), "x");
  EXPECT_EQ(plain_text(parse("<p>Caf\xE9</p>").sections.at(0).blocks.at(0).text), "Caf\xC3\xA9");
  EXPECT_EQ(plain_text(parse("<meta charset=gb2312><p>Caf\xC3\xA9</p>").sections.at(0).blocks.at(0).text),
            "Caf\xC3\xA9");
}

TEST(HtmlParser, DeepNestingIsFlattenedQuickly) {
  constexpr int kDepth = 100000;
  std::string page = "<article><h1>Deep</h1>";
  for (int i = 0; i < kDepth; ++i) page += "<div>";
  page += "deep text";
  for (int i = 0; i < kDepth; ++i) page += "</div>";
  page += "<p>after</p></article>";
  const Article a = parse(page);
  Article e;
  e.title = "Deep";
  e.sections = {section("Deep", 1, 1, {paragraph("deep text", 1), paragraph("after", 1)})};
  EXPECT_EQ(a, e);

  // Interleaved formatting tags, unclosed blockquotes, lists and tables: no crash, text kept.
  std::string ib = "<p>";
  for (int i = 0; i < 20000; ++i) ib += "<i><b>";
  ib += "x";
  const Article b = parse(ib);
  EXPECT_EQ(b.sections.at(0).blocks.at(0).text, (InlineText{Span{"x", true, true, ""}}));
  std::string bq;
  for (int i = 0; i < kDepth; ++i) bq += "<blockquote>";
  EXPECT_EQ(plain_text(parse(bq + "q").sections.at(0).blocks.at(0).text), "q");
  std::string li;
  for (int i = 0; i < 20000; ++i) li += "<ul><li>";
  const Article l = parse(li + "item");
  ASSERT_EQ(l.sections.at(0).blocks.size(), 1u);
  EXPECT_EQ(l.sections[0].blocks[0].items.size(), 1u);
  EXPECT_EQ(l.sections[0].blocks[0].items[0].depth, static_cast<int>(kMaxHtmlDepth) - 1);
}

TEST(HtmlParser, SunburnEquivalenceFixture) {
  std::ifstream in(std::string(READALOUD_SOURCE_DIR) + "/tests/fixtures/equivalence/sunburn.html");
  std::stringstream ss;
  ss << in.rdbuf();
  const Article a = parse(ss.str());
  EXPECT_EQ(a.title, "Treating a mild sunburn at home");
  ASSERT_EQ(a.sections.size(), 4u);
  EXPECT_EQ(a.sections[1].blocks.at(1),
            callout(CalloutKind::Warning, "Do not pop blisters, because broken skin can become infected.", 22));
  EXPECT_EQ(a.sections[0].blocks.at(0).kind, BlockKind::Image);
  EXPECT_TRUE(a.sections[0].blocks.at(0).caption.empty());
  EXPECT_EQ(all_text(a).find("Sponsored"), std::string::npos);
  EXPECT_EQ(all_text(a).find("newsletter"), std::string::npos);
}

TEST(HtmlParser, HeadingsLeftEmptyByDroppedChromeGo) {
  const Article a = parse(
      "<body><article><h1>Title</h1><p>Text of the article.</p>\n"
      "<h2>References</h2>\n<div class=\"reflist\"><ol><li>A source, 2020.</li></ol></div>\n"
      "<h2>Kept</h2>\n</article></body>");
  std::vector<std::string> titles;
  for (const Section& s : a.sections) titles.push_back(s.title);
  // "References" headed only a dropped list; "Kept" headed nothing that was dropped.
  EXPECT_EQ(titles, (std::vector<std::string>{"Title", "Kept"}));
}

TEST(HtmlParser, DivTemplatesSplitOnDoubleBreaksAndLoseTitleAndDateLines) {
  const Article a = parse(
      "<head><title>Night buses saved | The Post</title></head><body><div class=\"c1\">"
      "<div class=\"ttl\">Night buses saved</div><div class=\"dt\">Thursday 14 November 2024</div>"
      "<div class=\"storybody\">The council voted eleven to four to keep the night bus network running for another "
      "year, after a long debate.<br><br>Nurses, cleaners and bar staff filled the public gallery to speak for it "
      "on Wednesday night.<br>The vote was close.</div></div></body>");
  EXPECT_EQ(a.title, "Night buses saved");
  std::vector<std::string> paragraphs;
  for (const Section& s : a.sections)
    for (const Block& b : s.blocks) paragraphs.push_back(plain_text(b.text));
  ASSERT_EQ(paragraphs.size(), 2u);
  EXPECT_TRUE(paragraphs[0].starts_with("The council voted"));
  // A single <br> stays inside its paragraph.
  EXPECT_TRUE(paragraphs[1].ends_with("on Wednesday night. The vote was close.")) << paragraphs[1];
}

TEST(HtmlParser, TableLayoutStoryHeaderAndSideColumnsGo) {
  const Article a = parse(
      "<html><head><title>Bridge repairs start in May :: Valley Echo</title></head><body><table><tr>"
      "<td class=\"leftcol\"><p>Latest headlines</p><p><a href=\"/1\">Fete raises record sum</a></p></td>"
      "<td class=\"maincol\"><span>Friday 3 April 2026</span><br><span>Bridge repairs start in May</span><br>"
      "<span>by Echo reporter</span><br><br>The old stone bridge on Mill Lane will close for six weeks from May "
      "while masons replace the worn parapet stones and seal the deck.<br><br>Drivers will be sent round by the "
      "ring road, and a footbridge will stay open for people walking to the school.</td>"
      "<td class=\"rightcol\"><p>Subscribe</p><p>Get the Echo delivered every week for a small fee.</p></td>"
      "</tr></table></body></html>");
  EXPECT_EQ(a.title, "Bridge repairs start in May");
  const std::string text = all_text(a);
  EXPECT_EQ(text.find("Latest headlines"), std::string::npos) << text;
  EXPECT_EQ(text.find("Echo reporter"), std::string::npos) << text;
  EXPECT_EQ(text.find("delivered every week"), std::string::npos) << text;
  EXPECT_NE(text.find("footbridge will stay open"), std::string::npos) << text;
}

TEST(HtmlParser, RecipeSummaryCardGoesButAFullRecipeCardStays) {
  const std::string body =
      "<p>This bean stew is what we cook on wet Sundays, with whatever greens are left in the fridge and a "
      "good spoon of paprika.</p><p>Soak the beans overnight, then simmer them with the onions for an hour until "
      "soft.</p>";
  const Article summary = parse("<html><body><article>" + body +
                                "<div class=\"card-recipe\"><h2>Bean stew</h2><div>Prep 10 minutes Cook 60 "
                                "minutes</div><div>Serves: 4</div><a href=\"#\">Pin</a></div></article></body></html>");
  const std::string s = all_text(summary);
  EXPECT_EQ(s.find("Prep 10 minutes"), std::string::npos) << s;
  EXPECT_EQ(s.find("Serves: 4"), std::string::npos) << s;
  const Article full = parse("<html><body><article>" + body +
                             "<div class=\"card-recipe\"><h2>Bean stew</h2><div>Serves: 4</div><ul><li>400 g "
                             "beans</li><li>2 onions</li></ul></div></article></body></html>");
  const std::string f = all_text(full);
  EXPECT_NE(f.find("400 g beans"), std::string::npos) << f;
  EXPECT_NE(f.find("Serves: 4"), std::string::npos) << f;
}

TEST(HtmlParser, StandfirstAboveTheArticleRootIsTheSubtitle) {
  const Article a = parse(
      "<html><body><div class=\"top\"><div class=\"hed\">Why owls hunt at dusk</div>"
      "<div class=\"story-dek\">Dim light suits their eyes and ears. Here is what the latest field work found.</div>"
      "</div><div class=\"prose\"><p>Owls hear a vole under snow from several metres away, and at dusk the small "
      "animals they hunt come out to feed.</p><p>Their eyes gather light well, so the half-dark gives them an edge "
      "over the birds that hunt by day.</p><p>Field workers tracked twelve barn owls over two winters.</p>"
      "</div></body></html>");
  EXPECT_EQ(a.subtitle, "Dim light suits their eyes and ears. Here is what the latest field work found.");
  const Article ghost = parse(
      "<html><body><article><header><h1>Why owls hunt at dusk</h1><p class=\"article-excerpt\">Dim light suits "
      "their eyes and ears.</p></header><section class=\"gh-content\"><p>Owls hear a vole under snow from several "
      "metres away, and at dusk the small animals they hunt come out to feed.</p></section></article></body></html>");
  EXPECT_EQ(ghost.subtitle, "Dim light suits their eyes and ears.");
}

TEST(HtmlParser, ACalloutsDecorativeIconIsNotSpoken) {
  const Article a = parse(
      "<html><body><article><h1>Storing medicines safely</h1><p>Most homes keep tablets in a kitchen drawer, "
      "which is where small children find them first.</p><div class=\"callout\"><div class=\"callout-emoji\">"
      "\xE2\x9A\xA0\xEF\xB8\x8F</div><div class=\"callout-text\">Lock tablets away out of children's reach.</div>"
      "</div></article></body></html>");
  const std::string text = all_text(a);
  EXPECT_EQ(text.find("\xE2\x9A\xA0"), std::string::npos) << text;
  EXPECT_NE(text.find("Lock tablets away"), std::string::npos) << text;
}

TEST(HtmlParser, ADocumentationSitesPermalinkMarkLeavesItsHeadings) {
  const Article a = parse(
      "<html><body><article><h1 id=\"cold\">Cold injuries<a class=\"headerlink\" href=\"#cold\">&para;</a></h1>"
      "<p>Cold injuries are common on long callouts, and most of them can be prevented with dry layers.</p>"
      "<h2 id=\"signs\">Early signs<a class=\"anchor\" href=\"#signs\">&sect;</a></h2>"
      "<p>Numb fingers and clumsy hands come first, long before the skin looks pale or waxy.</p>"
      "</article></body></html>");
  ASSERT_EQ(a.sections.size(), 2u);
  EXPECT_EQ(a.sections[0].title, "Cold injuries");
  EXPECT_EQ(a.sections[1].title, "Early signs");
}

TEST(HtmlParser, ACaptionsScreenReaderLabelIsNotSpoken) {
  const Article a = parse(
      "<html><body><article><h1>Quiet nights on the ward</h1><p>Two hospitals now dim the lights on their wards "
      "at eleven and keep voices low until six in the morning.</p><figure><img src=\"w.jpg\" alt=\"\">"
      "<figcaption><span class=\"visually-hidden\">Image caption, </span>Ward 7 switches to amber lamps at night"
      "</figcaption></figure><p>Patients said they slept longer, and fewer asked for sleeping tablets.</p>"
      "</article></body></html>");
  const std::string text = all_text(a);
  EXPECT_EQ(text.find("Image caption"), std::string::npos) << text;
  EXPECT_NE(text.find("Ward 7 switches to amber lamps at night"), std::string::npos) << text;
}

TEST(HtmlParser, APublishedDocumentsTitleParagraphContentsAndLetterhead) {
  // A document published from an online editor: <title> is the file name,
  // the Title paragraph names it, its sections are <h1>s, and its contents
  // are paragraphs of links to its own headings.
  const Article a = parse(
      "<html><head><title>Winter guide 2026 (final v3)</title>"
      "<meta property=\"og:title\" content=\"Winter guide 2026 (final v3)\"></head><body><div id=\"contents\">"
      "<p class=\"c8\"><span>Harbour Running Club \xC2\xB7 Members only</span></p>"
      "<p class=\"c10 title\"><span>Running in the cold</span></p>"
      "<p class=\"c2\"><span>Contents</span></p>"
      "<p class=\"c4\"><a href=\"#h.a1\">Why this guide</a></p><p class=\"c4\"><a href=\"#h.b2\">Layers</a></p>"
      "<p class=\"c4\"><a href=\"#h.c3\">After the run</a></p>"
      "<h1 id=\"h.a1\">Why this guide</h1><p>Our groups now run three evenings a week all winter, and the guide "
      "collects what the coaches want every runner in the club to know before the first cold session.</p>"
      "<h1 id=\"h.b2\">Layers</h1><p>Several thin layers keep you warmer than one thick jacket, because the air "
      "between them holds heat; take one off before you start to sweat heavily.</p>"
      "<h1 id=\"h.c3\">After the run</h1><p>Change into dry clothes within ten minutes and drink something warm "
      "before you drive home, even when you feel fine.</p></div></body></html>");
  EXPECT_EQ(a.title, "Running in the cold");
  const std::string text = all_text(a);
  EXPECT_EQ(text.find("Members only"), std::string::npos) << text;
  EXPECT_EQ(text.find("Contents"), std::string::npos) << text;
  EXPECT_EQ(text.find("Layers Layers"), std::string::npos) << text;
  ASSERT_FALSE(a.sections.empty());
  EXPECT_NE(all_text(a).find("Several thin layers"), std::string::npos);
  // The title paragraph is not spoken twice.
  EXPECT_EQ(text.find("Running in the cold"), text.rfind("Running in the cold")) << text;
}

TEST(HtmlParser, InPageLinksInsideProseAreNoContents) {
  const Article a = parse(
      "<html><body><article><h1>Running in the cold</h1>"
      "<p><a href=\"#layers\">Layers</a></p><p>Several thin layers keep you warmer than one thick jacket, "
      "as the section on <a href=\"#layers\">layers</a> explains in detail below.</p>"
      "<p><a href=\"#after\">After the run</a></p><h2 id=\"layers\">Layers</h2><p>Take one layer off before "
      "you start to sweat heavily, and put it back on when you stop.</p></article></body></html>");
  const std::string text = all_text(a);
  EXPECT_NE(text.find("as the section on layers explains"), std::string::npos) << text;
}

TEST(HtmlParser, AVideoEmbedAndACreditRunOnAfterACaptionGo) {
  const Article a = parse(
      "<html><body><article><h1>Dengue cases rise after the rains</h1><p>Hospitals in the district reported twice as "
      "many dengue admissions this week as last, and doctors urged families to watch for warning signs.</p>"
      "<figure><img src=\"a.jpg\" alt=\"\"><figcaption>Health workers visit homes in Palm Gardens Foto: R. Matos/City"
      "</figcaption></figure>"
      "<div class=\"vdo-embed\"><div class=\"vdo-lbl\">WATCH</div><div><img src=\"v.jpg\" alt=\"\"><span>02:38</span>"
      "</div><p class=\"vdo-ttl\">Dengue or viral fever? A doctor explains</p></div>"
      "<p>Most patients recover with fluids and rest, and only a few need a hospital bed.</p></article></body></html>");
  const std::string text = all_text(a);
  EXPECT_EQ(text.find("WATCH"), std::string::npos) << text;
  EXPECT_EQ(text.find("A doctor explains"), std::string::npos) << text;
  EXPECT_EQ(text.find("Matos"), std::string::npos) << text;
  EXPECT_NE(text.find("Health workers visit homes in Palm Gardens"), std::string::npos) << text;
  EXPECT_NE(text.find("only a few need a hospital bed"), std::string::npos) << text;
}

TEST(HtmlParser, AHospitalStorysDoctorCardIsNotSpoken) {
  const Article a = parse(
      "<html><body><article><h1>Back on her feet</h1><p>Leah had hip pain for two years before a scan showed a torn "
      "labrum, and surgery in the spring let her dance again without pain.</p>"
      "<div class=\"provider-card\"><div class=\"provider-card__label\">Meet the surgeon</div><h3><a href=\"/d/1\">"
      "Sam Cross, MD</a></h3><p>Orthopaedic Sports Medicine</p><p>Accepting new patients</p></div>"
      "<p>Her recovery took four months of careful physical therapy.</p></article></body></html>");
  const std::string text = all_text(a);
  EXPECT_EQ(text.find("Meet the surgeon"), std::string::npos) << text;
  EXPECT_EQ(text.find("Accepting new patients"), std::string::npos) << text;
  EXPECT_NE(text.find("four months of careful physical therapy"), std::string::npos) << text;
}

TEST(HtmlParser, AnAlertsHeaderAroundTheHeadlineIsNoWarningBox) {
  const Article a = parse(
      "<html><body><article><div class=\"alert-header\"><p>Health alert</p><h1>Cryptosporidiosis outbreak linked "
      "to public pools</h1><p>Issued 21 January 2027</p></div><p>Cases of cryptosporidiosis are about three times "
      "higher than usual for this time of year, and most people who fell ill had swum in public pools.</p>"
      "<div class=\"alert\"><p>Call Triple Zero (000) if your child is very drowsy or has not passed urine for 6 hours.</p>"
      "</div></article></body></html>");
  EXPECT_EQ(a.title, "Cryptosporidiosis outbreak linked to public pools");
  std::size_t boxes = 0;
  for (const Section& s : a.sections)
    for (const Block& b : s.blocks)
      if (b.kind == BlockKind::Callout) {
        ++boxes;
        EXPECT_EQ(plain_text(b.text).find("Issued"), std::string::npos);
      }
  EXPECT_EQ(boxes, 1u);  // the real alert box stays one
}

TEST(HtmlParser, ANewsStorysFactBoxAsideIsRead) {
  const Article a = parse(
      "<html><body><article><h1>Doctors warn barbecue-goers</h1><p>Public health doctors have warned people cooking "
      "outdoors to take extra care with chicken after a sharp rise in food poisoning cases this month.</p>"
      "<aside class=\"factbox\"><p class=\"factbox__title\">Barbecue safety: the basics</p><ul><li>Cook chicken "
      "until it is piping hot all the way through.</li><li>Use separate tongs for raw and cooked meat.</li></ul></aside>"
      "<aside class=\"related\"><p>Heatwave warning for older relatives</p></aside>"
      "<div class=\"read-also\"><p class=\"read-also__label\">Lees ook</p><p><a href=\"/x\">Teken in het gras: zo "
      "controleer je jezelf</a></p></div><p>Most people recover within a week without treatment.</p>"
      "</article></body></html>");
  const std::string text = all_text(a);
  EXPECT_NE(text.find("Use separate tongs for raw and cooked meat."), std::string::npos) << text;
  EXPECT_EQ(text.find("Heatwave warning"), std::string::npos) << text;
  EXPECT_EQ(text.find("Teken in het gras"), std::string::npos) << text;  // an inline "read also" link
  EXPECT_NE(text.find("Most people recover within a week"), std::string::npos) << text;
}

TEST(HtmlParser, AGermanReadingTipBoxAndARecipesAuthorLineGo) {
  const Article a = parse(
      "<html><body><article><h1>Anwohnerparken kostet bald 180 Euro</h1><p>Der Stadtrat hat am Donnerstag die neue "
      "Geb\u00FChrenordnung beschlossen, nach der ein Bewohnerparkausweis vom kommenden Jahr an deutlich mehr kostet.</p>"
      "<div class=\"ir-lesetipp\"><p class=\"ir-lesetipp__label\">Lesen Sie auch</p><a href=\"/x\">Quartiersgarage "
      "am Schlachthof: Baustart verz\u00F6gert sich erneut</a></div>"
      "<p class=\"recipe-author\">Ricetta di <strong>Rosaria Lo Cascio</strong> \u00B7 1 giugno 2028</p>"
      "<p>Die Verwaltung rechnet mit Mehreinnahmen von rund einer Million Euro im Jahr, die in den Busverkehr "
      "flie\u00DFen sollen.</p></article></body></html>");
  const std::string text = all_text(a);
  EXPECT_EQ(text.find("Quartiersgarage"), std::string::npos) << text;
  EXPECT_EQ(text.find("Rosaria"), std::string::npos) << text;
  EXPECT_NE(text.find("Busverkehr"), std::string::npos) << text;
  // A class that only holds the word as part of another stays: "lesetippliste" is no reading tip's box.
  const Article kept = parse(
      "<html><body><article><h1>Anwohnerparken kostet bald 180 Euro</h1><p>Der Stadtrat hat am Donnerstag die neue "
      "Geb\u00FChrenordnung beschlossen, nach der ein Bewohnerparkausweis vom kommenden Jahr an deutlich mehr kostet.</p>"
      "<div class=\"tabelle\"><p>Quartiersgarage am Schlachthof: 420 Pl\u00E4tze, ab 2029 ge\u00F6ffnet.</p></div>"
      "</article></body></html>");
  EXPECT_NE(all_text(kept).find("Quartiersgarage"), std::string::npos);
}

TEST(HtmlParser, AUnitsHeadingOverTheHeadlineAndASpanishToolBarGo) {
  const std::string top =
      "<html><body><div id=\"main\" role=\"main\"><h2>Servicio de Cardiolog\u00EDa: pruebas diagn\u00F3sticas e "
      "informaci\u00F3n para pacientes</h2><h1>Holter de 24 horas</h1>"
      "<div class=\"Herramientas\"><span>\u00DAltima actualizaci\u00F3n: 14/03/2028</span> <a href=\"#\">Imprimir</a> "
      "<a href=\"/hoja.pdf\">Descargar PDF</a> <a href=\"https://api.whatsapp.com/send\">Compartir</a></div>";
  const std::string body =
      "<p>El Holter es un peque\u00F1o grabador port\u00E1til que registra de forma continua la actividad "
      "el\u00E9ctrica del coraz\u00F3n mientras haces tu vida normal durante un d\u00EDa completo.</p>"
      "<h2>\u00BFC\u00F3mo prepararte?</h2><p>D\u00FAchate antes de venir, porque no podr\u00E1s mojar el "
      "grabador mientras lo lleves puesto.</p></div></body></html>";
  const Article a = parse(top + body);
  EXPECT_EQ(a.title, "Holter de 24 horas");
  const std::string text = all_text(a);
  EXPECT_EQ(text.find("Servicio de Cardiolog"), std::string::npos) << text;
  EXPECT_EQ(text.find("Descargar PDF"), std::string::npos) << text;
  EXPECT_NE(text.find("grabador port"), std::string::npos) << text;
  // A heading over the headline with text of its own under it is a section of the page and stays.
  const Article kept = parse(
      "<html><body><div id=\"main\" role=\"main\"><h2>Aviso</h2><p>Las consultas de la tarde se trasladan "
      "a la planta 2 durante el mes de mayo por obras en el edificio.</p><h1>Holter de 24 horas</h1>" + body);
  EXPECT_NE(all_text(kept).find("planta 2"), std::string::npos);
}

TEST(HtmlParser, SummaryBoxesAndAProseBoxAsideAreRead) {
  const Article a = parse(
      "<html><body><article><h1>Weight-loss drug costs push employers to rethink coverage</h1>"
      "<aside class=\"gb-keypoints\"><p>Key Points</p><ul><li>Fewer large employers cover the drugs this "
      "year.</li><li>Companies are adding rules rather than dropping coverage.</li></ul></aside>"
      "<div class=\"body\"><p>When a grocery chain added the new injections to its health plan two years ago, "
      "its benefits team expected a few hundred employees to sign up. More than 900 did.</p>"
      "<aside class=\"ask-box\"><p>Ask the Pediatrician</p><p>My baby spits up after almost every feed. Should I "
      "switch to a different formula, or wait and see?</p><p>Not on your own. In most babies, spit-up has nothing to "
      "do with the formula, and switching back and forth can upset their tummy.</p></aside>"
      "<aside class=\"promo\"><p>Start a $39 visit with a clinician by video today, from home or work.</p></aside>"
      "<aside><p>Read our guide to infant formula and how to choose one for your baby, with prices.</p>"
      "<p><a href=\"/guide\">Infant formula: the complete guide for new parents, with a checklist</a></p></aside>"
      "<p>Demand has lifted the makers of the two leading drugs, and employers are worried about the cost.</p>"
      "</div></article></body></html>");
  const std::string text = all_text(a);
  EXPECT_NE(text.find("Fewer large employers cover the drugs"), std::string::npos) << text;
  EXPECT_NE(text.find("Not on your own."), std::string::npos) << text;
  EXPECT_EQ(text.find("Start a $39 visit"), std::string::npos) << text;  // a promo's class
  EXPECT_EQ(text.find("Read our guide"), std::string::npos) << text;     // a box that links out
}

TEST(HtmlParser, AStoryTickersChipsAndANewslettersBriefsAreNotRead) {
  const Article a = parse(
      "<html><body><article><h1>Drugmakers ride demand</h1><div class=\"body\"><p>Shares of Halvern Therapeutics "
      "<a class=\"gb-ticker\" href=\"/q/HLVN\">HLVN <span>+1.82%</span></a> have nearly doubled in two years, "
      "as demand for the weekly injections has grown faster than anyone expected.</p>"
      "<p>Employers say the cost is the biggest change to their health plans in a decade, and many are adding "
      "rules.</p><h3 class=\"bh-briefs__title\">Around Lakeside</h3><ul class=\"bh-briefs\"><li>Road work: "
      "crews will repave two blocks near the school starting June 16.</li></ul></div></article></body></html>");
  const std::string text = all_text(a);
  EXPECT_NE(text.find("Shares of Halvern Therapeutics have nearly doubled"), std::string::npos) << text;
  EXPECT_EQ(text.find("HLVN"), std::string::npos) << text;
  EXPECT_EQ(text.find("repave"), std::string::npos) << text;
  EXPECT_EQ(text.find("Around Lakeside"), std::string::npos) << text;
}

TEST(HtmlParser, APaywalledBodyMicrodataNamesIsTheArticle) {
  // A news CMS marks the body "subscriber-premium"; microdata names it the articleBody.
  const std::string para = "<p>The fungus lives in desert soil, and spores rise into the air when the ground is "
                           "disturbed by wind, farming or digging in a backyard garden.</p>";
  const Article a = parse("<html><body><article itemscope itemtype=\"https://schema.org/NewsArticle\">"
                          "<h1>Valley fever cases climb</h1><div class=\"asset-content subscriber-premium\" "
                          "itemprop=\"articleBody\">" + para + para + para +
                          "</div><div class=\"subscriber-only-box\"><p>Subscribe for $1.99 a week.</p></div>"
                          "</article></body></html>");
  const std::string text = all_text(a);
  EXPECT_NE(text.find("The fungus lives in desert soil"), std::string::npos) << text;
  EXPECT_EQ(text.find("Subscribe for"), std::string::npos) << text;
}


TEST(HtmlParser, AnAccordionsQuestionButtonsAreReadWithTheirAnswers) {
  const std::string entry = "<div class=\"akkordeon__eintrag\"><button type=\"button\" aria-expanded=\"false\" "
                            "aria-controls=\"f2\"><span>Ich habe wieder eine Zigarette geraucht. War alles umsonst?</span>"
                            "</button><div id=\"f2\"><p>Nein. Ein Ausrutscher ist noch kein R\u00FCckfall.</p></div></div>";
  const Article a = parse(
      "<html><body><article><h1>Rauchfrei werden</h1><p>Wer mit dem Rauchen aufh\u00F6rt, tut seiner Gesundheit "
      "schon nach wenigen Tagen etwas Gutes, und die meisten schaffen es mit einem Plan.</p>"
      "<button aria-expanded=\"false\" aria-controls=\"menu\">Men\u00FC</button>"
      "<h2>H\u00E4ufige Fragen</h2><div class=\"akkordeon\">" + entry + "</div></article></body></html>");
  const std::string text = all_text(a);
  EXPECT_NE(text.find("War alles umsonst?"), std::string::npos) << text;
  EXPECT_NE(text.find("Ein Ausrutscher ist noch kein"), std::string::npos) << text;
  EXPECT_EQ(text.find("Men\u00FC"), std::string::npos) << text;  // a menu's toggle asks nothing
}

TEST(HtmlParser, AThemesNoShareSwitchIsNoShareBar) {
  // A news theme marks the body "entry-content no-share": a switch, not a share bar.
  const std::string p = "<p>Health authorities have stepped up surveillance after a rise in suspected cholera "
                        "cases, urging residents to boil or treat their drinking water.</p>";
  const Article a = parse("<html><body><div class=\"jeg_main\"><h1>Cholera cases rise</h1>"
                          "<div class=\"jeg_share_button\"><a href=\"/s\">Share on X</a></div>"
                          "<div class=\"entry-content no-share\"><div class=\"content-inner\">" + p + p + p +
                          "</div></div></div></body></html>");
  const std::string text = all_text(a);
  EXPECT_NE(text.find("Health authorities have stepped up surveillance"), std::string::npos) << text;
  EXPECT_EQ(text.find("Share on X"), std::string::npos) << text;
}

}  // namespace
}  // namespace readaloud
