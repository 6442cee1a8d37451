// html_extract: choosing the article's elements by scoring, on tiny pages.
#include "ingest/html_extract.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

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

std::string id_of(const GumboNode* el) {
  const char* id = attr(el, "id");
  return id ? id : "";
}

const std::string kProse =
    "<p>The council said on Monday that the new crossing outside the school would be built during the half-term "
    "holiday, after parents asked for it for years.</p>"
    "<p>Traffic counts found hundreds of cars an hour passing the gates at drop-off time, many of them too fast, "
    "and two children were hurt last winter.</p>"
    "<p>Work is due to finish before the start of the new term, the council said, and the road will stay open.</p>";

ContentChoice choose(const std::string& page) {
  static GumboOutputPtr doc;  // kept alive for the returned pointers within one test
  doc = parse_document(page);
  const GumboNode* body = find(doc->document, GUMBO_TAG_BODY);
  return choose_content(body, find_content_holders(doc->document));
}

TEST(HtmlExtract, ProseBlockWinsOverLinkListsWithoutAnyHint) {
  const ContentChoice c = choose(
      "<body><div id=\"links\"><a href=\"/1\">World news today</a> <a href=\"/2\">Sport results</a> "
      "<a href=\"/3\">Weather for the week</a> <a href=\"/4\">Culture and arts</a></div>"
      "<div id=\"text\">" + kProse + "</div>"
      "<div id=\"foot\"><a href=\"/p\">Privacy</a> <a href=\"/t\">Terms</a></div></body>");
  ASSERT_EQ(c.roots.size(), 1u);
  EXPECT_EQ(id_of(c.roots[0]), "text");
  EXPECT_FALSE(c.how.empty());
}

TEST(HtmlExtract, ArticleElementAroundTheTextIsTaken) {
  const ContentChoice c = choose(
      "<body><div class=\"menu\"><a href=\"/\">Home</a></div>"
      "<article id=\"art\"><h1>School crossing</h1><div class=\"story\">" + kProse + "</div></article></body>");
  ASSERT_FALSE(c.roots.empty());
  const GumboNode* root = c.roots[0];
  // The article element, or the block inside it: either way the headline's container is found.
  const bool in_article = id_of(root) == "art" || (root->parent != nullptr && id_of(root->parent) == "art");
  EXPECT_TRUE(in_article) << c.how;
}

TEST(HtmlExtract, AQaPortalsQuestionBlockAndTheChosenAnswerByClass) {
  const ContentChoice c = choose(
      "<body><div class=\"question_area\" id=\"q\"><div class=\"question_title\"><h1>Why do my knees click?</h1></div>"
      "<div class=\"question_body\"><p>My knees click on the stairs every morning. Should I worry about it?</p></div></div>"
      "<div class=\"answer_list\"><div class=\"answer_box\"><div class=\"answer_box__content\" id=\"a\">" + kProse +
      "</div></div></div></body>");
  ASSERT_EQ(c.roots.size(), 2u) << c.how;
  EXPECT_EQ(id_of(c.roots[0]), "q");  // the block that holds the asker's words, not the title's wrapper
  EXPECT_EQ(id_of(c.roots[1]), "a");
  // Without a block whose class names a question around the <h1>: the scored answer alone.
  const ContentChoice plain = choose(
      "<body><div><h1>Why do my knees click?</h1></div>"
      "<div class=\"answer_box\"><div class=\"answer_box__content\" id=\"a\">" + kProse + "</div></div></body>");
  ASSERT_EQ(plain.roots.size(), 1u);
}

TEST(HtmlExtract, APageBuildersSectionsUnderTheEntryContentAreOneArticle) {
  // Each part of the post in a section of its own, nested deep: the scoring
  // sees the first apart; the block named the article's body holds them all.
  std::string sections;
  for (const char* part : {"one", "two", "three"})
    sections += std::string("<div class=\"pb_section\"><div class=\"pb_row\"><div class=\"pb_column\"><div class=\"pb_module\">"
                            "<div class=\"pb_text_inner\" id=\"") + part + "\"><h2>Part " + part + "</h2>" + kProse +
                "</div></div></div></div></div>";
  const ContentChoice c = choose("<body><div class=\"menu\"><a href=\"/\">Home</a></div><article><h1>Seizure first aid</h1>"
                                 "<div class=\"entry-content\" id=\"body\">" + sections + "</div></article></body>");
  ASSERT_EQ(c.roots.size(), 1u) << c.how;
  EXPECT_EQ(id_of(c.roots[0]), "body") << c.how;
}

TEST(HtmlExtract, NegativeHintsLoseToPositiveOnes) {
  const ContentChoice c = choose(
      "<body><div id=\"related\" class=\"related-stories\">" + kProse + "</div>"
      "<div id=\"main\" class=\"article-body\">" + kProse + "<p>One more paragraph of the article, with its own "
      "sentence, to be sure.</p></div></body>");
  ASSERT_FALSE(c.roots.empty());
  EXPECT_EQ(id_of(c.roots[0]), "main") << c.how;
}

TEST(HtmlExtract, BlocksOfEqualWeightUnderOneParentAreOneArticle) {
  // A live blog: each update its own block; no block outweighs the others.
  std::string updates;
  for (int i = 0; i < 4; ++i)
    updates += "<div class=\"update\"><div class=\"update-time\">1" + std::to_string(i) +
               ".05</div><div class=\"update-body\"><p>Update " + std::to_string(i) +
               ": volunteers at the first-aid post have treated more people for heat exhaustion, most of them "
               "visitors who had not brought water, and they ask everyone to rest in the shade.</p></div></div>";
  const ContentChoice c = choose("<body><div class=\"menu\"><a href=\"/\">Home</a></div><div id=\"feed\">" +
                                 updates + "</div><div class=\"footer\">About us</div></body>");
  ASSERT_EQ(c.roots.size(), 1u) << c.how;
  EXPECT_EQ(id_of(c.roots[0]), "feed") << c.how;
}

TEST(HtmlExtract, TwoTeasersBesideTheArticleDoNotWidenIt) {
  // Near miss: one article block and two short teaser blocks elsewhere.
  const ContentChoice c = choose(
      "<body><div id=\"wrap\"><div id=\"text\">" + kProse + kProse + "</div>"
      "<div><div><p>A teaser of another story, with a comma, about buses and trains in the town.</p></div>"
      "<div><p>Another teaser, about the library, which opens late on Thursdays this month.</p></div></div>"
      "</div></body>");
  ASSERT_FALSE(c.roots.empty());
  EXPECT_EQ(id_of(c.roots[0]), "text") << c.how;
}

TEST(HtmlExtract, AKeyPointsListBesideTheArticleJoinsIt) {
  const ContentChoice c = choose(
      "<body><div id=\"wrap\"><h1>Crossing</h1>"
      "<div id=\"points\"><div>Key points</div><ul><li>The crossing is built during the half-term holiday.</li>"
      "<li>Parents asked for it for several years.</li><li>The road stays open while the work goes on.</li></ul></div>"
      "<div id=\"links\"><div>Most read</div><ul><li><a href=\"/1\">Bypass closed after a lorry overturns</a></li>"
      "<li><a href=\"/2\">New bakery opens in the former bank</a></li></ul></div>"
      "<div id=\"text\" class=\"article-body\">" + kProse + "</div></div></body>");
  std::vector<std::string> ids;
  for (const GumboNode* r : c.roots) ids.push_back(id_of(r));
  EXPECT_NE(std::find(ids.begin(), ids.end(), "points"), ids.end()) << c.how;
  EXPECT_NE(std::find(ids.begin(), ids.end(), "text"), ids.end()) << c.how;
  EXPECT_EQ(std::find(ids.begin(), ids.end(), "links"), ids.end()) << c.how;  // headlines as links: no
}

TEST(HtmlExtract, NoClimbToAPageWrapperThatAddsOnlyChrome) {
  // A site builder wraps every paragraph in a module and the whole page in a
  // "content" class; the wrapper adds the opening hours and the address, not text.
  std::string modules;
  for (int i = 0; i < 8; ++i)
    for (const char* p : {"<div class=\"j-module\"><p>The council said on Monday, after a long meeting, that the "
                          "crossing outside the school, on the main road, would be built during the half-term holiday, "
                          "after parents, teachers and neighbours asked for it, again and again, for years.</p></div>",
                          "<div class=\"j-module\"><p>Traffic counts found hundreds of cars, vans and lorries an "
                          "hour passing the gates at drop-off time, many of them too fast, and two children, both "
                          "aged seven, were hurt last winter, in separate accidents.</p></div>"})
      modules += p;
  const ContentChoice c = choose(
      "<body class=\"cc-content-parent\"><div id=\"site\" class=\"cc-content-parent\">"
      "<div id=\"top\"><p>Open Monday, Tuesday, Wednesday, Thursday and Friday, 8:00 to 18:00.</p>"
      "<p>Saturday, 8:00 to 12:00, Sunday closed, holidays closed.</p><p>Tel. 0775 555 0123, fax 0775 555 0124, "
      "email, chat.</p><p>Night service, weekend service, emergency service: call 1455, any time.</p></div>"
      "<div class=\"jtpl-content\"><p>Thursday, 18 November, in the blog, by the team, with love, for you.</p>"
      "<div class=\"jtpl-content__inner\"><div id=\"content_area\"><h1>Crossing</h1>"
      "<div class=\"j-blog-content\"><div id=\"matrix\">" + modules +
      "</div></div></div></div></div><div id=\"foot\"><div class=\"j-module\"><p>Kranich Pharmacy, Main Square 1, "
      "4910 Ried, Tel. 0775 555 0123</p></div></div></div></body>");
  std::vector<std::string> ids;
  for (const GumboNode* r : c.roots) ids.push_back(id_of(r));
  EXPECT_EQ(std::find(ids.begin(), ids.end(), "site"), ids.end()) << c.how;
  EXPECT_EQ(std::find(ids.begin(), ids.end(), "top"), ids.end()) << c.how;
}

TEST(HtmlExtract, MeasureTextCountsLinkedText) {
  const GumboOutputPtr doc = parse_document("<body><div id=\"d\">plain text <a href=\"/x\">linked</a></div></body>");
  const GumboNode* body = find(doc->document, GUMBO_TAG_BODY);
  const StatsMap stats = measure_text(body, find_content_holders(doc->document));
  const GumboNode* div = find(body, GUMBO_TAG_DIV);
  ASSERT_TRUE(stats.count(div));
  const TextStats& s = stats.at(div);
  EXPECT_GT(s.text, s.link);
  EXPECT_GT(s.link, 0u);
  EXPECT_EQ(s.links, 1u);
  EXPECT_GT(s.link_density(), 0.2);
  EXPECT_LT(s.link_density(), 0.6);
}

TEST(HtmlExtract, DescribeNamesTagAndClasses) {
  const GumboOutputPtr doc = parse_document("<div class=\"story body\">x</div>");
  const GumboNode* div = find(doc->document, GUMBO_TAG_DIV);
  const std::string d = describe(div);
  EXPECT_NE(d.find("div"), std::string::npos) << d;
  EXPECT_NE(d.find("story"), std::string::npos) << d;
}


TEST(HtmlExtract, ABuildersTextBlocksBesideTheBestOneJoinIt) {
  // Squarespace puts each run of text in its own block, the text three
  // wrappers down: the short opening block scores too little on its own.
  const auto block = [](const std::string& id, const std::string& inner) {
    return "<div id=\"" + id + "\" class=\"sqs-block html-block\"><div class=\"sqs-block-content\">"
           "<div class=\"sqs-html-content\">" + inner + "</div></div></div>";
  };
  const ContentChoice c = choose(
      "<body><div class=\"col\">" +
      block("intro", "<p>Eleven months ago I landed badly in a netball game and heard a pop in my knee.</p>") +
      "<div id=\"pic\" class=\"sqs-block image-block\"><figure><img src=\"a.jpg\" alt=\"A brace\"></figure></div>" +
      block("main", kProse + kProse + kProse) + "</div></body>");
  std::vector<std::string> ids;
  for (const GumboNode* r : c.roots) ids.push_back(id_of(r));
  EXPECT_NE(std::find(ids.begin(), ids.end(), "intro"), ids.end()) << c.how;
  EXPECT_NE(std::find(ids.begin(), ids.end(), "main"), ids.end()) << c.how;
}

TEST(HtmlExtract, AHeadedSectionOfProseBesideTheBodyJoinsIt) {
  // A telehealth blog's FAQ under the body: a heading, then answers in prose.
  const std::string answer = "<p>A mild infection sometimes clears up without treatment, but medicine usually "
                             "works faster and more reliably than waiting.</p>";
  const ContentChoice c = choose(
      "<body><div class=\"blog-content\"><div id=\"text\" class=\"blog-rich-text\">" + kProse + kProse + kProse +
      "</div><div id=\"faq\"><h2>Frequently asked questions</h2><div><h3>Can it go away on its own?</h3>" + answer +
      "</div><div><h3>Is it catching?</h3>" + answer + "</div></div>"
      "<div id=\"more\"><h2>Related posts</h2><p><a href=\"/1\">Signs you need antibiotics for a urinary tract "
      "infection, and when to wait</a></p><p><a href=\"/2\">What bacterial vaginosis is and how doctors treat it, "
      "explained by a nurse</a></p></div></div></body>");
  std::vector<std::string> ids;
  for (const GumboNode* r : c.roots) ids.push_back(id_of(r));
  EXPECT_NE(std::find(ids.begin(), ids.end(), "faq"), ids.end()) << c.how;
  EXPECT_EQ(std::find(ids.begin(), ids.end(), "more"), ids.end()) << c.how;  // a heading over links: no
}

TEST(HtmlExtract, ABuildersStripsOfTextModulesAreTheArticle) {
  // Wix puts each band of the page in a <section>, its text in a module
  // three wrappers down with its own "comp-…" id; the article runs on from
  // strip to strip.
  const auto strip = [](const std::string& id, const std::string& inner) {
    return "<section id=\"" + id + "\" class=\"Oqnisf " + id + " wixui-section\"><div class=\"bg\"></div><div>"
           "<div><div id=\"" + id + "t\" class=\"HcOXKn QxJLC3 " + id + "t wixui-rich-text\">" + inner +
           "</div></div></div></section>";
  };
  const ContentChoice c = choose(
      "<body><div id=\"site\"><div class=\"grid\">" + strip("s1", "<p>If it hurts at the base of your thumb every time you lift "
                                                    "your baby, you are far from alone, and it usually settles.</p>") +
      strip("s2", kProse + kProse + kProse) +
      strip("s3", "<p>Rest the thumb in a splint for a few weeks, and lift your baby with both hands and palms up.</p>") +
      "</div><div class=\"footer-strip\"><p>Kilbrack Physio, Unit 4, Example Business Park. Open weekdays.</p></div>"
      "</div></body>");
  std::vector<std::string> ids;
  for (const GumboNode* r : c.roots) ids.push_back(id_of(r));
  EXPECT_EQ(ids, (std::vector<std::string>{"s1", "s2", "s3"})) << c.how;

  // The same strips set right under <body>, as another builder sets its sections.
  const ContentChoice top_level = choose(
      "<body>" + strip("s1", "<p>If it hurts at the base of your thumb every time you lift your baby, you are far from "
                             "alone, and it usually settles.</p>") +
      strip("s2", kProse + kProse + kProse) +
      strip("s3", "<p>Rest the thumb in a splint for a few weeks, and lift your baby with both hands and palms up.</p>") +
      "<footer><p>Kilbrack Physio, Unit 4, Example Business Park. Open weekdays.</p></footer></body>");
  ids.clear();
  for (const GumboNode* r : top_level.roots) ids.push_back(id_of(r));
  EXPECT_EQ(ids, (std::vector<std::string>{"s1", "s2", "s3"})) << top_level.how;
}

TEST(HtmlExtract, AThreadsOtherPostsAreNoStrips) {
  // A forum's posts repeat the best block's module too, but in <div>s: the first post stays alone.
  const auto post = [](const std::string& id, const std::string& text) {
    return "<div id=\"" + id + "\" class=\"postbit\"><div class=\"userinfo\">member</div><div><div "
           "class=\"postcontent restore\">" + text + "</div></div></div>";
  };
  const ContentChoice c = choose("<body><div id=\"posts\">" + post("p1", kProse + kProse + kProse) +
                                 post("p2", "<p>Thanks for this. I am booked in for my first injection next week and "
                                            "was nervous, so this really helps.</p>") +
                                 "</div></body>");
  for (const GumboNode* r : c.roots) EXPECT_NE(id_of(r), "p2") << c.how;
}

TEST(HtmlExtract, AWarningBoxAboveThePictureAndTextJoinsThem) {
  // A page builder's column: breadcrumbs, a warning module, a photo module, the text module.
  const std::string column =
      "<div class=\"col\"><div class=\"crumbs\"><a href=\"/\">Home</a> &raquo; <a href=\"/pets\">Pets</a></div>"
      "<div id=\"warn\" class=\"module module-callout emergency-callout\"><h3>Think your cat ate a lily?</h3><p>Call "
      "your vet immediately, even if your cat seems well.</p></div><div class=\"module module-photo\"><img src=\"a.jpg\" "
      "alt=\"\"><div>Lilies in a vase.</div></div><div id=\"text\" class=\"module module-text\">" + kProse + kProse +
      "</div>";
  const ContentChoice c = choose("<body>" + column + "<div id=\"promo\" class=\"module module-callout\"><h3>Join our "
                                 "pet health plan</h3><p>Save on check-ups all year.</p></div></div></body>");
  std::vector<std::string> ids;
  for (const GumboNode* r : c.roots) ids.push_back(id_of(r));
  EXPECT_NE(std::find(ids.begin(), ids.end(), "warn"), ids.end()) << c.how;
  EXPECT_NE(std::find(ids.begin(), ids.end(), "text"), ids.end()) << c.how;
  EXPECT_EQ(std::find(ids.begin(), ids.end(), "promo"), ids.end()) << c.how;
}

TEST(HtmlExtract, PortletsWithAnEmptyAnchorBeforeTheirTextJoinTheirSiblings) {
  // SiteVision: each text portlet holds an empty anchor <div id="Text"> and
  // the text's own <div>; the article runs on from portlet to portlet.
  const auto portlet = [](const std::string& id, const std::string& inner) {
    return "<div class=\"sv-text-portlet sv-use-margins\" id=\"" + id + "\"><div id=\"Text\"></div>"
           "<div class=\"sv-text-portlet-content\">" + inner + "</div></div>";
  };
  const ContentChoice c = choose(
      "<body><div class=\"sv-layout\" id=\"mid\">" +
      portlet("p1", "<p>The right of public access lets everyone walk in the countryside, even on land that someone "
                    "else owns, as long as they take care of it.</p>") +
      "<div class=\"sv-image-portlet\"><img src=\"a.jpg\" alt=\"\"></div>" + portlet("p2", kProse + kProse + kProse) +
      portlet("p3", "<h2>Picking berries</h2><p>You may pick wild berries, mushrooms and flowers, but some plants are "
                    "protected and must be left where they grow.</p>") +
      "</div></body>");
  std::vector<std::string> ids;
  for (const GumboNode* r : c.roots) ids.push_back(id_of(r));
  EXPECT_NE(std::find(ids.begin(), ids.end(), "p1"), ids.end()) << c.how;
  EXPECT_NE(std::find(ids.begin(), ids.end(), "p3"), ids.end()) << c.how;
}

}  // namespace
}  // namespace readaloud::html
