// html_chrome: which elements are site chrome, which are callouts, on tiny pages.
#include "ingest/html_chrome.hpp"

#include <gtest/gtest.h>

#include <string>

#include "ingest/html_dom.hpp"

namespace readaloud::html {
namespace {

const GumboNode* by_id(const GumboNode* n, const char* id) {
  if (is_element(n)) {
    const char* v = attr(n, "id");
    if (v != nullptr && std::string(v) == id) return n;
  }
  const GumboVector* kids = children_of(n);
  if (kids == nullptr) return nullptr;
  for (unsigned i = 0; i < kids->length; ++i)
    if (const GumboNode* hit = by_id(child_at(kids, i), id)) return hit;
  return nullptr;
}

struct Page {
  GumboOutputPtr doc;
  ContentHolders holders;
  explicit Page(const std::string& html) : doc(parse_document(html)), holders(find_content_holders(doc->document)) {}
  std::optional<std::string> reason(const char* id) const {
    const GumboNode* el = by_id(doc->document, id);
    EXPECT_NE(el, nullptr) << id;
    return chrome_reason(el, class_tokens(el), false, false, holders);
  }
};

TEST(HtmlChrome, NavigationAdsAndShareBarsAreChrome) {
  const Page page(
      "<body><nav id=\"n\"><a href=\"/\">Home</a></nav>"
      "<div id=\"a\" class=\"ad-slot\">Buy now</div>"
      "<div id=\"s\" class=\"share-bar\">Share</div>"
      "<div id=\"r\" role=\"navigation\">Links</div>"
      "<div id=\"h\" class=\"header\"><p>Not an ad: the part is bounded.</p></div>"
      "<div id=\"c\" class=\"story-body\"><p>Text.</p></div></body>");
  EXPECT_TRUE(page.reason("n").has_value());
  EXPECT_TRUE(page.reason("a").has_value());
  EXPECT_TRUE(page.reason("s").has_value());
  EXPECT_TRUE(page.reason("r").has_value());
  EXPECT_FALSE(page.reason("h").has_value());
  EXPECT_FALSE(page.reason("c").has_value());
}

TEST(HtmlChrome, AWidgetAroundAPostBodyHoldsContent) {
  // Blogger wraps the post in "widget Blog"; a comment's body is no post body.
  const Page page(
      "<body><div id=\"blog\" class=\"widget Blog\"><div class=\"post hentry\">"
      "<div class=\"post-body entry-content\">Text of the post.</div></div></div>"
      "<div id=\"side\" class=\"widget PopularPosts\"><div class=\"comment-body\">A comment.</div></div></body>");
  EXPECT_FALSE(page.reason("blog").has_value());
  EXPECT_TRUE(page.reason("side").has_value());
}

TEST(HtmlChrome, AFormBoxWithFewWordsIsChromeWithoutClassHints) {
  const Page page(
      "<body><div id=\"nl\" class=\"my-8 rounded-xl p-6\"><div>Get better sleep in 7 days</div>"
      "<div>Our free email course arrives every morning.</div><input placeholder=\"you@example.com\">"
      "<button>Sign me up</button></div>"
      "<div id=\"long\" class=\"mt-4\"><p>A paragraph of the article that goes on for a while, with commas, "
      "clauses and enough words to be read as text: the button under it only reveals the rest of the story "
      "and does not make the paragraph a form.</p><button>Show more</button></div>"
      "<div id=\"code\"><pre>make install</pre><button>Copy</button></div>"
      "<div id=\"plain\">Short text without any control.</div></body>");
  EXPECT_EQ(page.reason("nl"), std::optional<std::string>("chrome: form box"));
  EXPECT_FALSE(page.reason("long").has_value());
  EXPECT_FALSE(page.reason("code").has_value());
  EXPECT_FALSE(page.reason("plain").has_value());
}

TEST(HtmlChrome, PlayerAndReadingControlsAreChromeByTheirText) {
  EXPECT_TRUE(is_control_text("Listen to this article Play Pause 00:00 / 03:12 1.5x"));
  EXPECT_TRUE(is_control_text("Font size A A A"));
  EXPECT_TRUE(is_control_text("Escuchar este art\xC3\xAD" "culo 00:00"));
  EXPECT_FALSE(is_control_text("Play"));               // one word: a heading or a button's label
  EXPECT_FALSE(is_control_text("A A A"));              // no control named
  EXPECT_FALSE(is_control_text("Play the video at 1:30 to see the stretch."));
  const Page page(
      "<body><div id=\"p\"><span>Listen to this article</span><span>00:00</span></div>"
      "<h2 id=\"h\">Listen to this</h2><p id=\"t\">Play music softly at bedtime.</p></body>");
  EXPECT_TRUE(page.reason("p").has_value());
  EXPECT_FALSE(page.reason("h").has_value());
  EXPECT_FALSE(page.reason("t").has_value());
}

TEST(HtmlChrome, AWrapperThatHoldsTheHeadlineIsNotChrome) {
  const Page page("<body><div id=\"w\" class=\"page-with-ads\"><article><h1>Title</h1><p>Text.</p></article></div></body>");
  EXPECT_FALSE(page.reason("w").has_value());
  EXPECT_TRUE(page.holders.count(by_id(page.doc->document, "w")));
}

TEST(HtmlChrome, CustomersReviewsInArticlesOfTheirOwnAreStillChrome) {
  std::string words;
  for (int i = 0; i < 70; ++i) words += "word ";
  const Page page("<body><section id=\"r\" class=\"reviews\"><h2>Customer reviews</h2>"
                  "<article class=\"review\"><p>Fast and easy. Results the next day.</p></article>"
                  "<article class=\"review\"><p>Good value.</p></article></section>"
                  "<div id=\"w\" class=\"reviews-wrap\"><article><p>" + words + "</p></article></div></body>");
  EXPECT_EQ(page.reason("r"), "chrome: reviews");
  EXPECT_FALSE(page.holders.count(by_id(page.doc->document, "r")));
  // Sixty words or more in the <article>: the wrapper holds an article.
  EXPECT_TRUE(page.holders.count(by_id(page.doc->document, "w")));
  EXPECT_FALSE(page.reason("w").has_value());
}

// A photo gallery's title and captions go; a gallery that tells the story
// (paragraphs, or slides of long captions) stays, and so do its own parts (heldout87).
TEST(HtmlChrome, APhotoGalleryGoesButAGalleryArticleStays) {
  std::string slides;
  for (int i = 1; i <= 6; ++i)
    slides += "<div class=\"gallery-slide\"><h2 id=\"t" + std::to_string(i) + "\" class=\"gallery-slide__title\">" +
              std::to_string(i) + ". Name the feeling</h2><div class=\"gallery-slide__text\">Tell your child what "
              "you see, in a few calm words, and wait: naming anger helps a small child feel understood.</div></div>";
  const Page page(
      "<body><div id=\"g\" class=\"gallery-block\"><p class=\"gallery-title\">Gallery: Along the fault</p>"
      "<figure><img src=\"a.jpg\" alt=\"\"><figcaption>The fault trace cuts across farmland.</figcaption></figure>"
      "<figure><img src=\"b.jpg\" alt=\"\"><figcaption>A sediment core from a lake.</figcaption></figure></div>"
      "<div id=\"s\" class=\"gallery\">" + slides + "</div>"
      "<div id=\"p\" class=\"photo-gallery\"><p>The volunteers met at dawn on the beach and worked in pairs along "
      "the tide line, counting every bird they could see.</p><figure><img src=\"c.jpg\" alt=\"\"></figure></div></body>");
  EXPECT_EQ(page.reason("g"), "chrome: gallery");
  EXPECT_FALSE(page.reason("s").has_value());  // six slides of sentences: over a hundred words
  EXPECT_FALSE(page.reason("t1").has_value());
  EXPECT_FALSE(page.reason("p").has_value());  // a paragraph of its own
}

// "READ MORE:" over lines that are each one link, whole, is a box of other
// stories (heldout87); a label over a sentence of the text's own is a callout.
TEST(HtmlChrome, AReadMoreBoxOfWholeLinksGoes) {
  const Page page(
      "<body><div id=\"r\" class=\"rm\"><p class=\"rm-head\">READ MORE:</p>"
      "<p><a href=\"/health/screen-time\">How much screen time is too much for adults?</a></p>"
      "<p><a href=\"/health/humidifiers\">Do humidifiers actually help in winter?</a></p></div>"
      "<div id=\"t\" class=\"rm\"><p>Good to know:</p><p>Blinking less while reading dries the eyes; "
      "<a href=\"/rule\">the 20-20-20 rule</a> helps.</p></div></body>");
  EXPECT_EQ(page.reason("r"), "chrome: read-more box");
  EXPECT_FALSE(page.reason("t").has_value());
}

// A date line goes; a wrapper whose first text, after deep indentation, is
// a date and a headline holds the whole post (heldout90's Hatena blog).
TEST(HtmlChrome, AWrapperOpeningWithADateIsNoDateLine) {
  const std::string indent(60, ' ');
  std::string nested = "<div id=\"w\"><div><time datetime=\"2030-07-30\">2030-07-30</time></div>";
  for (int i = 0; i < 8; ++i) nested += "\n" + indent + "<div>";
  nested += "<h1>My first umeboshi</h1>";
  for (int i = 0; i < 4; ++i)
    nested += "\n" + indent + "<p>I salted three kilos of ripe plums in June and dried them in the sun for three days.</p>";
  for (int i = 0; i < 8; ++i) nested += "</div>";
  const Page page("<body><p id=\"d\">Posted <time datetime=\"2030-07-30\">30 July 2030</time></p>" + nested +
                  "</div></body>");
  EXPECT_EQ(page.reason("d"), "chrome: date line");
  EXPECT_FALSE(page.reason("w").has_value());
}

// A social network's embedded post, by its embed code's class (heldout91); a quotation stays.
TEST(HtmlChrome, AnEmbeddedSocialPostGoes) {
  const Page page(
      "<body><blockquote id=\"t\" class=\"twitter-tweet\"><p>What a delivery. Straight through the gate.</p>"
      "&mdash; Women's T20 (@t20) <a href=\"https://twitter.example/s/1\">March 11, 2028</a></blockquote>"
      "<blockquote id=\"q\"><p>We knew the rain was coming, so we batted as if every over were the last.</p></blockquote></body>");
  EXPECT_EQ(page.reason("t"), "chrome: twitter-tweet");
  EXPECT_FALSE(page.reason("q").has_value());
}

// A page builder that sets every block in a "widget", the <h1> too
// (heldout95's Readymag page): a block of prose or a heading is the text's,
// a credit line is chrome. Elsewhere a widget is a sidebar's.
TEST(HtmlChrome, WidgetsOfAPageBuilderThatHoldTheHeadline) {
  const std::string answer = "<p>The person knows exactly what they want to say, but the flow of speech is interrupted "
                             "for a moment, and the listener should simply wait.</p>";
  const Page built("<body><div class=\"rm-widget\"><h1>Let them finish</h1></div>"
                   "<div id=\"c\" class=\"rm-widget\"><p>Interview by Jonah Whitcombe</p></div>"
                   "<div id=\"b\" class=\"rm-widget\"><p><strong>What happens?</strong></p>" + answer + "</div>"
                   "<div id=\"h\" class=\"rm-widget\"><h2>Is it nerves?</h2></div></body>");
  EXPECT_EQ(built.reason("c"), "chrome: widget");
  EXPECT_FALSE(built.reason("b").has_value());
  EXPECT_FALSE(built.reason("h").has_value());
  const Page blog("<body><article><h1>Let them finish</h1>" + answer + "</article>"
                  "<div id=\"s\" class=\"sidebar-widget\"><h2>About me</h2>" + answer + "</div></body>");
  EXPECT_TRUE(blog.reason("s").has_value());
}

// A forum thread's first post, classed as a comment as its replies are
// (heldout93's Invision thread), is the text with its parts; the replies and
// a news story's comments stay chrome.
TEST(HtmlChrome, AForumThreadsFirstPostIsNoComment) {
  const std::string post = "<p>I was diagnosed with SVT last spring after a couple of episodes where my heart suddenly went very fast and I had to go to the emergency room to get it stopped.</p>";
  const std::string feed = "<div data-role=\"commentFeed\">"
                           "<article id=\"p1\" class=\"ipsComment ipsComment_parent\"><div id=\"c1\" class=\"ipsComment_content\">" +
                           post + post + "</div></article>"
                           "<article id=\"p2\" class=\"ipsComment\"><div class=\"ipsComment_content\">" + post + "</div></article></div>";
  const Page forum("<body><h1>SVT ablation next Thursday</h1>" + feed + "</body>");
  EXPECT_FALSE(forum.reason("p1").has_value());
  EXPECT_FALSE(forum.reason("c1").has_value());
  EXPECT_EQ(forum.reason("p2"), "chrome: comment");
  const Page story("<body><article><h1>Heart rhythm clinic opens</h1>" + post + post + post + post + post + "</article>" +
                   feed + "</body>");
  EXPECT_EQ(story.reason("p1"), "chrome: comment");
}

// A block's modifier names a variant of it: "rpl-layout--sidebar" holding the
// text is a layout with a sidebar (heldout93); the sidebar itself goes.
TEST(HtmlChrome, ALayoutWithASidebarModifierIsNoSidebar) {
  const std::string post = "<p>I was diagnosed with SVT last spring after a couple of episodes where my heart suddenly went very fast and I had to go to the emergency room to get it stopped.</p>";
  const Page page("<body><main><div id=\"l\" class=\"rpl-layout rpl-layout--sidebar\"><div>" + post + post + post +
                  "</div><aside id=\"s\" class=\"rpl-layout__sidebar\"><a href=\"/a\">Related</a></aside></div>"
                  "<div id=\"m\" class=\"sidebar\"><p>Popular this week</p></div></main></body>");
  EXPECT_FALSE(page.reason("l").has_value());
  EXPECT_TRUE(page.reason("s").has_value());
  EXPECT_EQ(page.reason("m"), "chrome: sidebar");
}

TEST(HtmlChrome, HiddenProseStaysButHiddenWidgetsGo) {
  const Page page(
      "<body><div id=\"more\" hidden><p>The rest of the article is here, revealed by a script when the reader asks "
      "for it. It is long enough to read as prose, with sentences that end in full stops and more than twenty "
      "words in all, as a hidden read-more block has.</p></div>"
      "<div id=\"menu\" style=\"display:none\"><a href=\"/a\">A</a> <a href=\"/b\">B</a></div></body>");
  EXPECT_FALSE(page.reason("more").has_value());
  EXPECT_TRUE(page.reason("menu").has_value());
}

TEST(HtmlChrome, RunTogetherClassNamesMatchLongParts) {
  EXPECT_TRUE(chrome_part_matches("relatedposts", "related"));
  EXPECT_TRUE(chrome_part_matches("cookie-banner", "cookie"));
  EXPECT_TRUE(chrome_part_matches("jp-relatedposts", "related"));  // run together inside a hyphenated token
  EXPECT_FALSE(chrome_part_matches("adventure", "ad"));
  EXPECT_FALSE(chrome_part_matches("unrelatedness", "related"));
}

TEST(HtmlChrome, CalloutsByClassAndRole) {
  const GumboOutputPtr doc = parse_document(
      "<div id=\"w\" class=\"box warning\">x</div><div id=\"g\" class=\"callout\">y</div>"
      "<div id=\"r\" role=\"alert\">z</div><div id=\"p\" class=\"plain\">p</div>");
  const auto of = [&](const char* id) {
    const GumboNode* el = by_id(doc->document, id);
    return callout_of(el, class_tokens(el));
  };
  ASSERT_TRUE(of("w").has_value());
  EXPECT_EQ(of("w")->kind, CalloutKind::Warning);
  EXPECT_FALSE(of("w")->generic);
  ASSERT_TRUE(of("g").has_value());
  EXPECT_TRUE(of("g")->generic);
  ASSERT_TRUE(of("r").has_value());
  EXPECT_EQ(of("r")->kind, CalloutKind::Warning);
  EXPECT_FALSE(of("p").has_value());
}

TEST(HtmlChrome, AServiceBoxGoesButAWarningWithANumberStays) {
  const Page page(
      "<body><div id=\"q\"><h2>Questions?</h2><p>Call the Oakridge Nurse Line at (555) 555-0188, any time.</p></div>"
      "<section id=\"pt\"><h2>Precisa de aconselhamento?</h2><p>Ligue 808 555 124, 24 horas por dia.</p></section>"
      "<div id=\"v\" class=\"box\"><p>Sore throat?</p><p>See a doctor by video today. Visits from $29.</p>"
      "<a href=\"/visit\">Start a visit</a></div>"
      "<div id=\"w\"><h3>Breathless?</h3><p>Call 999 or the ward on 01632 555381 right away.</p></div>"
      "<div id=\"f\"><h3>How long does a flare-up usually last?</h3><p>About a week. Our helpline is 0800 555 0199.</p></div>"
      "<div id=\"c\"><h3>What does it cost?</h3><p>A visit costs $29 at most clinics.</p></div></body>");
  EXPECT_EQ(page.reason("q"), "chrome: service box");
  EXPECT_EQ(page.reason("pt"), "chrome: service box");
  EXPECT_EQ(page.reason("v"), "chrome: service box");
  EXPECT_EQ(page.reason("w"), std::nullopt);  // an emergency: a warning, kept
  EXPECT_EQ(page.reason("f"), std::nullopt);  // a question of the article, not a box's title
  EXPECT_EQ(page.reason("c"), std::nullopt);  // a price without a button to buy
}

TEST(HtmlChrome, ProseNeedsLengthPunctuationAndFewLinks) {
  const GumboOutputPtr doc = parse_document(
      "<div id=\"t\"><p>Doctors say most people recover within a week, and rest, fluids and time are usually "
      "all that is needed. See a doctor if symptoms get worse, if a fever lasts more than three days, or if "
      "breathing becomes hard.</p></div>"
      "<div id=\"l\"><a href=\"/1\">One link here</a> <a href=\"/2\">Another link there</a></div>");
  EXPECT_TRUE(looks_like_prose(by_id(doc->document, "t")));
  EXPECT_FALSE(looks_like_prose(by_id(doc->document, "l")));
}

}  // namespace
}  // namespace readaloud::html
