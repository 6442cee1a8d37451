#include "ingest/page_text.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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

TEST(PageTextRules, AuthorBiosInEachLanguage) {
  EXPECT_TRUE(is_author_bio("Mara Linden is a freelance science writer based in Cork who loves long walks."));
  EXPECT_TRUE(is_author_bio("Theo Brandt covers transport and housing for the Evening Courier."));
  EXPECT_TRUE(is_author_bio("Lucía Ferrer es periodista especializada en salud y vive en Valencia."));
  EXPECT_TRUE(is_author_bio("Jonas Keller ist Redakteur im Ressort Wissen und schreibt über Medizin."));
  EXPECT_TRUE(is_author_bio("Claire Dumas est journaliste au service santé depuis 2019."));
  EXPECT_TRUE(is_author_bio("Paolo Serra è un giornalista che scrive di ambiente."));
  EXPECT_TRUE(is_author_bio("Rita Sousa é jornalista e escreve sobre ciência."));
  // People in the story, and sentences without a name first, are no bios.
  EXPECT_FALSE(is_author_bio("Mara Linden is a nurse at the walk-in clinic and sees flu every winter."));
  EXPECT_FALSE(is_author_bio("Insurance covers most of the cost of the test for adults over fifty."));
  EXPECT_FALSE(is_author_bio("The writer is a volunteer at the food bank."));
}

constexpr std::string_view kPageWithBackMatter =
    "Skip to content\nHome\nNews\nHealth\nSport\nWeather\n\n"
    "Town pool reopens after repairs\n\n"
    "The town pool opened again on Monday after four months of repairs to its roof and heating.\n\n"
    "Swimmers queued before the doors opened, and lessons for children start again next week, the manager said.\n\n"
    "If you value our journalism, please support us with a contribution of any size.\n\n"
    "Sources\n\n"
    "1. Town council, leisure services report to the finance committee on pool repairs and running costs, May.\n"
    "2. Interview with the pool manager by telephone, arranged through the press office of the council.\n\n"
    "Nell Archer is a local news reporter who has written about the town for the Courier since 2018.\n\n"
    "Follow\n\n"
    "Most read\n\nRoad closed for bridge works\nMarket moves to the square\n\n"
    "Privacy policy\nTerms of use\n";

TEST(FindArticleRegion, SourcesAndTheAuthorBioEndTheArticle) {
  const Article a = parse_plaintext(kPageWithBackMatter, rules());
  EXPECT_EQ(a.title, "Town pool reopens after repairs");
  ASSERT_EQ(a.sections.size(), 1u);
  ASSERT_EQ(a.sections[0].blocks.size(), 2u);
  EXPECT_TRUE(plain_text(a.sections[0].blocks[1].text).starts_with("Swimmers queued"));
}

TEST(FindArticleRegion, AClosingBioWithoutAHeadingGoes) {
  constexpr std::string_view page =
      "Menu\nNews\nSport\nLife\nMoney\n\n"
      "Allotment waiting lists grow\n\n"
      "More people than ever are waiting for an allotment in the district, with some lists now eight years long.\n\n"
      "The council says it is looking for new land near the river but has no date for new plots yet.\n\n"
      "Priya Marsh is a community reporter who writes about gardens, parks and green spaces for the Courier.\n\n"
      "Latest\n\nBus fares to rise\nNew library hours\n\nPrivacy policy\n";
  const Article a = parse_plaintext(page, rules());
  ASSERT_EQ(a.sections.size(), 1u);
  ASSERT_EQ(a.sections[0].blocks.size(), 2u);
  EXPECT_TRUE(plain_text(a.sections[0].blocks[1].text).starts_with("The council says"));
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

TEST(FindArticleRegion, OtherRecipesLinksEndTheArticle) {
  const Article a = parse_plaintext(
      "Home | Recipes | About\n\nSpiced carrot soup for cold days\n\n"
      "Carrot soup is quick to make and keeps well in the fridge for three days, so a big pot lasts most of the "
      "week.\n\nFry the onion gently, add the carrots and stock, and simmer for twenty minutes before you blend "
      "it smooth.\n\nOther recipes you might like\n\nPea and mint soup\n\nRoast tomato soup in 30 minutes\n",
      rules());
  EXPECT_EQ(a.title, "Spiced carrot soup for cold days");
  std::string text;
  for (const auto& s : a.sections)
    for (const auto& b : s.blocks) text += plain_text(b.text) + "\n";
  EXPECT_NE(text.find("simmer for twenty minutes"), std::string::npos) << text;
  EXPECT_EQ(text.find("Pea and mint"), std::string::npos) << text;
}

TEST(FindArticleRegion, LiveBlogTitleIsAboveItsSummaryBoxAndKeyEvents) {
  const Article a = parse_plaintext(
      "Valley Post News Sport Weather\n\n"
      "Floods live: river bursts banks in two towns \xE2\x80\x93 latest updates\n\n"
      "Key events\n\n  \xE2\x80\xA2 11:05 Schools close early\n  \xE2\x80\xA2 10:40 Bridge shut\n\n"
      "[Show key events only]\n"
      "Summary\n  \xE2\x80\xA2 Two towns are under a severe flood warning until midnight tonight.\n\n"
      "11:05\n\nSchools close early\n\nEvery school in both towns closed at noon so that children could get home "
      "before the water reached the lower roads near the river.\n\n"
      "10:40\n\nBridge shut\n\nPolice shut the old bridge at twenty to eleven after water rose above the arches, "
      "and drivers are being sent round by the bypass.\n",
      rules());
  EXPECT_EQ(a.title, "Floods live: river bursts banks in two towns \xE2\x80\x93 latest updates");
  std::string text;
  for (const auto& s : a.sections) {
    text += s.title + "\n";
    for (const auto& b : s.blocks) {
      text += plain_text(b.text) + "\n";
      for (const auto& i : b.items) text += plain_text(i.text) + "\n";
    }
  }
  EXPECT_EQ(text.find("10:40 Bridge shut"), std::string::npos) << text;
  EXPECT_NE(text.find("Police shut the old bridge"), std::string::npos) << text;
}

TEST(PageTextRules, HeadlineWordsRecurInTheLead) {
  constexpr std::string_view lead =
      "Swimmers who train in cold lakes should warm up slowly afterwards, doctors say. Shivering is normal.";
  EXPECT_DOUBLE_EQ(shared_word_share("Why cold-lake swimmers should warm up slowly", lead), 1.0);
  EXPECT_DOUBLE_EQ(shared_word_share("Exclusive to the Gazette", lead), 0.0);
  // A shared stem counts: "swimmer" and "swimmers".
  EXPECT_DOUBLE_EQ(shared_word_share("Swimmer", lead), 1.0);
  // Words under four letters carry nothing.
  EXPECT_DOUBLE_EQ(shared_word_share("in a lake", "a"), 0.0);
}

TEST(PageTextRules, UiPhrasesInEveryLanguage) {
  for (std::string_view p : {"Follow", "Forward to a friend", "Published in", "Member-only story", "Accept all",
                             "Reenviar a un amigo", "Folgen", "Envoyer \u00E0 un ami", "Accetta", "Aceitar",
                             "Stuur door aan een vriend"})
    EXPECT_TRUE(is_ui_phrase(p, 3)) << p;
  // Near misses: a headline that starts with such a word is no control.
  EXPECT_FALSE(is_ui_phrase("Follow the money: who pays for hospital parking", 8));
  EXPECT_FALSE(is_ui_phrase("Accepting a diagnosis takes time", 5));
}

TEST(FindArticleRegion, AnAffiliationUnderTheBylineIsNoHeadline) {
  constexpr std::string_view page =
      "Skip to main content\nThe Evening Lantern\nNews\nHealth\nSport\n"
      "Why do my knees ache before it rains?\n"
      "Dr. Pia Lindqvist\nWriting for the Lantern\n"
      "Published 9:15 a.m. March 3, 2025\n"
      "Many people say their knees ache before rain, and the feeling is real: falling air pressure lets the "
      "tissue around a sore joint swell a little.\n"
      "Keeping the knees moving, with short walks and gentle stretches, eases the ache more than resting does.\n"
      "Privacy\nTerms\n\u00A9 2025 The Evening Lantern\n";
  EXPECT_EQ(title_of(page), "Why do my knees ache before it rains?");
}

TEST(FindArticleRegion, AStandfirstOfTwoSentencesOverABylineIsPassed) {
  constexpr std::string_view page =
      "Direkt zum Inhalt\nStadtbote\nPolitik\nSport\nGesundheit\nMagen und Darm\n"
      "Noroviren breiten sich in Kitas fr\u00FCher aus als sonst\n"
      "Mehrere Einrichtungen melden Ausbr\u00FCche. Eltern sollten auf H\u00E4ndewaschen achten.\n"
      "Von Jonas Brehm\n04.11.2025, 08:10 Uhr\nTeilen\n"
      "In mehreren Kitas der Stadt sind seit Ende Oktober Noroviren aufgetreten, deutlich fr\u00FCher als in "
      "den vergangenen Jahren.\n"
      "Die Viren werden \u00FCber die H\u00E4nde weitergegeben, deshalb hilft gr\u00FCndliches Waschen mit Seife "
      "am meisten.\n"
      "Impressum\nDatenschutz\n";
  EXPECT_EQ(title_of(page), "Noroviren breiten sich in Kitas fr\u00FCher aus als sonst");
}

TEST(FindArticleRegion, ABylineBarWithCountersLiesBetweenStandfirstAndText) {
  constexpr std::string_view page =
      "Open in app\nSign up\nSign in\nWrite\n"
      "Rutas Lentas \u00B7 Follow publication\n"
      "Volv\u00ED a nadar en el mar despu\u00E9s de una lesi\u00F3n de hombro\n"
      "Cuatro meses de ejercicios y un poco de paciencia.\n"
      "Marta Oliva\nMarta Oliva\nFollow\nPublished in\nRutas Lentas\n\u00B7\n6 min read\n\u00B7\nMay 2, 2026\n"
      "310\n12\nListen\nShare\n"
      "El verano pasado me operaron del hombro derecho y pens\u00E9 que no volver\u00EDa a nadar en el mar "
      "durante mucho tiempo, porque el m\u00E9dico fue prudente.\n"
      "Esta no es una gu\u00EDa m\u00E9dica, es solo c\u00F3mo volv\u00ED a nadar poco a poco con la lesi\u00F3n "
      "curada.\n"
      "Help\nStatus\nAbout\n";
  EXPECT_EQ(title_of(page), "Volv\u00ED a nadar en el mar despu\u00E9s de una lesi\u00F3n de hombro");
}

TEST(FindArticleRegion, ANavBarOfNamesGainsNothingFromWordsTheCreditsShare) {
  constexpr std::string_view page =
      "Blue Harbour Science Travel Photography\n\n"
      "How lighthouse keepers lived on a rock for a month at a time\n\n"
      "Words by Tom Eade \u00B7 Photographs by Lin Park\n\n"
      "The lamp room at dusk\nLin Park for Blue Harbour\n\n"
      "For a hundred years, keepers on the rock lived in turns of a month, with supplies brought by boat.\n\n"
      "The stores room held flour, tea and lamp oil. Lin Park for Blue Harbour\n\n"
      "Each keeper climbed the tower stairs many times a night to trim the wick and wind the clock.\n\n"
      "More from Blue Harbour\nAbout us\n\u00A9 2025 Blue Harbour\n";
  EXPECT_EQ(title_of(page), "How lighthouse keepers lived on a rock for a month at a time");
}

TEST(FindArticleRegion, ABlogPostTitleUnderItsDateAndOverItsLabels) {
  constexpr std::string_view page =
      "Windy Hill Notes\n\nOne man, one dog, too many hills\n\nHome Archive About Contact\n"
      "Tuesday 3 November 2026\n\nWhat a winter of cold-water swimming taught me\n\n"
      "Labels: swimming, winter\n\n"
      "A year ago I walked into the sea in November for the first time and came out gasping, numb and oddly "
      "happy, and I have been back every week since then.\n\n"
      "I am not a doctor, and none of this is advice; it is what I learned from the swimming club and my own "
      "mistakes.\n\n"
      "Posted by Aled at 19:42\n";
  EXPECT_EQ(title_of(page), "What a winter of cold-water swimming taught me");
}

TEST(FindArticleRegion, SignUpAndAppBoxesInsideTheTextAreDropped) {
  constexpr std::string_view page =
      "Skip to content\nHeartwise\n\nChest pain: when to worry\n\nBy Ana Ruiz\n\n"
      "Chest pain has many causes, and most of them are not your heart, but some are and need help fast.\n\n"
      "Heart Health Newsletter\n\nTips and news for a stronger heart, every Tuesday.\n\n"
      "[                    ]Sign Up\n\n"
      "Pain that spreads to the arm or jaw, with sweating or breathlessness, needs an ambulance at once.\n\n"
      "Get the Heartwise app\n\nBook appointments from your phone.\n\nDownload now\n\n"
      "How to join the study\n\n"
      "Ask your nurse about the study at your next visit, and she will tell you whether you can take part.\n\n"
      "Privacy policy\n\u00A9 2026 Heartwise\n";
  const PageRegion r = find_article_region(page, rules());
  std::vector<std::string> boxed;
  for (const PageLine& l : r.dropped_inside)
    if (l.rule == "page-sign-up-box" || l.rule == "page-form") boxed.push_back(std::to_string(l.number));
  // Lines 10-14 (newsletter) and 18-22 (app); the study section stays.
  EXPECT_EQ(boxed, (std::vector<std::string>{"10", "12", "14", "18", "20", "22"}));
}

TEST(StripTranscriptTime, OnlyATimeBeforeASpeakersName) {
  EXPECT_EQ(strip_transcript_time("00:31 Declan Moriarty: Thanks, Ciara."), "Declan Moriarty: Thanks, Ciara.");
  EXPECT_EQ(strip_transcript_time("1:02:03 Ciara Nolan: And the treatment?"), "Ciara Nolan: And the treatment?");
  // A live blog's time alone, a chapter list's entry and a sentence keep their times.
  EXPECT_EQ(strip_transcript_time("09:48"), "09:48");
  EXPECT_EQ(strip_transcript_time("01:35 Why Ireland? The genetics of iron overload"),
            "01:35 Why Ireland? The genetics of iron overload");
  EXPECT_EQ(strip_transcript_time("10:30 at the latest: the clinic closes then."), "10:30 at the latest: the clinic closes then.");
}

TEST(FindArticleRegion, HindiSentencesAreProseAndItsHeadingsStay) {
  // Hindi ends sentences with the danda (।), and its letters lead with the byte 0xE0.
  EXPECT_EQ(kind("मुंह का छाला आमतौर पर दो हफ्ते में अपने आप ठीक हो जाता है। अगर न हो तो जांच कराएं।"),
            PageLineKind::Prose);
  constexpr std::string_view page =
      "होम\nदेश\nराज्य\nहेल्थ\nवीडियो\nटेक\n\n"
      "मुंह के कैंसर के शुरुआती संकेत\n\n"
      "मुंह का कैंसर होंठ, जीभ या गालों की अंदरूनी सतह पर हो सकता है और शुरुआत में अक्सर दर्द नहीं होता।\n\n"
      "1. न भरने वाला छाला\n\n"
      "अगर कोई छाला दो हफ्ते के बाद भी बना रहे, खासकर जब उसमें दर्द न हो, तो उसकी जांच जरूर कराएं।\n\n"
      "डॉक्टर को कब दिखाएं\n\n"
      "अगर मुंह से लगातार खून बहे या सांस लेने में तकलीफ हो, तो तुरंत 112 पर कॉल करें।\n\n"
      "\u00A9 2027 समाचार. All rights reserved.\n";
  const Article a = parse_plaintext(page, rules());
  EXPECT_EQ(a.title, "मुंह के कैंसर के शुरुआती संकेत");
  const PageRegion r = find_article_region(page, rules());
  for (const PageLine& l : r.dropped_inside) EXPECT_NE(l.number, 12u) << "the heading was dropped as " << l.rule;
  for (const PageLine& l : r.dropped_inside) EXPECT_NE(l.number, 16u) << "the heading was dropped as " << l.rule;
}

TEST(ClassifyPageLine, ConsentBannersInPolishAndReadAloudButtons) {
  EXPECT_EQ(kind("Twoja prywatno\u015B\u0107 jest dla nas wa\u017Cna"), PageLineKind::Chrome);
  EXPECT_EQ(kind("Your privacy is important to us"), PageLineKind::Chrome);
  EXPECT_EQ(kind("Wraz z naszymi Zaufanymi Partnerami (412) przechowujemy informacje na urz\u0105dzeniu i przetwarzamy "
                 "dane osobowe, takie jak niepowtarzalne identyfikatory."),
            PageLineKind::Chrome);
  EXPECT_EQ(kind("Lees voor"), PageLineKind::Chrome);
  EXPECT_NE(kind("Dane osobowe pacjent\u00F3w w szpitalu s\u0105 chronione przez prawo i nikt ich nie udost\u0119pnia."),
            PageLineKind::Chrome);
}

TEST(PageTextRules, ContentsAndReferenceHeadingsInMoreLanguages) {
  for (const char* label : {"\xC4\xB0\xC3\xA7indekiler", "M\xE1\xBB\xA5" "c l\xE1\xBB\xA5" "c", "\xE7\x9B\xAE\xE6\xAC\xA1",
                            "\xEB\xAA\xA9\xEC\xB0\xA8"})
    EXPECT_TRUE(is_contents_label(label)) << label;
  EXPECT_TRUE(is_reference_heading("Kaynaklar", 1));
  EXPECT_TRUE(is_reference_heading("T\xC3\xA0i li\xE1\xBB\x87u tham kh\xE1\xBA\xA3o", 4));
  EXPECT_FALSE(is_contents_label("\xC4\xB0\xC3\xA7indekiler listesi ve \xC3\xB6zet"));
}

TEST(ClassifyPageLine, CentralAndEasternEuropeanConsentBylinesDatesAndLinkLabels) {
  // A Cyrillic capital opens the banner: "Сайтът" folds to "сайтът".
  EXPECT_EQ(kind("\u0421\u0430\u0439\u0442\u044A\u0442 \u0438\u0437\u043F\u043E\u043B\u0437\u0432\u0430 "
                 "\u0431\u0438\u0441\u043A\u0432\u0438\u0442\u043A\u0438 \u0437\u0430 \u0441\u0442\u0430\u0442\u0438"
                 "\u0441\u0442\u0438\u043A\u0430 \u0438 \u0440\u0435\u043A\u043B\u0430\u043C\u0430."),
            PageLineKind::Chrome);
  EXPECT_EQ(kind("Akceptuj\u0119 Ustawienia"), PageLineKind::Chrome);
  EXPECT_EQ(kind("S\u00FAhlas\u00EDm Nastavenia"), PageLineKind::Chrome);
  // A Croatian date row ends with a dot after the year.
  EXPECT_EQ(kind("Obavijest Komunalne usluge 8. o\u017Eujka 2028."), PageLineKind::Meta);
  EXPECT_TRUE(has_date("12. listopada 2027."));
  EXPECT_TRUE(has_date("3 \u0441\u0456\u0447\u043D\u044F 2028"));
  EXPECT_FALSE(has_date("Listopad i prosinac su hladni mjeseci."));
  // "Text: NAME" in Ukrainian is a byline; a lowercase French list item is none.
  EXPECT_TRUE(starts_like_byline("\u0422\u0435\u043A\u0441\u0442: \u041E\u043A\u0441\u0430\u043D\u0430 "
                                 "\u041B\u0435\u0432\u0447\u0443\u043A"));
  EXPECT_FALSE(starts_like_byline("le repos : \u00E9vitez de prendre appui sur la cheville"));
  EXPECT_EQ(kind("Publicitat"), PageLineKind::Junk);
  EXPECT_EQ(kind("Ana Fifita Columnist 22 Feb, 2028 05:00 AM 4 mins to read"), PageLineKind::Meta);
  EXPECT_NE(kind("Pre\u010D\u00EDtajte si tie\u017E: Hub\u00E1ri v doline hl\u00E1sia stretnutia s medve\u010Fmi"),
            PageLineKind::Prose);
}

}  // namespace
}  // namespace readaloud
