// html_walk: the DOM walk into sections and blocks, on tiny pages.
#include "ingest/html_walk.hpp"

#include <gtest/gtest.h>

#include <string>

#include "ingest/html_dom.hpp"

namespace readaloud::html {
namespace {

const GumboNode* find(const GumboNode* n, GumboTag tag) {
  if (tag_of(n) == tag) return n;
  const GumboVector* kids = children_of(n);
  if (kids == nullptr) return nullptr;
  for (unsigned i = 0; i < kids->length; ++i)
    if (const GumboNode* hit = find(child_at(kids, i), tag)) return hit;
  return nullptr;
}

std::string text_of(const InlineText& t) {
  std::string s;
  for (const Span& span : t) s += span.text;
  return s;
}

// Walks the whole <body> as the article.
Article walk(const std::string& page) {
  static const BoilerplateFilter filter = BoilerplateFilter::builtin();
  const GumboOutputPtr doc = parse_document(page);
  const ContentHolders holders = find_content_holders(doc->document);
  WalkPlan plan;
  plan.body = find(doc->document, GUMBO_TAG_BODY);
  plan.roots = {plan.body};
  plan.holders = &holders;
  Article a;
  walk_content(a, filter, plan);
  return a;
}

TEST(HtmlWalk, HeadingsOpenSectionsAndTheFirstH1IsTheTitle) {
  const Article a = walk(
      "<body><h1>Main title</h1><p>Intro text.</p><h2>Causes</h2><p>Why it happens.</p>"
      "<h2>Treatment</h2><p>What helps.</p></body>");
  EXPECT_EQ(a.title, "Main title");
  ASSERT_GE(a.sections.size(), 2u);
  EXPECT_EQ(a.sections[a.sections.size() - 2].title, "Causes");
  EXPECT_EQ(a.sections.back().title, "Treatment");
  EXPECT_EQ(a.sections.back().level, 2);
  ASSERT_EQ(a.sections.back().blocks.size(), 1u);
  EXPECT_EQ(text_of(a.sections.back().blocks[0].text), "What helps.");
}

TEST(HtmlWalk, AStandfirstUnderARatingRowInTheStoryHeaderIsTheSubtitle) {
  const Article a = walk(
      "<body><article><header><p class=\"cat\">Secondi piatti</p><h1>Salmone al forno</h1>"
      "<p class=\"voto\">\u2605\u2605\u2605\u2605\u2605 4,6 (212 voti)</p>"
      "<p class=\"intro\">Un secondo piatto colorato e facile da preparare, perfetto anche per una cena con ospiti.</p>"
      "</header><p>Il testo della ricetta.</p></article></body>");
  EXPECT_EQ(a.subtitle, "Un secondo piatto colorato e facile da preparare, perfetto anche per una cena con ospiti.");
  // A sentence between the headline and the paragraph is no row to pass over.
  const Article b = walk(
      "<body><article><header><h1>Salmone al forno</h1><p>Pronto in venti minuti.</p>"
      "<p>Un secondo piatto colorato e facile da preparare, perfetto anche per una cena con ospiti.</p>"
      "</header><p>Il testo della ricetta.</p></article></body>");
  EXPECT_EQ(b.subtitle, "");
}

TEST(HtmlWalk, ListsTablesAndCalloutsBecomeTheirBlocks) {
  const Article a = walk(
      "<body><h2>S</h2><ol start=\"3\"><li>three</li><li>four</li></ol>"
      "<table><tr><th>Drug</th><th>Dose</th></tr><tr><td>A</td><td>5 mg</td></tr></table>"
      "<div class=\"callout warning\"><p>Do not exceed the dose.</p></div></body>");
  ASSERT_FALSE(a.sections.empty());
  const auto& blocks = a.sections.back().blocks;
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].kind, BlockKind::List);
  EXPECT_TRUE(blocks[0].ordered);
  EXPECT_EQ(blocks[0].start, 3);
  ASSERT_EQ(blocks[0].items.size(), 2u);
  EXPECT_EQ(blocks[1].kind, BlockKind::Table);
  ASSERT_EQ(blocks[1].header.size(), 2u);
  EXPECT_EQ(text_of(blocks[1].header[1]), "Dose");
  ASSERT_EQ(blocks[1].rows.size(), 1u);
  EXPECT_EQ(blocks[2].kind, BlockKind::Callout);
  EXPECT_EQ(blocks[2].callout, CalloutKind::Warning);
}

TEST(HtmlWalk, ChromeInsideTheArticleIsDroppedWithItsReason) {
  const Article a = walk(
      "<body><p>Real text of the article.</p><div class=\"share-bar\">Share on Facebook</div>"
      "<nav><a href=\"/\">Home</a></nav><p>More real text.</p></body>");
  std::string spoken;
  for (const Section& s : a.sections)
    for (const Block& b : s.blocks) spoken += text_of(b.text) + "\n";
  EXPECT_EQ(spoken, "Real text of the article.\nMore real text.\n");
  EXPECT_GE(a.dropped.size(), 2u);
  for (const Dropped& d : a.dropped) EXPECT_FALSE(d.reason.empty()) << d.text;
}

TEST(HtmlWalk, ImagesKeepAltTextAndCaptionWithoutCredit) {
  const Article a = walk(
      "<body><figure><img data-src=\"x.jpg\" alt=\"A steel door in a hillside\">"
      "<figcaption>The vault entrance. <span class=\"credit\">Photo: Omar Haddad</span></figcaption></figure></body>");
  ASSERT_FALSE(a.sections.empty());
  ASSERT_EQ(a.sections.back().blocks.size(), 1u);
  const Block& img = a.sections.back().blocks[0];
  EXPECT_EQ(img.kind, BlockKind::Image);
  EXPECT_EQ(text_of(img.text), "A steel door in a hillside");
  EXPECT_EQ(text_of(img.caption), "The vault entrance.");
}

TEST(HtmlWalk, TidySpansMergesAndTrims) {
  InlineText in{Span{"  Hello"}, Span{" "}, Span{"world  "}, Span{""}};
  const InlineText out = tidy_spans(in);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].text, "Hello world");
}

TEST(HtmlWalk, BylinesAreShortNamedLines) {
  EXPECT_TRUE(looks_like_byline("By Sam Lee"));
  EXPECT_TRUE(looks_like_byline("Por Ana Ruiz"));
  EXPECT_FALSE(looks_like_byline("By the end of the week, most people feel better."));
  EXPECT_FALSE(looks_like_byline("Rest and fluids help"));
}

TEST(HtmlWalk, BylineRowsSplitByBarsAreBylines) {
  EXPECT_TRUE(looks_like_byline("Por Marta Ruiz | Revisado m\xC3\xA9" "dicamente por la Dra. Elena Soto, pediatra | "
                                "Actualizado el 10 de julio de 2025"));
  EXPECT_TRUE(looks_like_byline("Von Katrin Weber | 18.03.2025, 06:00 Uhr | Lesezeit: 3 Min."));
  EXPECT_TRUE(looks_like_byline("By Jo Roe \xC2\xB7 5 min read"));
  // Near misses: the first part is no byline, or the row is a paragraph.
  EXPECT_FALSE(looks_like_byline("By the time the ambulance came | the bleeding had stopped"));
  EXPECT_FALSE(looks_like_byline("Sleep | Nutrition | Fitness"));
  EXPECT_FALSE(looks_like_byline("By Jo Roe | a row that goes on and on past any byline length, with more and more "
                                 "words, until it reads as a paragraph of its own and not as a line of names, "
                                 "dates and roles under a headline"));
}

}  // namespace
}  // namespace readaloud::html
