// Whole-page text and HTML rules for pages seen in the fifth part of the page
// corpora: text-browser link numbers, two-column dumps, encyclopedia dumps,
// Q&A forums, Dutch and Portuguese chrome, press back matter, site-first
// <title>s. Each rule with a near miss that must stay.
#include <gtest/gtest.h>

#include <string>

#include "ingest/boilerplate.hpp"
#include "ingest/html_dom.hpp"
#include "ingest/html_metadata.hpp"
#include "ingest/html_parser.hpp"
#include "ingest/page_text.hpp"
#include "ingest/page_text_rules.hpp"
#include "ingest/plaintext_parser.hpp"
#include "page_text_helpers.hpp"
#include "document/article.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

using test::all_text;
using test::classify;
using test::rules;

TEST(StripLinkMarks, LinkNumbersAndCitationsGoOtherBracketsStay) {
  EXPECT_EQ(strip_link_marks("[13]How do I get rust off a chain?"), "How do I get rust off a chain?");
  EXPECT_EQ(strip_link_marks("after cold, damp air.[1] They most"), "after cold, damp air. They most");
  EXPECT_EQ(strip_link_marks("[x] Remember me"), "[x] Remember me");
  // A superscript footnote number as w3m writes it; a caret in other text stays.
  EXPECT_EQ(strip_link_marks("resist it.^3 He was right."), "resist it. He was right.");
  EXPECT_EQ(strip_link_marks("the job.^12"), "the job.");
  EXPECT_EQ(strip_link_marks("press ^ then 2"), "press ^ then 2");
  EXPECT_EQ(strip_link_marks("Table [12a] and [Search]"), "Table [12a] and [Search]");
  EXPECT_EQ(strip_link_marks("a code [12345]"), "a code [12345]");
}

TEST(PageTextRules, PhraseListsComeFromData) {
  EXPECT_FALSE(page_phrases("skip_links").empty());
  EXPECT_FALSE(page_phrases("ui_phrases").empty());
  EXPECT_THROW(page_phrases("no_such_list"), Error);
}

TEST(ClassifyPageLine, BreadcrumbEndingInALongTitle) {
  EXPECT_EQ(classify("Home > News > Norovirus: please stay away if you have been unwell").kind, PageLineKind::Chrome);
  // A sentence with a comparison sign, and one with a single separator, are text.
  EXPECT_NE(classify("Prices > 30 euros > what most families pay for a week of school meals.").kind,
            PageLineKind::Chrome);
  EXPECT_NE(classify("Temperatures above > 30 degrees are expected across the south on Saturday").kind,
            PageLineKind::Chrome);
}

TEST(ClassifyPageLine, DutchConsentAndButtons) {
  EXPECT_EQ(classify("Akkoord").kind, PageLineKind::Chrome);
  EXPECT_EQ(classify("Ga naar de inhoud").kind, PageLineKind::Chrome);
  EXPECT_EQ(classify("Omroep Oost gebruikt cookies om de site te laten werken en om je relevante advertenties te "
                     "tonen.")
                .kind,
            PageLineKind::Chrome);
  // Baking cookies is no banner.
  EXPECT_EQ(classify("Cookies bakken met je kinderen is een mooie traditie in de weken voor kerst.").kind,
            PageLineKind::Prose);
}

TEST(ClassifyPageLine, ShareRowsInEachLanguage) {
  EXPECT_EQ(classify("Deel op WhatsApp Deel op Facebook Kopieer link").rule, "page-share-row");
  EXPECT_EQ(classify("Compartilhar no WhatsApp Compartilhar no Facebook Compartilhar no X").rule, "page-share-row");
  EXPECT_NE(classify("Share on Facebook if you liked it, and share on X with friends you think need it.").rule,
            "page-share-row");
  EXPECT_NE(classify("Deel op je werk je ervaringen met collega's").rule, "page-share-row");
}

TEST(ClassifyPageLine, EditLinksAndAdLabelsDoNotSplitTheArticle) {
  EXPECT_EQ(classify("[edit]").kind, PageLineKind::Junk);
  EXPECT_EQ(classify("Advertentie").kind, PageLineKind::Junk);
  EXPECT_EQ(classify("PUBLICIDADE").kind, PageLineKind::Junk);
  EXPECT_EQ(classify("Publicidade enganosa em produtos de saúde é crime, lembra o órgão.").kind, PageLineKind::Prose);
}

TEST(PageTextRules, ShoutedEndMarkersWithAccents) {
  EXPECT_TRUE(is_end_marker("LEIA TAMB\xC3\x89M", 2));
  EXPECT_TRUE(is_end_marker("Lees ook", 2));
  EXPECT_TRUE(is_end_marker("Read more", 2));
  EXPECT_FALSE(is_end_marker("Read more about the trial in the journal.", 8));
  EXPECT_TRUE(is_end_marker("Prev: Safeguarding contacts Next: Kit and mouthguards", 8));
  EXPECT_FALSE(is_end_marker("Leia tamb\xC3\xA9m o r\xC3\xB3tulo antes de comprar.", 7));
  EXPECT_FALSE(is_end_marker("Previously healthy adults can still fall ill", 7));
}

TEST(PageTextRules, ReferenceHeadings) {
  EXPECT_TRUE(is_reference_heading("See also", 2));
  EXPECT_TRUE(is_reference_heading("References", 1));
  EXPECT_TRUE(is_reference_heading("Einzelnachweise", 1));
  EXPECT_FALSE(is_reference_heading("See also our guide to chilblains", 6));
  EXPECT_FALSE(is_reference_heading("Notes", 1));  // a recipe's notes are its text
}

TEST(PageTextRules, QaSignaturesAndComments) {
  EXPECT_TRUE(is_qa_signature("asked Feb 2, 2025 at 10:41", 6));
  EXPECT_TRUE(is_qa_signature("Asked 2 years ago Modified 1 year ago Viewed 3k times", 11));
  EXPECT_TRUE(is_qa_signature("answered Feb 2, 2025 at 12:15", 6, true));
  EXPECT_FALSE(is_qa_signature("asked Feb 2, 2025 at 10:41", 6, true));
  EXPECT_FALSE(is_qa_signature("Asked about the risks at the clinic, the doctor said little.", 11));
  EXPECT_FALSE(is_qa_signature("Answered prayers are rare", 4));
  EXPECT_EQ(classify("If it is worn out anyway, the rust is irrelevant. \xE2\x80\x93 gearhead Feb 2, 2025 at 11:02").rule,
            "page-qa-comment");
  EXPECT_NE(classify("Doors open \xE2\x80\x93 Saturday at 10:30").rule, "page-qa-comment");
  EXPECT_EQ(classify("Share Improve this question Follow").kind, PageLineKind::Chrome);
  EXPECT_EQ(classify("3 Answers").kind, PageLineKind::Chrome);
  EXPECT_NE(classify("3 answers to the question every parent asks").kind, PageLineKind::Chrome);
}

TEST(PageTextRules, AFirstNameAloneSignsABio) {
  EXPECT_TRUE(is_author_bio("Ruth is a registered dietitian who writes The Plate Notes every month."));
  EXPECT_TRUE(is_author_bio("Rosa writes about small experiments from a flat in Leeds."));
  EXPECT_FALSE(is_author_bio("She is a freelance writer who lost her sense of smell after covid."));
  EXPECT_FALSE(is_author_bio("Insurance covers most of the cost of the test for adults over fifty."));
  // A bare "is" before the site's possessive: the writer's role there.
  EXPECT_TRUE(is_author_bio("Gillian Frost is Hale & Hearty's health editor. She has written for readers over 60."));
  EXPECT_TRUE(is_author_bio("Joanna Meadows is Platewise\u2019s nutrition news editor."));
  EXPECT_FALSE(is_author_bio("Dr Jane Roe is worried that the editor got the figures wrong."));
  EXPECT_EQ(classify("Readers' comments (19)").rule, "page-comments");
}

TEST(BoilerplateFilter, CreditAfterAFullStopOrADash) {
  const std::string nl = "Een groene laag drijft op het water. Foto: Omroep Zuidrand / Kees Verhoef";
  EXPECT_EQ(rules().trailing_credit(nl), nl.find(" Foto"));
  const std::string pt = "Agente de sa\xC3\xBA" "de verifica vaso \xE2\x80\x94 Foto: Divulga\xC3\xA7\xC3\xA3o/Prefeitura";
  EXPECT_EQ(rules().trailing_credit(pt), pt.find(" \xE2\x80\x94"));
  // A sentence about photos keeps its words.
  EXPECT_EQ(rules().trailing_credit("He took one. Foto: the Dutch word for it, he explained."), std::string::npos);
  EXPECT_EQ(rules().trailing_credit("The clinic is open - call first"), std::string::npos);
}

constexpr std::string_view kEncyclopediaDump =
    "Jump to content\n"
    "\n"
    "Main menu\n"
    "\n"
    "  \xE2\x80\xA2" " Main page\n"
    "  \xE2\x80\xA2" " Contents\n"
    "  \xE2\x80\xA2" " Random article\n"
    "\n"
    "Chilblains\n"
    "\n"
    "  \xE2\x80\xA2" " Article\n"
    "  \xE2\x80\xA2" " Talk\n"
    "\n"
    "From OpenEncyclopedia, the free encyclopedia\n"
    "\n"
    "\xE2\x94\x8C" "\xE2\x94\x80" "\xE2\x94\x80" "\xE2\x94\x80" "\xE2\x94\x90" "\n"
    "\xE2\x94\x82" "Specialty   Dermatology\xE2\x94\x82" "\n"
    "\xE2\x94\x94" "\xE2\x94\x80" "\xE2\x94\x80" "\xE2\x94\x80" "\xE2\x94\x98" "\n"
    "\n"
    "Chilblains are small, itchy and often painful swellings that appear on the\n"
    "skin after exposure to cold, damp air.[1] They most often affect the toes,\n"
    "fingers, heels, ears and nose, and usually heal on their own within one to\n"
    "three weeks.[2]\n"
    "\n"
    "Causes\n"
    "\n"
    "[edit]\n"
    "\n"
    "Chilblains are thought to result from an abnormal reaction of the small\n"
    "blood vessels in the skin to cold. When cold skin is warmed too quickly,\n"
    "blood leaks from the vessels into the surrounding tissue and causes\n"
    "inflammation, and people with poor circulation are more likely to be\n"
    "affected by it.[3]\n"
    "\n"
    "See also\n"
    "\n"
    "[edit]\n"
    "\n"
    "  \xE2\x80\xA2" " Frostbite\n"
    "  \xE2\x80\xA2" " Trench foot\n"
    "\n"
    "References\n"
    "\n"
    " 1. ^ a b Hale, R. (2019). Skin disorders of cold climates. Northgate Medical\n"
    "    Press, with many more words in it than a short line. pp. 41-44.\n"
    "\n"
    "  \xE2\x80\xA2" " This page was last edited on 4 November 2025, at 13:12 (UTC).\n"
    "  \xE2\x80\xA2" " Privacy policy\n"
    "  \xE2\x80\xA2" " Disclaimers\n";

TEST(FindArticleRegion, EncyclopediaDumpKeepsItsOpeningAndLosesItsLists) {
  const Article a = parse_plaintext(kEncyclopediaDump, rules());
  EXPECT_EQ(a.title, "Chilblains");
  const std::string text = all_text(a);
  EXPECT_NE(text.find("Chilblains are small, itchy"), std::string::npos);
  EXPECT_NE(text.find("cold, damp air. They most"), std::string::npos);  // no citation marks
  EXPECT_NE(text.find("Causes"), std::string::npos);
  for (std::string_view gone : {"[edit]", "Frostbite", "Hale, R.", "Dermatology", "See also", "Talk"})
    EXPECT_EQ(text.find(gone), std::string::npos) << gone;
}

constexpr std::string_view kQaDump =
    "   [1]Skip to main content\n   [2]Bikes Q&A\n     * [3]Questions\n     * [4]Tags\n     * [5]Users\n\n"
    "[6]How do I get surface rust off a chain without wrecking it?\n\n"
    "   Asked 2 years ago Modified 1 year ago Viewed 3k times\n   \xE2\x96\xB2\n   14\n   \xE2\x96\xBC\n\n"
    "   My bike spent the winter in a damp shed and the chain now has an orange\n"
    "   coating on every link. It still moves, but it creaks and a couple of\n"
    "   links are stiff. Is it worth cleaning, or should I just replace it?\n\n"
    "   [7]Share [8]Improve this question [9]Follow\n   asked Feb 2, 2025 at 10:41\n   [10]shedbound\n"
    "     * How many miles has the chain done? If it is worn out anyway, the\n"
    "       rust is irrelevant. \xE2\x80\x93 [11]gearhead Feb 2, 2025 at 11:02\n\n"
    "3 Answers\n\n"
    "   At 1,500 miles a light coat of surface rust is cosmetic, and the chain\n"
    "   is almost certainly worth saving. Work some light oil into the stiff\n"
    "   links and wipe off the excess before you ride it again in the rain.\n\n"
    "   [12]Share [13]Improve this answer [14]Follow\n   answered Feb 2, 2025 at 12:15\n   [15]spokes\n\n"
    "   Honestly, chains are cheap. I would fit a new one and put the old one\n"
    "   in a bag as a spare for emergencies on long rides in the countryside.\n"
    "   answered Feb 3, 2025 at 08:02\n   [16]flatpack\n\n"
    "   Site design / logo \xC2\xA9 2025; user contributions licensed under CC BY-SA.\n";

TEST(FindArticleRegion, QaDumpIsTheQuestionAndItsTopAnswer) {
  const Article a = parse_plaintext(kQaDump, rules());
  EXPECT_EQ(a.title, "How do I get surface rust off a chain without wrecking it?");
  const std::string text = all_text(a);
  EXPECT_NE(text.find("My bike spent the winter"), std::string::npos);
  EXPECT_NE(text.find("light coat of surface rust"), std::string::npos);
  for (std::string_view gone : {"chains are cheap", "Improve this", "asked Feb", "gearhead", "3 Answers", "Viewed",
                                "\xE2\x96\xB2", "shedbound", "[6]"})
    EXPECT_EQ(text.find(gone), std::string::npos) << gone;
}

constexpr std::string_view kTwoColumns =
    "[Portal Nordheide]          Suche: [          ] [Los]\n"
    "Allergien            Sie sind hier: Startseite > Allergien > Heuschnupfen\n"
    "\xC2\xBB" " Heuschnupfen\n"
    "\xC2\xBB" " Hausstauballergie  Heuschnupfen: Was bei Pollenallergie wirklich hilft\n"
    "\xC2\xBB" " Insektengift       Von Dr. Jens Haus, aktualisiert am 12.03.2026\n"
    "Service\n"
    "\xC2\xBB" " Pollenkalender     Wenn im Fr\xC3\xBC" "hjahr Birke, Hasel und Erle bl\xC3\xBC" "hen, beginnt\n"
    "\xC2\xBB" " Newsletter         f\xC3\xBC" "r viele Menschen eine anstrengende Zeit: Die Nase l\xC3\xA4" "uft,\n"
    "                     die Augen jucken und tr\xC3\xA4" "nen, manche niesen dutzende Male am\n"
    "                     Tag. Schuld ist eine Reaktion des Immunsystems auf Pollen.\n"
    "\n"
    "                     Heuschnupfen ist keine Bagatelle. Unbehandelt kann sich die\n"
    "                     Allergie nach einigen Jahren auf die Bronchien ausweiten und\n"
    "                     zu einem allergischen Asthma werden, warnen die \xC3\x84" "rzte.\n";

constexpr std::string_view kDutchPage =
    "Omroep Oost gebruikt cookies om de site te laten werken en om je relevante advertenties te tonen.\n"
    "Akkoord\nGa naar de inhoud\nNieuws\nSport\nVerkeer\nWeer\n"
    "Blauwalg in drie zwemplassen\n"
    "Door Sanne de Wit 14 juli 2025, 09:12\n"
    "Deel op WhatsApp Deel op Facebook Kopieer link\n"
    "In drie zwemplassen in de regio is zoveel blauwalg aangetroffen dat de provincie een negatief zwemadvies "
    "heeft afgegeven.\n"
    "Lees ook\n"
    "Hoe herken je blauwalg? Zo zie je het verschil met kroos\n"
    "Zwemwaterkaart voor deze zomer\n"
    "Kinderen en honden lopen het meeste risico, omdat ze sneller water binnenkrijgen, zegt een woordvoerder.\n"
    "Advertentie\n"
    "De provincie meet de komende weken elke week opnieuw, tot het water twee keer schoon is.\n"
    "Tot volgende maand,\n"
    "Ruth\n"
    "Ruth is a registered dietitian who writes this column every month from her kitchen in Utrecht.\n"
    "Over ons\nContact\nPrivacy\n"
    "\xC2\xA9 2025 Omroep Oost. Alle rechten voorbehouden.\n";

TEST(FindArticleRegion, DutchPageWithAReadAlsoBoxAndASignOff) {
  const Article a = parse_plaintext(kDutchPage, rules());
  EXPECT_EQ(a.title, "Blauwalg in drie zwemplassen");
  const std::string text = all_text(a);
  EXPECT_NE(text.find("negatief zwemadvies"), std::string::npos);
  EXPECT_NE(text.find("elke week opnieuw"), std::string::npos);  // past the ad label and the box
  for (std::string_view gone : {"Akkoord", "Door Sanne", "Deel op", "Lees ook", "Hoe herken", "Zwemwaterkaart",
                                "Advertentie", "Tot volgende maand", "Ruth", "Alle rechten"})
    EXPECT_EQ(text.find(gone), std::string::npos) << gone;
}

TEST(UnfoldColumns, SidebarMovesBelowTheArticle) {
  const std::string out = unfold_columns(kTwoColumns);
  ASSERT_FALSE(out.empty());
  EXPECT_NE(out.find("Erle bl\xC3\xBC" "hen, beginnt\nf\xC3\xBC" "r viele Menschen"), std::string::npos);
  EXPECT_GT(out.find("Pollenkalender"), out.find("zu einem allergischen Asthma"));
}

TEST(UnfoldColumns, AlignedTablesAndProseStayAsTheyAre) {
  EXPECT_TRUE(unfold_columns("Stage          Activity\n1              Rest\n2              Jogging\n"
                             "3              Drills\n4              Training\n5              Match\n")
                  .empty());
  EXPECT_TRUE(unfold_columns("A plain paragraph of text that wraps at a width\nand has no columns in it at all.\n")
                  .empty());
}

TEST(HtmlMetadata, H1ThatOpensTheTitleBeatsOgTitle) {
  const html::GumboOutputPtr doc = html::parse_document(
      "<head><title>Sepsis: the signs to know - Fact sheet - Clearwater Health Trust (registered charity)</title>"
      "<meta property=\"og:title\" content=\"Sepsis fact sheet | Clearwater Health Trust\"></head>"
      "<body><h1>Sepsis: the signs to know</h1><p>x</p></body>");
  EXPECT_EQ(html::read_metadata(doc->document).title.value, "Sepsis: the signs to know");
}

TEST(HtmlMetadata, SiteFirstTitleOnDoubleColons) {
  EXPECT_EQ(html::clean_title("Ashby Lane Allotment Society :: Newsletter :: Wasps and hornets on the plots", "", {}),
            "Wasps and hornets on the plots");
  // A headline first keeps its place; " - " titles are not read site-first.
  EXPECT_EQ(html::clean_title("Wasps and hornets on the plots :: Newsletter :: Ashby Lane", "", {}),
            "Wasps and hornets on the plots :: Newsletter");
  EXPECT_EQ(html::clean_title("Sepsis - Fact sheet - Clearwater Health Trust (registered charity)", "", {}),
            "Sepsis - Fact sheet");
  // A site's name last, a character longer than the headline but of fewer words.
  EXPECT_EQ(html::clean_title("Having a colonoscopy :: Patient information :: Calderbrook Hospitals", "", {}),
            "Having a colonoscopy :: Patient information");
}

TEST(HtmlPage, QaPageIsTheQuestionAndTheAcceptedAnswer) {
  const std::string page =
      "<html><body><h1>How do I get rust off a chain?</h1><div id=mainbar itemscope "
      "itemtype=\"https://schema.org/QAPage\"><div itemprop=mainEntity itemscope "
      "itemtype=\"https://schema.org/Question\"><div class=votecell>14</div><div class=s-prose><p>My bike spent "
      "the winter in a damp shed and the chain now has an orange coating on every link, and it creaks.</p></div>"
      "<div class=post-signature><div class=user-info>asked Feb 2, 2025 at 10:41 shedbound</div></div></div>"
      "<div id=answers><div class=answer itemprop=suggestedAnswer itemscope itemtype=\"https://schema.org/Answer\">"
      "<div class=s-prose><p>Honestly, chains are cheap, so I would fit a new one and keep the old one, which is "
      "longer than it needs to be, as a spare for emergencies, with plenty of words, commas, and more commas, "
      "and even more words, so that the scoring likes it, a lot, really.</p></div></div>"
      "<div class=answer itemprop=acceptedAnswer itemscope itemtype=\"https://schema.org/Answer\"><div "
      "class=s-prose><p>At 1,500 miles a light coat of rust is cosmetic, and the chain is worth saving.</p>"
      "</div><div class=post-signature>answered Feb 2, 2025 at 12:15</div></div></div></div></body></html>";
  const std::string text = all_text(parse_html(page, rules()));
  EXPECT_NE(text.find("My bike spent the winter"), std::string::npos);
  EXPECT_NE(text.find("light coat of rust"), std::string::npos);
  for (std::string_view gone : {"chains are cheap", "asked Feb", "answered Feb", "14"})
    EXPECT_EQ(text.find(gone), std::string::npos) << gone;
}

TEST(HtmlPage, AccordionQuestionsKickersAndPressBackMatter) {
  const std::string page =
      "<html><body><article><span class=article__kicker>Gezondheid</span><h1>Threadworms</h1>"
      "<p>Threadworms are tiny worms in the gut that are common in children and easy to treat at home.</p>"
      "<h3 class=accordion__header><button aria-expanded=false>Can my child still go to school?</button></h3>"
      "<div><p>Yes, children can go to school as long as they wash their hands well and often.</p></div>"
      "<form><button>Search</button></form>"
      "<h2>Notes to editors</h2><p>The study was funded by a national research council and published today.</p>"
      "<h2>About the University of Westmoor</h2><p>The University of Westmoor is a research university.</p>"
      "</article></body></html>";
  const std::string text = all_text(parse_html(page, rules()));
  EXPECT_NE(text.find("Can my child still go to school?"), std::string::npos);
  for (std::string_view gone : {"Gezondheid", "Search", "Notes to editors", "funded by", "research university"})
    EXPECT_EQ(text.find(gone), std::string::npos) << gone;
}

TEST(HtmlPage, HeadlineInAnH2OpensTheArticleAndItsLabelGoes) {
  const std::string page =
      "<html><head><title>Casos de dengue sobem 40% | Folha do Vale</title></head><body><article>"
      "<div class=editoria><a href=#>Cidades</a></div><h2>Casos de dengue sobem 40%</h2>"
      "<p>O n\xC3\xBAmero de casos confirmados de dengue na cidade cresceu 40% nas primeiras semanas do ano.</p>"
      "<h3>Como se proteger</h3><p>Elimine a \xC3\xA1gua parada de vasos e pneus ao menos uma vez por semana.</p>"
      "<p>(Reporting by Priya Nand; Editing by Tom Ferris)</p>"
      "<p>(Reporting on the outbreak continues, and the council will publish weekly figures.)</p>"
      "</article></body></html>";
  const Article a = parse_html(page, rules());
  ASSERT_GE(a.sections.size(), 2u);
  EXPECT_EQ(a.sections[0].title, "Casos de dengue sobem 40%");
  EXPECT_EQ(a.sections[0].level, 1);
  EXPECT_EQ(a.sections[1].level, 2);
  const std::string text = all_text(a);
  EXPECT_EQ(text.find("Cidades"), std::string::npos);
  EXPECT_EQ(text.find("Priya Nand"), std::string::npos);
  EXPECT_NE(text.find("council will publish weekly figures"), std::string::npos);  // a sentence in brackets stays
}

// A label of two parts above the headline goes as a one-word label does
// (heldout92); a label part of five words is a line of the text.
TEST(HtmlPage, ALabelPathAboveTheHeadlineGoes) {
  const auto page = [](const std::string& label) {
    return "<html><head><title>Test da sforzo | Ospedale</title></head><body><main><div class=scheda>"
           "<p class=etichetta>" + label + "</p><h1>Test da sforzo</h1>"
           "<p>Il test da sforzo registra l'elettrocardiogramma mentre cammina su un tappeto rotante.</p>"
           "<h2>Come prepararsi</h2><p>Indossi scarpe comode e non fumi nelle due ore prima dell'esame.</p>"
           "</div></main></body></html>";
  };
  EXPECT_EQ(all_text(parse_html(page("Cardiologia \u00B7 Informazioni per i pazienti"), rules())).find("Cardiologia"),
            std::string::npos);
  EXPECT_NE(all_text(parse_html(page("Cardiologia \u00B7 Le informazioni scritte per i pazienti"), rules()))
                .find("Cardiologia"),
            std::string::npos);
}

}  // namespace
}  // namespace readaloud
