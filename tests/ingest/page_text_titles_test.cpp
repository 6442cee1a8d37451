// Title choice in whole-page text (issue 12, sixth page-text part): headlines
// of two short sentences, consent-banner and phase-banner headings, subject
// headings over a reference page's text, contents boxes, facts boxes, date
// labels, credited captions and wrapped standfirsts. Each rule with a near
// miss that must stay.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "document/article.hpp"
#include "ingest/boilerplate.hpp"
#include "ingest/page_text.hpp"
#include "ingest/page_text_rules.hpp"
#include "ingest/plaintext_parser.hpp"
#include "page_text_helpers.hpp"

namespace readaloud {
namespace {

using test::all_text;
using test::classify;
using test::rules;

TEST(ClassifyPageLine, ConsentBannerHeadingNamesTheSite) {
  EXPECT_EQ(classify("Cookies on harbourtown.example").kind, PageLineKind::Chrome);
  EXPECT_EQ(classify("Cookies on the council website").kind, PageLineKind::Chrome);
  // A headline about biscuits is no banner.
  EXPECT_NE(classify("Cookies on the menu").kind, PageLineKind::Chrome);
}

TEST(ClassifyPageLine, ConsentParagraphAskingPermission) {
  EXPECT_EQ(classify("A few cookies keep this site working. With your permission we would also store cookies "
                     "that tell us which pages are read most.")
                .kind,
            PageLineKind::Chrome);
}

TEST(ClassifyPageLine, PhaseBannerIsChromeBetaBlockersAreText) {
  EXPECT_EQ(classify("Beta We are still testing this page design. Tell us what you think.").kind,
            PageLineKind::Chrome);
  EXPECT_EQ(classify("Beta blockers slow the heart and lower blood pressure, and are often given after a heart "
                     "attack.")
                .kind,
            PageLineKind::Prose);
}

TEST(ClassifyPageLine, ListNumberIsNoSentenceEnd) {
  EXPECT_EQ(classify("2. Housing and planning advice").kind, PageLineKind::Short);
  EXPECT_EQ(classify("The stop is near. Walk past the old church").kind, PageLineKind::Prose);
  EXPECT_EQ(classify("2. Keep going. The second month is where most people give up on it").kind,
            PageLineKind::Prose);
}

TEST(PageChromeRule, CommentHeadingWithItsCount) {
  EXPECT_EQ(page_chrome_rule("Comments (38)", 2), "page-comments");
  EXPECT_EQ(page_chrome_rule("Kommentare (5)", 2), "page-comments");
  // No count, or another word before it, is no comment section.
  EXPECT_NE(page_chrome_rule("Comments (optional)", 2), "page-comments");
  EXPECT_NE(page_chrome_rule("Side effects (12)", 3), "page-comments");
}

constexpr std::string_view kBlogTwoSentenceHeadline =
    "Write  Sign up  Sign in\n\n"
    "I learned to swim at 52. This is what the pool taught me\n\n"
    "Goggles, cold showers and the quiet pride of finishing a length without stopping\n\n"
    "Maren Holt \xC2\xB7 Follow\n"
    "7 min read \xC2\xB7 Mar 3, 2026\n\n"
    "For most of my life I stayed in the shallow end and pretended I liked it there. Last spring a friend "
    "dragged me to an adult beginners' class, and twelve weeks later I swam my first length without grabbing "
    "the rope, which felt better than it had any right to.\n\n"
    "Breathing is the whole game, and nobody tells you that at the start. Once I learned to breathe out slowly "
    "under the water, everything else followed, from my kick to my nerves.\n\n"
    "Responses (4)\n\n"
    "More from Maren Holt\n";

TEST(FindTitle, TwoSentenceHeadlineOverItsDeck) {
  const Article a = parse_plaintext(kBlogTwoSentenceHeadline, rules());
  EXPECT_EQ(a.title, "I learned to swim at 52. This is what the pool taught me");
  EXPECT_NE(all_text(a).find("Breathing is the whole game"), std::string::npos);
}

constexpr std::string_view kReferencePage =
    "Book a visit\nPatient login\nDonate\n"
    "Services\nConditions\nResearch\nSearch\n"
    "Conditions\n\n"
    "Chilblains\n\n"
    "Symptoms & causes\nDiagnosis & treatment\nOur specialists\n"
    "Print\n\n"
    "Overview\n\n"
    "Chilblains, also called pernio, are small itchy swellings that appear on the skin after it has been "
    "exposed to cold and then warmed up too quickly.\n"
    "They usually clear up within one to three weeks, especially if the cold is avoided, and they seldom leave "
    "any lasting mark on the skin.\n"
    "See a doctor if the skin breaks, becomes infected or the swellings keep coming back every winter.\n\n"
    "Related\nConditions\n\xC2\xA9 2026 Riverside Clinic. All rights reserved.\n";

TEST(FindTitle, HeadingThatTheTextOpensWithBeatsATabRow) {
  const Article a = parse_plaintext(kReferencePage, rules());
  EXPECT_EQ(a.title, "Chilblains");
}

constexpr std::string_view kDrugPage =
    "Medicines A to Z   Pill finder   News\n\n"
    "Home / Medicines / Ibuprofen\n"
    "  * Overview\n  * Side effects\n  * Dosage\n\n"
    "Ibuprofen: uses, side effects and how to take it\n\n"
    "Generic name: ibuprofen\n\n"
    "Brand names: Fenbrax, Nuvadol\n\n"
    "Drug class: Nonsteroidal anti-inflammatory drugs\n\n"
    "Medically reviewed by A. Price, PharmD. Last updated on Feb 2, 2026.\n\n"
    "On this page\n"
    "  * Uses\n  * Warnings\n  * How to take\n\n"
    "What is ibuprofen?\n\n"
    "Ibuprofen is a painkiller that also brings down a fever and eases swelling. It belongs to the group of "
    "medicines called non-steroidal anti-inflammatory drugs.\n\n"
    "It is used for headaches, period pain, toothache, sprains and the aches of a cold, and some people take "
    "it for longer periods for arthritis.\n\n"
    "\xC2\xA9 2026 Medicines Guide\n";

TEST(FindTitle, HeadlineAboveAFactsBoxAndAContentsBox) {
  const Article a = parse_plaintext(kDrugPage, rules());
  EXPECT_EQ(a.title, "Ibuprofen: uses, side effects and how to take it");
  const std::string text = all_text(a);
  EXPECT_NE(text.find("Ibuprofen is a painkiller"), std::string::npos);
  for (std::string_view gone : {"Brand names", "Drug class", "On this page", "How to take"})
    EXPECT_EQ(text.find(gone), std::string::npos) << gone;
}

// Near miss: with no contents box between them, the heading right over the
// text is the headline.
TEST(FindTitle, QuestionHeadlineWithoutContentsBoxStays) {
  const Article a = parse_plaintext(
      "Home   News   Health   Sport\n\nHealth\n\nWhat is the best time to take a painkiller?\n\n"
      "By Ana Ruiz, 3 March 2026\n\n"
      "Most painkillers work best when they are taken as soon as the pain starts, rather than once it has "
      "built up, and with food if they upset your stomach.\n\n"
      "Read the leaflet that comes with the medicine, and ask a pharmacist if you take anything else every "
      "day.\n\n\xC2\xA9 2026 Daily Courier. All rights reserved.\n",
      rules());
  EXPECT_EQ(a.title, "What is the best time to take a painkiller?");
}

constexpr std::string_view kFactSheet =
    "Cookies on coastshire.gov.example\n\n"
    "   Some cookies are needed for this site to work. With your permission we\n"
    "   would also set cookies that count visits to each page.\n\n"
    "   [1]Skip to main content\n\n"
    "   Beta This is a new service. Your [2]feedback will help us improve it.\n"
    "     1. [3]Home\n     2. [4]Health and care\n\n"
    "   Guidance\n\n"
    "Legionella in home water systems: what households should know\n\n"
    "   How the bacteria grow in tanks and showers, who is most at risk, and\n"
    "   what to do about it.\n\n"
    "   From:\n\n   [5]Coastshire Public Health Office\n\n"
    "   Published\n\n   3 March 2026\n\n"
    "Contents\n\n     1. [6]What legionella is\n     2. [7]Who is at risk\n\n"
    "What legionella is\n\n"
    "   Legionella bacteria live in fresh water and multiply in water that sits\n"
    "   between 20 and 45 degrees, such as a tank that is rarely used or a\n"
    "   shower head in a spare room. Breathing in fine droplets can cause a\n"
    "   serious lung infection called Legionnaires' disease.\n\n"
    "Who is at risk\n\n"
    "   People over 50, smokers and anyone with a weak immune system are most\n"
    "   likely to become ill, and should take particular care to run taps that\n"
    "   are seldom used for a few minutes every week.\n\n"
    "   \xC2\xA9 Coastshire Council\n";

TEST(FindTitle, FactSheetPastBannersLabelsAndContents) {
  const Article a = parse_plaintext(kFactSheet, rules());
  EXPECT_EQ(a.title, "Legionella in home water systems: what households should know");
  const std::string text = all_text(a);
  EXPECT_EQ(text.find("With your permission"), std::string::npos);
  EXPECT_EQ(text.find("new service"), std::string::npos);
  EXPECT_NE(text.find("Legionella bacteria live in fresh water"), std::string::npos);
}

constexpr std::string_view kNewsDump =
    "   \xE2\x80\xA2 Sport\n   \xE2\x80\xA2 Opinion\n   \xE2\x80\xA2 Puzzles\n\n"
    "Advertisement\n\nLocal news\n\n"
    "Ferry timetable restored after three weeks of cancellations\n\n"
    "Passengers between the islands can plan journeys again, but the operator says\n"
    "the early sailing will stay suspended until spring\n\n"
    "By Olu Brandt, Transport Reporter 09:15, 4 Dec 2026\n"
    "Share on Facebook Share on X Copy link\n\n"
    "A ferry leaving the harbour at dawn\n"
    "The morning ferry leaves the harbour at Kellby (Image: Island Gazette /\n"
    "Ruth Amos)\n\n"
    "The full ferry timetable between the islands has been restored after three\n"
    "weeks in which almost half of all sailings were cancelled because of a\n"
    "shortage of crew and a fault on the larger of the two boats.\n\n"
    "The operator said on Thursday that the repaired boat had passed its safety\n"
    "checks and that new crew had finished their training over the weekend.\n\n"
    "\"We are sorry\"\n\n"
    "The company apologised to passengers who had missed hospital appointments\n"
    "and work because of the cancellations, and said refunds would be paid.\n\n"
    "Comments (12)\n\n"
    "IslandMum\n\n"
    "Three weeks of missed appointments and a refund of a few pounds is not good enough for any of us.\n\n"
    "\xC2\xA9 2026 Island Gazette. All rights reserved.\n";

TEST(FindTitle, HeadlinePastACreditedCaptionAndAWrappedStandfirst) {
  const Article a = parse_plaintext(kNewsDump, rules());
  EXPECT_EQ(a.title, "Ferry timetable restored after three weeks of cancellations");
  const std::string text = all_text(a);
  EXPECT_NE(text.find("refunds would be paid"), std::string::npos);
  EXPECT_EQ(text.find("not good enough"), std::string::npos);
}

// A magazine's header: a cover teaser over its date, then the breadcrumb, then
// the headline. Above the trail is the site; under it, the article.
constexpr const char* kMagazineDump =
    "Sections\n\n"
    "  • Fitness\n  • Injuries\n  • Recipes\n\n"
    "In the new issue\n\n"
    "STRIDE December 2026 cover Get the print edition\n"
    "Home / Health / Injuries\n\n"
    "Runner's knee: why the front of your knee aches on the stairs\n\n"
    "It is one of the commonest running injuries, and most people get better with\n"
    "a few weeks of changed training and strengthening work.\n\n"
    "Runner's knee is a dull ache around or behind the kneecap. It tends to build\n"
    "up slowly and is worse going downstairs, squatting or after sitting for a long\n"
    "time with the knees bent.\n\n"
    "See a doctor soon if the knee swells quickly, locks or gives way, or if you\n"
    "cannot put weight on it.\n";

TEST(FindTitle, TheHeadlineUnderTheBreadcrumbNotTheTeaserOverIt) {
  const Article a = parse_plaintext(kMagazineDump, rules());
  EXPECT_EQ(a.title, "Runner's knee: why the front of your knee aches on the stairs");
}

// A section label between the trail and the headline; the trail's last item
// names the page, so the line it opens is the headline.
constexpr const char* kServiceDump =
    "Accueil » Actualités » Travailler par grand froid : protéger les équipes\n"
    "Prévention des risques\n"
    "Travailler par grand froid : protéger les équipes\n"
    "Publié le 2 décembre 2026 par le service prévention\n"
    "Chantiers, quais de chargement, tournées de livraison : quand la température\n"
    "descend sous zéro, le corps perd sa chaleur plus vite qu'il ne la produit.\n\n"
    "Prévoyez des pauses au chaud et des boissons chaudes, et ne laissez jamais un\n"
    "salarié travailler seul dans le froid.\n";

TEST(FindTitle, TheBreadcrumbsLastItemNamesTheHeadline) {
  const Article a = parse_plaintext(kServiceDump, rules());
  EXPECT_EQ(a.title, "Travailler par grand froid : protéger les équipes");
  EXPECT_EQ(classify("Écouter A- A+ Imprimer Envoyer à un ami").kind, PageLineKind::Chrome);
  EXPECT_EQ(classify("Vorlesen Drucken Teilen").kind, PageLineKind::Chrome);
  EXPECT_NE(classify("Print and share the leaflet with your family.").kind, PageLineKind::Chrome);
}

// An alert with no label over the site's menu button, then a section's name
// and the headline: the alert is the site's, the headline the page's.
constexpr const char* kAlertDump =
    "Skip to main content\n"
    "\n"
    "Total fire ban declared today for the Western Slopes, Upper Valley and Coastal Plains regions. Check park alerts before you go\n"
    "\n"
    "Menu\n"
    "Visiting safely\n"
    "\n"
    "Snakes and snake bites\n"
    "\n"
    "Most snakes move away from people long before you see them, and bites are rare. Knowing what to do in the first minutes after a bite matters more than knowing the name of the snake.\n"
    "\n"
    "Keep the bitten limb still, bandage it firmly from the bite upwards and call for help at once.\n";

// A first paragraph over a section of the text is no alert: without a
// label and without the site's menu between, it stays.
constexpr const char* kFirstParagraphDump =
    "Snakes and snake bites\n\n"
    "Most snakes move away from people long before you see them, and bites are rare in the parks we manage\n\n"
    "First aid\n\n"
    "Keep the bitten limb still, bandage it firmly from the bite upwards and call for help at once. Do not cut\n"
    "the wound or try to suck out the venom, and do not wash the skin around the bite.\n";

TEST(FindTitle, AnAlertOverTheSitesMenuIsPassed) {
  const Article alert = parse_plaintext(kAlertDump, rules());
  EXPECT_EQ(alert.title, "Snakes and snake bites");
  EXPECT_EQ(all_text(alert).find("Total fire ban"), std::string::npos);
  const Article paragraph = parse_plaintext(kFirstParagraphDump, rules());
  EXPECT_NE(all_text(paragraph).find("bites are rare"), std::string::npos);
}

// A masthead with the day's date over a site menu of short items (second-level
// items marked "□" by a text browser), then the kicker and the headline
// (quotes straightened, as the parser does).
constexpr const char* kNewspaperDump =
    "Talbach-Bote – Ihre Zeitung für Talbach\n"
    "\n"
    "Samstag, 6. März 2027\n"
    "\n"
    "Talbach: 7 °C, bewölkt\n"
    "Ihre Ausgabe: [Talbach Nord]\n"
    "\n"
    "  • Lokales\n"
    "  • Region\n"
    "  • Politik\n"
    "  • Wirtschaft\n"
    "  • Sport\n"
    "  • Ratgeber\n"
    "      □ Gesundheit\n"
    "      □ Geld & Recht\n"
    "  • Freizeit\n"
    "\n"
    "Anzeige\n"
    "Startseite › Ratgeber › Gesundheit\n"
    "\n"
    "Interview zu Gallensteinen\n"
    "\n"
    "„Zu viele warten mit dem Arztbesuch viel zu lange“\n"
    "\n"
    "Druck unter dem rechten Rippenbogen nach einem fetten Essen, manchmal mit Fieber: Dahinter steckt oft ein\n"
    "Gallenstein. Oberärztin Dr. Petra Lindner vom Klinikum Talbach erklärt, wann die Gallenblase entfernt werden muss.\n"
    "\n"
    "Frau Dr. Lindner, wie häufig sind Gallensteine? Sehr häufig. Etwa jeder sechste Erwachsene hat welche, die meisten\n"
    "wissen es nicht, weil die Steine keine Beschwerden machen.\n";

TEST(FindTitle, NotTheMastheadOverTheSitesMenu) {
  const Article a = parse_plaintext(kNewspaperDump, rules());
  EXPECT_EQ(a.title, "\"Zu viele warten mit dem Arztbesuch viel zu lange\"");
}

// A headline that reads like a facts box's row, over the advisory's number
// and date; the trail's last item opens it.
constexpr const char* kAdvisoryDump =
    "Ambulance               108\n"
    "Disaster Cell           0111-555-0199\n\n"
    "Home > Departments > Health > Advisories > Dengue\n\n"
    "Dengue: Prevention and Control\n\n"
    "Advisory No.: HD/VBDC/2027/41    Date: 12/08/2027\n\n"
    "With the rains, cases of dengue usually rise in the city. The Health Department asks all citizens to empty\n"
    "standing water at home and at work every week so that mosquitoes cannot breed.\n";

TEST(FindTitle, TheTrailNamesAHeadlineThatReadsLikeAFactsRow) {
  const Article a = parse_plaintext(kAdvisoryDump, rules());
  EXPECT_EQ(a.title, "Dengue: Prevention and Control");
}

TEST(ClassifyPageLine, SearchBoxesBylineRowsWithSlashesAndDates) {
  for (const char* box : {"Search this siteSearch", "Szukaj w serwisieSzukaj", "Buscar productos Buscar",
                          "Search this websiteGo", "Search the site"})
    EXPECT_NE(classify(box).kind, PageLineKind::Short) << box;
  EXPECT_EQ(classify("Search results show that walking helps").kind, PageLineKind::Short);
  EXPECT_EQ(classify("Por Equipo de Salud / 3 de marzo de 2027 / Revisado por la Dra. Ruiz").kind, PageLineKind::Meta);
  EXPECT_NE(classify("Güncelleme: 21 Nisan 2027 Okuma süresi: 6 dk").kind, PageLineKind::Short);
  EXPECT_NE(classify("\u516C\u958B\u65E5\uFF1A2026\u5E7411\u67085\u65E5").kind, PageLineKind::Short);
  // Bylines, review lines and dates in more languages, and numbered ad slots.
  for (const char* meta : {"Szerző: Tóth Anna gyógyszerész", "Szakmailag ellenőrizte: dr. Kiss Béla belgyógyász",
                           "Frissítve: 2028. május 3.", "Ditinjau oleh: dr. Sari Putri", "Diperbarui: 4 Juni 2028",
                           "Actualizat: 2 aprilie 2028 5 minute de citit", "Vloženo: 6. 5. 2028 | Autor: Odbor hygieny",
                           "Advertisement 2", "Article content"})
    EXPECT_NE(classify(meta).kind, PageLineKind::Short) << meta;
  EXPECT_EQ(classify("Frissítve a kert, és az ágyások is").kind, PageLineKind::Short);
}

TEST(ClassifyPageLine, InterpreterBannersReadingTimesAndAChineseSourceLine) {
  for (const char* chrome : {"Interpreter symbol Need an interpreter? Call 1800 555 014 and ask for an interpreter.",
                             "  \u2022 中文：如果您需要口译员，请致电 1800 555 014。",
                             "  \u2022 Tiếng Việt: Nếu quý vị cần thông dịch viên, xin gọi số 1800 555 014.",
                             "Print Download PDF (180 KB) Subscribe to alerts", "What our patients say"})
    EXPECT_EQ(classify(chrome).kind, PageLineKind::Chrome) << chrome;
  for (const char* junk : {"The House Call is a reader-supported publication. To receive new posts and support my "
                           "work, consider becoming a free or paid subscriber.",
                           "Keep reading with a 7-day free trial"})
    EXPECT_EQ(classify(junk).kind, PageLineKind::Junk) << junk;
  for (const char* meta : {"Leestijd: 4 minuten · Laatst bijgewerkt op 3 februari 2028",
                           "发布时间：2028-03-02 10:30 来源：健康教育所 浏览次数：2317 【字号：大 中 小】"})
    EXPECT_EQ(classify(meta).kind, PageLineKind::Meta) << meta;
  EXPECT_EQ(classify("Video: three gentle neck exercises from our senior physio, Aroha.").kind, PageLineKind::Junk);
  // A sentence that opens with a language's name stays.
  EXPECT_EQ(classify("Español: the language most often asked for at our clinics, after English, by far.").kind,
            PageLineKind::Prose);
}

TEST(FindTitle, AQuestionAndItsAnswerUnderACategory) {
  const Article a = parse_plaintext(
      "Menu\n\nBlog Aurora\n\nPreparo para exames\n\n"
      "Precisa de jejum para exame de sangue? Veja o tempo certo para cada exame\n\n"
      "Por Renata Moraes, biomédica · Atualizado em 12/02/2028\n\n"
      "Você marcou os exames, separou o pedido médico e, na véspera, surge a dúvida: preciso ficar em jejum? "
      "Por quanto tempo? A resposta depende de cada exame pedido.\n\n"
      "Para o hemograma, o jejum não é necessário. Para a glicemia, o laboratório pede oito horas sem comer.\n\n"
      "\u00A9 2028 Aurora Laboratórios. Todos os direitos reservados.\n",
      rules());
  EXPECT_EQ(a.title, "Precisa de jejum para exame de sangue? Veja o tempo certo para cada exame");
}

TEST(ClassifyPageLine, ListClausesSkipLinkRowsAndNavigationLabels) {
  // A warning list's items go on the lead-in's sentence: the text's.
  EXPECT_EQ(classify("\u2022 you have heartburn most days for 3 weeks or more").kind, PageLineKind::Prose);
  EXPECT_NE(classify("\u2022 Heartburn and reflux").kind, PageLineKind::Prose);
  EXPECT_EQ(classify("Skip to content Skip to site index").kind, PageLineKind::Chrome);
  EXPECT_EQ(classify("Search & Section Navigation").kind, PageLineKind::Chrome);
}

TEST(FindArticleRegion, AShopsProductCarouselIsDroppedAndTheTextGoesOnUnderIt) {
  std::string cards;
  for (const char* product : {"Calmsettle Antacid Tablets 48 Pack", "RefluGuard Liquid Aniseed 500 mL",
                              "Coastline Famotidine 20 mg 14 Tablets", "Coastline Pantoprazole 20 mg 14 Tablets",
                              "GentleWedge Foam Bed Wedge Pillow", "Calmsettle Chewable Tablets Mint 24 Pack"})
    cards += std::string("  \u2022 ") + product + "\n\n    Brand\n\n    " + product + "\n\n    \u2605\u2605\u2605\u2605\u2606 4.5 (212)\n\n" +
             "    $8.99 RRP $11.49\n\n    Add to cart\n";
  const std::string page =
      "Skip to content\n\n  \u2022 Shop\n  \u2022 Health Hub\n  \u2022 Sale\n\nHeartburn and reflux\n\n"
      "Heartburn is a burning feeling in the chest that happens when stomach acid flows back up into the food pipe.\n\n"
      "Shop heartburn relief\n\n" + cards +
      "\nWhen to see a doctor\n\nSee your doctor if:\n\n  \u2022 you have heartburn most days for 3 weeks or more\n"
      "  \u2022 you have trouble swallowing, or food feels like it gets stuck\n\n"
      "Heart attack pain can feel like heartburn. If you are not sure, call an ambulance and do not wait.\n\n"
      "\u00A9 2028 Coastline Chemist. All rights reserved.\n";
  const std::string text = all_text(parse_plaintext(page, rules()));
  EXPECT_NE(text.find("you have heartburn most days"), std::string::npos) << text;
  EXPECT_NE(text.find("Heart attack pain can feel like heartburn"), std::string::npos) << text;
  EXPECT_EQ(text.find("$8.99"), std::string::npos) << text;
  EXPECT_EQ(text.find("Famotidine"), std::string::npos) << text;
}

TEST(FindArticleRegion, AnInfiniteScrollsNextStoryIsNotRead) {
  const std::string body =
      "Public health doctors have warned people cooking outdoors to take extra care with chicken after a rise in "
      "food poisoning.\n\nLaboratories confirmed 38 cases in the first two weeks of July, compared with 17 in the "
      "same period last year, in patients aged from 14 months to 81 years, and five of them needed hospital care.\n\n"
      "Campylobacter is the most common cause of bacterial food poisoning, and it is found on a large share of the "
      "raw chicken sold in shops, which is why thorough cooking and clean hands matter so much at a barbecue.\n\n"
      "Symptoms usually start two to five days after eating contaminated food and include diarrhoea, stomach cramps, "
      "fever and vomiting; most people get better on their own within a week.\n\n";
  const std::string page = "Home > News > Health\n\nDoctors warn barbecue-goers after a rise in cases\n\n"
                           "By Aoife Brennan\n\n" + body + "Up next\n\nHome > News > Local News\n\n"
                           "Plans lodged for new playground at Ashfield Park\n\nConor Daly\n\nWed 16 Jul 2028 at 18:30\n\n"
                           "Plans for a new playground, skate area and sensory garden at the park have been lodged with "
                           "the council, with a decision expected in the autumn.\n\n\u00A9 2028 Lakeland Voice\n";
  const std::string text = all_text(parse_plaintext(page, rules()));
  EXPECT_NE(text.find("Laboratories confirmed 38 cases"), std::string::npos) << text;
  EXPECT_EQ(text.find("skate area"), std::string::npos) << text;
}

TEST(FindTitle, AVideosTitleOverItsLengthIsNotTheHeadline) {
  // A cable network's article (heldout49): the headline in two sentences, the
  // byline, then the lead video's title over "01:48 - Source: ANN" (quotes straightened, as the parser does).
  std::ifstream in(std::string(READALOUD_SOURCE_DIR) + "/tests/fixtures/pagetext/heldout49/"
                   "en-us-cable-news-network-health-article-child-drowning-signs-water-safety-video-lead-newsletter-"
                   "signup-related-article-inserts-ad-feedback.txt", std::ios::binary);
  std::stringstream page;
  page << in.rdbuf();
  ASSERT_FALSE(page.str().empty());
  EXPECT_EQ(parse_plaintext(page.str(), rules()).title,
            "Drowning doesn't look like drowning. Here's what parents need to know this summer");
}


TEST(FindArticleRegion, UnbulletedListItemsInLowercaseDoNotEndTheText) {
  // A phone's copy of a parenting page: a box's signature and link, then a
  // heading and a warning list whose items go on the lead-in's sentence.
  const std::string page =
      "Menu\n\nBabies\n\nSpit-Up or Reflux? What's Normal for Babies\n\nBy Dana Ellis \u00B7 May 2, 2028\n\n"
      "Almost every baby spits up, and most of the time it is nothing to worry about: the muscle at the top of the "
      "stomach is still maturing, so milk comes back up easily after a feed.\n\n"
      "Not on your own. In most babies, spit-up has nothing to do with the formula, and switching back and forth can "
      "upset their tummy.\n\nAlicia Moreno, MD, pediatrician and medical reviewer\n\nHave a question? Ask our "
      "pediatricians\n\nWhen to call the doctor\n\nCall your pediatrician if your baby:\n\n"
      "vomits forcefully, shooting milk across the room\n\nisn't gaining weight or is losing weight\n\n"
      "has fewer wet diapers than usual\n\nrefuses to feed or is very fussy during feeds\n\nhas blood in their stool\n\n"
      "Spit-up can feel endless in the moment, but for most families it fades away on its own by the first "
      "birthday.\n\n\u00A9 2028 Nest Media\n";
  const std::string text = all_text(parse_plaintext(page, rules()));
  EXPECT_NE(text.find("has blood in their stool"), std::string::npos) << text;
  EXPECT_NE(text.find("fades away on its own"), std::string::npos) << text;
}

TEST(FindTitle, TheFirstItemUnderASectionMenusLabelIsNoHeadline) {
  // A charity's page: "In this section" over its sibling pages, the first of
  // them named like the text's first heading; the headline stands under the
  // list, over a standfirst and the review date.
  const Article a = parse_plaintext(
      "Donate\n\n1. Home\n2. Information and support\n\nIn this section\n\nWhat is Crohn's disease?\n"
      "Symptoms and diagnosis\nManaging flare-ups\nFood and diet\n\n"
      "Crohn's disease: symptoms and getting a diagnosis\n\n"
      "Crohn's disease can be hard to spot at first, because its symptoms come and go and look like other "
      "conditions of the gut.\n\nLast reviewed: February 2028 \u00B7 Next review due: February 2031\n\n"
      "What is Crohn's disease?\n\nCrohn's disease is a lifelong condition in which parts of the gut become swollen "
      "and inflamed, and what is Crohn's disease to one person may look different in another.\n\n"
      "Most people have times when their symptoms are mild or disappear, and times when they get worse.\n\n"
      "\u00A9 2028 IBD Trust\n",
      rules());
  EXPECT_EQ(a.title, "Crohn's disease: symptoms and getting a diagnosis");
}

TEST(FindTitle, AReviewersLineBehindACheckMarkStandsUnderTheHeadline) {
  const Article a = parse_plaintext(
      "Advertisement\n\n1. Health Conditions\n2. Bone & Joint Health\n\n"
      "Costochondritis: What Causes It and How to Ease the Pain\n\n"
      "\u2713 Medically reviewed by Samuel Adeyemi, MD\n\nWritten by Danielle Ortiz \u00B7 Updated on May 14, 2028\n\n"
      "Facebook\nPinterest\n\nKey takeaways\n\n"
      "Costochondritis is inflammation of the cartilage that joins your ribs to your breastbone.\n"
      "It isn't dangerous and usually gets better on its own within a few weeks.\n\n"
      "If you've ever felt a stabbing pain in your chest that gets worse when you breathe deeply, costochondritis "
      "may be the cause, and it is one of the most common reasons for chest wall pain.\n\n\u00A9 2028 Medora Health\n",
      rules());
  EXPECT_EQ(a.title, "Costochondritis: What Causes It and How to Ease the Pain");
}


TEST(FindTitle, TwoTitleCaseSentencesUnderAMembersLabelAreTheHeadline) {
  // A writing platform: the headline reads as prose, a subtitle without a
  // stop, the writer's name and "Follow" stand between it and the date.
  const Article a = parse_plaintext(
      "Write Sign up Sign in\n\nThe Body Ledger Follow publication\n\nMember-only story\n\n"
      "I Had a Pulmonary Embolism at 31. I Almost Talked Myself Out of Going to the ER.\n\n"
      "A calf cramp, a flight of stairs and the warning signs I wish I'd known about blood clots\n\n"
      "Tessa Marlowe\n\n\u00B7 Follow\n\nPublished in The Body Ledger\n\n9 min read \u00B7 Mar 4, 2028\n\n"
      "The cramp started in my left calf on a Tuesday. I remember blaming the new running shoes, and then the "
      "stairs at work, and then the cold, because it was easier than thinking about anything else.\n\n"
      "Six days later I could not get up the two flights of stairs to our flat without stopping twice to catch my "
      "breath, and I still told myself it was a cold.\n\n\u00A9 2028 Inkwell\n",
      rules());
  EXPECT_EQ(a.title, "I Had a Pulmonary Embolism at 31. I Almost Talked Myself Out of Going to the ER.");
}

TEST(FindTitle, TheTrailsLastItemOverTheBylineIsTheHeadline) {
  const Article a = parse_plaintext(
      "Ruta de navegaci\u00F3n\n\n1. Inicio\n2. Enfermedades A-Z\n3. Hepatitis A\n\nEnfermedades infecciosas\n\n"
      "Hepatitis A\n\n\u00DAltima actualizaci\u00F3n: 22 de agosto de 2028\n\n"
      "La hepatitis A es una infecci\u00F3n del h\u00EDgado causada por un virus que se transmite sobre todo por "
      "agua y alimentos contaminados.\n\nCasi siempre se cura sola, pero puede causar varias semanas de malestar y, "
      "en pocos casos, complicaciones graves que necesitan atenci\u00F3n en un hospital.\n\n\u00A9 2028 SaludClara\n",
      rules());
  EXPECT_EQ(a.title, "Hepatitis A");
}

TEST(FindTitle, ATopicBeforeAColonIsNoKickerAndACreditedCaptionIsNoHeadline) {
  const Article a = parse_plaintext(
      "Consigli del farmacista\n\nHerpes labiale: cosa fare ai primi sintomi\n\n"
      "Pubblicato il 11 luglio 2028 \u00B7 Tempo di lettura: 4 minuti\n\n"
      "Un formicolio fastidioso sul bordo del labbro, poi un piccolo grappolo di bollicine: chi ha gi\u00E0 avuto "
      "l'herpes labiale lo riconosce subito.\n\nCosa fare ai primi sintomi\n\nIl momento migliore per intervenire "
      "\u00E8 la fase del formicolio, prima che compaiano le vescicole, con una crema antivirale.\n\n\u00A9 2028 Salvia\n",
      rules());
  EXPECT_EQ(a.title, "Herpes labiale: cosa fare ai primi sintomi");
  const Article b = parse_plaintext(
      "Publicidad\n\nSociedad \u203A Salud\nDermatolog\u00EDa\n\nLa sarna vuelve a las consultas: por qu\u00E9 los casos no dejan de crecer\n\n"
      "Los dermat\u00F3logos alertan de un aumento sostenido de la escabiosis en todo el pa\u00EDs y recuerdan que el "
      "tratamiento falla sobre todo cuando no se trata a la vez a todos los convivientes\n\n"
      "Una dermat\u00F3loga examina las manos de un paciente en una consulta de Valencia. Marta Sol\u00EDs\n\n"
      "Luc\u00EDa Ferrer Oliva Madrid - 14 may 2028 - 05:30 CEST\n\nActualizado: 14 may 2028 - 09:12 CEST\n\n"
      "La sarna, una infecci\u00F3n de la piel que muchos asociaban a otras \u00E9pocas, se ha convertido en una "
      "visita habitual en las consultas de atenci\u00F3n primaria y de dermatolog\u00EDa.\n\n"
      "Los especialistas coinciden en que los casos llevan varios a\u00F1os creciendo y en que cada vez reciben a "
      "m\u00E1s pacientes que ya han probado uno o dos tratamientos.\n\n\u00A9 Ediciones Meridiano\n",
      rules());
  EXPECT_EQ(b.title, "La sarna vuelve a las consultas: por qu\u00E9 los casos no dejan de crecer");
}

TEST(FindTitle, AnAuthorsRoleUnderANameWithCredentialsIsNoHeadline) {
  const Article a = parse_plaintext(
      "Join now Sign in\n\nFive epinephrine auto-injector mistakes I see every week (and how to avoid them)\n\n"
      "Renata Solis, MD\n\nBoard-certified allergist and immunologist | Food allergy and anaphylaxis\n\n"
      "Published Mar 3, 2028\n\nLike Comment\n\n"
      "Last Tuesday a mother told me she had her son's epinephrine auto-injector with her the whole time, and she "
      "still did not use it until the ambulance arrived.\n\nBut in more than fifteen years of treating people with "
      "severe allergies, I have seen the same few mistakes again and again.\n\n\u00A9 2028 Workline\n",
      rules());
  EXPECT_EQ(a.title, "Five epinephrine auto-injector mistakes I see every week (and how to avoid them)");
}

TEST(FindArticleRegion, AListOfDefinedTermsEndsAReadMoreBox) {
  // A broadcaster's "Read more:" links, then a heading over a list of terms
  // with their meanings: the list is the text's.
  const std::string page =
      "Home > News > Health\n\nParents urged to learn the four Ts of type 1 diabetes\n\nBy Aoife Nolan\n\n"
      "A diabetes charity has urged parents to learn the four Ts so that type 1 diabetes is picked up in children "
      "before they become seriously ill, after a review found many were diagnosed late.\n\n"
      "The review of records from five hospitals found that a quarter of children were already very unwell when "
      "they were diagnosed, and some had been seen by a doctor in the days before.\n\n"
      "Read more:\n\nHundreds of children waiting for insulin pumps\nSchools to get new guidance on diabetes\n\n"
      "The four Ts\n\nToilet: going to the toilet a lot, or bed-wetting in a child who was dry at night\n"
      "Thirsty: being really thirsty and unable to quench it\nTired: feeling more tired than usual\n"
      "Thinner: losing weight or looking thinner than usual\n\n"
      "A consultant paediatrician said the test for type 1 diabetes is quick and simple, and that parents who notice "
      "any of the signs should ask their GP for it the same day.\n\n\u00A9 2028 Eire Broadcasting\n";
  const std::string text = all_text(parse_plaintext(page, rules()));
  EXPECT_NE(text.find("Thirsty: being really thirsty"), std::string::npos) << text;
  EXPECT_EQ(text.find("insulin pumps"), std::string::npos) << text;
}


TEST(FindTitle, TheTrailsLastItemOverItsReviewerIsTheHeadline) {
  // A vertical breadcrumb trail ends in the page's name, which comes back as
  // the headline right over its reviewer line: found twice, yet no menu item.
  const Article a = parse_plaintext(
      "Poison Safety\nHousehold products\nMedicines\nAbout Us\n\nHome\nPoison Safety\nHousehold Products\n"
      "Laundry Detergent Packets\n\nHousehold Products\n\nLaundry Detergent Packets\n\n"
      "Reviewed by a specialist in poison information Last reviewed February 2028\n\n"
      "Single-load laundry packets are small, soft and brightly colored, and to a toddler they can look like candy "
      "or a toy that is fun to squeeze.\n\nPoison centers hear about thousands of children who get into laundry "
      "packets every year, and most of them are under six years old.\n\n\u00A9 2028 Regional Poison Center\n",
      rules());
  EXPECT_EQ(a.title, "Laundry Detergent Packets");
}

TEST(FindTitle, AFactSheetNamedForItsSubjectOverAQuestionHeading) {
  // "Giardiasis Fact Sheet" names what the text opens with ("Giardiasis is
  // ..."); "What is giardiasis?" under it opens the first section.
  const Article a = parse_plaintext(
      "Home | Epidemiology | Diseases and Conditions A-Z\n\n\u2022 Report a Disease\n\u2022 Data and Reports\n\n"
      "Giardiasis Fact Sheet\n\nPrintable PDF | Espa\u00F1ol\n\nWhat is giardiasis?\n\n"
      "Giardiasis is an infection of the small intestine caused by a tiny parasite called Giardia, and it is one of "
      "the most common causes of waterborne diarrhea.\n\nHow do people get it?\n\nGiardia lives in the stool of "
      "infected people and animals, and you can get it by swallowing water or food that has been contaminated.\n",
      rules());
  EXPECT_EQ(a.title, "Giardiasis Fact Sheet");
  EXPECT_NE(all_text(a).find("What is giardiasis?"), std::string::npos);
  // A heading that adds more than a page kind's words to the name is no subject heading.
  const Article b = parse_plaintext(
      "Giardiasis Outbreak Map And Weekly Case Counts\n\nWhat is giardiasis?\n\nGiardiasis is an infection of the "
      "small intestine caused by a tiny parasite called Giardia, and it is one of the most common causes of "
      "waterborne diarrhea.\n\nGiardia lives in the stool of infected people and animals, and you can get it by "
      "swallowing water or food that has been contaminated.\n",
      rules());
  EXPECT_EQ(b.title, "What is giardiasis?");
}

TEST(FindArticleRegion, AForumPostEndsAtItsLikesOverTheNextPostsByline) {
  const std::string page =
      "Spin Circle Forum\n\nRead this first: welcome, forum rules and the basics\n\nWelcome & Introductions\n\n"
      "pinned-guide new-members\n\nThis topic is pinned. It will appear at the top of Welcome & Introductions until "
      "it is unpinned by staff.\n\nGwen_Moderator January 4, 2028, 9:12am\n\n"
      "Hello and welcome. Whether you were diagnosed last week or twenty years ago, you are among people who "
      "understand, and this post explains what the forum is for.\n\nPlease take five minutes to read it before you "
      "start your first topic, and say hello in the introductions thread when you are ready.\n\n64 Likes\n\n"
      "tidewatcher January 6, 2028, 8:03pm\n\nThank you Gwen. I was diagnosed in November and this is the first "
      "thing I have read that did not terrify me, so thank you for writing it.\n\n12 Likes\n";
  const Article a = parse_plaintext(page, rules());
  EXPECT_EQ(a.title, "Read this first: welcome, forum rules and the basics");
  const std::string text = all_text(a);
  for (std::string_view gone : {"pinned-guide", "This topic is pinned", "64 Likes", "diagnosed in November"})
    EXPECT_EQ(text.find(gone), std::string::npos) << gone << "\n" << text;
  EXPECT_NE(text.find("say hello in the introductions"), std::string::npos) << text;
}

TEST(PlaintextParser, AHeadingOverOnlyChromeGoesARunOfShortLinesStays) {
  // "Shop prenatal essentials" over a product carousel heads nothing that is read.
  const std::string page =
      "Folic acid before pregnancy: how much you need\n\nBy Brianna Castellucci\n\n"
      "Folic acid is a B vitamin that helps the neural tube develop into the brain and spinal cord in the first "
      "weeks of pregnancy, often before you know you are pregnant.\n\nShop prenatal essentials\n\nAdd to Cart\n\n"
      "When to start\n\nStart taking folic acid at least one month before you try to get pregnant, and keep taking it "
      "through at least the first three months of pregnancy.\n\nGood sources\n\nBeans and lentils\nDried apricots\n\n"
      "Advertisement\n\nEven with a healthy diet it is hard to be sure you are getting enough from food alone, "
      "which is why a daily supplement is recommended.\n";
  const std::string text = all_text(parse_plaintext(page, rules()));
  EXPECT_EQ(text.find("Shop prenatal"), std::string::npos) << text;
  EXPECT_NE(text.find("When to start"), std::string::npos) << text;
  EXPECT_NE(text.find("Dried apricots"), std::string::npos) << text;
}

TEST(FindTitle, AColumnsLabelOverTheDatedHeadlineIsNoTitle) {
  const Article a = parse_plaintext(
      "1. Home\n2. Opinion\n3. Columns\n\nDr. Elias Marchbank\n\nAsk the Doctor\n\n"
      "Up several times a night to urinate? Here's what could be behind it\n\n"
      "By Dr. Elias Marchbank Meridian Features Syndicate\n\nJan 18, 2028\n\n"
      "DEAR DR. MARCHBANK: I'm a 71-year-old man in decent health, but lately I get up three or four times a night "
      "to use the bathroom, and I am exhausted the next day.\n\nDEAR J.W.: Getting up once a night to use the "
      "bathroom is common as we age, but three or four times deserves a look from your doctor.\n",
      rules());
  EXPECT_EQ(a.title, "Up several times a night to urinate? Here's what could be behind it");
}

TEST(FindTitle, ThePagesNameUnderItsTrailThoughTheMenuHasItToo) {
  const Article a = parse_plaintext(
      "Contraception\nThe implant\nThe pill\nEmergency contraception\nFree condoms\nSTIs\n\n"
      "Home \u203A Contraception \u203A Emergency contraception\n\nEmergency contraception\n\n"
      "Had sex without contraception, or think your contraception failed? Emergency contraception can prevent "
      "pregnancy, and the sooner you use it the better it works.\n\nThere are two kinds: the copper coil and the "
      "emergency pill, and both are free from sexual health clinics and many pharmacies.\n",
      rules());
  EXPECT_EQ(a.title, "Emergency contraception");
}

TEST(FindTitle, APicturesAltTextAndCaptionOverTheTextAreNoTitle) {
  // The same words twice in a row: a picture and its caption. The subject's
  // name under an index's letter bar is the title.
  const Article a = parse_plaintext(
      "Home \u2192 Medical Encyclopedia \u2192 Pityriasis rosea\n\n"
      "A B C D E F G H I J K L M N O P Q R S T U V W XYZ 0-9\n\nPityriasis rosea\n\n\u2022 Facebook\n\u2022 Email\n\n"
      "URL of this page: https://healthref.example/ency/article/001204.htm\n\n"
      "Pityriasis rosea on the back\nPityriasis rosea on the back\n\n"
      "Pityriasis rosea is a common skin rash seen in young adults, and it usually goes away on its own within "
      "six to eight weeks.\n\nCauses\n\nThe cause is not known for certain, but it may be set off by a virus, and it "
      "does not seem to spread from person to person.\n",
      rules());
  EXPECT_EQ(a.title, "Pityriasis rosea");
}

TEST(FindArticleRegion, ATranscriptsRisingTimesGoALiveBlogsStay) {
  const std::string transcript =
      "Search\nSign in\n\nHow to put someone in the recovery position\n\nKestrel First Aid\n\n48.2K subscribers\n\n"
      "3.1K Dislike Share Save ...\n\n126,408 views 14 Mar 2028 #firstaid\n\n"
      "Learn how to put an unresponsive adult who is breathing into the recovery position, which keeps the airway "
      "open while you wait for help.\n\nFirst aid trainer Beth walks through each step on a volunteer, and explains "
      "what to do if the person stops breathing or may have hurt their neck.\n\nFree printable guide: https://www.kestrel.example/guides\n\nTranscript\n\n"
      "0:00\nHi, I'm Beth, and in this video I'll show you how to put someone in the recovery position today.\n\n"
      "0:07\nYou use it when a person is unresponsive but breathing normally, so that the airway stays open.\n\n"
      "0:19\nBefore you do anything, check that the area is safe for you to approach the person on the ground.\n\n"
      "Up next\n\nHands-only CPR in two minutes\n\nAbout Press Copyright Terms Privacy\n\n\u00A9 2028 Vidora\n";
  const Article a = parse_plaintext(transcript, rules());
  EXPECT_EQ(a.title, "How to put someone in the recovery position");
  const std::string text = all_text(a);
  for (std::string_view gone : {"0:07", "subscribers", "Dislike", "126,408", "printable guide"})
    EXPECT_EQ(text.find(gone), std::string::npos) << gone << "\n" << text;
  const std::string live =
      "Storm Ingrid: live updates\n\nBy Jo Roe\n\n10:20\n\nPower has been restored to most homes in the north of the "
      "county, the network operator says, though some streets remain without it.\n\n09:48\n\nHuge waves were seen at "
      "the lighthouse this morning as the storm reached its peak over the coast.\n\n09:10\n\nSchools in three towns "
      "will stay closed today while engineers check their roofs for damage.\n";
  EXPECT_NE(all_text(parse_plaintext(live, rules())).find("09:48"), std::string::npos);
}

TEST(FindArticleRegion, AClosingHeadingWithALeadInAndItsBulletsStays) {
  const std::string page =
      "Health Library\n\nUnderstanding Ganglion Cysts\n\n"
      "A ganglion cyst is a lump filled with fluid that most often forms on the back of the wrist, and it is not "
      "cancer.\n\nMany cysts go away on their own, so your provider may suggest watching it for a while before any "
      "treatment.\n\nWhen to call your healthcare provider\n\n"
      "Call your healthcare provider right away if you have any of these:\n\n"
      "\u2022 Fever of 100.4\u00B0F (38\u00B0C) or higher\n\u2022 Redness or swelling around the cyst that gets worse\n\n"
      "Medical Reviewers: Colleen Wardell, MD\n\n\u00A9 2000-2028 Halcyon Health Content, LLC. All rights reserved.\n\n"
      "Related Items\n\n\u2022 Carpal Tunnel Syndrome\n";
  const std::string text = all_text(parse_plaintext(page, rules()));
  EXPECT_NE(text.find("Redness or swelling"), std::string::npos) << text;
  EXPECT_EQ(text.find("Carpal Tunnel"), std::string::npos) << text;
  // A label of downloads is no lead-in: "Attached files:" over file links goes.
  const std::string files =
      "Health Library\n\nBotulism from home canning\n\n"
      "Botulism is a rare but serious illness caused by a toxin that can grow in badly canned or preserved food at "
      "home.\n\nBoil home-canned vegetables for ten minutes before eating them, and throw away any bulging jar.\n\n"
      "Epidemiology department\n\nAttached files:\n\n\u2022 Leaflet (PDF, 412 KB)\n\u2022 Infographic (JPG, 1.2 MB)\n\n"
      "\u00A9 2028 Regional Health Centre. All rights reserved.\n";
  EXPECT_EQ(all_text(parse_plaintext(files, rules())).find("Infographic"), std::string::npos);
}

TEST(FindTitle, ADiseaseNameOverItsTabsAndAHeadlineUnderAContentsBox) {
  // A reference page's tabs under its title stop the search: the heading
  // over them names what the text opens with.
  const Article a = parse_plaintext(
      "Skip to main content\n\n\u2022 Request an appointment\n\u2022 Find a doctor\n\u2022 Locations\n\n"
      "Diseases & Conditions\n\nTrigeminal neuralgia\n\n\u2022 Symptoms & causes\n\u2022 Diagnosis & treatment\n"
      "\u2022 Doctors & departments\n\nRequest an Appointment Print\n\nOverview\n\n"
      "Trigeminal neuralgia causes sudden attacks of intense pain in the face, often set off by ordinary moments "
      "such as brushing the teeth.\n\nFor many people the attacks come and go over weeks or months, and they may "
      "get worse over time without treatment.\n\n\u00A9 1998-2028 Lakemont Clinic\n",
      rules());
  EXPECT_EQ(a.title, "Trigeminal neuralgia");
  // A contents box without bullets, one of its entries a question, lies between the headline and the text;
  // the ad notice over the byline is passed too.
  const Article b = parse_plaintext(
      "Skip to content\nMenu\n\nWhy Are My Feet and Ankles Swollen?\n\n"
      "Swelling in your lower legs is often harmless, but it can also be a sign of a problem with your heart\n\n"
      "Brightwater Health is a nonprofit health system, and ads on this site help fund our care. We don't endorse "
      "products or services that aren't our own. Advertising Policy\n\nJune 19, 2028 / Heart Health\n\nContents\n\n"
      "Common causes\nIs it swelling or something more?\nWhen swelling is serious\n\n"
      "You slip off your shoes at the end of a long day and see deep marks from your socks around swollen ankles, "
      "and you wonder whether it matters.\n\nCommon causes of swollen feet\n\nStanding or sitting for a long time "
      "lets fluid pool in the lower legs, and it goes down overnight.\n\nIs it swelling or something more?\n\n"
      "Press your thumb gently into the swollen skin for a few seconds and see whether a dent stays.\n\n"
      "When swelling is serious\n\nCall 911 if you have swelling with chest pain or sudden shortness of breath, "
      "which can be signs of a blood clot in the lungs.\n\n\u00A9 2028 Brightwater Health\n",
      rules());
  EXPECT_EQ(b.title, "Why Are My Feet and Ankles Swollen?");
  EXPECT_EQ(all_text(b).find("endorse"), std::string::npos);
}

TEST(FindTitle, APagesTitleUnderASideMenuTheTrailNamesShorter) {
  // The side menu's items, one a line, end over the headline; the trail's
  // last item names the page in fewer words.
  const Article a = parse_plaintext(
      "Menu\n\n1. Startseite\n2. Gesundheit\n3. Gesundheitsschutz\n4. T\u00E4towieren und Piercen\n\n"
      "Gesundheitsschutz\n\nTrinkwasser\nSolarien\nT\u00E4towieren und Piercen\nKosmetische Mittel\nL\u00E4rm und Schall\n\n"
      "T\u00E4towieren, Piercen und Permanent Make-up\n\n"
      "Wer sich t\u00E4towieren oder piercen l\u00E4sst, geht gesundheitliche Risiken ein, denn dabei wird die Haut "
      "verletzt und Keime k\u00F6nnen eindringen.\n\nWelche Risiken gibt es?\n\nBeim T\u00E4towieren wird die Haut "
      "verletzt, und es kann zu Entz\u00FCndungen und allergischen Reaktionen kommen.\n\n\u00A9 2028 Kanton\n",
      rules());
  EXPECT_EQ(a.title, "T\u00E4towieren, Piercen und Permanent Make-up");
}

TEST(FindTitle, AHeadlineInSentenceCaseOverItsWritersNameAndDate) {
  const Article a = parse_plaintext(
      "Menu Zaloguj si\u0119\n\nChoroby\nObjawy\nLeki\nBadania\nDieta\n\nEndokrynologia\n\n"
      "Nadczynno\u015B\u0107 tarczycy \u2013 objawy, przyczyny i leczenie. Kiedy i\u015B\u0107 do lekarza?\n\n"
      "Anna Krzemi\u0144ska-Rudnik, dziennikarka\n\nAktualizacja: 14.04.2028 09:12\n\n"
      "Nadczynno\u015B\u0107 tarczycy to stan, w kt\u00F3rym gruczo\u0142 wytwarza zbyt du\u017Co hormon\u00F3w, "
      "co przyspiesza prac\u0119 ca\u0142ego organizmu i daje wiele objaw\u00F3w.\n\nCz\u0119\u015Bciej dotyczy "
      "kobiet, a jej najcz\u0119stsz\u0105 przyczyn\u0105 jest choroba Gravesa-Basedowa.\n\n\u00A9 2028 Portal\n",
      rules());
  EXPECT_EQ(a.title, "Nadczynno\u015B\u0107 tarczycy \u2013 objawy, przyczyny i leczenie. Kiedy i\u015B\u0107 do lekarza?");
}

TEST(FindArticleRegion, AForumPostEndsAtItsButtonsOverTheNextPoster) {
  const std::string page =
      "Forums\n\u2022 Membres\n\u2022 R\u00E8gles du forum\n\nPetites boules blanches au fond de la gorge ?\n\n"
      "Julien_Bzh\n\n9 mars 2028\n\nBonjour \u00E0 tous, depuis quelques mois je trouve r\u00E9guli\u00E8rement de petites "
      "boules blanches au fond de la gorge, et elles sentent tr\u00E8s mauvais.\n\nJe n'ai pas de fi\u00E8vre ni mal "
      "\u00E0 la gorge. Est-ce que quelqu'un conna\u00EEt ce probl\u00E8me ? Merci d'avance pour vos r\u00E9ponses.\n\n"
      "Partager Signaler\nCiter J'aime\nMa\u00EBlle_R et 6 autres personnes aiment ceci.\nPublicit\u00E9\n\nMa\u00EBlle_R\n\n"
      "Membre actif\n\nSalut, j'ai exactement la m\u00EAme chose depuis des ann\u00E9es ! Ce sont des cas\u00E9ums, ce "
      "n'est pas grave mais c'est p\u00E9nible au quotidien.\n\n\u00A9 2028 Sant\u00E9Vous\n";
  const std::string text = all_text(parse_plaintext(page, rules()));
  EXPECT_NE(text.find("Merci d'avance"), std::string::npos) << text;
  EXPECT_EQ(text.find("exactement la m"), std::string::npos) << text;
}

TEST(FindTitle, AKoreanStandfirstOfSentencesIsNoTitle) {
  // A public health agency's Q&A (heldout68): under the title, print and
  // share buttons, date labels over their dates and a view count, then a
  // standfirst of two sentences; no capitals tell which is the headline.
  std::ifstream in(std::string(READALOUD_SOURCE_DIR) + "/tests/fixtures/pagetext/heldout68/"
                   "ko-gonggong-bogeon-gigwan-jaju-mudneun-jilmun-bibeurio-paehyeoljeung-eopaeryu-badatmul-jilmun-d"
                   "abbyeon-pyoji-119-anne-sangja-gongji-tti-cheombu-manjokdo-josa-gonggongnuri.txt", std::ios::binary);
  std::stringstream page;
  page << in.rdbuf();
  ASSERT_FALSE(page.str().empty());
  EXPECT_EQ(parse_plaintext(page.str(), rules()).title, "\uBE44\uBE0C\uB9AC\uC624\uD328\uD608\uC99D \uC790\uC8FC \uBB3B\uB294 \uC9C8\uBB38");
}

TEST(FindArticleRegion, ACommentCountAfterAShareRowOneNetworkALineEndsNothing) {
  const std::string page =
      "Reviews\n\nFolio Glow 7 review: the e-reader that finally gets page turns right\n\n"
      "Physical buttons, a warm front light and a battery that lasts for weeks make it easy to recommend.\n\n"
      "By Priya Castellano, Senior Reviews Editor\n\nPublished March 12, 2029\n\nFacebook\nX\nReddit\n23 Comments\n\n"
      "E-readers have settled into a comfortable routine: a black-and-white screen, a front light and a store that "
      "sells you the books.\n\nI spent three weeks reading on the Glow 7, in bed, on a crowded train and on a sunny "
      "balcony, and it held up well in each.\n\nToday's best Folio Glow 7 deals\n\nBrightBuy $139.99 View deal\n\n"
      "The front light is bright and even, with no visible shadows at the edges of the screen at any setting.\n\n"
      "\u00A9 2029 Circuit Dispatch\n";
  const std::string text = all_text(parse_plaintext(page, rules()));
  EXPECT_NE(text.find("no visible shadows"), std::string::npos) << text;
  for (std::string_view gone : {"View deal", "best Folio Glow 7 deals"})
    EXPECT_EQ(text.find(gone), std::string::npos) << gone << "\n" << text;
}

TEST(FindArticleRegion, ADataTableInColumnsIsNoFurniture) {
  // A markets story (heldout69): gainers, losers and sectoral tables, row
  // after row laid out in columns with figures, lie between its paragraphs.
  std::ifstream in(std::string(READALOUD_SOURCE_DIR) + "/tests/fixtures/pagetext/heldout69/"
                   "en-in-business-news-site-quintype-style-markets-story-sensex-nifty-bank-rally-index-ticker-strip-"
                   "byline-above-title-subheadline-gainers-losers-sectoral-tables-stock-chips-analyst-disclaimer-"
                   "visible-desktop.txt", std::ios::binary);
  std::stringstream page;
  page << in.rdbuf();
  ASSERT_FALSE(page.str().empty());
  const std::string text = all_text(parse_plaintext(page.str(), rules()));
  EXPECT_NE(text.find("monetary policy decision"), std::string::npos) << text;
}

/// The page-text fixture in `part` whose name starts with `prefix`.
std::string pagetext_fixture(const std::string& part, const std::string& prefix) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(READALOUD_SOURCE_DIR) / "tests/fixtures/pagetext" / part;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(prefix) && !name.ends_with(".expected.txt")) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream page;
      page << in.rdbuf();
      return page.str();
    }
  }
  return {};
}

TEST(FindTitle, HeadlinesUnderBlogAndNewsletterMenusAndBylineRows) {
  // heldout71 and heldout72: the headline under a newsletter's description
  // and its menu row ("Archive About Log in Subscribe") and issue date; under
  // a menu drawn down the page and a "Posted on" line; under a reading
  // platform's section row ("Home Caregiving ... Follow"); over a dated row
  // that names its writer last; under a section's name and its byline; under
  // a journal's article-type badge ("... Open Access").
  const std::pair<const char*, const char*> cases[] = {
      {"heldout72/en-za-dietitian-paid-newsletter", "Frozen vegetables are not a downgrade"},
      {"heldout72/en-au-nurses-personal-blog", "The one piece of paper I wish every patient carried"},
      {"heldout72/en-us-reading-platform-publication", "The kitchen was the first thing my dad's stroke changed"},
      {"heldout71/en-gb-veterinary-practice-group", "Lilies and cats: why every part of the plant is dangerous"},
      {"heldout71/en-us-health-insurer", "Never miss a dose: simple ways to stay on track with your medicines"},
      {"heldout71/en-journal-publisher", "Can listening to music ease pain after surgery?"},
      // A headline under its byline, right over the standfirst (heldout73); a
      // headline under a consent banner's paragraph and buttons (heldout74).
      {"heldout73/en-ca-nutrition-nonprofit", "Vitamin C: how much you need and the best food sources"},
      {"heldout74/en-gb-local-news-site",
       "Man with van who dumped rubbish on country lane ordered to pay almost \u00A3" "2,900"},
      // A package leaflet's medicine under its standard header, under a row of
      // buttons with the trail glued in ("... Menu Home / Patient information / ...").
      {"heldout64/en-ie-generic-medicines-company", "Loperamide 2 mg Hard Capsules"},
      {"heldout29/en-medicines-compendium-pil-ibuprofen", "Ibuprofen 200 mg Film-coated Tablets"},
      // A trail drawn down the page ("Strona główna", "Zdrowie", the headline
      // cut short), the byline, then the whole headline (heldout75).
      {"heldout75/pl-portal-regionalny", "Coraz wi\u0119cej przypadk\u00F3w b\u0105blowicy. Lekarze z Olsztyna: myjcie le\u015Bne owoce"},
      // A topic's label over a headline of two sentences, its long standfirst and the byline (heldout75).
      {"heldout75/pt-pt-jornal-regional", "Picadas de peixe-aranha multiplicam-se nas praias da Ria Formosa. Saiba o que fazer"},
      // A Q&A portal's question of two sentences under its specialty, over the asker's line (heldout65).
      {"heldout65/pt-br-portal-perguntas", "Suo muito nas m\u00E3os e nas axilas, at\u00E9 no frio. Isso tem tratamento?"},
      // Two labels run together ("Debt & Credit Reader question") over a
      // reader's question of two sentences, the question's text and the asker's line (heldout84).
      {"heldout84/en-us-consumer-advice-site", "A collector says I owe on a credit card from 2012. Can they still sue me?"},
      // The trail's section come back as a heading over the condition's name and its byline (heldout82).
      {"heldout82/en-gb-health-publisher-firstspirit", "Osteoarthritis"},
      // The trail's last item over the date, then the headline (heldout86);
      // two labels over a question and its answer, the writer's name and the
      // date (heldout86); a short headline over its date under a unit's long
      // title (heldout86); the page's own item set apart in a side menu (heldout85).
      {"heldout86/fr-fr-chu-jalios-jcms", "Don de moelle osseuse : le CHU appelle les 18-35 ans \u00E0 s'inscrire"},
      {"heldout86/pl-pl-portal-zdrowotny", "Dziecko zacz\u0119\u0142o si\u0119 j\u0105ka\u0107? Logopedzi radz\u0105, czego nie m\u00F3wi\u0107"},
      {"heldout86/es-es-hospital-genexus", "Holter de 24 horas"},
      {"heldout85/en-gb-specialist-society", "Lichen sclerosus"},
      // A headline under a category of four words, listing after its colon (heldout37).
      {"heldout37/es-mx-clinica-dermatologica", "Melasma o pa\u00F1o en la cara: qu\u00E9 es, por qu\u00E9 aparece y c\u00F3mo se trata"},
      // A blog's post title in two parts under its date row, right over the text (heldout72, heldout78).
      {"heldout72/en-ca-developer-blog-zola", "A year of bedroom CO2 readings, and why I now sleep with the door open"},
      {"heldout78/en-au-paediatric-dietitian",
       "Fussy eating in toddlers: what's normal, what helps, and a recipe to try"},
      // A headline of two sentences over its standfirst, the picture's caption and the byline.
      {"heldout69/en-us-national-newspaper-science",
       "A private spacecraft just landed near the moon's south pole. Here's what it's looking for."},
      // A blog's name, its tagline and its button over the post's headline and standfirst (heldout87);
      // a blog's name come back over its tagline and the headline (heldout87).
      {"heldout87/en-ca-consumer-advice-blog", "How to spot a rental scam before you send a deposit"},
      {"heldout87/en-gb-parent-blog-writefreely", "Glue ear, grommets and us: what I wish I'd known a year ago"},
      // A writer's name and bio over two links, then the post's headline over its first paragraph (heldout91).
      {"heldout91/en-ke-personal-blog-svbtle", "One keloid, two ears and what finally worked"},
      // A lone initial's stop ends no sentence: the headline is a heading, not prose (heldout89).
      {"heldout89/en-in-gastroenterology-society", "H. pylori infection: what patients should know"},
      // Consent banners in Danish and Polish, whose headings had been the titles (heldout90, heldout92).
      {"heldout90/da-dk-havecenterkaede", "S\u00E5dan beskærer du dit \u00E6bletr\u00E6"},
      {"heldout92/pl-pl-apteka-internetowa", "Owsiki u dzieci i doros\u0142ych: objawy, leczenie i jak nie zarazi\u0107 si\u0119 ponownie"},
      {"heldout92/pl-pl-ubezpieczyciel-zdrowotny", "Morfologia krwi: jak czyta\u0107 wyniki i kiedy si\u0119 niepokoi\u0107"},
      // A Finnish byline ("Teksti: ...") under the question headline's standfirst (heldout90).
      {"heldout90/fi-fi-suunterveysjarjesto", "Nuuska: mit\u00E4 se tekee suulle ja syd\u00E4melle?"},
      // A blog's full-width nav bar is no heading (heldout90).
      {"heldout90/ja-jp-kojin-blog-hatena",
       "\u306F\u3058\u3081\u3066\u306E\u6885\u5E72\u3057\u3001" "3\u30AD\u30ED\u6F2C\u3051\u3066\u307F\u305F"
       "\u3010\u5869\u5206" "18%\u30FB\u571F\u7528\u5E72\u3057\u307E\u3067\u3011"},
      // A picture's caption over the label, the issue's date and the headline with its byline (heldout91).
      {"heldout91/en-nz-nature-magazine", "The parrot that waits for the trees"},
      // Consent banners in Swedish, Vietnamese and Greek (heldout94).
      {"heldout94/sv-se-kommun-episerver", "Bevattningsf\u00F6rbud i Sj\u00F6vik, Ekudden och Norrby fr\u00E5n fredag"},
      {"heldout94/vi-vn-chuoi-nha-thuoc", "R\u1EEDa m\u0169i b\u1EB1ng n\u01B0\u1EDBc mu\u1ED1i sinh l\u00FD: l\u00E0m \u0111\u00FAng c\u00E1ch \u0111\u1EC3 kh\u00F4ng h\u1EA1i tai"},
      {"heldout94/el-gr-eidiseografiko", "\u03A0\u03C1\u03CE\u03C4\u03B5\u03C2 \u03C6\u03C9\u03BB\u03B9\u03AD\u03C2 \u03B8\u03B1\u03BB\u03AC\u03C3\u03C3\u03B9\u03B1\u03C2 \u03C7\u03B5\u03BB\u03CE\u03BD\u03B1\u03C2 \u03C3\u03C4\u03B7\u03BD \u0391\u03C3\u03C0\u03C1\u03CC\u03B2\u03C1\u03C5\u03C3\u03B7: \u03C4\u03B9 \u03B6\u03B7\u03C4\u03BF\u03CD\u03BD \u03BF\u03B9 \u03B5\u03B8\u03B5\u03BB\u03BF\u03BD\u03C4\u03AD\u03C2 \u03B1\u03C0\u03CC \u03C4\u03BF\u03C5\u03C2 \u03BB\u03BF\u03C5\u03CC\u03BC\u03B5\u03BD\u03BF\u03C5\u03C2"},
      // A one-word title, the trail's last item, under a trail run into a button (heldout96).
      {"heldout96/es-cl-clinica-privada", "Espirometr\u00EDa"},
      // A blog's name and one-sentence tagline over the post's date and headline (heldout94, heldout95).
      {"heldout94/pt-pt-blogue-pessoal-sapo", "Passadi\u00E7os do Paiva: o que gostava de ter sabido antes"},
      {"heldout95/en-za-personal-finance-blog", "Why I left my savings pot alone (again)"},
      // A Spanish date with its time ("a. m.") is no paragraph over the headline (heldout96).
      {"heldout96/es-pe-municipalidad", "Limpia y desinfecta tu tanque de agua cada seis meses: paso a paso"},
      // A forum thread's headline over the line that names its poster (heldout92, heldout93, heldout38).
      {"heldout92/nl-nl-gezondheidsforum", "Syndroom van Gilbert vastgesteld, iemand ervaring met die gele ogen?"},
      {"heldout93/en-us-heart-patient-forum", "SVT ablation next Thursday and honestly pretty nervous"},
      {"heldout38/cs-rodicovske-forum", "Z\u00E1n\u011Bt prsu p\u0159i kojen\u00ED \u2013 co v\u00E1m pomohlo?"},
      // A Croatian notice's label and date row ending "2028." over the headline; a shop's
      // "Cari Masuk Keranjang (0)" (heldout100).
      {"heldout100/hr-hr-grad", "Besplatan odvoz krupnog otpada od 3. do 28. travnja: provjerite termin za svoju \u010Detvrt"},
      {"heldout100/id-id-toko-batik", "Cara Merawat Kain Batik Tulis agar Warnanya Tetap Awet"},
      // A Danish column's question over "Svar af ..."; a Q&A question under the site's notice and over
      // its asker's signature ("soruldu 12 Eyl\u00FCl 2028"); a Chinese question over its source line;
      // a Japanese headline, one long "word", under its category and date (heldout98).
      {"heldout98/da-dk-sundhedsmagasin", "Jeg er stadig udmattet seks uger efter kyssesyge \u2013 hvorn\u00E5r bliver jeg frisk?"},
      {"heldout98/tr-tr-doktora-soru", "Ayak ba\u015Fparma\u011F\u0131m\u0131n t\u0131rna\u011F\u0131 sarard\u0131 ve "
                                     "kal\u0131nla\u015Ft\u0131, mantar olabilir mi?"},
      {"heldout98/zh-cn-shi-zhongxin", "\u4F53\u68C0\u53D1\u73B0\u7532\u72B6\u817A\u7ED3\u8282\uFF0C\u9700\u8981"
                                     "\u624B\u672F\u5417\uFF1F"},
      {"heldout98/nb-no-sykehus", "MR-unders\u00F8kelse"},
      // A section path of four-word items over a short headline; a blog's tagline over its nav bar on
      // one line ("Home Archives About RSS"); a picture's "Cover image for ..." alt (heldout97, heldout99).
      {"heldout97/en-gb-scotland-nhs-board", "Adder bites"},
      {"heldout99/en-bs-personal-blog", "My first Junkanoo rush: Boxing Day on Bay Street"},
      {"heldout99/en-ca-writers-community", "I learned to curl at 40. Here's what nobody tells you"},
      // A one-word headline over its "Also called: ..." line; the trail's last item with the
      // headline's abbreviation ("Electroencefalograma (EEG)"); a headline under French consent
      // buttons ("Accepter Continuer sans accepter") (heldout101, heldout104).
      {"heldout101/en-us-academic-medical-center", "Fibromyalgia"},
      {"heldout104/es-es-hospital-universitario", "Electroencefalograma (EEG)"},
      // A headline over two credits and a date on one row; a Q&A question over its vote count (heldout101, heldout104).
      {"heldout101/en-gb-patient-information-site", "Chalazion (Meibomian Cyst)"},
      {"heldout104/it-it-portale-medico", "Glicemia a digiuno 110: sono gi\u00E0 diabetico?"},
      // A member prompt and its buttons over a category row and a nine-word headline; a first
      // paragraph over "Print this page" is the text, not a notice (heldout105).
      {"heldout105/en-in-health-insurer", "Fatty liver: the silent condition you can often reverse"},
      {"heldout105/en-nz-dental-association", "Teeth whitening"},
      {"heldout104/fr-fr-quotidien-national", "D\u00E9serts m\u00E9dicaux : \u00E0 Vaudrecourt, la mairie salarie ses "
                                             "m\u00E9decins"}};
  for (const auto& [where, title] : cases) {
    const std::string path(where);
    const std::string page = pagetext_fixture(path.substr(0, path.find('/')), path.substr(path.find('/') + 1));
    ASSERT_FALSE(page.empty()) << where;
    EXPECT_EQ(parse_plaintext(page, rules()).title, title) << where;
  }
}

TEST(FindTitle, ATopicsLabelOverAHeadlineOfTwoSentences) {
  const std::string menu = "Skip to content Menu\nSubscribe Sign in\nAdvertisement\n\nSummer safety\n\n";
  const std::string story =
      "Before noon most days the lifeguards at Harbour Beach have treated a dozen swimmers, and the season "
      "has only started, with warm water and low tides bringing more of them to the shallows than ever before. "
      "The pain is fierce, but the best treatment is within anyone's reach: hot water.\n\n"
      "By Tom Reyes\n\n12 Aug 2029, 10:45\n\n"
      "It starts with a sharp pain in the foot, as if you had stepped on a nail, and within minutes it spreads "
      "up the leg. Anyone who has been stung by a weever fish remembers it.\n\n"
      "Hot water is the best treatment: as hot as the person can bear, for at least half an hour.\n\n"
      "Comments (3)\nAbout us\nContact\n\u00A9 2029 Coast News. All rights reserved.\n";
  const std::string headline = "Weever fish stings rise on the coast. Here is what to do";
  EXPECT_EQ(parse_plaintext(menu + headline + "\n\n" + story, rules()).title, headline);
  // A first paragraph of two sentences that ends in a stop is no headline: the label stays the title.
  EXPECT_EQ(parse_plaintext(menu + headline + ".\n\n" + story, rules()).title, "Summer safety");
  // A question of two sentences right over the asker's line.
  const std::string question = "My hands sweat even in the cold. Can that be treated?";
  const std::string asked = "Asked by a reader \u00B7 9 March 2028\n\n";
  EXPECT_EQ(parse_plaintext(menu + question + "\n\n" + asked + story, rules()).title, question);
  // Two labels of a copy run together, five words in all, over the question,
  // the reader's own words at length and the asker's line.
  const std::string labels = "Skip to content Menu\nSubscribe Sign in\nAdvertisement\n\nTax & Money Reader question\n\n";
  const std::string asked_at_length =
      "I moved to a new state in the spring and worked for two employers, one in each state, and now I have "
      "forms from both of them. Do I file two returns, and which state gets the tax on which wages?\n\n"
      "Asked by Dana in Reno \u00B7 9 March 2028\n\n";
  const std::string two_states = "I worked in two states last year. Do I file two returns?";
  EXPECT_EQ(parse_plaintext(labels + two_states + "\n\n" + asked_at_length + story, rules()).title, two_states);
}

TEST(FindTitle, ACategoryOfFourWordsOverAHeadlineThatListsAfterItsColon) {
  const std::string page =
      "Skip to content\n\nMenu\n\nSpots on the skin\n\n"
      "Melasma on the face: what it is, why it appears and how it is treated\n\n"
      "By Dr. Valeria Ochoa\n18 November 2026\nNo comments\n\n"
      "Melasma is one of the most common reasons people book a visit with us, and this guide explains why "
      "the patches appear and what can be done about them.\n\n"
      "What is melasma?\n\n"
      "Melasma is a common skin condition that causes brown or grey-brown patches, mostly on the cheeks, "
      "the forehead, the bridge of the nose and above the upper lip.\n\n"
      "Sunscreen every day is the basis of every treatment, even on cloudy days and indoors by a window.\n\n"
      "Book an appointment\nAbout us\n\u00A9 2026 Clinic. All rights reserved.\n";
  EXPECT_EQ(parse_plaintext(page, rules()).title,
            "Melasma on the face: what it is, why it appears and how it is treated");
}

TEST(ClassifyPageLine, MenuRowsIssueNotesAndAccessBadges) {
  for (const char* line : {"Archive About Log in Subscribe", "Search Sign up Sign in",
                           "Home Caregiving Money Health Work About Write for us Follow",
                           "This issue is free for everyone, no paywall. Paid subscribers also get the monthly plan.",
                           "Plain Language Summary Open Access", "Sections  Subscribe Log in", "Translate",
                           "Buy on Bookwell \u00B7 Buy on PageTurn \u00B7 Find it at an indie bookshop",
                           "Listen to this article \u00B7 6:12 min", "Accept all Essential only", "More long reads",
                           "This website uses cookies. Some are essential, others help us understand how the site is "
                           "used and show you relevant adverts."})
    EXPECT_NE(classify(line).kind, PageLineKind::Short) << line;
  for (const char* line : {"Home Remedies for Colds That Actually Work", "About the study", "Open access to clinics"})
    EXPECT_TRUE(classify(line).rule.empty()) << line;
  EXPECT_EQ(classify("Cats, Poisons | 24 April 2029 | By Dr Fiona Marr").kind, PageLineKind::Meta);
  EXPECT_NE(classify("Cats, Poisons | Dogs | Rabbits").kind, PageLineKind::Meta);
}

TEST(FindArticleRegion, ARecipeCardsLabelsDoNotEndTheTextAndItsFactsGo) {
  // A meal-prep post (heldout72): after the post, a recipe plugin's card
  // with its facts, equipment, ingredient groups ("For the bowls") and
  // steps; then the writer's box ("Hi, I'm Marisa!").
  const std::string page = pagetext_fixture("heldout72", "en-us-meal-prep-blog");
  ASSERT_FALSE(page.empty());
  const std::string text = all_text(parse_plaintext(page, rules()));
  for (std::string_view kept : {"For the lemon-tahini sauce", "Divide everything among five containers",
                                "The sauce thickens in the fridge"})
    EXPECT_NE(text.find(kept), std::string::npos) << kept << "\n" << text;
  for (std::string_view gone : {"Prep Time 20 minutes", "Cuisine Mediterranean", "former line cook"})
    EXPECT_EQ(text.find(gone), std::string::npos) << gone << "\n" << text;
  EXPECT_EQ(classify("Hi, I'm Marisa!").rule, "author-bio");
  EXPECT_NE(classify("Hi, I'm sorry to hear that").rule, "author-bio");
}

TEST(FindArticleRegion, AProgramsListingCopiedWithThePageGoesItsSentencesStay) {
  // A developer's blog (heldout72): the code blocks come one line of code to
  // a line; the sentences around them name commands and stay.
  const std::string page = pagetext_fixture("heldout72", "en-ca-developer-blog");
  ASSERT_FALSE(page.empty());
  const std::string text = all_text(parse_plaintext(page, rules()));
  for (std::string_view gone : {"import adafruit_scd4x", "scd4x.start_periodic_measurement()", "Restart=on-failure",
                                "sudo raspi-config nonint do_i2c 0"})
    EXPECT_EQ(text.find(gone), std::string::npos) << gone << "\n" << text;
  EXPECT_NE(text.find("Winter in Winnipeg"), std::string::npos) << text;
  // Two lines of code are no listing; a sentence naming a command is prose.
  const std::string short_page = "Setting up\n\nRun this once:\n\nsudo apt-get install w3m\n\n"
                                 "Then type w3m and a web address, and the page opens in the terminal window.\n";
  const std::string kept = all_text(parse_plaintext(short_page, rules()));
  EXPECT_NE(kept.find("sudo apt-get install w3m"), std::string::npos) << kept;
}

// A dental practice's blog post (heldout78's shape): the text, then the
// writer's box, the links to the posts before and after it, and the footer.
std::string dental_post(std::string_view closing) {
  return "Skip to content\nHome\nTreatments\nBlog\nContact\n\nPatient advice\n\n"
         "After a tooth extraction: how to heal well\n\n"
         "Most extractions heal without any trouble, and a few simple habits in the first week make the "
         "difference between a sore few days and a painful week.\n\n"
         "Keep the clot in place for the first day: do not rinse, spit hard or drink through a straw, and "
         "avoid hot drinks until the numbness wears off.\n\n"
         "From the second day, rinse gently with warm salt water after meals, and keep brushing your other "
         "teeth as normal.\n\n" +
         std::string(closing) +
         "Categories\n\nPatient advice (18)\nPractice news (11)\n\nJoin our mailing list\n\n"
         "Email address Subscribe\nQuayside Dental is registered with the Care Quality Commission, and all "
         "of our dentists are registered with the General Dental Council. \u00A9 2029 Quayside Dental Ltd.\n";
}

TEST(FindArticleRegion, TheWritersBoxAndTheLinksToOtherPostsEndABlogPost) {
  const std::string bio =
      "Dr Priya Sandhu BDS\n\nAssociate dentist\n\n"
      "Priya joined the practice in 2024 and has a special interest in oral surgery and anxious patients.\n\n";
  const std::string links = "\u2190 Why we check more than your teeth Your child's first dental visit \u2192\n\n";
  const std::string text = all_text(parse_plaintext(dental_post(bio + links), rules()));
  EXPECT_NE(text.find("rinse gently with warm salt water"), std::string::npos) << text;
  for (const char* chrome : {"Priya joined", "Dr Priya Sandhu", "Why we check", "Care Quality Commission"})
    EXPECT_EQ(text.find(chrome), std::string::npos) << chrome << "\n" << text;
  // A closing section under a heading in sentence case stays: "When to Call a Doctor".
  const std::string section =
      "When to Call a Doctor\n\nCall the practice if the bleeding has not stopped after an hour of firm pressure.\n\n";
  const std::string kept = all_text(parse_plaintext(dental_post(section + links), rules()));
  EXPECT_NE(kept.find("Call the practice if the bleeding"), std::string::npos) << kept;
  // A gallery's "‹ Previous Next ›" ends nothing.
  EXPECT_FALSE(all_text(parse_plaintext(dental_post("\u2039 Previous Next \u203A\n\n" + section), rules()))
                   .find("Call the practice if the bleeding") == std::string::npos);
}

TEST(FindTitle, APostTitleInTwoPartsUnderItsDateRowNotAPicturesAltText) {
  const std::string menu = "Sprout & Spoon Nutrition\nMenu\nAbout Book a consult Courses Blog Login\n";
  const std::string text =
      "If your two-year-old ate everything as a baby and now seems to live on crackers and bananas, you are "
      "not alone, and for most children it is a normal stage that passes.\n\n"
      "Why toddlers get fussy\n\n"
      "Between about 18 months and 5 years, many children become wary of new foods, and their appetite "
      "drops as they grow more slowly than babies do.\n\n"
      "Share the jobs. You decide what food is offered, and your child decides whether to eat it and how much.\n\n"
      "\u00A9 2029 Sprout & Spoon. All rights reserved. Privacy Terms\n";
  const std::string title = "Fussy eating in toddlers: what's normal, what helps, and a recipe to try";
  EXPECT_EQ(parse_plaintext(menu + "A plate of corn fritters with a bowl of yoghurt\nAug 12, 2029 toddlers recipes\n\n" +
                                title + "\n\n" + text,
                            rules())
                .title,
            title);
  // A plain phrase under the date is the picture's alt text: the headline over the date stays.
  EXPECT_EQ(parse_plaintext(menu + title + "\nAug 12, 2029 toddlers recipes\n\nA plate of corn fritters with a bowl of yoghurt\n\n" +
                                text,
                            rules())
                .title,
            title);
}

TEST(FindArticleRegion, HindiRelatedNewsAndCommentHeadingsEndTheStory) {
  const std::string page =
      "Menu\nHome\nNews\n\nHeadline about the storm\n\n"
      "The storm hit the coast on Tuesday and knocked out power to thousands of homes across the region, officials "
      "said.\n\nCrews worked through the night to restore power, and most homes had it back by morning, the "
      "utility said.\n\n\u0938\u0902\u092C\u0902\u0927\u093F\u0924 \u0916\u092C\u0930\u0947\u0902\n\n"
      "Panna: two buffaloes killed by lightning\nSagar: villages cut off by a swollen stream\n\n"
      "\u090F\u0915 \u091F\u093F\u092A\u094D\u092A\u0923\u0940\n\nRajesh\n\n"
      "A very sad event for the village, and the elders have always said the same thing about the rain.\n\n"
      "\u00A9 2029 News. All rights reserved.\n";
  const std::string text = all_text(parse_plaintext(page, rules()));
  EXPECT_NE(text.find("restore power"), std::string::npos) << text;
  EXPECT_EQ(text.find("buffaloes"), std::string::npos) << text;
  EXPECT_EQ(text.find("elders"), std::string::npos) << text;
}

TEST(FindArticleRegion, AColumnsMoreFromListAndItsCommentsEndItAnInlineRelatedLinkDoesNot) {
  const std::string story =
      "Menu\nHome\nLifestyle\n\nMy neighbour's hedge has stolen all the light\n\n"
      "A reader wants her garden back without starting a war next door, and the rules on high hedges can help "
      "her more than she thinks.\n\n";
  const std::string more =
      "The council can order a hedge cut back, but only after you have tried to settle things with your "
      "neighbour yourself, so keep a note of every letter.\n\n";
  const std::string tail =
      "More from Ask Marion\n\n  \u2022 'My sister-in-law invites herself every year'\n  \u2022 'Our son "
      "pays nothing'\n\nJoin the conversation (42)\n\nGreenfingersGeoff\n\nWe went through exactly this, and "
      "the letter worked in the end when the neighbour's son came round and cut it himself.\n\n"
      "\u00A9 2029 Herald. All rights reserved.\n";
  const std::string text = all_text(parse_plaintext(story + more + tail, rules()));
  EXPECT_NE(text.find("keep a note of every letter"), std::string::npos) << text;
  EXPECT_EQ(text.find("sister-in-law"), std::string::npos) << text;
  EXPECT_EQ(text.find("letter worked in the end"), std::string::npos) << text;
  // A related link inside the text, with the text going on under it, ends nothing.
  const std::string inline_link = all_text(parse_plaintext(story + "More from Ask Marion\n\n" + more + tail, rules()));
  EXPECT_NE(inline_link.find("keep a note of every letter"), std::string::npos) << inline_link;
}

TEST(ClassifyPageLine, InvitationsToReadMorePostsSupervisorBoxesAndConsentButtonRows) {
  for (const char* line : {"You may also enjoy:", "You might also enjoy", "You might be interested in",
                           "\u0938\u0902\u092C\u0902\u0927\u093F\u0924 \u0916\u092C\u0930\u0947\u0902"})
    EXPECT_EQ(classify(line).rule, "page-related") << line;
  EXPECT_TRUE(classify("You may also enjoy the walk back along the cliffs").rule.empty());
  // A consent banner's buttons in any order; a headline with one of their words stays.
  for (const char* line : {"Accept Reject Manage options", "Allow all Decline Settings", "Reject all Accept all"})
    EXPECT_EQ(classify(line).rule, "page-cookie-consent") << line;
  EXPECT_TRUE(classify("Accept all help offered").rule.empty());
  // A Japanese article's supervisor box: "この記事を監修した薬剤師".
  EXPECT_EQ(classify("\u3053\u306E\u8A18\u4E8B\u3092\u76E3\u4FEE\u3057\u305F\u85AC\u5264\u5E2B").rule, "page-related");
}

TEST(FindTitle, ASectionsWordOverTheBylineLosesToTheHeadlineUnderIt) {
  const std::string page =
      "Live Follow our live coverage of federal parliament\nMenu  Subscribe\nHealth\n"
      "By Lachlan Pereira, National health reporter\n\nWed 14 Mar 2029, 5:45am AEST \u00B7 Updated 9:20am\n\n"
      "Melioidosis cases hit record in north Queensland after wet season floods\n\n"
      "Health authorities are urging people cleaning up after floods to wear gloves and boots, as a soil bacterium "
      "that thrives in muddy water spreads.\n\nShare on Facebook Share on X Copy link 36 comments\n\n"
      "Queensland has recorded its worst melioidosis season on record, with 142 cases since January, most of them "
      "in Townsville and Cairns.\n\nDoctors said hospitals had been treating new patients every day since the "
      "floods went down, many of them people with diabetes.\n\n\u00A9 2029 Current. All rights reserved.\n";
  EXPECT_EQ(parse_plaintext(page, rules()).title,
            "Melioidosis cases hit record in north Queensland after wet season floods");
}

TEST(FindArticleRegion, TheWritersBioEndsTheTextWithTheFurnitureUnderIt) {
  const std::string head =
      "Menu\nHome\nHealth\n\nWhat dense breasts mean for your mammogram\n\n";
  const std::string body =
      "Roughly half of women who get mammograms after 40 have dense breast tissue, and since last year every "
      "clinic in the country must tell them so in the letter that follows their scan.\n\n"
      "Dense tissue is normal and common, but it can hide a tumour on a mammogram and it raises the risk of "
      "breast cancer a little, so some women are offered more imaging.\n\n"
      "If your letter says your breasts are dense, ask your doctor whether an ultrasound or an MRI makes sense "
      "for you, given your own risk and your family history.\n\n";
  const std::string bio =
      "Tessa Whitfield is a health writer in Chicago who covers cancer screening and reproductive health.\n\n";
  const std::string tail =
      "Marigold Health Check\n\nScience-backed answers to your health questions, every Tuesday.\n\n"
      "Your email Sign up\n\nWhy Strength Training Matters Even More After 40\n\nMuscle mass falls with age, and "
      "lifting weights twice a week can slow that down for most people, trainers say.\n\n"
      "\u00A9 2029 Marigold. All rights reserved.\n";
  const std::string text = all_text(parse_plaintext(head + body + bio + tail, rules()));
  EXPECT_NE(text.find("your own risk and your family history"), std::string::npos) << text;
  EXPECT_EQ(text.find("Tessa Whitfield"), std::string::npos) << text;
  EXPECT_EQ(text.find("Science-backed answers"), std::string::npos) << text;
  // A writer's bio with most of the text still under it is the text's own: a profile.
  const std::string profile = all_text(parse_plaintext(head + bio + body + body + tail, rules()));
  EXPECT_NE(profile.find("Tessa Whitfield"), std::string::npos) << profile;
}

TEST(FindTitle, TheTrailsSectionComeBackAsAHeadingOverThePagesSubject) {
  const std::string top =
      "Skip to main content\n\nHealth A-Z\nMedicines A-Z\nSymptom checker\nForums\n\n"
      "Search Sign in Menu\nHome / Health topics / Skin, hair and nails\n\nSkin, hair and nails\n\n";
  const std::string byline = "Authored by Dr Ada Lindqvist, MRCGP\n\nLast updated 3 May 2029\n\n";
  const std::string contents =
      "In this article\n\nWhat is psoriasis?\nPsoriasis symptoms\nPsoriasis treatment\n\nWhat is psoriasis?\n\n";
  const std::string text =
      "Psoriasis is a common long-term skin condition that causes patches of thick, scaly skin, most often "
      "on the elbows, the knees, the scalp and the lower back, and it tends to come and go over the years.\n\n"
      "It is not catching, and it is not caused by poor hygiene. It happens when the immune system makes skin "
      "cells grow and shed much faster than usual.\n\n"
      "Psoriasis symptoms\n\n"
      "The patches can itch or feel sore, and the nails may become pitted or thickened in some people.\n\n"
      "Psoriasis treatment\n\n"
      "Creams and ointments are usually tried first, and light treatment or tablets may follow if they do not help.\n\n"
      "About us\nContact us\n\u00A9 2029 Health Pages Ltd. All rights reserved.\n";
  EXPECT_EQ(parse_plaintext(top + "Psoriasis\n\n" + byline + contents + text, rules()).title, "Psoriasis");
  // A heading that does not name the page's subject stays a deck under the section.
  EXPECT_EQ(parse_plaintext(top + "Patient information\n\n" + byline + contents + text, rules()).title,
            "Skin, hair and nails");
}

TEST(FindTitle, ALabelledNoticeAndItsButtonOverTheSitesMenu) {
  const std::string menu = "Get the app Menu\nSleep\nExplainer \u00B7 6 min read \u00B7 Updated 2 May 2029\n\n";
  const std::string headline = "Why do I wake up at 3am every night?\n\n";
  const std::string text =
      "Waking in the small hours is common, and it usually has more to do with stress, alcohol and light sleep "
      "towards morning than with anything wrong with you. Here is what is going on, and what helps.\n\n"
      "Most people wake briefly several times a night without remembering it. You notice the waking when "
      "something keeps you awake long enough for it to register, such as a racing mind or a full bladder.\n\n"
      "Alcohol in the evening helps you fall asleep but makes the second half of the night lighter and more "
      "broken, so cutting down is one of the simplest things to try first.\n\n"
      "About us\nContact\n\u00A9 2029 Sleepwell Ltd. All rights reserved.\n";
  const std::string notice = "New: the 7-night Sleep Reset course is free for your first week.\n";
  const Article a = parse_plaintext(notice + "Start now\n" + menu + headline + text, rules());
  EXPECT_EQ(a.title, "Why do I wake up at 3am every night?");
  EXPECT_EQ(all_text(a).find("Sleep Reset"), std::string::npos);
  // A short line under the notice that asks nothing of the reader is a heading: the notice stays in the run.
  EXPECT_NE(all_text(parse_plaintext(notice + "Start with sleep\n" + menu + headline + text, rules())).find("Sleep Reset"),
            std::string::npos);
}

// A share row ("Compartir") right over a table of contents ("En esta página",
// "Qué es", "Tipos", ...) opens the text; the list is no link list that ends it (heldout88).
TEST(PageTextEndings, AShareRowOverATableOfContentsEndsNothing) {
  const std::string page = pagetext_fixture("heldout88", "es-es-servicio-de-salud-regional");
  ASSERT_FALSE(page.empty());
  const std::string text = all_text(parse_plaintext(page, rules()));
  EXPECT_NE(text.find("La vejiga almacena la orina"), std::string::npos) << text;
  EXPECT_EQ(text.find("En esta p\u00E1gina"), std::string::npos) << text;
}

TEST(ClassifyPageLine, ConsentSkipLinksAndBylinesInMoreLanguages) {
  EXPECT_EQ(classify("Vi bruger cookies til at f\u00E5 webshoppen til at fungere og til statistik.").kind, PageLineKind::Chrome);
  EXPECT_EQ(classify("K\u00E4yt\u00E4mme sivustolla ev\u00E4steit\u00E4.").kind, PageLineKind::Chrome);
  EXPECT_EQ(classify("U\u017Cywamy plik\u00F3w cookies, aby sklep dzia\u0142a\u0142 poprawnie.").kind, PageLineKind::Chrome);
  // A recipe's name is no banner.
  EXPECT_NE(classify("Cookies med havregryn og rosiner").kind, PageLineKind::Chrome);
  for (const char* skip : {"G\u00E5 til indhold", "Siirry sis\u00E4lt\u00F6\u00F6n", "Przejd\u017A do tre\u015Bci",
                           "\u672C\u6587\u3078\u79FB\u52D5"})
    EXPECT_EQ(classify(skip).kind, PageLineKind::Chrome) << skip;
  EXPECT_EQ(classify("Teksti: Aino Rautavaara, terveystoimittaja \u00B7 Asiantuntijana hammasl\u00E4\u00E4k\u00E4ri").kind,
            PageLineKind::Meta);
  EXPECT_EQ(classify("Af gartner Mette Holm-S\u00F8rensen \u00B7 26. februar 2030").kind, PageLineKind::Meta);
  // A full-width bar of links.
  EXPECT_EQ(classify("\u30DB\u30FC\u30E0\uFF5C\u6885\u4ED5\u4E8B\uFF5C\u6669\u3054\u306F\u3093").kind,
            PageLineKind::Chrome);
  EXPECT_EQ(classify("N\u00F6dv\u00E4ndiga kakor g\u00F6r att webbplatsen fungerar. Vill du ocks\u00E5 till\u00E5ta "
                     "statistikkakor?").kind,
            PageLineKind::Chrome);
  EXPECT_EQ(classify("Ch\u00FAng t\u00F4i s\u1EED d\u1EE5ng cookie \u0111\u1EC3 c\u1EA3i thi\u1EC7n tr\u1EA3i "
                     "nghi\u1EC7m.").kind,
            PageLineKind::Chrome);
  EXPECT_EQ(classify("G\u00E5 direkt till inneh\u00E5llet").kind, PageLineKind::Chrome);
  EXPECT_EQ(classify("9 de octubre de 2028 - 10:15 a. m.").kind, PageLineKind::Meta);
  // A lone initial's stop ends no sentence; an initialism's may.
  EXPECT_EQ(classify("H. pylori infection: what patients should know").kind, PageLineKind::Short);
}

// A blog's name and its tagline of one sentence over the headline and its
// date: the text starts under the headline. A list's item that goes on its
// lead-in in lowercase is no tagline, nor is a writer's name and role a headline.
TEST(FindTitle, ABlogsShortTaglineOverTheHeadline) {
  const std::string body =
      "Every February the same messages start doing the rounds in our staff group: withdraw from your savings pot "
      "now, before the rules change, and pay off the credit card while you can.\n\n"
      "I have now let four tax years go by without touching mine, and this is why, in plain numbers.\n\n"
      "A withdrawal is added to your income for the year and taxed at your marginal rate.\n\n"
      "About\nRSS\n\u00A9 2028 Slow Rand.\n";
  const std::string top = "Slow Rand \u2014 About RSS Newsletter\n\n";
  const Article a = parse_plaintext(top + "Money notes from a teacher who would rather be boring than broke.\n\n"
                                    "Why I left my savings pot alone (again)\n\nPublished on February 16, 2028\n\n" + body,
                                    rules());
  EXPECT_EQ(a.title, "Why I left my savings pot alone (again)");
  EXPECT_EQ(all_text(a).find("boring than broke"), std::string::npos) << all_text(a);
  const Article b = parse_plaintext(top + "Money notes from a teacher who would rather be boring than broke.\n\n"
                                    "Thandi Mokoena Personal finance writer\n\nPublished on February 16, 2028\n\n" + body,
                                    rules());
  EXPECT_NE(all_text(b).find("boring than broke"), std::string::npos) << all_text(b);
}

// A question at the top of the run is a headline, not a picture's caption,
// whatever stands under it (the answerer's byline and role).
TEST(FindTitle, ACaptionOverALabelADateAndTheHeadline) {
  const std::string menu = "\u2022 Features\n\u2022 Outdoors\n\u2022 Science\n\u2022 Travel\n\n";
  const std::string caption = "A male k\u0101k\u0101p\u014D on the island. Every bird wears a small transmitter.\n\n";
  const std::string top = "Feature\n\nFrom our November 2028 issue\n\nThe parrot that waits for the trees\n\n"
                          "K\u0101k\u0101p\u014D breed only when the rimu fruits heavily.\n\nWords by Lucy Tamihana\n\n";
  const std::string body =
      "The first sound is not a call at all but a pressure, a low thrum you feel in your chest before you hear it, "
      "rolling down the ridge in the dark.\n\n"
      "Male birds gather on ridgetops and boom for hours, night after night, through the breeding season, while the "
      "rangers listen from their tents below.\n\n"
      "In 1995 the count reached its lowest point, and every bird alive today has a name.\n\n"
      "About us\nContact\n\u00A9 2028 Wild Country. All rights reserved.\n";
  const Article a = parse_plaintext(menu + caption + top + body, rules());
  EXPECT_EQ(a.title, "The parrot that waits for the trees");
  EXPECT_EQ(all_text(a).find("transmitter"), std::string::npos) << all_text(a);
}

TEST(ClassifyPageLine, ADateThenTheWritersBareName) {
  EXPECT_EQ(classify("July 28, 2027 \u00B7 Lise Bergeron \u00B7 3 responses").kind, PageLineKind::Meta);
  EXPECT_EQ(classify("4 March 2029 | \u00C9lodie Marchand").kind, PageLineKind::Meta);
  // A date over a row of sections names no one.
  EXPECT_NE(classify("July 28, 2027 \u00B7 Money \u00B7 Housing \u00B7 3 responses").kind, PageLineKind::Meta);
  // Nor does a name after sections, without the date first.
  EXPECT_NE(classify("Housing \u00B7 Rent \u00B7 Lise Bergeron \u00B7 3 responses").kind, PageLineKind::Meta);
}

const std::string kRentalPost =
    "Fake listings spike every August as students hunt for a place to live. Here are the warning signs.\n\n"
    "July 28, 2027 \u00B7 Lise Bergeron \u00B7 3 responses\n\n"
    "Last week a reader emailed me in a panic. He had found a lovely one-bedroom near campus, well under market "
    "rent, and the landlord was working overseas but happy to courier the keys once the deposit arrived.\n\n"
    "Rental scams are not new, but they get busier every summer, when students are searching from a distance "
    "and feel pressure to lock something in. Most of them follow the same script.\n\n"
    "See the unit in person, or have someone you trust see it for you, before any money changes hands.\n\n"
    "Archive\nAbout\n\u00A9 2027 The Money Desk. All rights reserved.\n";

// A blog's tagline, a paragraph of its own, opens the run; the blog's button
// stands between it and the headline, with the post's byline under its standfirst (heldout87).
TEST(FindTitle, ABlogsTaglineAndButtonOverTheHeadline) {
  const std::string top = "The Money Desk\n\nPlain-language money advice for students and new grads, from a former "
                          "credit union advisor.\n\n";
  const std::string headline = "How to spot a rental scam before you send a deposit\n\n";
  const Article a = parse_plaintext(top + "Subscribe by email\n\n" + headline + kRentalPost, rules());
  EXPECT_EQ(a.title, "How to spot a rental scam before you send a deposit");
  EXPECT_EQ(all_text(a).find("Plain-language"), std::string::npos) << all_text(a);
  // Without a button between, the paragraph is no tagline: a heading under it is no headline of the run.
  const Article b = parse_plaintext(top + "A note from the editor\n\n" + kRentalPost, rules());
  EXPECT_NE(all_text(b).find("Plain-language"), std::string::npos) << all_text(b);
}

// A headline over its standfirst, the columnist's name twice as links, her
// role and the date: the standfirst is no tagline, the role no headline (heldout77).
TEST(FindTitle, AStandfirstOverTheWritersLinksIsNoTagline) {
  const std::string menu = "\u2022 News\n\u2022 Sport\n\u2022 Lifestyle\n\u2022 Puzzles\n\n";
  const std::string head = "My neighbour's hedge has stolen all the light from my garden\n\n"
                           "A reader wants her garden back without starting a war next door. Marion has a plan.\n\n"
                           "Marion Pike\n\nMarion Pike\n\nAdvice columnist\n\nSaturday 21 April 2029 7:00 am\n\n";
  const std::string body =
      "Dear Marion, when we moved into our house eight years ago, the hedge next door was shoulder height. It is "
      "now taller than the house, and from October to March the garden gets no sun at all.\n\n"
      "Please put the chainsaw down. The high hedge rules let your council step in when a hedge blocks light, "
      "but only after you have tried to settle it with your neighbours.\n\n"
      "Write to them first, kindly, and keep a copy of the letter.\n\n"
      "About us\nContact\n\u00A9 2029 The Daily Ledger. All rights reserved.\n";
  EXPECT_EQ(parse_plaintext(menu + head + body, rules()).title,
            "My neighbour's hedge has stolen all the light from my garden");
}

// The blog's name opens the page (first in its menu) and comes back over its
// tagline: the line under the tagline is the headline, not its deck (heldout87).
TEST(FindTitle, ABlogsNameBackOverItsTagline) {
  const std::string menu = "\u2022 Small Ears, Big World\n\u2022 About\n\u2022 Archive\n\u2022 Subscribe via RSS\n\n";
  const std::string body =
      "Glue ear, grommets and us: what I wish I had known\n\n9 March 2027 \u00B7 7 min read\n\n"
      "This time last year, Isla was two and a half and had, as far as we could tell, stopped listening to us. "
      "She turned the television up and said what a lot.\n\n"
      "Glue ear is when the middle ear, the space behind the eardrum, fills with fluid instead of air. It is very "
      "common in small children and usually clears up by itself within three months.\n\n"
      "Our GP told us to wait and watch, and to come back if things were no better after that.\n\n"
      "Archive\nAbout\n\u00A9 2027 Small Ears, Big World.\n";
  const std::string tagline = "Notes from a Bristol family on toddlers, hearing and the NHS\n\n";
  EXPECT_EQ(parse_plaintext(menu + "Small Ears, Big World\n\n" + tagline + body, rules()).title,
            "Glue ear, grommets and us: what I wish I had known");
  // A section's name from the menu is no blog's name: the line under it is the headline, and the one under that its deck.
  const std::string sections = "Small Ears\n\u2022 Hearing\n\u2022 Speech\n\u2022 Sleep\n\n";
  EXPECT_EQ(parse_plaintext(sections + "\u2022 Hearing\n\n" + tagline + body, rules()).title,
            "Notes from a Bristol family on toddlers, hearing and the NHS");
}

}  // namespace
}  // namespace readaloud
