#include "ingest/markdown_parser.hpp"

#include <gtest/gtest.h>

#include "ingest/expected_article.hpp"

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "util/error.hpp"

namespace readaloud {
namespace {

using expected::callout;
using expected::paragraph;
using expected::section;

// --- builders for expected structures -------------------------------------

Span plain(std::string t) { return Span{std::move(t)}; }
Span em(std::string t) { return Span{std::move(t), true, false}; }
Span strong(std::string t) { return Span{std::move(t), false, true}; }

Block block(BlockKind kind, InlineText text, std::size_t line) {
  Block b;
  b.kind = kind;
  b.text = std::move(text);
  b.line = line;
  return b;
}
Block quote(std::string text, std::size_t line) { return block(BlockKind::Quote, make_text(std::move(text)), line); }
Block image(std::string alt, std::string caption, std::size_t line) {
  Block b = block(BlockKind::Image, make_text(std::move(alt)), line);
  if (!caption.empty()) b.caption = make_text(std::move(caption));
  return b;
}

struct Item {
  InlineText text;
  int depth = 0;
};
Item item(std::string text, int depth = 0) { return Item{make_text(std::move(text)), depth}; }

Block list(bool ordered, int start, std::vector<Item> items, std::size_t line) {
  Block b;
  b.kind = BlockKind::List;
  b.ordered = ordered;
  b.start = start;
  b.line = line;
  for (auto& i : items) b.items.push_back(ListItem{std::move(i.text), i.depth, std::nullopt});
  return b;
}


Article article(std::string title, std::vector<Section> sections, std::vector<Dropped> dropped = {}) {
  Article a;
  a.title = std::move(title);
  a.sections = std::move(sections);
  a.dropped = std::move(dropped);
  return a;
}

std::string show(const InlineText& text) {
  std::string out;
  for (const auto& s : text) {
    out += "[";
    if (s.emphasis) out += "em:";
    if (s.strong) out += "strong:";
    if (!s.abbr_title.empty()) out += "abbr(" + s.abbr_title + "):";
    out += s.text + "]";
  }
  return out;
}

/// A readable dump, so that a failing comparison shows where the structures differ.
std::string dump(const Article& a) {
  std::ostringstream out;
  out << "title: " << a.title << " | subtitle: " << a.subtitle << " | author: " << a.author
      << " | language: " << a.language << " | published: " << a.published << "\n";
  for (const auto& s : a.sections) {
    out << "section L" << s.level << " @" << s.line << ": " << s.title << "\n";
    for (const auto& b : s.blocks) {
      out << "  " << to_string(b.kind) << " @" << b.line;
      if (b.kind == BlockKind::Callout) out << " " << to_string(b.callout);
      if (b.kind == BlockKind::List) out << (b.ordered ? " ordered from " + std::to_string(b.start) : " bullets");
      out << " " << show(b.text);
      if (!b.caption.empty()) out << " caption " << show(b.caption);
      out << "\n";
      for (const auto& i : b.items) out << "    - d" << i.depth << " " << show(i.text) << "\n";
      for (const auto& h : b.header) out << "    header " << show(h) << "\n";
      for (const auto& r : b.rows) {
        out << "    row";
        for (const auto& c : r) out << " " << show(c);
        out << "\n";
      }
    }
  }
  for (const auto& d : a.dropped) out << "dropped @" << d.line << " (" << d.reason << "): " << d.text << "\n";
  return out.str();
}

void expect_article(const Article& actual, const Article& expected) {
  EXPECT_EQ(dump(actual), dump(expected));
  EXPECT_TRUE(actual == expected);
}

// --- headings and sections --------------------------------------------------

TEST(MarkdownParser, AtxAndSetextHeadingsOpenSectionsWithTheirLevels) {
  const char* md =
      "Text before any heading.\n"
      "\n"
      "# The title\n"
      "\n"
      "Opening paragraph\n"
      "over two lines.\n"
      "\n"
      "Benefits\n"
      "--------\n"
      "\n"
      "### Small print ###\n"
      "\n"
      "Top level again\n"
      "===============\n";
  expect_article(parse_markdown(md),
                 article("The title", {section("", 1, 1, {paragraph("Text before any heading.", 1)}),
                                       section("The title", 1, 3, {paragraph("Opening paragraph over two lines.", 5)}),
                                       section("Benefits", 2, 8, {}), section("Small print", 3, 11, {}),
                                       section("Top level again", 1, 13, {})}));
}

TEST(MarkdownParser, OnlyTheFirstH1GivesTheTitle) {
  Article a = parse_markdown("## Before\n\n# First\n\n# Second\n");
  EXPECT_EQ(a.title, "First");
  ASSERT_EQ(a.sections.size(), 3u);
  EXPECT_EQ(a.sections[0].title, "Before");
  EXPECT_EQ(a.sections[0].level, 2);
}

// --- lists ------------------------------------------------------------------

TEST(MarkdownParser, OrderedListKeepsItsStartNumber) {
  expect_article(parse_markdown("3. Third\n4. Fourth\n"),
                 article("", {section("", 1, 1, {list(true, 3, {item("Third"), item("Fourth")}, 1)})}));
}

TEST(MarkdownParser, NestedListsBecomeDepthsAndItemParagraphsJoin) {
  const char* md =
      "- Rest\n"
      "  - on your back\n"
      "    * with a pillow\n"
      "  - on your side\n"
      "- Drink water\n"
      "\n"
      "  Small sips are best.\n";
  expect_article(parse_markdown(md),
                 article("", {section("", 1, 1,
                                      {list(false, 1,
                                            {item("Rest"), item("on your back", 1), item("with a pillow", 2),
                                             item("on your side", 1), item("Drink water Small sips are best.")},
                                            1)})}));
}

// --- quotes and callouts ----------------------------------------------------

TEST(MarkdownParser, BlockQuoteBecomesAQuote) {
  expect_article(parse_markdown("> Rest is the\n> best medicine.\n>\n> Second paragraph.\n"),
                 article("", {section("", 1, 1, {quote("Rest is the best medicine. Second paragraph.", 1)})}));
}

TEST(MarkdownParser, LabelledQuotesBecomeCalloutsOfTheirKind) {
  const char* md =
      "> **Warning:** Do not exceed the dose.\n"  // 1
      "\n"
      "> **Caution**: Hot surfaces.\n"  // 3
      "\n"
      "> Danger: Keep away from children.\n"  // 5
      "\n"
      "> **Important**\n"  // 7
      "> Read the leaflet.\n"
      "\n"
      "> *Note:* Results vary.\n"  // 10
      "\n"
      "> TIP: Take it with food.\n";  // 12
  expect_article(parse_markdown(md),
                 article("", {section("", 1, 1,
                                      {callout(CalloutKind::Warning, "Do not exceed the dose.", 1),
                                       callout(CalloutKind::Caution, "Hot surfaces.", 3),
                                       callout(CalloutKind::Danger, "Keep away from children.", 5),
                                       callout(CalloutKind::Important, "Read the leaflet.", 7),
                                       callout(CalloutKind::Note, "Results vary.", 10),
                                       callout(CalloutKind::Tip, "Take it with food.", 12)})}));
}

TEST(MarkdownParser, GithubAlertsBecomeCalloutsWithoutTheirMarker) {
  const char* md =
      "> [!WARNING]\n> Stop if it hurts.\n\n"
      "> [!CAUTION]\n> Mind the step.\n\n"
      "> [!IMPORTANT]\n> Bring your card.\n\n"
      "> [!NOTE]\n> Parking is free.\n\n"
      "> [!TIP]\n> Arrive early.\n";
  expect_article(parse_markdown(md),
                 article("", {section("", 1, 1,
                                      {callout(CalloutKind::Warning, "Stop if it hurts.", 1),
                                       callout(CalloutKind::Caution, "Mind the step.", 4),
                                       callout(CalloutKind::Important, "Bring your card.", 7),
                                       callout(CalloutKind::Note, "Parking is free.", 10),
                                       callout(CalloutKind::Tip, "Arrive early.", 13)})}));
}

TEST(MarkdownParser, AdmonitionsBecomeCalloutsAndKeepLineNumbers) {
  const char* md =
      "!!! warning \"Stop before you start\"\n"  // 1
      "    Check with your doctor\n"
      "    first.\n"
      "\n"
      "    Some people react badly.\n"
      "\n"
      "After the box.\n"  // 7
      "\n"
      "!!! danger\n"  // 9
      "    Never mix these two.\n"
      "\n"
      "!!! tip \"Tip\"\n"  // 12
      "    Label titles are not repeated.\n"
      "\n"
      "```\n"  // 15
      "!!! note\n"
      "    inside code, left alone\n"
      "```\n"
      "\n"
      "Last line.\n";  // 20
  Block code;
  code.kind = BlockKind::Code;
  code.line = 15;
  expect_article(
      parse_markdown(md),
      article("", {section("", 1, 1,
                           {callout(CalloutKind::Warning,
                                    "Stop before you start. Check with your doctor first. Some people react badly.", 1),
                            paragraph("After the box.", 7), callout(CalloutKind::Danger, "Never mix these two.", 9),
                            callout(CalloutKind::Tip, "Label titles are not repeated.", 12), code,
                            paragraph("Last line.", 20)})}));
}

TEST(MarkdownParser, BoldLabelParagraphIsACalloutAndABareLabelTitlesTheNextParagraph) {
  const char* md =
      "**Warning:** Stop at once if you feel faint.\n"
      "\n"
      "**Note:**\n"
      "\n"
      "Results can take a week.\n"
      "\n"
      "Tip:\n"
      "\n"
      "- a list does not join a bare label\n";
  expect_article(parse_markdown(md),
                 article("", {section("", 1, 1,
                                      {callout(CalloutKind::Warning, "Stop at once if you feel faint.", 1),
                                       callout(CalloutKind::Note, "Results can take a week.", 3), paragraph("Tip:", 7),
                                       list(false, 1, {item("a list does not join a bare label")}, 9)})}));
}

// --- inline text ------------------------------------------------------------

TEST(MarkdownParser, EmphasisAndStrongBecomeSpanMarks) {
  Block b = block(BlockKind::Paragraph,
                  {plain("Rest "), em("every "), strong("single "), plain("day, "), em("really"), plain(".")}, 1);
  expect_article(parse_markdown("Rest *every* **single** day, _really_.\n"), article("", {section("", 1, 1, {b})}));
}

TEST(MarkdownParser, LinksSpeakTheirTextAndUrlsAreDropped) {
  const char* md =
      "Read [the NHS advice](https://www.nhs.uk/conditions) today.\n"
      "See https://example.org/page. Or <https://example.org>, or www.example.com for more.\n"
      "Write to help@example.org or use `ibuprofen` &amp; rest &eacute;t&#233; &#x2014; &bogus;.\n";
  expect_article(parse_markdown(md),
                 article("", {section("", 1, 1,
                                      {paragraph("Read the NHS advice today. See. Or, or for more. Write to or use "
                                            "ibuprofen & rest \xC3\xA9t\xC3\xA9 \xE2\x80\x94 &bogus;.",
                                            1)})}));
}

TEST(MarkdownParser, NumericReferencesOutsideUnicodeBecomeReplacementCharacters) {
  // NUL, a surrogate and a value above U+10FFFF each read as U+FFFD, as in HTML.
  expect_article(parse_markdown("A&#0;B&#xD800;C&#1114112;D&#x41;\n"),
                 article("", {section("", 1, 1, {paragraph("A\xEF\xBF\xBD" "B\xEF\xBF\xBD" "C\xEF\xBF\xBD" "DA", 1)})}));
}

TEST(MarkdownParser, InlineHtmlIsStrippedButKeepsItsMarks) {
  Block b = block(BlockKind::Paragraph,
                  {plain("Check your "), Span{"BP ", false, false, "blood pressure"}, strong("daily"),
                   plain(".")},
                  1);
  expect_article(parse_markdown("Check your <abbr title=\"blood pressure\">BP</abbr> <b>daily</b><!-- x -->"
                                "<script>alert(1)</script>.\n"),
                 article("", {section("", 1, 1, {b})}));
}

TEST(MarkdownParser, CurlyQuotesAndOddSpacesBecomePlain) {
  expect_article(parse_markdown("# \xE2\x80\x9C" "Don\xE2\x80\x99t\xE2\x80\x9D\n\nIt\xE2\x80\x99s\xC2\xA0" "fine.\n"),
                 article("\"Don't\"", {section("\"Don't\"", 1, 1, {paragraph("It's fine.", 3)})}));
}

// --- images -----------------------------------------------------------------

TEST(MarkdownParser, ImagesBecomeImageBlocksAndCreditsAreDropped) {
  const char* md =
      "![A nurse taking a pulse](pulse.jpg \"At the clinic\")\n"  // 1
      "Photo: Sam Lee/Getty Images\n"
      "\n"
      "![Ice pack on a knee](ice.jpg)\n"  // 4
      "\n"
      "Shutterstock\n"  // 6
      "\n"
      "Cold helps ![arrow](a.png) with swelling.\n"  // 8
      "\n"
      "Not under an image:\n"  // 10
      "\n"
      "Getty Images is not a credit here.\n"  // 12
      "\n"
      "![](decorative.png)\n";  // no alt text: decorative, nothing to say
  expect_article(
      parse_markdown(md),
      article("",
              {section("", 1, 1,
                       {image("A nurse taking a pulse", "At the clinic", 1), image("Ice pack on a knee", "", 4),
                        paragraph("Cold helps with swelling.", 8), image("arrow", "", 8),
                        paragraph("Not under an image:", 10), paragraph("Getty Images is not a credit here.", 12)})},
              {Dropped{"Photo: Sam Lee/Getty Images", "photo-credit", 2}, Dropped{"Shutterstock", "photo-credit", 6}}));
}

// --- code, tables, HTML -----------------------------------------------------

TEST(MarkdownParser, CodeBlocksKeepOnlyTheirLanguage) {
  Block fenced = block(BlockKind::Code, make_text("python"), 3);
  Block indented = block(BlockKind::Code, {}, 9);
  expect_article(parse_markdown("Run this:\n\n```python\nprint('hi')\n```\n\nOr:\n\n    echo hi\n"),
                 article("", {section("", 1, 1, {paragraph("Run this:", 1), fenced, paragraph("Or:", 7), indented})}));
}

TEST(MarkdownParser, TablesHaveHeaderCellsAndRows) {
  Block t;
  t.kind = BlockKind::Table;
  t.line = 3;
  t.header = {make_text("Food"), make_text("Vitamin C")};
  t.rows = {{{em("Orange")}, make_text("53 mg")}, {make_text("Kiwi"), make_text("93 mg")}};
  expect_article(parse_markdown("## Sources\n\n| Food | Vitamin C |\n|---|--:|\n| *Orange* | 53 mg |\n"
                                "| Kiwi | 93 mg |\n\n---\n"),
                 article("", {section("Sources", 2, 1, {t})}));
}

TEST(MarkdownParser, HtmlBlocksKeepTheirTextWithoutCommentsOrScripts) {
  const char* md =
      "<div class=\"box\">\n"
      "<p>Salt &amp; sugar</p><p>in balance</p>\n"
      "<!-- editor note -->\n"
      "<script>track();</script><style>p{}</style>\n"
      "</div>\n"
      "\n"
      "<!-- only a comment -->\n";
  expect_article(parse_markdown(md), article("", {section("", 1, 1, {paragraph("Salt & sugar in balance", 1)})}));
}

// --- front matter -----------------------------------------------------------

TEST(MarkdownParser, FrontMatterGivesMetadataAndKeepsLineNumbers) {
  const char* md =
      "---\n"
      "title: \"Cold \xE2\x80\x9Cwater\xE2\x80\x9D swimming\"\n"
      "author: 'Dr. A. O''Neil'\n"
      "date: 2024-05-01  # first published\n"
      "lang: en-GB\n"
      "description: >\n"
      "  What to know\n"
      "  before you jump.\n"
      "tags:\n"
      "  - sea\n"
      "unknown: ignored\n"
      "---\n"
      "# Heading that is not the title\n"  // 13
      "\n"
      "Body.\n";  // 15
  Article expected = article("Cold \"water\" swimming",
                             {section("Heading that is not the title", 1, 13, {paragraph("Body.", 15)})});
  expected.author = "Dr. A. O'Neil";
  expected.published = "2024-05-01";
  expected.language = "en-GB";
  expected.subtitle = "What to know before you jump.";
  expect_article(parse_markdown(md), expected);
}

TEST(MarkdownParser, SubtitleWinsOverDescriptionAndLanguageKeyWorks) {
  Article a = parse_markdown("---\nsubtitle: Short\ndescription: Long\nlanguage: es\n...\nText\n");
  EXPECT_EQ(a.subtitle, "Short");
  EXPECT_EQ(a.language, "es");
  ASSERT_EQ(a.sections.size(), 1u);
  EXPECT_EQ(a.sections[0].blocks, std::vector<Block>{paragraph("Text", 6)});
}

TEST(MarkdownParser, UnclosedFrontMatterIsAnInputErrorAtLineOne) {
  try {
    parse_markdown("---\ntitle: Never closed\n\n# Heading\n");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Input);
    EXPECT_EQ(e.where().line, 1u);
    EXPECT_EQ(e.in_file("a.md").what(),
              std::string("a.md:1:1: front matter opened with '---' is never closed (expected a '---' line)"));
  }
}

// --- hostile input ----------------------------------------------------------

TEST(MarkdownParser, FiveThousandNestedQuotesAreFlattened) {
  std::string md(5000, '>');
  md += " deep\n\nAfter.\n";
  Article a = parse_markdown(md);
  expect_article(a, article("", {section("", 1, 1, {quote("deep", 1), paragraph("After.", 3)})}));
}

TEST(MarkdownParser, FiveThousandNestedListsAreFlattened) {
  std::string md;
  for (int i = 0; i < 5000; ++i) md += "- ";
  md += "deep\n";
  // And the same on separate, ever more indented lines.
  std::string lines;
  for (int i = 0; i < 5000; ++i) lines += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- level\n";
  Article one_line = parse_markdown(md);
  Article many_lines = parse_markdown(lines);

  // 64 containers are kept: 32 lists with their items, depths 0..31.
  ASSERT_EQ(one_line.sections.size(), 1u);
  ASSERT_EQ(one_line.sections[0].blocks.size(), 1u);
  const Block& l = one_line.sections[0].blocks[0];
  ASSERT_EQ(l.items.size(), 1u);  // only the innermost item has text
  EXPECT_EQ(l.items[0], (ListItem{make_text("deep"), 31, std::nullopt}));

  ASSERT_EQ(many_lines.sections.size(), 1u);
  const Block& m = many_lines.sections[0].blocks.at(0);
  ASSERT_EQ(m.items.size(), 32u);
  for (int i = 0; i < 31; ++i) EXPECT_EQ(m.items[static_cast<std::size_t>(i)], (ListItem{make_text("level"), i}));
  EXPECT_EQ(plain_text(m.items[31].text).size(), std::string("level").size() * (5000 - 31) + (5000 - 32));
}

// --- a whole article --------------------------------------------------------

std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(READALOUD_SOURCE_DIR) + "/tests/fixtures/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(MarkdownParser, WholeArticleFixture) {
  std::string md = read_fixture("markdown/nasal-rinsing.md");
  ASSERT_FALSE(md.empty());
  Article expected = article(
      "Rinsing your nose with salt water",
      {section("Rinsing your nose with salt water", 1, 8,
               {image("A person pouring salt water into one nostril", "", 10),
                paragraph("Salt water rinses wash mucus and pollen out of the nose. Many people with hay fever or a "
                     "blocked nose use them every day.",
                     13)}),
       section("How to rinse", 2, 16,
               {list(true, 1,
                     {item("Wash your hands."), item("Mix the solution:"), item("half a teaspoon of salt", 1),
                      item("a pinch of baking soda", 1), item("Lean over a sink and pour it into one nostril.")},
                     18),
                callout(CalloutKind::Warning, "Only use boiled or distilled water. Tap water can carry rare germs.",
                        24)}),
       section("Side effects", 2, 27,
               {block(BlockKind::Paragraph,
                      {plain("Most people have "), strong("no problems"), plain(". Some notice:")}, 29),
                list(false, 1, {item("a stinging feeling"), item("nosebleeds")}, 31)}),
       section("Risks", 2, 34,
               {paragraph("Rinsing too often may dry the lining of the nose.", 36),
                callout(CalloutKind::Caution, "Do not rinse a child's nose without asking a doctor first.", 38)})},
      {Dropped{"Photo: K. Osei/Shutterstock", "photo-credit", 11}});
  expected.author = "Readaloud test fixture";
  expected.published = "2024-03-14";
  expected.language = "en";
  expect_article(parse_markdown(md), expected);
}

}  // namespace
}  // namespace readaloud
