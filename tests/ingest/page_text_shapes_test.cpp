// Whole-page text in shapes met on blind fixture parts
// (tests/fixtures/pagetext/heldout8-10): each rule on a small dump of its
// own, with a near miss beside it.
#include <gtest/gtest.h>

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

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

constexpr std::string_view kMenu =
    "Skip to main content\nWexbury District Council\nSearch this website\n  \xE2\x80\xA2 Bins and recycling\n"
    "  \xE2\x80\xA2 Council tax\n  \xE2\x80\xA2 Housing\n  \xE2\x80\xA2 Planning\n  \xE2\x80\xA2 Roads and "
    "parking\n\n";

constexpr std::string_view kArticle =
    "Flooding can happen quickly and with little warning, and a few simple steps taken now keep your family safe.\n\n"
    "Find out if you are at risk\n\n"
    "More than six thousand homes in the district lie in areas at risk of flooding from rivers or heavy rain.\n\n"
    "Even a home that has never flooded can be reached by water when drains overflow after a summer storm.\n\n"
    "\xC2\xA9 Wexbury District Council. All rights reserved.\n";

TEST(PageTextShapes, TheArticleBeginsUnderABreadcrumbBelowASiteBanner) {
  // A site-wide banner of a sentence or two above the breadcrumb is no part of the article.
  const std::string numbered =
      std::string(kMenu) +
      "Weather warning: a yellow warning for heavy rain is in place for the district until 6am on Thursday.\n\n"
      " 1. Home\n 2. Emergencies and safety\n 3. Flooding\n\nPrepare for flooding\n\n" + std::string(kArticle);
  const Article a = parse_plaintext(numbered, rules());
  EXPECT_EQ(a.title, "Prepare for flooding");
  EXPECT_FALSE(has(all_text(a), "yellow warning")) << all_text(a);

  const std::string one_line =
      std::string(kMenu) +
      "Need urgent help? If you feel you might harm yourself, call emergency services or go to your nearest A&E.\n\n"
      "Home / Emergencies and safety / Flooding\n\nPrepare for flooding\n\n" + std::string(kArticle);
  const Article b = parse_plaintext(one_line, rules());
  EXPECT_EQ(b.title, "Prepare for flooding");
  EXPECT_FALSE(has(all_text(b), "Need urgent help")) << all_text(b);
}

TEST(PageTextShapes, ASectionOfTheBreadcrumbIsNoHeadline) {
  // "Medicines A to Z" is the trail's third item and labels the page; the
  // headline is the trail's last item, above a type line of short items.
  const std::string page =
      std::string(kMenu) +
      " 1. Home\n 2. Health Hub\n 3. Medicines A to Z\n 4. L\n 5. Loratadine\n\n"
      "Medicines A to Z\n\nLoratadine\n\nAntihistamine \xC2\xB7 Tablets and liquid\n\n"
      "Reviewed by Jo Roe, MPharm \xC2\xB7 Last reviewed 4 September 2026\n\n"
      "Loratadine is an antihistamine medicine that relieves the symptoms of allergies such as hay fever and hives.\n\n"
      "It is much less likely to make you feel sleepy than older antihistamines, so most people take it in the morning.\n\n"
      "You can buy most types from pharmacies and supermarkets without a prescription.\n";
  EXPECT_EQ(parse_plaintext(page, rules()).title, "Loratadine");
}

TEST(PageTextShapes, KoreanBylineAndDottedDateMarkTheHeadline) {
  // The reporter line ("NAME 기자") and "입력 2026.11.24 10:15" sit under the
  // headline; the subheading under the tool row is no title.
  const std::string page =
      std::string(kMenu) +
      "\xEA\xB1\xB4\xEA\xB0\x95\xEC\x83\x9D\xED\x99\x9C\n\n"  // section label
      "\xEB\xAF\xB8\xEC\x84\xB8\xEB\xA8\xBC\xEC\xA7\x80 \xEC\x8B\xAC\xED\x95\x9C \xEB\x82\xA0 "
      "\xEC\x9A\xB4\xEB\x8F\x99\xED\x95\xB4\xEB\x8F\x84 \xEB\x90\xA0\xEA\xB9\x8C\n\n"  // headline
      "\xEA\xB9\x80\xEC\x84\x9C\xEC\xA7\x84 \xEA\xB8\xB0\xEC\x9E\x90\n"  // reporter
      "\xEC\x9E\x85\xEB\xA0\xA5 2026.11.24 10:15\n\n"
      "\xEC\xB4\x88\xEB\xAF\xB8\xEC\x84\xB8\xEB\xA8\xBC\xEC\xA7\x80 \xEB\x82\x98\xEC\x81\xA8 "
      "\xEC\x9D\xB4\xEC\x83\x81\xEC\x9D\xB4\xEB\xA9\xB4 \xEC\x8B\xA4\xEB\x82\xB4\xEC\x97\x90\xEC\x84\x9C\n\n"  // subheading
      + std::string(kArticle);
  EXPECT_EQ(parse_plaintext(page, rules()).title,
            "\xEB\xAF\xB8\xEC\x84\xB8\xEB\xA8\xBC\xEC\xA7\x80 \xEC\x8B\xAC\xED\x95\x9C \xEB\x82\xA0 "
            "\xEC\x9A\xB4\xEB\x8F\x99\xED\x95\xB4\xEB\x8F\x84 \xEB\x90\xA0\xEA\xB9\x8C");
}

TEST(PageTextShapes, ABackLinkWithAnArrowAndAFollowRowAreNoHeadlines) {
  const std::string page =
      std::string(kMenu) + "Follow on Tunebox PodWave RSS feed\n\n\xE2\x86\x90 Back to Hip and Knee Replacement\n\n"
      "Six months after my knee replacement\n\n" + std::string(kArticle);
  EXPECT_EQ(parse_plaintext(page, rules()).title, "Six months after my knee replacement");
}

TEST(PageTextShapes, AHeadlineEndingInAnAbbreviationOverItsDeck) {
  // The headline's only stops are "p.m." and "a.m."; a deck wrapped over two
  // lines and a dated byline follow it.
  const std::string page =
      "The Second Wind\nHome Posts Recommendations About\nLogin Subscribe\nSleep\n\n"
      "Your 2 p.m. coffee might be why you're awake at 3 a.m.\n\n"
      "What caffeine's long tail means for your sleep, and a two-week experiment to\ntry\n\n"
      "Author\nDelphine Araujo December 04, 2026\n\n"
      "A reader wrote in last month with a question I suspect many of you share, about coffee and waking at three.\n\n"
      "He sleeps badly, he has cut out evening coffee completely, and he still wakes at three most nights.\n\n"
      "His last cup is at two in the afternoon. Surely, he asked, that has worn off by midnight?\n\n"
      "\xC2\xA9 2026 The Second Wind. All rights reserved.\n";
  EXPECT_EQ(parse_plaintext(page, rules()).title, "Your 2 p.m. coffee might be why you're awake at 3 a.m.");
}

TEST(PageTextShapes, PolishAndRussianEndMarkersCloseTheArticle) {
  const std::string top = std::string(kMenu) + "Prepare for flooding\n\n" + std::string(kArticle).substr(0, 400) + "\n\n";
  const std::string end = "\xC2\xA9 2026 Wrzos24. Wszelkie prawa zastrzeżone.\n";
  // A comment count ends the article, whatever prose follows.
  const Article pl = parse_plaintext(top + "Komentarze (17)\n\n"
                                           "Gram w zespole od 15 lat i dopiero od dwóch lat używam zatyczek na każdym koncercie.\n\n" + end,
                                     rules());
  EXPECT_FALSE(has(all_text(pl), "zatyczek")) << all_text(pl);
  // "Other news of the «Health» section" over a list of headlines; a closing
  // guillemet after its opening one is no promo link.
  const Article ru = parse_plaintext(
      top + "\xD0\x94\xD1\x80\xD1\x83\xD0\xB3\xD0\xB8\xD0\xB5 \xD0\xBD\xD0\xBE\xD0\xB2\xD0\xBE\xD1\x81\xD1\x82\xD0\xB8 "
            "\xC2\xAB\xD0\x97\xD0\xB4\xD0\xBE\xD1\x80\xD0\xBE\xD0\xB2\xD1\x8C\xD0\xB5\xC2\xBB\n\n"
            "  \xE2\x80\xA2 03.12.2026 New day ward opens\n  \xE2\x80\xA2 02.12.2026 Flu jabs reach 41 percent\n"
            "  \xE2\x80\xA2 01.12.2026 Four new ambulances\n\n" + end,
      rules());
  EXPECT_FALSE(has(all_text(ru), "ambulances")) << all_text(ru);
}

// Paragraphs wrapped at 80 columns, as a text browser dumps them.
const std::string kWrappedText =
    "Lakeport will install automated external defibrillators in all 86 of its subway\n"
    "stations by next summer, transit and health officials said Thursday, after a\n"
    "study found that cardiac arrests underground end in death far more often.\n\n";

TEST(PageTextShapes, ALineJoinsTheNextOnlyWhenItsFirstWordWouldNotHaveFitted) {
  // An 80-column dump: the byline row stops short of the width although it is
  // long (the next word, "Listen", would have fitted), so the tool row under
  // it stays a line of its own and goes; the paragraphs' lines do join.
  const std::string& para = kWrappedText;
  const std::string page = std::string(kMenu) + "Lakeport to put defibrillators in every subway station\n\n"
                           "By Marisol Ng-Haddad Staff Writer Updated Nov. 13, 2026, 6:00 a.m.\n"
                           "Listen to this article Listen \xC2\xB7 5 min Gift this article Share 57 Comments\n\n" +
                           para + para + para + "\xC2\xA9 2026 The Lakeport Sentinel. All rights reserved.\n";
  const Article a = parse_plaintext(page, rules());
  EXPECT_EQ(a.title, "Lakeport to put defibrillators in every subway station");
  EXPECT_FALSE(has(all_text(a), "Gift this article")) << all_text(a);
  EXPECT_TRUE(has(all_text(a), "86 of its subway stations by next summer")) << all_text(a);
}

TEST(PageTextShapes, AHeadlineInTheMostReadListAndTheReportersRoleUnderIt) {
  // The headline comes back in a most-read list at the foot: no contents
  // item for it. The correspondent's role under the name is no headline.
  const std::string page =
      std::string(kMenu) + "  \xE2\x80\xA2 England\n  \xE2\x80\xA2 Local News\n\n"
      "Hospitals trial quiet hours to help patients sleep\n\nHelen Osei-Baptiste\n"
      "Health correspondent, WBS Tarrow Valley\n\nPublished2 hours ago\n\n" + std::string(kArticle) +
      "\nMost read\n\n 1. Ferry passengers stranded overnight\n 2. Hospitals trial quiet hours to help patients sleep\n"
      " 3. Man, 82, passes driving test\n\n\xC2\xA9 2026 WBS\n";
  EXPECT_EQ(parse_plaintext(page, rules()).title, "Hospitals trial quiet hours to help patients sleep");
}

TEST(PageTextShapes, AWrappedHeadlineOverALongStandfirstAndAPermalinkMark) {
  const std::string press =
      std::string(kMenu) +
      "Halvergate Diagnostics Opens Enrollment for 4,000-Person Study of At-Home\nKidney Test\n\n"
      "Adults with diabetes or high blood pressure can join at 22 community pharmacies\n"
      "in Oregon and Washington; the study will compare a finger-prick test with\nstandard laboratory results\n\n"
      "Halvergate Diagnostics logo (PLWfoto/Halvergate Diagnostics)\n\nNews provided by\n\nHalvergate Diagnostics\n"
      "Dec 03, 2026, 08:00 ET\n\n" + kWrappedText + kWrappedText + kWrappedText;
  EXPECT_EQ(parse_plaintext(press, rules()).title,
            "Halvergate Diagnostics Opens Enrollment for 4,000-Person Study of At-Home Kidney Test");
  const std::string docs = std::string(kMenu) + "Hypothermia\xC2\xB6\n\n" + std::string(kArticle);
  EXPECT_EQ(parse_plaintext(docs, rules()).title, "Hypothermia");
}

TEST(PageTextShapes, ASwedishConsentBannerAndAFollowButton) {
  const std::string page =
      "Vi v\xC3\xA4rnar om din integritet\n\nLjungsala Tidning och v\xC3\xA5ra 142 partner anv\xC3\xA4nder kakor "
      "och liknande tekniker f\xC3\xB6r att visa annonser och m\xC3\xA4ta trafiken p\xC3\xA5 sajten.\n\n" +
      std::string(kMenu) + "The 20-20-20 rule is not enough for tired eyes at work\n\nMarisol Dunleavy, RN\n"
      "Published Dec 2, 2026\n\n+ Follow\n\n" + std::string(kArticle);
  const Article a = parse_plaintext(page, rules());
  EXPECT_EQ(a.title, "The 20-20-20 rule is not enough for tired eyes at work");
  EXPECT_FALSE(has(all_text(a), "kakor")) << all_text(a);
}

TEST(PageTextShapes, ConsentFollowUpVideoQueueAndSeriesLabelsAreNoHeadlines) {
  const std::string page =
      "We value your privacy\n\nWe and our 847 partners store and/or access information on a device, such as cookies.\n\n"
      "You can change your choices at any time by clicking Privacy settings at the bottom of any page.\n\n" +
      std::string(kMenu) + "Health\n\nPart of our series Body Basics\n\n"
      "Why a fever makes you shiver when you are already hot\n\nShare Post WhatsApp Comments\n\n"
      "Your browser does not support HTML5 video.\n\nUp Next: Driver films huge flock of geese stopping traffic\n\n" +
      std::string(kArticle);
  const Article a = parse_plaintext(page, rules());
  EXPECT_EQ(a.title, "Why a fever makes you shiver when you are already hot");
  EXPECT_FALSE(has(all_text(a), "Privacy settings")) << all_text(a);
  EXPECT_FALSE(has(all_text(a), "geese")) << all_text(a);
}

TEST(PageTextShapes, AJapanesePortalsDatelineAndPhotoCredit) {
  const std::string headline = "\xE5\x86\xAC\xE3\x81\x93\xE3\x81\x9D\xE8\x84\xB1\xE6\xB0\xB4\xE3\x81\xAB"
                               "\xE6\xB3\xA8\xE6\x84\x8F";  // 冬こそ脱水に注意
  const std::string page =
      std::string(kMenu) + headline + "\n\n\xE5\x8C\x97\xE9\x83\xBD\xE6\x96\xB0\xE5\xA0\xB1 12/6 7:05"
      "\xE9\x85\x8D\xE4\xBF\xA1\n\n  \xE2\x80\xA2 Share\n  \xE2\x80\xA2 LINE\n\n"
      "\xE6\x9A\x96\xE6\x88\xBF\xE3\x81\xAE\xE9\x83\xA8\xE5\xB1\x8B\n"  // the picture's alt text
      "\xEF\xBC\x88\xE5\x86\x99\xE7\x9C\x9F\xEF\xBC\x9A\xE5\x8C\x97\xE9\x83\xBD\xE6\x96\xB0\xE5\xA0\xB1"
      "\xEF\xBC\x89\n\n" + std::string(kArticle);  // （写真：北都新報）
  EXPECT_EQ(parse_plaintext(page, rules()).title, headline);
}

TEST(PageTextShapes, AGovernmentBannerAnAdLabelAndARegionLabelAreNoHeadlines) {
  const std::string page =
      "U.S. flag\nAn official website of the United States government\nHere's how you know\n"
      "Official websites use .gov\n\nA .gov website belongs to an official government organization in the United States.\n\n" +
      std::string(kMenu) + "Your local news: TPB Mildura Change location\n\nADVERTISEMENT - CONTINUE READING BELOW\n\n"
      "Vale do Ita\xC3\xBAna\n\nCalor extremo: m\xC3\xA9" "dicos alertam para risco em idosos no Vale do Ita\xC3\xBAna\n\n" +
      std::string(kArticle);
  const Article a = parse_plaintext(page, rules());
  EXPECT_EQ(a.title, "Calor extremo: m\xC3\xA9" "dicos alertam para risco em idosos no Vale do Ita\xC3\xBAna");
  EXPECT_FALSE(has(all_text(a), ".gov website")) << all_text(a);
}

TEST(PageTextShapes, ATitleCaseHeadlineOfTwoSentences) {
  const std::string page =
      "WriteSign upSign in\nThe BacklogFollow publication\n\nMember-only story\n\n"
      "We Stopped Estimating in Hours. Here's What Happened.\n\nHana Okafor-Lind\n\xC2\xB7\n\nFollow\n\n"
      "6 min read\n\xC2\xB7\nMar 11, 2026\n\n--\n\nListen\n\nShare\n\n"
      "For three years, every planning meeting on my team ended the same way, with a number nobody believed.\n\n"
      "We weren't bad at our jobs, and we shipped a lot, but our estimates were wrong by a factor of two or three.\n\n"
      "The deeper problem is that most of the uncertainty in software isn't in the typing but in what you don't know.\n";
  EXPECT_EQ(parse_plaintext(page, rules()).title, "We Stopped Estimating in Hours. Here's What Happened.");
}

TEST(PageTextShapes, TheHeadlineWinsOverTheBreadcrumbItOpensWith) {
  const std::string page =
      std::string(kMenu) + "Accueil\nMaladies\nAllergies\nAllergie aux acariens\n\nAllergies\n\n"
      "Allergie aux acariens : les symptômes et les bons gestes\n\n"
      "Les acariens vivent dans la poussière de maison et se nourrissent de squames de peau humaine, surtout au lit.\n\n"
      "Nez qui coule au réveil, éternuements à répétition et yeux qui piquent sont les signes les plus fréquents.\n\n"
      "Aérer la chambre chaque jour et laver les draps à soixante degrés réduit nettement leur nombre.\n";
  EXPECT_EQ(parse_plaintext(page, rules()).title, "Allergie aux acariens : les symptômes et les bons gestes");
}

TEST(PageTextShapes, AnImagesAltTextOverItsCaptionIsNoHeadline) {
  const std::string page =
      std::string(kMenu) + "Home > News > Local News\n\n"
      "Library fines scrapped in Westmere to win back lost readers\n\n"
      "Hannah DriscollLocal Democracy Reporter05:00, 14 OCT 2026Updated 09:26, 14 OCT 2026\n"
      "Facebook X WhatsApp Email Comments (37)\n"
      "Westmere Central Library on Abbey Street\n"
      "Westmere Central Library on Abbey Street is one of 14 branches affected (Image: Westmere Post / Colin Raff)\n\n"
      "People in Westmere will no longer be charged for returning library books late, after the council voted.\n\n"
      "The change comes into force on November 1 and also covers audiobooks, DVDs and toys from the toy library.\n\n"
      "Councillor Joanne Pryce said the decision was about fairness for families who had stopped visiting.\n";
  const Article a = parse_plaintext(page, rules());
  EXPECT_EQ(a.title, "Library fines scrapped in Westmere to win back lost readers");
  EXPECT_TRUE(has(all_text(a), "about fairness")) << all_text(a);
}

TEST(PageTextShapes, ShareRowsOfNetworkNamesAndGluedDeskBylines) {
  EXPECT_EQ(classify("Facebook X WhatsApp Email Comments (37)").kind, PageLineKind::Chrome);
  EXPECT_EQ(classify("Share: Facebook WhatsApp Email Copy link").kind, PageLineKind::Chrome);
  // Two names in a sentence are text.
  EXPECT_NE(classify("Facebook and X both removed the post after a day.").kind, PageLineKind::Chrome);
  // A byline rule's hit is dropped as junk.
  EXPECT_EQ(classify("Hannah DriscollLocal Democracy Reporter05:00, 14 OCT 2026Updated 09:26, 14 OCT 2026").kind,
            PageLineKind::Junk);
  EXPECT_EQ(classify("The reporter said on 14 October 2026 that the council had agreed.").kind, PageLineKind::Prose);
}

TEST(PageTextShapes, ACommentCountInTheToolRowEndsNothingATagListEndsTheArticle) {
  const std::string page =
      std::string(kMenu) + "Drought\n\nHosepipe ban to begin on Friday for 2.1m homes\n\n"
      "Corin Maddox Environment correspondent\n\nWed 29 Jul 2026 17.42 BST\n\n"
      "  \xE2\x80\xA2 Share on Facebook\n  \xE2\x80\xA2 Share on X\n  \xE2\x80\xA2 Copy link\n\n214 comments\n\n"
      "More than two million households across the north-west will be banned from using hosepipes from Friday.\n\n"
      "The water company said the ban, the first in the region for 14 years, would apply to three counties.\n\n"
      "Customers who break the rules could face a fine, although the company expects few cases to reach court.\n\n"
      "Topics\n\nDrought\nUtilities\nNorth-west England\n\n"
      "We have a small favour to ask\n\n"
      "Millions of people turn to the Ledger every month for open, independent reporting on the places we live.\n\n"
      "Support us monthly Make a single contribution\n";
  const std::string text = all_text(parse_plaintext(page, rules()));
  EXPECT_TRUE(has(text, "first in the region")) << text;
  EXPECT_TRUE(has(text, "few cases to reach court")) << text;
  EXPECT_FALSE(has(text, "Utilities")) << text;
  EXPECT_FALSE(has(text, "small favour")) << text;
}

TEST(PageTextShapes, PricesRatingsCaptionCreditsAndReviewersAreNoHeadline) {
  const std::string product =
      std::string(kMenu) + "Brightwell Hay Fever Relief 10mg Tablets - 30 Tablets\n\n"
      "\xE2\x98\x85\xE2\x98\x85\xE2\x98\x85\xE2\x98\x85\xE2\x98\x86 4.6 (212 reviews) Write a review\n"
      "\xC2\xA3" "3.49 \xC2\xA3" "0.12 per 1 tablet\n\n"
      "These tablets relieve sneezing, a runny nose and itchy eyes caused by hay fever and other allergies.\n\n"
      "Adults and children aged 12 and over take one tablet a day, with or without food, and with a drink of water.\n";
  EXPECT_EQ(parse_plaintext(product, rules()).title, "Brightwell Hay Fever Relief 10mg Tablets - 30 Tablets");

  const std::string french =
      std::string(kMenu) + "Mal de dos : les bons gestes pour soulager une lombalgie\n\n"
      "Relu par le Dr Étienne Marchal, rhumatologue\n\n"
      "Partager : Facebook X Pinterest E-mail Ajouter aux favoris\n\n"
      "Dans la plupart des cas, une lombalgie disparaît en quelques semaines. \xC2\xA9 Phototh\xC3\xA8que Lumen / M. Roux\n\n"
      "Une lombalgie aiguë guérit le plus souvent en quelques semaines, et rester actif aide à récupérer plus vite.\n\n"
      "Le repos au lit prolongé retarde la guérison et augmente le risque que la douleur dure plusieurs mois.\n";
  EXPECT_EQ(parse_plaintext(french, rules()).title, "Mal de dos : les bons gestes pour soulager une lombalgie");
}

TEST(PageTextShapes, AHomeCareSectionInAContentsListIsNoBreadcrumb) {
  const std::string page =
      std::string(kMenu) + "Croup in Children: Symptoms and Home Care\n\n"
      "Croup causes a barking cough and a harsh sound when breathing in, and most children get better at home.\n\n"
      "In this article\n\n1. What is croup?\n2. Symptoms\n3. Home care\n4. When to see a doctor\n\n"
      "What is croup?\n\n"
      "Croup is an infection of the voice box and windpipe, usually caused by a virus, in children under six.\n\n"
      "The swelling it causes narrows the airway, which gives the cough its bark and the breathing its noise.\n";
  EXPECT_EQ(parse_plaintext(page, rules()).title, "Croup in Children: Symptoms and Home Care");
}

TEST(PageTextShapes, EditorsLinesAndAffiliateNotesAreNotText) {
  EXPECT_NE(classify("Edited by Rowan Fairlie Updated 2 minutes ago").kind, PageLineKind::Prose);
  EXPECT_NE(classify("Edited by Rowan Fairlie Updated 2 minutes ago").kind, PageLineKind::Short);
  EXPECT_NE(classify("We may earn commission from links on this page, but we only recommend products we back.").kind,
            PageLineKind::Prose);
  EXPECT_EQ(classify("The edited version of the guidance was updated two minutes after the meeting.").kind,
            PageLineKind::Prose);
}

TEST(PageTextShapes, ACharitysRegistrationLineIsFooter) {
  EXPECT_EQ(classify("The Bramble Kidney Trust is a registered charity in England and Wales (1160842) and Scotland "
                     "(SC048211).")
                .kind,
            PageLineKind::Chrome);
  EXPECT_EQ(classify("Many people on dialysis work for a charity in their spare time.").kind, PageLineKind::Prose);
}

TEST(PageTextShapes, ChineseNewsCreditsAndReaderPromptsAreNotText) {
  EXPECT_NE(classify("\u56fe\u7247\u6765\u6e90\uff1a\u5357\u5ddd\u5065\u5eb7\u62a5\u8d44\u6599\u56fe").kind, PageLineKind::Prose);
  EXPECT_NE(classify("\uff08\u8d23\u4efb\u7f16\u8f91\uff1a\u738b\u857e\uff09").kind, PageLineKind::Prose);
  EXPECT_NE(classify("\u00bfHas encontrado un error? Comun\u00edcanoslo").kind, PageLineKind::Prose);
  EXPECT_NE(classify("$49 at Marketly $52 at PharmaPlus").kind, PageLineKind::Prose);
  EXPECT_NE(classify("Get the next letter from The Waiting Room in your inbox every Thursday.").kind,
            PageLineKind::Prose);
  // Near misses: prose that names a picture, an error or a price.
  EXPECT_EQ(classify("The error in the first report was found by a reader, who wrote to the paper on Monday.").kind,
            PageLineKind::Prose);
  EXPECT_EQ(classify("A basic model costs about $20 at most pharmacies, and the dearer ones add little.").kind,
            PageLineKind::Prose);
}

TEST(PageTextShapes, ABackLinkAndAnAuthorsRoleAreNoHeadline) {
  const std::string dump = std::string(kMenu) +
                           "Back to Health A to Z\n\nFlood safety at home\n\nAnswered by Jo Roe, MPharm\n\n"
                           "Pharmacist manager, Corbel Pharmacy Hexley Road\n\n" + std::string(kArticle);
  const Article a = parse_plaintext(dump, rules());
  EXPECT_EQ(a.title, "Flood safety at home");
}

TEST(PageTextShapes, ToolRowsAuthorPhotosAndTimeFirstDatesLieUnderTheHeadline) {
  const std::string dump = std::string(kMenu) +
                           "Is it flooding or a burst main? What residents should know\n\n"
                           "[jo-roe]\nJo Roe Health Reporter\n06:00, 2 DEC 2026 Updated 11:47, 2 DEC 2026\n\n"
                           "  \u2022 Share\n  \u2022 Email\n  \u2022 Print\n  \u2022 Save\n\n" + std::string(kArticle);
  const Article a = parse_plaintext(dump, rules());
  EXPECT_EQ(a.title, "Is it flooding or a burst main? What residents should know");
  EXPECT_NE(classify("Jo Roe Health Reporter").kind, PageLineKind::Prose);
  EXPECT_EQ(classify("Jo Roe worked as a health reporter for ten years before she joined the council.").kind,
            PageLineKind::Prose);
}

TEST(PageTextShapes, LiveBoxesPollsAndJapaneseChromeAreNotText) {
  for (const char* junk : {"LIVE Storm Ilse: latest updates", "11:32 River Kes expected to peak this evening",
                           "( ) Yes, it will help ( ) No, it should be a choice",
                           "This poll is not scientific and reflects the views of readers who took part.",
                           "\u76e3\u4fee\uff1a\u685c\u5ddd\u4e2d\u592e\u75c5\u9662", "\u3042\u308f\u305b\u3066\u8aad\u307f\u305f\u3044"})
    EXPECT_NE(classify(junk).kind, PageLineKind::Prose) << junk;
  EXPECT_EQ(classify("Live music helps some patients relax before surgery, the study found.").kind, PageLineKind::Prose);
  EXPECT_EQ(classify("At 11:32 the river reached its highest level since records began in 1920.").kind,
            PageLineKind::Prose);
}

TEST(PageTextShapes, AKickerBeforeTheHeadlineGoesWhenThePageLinksToTheStoryWithoutIt) {
  // A topic label and the headline on one line (a news site's <h1> holds
  // both); the site's own list of stories names the story without the label.
  const std::string tail = "\nMost read\n\n 1. Ferry passengers stranded overnight\n"
                           " 2. Subway stations to get defibrillators by summer\n 3. Man, 82, passes driving test\n\n"
                           "\xC2\xA9 2026 The Lakeport Sentinel\n";
  const std::string page = std::string(kMenu) + "Heart health Subway stations to get defibrillators by summer\n\n" +
                           kWrappedText + kWrappedText + kWrappedText + tail;
  EXPECT_EQ(parse_plaintext(page, rules()).title, "Subway stations to get defibrillators by summer");
  // Without the story list the whole line is the headline: nothing says where a label would end.
  const std::string alone = std::string(kMenu) + "Heart health Subway stations to get defibrillators by summer\n\n" +
                            kWrappedText + kWrappedText + kWrappedText + "\xC2\xA9 2026 The Lakeport Sentinel\n";
  EXPECT_EQ(parse_plaintext(alone, rules()).title, "Heart health Subway stations to get defibrillators by summer");
}

TEST(PageTextShapes, AQuestionHeadlineWrappedOverTwoLinesUnderAShowsLogo) {
  // A podcast page: the show's logo and name, then the episode's question
  // headline wrapped at 80 columns, then its text.
  const std::string page =
      std::string(kMenu) + " 1. Home\n 2. Podcasts\n 3. The health slot\n\n[healthslot]From the podcast The health slot\n\n"
      "White fingers then blue ones in the cold: could it be the condition doctors call\nRaynaud's?\n\n" +
      kWrappedText + kWrappedText + kWrappedText + "\xC2\xA9 2026 Harbour Radio\n";
  EXPECT_EQ(parse_plaintext(page, rules()).title,
            "White fingers then blue ones in the cold: could it be the condition doctors call Raynaud's?");
}

TEST(PageTextShapes, AChineseAccountCardUnderTheHeadlineAndWrappedChineseLines) {
  // 冬天皮肤痒怎么办, a byline row, the account's logo and name, its card, then text wrapped at 80 columns.
  const std::string para =
      "\xE5\x85\xA5\xE5\x86\xAC\xE4\xBB\xA5\xE5\x90\x8E\xE9\x97\xA8\xE8\xAF\x8A\xE9\x87\x8C\xE5\x9B\xA0\xE4\xB8\xBA\xE7\x9A\xAE\xE8\x82\xA4\xE5\xB9\xB2\xE7\x97\x92\xE6\x9D\xA5\xE5\xB0\xB1\xE8\xAF\x8A\xE7\x9A\x84\xE4\xBA\xBA\xE6\x98\x8E\xE6\x98\xBE\xE5\xA4\x9A\xE4\xBA\x86\xE8\xB5\xB7\xE6\x9D\xA5\xE4\xB8\x8D\xE5\xB0\x91\xE4\xBA\xBA\xE6\xB4\x97\xE5\xAE\x8C\xE6\xBE\xA1\xE5\x90\x8E\xE5\xB0\x8F\xE8\x85\xBF\xE5\x90\x8E\xE8\x83\x8C\xE7\x97\x92\xE5\xBE\x97\xE7\x9D\xA1\xE4\xB8\x8D\xE7\x9D\x80\n"
      "\xE8\xB6\x8A\xE6\x8A\x93\xE8\xB6\x8A\xE7\x97\x92\xE6\x8A\x93\xE7\xA0\xB4\xE4\xBA\x86\xE8\xBF\x98\xE5\xAE\xB9\xE6\x98\x93\xE6\x84\x9F\xE6\x9F\x93\xE4\xBB\x8A\xE5\xA4\xA9\xE6\x88\x91\xE4\xBB\xAC\xE8\xAF\xB7\xE5\x88\xB0\xE7\x9A\xAE\xE8\x82\xA4\xE7\xA7\x91\xE7\x9A\x84\xE4\xB8\xBB\xE4\xBB\xBB\xE8\x81\x8A\xE8\x81\x8A\xE5\x86\xAC\xE5\xAD\xA3\xE7\x9A\xAE\xE8\x82\xA4\xE7\x98\x99\xE7\x97\x92\xE9\x82\xA3\xE4\xBA\x9B\xE4\xBA\x8B\xE8\x80\x81\xE5\xB9\xB4\xE4\xBA\xBA\xE7\x9A\xAE\xE8\x84\x82\n"
      "\xE8\x85\xBA\xE5\x8A\x9F\xE8\x83\xBD\xE6\x9C\xAC\xE6\x9D\xA5\xE5\xB0\xB1\xE5\x9C\xA8\xE5\x87\x8F\xE9\x80\x80\xE3\x80\x82\n\n";
  const std::string page =
      "\xE5\x86\xAC\xE5\xA4\xA9\xE7\x9A\xAE\xE8\x82\xA4\xE7\x97\x92\xE6\x80\x8E\xE4\xB9\x88\xE5\x8A\x9E\n\n"
      "\xE5\x8E\x9F\xE5\x88\x9B \xE5\x88\x98\xE9\x9D\x99 2026\xE5\xB9\xB4" "12\xE6\x9C\x88" "05\xE6\x97\xA5 20:30\n"
      "[logo]\xE6\x9D\x8F\xE6\x9E\x97\xE5\x81\xA5\xE5\xBA\xB7\xE8\xAF\xB4\n\n"
      "247\xE7\xAF\x87\xE5\x8E\x9F\xE5\x88\x9B\xE5\x86\x85\xE5\xAE\xB9\xE5\x85\xB3\xE6\xB3\xA8\n\n" +
      para + para + para;
  const Article a = parse_plaintext(page, rules());
  EXPECT_EQ(a.title, "\xE5\x86\xAC\xE5\xA4\xA9\xE7\x9A\xAE\xE8\x82\xA4\xE7\x97\x92\xE6\x80\x8E\xE4\xB9\x88\xE5\x8A\x9E");
  const std::string text = all_text(a);
  EXPECT_FALSE(has(text, "247")) << text;
  EXPECT_TRUE(has(text, "\xE5\xBE\x97\xE7\x9D\xA1\xE4\xB8\x8D\xE7\x9D\x80\xE8\xB6\x8A\xE6\x8A\x93\xE8\xB6\x8A\xE7\x97\x92")) << text;  // 得睡不着越抓越痒: wrapped without a space
}

TEST(PageTextShapes, ADeveloperSitesTopCommentsAndAJapaneseRelatedLinksHeadingEndTheArticle) {
  const std::string comments =
      "Top comments (23)\n\nJess Barkley \xE2\x80\xA2 Dec 4\n\nThe timer idea is so underrated and I am going to try it "
      "this week with my whole team at work.\n\n12 likes Reply\n\n\xC2\xA9 2026 Forkline\n";
  const Article a = parse_plaintext(std::string(kMenu) + "Two years of wrist pain\n\n" + kWrappedText + kWrappedText +
                                        kWrappedText + comments,
                                    rules());
  EXPECT_FALSE(has(all_text(a), "timer idea")) << all_text(a);
  // 関連リンク (related links) and a link list under it.
  const std::string related = "\xE9\x96\xA2\xE9\x80\xA3\xE3\x83\xAA\xE3\x83\xB3\xE3\x82\xAF\n\n"
                              "Flu in winter\nFood poisoning at home\nNorovirus questions\n\n\xC2\xA9 2026 City\n";
  const Article b = parse_plaintext(std::string(kMenu) + "Two years of wrist pain\n\n" + kWrappedText + kWrappedText +
                                        kWrappedText + related,
                                    rules());
  EXPECT_FALSE(has(all_text(b), "Norovirus questions")) << all_text(b);
}

TEST(PageTextShapes, ANumberedLessonIsAHeadlineNotAFact) {
  EXPECT_NE(classify("Aula 4: Queimaduras").rule, "page-card-fact");
  EXPECT_NE(classify("Part 2: Recovery").rule, "page-card-fact");
  EXPECT_EQ(classify("Prep: 5 min").rule, "page-card-fact");
  EXPECT_EQ(classify("Serves: 4").rule, "page-card-fact");
}

TEST(PageTextShapes, ACommentCountAfterASpaceOpensTheComments) {
  const std::string page = std::string(kMenu) + "Two years of wrist pain\n\n" + kWrappedText + kWrappedText + kWrappedText +
                           "Comments 8\n\nJess Barkley Dec 4\n\nThe timer idea is so underrated and I am going to try it "
                           "this week with my whole team at work.\n\n\xC2\xA9 2026 Forkline\n";
  EXPECT_FALSE(has(all_text(parse_plaintext(page, rules())), "timer idea"));
}

TEST(PageTextShapes, ASectionPathAboveTheHeadlineIsNoHeadline) {
  const std::string page = std::string(kMenu) + "Planning / Health & safety\n\nHow to beat jet lag on long flights\n\n"
                           "Updated Nov 27, 2026\n\n" + kWrappedText + kWrappedText + kWrappedText + "\xC2\xA9 2026 Atlas\n";
  EXPECT_EQ(parse_plaintext(page, rules()).title, "How to beat jet lag on long flights");
}

TEST(PageTextShapes, ALongFooterEndsTheArticleThoughFinePrintFollowsIt) {
  // A hospital's footer (a promo, its address, link lists) over a paragraph
  // of fine print: the stretch without prose is too long to lie inside the text.
  const std::string text =
      "Using an inhaler with a spacer\n\n"
      "A spacer is a plastic tube that holds the medicine after a puff, so your child can breathe it in slowly.\n\n"
      "Shake the inhaler, fit it to the spacer and seal the mask over the nose and mouth before each puff.\n\n"
      "Let your child take six slow breaths through the mask, then wait half a minute before the next puff.\n\n";
  const std::string footer =
      "More asthma videos\n\nUsing a peak flow meter 2:58\n\nAsthma care at Marlow Children's\n\n"
      "Marlow Children's Health\n\nQuick links\n\nNewsroom\n\nPrice transparency\n\nFinancial assistance\n\n"
      "Patient portal\n\nVolunteer with us\n\n"
      "ATTENTION: Language assistance services are available to you free of charge, so please call us today.\n\n"
      "\xC2\xA9 2026 Marlow Children's Health\n";
  const std::string kept = all_text(parse_plaintext(std::string(kMenu) + text + footer, rules()));
  EXPECT_TRUE(has(kept, "six slow breaths")) << kept;
  EXPECT_FALSE(has(kept, "Language assistance")) << kept;
  EXPECT_FALSE(has(kept, "Newsroom")) << kept;

  // Near miss: a recipe's quantities, a label and a list's items are no stretch of furniture.
  const std::string recipe =
      "Oat and apple bars\n\n"
      "These bars keep for a week in a tin and make a good breakfast on the way to school or work.\n\n"
      "Ingredients\n\n200 g rolled oats\n\n2 apples\n\n100 g butter\n\n50 g honey\n\n1 pinch of salt\n\n"
      "You will need:\n\n\xE2\x80\xA2 a tin\n\n\xE2\x80\xA2 a bowl\n\n\xE2\x80\xA2 a spoon\n\nMethod\n\n"
      "Heat the oven, melt the butter with the honey, then stir in the oats and the grated apples.\n\n"
      "\xC2\xA9 2026 Atlas\n";
  const std::string both = all_text(parse_plaintext(std::string(kMenu) + recipe, rules()));
  EXPECT_TRUE(has(both, "melt the butter")) << both;
  EXPECT_TRUE(has(both, "200 g rolled oats")) << both;
}

TEST(PageTextShapes, AOneWordHeadlineOverATabAPictureAndItsCaption) {
  // A reference page: "Gallstones", its tabs, "Overview", a picture's alt
  // text and its caption, then the text, which opens with the headline's word.
  const std::string page =
      std::string(kMenu) + "Gallstones\n\n  \xE2\x80\xA2 Symptoms & causes\n  \xE2\x80\xA2 Diagnosis & treatment\n\n"
      "Overview\n\nIllustration of the gallbladder with gallstones\n\nGallstones\n\n"
      "The gallbladder sits under the liver, and stones can block the ducts that drain it.\n\n"
      "Gallstones are small, hard lumps that form inside the gallbladder, a pouch under the liver on the right.\n\n"
      "A stone can be tiny, like a few grains of sand, or it can grow to a few centimeters across over years.\n\n"
      "\xC2\xA9 2026 Riverbend Clinic\n";
  EXPECT_EQ(parse_plaintext(page, rules()).title, "Gallstones");
}

TEST(PageTextShapes, AHeadlineOfTwoSentencesUnderAMenuOverItsStandfirstAndByline) {
  const std::string page =
      std::string(kMenu) + "Fitness\n\nThe cold plunge craze is everywhere. Here's what it can and can't do for you.\n\n"
      "Ice baths promise faster recovery and better moods. Researchers say a few of those claims hold up.\n\n"
      "By Marisol Decker\n\nDecember 4, 2026\n\n"
      "At 6:15 on a weekday morning, the line for the two stock tanks behind a gym is already five people deep.\n\n"
      "Most studies of cold water are small and short, and most were done in young men who were already fit.\n\n"
      "\xC2\xA9 2026 The National Courier\n";
  EXPECT_EQ(parse_plaintext(page, rules()).title,
            "The cold plunge craze is everywhere. Here's what it can and can't do for you.");
  // Near miss: under a heading, two short sentences are the text's first paragraph.
  const std::string text =
      std::string(kMenu) + "Cold plunges, explained\n\nThe craze is everywhere. Here is what it does.\n\n"
      "Ice baths promise faster recovery and better moods. Researchers say a few of those claims hold up.\n\n"
      "By Marisol Decker\n\n"
      "At 6:15 on a weekday morning, the line for the two stock tanks behind a gym is already five people deep.\n\n"
      "\xC2\xA9 2026 The National Courier\n";
  EXPECT_EQ(parse_plaintext(text, rules()).title, "Cold plunges, explained");
}

TEST(PageTextShapes, AnExpertsNameAndRoleIsNoHeadline) {
  EXPECT_TRUE(is_name_and_role("In\u00e9s Albarr\u00e1n, traumat\u00f3loga"));
  EXPECT_TRUE(is_name_and_role("Hannah Lindqvist, exercise physiologist"));
  EXPECT_TRUE(is_name_and_role("Lena Okafor, MD"));
  EXPECT_FALSE(is_name_and_role("Cold plunges, explained"));
  EXPECT_FALSE(is_name_and_role("Knee pain, stairs and arthritis: what helps"));
  const std::string page =
      std::string(kMenu) + "\u00ABMe duele la rodilla al bajar escaleras. \u00BFEs artrosis?\u00BB\n\n"
      "In\u00e9s Albarr\u00e1n, traumat\u00f3loga\n\nValdemora, 04/12/2026 - 07:00 h\n\n"
      "Pregunta. Tengo 61 a\u00f1os y desde hace unos meses me duele la rodilla derecha al bajar escaleras.\n\n"
      "Respuesta. Lo que describe es muy frecuente a partir de los 50 a\u00f1os y tiene varias causas posibles.\n\n"
      "\xC2\xA9 2026 El Heraldo\n";
  EXPECT_EQ(parse_plaintext(page, rules()).title,
            "\u00ABMe duele la rodilla al bajar escaleras. \u00BFEs artrosis?\u00BB");
}

TEST(PageTextShapes, ATrendingListAndALiveBoxSetIntoTheTextGo) {
  const std::string page =
      std::string(kMenu) + "Urgent care waits top four hours\n\nBy Jo Roe\n\n" + kWrappedText +
      "Trending Now\n\n\xE2\x80\xA2 Crash closes westbound lanes of Highway 30\n\n\xE2\x80\xA2 Beloved downtown bakery "
      "closing after 41 years\n\n" + kWrappedText + "LIVE\n\nWinter storm updates: heavy snow heads north\n\n"
      "\xE2\x80\xA2 11:04 a.m. Airlines waive change fees for travellers at 14 airports\n\n"
      "\xE2\x80\xA2 10:41 a.m. Governor declares an emergency in three counties\n\nSee all updates\n\n"
      "What to do while you wait\n\n" + kWrappedText + "\xC2\xA9 2026 KVRN\n";
  const std::string kept = all_text(parse_plaintext(page, rules()));
  for (std::string_view gone : {"bakery", "Airlines waive", "Governor declares", "See all updates", "Winter storm"})
    EXPECT_FALSE(has(kept, gone)) << gone << "\n" << kept;
  EXPECT_TRUE(has(kept, "What to do while you wait")) << kept;
}

TEST(PageTextShapes, FooterTaglinesAdNotesCountersAndPortalToolsAreChrome) {
  EXPECT_EQ(classify("ATTENTION: If you speak Spanish, language assistance services, free of charge, are available to "
                     "you. Call 1-555-0100.").rule,
            "page-language-assistance");
  EXPECT_EQ(classify("Riverbend Clinic is a nonprofit organization and proceeds from Web advertising help support our "
                     "mission.").rule,
            "page-ad-policy");
  EXPECT_EQ(classify("\xE2\x99\xA1 214 \xF0\x9F\x92\xAC 37 \xE2\x9F\xB3 Restack Share").rule, "page-widget");
  EXPECT_EQ(classify("\xE5\xAD\x97\xE5\x8F\xB7\xEF\xBC\x9A\xE5\xA4\xA7\xE4\xB8\xAD\xE5\xB0\x8F").rule,
            "page-reading-tools");  // 字号：大中小
  EXPECT_EQ(classify("\xE2\x86\x90 Back to Wellness Journal").rule, "site-navigation");
  EXPECT_EQ(classify("Have a news tip? Send it to the KVRN 4 newsroom.").rule, "call-to-action");
  EXPECT_EQ(classify("FOR IMMEDIATE RELEASE").rule, "press-release-label");
  EXPECT_EQ(classify("###").rule, "press-backmatter");
  // Near misses: a sentence about language help, and a heading that starts with "Back to".
  EXPECT_NE(classify("Interpreters are free, and the clinic will book one when you make the appointment.").rule,
            "page-language-assistance");
  EXPECT_NE(classify("Back to school without the sniffles").rule, "site-navigation");
}

TEST(PageTextShapes, CreditsDatesCountersAndInlineLinksOfNewsSites) {
  EXPECT_EQ(classify("Everwell / Sasha Brun").rule, "photo-credit");  // the agency first
  EXPECT_EQ(classify("Published: 14:22, 6 Dec 2026 Updated: 16:05, 6 Dec 2026").kind, PageLineKind::Meta);
  EXPECT_EQ(classify("2.4k shares Facebook X WhatsApp Email 87 comments").rule, "page-share-row");
  EXPECT_EQ(classify("MORE: GP shares the winter heart warning signs most people miss").rule, "promo");
  EXPECT_EQ(classify("RELATED Young cancer survivors say fertility talks came too late").rule, "promo");
  EXPECT_EQ(classify("Everwell uses only high-quality sources, including peer-reviewed studies, to support the facts "
                     "within our articles.").rule,
            "sources");
  // Near misses: a sentence that opens with "More", and a published date inside a sentence.
  EXPECT_NE(classify("More research is needed before doctors can recommend it to everyone.").rule, "promo");
  EXPECT_NE(classify("The study was published on 6 Dec 2026 in a journal of sleep medicine, and it drew attention.").kind,
            PageLineKind::Meta);
}

TEST(PageTextShapes, AHeadlineThatOpensWithANumberKeepsIt) {
  const std::string page =
      std::string(kMenu) + "100 days alcohol-free: what changed (and what didn't)\n\nNovember 29, 2026\n\n" +
      kWrappedText + kWrappedText + "Recent Posts\n\n  1. 100 days alcohol-free: what changed (and what didn't)\n"
      "  2. My first half marathon\n\n\xC2\xA9 2026 Bev\n";
  EXPECT_EQ(parse_plaintext(page, rules()).title, "100 days alcohol-free: what changed (and what didn't)");
}

TEST(PageTextShapes, ATwoSentenceHeadlineWrappedOverTwoLines) {
  const std::string page =
      std::string(kMenu) + "Advertisement\n\nCancer\n\n"
      "Colorectal cancer is rising in adults under 50. Doctors say these symptoms are\ntoo often brushed off\n\n"
      "Rectal bleeding and changes in bowel habits are common warning signs.\n\n"
      "By Marisa Lindqvist Dec. 7, 2026\n\n" + kWrappedText + kWrappedText + kWrappedText + kWrappedText +
      "\xC2\xA9 2026 UBN\n";
  EXPECT_EQ(parse_plaintext(page, rules()).title,
            "Colorectal cancer is rising in adults under 50. Doctors say these symptoms are too often brushed off");
}

TEST(PageTextShapes, AWrappedHeadlineAboveTheBylineBeatsAPicturesTextUnderIt) {
  // An 80-column dump: the headline wraps, the byline follows, then the lead
  // picture's alt text (wrapped too) over the text.
  const std::string page =
      std::string(kMenu) + "Health & Science\n\n"
      "What Your Resting Heart Rate Says About Your Health, and Why It Changes Over\nTime\n\n"
      "Written by Maya Lindgren, PhD\n\n"
      "A person checking a fitness tracker on their wrist while sitting on the edge of\na bed\n\n" +
      kWrappedText + kWrappedText + kWrappedText + kWrappedText + "\xC2\xA9 2026 Pulsewave\n";
  EXPECT_EQ(parse_plaintext(page, rules()).title,
            "What Your Resting Heart Rate Says About Your Health, and Why It Changes Over Time");
  // A paywall's label over the headline, a journal's browser notice and tool row, an Italian reviewer.
  EXPECT_EQ(classify("Subscriber exclusive Health").rule, "paywall-label");
  EXPECT_EQ(classify("Thank you for visiting example.org. For the best experience, we recommend you use a more up "
                     "to date browser.").rule,
            "page-browser-notice");
  EXPECT_EQ(classify("Download PDF Cite this article Share 1,937 Accesses 41 Altmetric").rule, "page-widget");
  EXPECT_EQ(classify("Revisione medica a cura del Dott. Marco Lanzavecchia, cardiologo").rule, "byline");
  EXPECT_EQ(classify("Ultimo aggiornamento: 01/12/2026").kind, PageLineKind::Meta);
}

TEST(PageTextShapes, ACaptionWithItsCreditIsNoHeadline) {
  const std::string page =
      std::string(kMenu) + "Local News\n\n"
      "Norovirus outbreak closes three Millbrook elementary schools through Wednesday\nfor deep cleaning\n\n"
      "Priya Castellanos, Education Reporter\n\nPublished 3 hours ago\n\n"
      "Custodial crews will disinfect classrooms, buses and cafeterias at all three\n"
      "schools before students return. (Lakeshore Daily News file photo)\n\n" +
      kWrappedText + kWrappedText + kWrappedText + kWrappedText + "\xC2\xA9 2026 Lakeshore Daily News\n";
  EXPECT_EQ(parse_plaintext(page, rules()).title,
            "Norovirus outbreak closes three Millbrook elementary schools through Wednesday for deep cleaning");
}

TEST(PageTextShapes, ATabloidsQuotedKickerAndItsPicturesAltTextAreLeftOut) {
  // The headline opens with a quotation in capitals and wraps over a wrapped
  // standfirst; under the share bar, the lead picture's alt text stands over
  // its caption, which ends in the credit.
  const std::string page =
      std::string(kMenu) + "Advertisement\n\n"
      "'I THOUGHT IT WAS HEARTBURN' Teacher, 52, blamed her jaw pain on a cold drink \xE2\x80\x93\n"
      "an hour later she was in an ambulance\n\n"
      "Moira Tate says she almost went back to marking homework instead of calling 999\n"
      "and now wants every woman to know the signs\n\n"
      "Owen Bright, Health Reporter\nPublished: 09:10, 4 Dec 2026\n"
      "1.1k shares Facebook X WhatsApp Email 40 comments\n\n"
      "Woman smiling in a hospital corridor\n"
      "Moira Tate, 52, was taken to hospital after putting her symptoms down to a cold drink Credit: Supplied\n\n" +
      kWrappedText + kWrappedText + "Couple walking a dog on a seafront\n"
      "Moira with her husband Callum on their first walk after she left hospital\nCredit: Supplied\n\n" +
      kWrappedText + kWrappedText + "\xC2\xA9 2026 The Daily Lantern\n";
  const Article a = parse_plaintext(page, rules());
  EXPECT_EQ(a.title, "Teacher, 52, blamed her jaw pain on a cold drink \xE2\x80\x93 an hour later she was in an ambulance");
  EXPECT_FALSE(has(all_text(a), "hospital corridor")) << all_text(a);
  EXPECT_FALSE(has(all_text(a), "seafront")) << all_text(a);
  EXPECT_TRUE(has(all_text(a), "first walk after she left hospital")) << all_text(a);
}

TEST(PageTextShapes, AQuestionOverItsDateBeatsTheBlogsTaglineAboveIt) {
  const std::string page =
      std::string(kMenu) + "Advice from our practice\n\nHealthy teeth for the whole family, explained simply\n\n"
      "Bleeding gums when brushing: harmless or a warning sign?\n\n"
      "  \xE2\x80\xA2 3 December 2026\n  \xE2\x80\xA2 Prevention\n\n" +
      kWrappedText + kWrappedText + kWrappedText + "\xC2\xA9 2026 Harbour Dental\n";
  EXPECT_EQ(parse_plaintext(page, rules()).title, "Bleeding gums when brushing: harmless or a warning sign?");
}

TEST(PageTextShapes, APublishersNameOverASeparatorAndADateIsTheByline) {
  // A government page: the wrapped headline, then the agency's name, a "|"
  // on a line of its own and the date.
  const std::string page =
      std::string(kMenu) + "Home > News > Winter season 2026-2027\n\n"
      "Winter season 2026-2027: how to protect your family from the cold and from\n"
      "respiratory illness\n\n"
      "National Institute for Health Surveillance and Prevention\n\n|\n\n4 December 2026\n\n" +
      kWrappedText + kWrappedText + kWrappedText + "\xC2\xA9 2026 Wexbury District Council\n";
  const Article a = parse_plaintext(page, rules());
  EXPECT_EQ(a.title, "Winter season 2026-2027: how to protect your family from the cold and from respiratory illness");
  EXPECT_FALSE(has(all_text(a), "National Institute")) << all_text(a);
}

TEST(PageTextShapes, ACategorysNameOverTheHeadlineAndABookingBoxInTheText) {
  const std::string page =
      std::string(kMenu) + "Back and joints\n\nLumbago: how to get through the first few days\n\n" +
      kWrappedText + kWrappedText +
      "Would you like to talk to a physiotherapist?\n\nYou can book directly with us, no referral needed.\n\n"
      "Book an appointment\n\n" + kWrappedText + "\xC2\xA9 2026 Kvista Care\n";
  const Article a = parse_plaintext(page, rules());
  EXPECT_EQ(a.title, "Lumbago: how to get through the first few days");
  EXPECT_FALSE(has(all_text(a), "no referral needed")) << all_text(a);
  // A list's last item over the button is no box heading: it stays.
  const Article listed = parse_plaintext(
      std::string(kMenu) + "Shingles\n\n" + kWrappedText + kWrappedText +
          "Contact your doctor promptly if:\nthe pain and rash are near an eye\nthe rash is widespread and painful\n\n"
          "Request an appointment\n\n" + kWrappedText + "\xC2\xA9 2026 Kvista Care\n",
      rules());
  EXPECT_TRUE(has(all_text(listed), "widespread and painful")) << all_text(listed);
}

TEST(PageTextShapes, ShoutedRelatedBoxesInTurkishPolishAndEnglishEndAtTheNextSection) {
  for (std::string_view label : {"\xC4\xB0LG\xC4\xB0L\xC4\xB0 HABERLER", "POWI\xC4\x84ZANE ARTYKU\xC5\x81Y",
                                 "RELATED STORIES"}) {
    const Article a = parse_plaintext(
        std::string(kMenu) + "Walking pneumonia in children\n\n" + kWrappedText + kWrappedText + std::string(label) +
            "\n\nFlu jabs: when to get one\nSore throats and antibiotics\n\nWhen to go to hospital\n\n" +
            kWrappedText + "\xC2\xA9 2026 Haber Meydan\n",
        rules());
    EXPECT_FALSE(has(all_text(a), "Flu jabs")) << label << "\n" << all_text(a);
    EXPECT_TRUE(has(all_text(a), "When to go to hospital")) << label << "\n" << all_text(a);
  }
  // A share row of share words and one network.
  EXPECT_EQ(classify("Payla\xC5\x9F Tweetle WhatsApp").kind, PageLineKind::Chrome);
}

TEST(PageTextShapes, APortalsDateBarIsNoTextAndItsHeadlineStandsOverTheDate) {
  // "4. prosince" is a date's ordinal dot, not a sentence's end: the top bar
  // is no prose, and the two-sentence headline stands over its date line.
  const std::string page =
      "Souhlas\xC3\xADm Nastaven\xC3\xAD Odm\xC3\xADtnout v\xC5\xA1" "e\n"
      "p\xC3\xA1tek 4. prosince 2026 Sv\xC3\xA1tek m\xC3\xA1 Barbora Brno 2 \xC2\xB0" "C, zata\xC5\xBE" "eno Po\xC5\xA1ta "
      "P\xC5\x99ihl\xC3\xA1sit\nDom\xC3\xA1" "c\xC3\xAD Zahrani\xC4\x8D\xC3\xAD Ekonomika Zdrav\xC3\xAD Sport\nHledat\n\n"
      "Hepatitis A cases doubled in the region this year. Hygienists explain how to avoid it\n\n"
      "CZA 4. 12. 2026 10:42 Aktualizov\xC3\xA1no 13:05\n\n" +
      kWrappedText + kWrappedText + kWrappedText + "\xC2\xA9 2026 Zpravy\n";
  EXPECT_EQ(parse_plaintext(page, rules()).title,
            "Hepatitis A cases doubled in the region this year. Hygienists explain how to avoid it");
  EXPECT_NE(classify("p\xC3\xA1tek 4. prosince 2026 Sv\xC3\xA1tek m\xC3\xA1 Barbora Brno 2 \xC2\xB0" "C, zata\xC5\xBE" "eno").kind,
            PageLineKind::Prose);
}

TEST(PageTextShapes, AShortTitleOverALongerSubtitleStaysTheTitle) {
  // A category over a headline of up to twelve words loses; a short title
  // over a longer subtitle wins.
  const std::string page = std::string(kMenu) + "Running in the cold\n\n"
      "A guide for the club's winter runs, please read before the first run of December in the park\n\n" +
      kWrappedText + kWrappedText + kWrappedText + "\xC2\xA9 2026 Runners\n";
  EXPECT_EQ(parse_plaintext(page, rules()).title, "Running in the cold");
  // A section path with a middle dot over a headline of two sentences.
  const std::string mag = std::string(kMenu) + "Women's Health \xC2\xB7 Fitness\n\n"
      "Your pelvic floor needs a workout too. Here's how to find it (and why it matters)\n\n"
      "Leaks when you sneeze or a heavy feeling at the end of the day are common and can be helped.\n\n"
      "By Kelsey Marchetti\n\n" + kWrappedText + kWrappedText + kWrappedText + "\xC2\xA9 2026 Bloom\n";
  EXPECT_EQ(parse_plaintext(mag, rules()).title,
            "Your pelvic floor needs a workout too. Here's how to find it (and why it matters)");
  // A Romanian "written by" line is a byline.
  EXPECT_EQ(classify("Scris de: Cabinet medical").rule, "byline");
}

TEST(PageTextShapes, AServiceNoticeOverThePageAndAVietnameseToolRowAreChrome) {
  EXPECT_EQ(classify("Scheduled maintenance: Online banking will be unavailable Sunday, March 8 from 2 a.m. to 4 a.m.").kind,
            PageLineKind::Chrome);
  EXPECT_EQ(classify("Chia s\xE1\xBA\xBB Zalo A- A+ L\xC6\xB0u b\xC3\xA0i").kind, PageLineKind::Chrome);
}

TEST(PageTextShapes, AForumPostersNameIsNoHeadingOverTheirQuestion) {
  const std::string page =
      std::string(kMenu) + "p/AskHealth \xE2\x80\xA2 3 days ago\nkettle_on_again\n\n"
      "Tingling fingers waking me up every night - is this carpal tunnel?\n\nMusculoskeletal\n\n" +
      kWrappedText + kWrappedText + kWrappedText + "\xC2\xA9 2026 Threadly\n";
  EXPECT_EQ(parse_plaintext(page, rules()).title, "Tingling fingers waking me up every night - is this carpal tunnel?");
  // A video page's row of counts and buttons under the player is chrome.
  EXPECT_EQ(classify("\xF0\x9F\x91\x8D 6.9K \xF0\x9F\x91\x8E Share Download Clip Save \xE2\x80\xA6").kind,
            PageLineKind::Chrome);
}

TEST(PageTextShapes, APhoneMenuButtonAndASectionTrailStayOutOfTheTitle) {
  // A phone copy: the menu button beside the sign-in link, an ad label and a
  // two-step section trail over the headline, then the tool row.
  const std::string page =
      "\xE2\x98\xB0  \xC4\x90\xC4\x83ng nh\xE1\xBA\xADp\nQu\xE1\xBA\xA3ng c\xC3\xA1o\n"
      "Travel \xE2\x80\xBA Health\n\n"
      "Jet lag on long trips, and the small habits that help your body clock catch up\n\n"
      "Chia s\xE1\xBA\xBB Zalo A- A+ L\xC6\xB0u b\xC3\xA0i\n\n" +
      std::string(kWrappedText) + kWrappedText + kWrappedText;
  const Article a = parse_plaintext(page, rules());
  EXPECT_EQ(a.title, "Jet lag on long trips, and the small habits that help your body clock catch up");
  EXPECT_EQ(classify("\xE2\x98\xB0 Menu").kind, PageLineKind::Chrome);
  // A Vietnamese comment heading with its count; a share row with its label.
  EXPECT_EQ(classify("\xC3\x9D ki\xE1\xBA\xBFn b\xE1\xBA\xA1n \xC4\x91\xE1\xBB\x8D\x63 (12)").rule, "page-comments");
  EXPECT_EQ(classify("Chia s\xE1\xBA\xBB b\xC3\xA0i vi\xE1\xBA\xBFt: Facebook Zalo Email").kind, PageLineKind::Chrome);
}

}  // namespace
}  // namespace readaloud
