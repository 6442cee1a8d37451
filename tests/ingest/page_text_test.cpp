#include "ingest/page_text.hpp"

#include <gtest/gtest.h>

#include <string>

#include "ingest/page_text_rules.hpp"
#include "ingest/plaintext_parser.hpp"

namespace readaloud {
namespace {

const BoilerplateFilter& rules() {
  static const BoilerplateFilter filter = BoilerplateFilter::builtin();
  return filter;
}

PageLineKind kind(std::string_view line) { return classify_page_line(line, rules()).kind; }

TEST(ClassifyPageLine, ChromeByStructureAndByRule) {
  EXPECT_EQ(kind("Home > Health > Allergies"), PageLineKind::Chrome);
  EXPECT_EQ(kind("News | Sport | Weather | Culture"), PageLineKind::Chrome);
  EXPECT_EQ(kind("1 Allergy Facts 2 Allergy Types 3 Diagnosis & Treatment 4 Living With Allergies"),
            PageLineKind::Chrome);
  EXPECT_EQ(kind("Font Size A A A"), PageLineKind::Chrome);
  EXPECT_EQ(kind("Skip to content"), PageLineKind::Chrome);
  EXPECT_EQ(kind("[ ] Remember me"), PageLineKind::Chrome);
  EXPECT_EQ(kind("We use cookies to improve your experience. By clicking Accept, you agree to our cookie policy."),
            PageLineKind::Chrome);
  EXPECT_EQ(kind("\xC2\xA9 2025 Example Media. All rights reserved."), PageLineKind::Chrome);
  EXPECT_EQ(kind("12 thoughts on \"Why bread goes stale\""), PageLineKind::Chrome);
}

TEST(PageTextRules, CallsToActionAreNoHeadlines) {
  EXPECT_TRUE(is_call_to_action("Subscribe for $1", 3));
  EXPECT_TRUE(is_call_to_action("Sign in", 2));
  EXPECT_TRUE(is_call_to_action("Suscr\xC3\xAD" "bete", 1));
  EXPECT_FALSE(is_call_to_action("Subscriptions to gyms rise in January", 6));
  EXPECT_FALSE(is_call_to_action("Registered nurses call for more staff", 6));
}

TEST(FindArticleRegion, ACallToActionAboveTheHeadlineIsNotTheTitle) {
  const std::string page =
      "Millbrook Gazette\n\n  \u2022 News\n  \u2022 Sports\n  \u2022 Opinion\n\nSubscribe for $1\n\n"
      "Harbor town opens a cooling center as the heat lingers\n\nBy Dana Whit | July 15, 2025\n\n"
      "Officials opened the town's first public cooling center on Tuesday, in the old ferry terminal, with fans "
      "and water.\n\nThe move follows eight straight days of temperatures above ninety degrees in the town.\n\n"
      "\xC2\xA9 2025 Millbrook Gazette. All rights reserved.\n";
  const Article a = parse_plaintext(page, rules());
  EXPECT_EQ(a.title, "Harbor town opens a cooling center as the heat lingers");
}

TEST(ClassifyPageLine, ProseShortAndMeta) {
  EXPECT_EQ(kind("Rinsing the nose with salt water twice a day eased sneezing in adults with hay fever."),
            PageLineKind::Prose);
  EXPECT_EQ(kind("World"), PageLineKind::Short);
  EXPECT_EQ(kind("Why this soup works"), PageLineKind::Short);
  EXPECT_EQ(kind("By Nora Quinn"), PageLineKind::Meta);
  EXPECT_EQ(kind("March 2, 2024"), PageLineKind::Meta);
  EXPECT_EQ(kind("4 min read"), PageLineKind::Meta);
  // A sentence that mentions a cookie recipe is not a consent banner.
  EXPECT_EQ(kind("Bake the cookies for twelve minutes, until the edges turn golden brown."), PageLineKind::Prose);
}

constexpr std::string_view kPage =
    "Skip to content\n"
    "Daily Ledger\n"
    "News\nWorld\nHealth\nSport\n"
    "Home > News > Health\n"
    "Clinics extend hours as flu cases double\n"
    "By Dana Okoro\n"
    "Published 9 December 2024\n"
    "Flu cases reported by family doctors doubled over the past two weeks, the health agency said on Tuesday.\n"
    "Many clinics will open on Saturday mornings until the end of January, and pharmacies can vaccinate children.\n"
    "Most read\nStorm tracker\nCup final\n"
    "Privacy policy\n"
    "\xC2\xA9 2024 Daily Ledger. All rights reserved.\n";

TEST(FindArticleRegion, CutsTheChromeAroundTheArticle) {
  const PageRegion r = find_article_region(kPage, rules());
  ASSERT_TRUE(r.whole_page);
  EXPECT_EQ(r.title_line, 8u);
  EXPECT_EQ(r.first_line, 8u);
  EXPECT_EQ(r.last_line, 12u);
  EXPECT_TRUE(r.lines_are_paragraphs);
  ASSERT_EQ(r.dropped_inside.size(), 2u);  // byline and date
  EXPECT_EQ(r.dropped_inside[0].rule, "page-byline");
}

TEST(FindArticleRegion, ParsedArticleHasTheHeadlineAndOnlyTheArticle) {
  const Article a = parse_plaintext(kPage, rules());
  EXPECT_EQ(a.title, "Clinics extend hours as flu cases double");
  EXPECT_EQ(a.author, "Dana Okoro");
  ASSERT_EQ(a.sections.size(), 1u);
  ASSERT_EQ(a.sections[0].blocks.size(), 2u);
  EXPECT_EQ(plain_text(a.sections[0].blocks[1].text).substr(0, 12), "Many clinics");
}

TEST(FindArticleRegion, TidyArticleTextIsLeftAlone) {
  constexpr std::string_view tidy =
      "Rinsing your nose\n\nSalt water rinses wash mucus and pollen out of the nose, and many people find them soothing.\n\n"
      "Benefits\n\n- fewer sneezes\n- a clearer nose\n- better sleep\n";
  const PageRegion r = find_article_region(tidy, rules());
  EXPECT_FALSE(r.whole_page);
  EXPECT_TRUE(r.dropped_outside.empty());
}

TEST(FindArticleRegion, CommentsEndTheArticle) {
  constexpr std::string_view blog =
      "Skip to content\nHome\nRecipes\nAbout\n"
      "Why my starter went flat\n"
      "Last month my starter, which had been lively for two years, suddenly stopped rising at all.\n"
      "A warmer shelf and two feeds a day brought it back within four days, and the loaves rose again.\n"
      "3 thoughts on \"Why my starter went flat\"\n"
      "Thank you, mine had the same grey layer and I thought I had killed it for good this time.\n"
      "\xC2\xA9 2024 Crumb. Proudly powered by WordPress.\n";
  const PageRegion r = find_article_region(blog, rules());
  ASSERT_TRUE(r.whole_page);
  EXPECT_EQ(r.title_line, 5u);
  EXPECT_EQ(r.last_line, 7u);
}

TEST(ClassifyPageLine, BylineRowsImageMarksAndConsentFrameworkText) {
  EXPECT_EQ(kind("Por Marta Ruiz | Revisado m\u00E9dicamente por la Dra. Elena Soto, pediatra | Actualizado el 10 de "
                 "julio de 2025"),
            PageLineKind::Meta);
  EXPECT_EQ(kind("By Nina Park | npark@tribune.example PUBLISHED: April 11, 2025 at 5:00 AM EDT"), PageLineKind::Meta);
  EXPECT_EQ(kind("\u2713 Medically reviewed by Dana Whitfield, MD \u2014 Written by Leo Grant \u2014 Updated on "
                 "March 2, 2025"),
            PageLineKind::Meta);
  // A text browser's image mark before a byline: the byline is judged.
  EXPECT_EQ(kind("[jm]Jonah Mercer\u00B76 min read\u00B7Mar 3, 2025"), PageLineKind::Meta);
  EXPECT_EQ(kind("We and our partners store and access information on your device to measure audiences and "
                 "personalise content."),
            PageLineKind::Chrome);
  // Near misses: a sentence with a bar, a form field, a sentence about devices.
  EXPECT_EQ(kind("Sleep was better | said most of the people who took part in the study last year."),
            PageLineKind::Prose);
  EXPECT_EQ(kind("[          ]Sign me up"), PageLineKind::Chrome);
  EXPECT_EQ(kind("Your phone keeps information on your device about how long you sleep each night."),
            PageLineKind::Prose);
}

TEST(FindArticleRegion, ProseInCommentsDoesNotKeepAShareBarInside) {
  constexpr std::string_view blog =
      "Home\nPotager\nFleurs\n"
      "Arroser le potager\n"
      "Quand la chaleur s'installe, les l\u00E9gumes profitent davantage d'un arrosage copieux et espac\u00E9.\n"
      "Le matin, la terre est fra\u00EEche et l'eau a le temps de descendre vers les racines avant la chaleur.\n"
      "Partager :\n  \u2022 Facebook\n  \u2022 E-mail\n"
      "Articles similaires\nQue semer en juillet ?\n"
      "2 r\u00E9flexions sur \u00AB Arroser le potager \u00BB\n"
      "Merci pour le tableau, je vais l'imprimer et le coller dans ma cabane, il n'a pas plu depuis trois semaines.\n";
  const PageRegion r = find_article_region(blog, rules());
  ASSERT_TRUE(r.whole_page);
  EXPECT_EQ(r.title_line, 4u);
  EXPECT_EQ(r.last_line, 6u);
}

TEST(ClassifyPageLine, ConsentBannersAndSkipLinksInEveryLanguage) {
  EXPECT_EQ(kind("Utilizamos cookies propias y de terceros para analizar el tr\u00E1fico y mostrar publicidad."),
            PageLineKind::Chrome);
  EXPECT_EQ(kind("Wir verwenden Cookies, um Inhalte zu personalisieren. Mit Klick auf Zustimmen willigen Sie ein."),
            PageLineKind::Chrome);
  EXPECT_EQ(kind("Nous utilisons des cookies pour mesurer l'audience et personnaliser les publicit\u00E9s."),
            PageLineKind::Chrome);
  EXPECT_EQ(kind("Wir und unsere Partner verarbeiten personenbezogene Daten, um Anzeigen zu personalisieren."),
            PageLineKind::Chrome);
  EXPECT_EQ(kind("Aceptar todas"), PageLineKind::Chrome);
  EXPECT_EQ(kind("Alle akzeptieren   Nur notwendige   Einstellungen"), PageLineKind::Chrome);
  EXPECT_EQ(kind("Reject additional cookies"), PageLineKind::Chrome);
  EXPECT_EQ(kind("Ir al contenido principal"), PageLineKind::Chrome);
  EXPECT_EQ(kind("Zum Inhalt springen"), PageLineKind::Chrome);
  EXPECT_EQ(kind("Aller au contenu"), PageLineKind::Chrome);
  EXPECT_EQ(kind("Vai al contenuto"), PageLineKind::Chrome);
  EXPECT_EQ(kind("Pular para o conte\u00FAdo"), PageLineKind::Chrome);
  EXPECT_EQ(kind("\u00A9 Gazzetta del Lago - Tutti i diritti riservati"), PageLineKind::Chrome);
  // An article sentence about cookies that asks nothing of the reader stays prose.
  EXPECT_EQ(kind("The biscuits known in America as cookies were first baked as test cakes in Dutch ovens."),
            PageLineKind::Prose);
}

TEST(ClassifyPageLine, BylinesDatesAndCardFactsInEveryLanguage) {
  EXPECT_EQ(kind("Por Luc\u00EDa Ferr\u00E1ndez"), PageLineKind::Meta);
  EXPECT_EQ(kind("Von Dr. med. Sabine Wolters"), PageLineKind::Meta);
  EXPECT_EQ(kind("di Francesca Riva"), PageLineKind::Meta);
  EXPECT_EQ(kind("Words by Ilse Brandt \u00B7 Photographs by Omar Haddad"), PageLineKind::Meta);
  EXPECT_EQ(kind("15 settembre 2025"), PageLineKind::Meta);
  EXPECT_EQ(kind("19.02.2025, 14:20 Uhr"), PageLineKind::Meta);
  EXPECT_EQ(kind("Publi\u00E9 le 3 f\u00E9vrier 2025 \u00E0 06h30"), PageLineKind::Meta);
  EXPECT_EQ(kind("Servings: 4"), PageLineKind::Meta);
  EXPECT_EQ(kind("4,8 (1.204 avalia\u00E7\u00F5es)"), PageLineKind::Meta);
  EXPECT_EQ(kind("Prep: 5 min \u00B7 Serves 1 \u00B7 38 reviews"), PageLineKind::Meta);
  EXPECT_EQ(kind("2025\u5E7410\u67088\u65E5 09:30 \u6765\u6E90\uFF1A\u5065\u5EB7\u751F\u6D3B\u7F51"), PageLineKind::Meta);
  // A headline with a colon is no card fact; a heading starting "De" is no byline.
  EXPECT_EQ(kind("Gout: Symptoms, Causes and Treatment"), PageLineKind::Short);
  EXPECT_EQ(kind("De qu\u00E9 se trata"), PageLineKind::Short);
}

std::string title_of(std::string_view page) {
  const PageRegion r = find_article_region(page, rules());
  if (r.title_line == 0) return "";
  std::size_t line = 1, pos = 0;
  while (line < r.title_line) {
    pos = page.find('\n', pos) + 1;
    ++line;
  }
  return std::string(page.substr(pos, page.find('\n', pos) - pos));
}

TEST(FindArticleRegion, TitleIsTheHeadlineNotALabelMastheadOrStandfirst) {
  // A section label that is also a menu item, a column label that prefixes
  // the headline, a standfirst and a bare author name under it.
  constexpr std::string_view page =
      "Skip to main content\nThe Evening Post\nHealth\nMoney\nTravel\nHealth\nDear Pharmacist\n"
      "Dear Pharmacist: Can I take my pills with grapefruit juice?\n"
      "It depends on the tablet, and a pharmacist can check the exact name for you in a minute\n"
      "Lena Morrow\nPublished April 2, 2025\n"
      "Grapefruit blocks an enzyme in the gut that breaks down some medicines, so more of the drug reaches the blood.\n"
      "Ask the pharmacist to look at the exact name of the tablet before you change anything at all.\n"
      "More in Health\nWhy knees ache in the cold\nPrivacy Notice\n\u00A9 2025 The Evening Post\n";
  EXPECT_EQ(title_of(page), "Dear Pharmacist: Can I take my pills with grapefruit juice?");
  const PageRegion r = find_article_region(page, rules());
  EXPECT_EQ(r.last_line, 13u);  // "More in Health" starts what follows the article
}

TEST(ClassifyPageLine, RunTogetherRowsShareRowsAndImageMarksAreChrome) {
  EXPECT_EQ(kind("SleepNutritionFitnessMindFamily"), PageLineKind::Chrome);
  EXPECT_EQ(kind("1.2K31SaveListenShare"), PageLineKind::Chrome);
  EXPECT_EQ(kind("Email ThisBlogThis!Share to XShare to FacebookShare to Pinterest"), PageLineKind::Junk);
  EXPECT_EQ(kind("Compartir: Facebook WhatsApp Correo"), PageLineKind::Junk);
  EXPECT_EQ(kind("Sam Okoye \u00B7 Follow"), PageLineKind::Chrome);
  EXPECT_EQ(kind("[jar-s320]"), PageLineKind::Chrome);
  // Near misses: one hump ("YouTube", "iPhone"), a sentence with a long name, a heading.
  EXPECT_EQ(kind("YouTube and iPhone habits"), PageLineKind::Short);
  EXPECT_EQ(kind("The JavaScriptCore engine was updated to fix the bug last week."), PageLineKind::Prose);
  EXPECT_EQ(kind("Share your worries with a friend or a doctor, and share on the phone if you cannot meet."),
            PageLineKind::Prose);
}

TEST(FindArticleRegion, ReferencesAndLabelsEndTheArticle) {
  EXPECT_TRUE(is_end_marker("Referencias", 1));
  EXPECT_TRUE(is_end_marker("Quellen", 1));
  EXPECT_TRUE(is_end_marker("Labels: sourdough, starter", 3));
  EXPECT_FALSE(is_end_marker("Labels on food can mislead, the study found.", 8));
}

TEST(FindArticleRegion, AButtonAndAKeyEventsListAboveTheTextAreNoHeadline) {
  constexpr std::string_view page =
      "Skip to main content\nNews\nSport\nCulture\n"
      "Heatwave live: health alert extended as temperatures climb\n"
      "Key events\n\u2022 2h ago Water company asks customers to use less\n\u2022 4h ago Alert extended\n"
      "Show key events only\n13.05 BST\n"
      "Volunteers at a seafront first-aid post have treated a dozen people for heat exhaustion since the morning.\n"
      "The signs to watch for are headache, dizziness, heavy sweating, cramps and a fast pulse in hot weather.\n"
      "Most viewed\nThe best fans for a hot bedroom\n\u00A9 2025 The Morning Post\n";
  EXPECT_EQ(title_of(page), "Heatwave live: health alert extended as temperatures climb");
}

TEST(FindArticleRegion, AOneSentenceStandfirstAboveWidgetsIsPassedToTheHeadline) {
  constexpr std::string_view page =
      "Medium\nWriteSign upSign in\nBetter DaysAboutSubmit\n"
      "I Fixed My Desk Posture With Three Boring Changes\n"
      "No standing desk, no special chair, no apps.\n"
      "Sam Okoye\u00B7Follow\n4 min read\u00B7Apr 7, 2025\n1.2K31SaveListenShare\n"
      "For two years my neck ached by four o'clock every afternoon, and I looked at expensive chairs for months.\n"
      "A physiotherapist friend watched me work for ten minutes and pointed out three things that were not exciting.\n"
      "Help\nStatus\nAbout\nPrivacy\n";
  EXPECT_EQ(title_of(page), "I Fixed My Desk Posture With Three Boring Changes");
  // Near miss: a question headline is never passed as a standfirst.
  constexpr std::string_view question =
      "Zum Inhalt springen\nGesundheit\nMedikamente\nSuche\n"
      "Ibuprofen oder Paracetamol \u2013 welches Mittel wann?\n"
      "Beide Wirkstoffe senken Fieber und lindern Schmerzen, bei Entz\u00FCndungen hat Ibuprofen die Nase vorn.\n"
      "Ibuprofen wirkt schmerzlindernd, fiebersenkend und entz\u00FCndungshemmend, besonders bei Zahnschmerzen.\n"
      "Impressum\nDatenschutz\n";
  EXPECT_EQ(title_of(question), "Ibuprofen oder Paracetamol \u2013 welches Mittel wann?");
}

TEST(FindArticleRegion, AHeadingAboveADeckIsTheHeadline) {
  constexpr std::string_view page =
      "PressWire Newsroom Submit a release\n\nRiverbend Library launches free tool lending service\n\n"
      "Card holders can borrow more than 300 tools\n\n"
      "Riverbend Public Library today launched a tool lending service that lets card holders borrow drills.\n\n"
      "The collection of more than three hundred items was built with donations from local hardware stores.\n\n"
      "Follow us: Facebook Instagram\nPrivacy\nTerms\n";
  EXPECT_EQ(title_of(page), "Riverbend Library launches free tool lending service");
}

TEST(FindArticleRegion, AnArticleAboutCookiesKeepsItsText) {
  std::string page = "Skip to content\nPrivacy Weekly\nNews\nGuides\nReviews\nAbout\n"
                     "How to manage cookies in your browser\nBy Ana Ruiz\n";
  for (int i = 0; i < 30; ++i)
    page += "Paragraph " + std::to_string(i) + " of the guide explains one more setting, step by step, in plain words.\n";
  page += "Most browsers let you accept or reject cookies for each site from the settings menu, and clear them later.\n";
  for (int i = 0; i < 30; ++i)
    page += "Section " + std::to_string(i) + " of the guide covers another browser and what its menus are called.\n";
  page += "Related\nBest private browsers\nPrivacy policy\n\u00A9 2025 Privacy Weekly\n";
  const PageRegion r = find_article_region(page, rules());
  ASSERT_TRUE(r.whole_page);
  EXPECT_EQ(r.title_line, 7u);
  EXPECT_EQ(r.last_line, 69u);
  for (const PageLine& l : r.dropped_inside) EXPECT_NE(l.number, 39u) << l.rule;
}

}  // namespace
}  // namespace readaloud
