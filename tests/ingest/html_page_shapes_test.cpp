// Shapes of real pages that the extractor met on blind fixture parts
// (tests/fixtures/pages/heldout8-10): each rule on a small page of its own,
// with a near miss beside it.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "ingest/html_parser.hpp"
#include "ingest/page_text.hpp"
#include "page_text_helpers.hpp"

namespace readaloud {
namespace {

using test::all_text;
using test::rules;

/// The article's title, standfirst and text.
std::string text_of(std::string_view html) {
  const Article a = parse_html(html, rules());
  return a.subtitle + "\n" + all_text(a);
}

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

constexpr std::string_view kBody =
    "<p>Branch libraries will open for fewer hours from January after councillors voted for the cuts on Tuesday "
    "evening.</p><p>The council says the change saves money, and campaigners say it will hurt children most of "
    "all.</p>";

TEST(HtmlPageShapes, AStandfirstRightAfterTheHeadlineIsKept) {
  // No class names it: a <p> of a sentence's length right after the <h1>,
  // above the article's body.
  const std::string plain = text_of(
      "<body><div class=\"article-col\"><div class=\"headline-block\"><h1>Five libraries to open fewer hours</h1>"
      "<p class=\"css-d9ykdl\">Opening times will be cut by about a third from January, saving an estimated sum each "
      "year</p></div><div class=\"article-body\" itemprop=\"articleBody\">" + std::string(kBody) + "</div></div></body>");
  EXPECT_TRUE(has(plain, "Opening times will be cut by about a third")) << plain;
  // French and German class names, and itemprop="description", in the article's own header.
  for (const std::string& attrs : {std::string("class=\"ps-article__chapo\""), std::string("itemprop=\"description\""),
                                   std::string("class=\"hb-artikel__sub-heading\"")}) {
    const std::string page = text_of("<body><article><header><p><a href=\"/sante\">Santé</a></p><h1>Allergie aux "
                                     "acariens</h1><p " + attrs + ">Nez qui coule au réveil et yeux qui piquent toute "
                                     "l'année.</p></header><div>" + std::string(kBody) + "</div></article></body>");
    EXPECT_TRUE(has(page, "Nez qui coule")) << attrs << "\n" << page;
  }
  // A line of links after the <h1> is no standfirst.
  const std::string links = text_of(
      "<body><div class=\"article-col\"><div class=\"headline-block\"><h1>Five libraries to open fewer hours</h1>"
      "<p><a href=\"/a\">Dev Khurana and the whole local news team here</a></p></div><div class=\"article-body\" "
      "itemprop=\"articleBody\">" + std::string(kBody) + "</div></div></body>");
  EXPECT_FALSE(has(links, "Dev Khurana")) << links;
}

TEST(HtmlPageShapes, TheStepsOfARecipeCardAreKept) {
  const std::string page = text_of(
      "<body><article><h1>Rhubarb bars</h1><p>Pink rhubarb makes the prettiest bars, and any rhubarb works well "
      "here.</p><div class=\"wprm-recipe-container\"><div class=\"wprm-recipe-instructions-container\"><h3>"
      "Instructions</h3><ul class=\"wprm-recipe-instructions\"><li class=\"wprm-recipe-instruction\"><div "
      "class=\"wprm-recipe-instruction-text\">Heat the oven to 180C and line a 20 cm tin.</div></li><li class="
      "\"wprm-recipe-instruction\"><div class=\"wprm-recipe-instruction-text\">Bake for 25 minutes more.</div></li>"
      "</ul></div></div></article></body>");
  EXPECT_TRUE(has(page, "Heat the oven to 180C")) << page;
  EXPECT_TRUE(has(page, "Bake for 25 minutes more.")) << page;
  // The card's summary of times and servings still goes.
  const std::string summary = text_of(
      "<body><article><h1>Rhubarb bars</h1><p>Pink rhubarb makes the prettiest bars, and any rhubarb works well "
      "here.</p><div class=\"wprm-recipe-times\">Prep 25 mins Cook 40 mins Serves 16</div></article></body>");
  EXPECT_FALSE(has(summary, "Prep 25 mins")) << summary;
}

TEST(HtmlPageShapes, ClassesThatSayHowABlockPrintsAreNoPrintButton) {
  const std::string page = text_of(
      "<body><main><div class=\"govuk-grid-row gem-print-columns-none\"><h1>Vitamin D: advice on supplements</h1>"
      "</div><div class=\"govuk-grid-row gem-print-columns-none\"><p>Most people get enough vitamin D from sunlight "
      "between April and September, and fewer do in winter.</p><p>In autumn and winter, everyone should think about "
      "taking a daily supplement of 10 micrograms.</p></div><div class=\"print-button\">Print this page</div>"
      "</main></body>");
  EXPECT_TRUE(has(page, "taking a daily supplement")) << page;
  EXPECT_FALSE(has(page, "Print this page")) << page;
}

TEST(HtmlPageShapes, AnEncyclopediaLosesItsMarksBoxesAndLinksOut) {
  const std::string page = text_of(
      "<body><div id=\"content\"><h1>Chilblains</h1><div id=\"siteSub\" class=\"noprint\">From Examplepedia, the "
      "open medical encyclopedia</div><table class=\"infobox\"><tr><th>Specialty</th><td>Dermatology</td></tr></table>"
      "<p>Chilblains are small, itchy swellings of the skin that appear after exposure to cold.<sup class=\"reference\">"
      "<a href=\"#cite_note-1\">[1]</a></sup> They usually heal within three weeks.</p><p>Keeping the whole body warm "
      "is the best way to prevent them.<sup><a href=\"#fn2\">2</a></sup></p><h2>External links</h2><ul><li><a "
      "href=\"https://example.org\">Chilblains leaflet from a dermatology society</a></li></ul></div></body>");
  EXPECT_TRUE(has(page, "appear after exposure to cold. They usually heal")) << page;
  EXPECT_FALSE(has(page, "[1]")) << page;
  EXPECT_FALSE(has(page, "prevent them.2")) << page;
  EXPECT_FALSE(has(page, "Dermatology")) << page;
  EXPECT_FALSE(has(page, "Examplepedia")) << page;
  EXPECT_FALSE(has(page, "leaflet from a dermatology society")) << page;
  // A superscript that is no link stays: "10<sup>2</sup>".
  const std::string power = text_of("<body><article><h1>Counts</h1><p>The sample held 10<sup>2</sup> cells per "
                                    "millilitre, far fewer than the study expected.</p></article></body>");
  EXPECT_TRUE(has(power, "102 cells")) << power;
}

TEST(HtmlPageShapes, ASourcesAccordionGoes) {
  const std::string page = text_of(
      "<body><article><h1>Croup in children</h1>" + std::string(kBody) +
      "<div class=\"sc-5o5o5o5o-0\"><button aria-expanded=\"true\">Sources</button><div><p>Lindqvist A, Marsh P. "
      "Outpatient management of viral croup. Journal of Child Airway Medicine. 2023.</p></div></div></article></body>");
  EXPECT_FALSE(has(page, "Lindqvist")) << page;
  // An accordion of the article's own questions stays.
  const std::string faq = text_of(
      "<body><article><h1>Croup in children</h1>" + std::string(kBody) +
      "<details><summary>Is croup contagious?</summary><p>The viruses that cause croup spread easily, so keep your "
      "child home until the fever is gone.</p></details></article></body>");
  EXPECT_TRUE(has(faq, "spread easily")) << faq;
}

TEST(HtmlPageShapes, ACommentOrMoreFromHeadingEndsItsSection) {
  const std::string page = text_of(
      "<body><article><h1>We stopped estimating in hours</h1>" + std::string(kBody) +
      "<h2>Responses (41)</h2><div><span>Marcus T</span><p>We tried counting tickets too and it fell apart because "
      "our tickets were wildly different sizes.</p></div><h2>More from Hana Lind and The Backlog</h2><div><p>The "
      "one-on-one question I ask every week, and why it takes ten seconds.</p></div></article></body>");
  EXPECT_TRUE(has(page, "campaigners say it will hurt")) << page;
  EXPECT_FALSE(has(page, "counting tickets")) << page;
  EXPECT_FALSE(has(page, "one-on-one question")) << page;
  // "More from the study" as a sentence is text.
  const std::string sentence = text_of(
      "<body><article><h1>Sleep and screens</h1>" + std::string(kBody) +
      "<p>More from the study: teenagers slept 20 minutes longer without phones.</p></article></body>");
  EXPECT_TRUE(has(sentence, "teenagers slept 20 minutes longer")) << sentence;
}

TEST(HtmlPageShapes, AStructuredHeadlineThatRepeatsOgTitleDoesNotHideTheVisibleOne) {
  const Article a = parse_html(
      "<html><head><title>Hosepipe ban to start on Friday for 2.1 million homes | The Ledger</title>"
      "<meta property=\"og:title\" content=\"Hosepipe ban to start on Friday for 2.1 million homes\">"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Hosepipe ban to start on "
      "Friday for 2.1 million homes\"}</script></head><body><article><h1>Hosepipe ban to begin on Friday as "
      "reservoirs fall to record low</h1>" +
          std::string(kBody) + "</article></body></html>",
      rules());
  EXPECT_EQ(a.title, "Hosepipe ban to begin on Friday as reservoirs fall to record low");
}

TEST(HtmlPageShapes, AQuestionWhoseMarkupHoldsItsAnswersIsReadWithTheAcceptedOne) {
  const std::string page = text_of(
      "<body><div id=\"content\"><div itemprop=\"mainEntity\" itemscope itemtype=\"https://schema.org/Question\">"
      "<h1 itemprop=\"name\">Why do my bedroom windows run with water?</h1><div class=\"question\"><div "
      "class=\"s-prose\" itemprop=\"text\"><p>Every morning the inside of the bedroom windows is soaking wet, and the "
      "corners of the frames have started to go black.</p><p>The other rooms have the same windows and stay dry.</p>"
      "</div><div class=\"comments\"><p>Do you dry laundry in there?</p></div></div><div id=\"answers\"><div "
      "itemprop=\"acceptedAnswer\" itemscope itemtype=\"https://schema.org/Answer\"><div class=\"s-prose\" "
      "itemprop=\"text\"><p>It is almost certainly not the windows: two people breathing all night put half a litre of "
      "water into a closed room.</p><p>Open the trickle vents and leave them open, and run the extractor fan longer."
      "</p></div></div><div itemprop=\"suggestedAnswer\" itemscope itemtype=\"https://schema.org/Answer\"><div "
      "class=\"s-prose\" itemprop=\"text\"><p>A cheap hygrometer will tell you whether it is a moisture problem or a "
      "cold wall.</p></div></div></div></div></div></body>");
  EXPECT_TRUE(has(page, "soaking wet")) << page;
  EXPECT_TRUE(has(page, "trickle vents")) << page;
  EXPECT_FALSE(has(page, "dry laundry in there")) << page;
}

TEST(HtmlPageShapes, APullQuoteIsReadOnceAndMagazineJunkGoes) {
  const std::string page = text_of(
      "<body><article><h1>The night bakers</h1><p>This is the part of the night he finds hardest. &ldquo;Your body "
      "knows it should be asleep,&rdquo; he said. &ldquo;Around three o'clock there's a wall.&rdquo;</p>"
      "<blockquote class=\"lr-pull-quote\"><p>&ldquo;Your body knows it should be asleep.&rdquo;</p></blockquote>"
      "<blockquote><p>Bread is patience you can eat, my grandmother used to say.</p></blockquote>"
      "<div class=\"gallery-embed\"><div class=\"gallery-embed__count\">1 of 6</div><a href=\"/g\">View gallery</a></div>"
      "<p>Watch: How the first batch is shaped by hand</p><p>2:48 Read transcript</p>"
      "<div class=\"lr-inline-sub\"><p>Enjoying this story? Get the best of the Review in print and online. <a "
      "href=\"/s\">Subscribe now</a></p></div><p>By six the shelves are full and the street is waking up.</p>"
      "<p>&#9632;</p><p>Content last reviewed: Aug. 14, 2026</p><p class=\"ps-avertissement\">Les informations de cet "
      "article ne remplacent en aucun cas l'avis d'un professionnel de santé.</p><div class=\"ps-bio\"><p>Léonie "
      "Marchetti est journaliste santé depuis 2014 et écrit sur la santé environnementale.</p></div><div "
      "class=\"hp-give-box\"><h2>We are a nonprofit</h2><p>Your gift helps our doctors find new ways to treat "
      "cancer.</p><a href=\"/give\">Give today</a></div></article></body>");
  EXPECT_EQ(page.find("Your body knows"), page.rfind("Your body knows")) << page;
  EXPECT_TRUE(has(page, "patience you can eat")) << page;  // a quote that repeats nothing stays
  EXPECT_TRUE(has(page, "street is waking up")) << page;
  for (std::string_view junk : {"1 of 6", "View gallery", "Watch:", "transcript", "Enjoying this story", "\u25A0",
                                "last reviewed", "ne remplacent", "Marchetti", "Your gift"})
    EXPECT_FALSE(has(page, junk)) << junk << "\n" << page;
  // "Watch for signs of dehydration." is advice, not a video's label.
  EXPECT_TRUE(has(text_of("<body><article><h1>Heat</h1><p>Watch for signs of dehydration in older relatives during "
                          "a heatwave.</p></article></body>"),
                  "Watch for signs"));
}

TEST(HtmlPageShapes, APrinterFriendlyPageKeepsItsBodyAndStandfirst) {
  // Every block of a print view is "print-something": a print button has no
  // prose, the print view's body and standfirst do.
  const std::string page = text_of(
      "<body><div id=\"print-tools\"><a href=\"#\">Print this article</a> | <a href=\"#\">Close this window</a>"
      "</div><div id=\"print-content\"><h1 class=\"print-title\">Libraries to open fewer hours</h1><p "
      "class=\"print-standfirst\">Opening times will be cut by about a third from January, the council said on "
      "Tuesday evening after a long debate.</p><div class=\"print-body\">" + std::string(kBody) +
      "<p>Campaigners plan a petition and a march to the town hall before the budget is set in February.</p></div>"
      "</div></body>");
  EXPECT_TRUE(has(page, "Branch libraries will open")) << page;
  EXPECT_TRUE(has(page, "Opening times will be cut")) << page;
  EXPECT_FALSE(has(page, "Close this window")) << page;
}

TEST(HtmlPageShapes, ATipBoxCalledInfoboxAndAStandfirstUnderTheByline) {
  const std::string page = text_of(
      "<body><article><header><h1>Fieber bei Kindern</h1><div class=\"meta\"><span>Von Jo Lanz</span></div>"
      "<p class=\"artikel__einleitung\">Wenn das Kind gl\u00fcht, machen sich viele Eltern Sorgen und fragen sich, "
      "was jetzt hilft.</p></header><div class=\"artikel-text\">" + std::string(kBody) +
      "<div class=\"infobox infobox--tipp\"><p><strong>Gut zu wissen:</strong> Fieber wird nicht gef\u00e4hrlicher, "
      "nur weil die Zahl auf dem Thermometer steigt, und ein munteres Kind ist oft weniger krank.</p></div>"
      "<section class=\"produkt-empfehlung\"><p>Passende Produkte</p></section></div></article></body>");
  EXPECT_TRUE(has(page, "Wenn das Kind")) << page;
  EXPECT_TRUE(has(page, "Gut zu wissen")) << page;
  EXPECT_FALSE(has(page, "Passende Produkte")) << page;
  // An encyclopedia's infobox is a table of facts: it goes.
  const std::string wiki = text_of("<body><article><h1>Chilblains</h1><table class=\"infobox\"><tr><th>Specialty"
                                   "</th><td>Dermatology</td></tr></table>" + std::string(kBody) + "</article></body>");
  EXPECT_FALSE(has(wiki, "Dermatology")) << wiki;
}

TEST(HtmlPageShapes, TheTitleClassedH1BeatsASearchEnginesHeadline) {
  const auto title_of = [](const std::string& h1, const std::string& headline) {
    return parse_html("<html><head><title>Sciatica: Symptoms &amp; Relief | MedLumen</title><script "
                      "type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"" + headline +
                      "\"}</script></head><body><div class=\"didomi-popup-notice-title\"></div>" + h1 +
                      "<article>" + std::string(kBody) + "</article></body></html>",
                      rules())
        .title;
  };
  EXPECT_EQ(title_of("<h1 class=\"ml-article__title\">Sciatica: Causes, Symptoms, and Ways to Ease the Pain</h1>",
                     "Sciatica Overview"),
            "Sciatica: Causes, Symptoms, and Ways to Ease the Pain");
  // In Spanish ("titulo"), behind a consent dialog's own <h1>.
  EXPECT_EQ(title_of("<h1 class=\"didomi-popup-notice-title\">Bienvenue sur Pulsation Sant\u00e9 !</h1><h1 "
                     "class=\"hdv-titulo\">Me duele la rodilla al bajar escaleras</h1>",
                     "Dolor de rodilla: responde la traumat\u00f3loga"),
            "Me duele la rodilla al bajar escaleras");
  // Near misses: the site's name in a title-classed <h1>, and an <h1> that adds a kicker to the headline.
  EXPECT_EQ(title_of("<h1 class=\"site-title\">Grupo Hospitalario Costa Sur</h1>", "Bronquiolitis en beb\u00e9s"),
            "Bronquiolitis en beb\u00e9s");
  EXPECT_EQ(title_of("<h1 class=\"headline\">Atemwegsinfekte Kinderarztpraxen melden volle Wartezimmer</h1>",
                     "Kinderarztpraxen melden volle Wartezimmer"),
            "Kinderarztpraxen melden volle Wartezimmer");
  // A shop's blog names its post title "blog-article__title": the post's, not the blog's.
  EXPECT_EQ(title_of("<h1 class=\"blog-article__title\">Tos seca o tos con flemas: c\u00f3mo diferenciarlas</h1>",
                     "\u00bfTos seca o con flemas?"),
            "Tos seca o tos con flemas: c\u00f3mo diferenciarlas");
  // A kicker set into the <h1> is not part of the headline.
  EXPECT_EQ(title_of("<h1 class=\"article__headline\"><span class=\"article__kicker\">'I THOUGHT IT WAS THE CURRY'"
                     "</span> Dad-of-three, 41, blamed his chest pain on a takeaway</h1>",
                     "Dad-of-three's warning after 'takeaway indigestion'"),
            "Dad-of-three, 41, blamed his chest pain on a takeaway");
}

TEST(HtmlPageShapes, AStoryTitleClassedInCamelCaseUnderASectionNameH1) {
  const Article a = parse_html(
      "<html><head><title>News Flash &bull; Halvorsen County</title><meta property=\"og:title\" content=\"Measles "
      "case confirmed; exposure sites listed\"></head><body><h1 class=\"moduleTitle\">News Flash</h1><h2 "
      "class=\"detailTitle\">Health Department Confirms Measles Case, Lists Public Exposure Locations</h2>" +
          std::string(kBody) + "</body></html>",
      rules());
  EXPECT_EQ(a.title, "Health Department Confirms Measles Case, Lists Public Exposure Locations");
}

TEST(HtmlPageShapes, APressReleaseEndsAtItsMarkAndAWireStoryAtItsCredits) {
  const std::string release = text_of(
      "<body><article><h1>Mercy Lakes Health launches a mobile stroke unit</h1><p>FOR IMMEDIATE RELEASE</p>" +
      std::string(kBody) + "<p class=\"release-end\">###</p><div><h4>About Mercy Lakes Health</h4><p>Mercy Lakes "
      "Health is a nonprofit health system serving central Minnesota with four hospitals.</p><h4>Media contact</h4>"
      "<p>Jo Roe, 555-0100</p></div></article></body>");
  EXPECT_TRUE(has(release, "Branch libraries")) << release;
  EXPECT_FALSE(has(release, "IMMEDIATE")) << release;
  EXPECT_FALSE(has(release, "nonprofit health system")) << release;
  EXPECT_FALSE(has(release, "Media contact")) << release;
  const std::string wire = text_of("<body><article><h1>Pharmacies close in small towns</h1>" + std::string(kBody) +
                                   "<p>Meridian Press writer Tom\u00e1s Reyes in Washington contributed to this report."
                                   "</p></article></body>");
  EXPECT_FALSE(has(wire, "contributed to this report")) << wire;
}

TEST(HtmlPageShapes, APullQuoteWithItsSpeakerIsReadOnceAUniqueOneStays) {
  const std::string body =
      "<p>The research is thinner than the enthusiasm, said Hannah Lindqvist, an exercise physiologist. \"There are "
      "real effects,\" she said. \"They're just more modest and more specific than what you see online.\"</p>";
  const std::string repeated = text_of(
      "<body><article><h1>Cold plunges</h1><blockquote class=\"pull-quote\"><p>\"There are real effects. They're just "
      "more modest and more specific than what you see online.\"</p><cite>Hannah Lindqvist, exercise "
      "physiologist</cite></blockquote>" + body + std::string(kBody) + "</article></body>");
  EXPECT_EQ(repeated.find("more specific than"), repeated.rfind("more specific than")) << repeated;
  const std::string unique = text_of(
      "<body><article><h1>Cold plunges</h1><blockquote class=\"pullquote\">The trick is to stop before the brain sinks "
      "too deep.</blockquote>" + body + std::string(kBody) + "</article></body>");
  EXPECT_TRUE(has(unique, "stop before the brain sinks")) << unique;
}

TEST(HtmlPageShapes, BylinesDatesSignaturesAndCreditsNamedInSpanish) {
  const std::string page = text_of(
      "<body><article><h1>Me duele la rodilla</h1><p class=\"hdv-autor\">In\u00e9s Albarr\u00e1n, traumat\u00f3loga</p>"
      "<p class=\"hdv-fecha-pub\">Valdemora, 04/12/2026 - 07:00 h</p><figure><img src=\"a.jpg\" alt=\"\"><figcaption>"
      "Bajar escaleras carga la rodilla. <span class=\"hdv-foto__credito\">Archivo</span></figcaption></figure>" +
      std::string(kBody) + "<p class=\"hdv-consulta__firma\">Carmen R. (Valdemora)</p></article></body>");
  EXPECT_TRUE(has(page, "Bajar escaleras carga la rodilla")) << page;
  for (std::string_view gone : {"traumat\u00f3loga", "04/12/2026", "Archivo", "Carmen R."})
    EXPECT_FALSE(has(page, gone)) << gone << "\n" << page;
}

TEST(HtmlPageShapes, TheOnlyH1BeatsASearchEnginesHeadlineThatSharesItsWords) {
  const auto title_of = [](const std::string& h1, const std::string& headline) {
    return parse_html("<html><head><script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"" +
                          headline + "\"}</script></head><body>" + h1 + "<article>" + std::string(kBody) +
                          "</article></body></html>",
                      rules())
        .title;
  };
  // A utility-class <h1> (no class names a title) and a search engine's wording of it.
  EXPECT_EQ(title_of("<h1 class=\"font-serif text-4xl\">Hives: What Causes Them and How to Calm the Itch</h1>",
                     "Hives (Urticaria): Causes, Treatment, and When to Get Help"),
            "Hives: What Causes Them and How to Calm the Itch");
  // Or shares only a short word's stem with it ("cats").
  EXPECT_EQ(title_of("<h1><span>Lilies and cats: why every part of the plant is dangerous</span></h1>",
                     "Lily poisoning in cats: signs, treatment and prevention"),
            "Lilies and cats: why every part of the plant is dangerous");
  // A health library's entry: its name alone in a title-classed <h1>.
  EXPECT_EQ(title_of("<h1 class=\"cmp-title__text\">Cellulitis</h1>",
                     "Cellulitis (Skin Infection): Symptoms, Causes and Treatment"),
            "Cellulitis");
  // Two <h1>s, or one that shares nothing with the headline: the headline stays.
  EXPECT_EQ(title_of("<h1>Riverside Health</h1><h1>Hives: What Causes Them and How to Calm the Itch</h1>",
                     "Hives (Urticaria): Causes, Treatment, and When to Get Help"),
            "Hives (Urticaria): Causes, Treatment, and When to Get Help");
  EXPECT_EQ(title_of("<h1>Riverside Meridian Health Library</h1>", "Hives (Urticaria): Causes and Treatment"),
            "Hives (Urticaria): Causes and Treatment");
}

TEST(HtmlPageShapes, AShopsProductSliderAndSourcesAndBylinesInMoreLanguages) {
  const std::string page = text_of(
      "<body><article><h1>Koortslip: zo herken je het</h1>" + std::string(kBody) +
      "<div class=\"zp-productslider\"><h3>Bekijk ook deze producten</h3><ol class=\"product-items\"><li>"
      "Aciclovir cr\u00e8me 2 gram \u20ac 6,49</li></ol></div><div class=\"zp-vraag-apotheker\"><h2>Vraag het onze "
      "apotheker</h2><p>Onze apothekers beantwoorden je vraag via chat.</p></div>"
      "<p>Elif Karabulut Giri\u015f: 04.12.2026 09:12 G\u00fcncelleme: 04.12.2026 11:40</p>"
      "<p>Kaynak: Meydan Haber Ajans\u0131 (MHA)</p><div class=\"next-news\"><p>SONRAK\u0130 HABER</p><a href=\"/x\">"
      "K\u0131\u015f depresyonu nedir?</a></div></article></body>");
  for (std::string_view gone : {"Aciclovir", "apothekers", "Karabulut", "Kaynak", "depresyonu"})
    EXPECT_FALSE(has(page, gone)) << gone << "\n" << page;
}

TEST(HtmlPageShapes, ReferenceListsReviewNotesAndPictureLabelsInMoreLanguages) {
  const std::string page = text_of(
      "<body><article><h1>Tipes</h1><figure><img src=\"a.jpg\" alt=\"\"><figcaption>Ilustra\u010dn\u00ed foto"
      "</figcaption></figure>" + std::string(kBody) +
      "<p>This information was last reviewed in October 2026. Next review due October 2029.</p>"
      "<h2>Referensi:</h2><p>Tim Penyakit Dalam. Panduan Praktik Klinis Demam Tifoid. Edisi 2025.</p>"
      "</article></body>");
  for (std::string_view gone : {"Ilustra\u010dn\u00ed", "last reviewed", "Referensi", "Panduan"})
    EXPECT_FALSE(has(page, gone)) << gone << "\n" << page;
}

TEST(HtmlPageShapes, AProductPagesShortIntroductionIsOneSectionOfTheMonograph) {
  // The best-scored block is a short "content" div (its class lifts it), one
  // section of several under the monograph's container: all of them are the article.
  std::string sections;
  for (const char* name : {"Uses", "Benefits", "Side effects", "How to use", "How it works", "Safety advice"})
    sections += std::string("<section><h2>") + name + "</h2><p>" + name +
                ": take it with the evening meal, swallow it whole, and keep taking it even when you feel well, "
                "unless your doctor tells you otherwise.</p></section>";
  const std::string page = text_of(
      "<body><main><h1>Glucora 500 SR Tablet</h1><div class=\"PriceBox__box\">Rs 38.50 MRP Rs 42.80</div>"
      "<div class=\"DrugOverview__container\"><section><h2>Product introduction</h2><div class=\"DrugOverview__content\">"
      "<p>Glucora 500 SR Tablet is a medicine used to control high blood sugar in adults with type 2 diabetes, "
      "together with a healthy diet and regular exercise.</p><p>It is a sustained-release tablet, which means the "
      "medicine is released slowly over the day, and it is usually taken once daily.</p></div></section>" +
      sections + "</div></main></body>");
  EXPECT_TRUE(has(page, "Safety advice: take it")) << page;
  EXPECT_FALSE(has(page, "MRP")) << page;
}

TEST(HtmlPageShapes, AQaPageIsTitledByItsQuestionAndLosesItsSignatures) {
  // og:title is worded otherwise; the QAPage's question names the <h1>.
  const std::string html =
      "<html><head><meta property=\"og:title\" content=\"Knee clicks: what a doctor says\">"
      "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"QAPage\","
      "\"mainEntity\":{\"@type\":\"Question\",\"name\":\"Why do my knees click on the stairs?\"}}</script>"
      "</head><body><article><h1>Why do my knees click on the stairs?</h1>"
      "<p>Asked by a 44-year-old man \u00b7 Oct 3, 2026 \u00b7 2,210 views</p>" + std::string(kBody) +
      "<p>3 Doctor Answers</p><p>Answered Oct 4, 2026</p><p>3 dicembre 2026</p>" + std::string(kBody) +
      "<p>Le risposte degli esperti hanno carattere informativo e non sostituiscono la visita medica.</p>"
      "</article></body></html>";
  const Article a = parse_html(html, rules());
  EXPECT_EQ(a.title, "Why do my knees click on the stairs?");
  const std::string text = all_text(a);
  for (std::string_view gone : {"Asked by", "Doctor Answers", "Answered Oct", "dicembre", "non sostituiscono"})
    EXPECT_FALSE(has(text, gone)) << gone << "\n" << text;
}

TEST(HtmlPageShapes, ACallOutBetweenTwoRunsOfTextBelongsToTheArticle) {
  // Sibling containers of a page builder: the emergency box between the
  // text blocks scores too little to join on its own; the banner goes.
  std::ifstream in(std::string(READALOUD_SOURCE_DIR) + "/tests/fixtures/html/aem-callout-between-text.html");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = text_of(ss.str());
  EXPECT_TRUE(has(text, "Call 911 or go to the nearest emergency room")) << text;
  EXPECT_TRUE(has(text, "And if you're not sure?")) << text;
  EXPECT_FALSE(has(text, "Save your spot")) << text;
}

TEST(HtmlPageShapes, ARecipesCheckListAndNotesStay) {
  const std::string text = text_of(
      "<body><article><h1>Chia pudding</h1>" + std::string(kBody) +
      "<div class=\"wprm-recipe-ingredients-container\"><h3>Ingredients</h3><ul class=\"wprm-recipe-ingredients\">"
      "<li><span><input type=\"checkbox\"><label></label></span><span>6 tablespoons chia seeds</span></li>"
      "<li><span><input type=\"checkbox\"><label></label></span><span>1 cup milk</span></li></ul></div>"
      "<div class=\"wprm-recipe-notes-container\"><h3>Notes</h3><div class=\"wprm-recipe-notes\"><span>It keeps "
      "in the fridge for up to 4 days.</span></div></div></article></body>");
  EXPECT_TRUE(has(text, "6 tablespoons chia seeds")) << text;
  EXPECT_TRUE(has(text, "up to 4 days")) << text;
}

TEST(HtmlPageShapes, BreadcrumbsTeasersLinksAndPromptsInMoreLanguages) {
  const std::string text = text_of(
      "<body><article><div class=\"fil-ariane\"><a href=\"/\">Accueil</a> \u203a Sant\u00e9</div>"
      "<div class=\"article__surtitre\">Abonn\u00e9s</div><h1>Morsure de vip\u00e8re</h1>" + std::string(kBody) +
      "<p>Hirdet\u00e9s</p><p>\U0001F4F2 Participe do canal do Jornal no WhatsApp</p>"
      "<p>Veja mais not\u00edcias da regi\u00e3o</p><p>\u3053\u306e\u8a18\u4e8b\u306e\u753b\u50cf\u3092\u898b\u308b"
      "\uff08\u51683\u679a\uff09</p><p>\u8d23\u4efb\u7f16\u8f91\uff1a\u738b\u73c2</p>"
      "<div class=\"learn-more\"><h2>Learn more</h2><p>KidsHealth, about impetigo</p></div>"
      "<section class=\"teaserliste\"><h2>Weitere Informationen</h2><p>Bluthochdruck: Wie viel Salz?</p></section>"
      "</article></body>");
  for (std::string_view gone : {"Accueil", "Abonn\u00e9s", "Hirdet\u00e9s", "WhatsApp", "Veja mais", "\u753b\u50cf",
                                "\u8d23\u4efb", "KidsHealth", "Bluthochdruck"})
    EXPECT_FALSE(has(text, gone)) << gone << "\n" << text;
  EXPECT_TRUE(has(text, "Branch libraries")) << text;
}

TEST(HtmlPageShapes, ASlideshowsHeadlineAndTheFurnitureOfDailiesAndMagazines) {
  // The visible <h1> opens the JSON-LD headline, which goes on for search engines.
  const std::string html =
      "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":"
      "\"MedicalWebPage\",\"headline\":\"Dry Mouth: 10 Common Causes and How to Find Relief\"}</script></head><body>"
      "<article><h1 class=\"vp-slideshow__title\">Dry Mouth: 10 Common Causes</h1><p>1/12</p>" + std::string(kBody) +
      "<p>Published - May 14, 2026 08:12 pm IST - HYDERABAD</p><p>Also Read Heatwave: orange alert issued for 12 "
      "districts</p><p>MykoNail Nagellack ab 24,95 \u20ac In Apotheke vorbestellen</p><p>Zu Risiken und Nebenwirkungen "
      "lesen Sie die Packungsbeilage und fragen Sie Ihre \u00c4rztin.</p><p>Dr. Nathan Okafor is a family physician in "
      "Bayport. He is unable to answer letters personally.</p><p>Also read the leaflet that comes with your medicine.</p>"
      "</article></body></html>";
  const Article a = parse_html(html, rules());
  EXPECT_EQ(a.title, "Dry Mouth: 10 Common Causes");
  const std::string text = all_text(a);
  for (std::string_view gone : {"1/12", "HYDERABAD", "Heatwave", "MykoNail", "Packungsbeilage", "unable to answer"})
    EXPECT_FALSE(has(text, gone)) << gone << "\n" << text;
  EXPECT_TRUE(has(text, "Also read the leaflet")) << text;
  // A shop's empty "Recently viewed" box and a Portuguese review line.
  const std::string more = text_of("<body><article><h1>Obstipa\u00e7\u00e3o</h1><p>Conte\u00fado revisto pela Dire\u00e7\u00e3o "
                                   "de Conte\u00fados Cl\u00ednicos</p>" + std::string(kBody) +
                                   "<section><h2>Recently viewed</h2><p>You haven't viewed any products yet.</p></section>"
                                   "</article></body>");
  for (std::string_view gone : {"revisto", "Recently viewed", "haven't viewed"})
    EXPECT_FALSE(has(more, gone)) << gone << "\n" << more;
}


TEST(HtmlPageShapes, RepliesMarkedAsCommentsGoAndAQuotedWarningStays) {
  // A forum's crawler view: the first post is the text, the replies carry
  // itemprop="comment"; a warning quoted in an <aside> of the post stays.
  const std::string text = text_of(
      "<body><h1>Read this first: welcome and forum rules</h1><div id=\"post_1\" class=\"topic-body\">"
      "<div class=\"post\" itemprop=\"text\">" + std::string(kBody) +
      "<aside class=\"quote no-group\"><blockquote><p><strong>Get help urgently</strong> Call 999 if dizziness comes "
      "with a drooping face, weakness in an arm or slurred speech.</p></blockquote></aside></div></div>"
      "<div id=\"post_2\" itemprop=\"comment\" itemscope itemtype=\"http://schema.org/Comment\" class=\"topic-body\">"
      "<div class=\"post\" itemprop=\"text\"><p>Thank you for this post. I was diagnosed in November and it is the "
      "first thing I have read that did not frighten me.</p></div></div></body>");
  EXPECT_TRUE(has(text, "Call 999 if dizziness")) << text;
  EXPECT_FALSE(has(text, "diagnosed in November")) << text;
  // An <aside> of links is still a sidebar.
  const std::string sidebar = text_of("<body><article><h1>Croup in children</h1>" + std::string(kBody) +
                                      "<aside><blockquote><p>Read our guide to <a href=\"/colds\">colds and coughs in "
                                      "young children this winter</a> for more on what helps at home.</p></blockquote>"
                                      "</aside></article></body>");
  EXPECT_FALSE(has(sidebar, "Read our guide")) << sidebar;
}

TEST(HtmlPageShapes, APressReleaseEndsAtItsEndMarkWithTheHeadedBoilerplate) {
  const std::string text = text_of(
      "<body><article><h1>Text coaching helped more smokers quit</h1><h2>What the study found</h2>" + std::string(kBody) +
      "<p>###</p><div><h2>About Lakemont University Medical Center</h2><p>Lakemont is an academic health system with "
      "three hospitals and more than sixty outpatient locations.</p></div></article></body>");
  EXPECT_TRUE(has(text, "campaigners say")) << text;
  EXPECT_FALSE(has(text, "About Lakemont")) << text;
  EXPECT_FALSE(has(text, "academic health system")) << text;
}

TEST(HtmlPageShapes, ATranscriptsSeekButtonsAndAnEpisodesChaptersGo) {
  // A video page's transcript: each cue is its seek button and a line of
  // speech, no form; the chapter list of seek links is the video's contents.
  std::string cues;
  const char* lines[] = {"Hi, I'm Beth, and in this video I'll show you how to put someone in the recovery position.",
                         "You use it when a person is unresponsive but breathing normally, so that the airway stays open.",
                         "Kneel beside them and place the arm nearest to you at a right angle to their body.",
                         "Bring their other arm across their chest and hold the back of their hand against their cheek."};
  for (int i = 0; i < 4; ++i)
    cues += "<div class=\"cue\"><button aria-label=\"Seek to 0:0" + std::to_string(i * 2) + "\">0:0" +
            std::to_string(i * 2) + "</button><p>" + lines[i] + "</p></div>";
  const std::string text = text_of(
      "<body><h1>How to put someone in the recovery position</h1><div id=\"description\"><p>Chapters:</p><ul>"
      "<li><a href=\"/watch?v=x&amp;t=0s\">0:00</a> Introduction</li><li><a href=\"/watch?v=x&amp;t=19s\">0:19</a> "
      "Check for danger</li></ul></div><div id=\"transcript\"><h2>Transcript</h2>" + cues + "</div></body>");
  EXPECT_TRUE(has(text, "Bring their other arm across")) << text;
  for (std::string_view gone : {"0:02", "Introduction", "Check for danger"})
    EXPECT_FALSE(has(text, gone)) << gone << "\n" << text;
  // A list of times with whole turns of speech is the transcript itself.
  const std::string turns = text_of(
      "<body><article><h1>Episode 12: iron overload</h1><div class=\"transcript\"><p><a href=\"#t=0\">00:00</a> Ciara: "
      "Hello and welcome to the podcast, where this week we talk about the iron overload condition that runs in "
      "families.</p><p><a href=\"#t=41\">00:41</a> Declan: Thanks for having me, it is a condition that is far more "
      "common than most people think.</p></div></article></body>");
  EXPECT_TRUE(has(turns, "far more common")) << turns;
  EXPECT_FALSE(has(turns, "00:41")) << turns;
}

TEST(HtmlPageShapes, ASectionHeaderWithItsCollapseToggleIsNoForm) {
  const std::string text = text_of(
      "<body><article><h1>Pityriasis rosea</h1>" + std::string(kBody) +
      "<div class=\"section\"><div class=\"section-header\"><h2>Outlook (Prognosis)</h2><button type=\"button\" "
      "aria-label=\"Collapse section Outlook (Prognosis)\">-</button></div><p>The rash usually goes away in 6 to 8 "
      "weeks.</p></div><div class=\"box\"><h3>Get our newsletter</h3><input type=\"email\"><button>Sign up</button>"
      "</div></article></body>");
  EXPECT_TRUE(has(text, "Outlook (Prognosis)")) << text;
  EXPECT_TRUE(has(text, "goes away in 6 to 8 weeks")) << text;
  EXPECT_FALSE(has(text, "Get our newsletter")) << text;
}

TEST(HtmlPageShapes, ClosingNotesInItalicsGoAnUrgentOneAndAPostscriptStay) {
  const std::string wire = text_of(
      "<body><article><h1>Five libraries to open fewer hours</h1>" + std::string(kBody) +
      "<p><em>This report by Maple Newswire was first published March 13.</em></p><p class=\"fix\"><i>Corrections: "
      "an earlier version of this story gave the wrong date for the vote.</i></p></article></body>");
  EXPECT_TRUE(has(wire, "hurt children most of all")) << wire;
  EXPECT_FALSE(has(wire, "first published")) << wire;
  EXPECT_FALSE(has(wire, "an earlier version")) << wire;

  const std::string urgent = text_of(
      "<body><article><h1>Five libraries to open fewer hours</h1>" + std::string(kBody) +
      "<p><em>If you are in crisis, call 988 at any hour.</em></p></article></body>");
  EXPECT_TRUE(has(urgent, "call 988")) << urgent;

  const std::string postscript = text_of(
      "<body><article><h1>Five libraries to open fewer hours</h1>" + std::string(kBody) +
      "<p><em>Edit: several readers asked about the mobile library, which keeps its route.</em></p></article></body>");
  EXPECT_TRUE(has(postscript, "mobile library")) << postscript;

  // Italics inside a plain paragraph are no note, and an article all in italics keeps its end.
  const std::string mixed = text_of(
      "<body><article><h1>Five libraries to open fewer hours</h1>" + std::string(kBody) +
      "<p>The vote was <em>close</em>: seven to six.</p></article></body>");
  EXPECT_TRUE(has(mixed, "seven to six")) << mixed;
  const std::string all_italic = text_of(
      "<body><article><h1>A poem for the library</h1><p><em>The shelves are quiet now, the lamps are low, and every "
      "reader has gone home.</em></p><p><em>Still the stories wait for morning and the opening of the doors.</em></p>"
      "</article></body>");
  EXPECT_TRUE(has(all_italic, "opening of the doors")) << all_italic;
}

TEST(HtmlPageShapes, APromotionCardGoesAWarningBoxAndALiveBlogEntryStay) {
  const std::string text = text_of(
      "<body><article><h1>Five libraries to open fewer hours</h1>" + std::string(kBody) +
      "<section class=\"mt-10 rounded-lg\"><p class=\"text-2xl\">Learn it hands-on</p><p>Practise first aid with a "
      "trainer in our one-day course, from $169.</p><a href=\"/courses\" class=\"inline-block\">Find a course near "
      "you</a></section><div class=\"box\"><h3>Poisons</h3><p>If a child swallows a battery, go to the emergency "
      "department at once.</p><p><a href=\"/batteries\">Button batteries</a></p></div><div class=\"entry\"><h2>Alert "
      "extended to Friday</h2><p>The agency has extended its heat alert to every region until Friday.</p><div><a "
      "href=\"#\">Share</a></div></div><p>Campaigners will meet again next week.</p></article></body>");
  EXPECT_FALSE(has(text, "Learn it hands-on")) << text;
  EXPECT_FALSE(has(text, "Find a course near you")) << text;
  EXPECT_TRUE(has(text, "go to the emergency department")) << text;
  EXPECT_TRUE(has(text, "extended its heat alert")) << text;
  EXPECT_TRUE(has(text, "meet again next week")) << text;
}

TEST(HtmlPageShapes, AnAffiliateProductBoxAndAGiveawayGoTheWritersTextStays) {
  const std::string text = text_of(
      "<body><article><h1>Bath time safety</h1>" + std::string(kBody) +
      "<h3>A bath thermometer</h3><p>Ours floats and flashes when the water is too hot, which takes the guesswork "
      "out of it. I bought mine through <a rel=\"nofollow sponsored\" href=\"https://shop.example/t\">this shop</a>.</p>"
      "<div class=\"aawp\"><div class=\"aawp-product\"><span>Bestseller No. 1</span><a rel=\"nofollow noopener "
      "sponsored\" href=\"https://shop.example/t\">Floating Duck Bath Thermometer</a><ul><li>Instant reading</li></ul>"
      "<span>\xC2\xA3" "11.99</span><a rel=\"nofollow sponsored\" href=\"https://shop.example/t\">Buy now</a></div></div>"
      "<h2>Giveaway: win our bath time bundle</h2><p>I've teamed up with a shop to give one reader a bundle worth "
      "\xC2\xA3" "75.</p><p>Enter below before the closing date.</p><h2>Never leave them</h2><p>Stay within arm's reach "
      "for the whole bath, every time, whatever age they are.</p></article></body>");
  EXPECT_TRUE(has(text, "I bought mine through this shop")) << text;
  EXPECT_FALSE(has(text, "Bestseller No. 1")) << text;
  EXPECT_FALSE(has(text, "Buy now")) << text;
  EXPECT_FALSE(has(text, "give one reader a bundle")) << text;
  EXPECT_TRUE(has(text, "Stay within arm's reach")) << text;
}

TEST(HtmlPageShapes, AnAsideListingTheTextsOwnPointsStaysASalesBoxAndLinksGo) {
  const std::string text = text_of(
      "<body><article><h1>Night riders</h1>" + std::string(kBody) +
      "<aside class=\"longread__box uk-card\"><h3>How a run works</h3><ol><li>A hospital rings the controller on "
      "duty.</li><li>The controller calls the nearest available rider.</li><li>The rider collects the package and sets "
      "off.</li></ol></aside><aside class=\"promo\"><h3>Get a travel insurance quote</h3><ul><li>\u2713 Up to ten "
      "million in medical cover</li><li>\u2713 Round the clock emergency assistance line</li><li>\u2713 Cover for "
      "over a thousand conditions</li></ul><a href=\"/quote\">Start my quote</a></aside><aside><h3>More stories</h3>"
      "<ul><li><a href=\"/a\">Library hours cut again in the north of the city</a></li><li><a href=\"/b\">Buses to "
      "run later on Fridays from next month</a></li><li><a href=\"/c\">New crossing outside the primary school"
      "</a></li></ul></aside></article></body>");
  EXPECT_TRUE(has(text, "How a run works")) << text;
  EXPECT_TRUE(has(text, "The rider collects the package")) << text;
  EXPECT_FALSE(has(text, "Start my quote")) << text;
  EXPECT_FALSE(has(text, "medical cover")) << text;
  EXPECT_FALSE(has(text, "Buses to run later")) << text;
}

TEST(HtmlPageShapes, ALineThatOnlyDatesTheStoryGoesALiveBlogsEntryTimesAndDatedSentencesStay) {
  const std::string text = text_of(
      "<body><article><h1>Farmers urged to wear helmets</h1><div class=\"meta\"><p class=\"who\">Marama Kereama"
      "</p><p class=\"when\"><time datetime=\"2029-04-23T06:05\">6:05 am on 23 April 2029</time></p></div>"
      "<p>Updated <time datetime=\"2029-04-23T09:00\">23 April 2029</time></p>" + std::string(kBody) +
      "<p>The new rules take effect on <time datetime=\"2029-07-01\">1 July 2029</time>, the ministry said.</p>"
      "<div class=\"live-post\"><div class=\"live-post__time\"><time datetime=\"2029-04-23T10:20\">10:20</time>"
      "</div><p>Coastguard teams are urging people to stay away from the harbour walls this morning.</p></div>"
      "</article></body>");
  EXPECT_FALSE(has(text, "6:05 am on 23 April")) << text;
  EXPECT_FALSE(has(text, "Updated 23 April")) << text;
  EXPECT_TRUE(has(text, "take effect on 1 July 2029")) << text;
  EXPECT_TRUE(has(text, "10:20")) << text;
}

TEST(HtmlPageShapes, ACommentCountInTheBylinesRowEndsNothingTheCommentSectionDoes) {
  const std::string text = text_of(
      "<body><article><h1>How we keep Dad's skin healthy</h1><div class=\"meta\"><span class=\"byline\">written by "
      "<a href=\"/author/maggie\">Maggie</a></span><span><time datetime=\"2029-03-12\">March 12, 2029</time></span>"
      "\n<span>14 comments</span>\n<span>7 min read</span></div>" + std::string(kBody) +
      "<p>2 comments</p><p>Thank you for this, my mum is in the same position and the turning chart has already "
      "helped us a great deal this week.</p></article></body>");
  EXPECT_TRUE(has(text, "campaigners say")) << text;
  EXPECT_FALSE(has(text, "turning chart")) << text;
}

TEST(HtmlPageShapes, APostSetInAStaticPopupIsReadARealPopupIsNot) {
  // Tilda's blog posts: the post is a "popup" shown in place, its title and
  // text the popup's parts; the newsletter's popup beside it stays chrome.
  const std::string text = text_of(
      "<body><div class=\"t-feed__post-popup__container t-popup__container-static\"><h1 class=\"t-feed__post-popup__title\">"
      "Library hours cut</h1><div class=\"t-feed__post-popup__text\">" + std::string(kBody) + "</div></div>"
      "<div class=\"t-popup\"><div class=\"t-popup__title\">Get our seasonal tips</div><p class=\"t-popup__descr\">One "
      "email a month with advice for the season ahead, and nothing else from us in between.</p></div></body>");
  EXPECT_TRUE(has(text, "campaigners say")) << text;
  EXPECT_FALSE(has(text, "seasonal tips")) << text;
  EXPECT_FALSE(has(text, "One email a month")) << text;
}

TEST(HtmlPageShapes, ABylineRowUnderTheHeadlineIsNoStandfirstInAnyScript) {
  // A page builder's hero: rubric, headline, then "Text: NAME · Photo: NAME · date" in a <p>.
  for (const char* byline : {"\u0422\u0435\u043A\u0441\u0442: \u041E\u043A\u0441\u0430\u043D\u0430 \u041B\u0435\u0432\u0447\u0443\u043A "
                             "\u00B7 \u0424\u043E\u0442\u043E: \u0410\u043D\u0434\u0440\u0456\u0439 \u0427\u0435\u0440\u043D\u044F\u043A "
                             "\u00B7 22 \u043B\u0438\u0441\u0442\u043E\u043F\u0430\u0434\u0430 2028",
                             "Text: Anna Novak \u00B7 Photos: Petr Dvorak \u00B7 22 November 2028"}) {
    const std::string text = text_of("<body><main><section class=\"hero\"><p class=\"hero__rubric\">Crafts</p><h1>"
                                     "Library hours cut</h1><p class=\"hero__meta\">" + std::string(byline) +
                                     "</p></section><section class=\"body\">" + std::string(kBody) + "</section></main></body>");
    EXPECT_FALSE(has(text, "22 ")) << text;
    EXPECT_TRUE(has(text, "campaigners say")) << text;
  }
}

}  // namespace
}  // namespace readaloud
