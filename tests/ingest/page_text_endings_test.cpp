// Whole-page text in shapes met on the blind parts heldout31 and heldout32:
// where an article ends (a review date, "Was this helpful?", a paywall, a
// share row or an app's promotion under the text), what goes inside it (an
// answerer's header on a Q&A page, linked stories that read as prose, a
// byline under a picture's caption) and which line is its title.
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

constexpr std::string_view kSiteTop =
    "Skip to main content\nNorthfield Health\n  \xE2\x80\xA2 Conditions\n  \xE2\x80\xA2 Services\n"
    "  \xE2\x80\xA2 Find a clinic\n  \xE2\x80\xA2 About us\n\n";

constexpr std::string_view kBody =
    "Hand, foot and mouth disease is a common viral illness in young children, and it usually passes in a week "
    "to ten days without any treatment.\n\n"
    "It spreads through coughs, sneezes, saliva and the fluid from the blisters, so washing hands often is the best "
    "way to keep it from moving through a family or a nursery class.\n\n"
    "Give plenty of fluids, because sore mouths can put children off drinking, and watch for signs that they are "
    "not getting enough, such as fewer wet nappies.\n\n";

TEST(PageTextEndings, AQaAnswerUnderItsOwnSignatureEndsBeforeTheNextAnswerersName) {
  const std::string page =
      std::string(kSiteTop) + "Why do my knees click when I climb stairs?\n\n"
      "Asked by a 44-year-old man \xC2\xB7 Oct 3, 2026 \xC2\xB7 2,210 views\n\n"
      "For a few months both knees have clicked on the stairs at home and at work. It does not hurt, but it is loud "
      "and my colleagues have started to notice it.\n\n"
      "Follow Share Report\n\n3 Doctor Answers\n\nDr. Rosa Lindqvist\nDr. Rosa Lindqvist, MD Verified\n"
      "Sports Medicine\n  \xE2\x80\xA2 Board certified in sports medicine\n  \xE2\x80\xA2 14 years in practice\n"
      "Book a visit\n\nAnswered Oct 4, 2026\n\n" +
      "Clicking without pain is very common and is usually caused by small gas bubbles or tendons moving over the "
      "bone, and it is not a sign that the joint is wearing out.\n\n"
      "Strong thigh muscles help the kneecap move smoothly, so gentle strength exercises three times a week are "
      "worth trying if the noise bothers you.\n\n"
      "\xF0\x9F\x91\x8D Helpful (88) Thank Share 2 doctors agree\n"
      "Dr. Owen Brandt Dr. Owen Brandt, DO Family Medicine \xC2\xB7 9 years\n\n"
      "Answered Oct 5, 2026\n\n"
      "I agree with Dr. Lindqvist and would add that swelling, locking or pain on the stairs are reasons to see "
      "someone, because they point to something other than harmless clicking.\n\n"
      "\xC2\xA9 2026 Northfield Health\n";
  const std::string text = all_text(parse_plaintext(page, rules()));
  EXPECT_TRUE(has(text, "gas bubbles")) << text;
  EXPECT_TRUE(has(text, "gentle strength exercises")) << text;
  EXPECT_FALSE(has(text, "Board certified")) << text;
  EXPECT_FALSE(has(text, "Book a visit")) << text;
  EXPECT_FALSE(has(text, "Owen Brandt")) << text;
  EXPECT_FALSE(has(text, "I agree with")) << text;
}

TEST(PageTextEndings, AFactSheetIsTitledBySubjectAndEndsAtItsReviewDate) {
  const std::string page =
      "Skip to main content\nCall 8-1-1 to talk to a nurse, 24/7\n"
      "Health Files North #31, May 2026\n\nScabies\n\n"
      "This file is also available in:\n\nFran\xC3\xA7" "ais\nEspa\xC3\xB1ol\n\xE7\xAE\x80\xE4\xBD\x93\xE4\xB8\xAD\xE6\x96\x87\n\n"
      "Download PDF (96 KB) Print\n\nWhat is scabies?\n\n"
      "Scabies is an itchy skin condition caused by tiny mites that burrow under the skin, and it spreads by long "
      "skin-to-skin contact within a household.\n\n" +
      std::string(kBody) +
      "Last updated: May 2026\n\nTalk to a nurse\n\n"
      "Call 8-1-1 any time, day or night, to speak with a registered nurse about your symptoms or your child's.\n\n"
      "About Health Files North\n";
  const Article a = parse_plaintext(page, rules());
  EXPECT_EQ(a.title, "Scabies");
  const std::string text = all_text(a);
  EXPECT_FALSE(has(text, "also available")) << text;
  EXPECT_FALSE(has(text, "Download PDF")) << text;
  EXPECT_FALSE(has(text, "any time, day or night")) << text;
  EXPECT_TRUE(has(text, "fewer wet nappies")) << text;
}

TEST(PageTextEndings, AHundredColumnDumpJoinsItsLinesAndTheBylineUnderTheStandfirstMarksTheHeadline) {
  // w3m -cols 100: a standfirst wrapped over two lines under the headline,
  // then the byline; a kicker with the section's name above.
  const std::string para =
      "Group classes that train balance and leg strength twice a week lowered the rate of falls in people\n"
      "over seventy by about a quarter in a yearlong trial, and the benefit was largest in those who went\n"
      "most often, the researchers reported in the journal this week, adding that the classes cost little\n"
      "to run and can be held in any community hall.\n\n";
  const std::string page =
      std::string(kSiteTop) + "News from the Journal Geriatrics\n\n"
      "Older adults who did balance exercises twice a week had fewer falls, trial finds\n\n"
      "In a yearlong study of more than 1,400 people aged 70 and older, group classes focused on balance\n"
      "and leg strength lowered the rate of falls by about a quarter.\n\n"
      "By Journal News Staff \xC2\xB7 December 2, 2026\n\n" +
      para + para + para + "\xC2\xA9 2026 Annals of Ageing\n";
  EXPECT_EQ(parse_plaintext(page, rules()).title,
            "Older adults who did balance exercises twice a week had fewer falls, trial finds");
}

TEST(PageTextEndings, LinkedStoriesThatReadAsProseLeaveTheBoxAndTheNextSectionStays) {
  const std::string page =
      std::string(kSiteTop) + "Hand, foot and mouth disease: what parents need to know\n\n" + std::string(kBody) +
      "Mehr zum Thema\n\n  \xE2\x80\xA2 Bluthochdruck: Wie viel Salz ist noch gesund?\n"
      "  \xE2\x80\xA2 Schlaganfall: Symptome erkennen und schnell handeln\n\n"
      "When to get help\n\n"
      "Call your doctor the same day in any of these cases, or sooner if you are worried:\n\n"
      "  \xE2\x80\xA2 your child is not drinking\n  \xE2\x80\xA2 a fever lasts more than three days\n\n" +
      std::string(kBody) + "\xC2\xA9 2026 Northfield Health\n";
  const std::string text = all_text(parse_plaintext(page, rules()));
  EXPECT_FALSE(has(text, "Salz")) << text;
  EXPECT_FALSE(has(text, "Schlaganfall")) << text;
  EXPECT_TRUE(has(text, "When to get help")) << text;
  EXPECT_TRUE(has(text, "your child is not drinking")) << text;
}

TEST(PageTextEndings, ABylineAndADateRowUnderAPicturesCaptionGo) {
  const std::string page =
      std::string(kSiteTop) + "Health\n\n"
      "Hand, foot and mouth cases rise in nurseries as parents are urged to keep children home\n\n"
      "Outbreaks have doubled in a month, and doctors say most children recover within a week\n\n"
      "The blisters usually appear on the hands, the feet and inside the mouth.\n\n"
      "Nadia Okoro Health correspondent\n\n"
      "Thu 3 Dec 2026 07.00 GMT Last modified on Thu 3 Dec 2026 12.15 GMT\n\n" +
      std::string(kBody) + "\xC2\xA9 2026 The Daily Ledger\n";
  const std::string text = all_text(parse_plaintext(page, rules()));
  EXPECT_FALSE(has(text, "correspondent")) << text;
  EXPECT_FALSE(has(text, "Last modified")) << text;
  EXPECT_TRUE(has(text, "fewer wet nappies")) << text;
}

TEST(PageTextEndings, HelpfulPromptsPaywallsAndAppPromotionsCloseTheText) {
  const std::string top = std::string(kSiteTop) + "Hand, foot and mouth disease: what parents need to know\n\n";
  const std::string helpful = top + std::string(kBody) +
      "Questa risposta ti \xC3\xA8 stata utile?\n\nS\xC3\xAC (214) No (9)\n\n"
      "Le risposte degli esperti hanno carattere informativo e non sostituiscono la visita del medico curante.\n\n"
      "Domande correlate\n";
  EXPECT_FALSE(has(all_text(parse_plaintext(helpful, rules())), "carattere informativo"));
  const std::string paywall = top + std::string(kBody) +
      "La suite de cet article est r\xC3\xA9serv\xC3\xA9" "e \xC3\xA0 nos abonn\xC3\xA9s\n\n"
      "Profitez d'un acc\xC3\xA8s illimit\xC3\xA9 \xC3\xA0 tous nos articles et \xC3\xA0 nos newsletters locales.\n";
  EXPECT_FALSE(has(all_text(parse_plaintext(paywall, rules())), "Profitez"));
  const std::string app = top + std::string(kBody) +
      "Get the Northfield News app\n\nBreaking news, weather alerts and live video, wherever you are.\n\n"
      "Download for iOS Download for Android\n";
  EXPECT_FALSE(has(all_text(parse_plaintext(app, rules())), "weather alerts"));
  // The answer's signature on an Italian Q&A page is a byline.
  EXPECT_EQ(classify("Risponde il Dott. Marco Ferretti, odontoiatra").kind, PageLineKind::Meta);
}

TEST(PageTextEndings, RecipeCardsKeepTheirIngredientsWithoutCheckBoxesAndDropTheirIndexTerms) {
  const std::string page = std::string(kSiteTop) + "Overnight oats with berries\n\n" + std::string(kBody) +
                           "Prep Time 5 mins\nServings 2\n\nIngredients\n\n"
                           "\xE2\x96\xA2 6 tablespoons rolled oats\n\xE2\x96\xA2 1 cup milk\n\n"
                           "Course Breakfast Cuisine American Keyword oats, fibre\n\n"
                           "Calories: 290kcal | Carbohydrates: 30g | Protein: 11g\n\n" + std::string(kBody) +
                           "\xC2\xA9 2026 Northfield Health\n";
  const std::string text = all_text(parse_plaintext(page, rules()));
  EXPECT_TRUE(has(text, "\n6 tablespoons rolled oats\n")) << text;
  EXPECT_FALSE(has(text, "\xE2\x96\xA2")) << text;
  // The card's facts go; a recipe's own facts with their colons are read.
  EXPECT_FALSE(has(text, "Prep Time")) << text;
  EXPECT_FALSE(has(text, "Cuisine")) << text;
  EXPECT_NE(classify("Prep time: 15 minutes").rule, "card-facts") << classify("Prep time: 15 minutes").rule;
  EXPECT_EQ(classify("Cook Time 25 minutes").rule, "card-facts");
  EXPECT_EQ(classify("Nutrition information is an estimate and will vary with the ingredients you use.").rule,
            "card-facts");
  EXPECT_FALSE(has(text, "290kcal")) << text;
  // A video player's queue and running time, and a share row's WhatsApp button.
  EXPECT_EQ(classify("Up Next Tick season is here: How to check after a hike Up Next in 5 Cancel").kind,
            PageLineKind::Chrome);
  EXPECT_EQ(classify("\xE2\x96\xB6" "2:37").kind, PageLineKind::Chrome);
  EXPECT_EQ(classify("Share via WhatsApp").rule, "share-button");
}

TEST(PageTextEndings, AnAnswersSignOffStaysAndTheAskBoxUnderItGoes) {
  const std::string page =
      std::string(kSiteTop) + "Ho spesso le afte in bocca: devo preoccuparmi?\n\n" + std::string(kBody) +
      "Un cordiale saluto.\n\nHai un dubbio sulla tua salute?\n\n"
      "Fai la tua domanda ai nostri specialisti: \xC3\xA8 gratuito e anonimo.\n\nFai una domanda\n\nDomande correlate\n";
  const std::string text = all_text(parse_plaintext(page, rules()));
  EXPECT_TRUE(has(text, "Un cordiale saluto.")) << text;
  EXPECT_FALSE(has(text, "specialisti")) << text;
  // A journal summary's funding note and its attention widget go; a fact list's funding line and a sentence stay.
  EXPECT_EQ(classify("Funding: The study was funded by the Foundation for Healthy Ageing Research.").rule,
            "press-backmatter");
  EXPECT_NE(classify("Funding: $2.4 million raised by the hospital's foundation").rule, "press-backmatter");
  EXPECT_EQ(classify("Mentioned by 14 news outlets").kind, PageLineKind::Chrome);
  EXPECT_NE(classify("As mentioned by the nurse, keep the wound dry for two days.").kind, PageLineKind::Chrome);
  EXPECT_EQ(classify("The Waiting Room is general information, not medical advice for you personally.").rule,
            "disclaimer");
}

TEST(PageTextEndings, TitlesUnderNoticesKickersTabsAndContentsBoxes) {
  const std::string body = std::string(kBody);
  // A site-wide notice over the page, then the page's one-word title.
  const std::string notice = "Skip to main content\nStudent Health Center Menu Patient Portal\n\n"
                             "Flu shots: Walk-in clinics run Tuesdays and Thursdays through December 12. Bring your ID.\n\n"
                             "Sore Throat\n\n" + body + "\xC2\xA9 2026 Student Health\n";
  EXPECT_EQ(parse_plaintext(notice, rules()).title, "Sore Throat");
  // A menu's section with the story's tag after it; the byline names a writer, a place and a date.
  const std::string kicker = std::string(kSiteTop) + "Salud y bienestar\n\nDeportes\n\nSalud y bienestar Envejecimiento\n\n"
                             "Ganar fuerza despu\xC3\xA9s de los 60: por qu\xC3\xA9 las pesas importan\n\n"
                             "A partir de cierta edad se pierde masa muscular cada a\xC3\xB1o, y entrenar la fuerza lo frena.\n\n"
                             "Luc\xC3\xAD" "a Carrasco Ibarra Madrid - 12 dic 2026 - 05:20 CET\n\n" + body;
  EXPECT_EQ(parse_plaintext(kicker, rules()).title,
            "Ganar fuerza despu\xC3\xA9s de los 60: por qu\xC3\xA9 las pesas importan");
  // A Title Case headline over a subtitle in sentence case.
  const std::string essay = std::string(kSiteTop) + "What Nobody Told Me About Quitting Vaping\n\n"
                            "Cravings, terrible sleep and the strange slump on day three\n\n"
                            "Dana Whitfield\n\nPublished in Slow Mend \xC2\xB7 8 min read \xC2\xB7 Oct 8, 2026\n\n" + body;
  EXPECT_EQ(parse_plaintext(essay, rules()).title, "What Nobody Told Me About Quitting Vaping");
  // A headline over its standfirst, byline, picture credit and a table of contents.
  const std::string contents = std::string(kSiteTop) + "Nagelpilz: So werden Sie ihn wieder los\n\n"
                               "Gelblich verf\xC3\xA4rbt und br\xC3\xBC" "chig: Ein Nagelpilz ist l\xC3\xA4stig, aber gut zu behandeln.\n\n"
                               "von Katrin Wollenberg, aktualisiert am 20.11.2026\n\nFu\xC3\x9F mit verf\xC3\xA4rbtem Zehennagel\n"
                               "\xC2\xA9 Bildagentur Nordlicht/Anja Voss\n\nInhaltsverzeichnis\n\n1. Was ist Nagelpilz?\n"
                               "2. Symptome\n3. Behandlung\n4. Vorbeugen\n5. Wann zum Arzt?\n6. Quellen\n\n" + body;
  EXPECT_EQ(parse_plaintext(contents, rules()).title, "Nagelpilz: So werden Sie ihn wieder los");
  // A listicle's count in the headline is no fact of a card.
  EXPECT_NE(classify("Dry Mouth: 10 Common Causes").kind, PageLineKind::Meta);
  EXPECT_EQ(classify("Prep time: 15 minutes").kind, PageLineKind::Meta);
}

TEST(PageTextEndings, AVideoPagesTitleStandsOverItsChannelRow) {
  const std::string page =
      "\xE2\x98\xB0 Streamly\n[                    ]Search\nSign in\n\xE2\x96\xB6 0:00 / 4:12 CC\n#firstaid #choking\n"
      "How to help someone who is choking: back blows and abdominal thrusts\n[rfa]\n"
      "Ridgeview First Aid Academy \xE2\x9C\x94\n212K subscribers\nSubscribe\n"
      "\xF0\x9F\x91\x8D 6.9K \xF0\x9F\x91\x8E Share Download Clip Save \xE2\x80\xA6\n184,302 views Feb 3, 2026\n" +
      std::string(kBody) + "\xC2\xA9 2026 Streamly\n";
  EXPECT_EQ(parse_plaintext(page, rules()).title,
            "How to help someone who is choking: back blows and abdominal thrusts");
}

TEST(PageTextEndings, AServiceBoxInTheTextGoesButAnEmergencyBoxStays) {
  const std::string page = std::string(kSiteTop) + "Hand, foot and mouth disease\n\n" + std::string(kBody) +
                           "Questions?\n\nIf you have questions, call the Northfield Nurse Line at (555) 555-0172, any "
                           "day.\n\nRequest an appointment\n\n"
                           "Worried?\n\nCall 999 or the ward on 01632 555381 right away if your child stops drinking.\n\n" +
                           std::string(kBody);
  const std::string text = all_text(parse_plaintext(page, rules()));
  EXPECT_FALSE(has(text, "Questions?"));
  EXPECT_FALSE(has(text, "Nurse Line"));
  EXPECT_FALSE(has(text, "Request an appointment"));
  EXPECT_TRUE(has(text, "Worried?"));
  EXPECT_TRUE(has(text, "Call 999 or the ward"));
}

TEST(PageTextEndings, AServiceBoxWithItsNumberUnderAPitchAndAnAuthorBoxAtTheEndGo) {
  const std::string page = std::string(kSiteTop) + "Hand, foot and mouth disease\n\n" + std::string(kBody) +
                           "Worried about your child's rash?\n\nSee one of our paediatricians at Northfield Health.\n\n"
                           "Book Appointment Call 1800-555-0147\n\n" + std::string(kBody) +
                           "Dr. Kavita Deshmukh\n\nMBBS, MD (Paediatrics). Dr. Deshmukh is a consultant paediatrician at "
                           "Northfield Health with 14 years of experience in childhood infections.\n";
  const std::string text = all_text(parse_plaintext(page, rules()));
  EXPECT_FALSE(has(text, "Worried about"));
  EXPECT_FALSE(has(text, "Book Appointment"));
  EXPECT_FALSE(has(text, "Kavita"));
  EXPECT_FALSE(has(text, "consultant paediatrician"));
  EXPECT_TRUE(has(text, "Give plenty of fluids"));
  // A closing paragraph that names no one is the text's own.
  const std::string plain = std::string(kSiteTop) + "Hand, foot and mouth disease\n\n" + std::string(kBody) +
                            "Further help\n\nYour health visitor is a good person to ask about rashes, fevers and "
                            "feeding, and can visit you at home.\n";
  EXPECT_TRUE(has(all_text(parse_plaintext(plain, rules())), "Your health visitor is a good person"));
}

TEST(PageTextEndings, ATwoPartHeadlineUnderACategorysNameIsTheTitle) {
  const std::string page = std::string(kSiteTop) + "Stress & anxiety\n\n"
                           "Box breathing: how a slow count of four can help you calm down\n\n" + std::string(kBody);
  EXPECT_EQ(parse_plaintext(page, rules()).title, "Box breathing: how a slow count of four can help you calm down");
  // A request with a comma under a short title is its subtitle.
  const std::string guide = std::string(kSiteTop) + "Running in the cold\n\n"
                            "A guide for the winter running groups of the club, please read before the first session\n\n" +
                            std::string(kBody);
  EXPECT_EQ(parse_plaintext(guide, rules()).title, "Running in the cold");
}

TEST(PageTextEndings, ATitleCaseQuestionUnderATrailsOwnQuestionIsTheTitle) {
  const std::string page = std::string(kSiteTop) + "Home\nParenting\nHow Much Sleep Does My Child Need?\n\nParenting\n\n"
                           "How Much Sleep Does Your Child Need?\n\n" + std::string(kBody);
  EXPECT_EQ(parse_plaintext(page, rules()).title, "How Much Sleep Does Your Child Need?");
}

TEST(PageTextEndings, AnAuthorBoxOverTheSitesDisclaimerAndPolishBackMatterGo) {
  const std::string page = std::string(kSiteTop) + "Hand, foot and mouth disease\n\n" + std::string(kBody) +
                           "Tegan Marlowe\n\nTegan is Northfield's head nurse for children's services and has worked "
                           "on children's wards in Leeds and York for twelve years.\n\n"
                           "This article is general information only and isn't a substitute for advice from a "
                           "qualified health professional.\n";
  const std::string text = all_text(parse_plaintext(page, rules()));
  EXPECT_FALSE(has(text, "Tegan"));
  EXPECT_TRUE(has(text, "Give plenty of fluids"));
  const std::string polish = std::string(kSiteTop) + "Kolka niemowl\u0119ca: jak pom\u00f3c maluchowi\n\n" +
                             std::string(kBody) + "\u0179r\u00f3d\u0142a\n\nP\u0142acz niemowl\u0105t i kolka, 2025.\n\n"
                             "Przeczytaj tak\u017ce\n\nIle \u015bpi noworodek?\n";
  const std::string ptext = all_text(parse_plaintext(polish, rules()));
  EXPECT_FALSE(has(ptext, "2025"));
  EXPECT_FALSE(has(ptext, "noworodek"));
}

TEST(PageTextEndings, ASiteNoticeAskingAQuestionOverACategoryAndTheTitleIsPassed) {
  const std::string page =
      "Direct naar de inhoud\nSpoed? Bij levensgevaar belt u altijd 112. Overdag belt u de praktijk en kiest u 1.\n"
      "Menu\n\nHuid en haar\n\nWratten\n\nWratten zijn onschuldige bultjes op de huid. Ze worden veroorzaakt door een "
      "virus en gaan meestal vanzelf over, al kan dat maanden tot een paar jaar duren.\n\n" + std::string(kBody);
  const Article a = parse_plaintext(page, rules());
  EXPECT_EQ(a.title, "Wratten");
  EXPECT_FALSE(has(all_text(a), "levensgevaar"));
}

TEST(PageTextEndings, AJapanesePicturesTextUnderTheHeadlineIsNoTitle) {
  // ものもらいができたら？原因と治し方 over まぶたを気にする女性, a stock photo's alt text.
  const std::string headline = "ものもらいができたら？原因・症状と治し方、受診の目安";
  const std::string page = "  \u2022 ホーム\n  \u2022 コラム\n  \u2022 " + headline + "\n2026.11.26 目の病気\n" + headline +
                           "\nまぶたを気にする女性\n" +
                           "まぶたが赤く腫れて、まばたきをすると痛いときは、ものもらいかもしれません。多くは適切な治療で一週間から二週間ほどで治ります。\n\nものもらいは、まぶたの腺に細菌が入って起こる炎症です。疲れや睡眠不足で抵抗力が落ちているときにできやすくなります。\n\n目をこすらず、コンタクトレンズは治るまで控えましょう。腫れが広がる、熱が出るときは早めに眼科を受診してください。\n\n";
  EXPECT_EQ(parse_plaintext(page, rules()).title, headline);
}

TEST(PageTextEndings, AnOfferBoxWithAQuestionForATitleAndItsButtonGoes) {
  const std::string page = std::string(kSiteTop) + "Hand, foot and mouth disease\n\n" + std::string(kBody) +
                           "Not feeling better?\n\nSkip the waiting room. Save your spot online at any Northfield clinic "
                           "and wait from home.\n\nSave My Spot\n\n" + std::string(kBody);
  const std::string text = all_text(parse_plaintext(page, rules()));
  EXPECT_FALSE(has(text, "Not feeling better"));
  EXPECT_FALSE(has(text, "Skip the waiting room"));
  EXPECT_FALSE(has(text, "Save My Spot"));
  EXPECT_TRUE(has(text, "Give plenty of fluids"));
}

TEST(PageTextEndings, ShareButtonsOneToALineAreNoTitle) {
  for (const char* line : {"Post on X", "Share on LinkedIn"}) {
    const PageLineKind kind = classify(line).kind;
    EXPECT_TRUE(kind == PageLineKind::Chrome || kind == PageLineKind::Junk) << line;
  }
  EXPECT_EQ(classify("Post on the ward").kind, PageLineKind::Short);
}

TEST(PageTextEndings, RelatedLinksOverASignUpFormEndTheTextWhateverTheFooterSays) {
  const std::string related =
      "You might also like\n\n  \xE2\x80\xA2 Your blood pressure numbers, explained\n"
      "  \xE2\x80\xA2 Ten minutes with your GP: how to make the most of it\n"
      "  \xE2\x80\xA2 Walking for a healthier heart: a 6-week plan\n\n";
  const std::string footer =
      "The Northfield Letter\n\nEmail address [                    ] Sign up\n"
      "  \xE2\x80\xA2 About us\n  \xE2\x80\xA2 Careers\n\n"
      "Northfield Health Insurance DAC is regulated by the Central Bank of Ireland. Registered in Ireland, company "
      "number 000000. Registered office: Northfield House, Custom Quay, Cork, where our board meets each quarter.\n";
  const std::string page = std::string(kSiteTop) + "Hand, foot and mouth disease\n\n" + std::string(kBody) + related;
  const std::string text = all_text(parse_plaintext(page + footer, rules()));
  EXPECT_TRUE(has(text, "Give plenty of fluids"));
  EXPECT_FALSE(has(text, "Walking for a healthier heart"));
  EXPECT_FALSE(has(text, "Central Bank"));
  // Without the sign-up form between, a long paragraph under the links may
  // still be the text's: the marker ends nothing.
  const std::string story =
      "Most children are back at nursery within a week, once the fever has gone and they feel well enough, "
      "even if a few blisters are still healing on their hands and feet.\n";
  EXPECT_TRUE(has(all_text(parse_plaintext(page + story, rules())), "back at nursery"));
}

TEST(PageTextEndings, AShareBarDrawnAsAListAndAHelpCentresOfferGo) {
  const std::string share = "  \xE2\x80\xA2 Facebook\n  \xE2\x80\xA2 LinkedIn\n  \xE2\x80\xA2 Email\n\n";
  const std::string offer =
      "Still have questions? Call our nurses at 902-555-0176, Monday to Friday, or submit a ticket and we will "
      "reply within one business day.\n\nDid you find it helpful? Yes No\n\n";
  const std::string standfirst =
      "A common illness of young children that passes on its own. Here is what to look out for, how to ease "
      "the soreness and when to call a doctor.\n\n";
  const std::string page = std::string(kSiteTop) + "Hand, foot and mouth disease\n\n" + standfirst +
                           "By Dr Ana Ruiz \xC2\xB7 3 May 2029\n\n" + share + std::string(kBody) + offer;
  const std::string text = all_text(parse_plaintext(page, rules()));
  EXPECT_FALSE(has(text, "LinkedIn"));
  EXPECT_FALSE(has(text, "Still have questions"));
  EXPECT_FALSE(has(text, "Did you find it helpful"));
  EXPECT_TRUE(has(text, "Give plenty of fluids"));
  // A list of one network is no share bar, and advice to call stays.
  const std::string advice = "If you still have questions, call your GP or a pharmacist for advice.\n\n";
  const std::string kept = all_text(parse_plaintext(std::string(kSiteTop) + "Hand, foot and mouth disease\n\n" +
                                                        std::string(kBody) + advice + std::string(kBody),
                                                    rules()));
  EXPECT_TRUE(has(kept, "call your GP"));
}

// A forum thread opened by a long post, in the three ways forum software
// marks its posts: numbers ("#1"), "Posted DATE" under the poster's name, and
// "by NAME » DATE".
std::string forum_thread(std::string_view first_marker, std::string_view second_marker) {
  return std::string(
             "Jump to content\nHillside Runners Forum\n  \xE2\x80\xA2 Sign In\n  \xE2\x80\xA2 Register\n"
             "  \xE2\x80\xA2 Home\n  \xE2\x80\xA2 Injuries\n\n"
             "Posts here are members' own experiences, not medical advice. If you have chest pain, call 999.\n\n"
             "Shin splints at week six of my first 10k plan\n\n"
             "Started by pacer_dan77, 2 April in Injuries\n\n  \xE2\x80\xA2 Follow\n  \xE2\x80\xA2 Reply\n\n"
             "pacer_dan77\n  \xE2\x80\xA2 Members\n  \xE2\x80\xA2 41 posts\n\n") +
         std::string(first_marker) +
         "\n\nHello everyone,\n\n"
         "I took up running in February and was doing well on a beginner plan until last week, when the inside of "
         "both shins started to ache during the first mile and again the next morning on the stairs.\n\n"
         "I run three times a week on pavement in shoes I bought four years ago for walking. The ache eases after a "
         "rest day but comes back as soon as I run again, and it is worse on the downhill stretch near my house.\n\n"
         "Should I stop altogether for a while, or can I keep going slowly? Has anyone found that new shoes or "
         "running on grass made a real difference, and how long did it take before you were back to normal?\n\n"
         "Cheers, Dan\n\nEvery mile is a good mile.\n\n"
         "Dieser Beitrag wurde bereits 1 Mal editiert, zuletzt von pacer_dan77 (3. April 2029, 08:10).\n\n"
         "Quote Report\n\nmara_k\n  \xE2\x80\xA2 Coach\n\n" +
         std::string(second_marker) +
         "\n\nRest for a week and swap the walking shoes for running shoes fitted at a shop; most of us have had "
         "exactly this in the first couple of months, and it settles.\n\n"
         "\xC2\xA9 2029 Hillside Runners Forum\n";
}

TEST(PageTextEndings, AThreadOpenedByALongPostIsReadAsThatPostUnderItsTitle) {
  for (const auto& [first, second] : {std::pair{"  \xE2\x80\xA2 #1", "  \xE2\x80\xA2 #2"},
                                      std::pair{"Posted 2 April", "Posted 2 April"}}) {
    const Article a = parse_plaintext(forum_thread(first, second), rules());
    const std::string text = all_text(a);
    EXPECT_EQ(a.title, "Shin splints at week six of my first 10k plan") << first;
    EXPECT_TRUE(has(text, "inside of both shins")) << text;
    EXPECT_TRUE(has(text, "Cheers, Dan")) << text;
    for (std::string_view gone : {"not medical advice", "Started by", "41 posts", "Every mile", "editiert", "Quote",
                                  "mara_k", "Rest for a week"})
      EXPECT_FALSE(has(text, gone)) << gone << "\n" << text;
  }
  // phpBB's "by NAME » DATE" header under the pane.
  const Article arrowed = parse_plaintext(
      forum_thread("Post by pacer_dan77 \xC2\xBB Mon Apr 02, 2029 7:41 pm", "Re: Shin splints\n\n"
                   "by mara_k \xC2\xBB Mon Apr 02, 2029 8:02 pm"),
      rules());
  EXPECT_TRUE(has(all_text(arrowed), "downhill stretch"));
  EXPECT_FALSE(has(all_text(arrowed), "Rest for a week")) << all_text(arrowed);
}

TEST(PageTextEndings, AShopsBasketCountIsNoTitleAndALeadInClosesAReadAlsoBox) {
  const std::string page =
      "Toko Kain Nusantara\nCari Masuk Keranjang (0)\n\n  \xE2\x80\xA2 Beranda\n  \xE2\x80\xA2 Batik\n"
      "  \xE2\x80\xA2 Tenun\n  \xE2\x80\xA2 Blog\n\n"
      "Cara Menyimpan Kain Tenun agar Tidak Berjamur\n\n"
      "Kain tenun yang disimpan di lemari lembap mudah berjamur, terutama pada musim hujan, dan noda jamur sulit "
      "dihilangkan tanpa merusak warna benangnya.\n\n"
      "Kain sebaiknya diangin-anginkan setiap beberapa bulan dan dilipat dengan posisi lipatan yang berbeda agar "
      "seratnya tidak patah di tempat yang sama.\n\n"
      "Baca juga\nCara mencuci batik tulis dengan lerak\n\n"
      "Sebelum menyimpan kain, siapkan beberapa barang berikut ini:\n"
      "  \xE2\x80\xA2 kertas tanpa asam\n  \xE2\x80\xA2 kantong kain katun\n  \xE2\x80\xA2 kapur barus dalam kantong\n\n"
      "Jangan pernah menyimpan kain tenun di dalam kantong plastik, karena uap air akan terperangkap di dalamnya "
      "dan justru membuat jamur tumbuh lebih cepat.\n\n"
      "\xC2\xA9 2028 Toko Kain Nusantara\n";
  const Article a = parse_plaintext(page, rules());
  const std::string text = all_text(a);
  EXPECT_EQ(a.title, "Cara Menyimpan Kain Tenun agar Tidak Berjamur");
  EXPECT_FALSE(has(text, "mencuci batik")) << text;
  EXPECT_TRUE(has(text, "siapkan beberapa barang")) << text;
  EXPECT_TRUE(has(text, "kantong kain katun")) << text;
}

TEST(PageTextEndings, ACommentCountInTheBylinesRowUnderAStandfirstEndsNothing) {
  const std::string page =
      std::string(kSiteTop) + "The long read\n\n'The ward was our home': nurses of the last fever hospital\n\n"
      "When the last fever hospitals closed, a way of working that had lasted a century went with them. Former "
      "nurses remember the long shifts, the quiet wards and the children who went home well again.\n\n"
      "\xE2\x96\xB2 A former nurse at the door of the old isolation ward on the edge of the town, now a school.\n\n"
      "by Ruth Ellery\n\nTue 3 Oct 2028 06.00 BST\n\nShare on Facebook Share via Email 2,318\n\nComments 214\n\n" +
      std::string(kBody) + "\xC2\xA9 2028 Northfield Health\n";
  const std::string text = all_text(parse_plaintext(page, rules()));
  EXPECT_TRUE(has(text, "Give plenty of fluids")) << text;
  EXPECT_FALSE(has(text, "Comments 214")) << text;
}

}  // namespace
}  // namespace readaloud
