#include "ingest/boilerplate.hpp"

#include <gtest/gtest.h>

#include "support/expect_error.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "util/error.hpp"

namespace readaloud {
namespace {

/// The rule name that matches, or "" for none.
std::string rule_for(const BoilerplateFilter& f, std::string_view line) {
  const auto hit = f.match(line);
  return hit ? hit->rule : "";
}

using testing_support::error_from;

TEST(BoilerplateBuiltin, EachPatternMatches) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"two friends laughing on a benchShare on Pinterest", "share-button"},
      {"Share on Pinterest", "share-button"},
      {"runner stretching at sunsetShare on Facebook", "share-button"},
      {"a bowl of oats Share on Twitter", "share-button"},
      {"Maskot/Getty Images", "photo-credit"},
      {"Jana Petrova/Shutterstock", "photo-credit"},
      {"Shutterstock", "photo-credit"},
      {"Tom Reyes/Adobe Stock", "photo-credit"},
      {"Photo: Lena Ortiz", "photo-credit"},
      {"Image credit: Karl Munk", "photo-credit"},
      {"Was this helpful?", "feedback-prompt"},
      {"  was this helpful?  ", "feedback-prompt"},
      {"Was this\xC2\xA0helpful?", "feedback-prompt"},
      {"Advertisement", "advertisement"},
      {"ADVERTISEMENT", "advertisement"},
      {"Check out: Five ways to sleep better \xC2\xBB", "promo"},
      {"Keep reading: Why your knees click \xC2\xBB", "promo"},
      {"Read more: What to eat before a run", "promo"},
      {"Related: The truth about cold showers", "promo"},
      {"Read this next", "promo"},
      {"Sign up for our newsletter", "promo"},
      {"Ten snacks under 100 calories \xC2\xBB", "promo"},
      {"Medically reviewed by Dana Holt, MD", "byline"},
      {"Written by Sam Ortega", "byline"},
      {"Last medically reviewed on March 3, 2021", "review-date"},
      {"Updated on March 3, 2021", "review-date"},
      {"Updated on 2021-03-03", "review-date"},
      {"Last updated: 3 March 2021", "review-date"},
      {"Updated 9:45 AM EDT, Tue July 22, 2025", "review-date"},
      {"Last Updated 04/2025", "review-date"},
      {"Last reviewed: March 2025", "review-date"},
      {"Page last reviewed: 14 June 2024 Next review due: 14 June 2027", "review-date"},
      {"This content is for information only and does not replace advice from your own doctor.", "disclaimer"},
      {"BETA This is a new service \xE2\x80\x93 your feedback will help us to improve it.", "feedback-prompt"},
      {"How we reviewed this article:", "review-method"},
      {"Sources", "sources"},
      {"Our experts continually monitor the health and wellness space, and we update our articles when new "
       "information becomes available.",
       "review-policy"},
  };
  for (const auto& [line, rule] : cases) EXPECT_EQ(rule_for(f, line), rule) << line;
}

TEST(BoilerplateBuiltin, RealPageJunkOfNewsAndHealthSites) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Picture: Courier photographer", "photo-credit"},
      {"(Image: Westshire Gazette)", "photo-credit"},
      {"We include products we think are useful for our readers. If you buy through links on this page, we may "
       "earn a small commission.",
       "affiliate-disclosure"},
      {"13.05 BST", "time-stamp"},
      {"9:40am", "time-stamp"},
      {"10:15 ET", "time-stamp"},
      {"Get health news in your inbox. Sign up for our free weekly Health Check newsletter.", "newsletter-prompt"},
      {"Thanks for reading Field Notes! Subscribe for free to receive new posts and support my work.",
       "newsletter-prompt"},
      {"2 r\xC3\xA9" "flexions sur \xC2\xAB Arroser le potager \xC2\xBB", "page-comments"},
      {"14 comentarios", "page-comments"},
      {"Discussion about this post", "page-comments"},
  };
  for (const auto& [line, rule] : cases) EXPECT_EQ(rule_for(f, line), rule) << line;
  // Near misses: article sentences with the same words.
  const std::vector<std::string> kept = {
      "Patients can sign up for its newsletter to get reminders about flu clinics.",
      "The picture is clearer now: most people recover within a week.",
      "The 10:15 train was cancelled, so the ward staff came in late.",
      "12.50",
      "The clinic earns a commission from the health board for every check it carries out.",
  };
  for (const auto& line : kept) EXPECT_EQ(rule_for(f, line), "") << line;
}

TEST(BoilerplateBuiltin, ArticleTextIsKept) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  const std::vector<std::string> kept = {
      "Share your worries with your doctor.",
      "Risks",
      "Updated on the latest research, doctors changed their advice.",
      "Written by hand, the diary helped her notice which foods upset her stomach on the days she felt worst and "
      "which ones seemed fine.",
      "Photos of the rash can help your doctor, but the advice below is general and not a diagnosis for you.",
      "The study used images from Getty Images and other libraries to test how people judge skin color.",
      "Sources of fiber include oats, beans and lentils.",
      "Was this helpful for you? Many readers say yes.",
      "Updated guidance in 2024 asks people over 65 to get a second dose before winter, because protection fades.",
      "This is not a substitute for seeing a doctor when the pain is severe.",
      "",
  };
  for (const auto& line : kept) EXPECT_EQ(rule_for(f, line), "") << line;
}

TEST(BoilerplateBuiltin, ReviewMethodDropsNextParagraph) {
  const auto hit = BoilerplateFilter::builtin().match("How we reviewed this article:");
  ASSERT_TRUE(hit);
  EXPECT_TRUE(hit->drops_next_paragraph);
  EXPECT_FALSE(BoilerplateFilter::builtin().match("Was this helpful?")->drops_next_paragraph);
}

TEST(BoilerplateBuiltin, ReaderAppealsInEachLanguage) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  const std::vector<std::string> appeals = {
      "If you value our journalism, please support us with a gift of any size today.",
      "Our newsroom is funded by readers. Please support us so the next story stays free to read.",
      "Si te gusta lo que lees, apoya nuestro periodismo con una aportación mensual.",
      "Unterstützen Sie unseren Journalismus schon ab einem Euro im Monat.",
      "Soutenez notre journalisme indépendant : chaque don compte pour la rédaction.",
      "Sostieni il nostro giornalismo: bastano pochi euro al mese.",
      "Apoie o nosso jornalismo e ajude a manter esta página aberta para todos.",
  };
  for (const auto& line : appeals) EXPECT_EQ(rule_for(f, line), "reader-appeal") << line;
  // Articles about contributions and donations are not appeals.
  EXPECT_EQ(rule_for(f, "You can make a contribution to a workplace pension from your first payslip."), "");
  EXPECT_EQ(rule_for(f, "Faites un don de sang si vous avez plus de dix-huit ans et pesez plus de 50 kilos."), "");
}

TEST(BoilerplateBuiltin, LiveBadgesAndBackMatterHeadings) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  for (const char* badge : {"LIVE", "Live", "En direct", "EN VIVO", "Ao vivo", "In diretta", "Liveticker"})
    EXPECT_EQ(rule_for(f, badge), "live-badge") << badge;
  EXPECT_EQ(rule_for(f, "Live music helps some patients relax before surgery."), "");
  for (const char* heading : {"Sources", "About the author", "Sobre la autora", "Über die Autorin", "Sull'autore"}) {
    const auto hit = f.match(heading);
    ASSERT_TRUE(hit) << heading;
    EXPECT_TRUE(hit->drops_section) << heading;
  }
  EXPECT_FALSE(f.match("Advertisement")->drops_section);
}

TEST(BoilerplateBuiltin, LiveBlogKeyEvents) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  for (const char* item : {"2h ago Bridge reopens to cars", "• 4h ago Roads reopen", "45 min ago Schools to close early",
                           "vor 3 Stunden Fähre fällt aus", "hace 2 horas Cortes de tráfico en el centro",
                           "il y a 1 heure Les écoles ferment plus tôt"})
    EXPECT_EQ(rule_for(f, item), "live-key-event") << item;
  EXPECT_EQ(rule_for(f, "3 days ago I started running again."), "");
}

TEST(BoilerplateBuiltin, TrailingParenthesisedCredits) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  const std::string caption = "Volunteers sorting seed packets at the library. (Image: Cal Rivers)";
  EXPECT_EQ(f.trailing_credit(caption), caption.find(" (Image") + 1);
  const std::string es = "Un puesto de fruta en el mercado del sábado (Foto: Ana Gil/Agencia)";
  EXPECT_EQ(f.trailing_credit(es), es.find('('));
  // Brackets that say something, and a credit with nothing before it, are no trailing credit.
  EXPECT_EQ(f.trailing_credit("Take the tablets with food (not on an empty stomach)"), std::string::npos);
  EXPECT_EQ(f.trailing_credit("(Photo: Cal Rivers)"), std::string::npos);
  EXPECT_EQ(f.trailing_credit("A quiet street at dawn."), std::string::npos);
}

TEST(BoilerplateBuiltin, LongLinesSkipRegexButKeepStringRules) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  std::string long_line = "Updated on March 3, 2021 " + std::string(3'000'000, 'a');
  EXPECT_EQ(rule_for(f, long_line), "");
  BoilerplateFilter mine;
  mine.add_rules("[[rule]]\nname = \"tail\"\nends_with = \"the end\"\n", "mine.toml");
  EXPECT_EQ(rule_for(mine, std::string(3'000'000, 'b') + " the end"), "tail");
}

TEST(BoilerplateBuiltin, NewsletterFurnitureAndFeedbackPromptsWithTheirButtons) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  EXPECT_EQ(rule_for(f, "Issue 38 · December 2026 · View this email in your browser"), "page-email-furniture");
  EXPECT_EQ(rule_for(f, "View this email in your browser"), "page-email-furniture");
  EXPECT_EQ(rule_for(f, "Having trouble viewing this email?"), "page-email-furniture");
  EXPECT_EQ(rule_for(f, "Our mailing address is: Kelso Physio, 12 Main Road"), "page-email-furniture");
  EXPECT_EQ(rule_for(f, "Want to change how you receive these emails? You can update your preferences."),
            "page-email-furniture");
  EXPECT_EQ(rule_for(f, "This newsletter shares general information and is not a substitute for treatment."),
            "disclaimer");
  EXPECT_EQ(rule_for(f, "Cette fiche vous a-t-elle été utile ? Oui Non"), "feedback-prompt");
  EXPECT_EQ(rule_for(f, "Was this leaflet useful? Yes No"), "feedback-prompt");
  EXPECT_EQ(rule_for(f, "War dieser Ratgeber hilfreich? Ja Nein"), "feedback-prompt");
  EXPECT_EQ(rule_for(f, "Did you find it helpful? Yes No"), "feedback-prompt");
  EXPECT_EQ(rule_for(f, "Still have questions? Call our nurses at 902-555-0176 or submit a ticket."), "support-call-in");
  EXPECT_EQ(rule_for(f, "Still have a question? Contact our team."), "support-call-in");
  EXPECT_EQ(rule_for(f, "Still have questions about your dose? Your pharmacist can help."), "");
  // Article text that only sounds like it stays.
  EXPECT_EQ(rule_for(f, "Check the label to see whether the email from your pharmacy is useful."), "");
  EXPECT_EQ(rule_for(f, "This email from a reader asked whether cold showers help."), "");
  EXPECT_EQ(rule_for(f, "Was the treatment helpful for most patients in the trial?"), "");
}

// Regexes are searched with shortcuts: one that every alternative anchors is tried
// at the line's start only, after a check of its first byte, and an ignore_case one
// is lowercased and run on the lowercased line. Each case where a shortcut could
// go wrong must match as the plain ECMAScript search does.
TEST(BoilerplateUserRules, RegexShortcutsMatchAsAPlainSearch) {
  const auto one = [](std::string_view regex, bool ignore_case = true) {
    BoilerplateFilter f;
    f.add_rules("[[rule]]\nname = \"r\"\nregex = '" + std::string(regex) + "'\nignore_case = " +
                    (ignore_case ? "true" : "false") + "\n",
                "r.toml");
    return f;
  };
  // One alternative not anchored: searched everywhere.
  EXPECT_EQ(rule_for(one("^foo|bar$"), "a bar"), "r");
  EXPECT_EQ(rule_for(one("^foo|bar$"), "Foo and more"), "r");
  EXPECT_EQ(rule_for(one("(^|x)bar"), "the xbar"), "r");
  EXPECT_EQ(rule_for(one("^foo"), "a foo"), "");
  // Leading atoms that may be absent: an optional group, {0,n}, a star.
  EXPECT_EQ(rule_for(one("^(the )?foo$"), "Foo"), "r");
  EXPECT_EQ(rule_for(one("^(\\w+ ){0,2}foo$"), "foo"), "r");
  EXPECT_EQ(rule_for(one("^x*foo$"), "foo"), "r");
  EXPECT_EQ(rule_for(one("^(ab|c){2,}$"), "CAB"), "r");
  EXPECT_EQ(rule_for(one("^(ab|c){2,}$"), "dab"), "");
  // Classes, escapes and case: \D is not \d, [A-Z] takes either case under ignore_case.
  EXPECT_EQ(rule_for(one("^[A-F]\\d+$"), "b12"), "r");
  EXPECT_EQ(rule_for(one("^[A-F]\\d+$", false), "b12"), "");
  EXPECT_EQ(rule_for(one("^[A-F]\\d+$", false), "B12"), "r");
  EXPECT_EQ(rule_for(one("^\\D+$"), "Abc"), "r");
  EXPECT_EQ(rule_for(one("^\\D+$"), "A1"), "");
  EXPECT_EQ(rule_for(one("^\\bWord"), "word"), "r");
  EXPECT_EQ(rule_for(one("^[^a]bc"), "Xbc"), "r");
  EXPECT_EQ(rule_for(one("^\\.\\.\\.more$"), "...More"), "r");
  // A range that lowercasing would change keeps its icase form: [A-z] holds '_', [0-Z] digits.
  EXPECT_EQ(rule_for(one("^[Z-a]+$"), "_^"), "r");
  EXPECT_EQ(rule_for(one("^[A-z]+$"), "a_b"), "r");
  EXPECT_EQ(rule_for(one("^[0-Z]+$"), "9a"), "r");
  EXPECT_EQ(rule_for(one("^[!-~]+$"), "Ab~"), "r");
  // Non-ASCII first letters are bytes: an optional accent still needs its first byte.
  EXPECT_EQ(rule_for(one("^(é|ü)tat"), "état"), "r");
  EXPECT_EQ(rule_for(one("^(é|ü)tat"), "etat"), "");
}

TEST(BoilerplateUserRules, AddsRuleAfterBuiltins) {
  BoilerplateFilter f = BoilerplateFilter::builtin();
  const std::size_t before = f.size();
  f.add_rules(R"(# my site
[[rule]]
name = "podcast-plug"
contains = ["listen to our podcast", "our podcast"]
max_words = 10

[[rule]]
name = "exact-case"
equals = "TOPICS"
ignore_case = false

[[rule]]
name = "vote"
regex = '^vote( now)?!$'
drops_next_paragraph = true
)",
              "site.toml");
  EXPECT_EQ(f.size(), before + 3);
  EXPECT_EQ(rule_for(f, "Listen to our podcast on Fridays"), "podcast-plug");
  EXPECT_EQ(rule_for(f, "Our podcast team spent many months visiting clinics across the country to hear from "
                        "nurses."),
            "");
  EXPECT_EQ(rule_for(f, "TOPICS"), "exact-case");
  EXPECT_EQ(rule_for(f, "Topics"), "");
  EXPECT_EQ(rule_for(f, "VOTE NOW!"), "vote");
  EXPECT_TRUE(f.match("Vote!")->drops_next_paragraph);
  EXPECT_EQ(rule_for(f, "Was this helpful?"), "feedback-prompt");  // built-ins still first
}

TEST(BoilerplateUserRules, BadRulesNameFileAndLine) {
  const auto message = [](const std::string& toml) {
    BoilerplateFilter f;
    const Error e = error_from([&] { f.add_rules(toml, "site.toml"); });
    EXPECT_EQ(e.kind(), ErrorKind::Input);
    EXPECT_EQ(f.size(), 0u);
    return std::string(e.what());
  };
  EXPECT_EQ(message("[[rule]]\nname = \"x\"\n\nregx = 'a'\n"),
            "site.toml:4: rule 'x': unknown key 'regx' (expected name, equals, starts_with, ends_with, contains, "
            "regex, max_words, ignore_case, drops_next_paragraph or drops_section)");
  EXPECT_EQ(message("[[rule]]\nequals = \"a\"\n"), "site.toml:1: rule needs a non-empty string 'name'");
  EXPECT_EQ(message("[[rule]]\nname = \"x\"\nmax_words = 3\n"),
            "site.toml:1: rule 'x': needs at least one of equals, starts_with, ends_with, contains or regex");
  EXPECT_EQ(message("[[rule]]\nname = \"x\"\nequals = 3\n"),
            "site.toml:3: rule 'x': equals must be a string or an array of strings");
  EXPECT_EQ(message("[[rule]]\nname = \"x\"\nequals = \"a\"\nmax_words = 0\n"),
            "site.toml:4: rule 'x': max_words must be a positive integer");
  EXPECT_EQ(message("[[rule]]\nname = \"x\"\nequals = \"a\"\ndrops_next_paragraph = \"yes\"\n"),
            "site.toml:4: rule 'x': drops_next_paragraph must be true or false");
  EXPECT_EQ(message("[[rules]]\nname = \"x\"\n"), "site.toml:1: unknown key 'rules' (expected [[rule]] tables)");
  const std::string bad_regex = message("[[rule]]\nname = \"x\"\n\nregex = '(unclosed'\n");
  EXPECT_EQ(bad_regex.rfind("site.toml:4: rule 'x': bad regex '(unclosed': ", 0), 0u) << bad_regex;
  const std::string bad_toml = message("[[rule]]\nname = \"x\"\nequals = \"a\n");
  EXPECT_EQ(bad_toml.rfind("site.toml:3: ", 0), 0u) << bad_toml;
}

TEST(BoilerplateUserRules, BadRuleLeavesEarlierRulesOfTheFileOut) {
  BoilerplateFilter f;
  EXPECT_THROW(f.add_rules("[[rule]]\nname = \"ok\"\nequals = \"a\"\n[[rule]]\nname = \"bad\"\n", "x.toml"), Error);
  EXPECT_EQ(f.size(), 0u);
  EXPECT_EQ(rule_for(f, "a"), "");
}

TEST(BoilerplateUserRules, RulesFile) {
  const auto dir = std::filesystem::temp_directory_path() / ("readaloud-boilerplate-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / "rules.toml";
  std::ofstream(path) << "[[rule]]\nname = \"cookie-banner\"\nstarts_with = \"We use cookies\"\n";
  BoilerplateFilter f;
  f.add_rules_file(path);
  EXPECT_EQ(rule_for(f, "We use cookies to improve your visit"), "cookie-banner");

  std::ofstream(path) << "[[rule]]\nname = \"broken\"\n";
  const Error bad = error_from([&] { f.add_rules_file(path); });
  EXPECT_EQ(bad.what(), path.string() + ":1: rule 'broken': needs at least one of equals, starts_with, ends_with, "
                                        "contains or regex");

  const Error missing = error_from([&] { f.add_rules_file(dir / "none.toml"); });
  EXPECT_EQ(missing.kind(), ErrorKind::Input);
  EXPECT_EQ(missing.what(), (dir / "none.toml").string() + ": cannot read boilerplate rules file: No such file or directory");
  std::filesystem::remove_all(dir);
}

TEST(BoilerplateBuiltin, FourthPartPageFurnitureInSeveralLanguages) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Partager la page", "share-button"},
      {"Partager sur LinkedIn", "share-button"},
      {"Per E-Mail teilen", "share-button"},
      {"Printer-friendly version \xC2\xB7 E-mail this story to a friend \xC2\xB7 Have your say (7)", "page-widget"},
      {"Versione stampabile", "page-widget"},
      {"Oui Non", "feedback-prompt"},
      {"Ja Nein", "feedback-prompt"},
      {"https://www.example.org/garden/compost#top", "page-link-list"},
      {"12. https://www.example.org/contact", "page-link-list"},
      {"service-public.fr", "page-link-list"},
      {"T\xC3\xA9l\xC3\xA9" "charger la brochure PDF \xE2\x80\x93 230 Ko", "download-link"},
      {"Download the checklist (PDF, 1.2 MB)", "download-link"},
      {"Mentions l\xC3\xA9gales", "page-footer"},
      {"Impressum", "page-footer"},
      {"Accessibilit\xC3\xA9 : partiellement conforme", "page-footer"},
      {"Les contenus de ce site sont propos\xC3\xA9s sous licence ouverte", "copyright"},
      {"Updated 12 minutes ago By the Valley Post news desk", "review-date"},
      {"Aktualisiert vor 3 Stunden", "review-date"},
      {"9:40am", "time-stamp"},
      {"13.05 BST", "time-stamp"},
      {"Pin", "page-widget"},
      {"Imprimir receta", "page-widget"},
      {"Ir a la receta Imprimir receta", "page-widget"},
      {"Este art\xC3\xAD" "culo contiene enlaces de afiliado: si compras, cobro una peque\xC3\xB1" "a parte.", "affiliate-disclosure"},
      {"Guidance", "page-type-label"},
      {"Inhaltsverzeichnis", "page-widget"},
      {"Mostrar", "page-widget"},
      {"You have 3 free articles left this month. Subscribe now.", "paywall-meter"},
      {"Il vous reste 2 articles gratuits ce mois-ci.", "paywall-meter"},
      {"By signing up you agree to our terms.", "newsletter-prompt"},
      {"RelatedWhy do cats purr at night?", "promo"},
      {"Lesen Sie auchWarum Katzen schnurren", "promo"},
  };
  for (const auto& [line, rule] : cases) EXPECT_EQ(rule_for(f, line), rule) << line;
  // Real sentences and a bare post time stay.
  const std::vector<std::string> kept = {
      "10:20",
      "Related research found the same effect in older adults.",
      "Download speeds were slower in rural villages than in towns.",
      "Updated guidance tells parents to keep the tablets out of reach.",
      "You have two choices: wait for the bus or walk.",
      "Share prices fell sharply on Monday.",
  };
  for (const auto& line : kept) EXPECT_EQ(rule_for(f, line), "") << line;
}

TEST(BoilerplateBuiltin, BylinesDatesAndBoxLabelsOfTheSeventhPart) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Pubblicit\u00E0", "advertisement"},
      {"Leggi anche: Caldo e cuore, cosa sapere", "promo"},
      {"di Anna Riva \u2013 3 marzo 2026 \u00B7 Tempo di lettura: 4 minuti", "byline"},
      {"Scritto da Marco Bini", "byline"},
      {"Published: 3 December 2026", "publish-date"},
      {"First published on May 3, 2025", "publish-date"},
      {"Ver\u00F6ffentlicht am 3. Mai 2025", "publish-date"},
      {"Publicado el 3 de mayo de 2025", "publish-date"},
      {"4 min read", "reading-time"},
      {"Lesezeit: 3 Minuten", "reading-time"},
      {"Press release", "press-label"},
      {"Is this page useful?", "feedback-prompt"},
      {"Yes No Report a problem with this page", "feedback-prompt"},
      {"By Jo Roe, Health Reporter 17:30, 4 DEC 2026 Updated 18:05", "byline"},
      {"Jo Roe, Science Correspondent \u00B7 Published 12 June 2026, 6:02am BST", "byline"},
      {"19, 2026", "review-date"},
      {"Share Save Listen to this article", "share-button"},
      {"(BUTTON) Facebook(BUTTON) Tweet(BUTTON) Email(BUTTON) Link Copied!", "share-button"},
      {"Like this:", "page-widget"},
      {"Kommentare (12)", "page-comments"},
      {"Text size A A A Print this page", "page-widget"},
  };
  for (const auto& [line, rule] : cases) EXPECT_EQ(rule_for(f, line), rule) << line;
  const std::vector<std::string> kept = {
      "Published research shows that short walks help.",
      "di solito il caldo passa in fretta.",
      "By 2030, the council said, every school will have a nurse on 4 May 2026.",
      "Share the load with your partner and save energy.",
      "Press releases from the trust go to local papers.",
      "Like this, the dough rests for an hour.",
      "Comments (from readers) were mostly kind.",
  };
  for (const auto& line : kept) EXPECT_EQ(rule_for(f, line), "") << line;
}

TEST(BoilerplateBuiltin, ATeaserWithItsAgeGoesButASentenceEndingInAnAgeStays) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Road reopens after lorry crash on the A12 \xC2\xB7 2 hours ago", "teaser-age"},
      {"Feira de Natal come\xC3\xA7" "a neste s\xC3\xA1" "badoH\xC3\xA1 3 horas", "teaser-age"},
      {"Nuevo centro de salud abre en el barrioHace 5 horas", "teaser-age"},
      {"Neue Kinderarztpraxis er\xC3\xB6" "ffnet am Markt | vor 2 Stunden", "teaser-age"},
      {"Vaccini, code in farmacia4 ore fa", "teaser-age"},
  };
  for (const auto& [line, rule] : cases) EXPECT_EQ(rule_for(f, line), rule) << line;
  for (const std::string line : {"I moved to the coast 3 days ago.", "The swelling started 2 days ago, she said.",
                                 "Symptoms began 12 hours ago and have not settled since then.",
                                 "Your symptoms began more than 2 days ago"})
    EXPECT_EQ(rule_for(f, line), "") << line;
}

TEST(BoilerplateBuiltin, EastAsianSkipLinksShareRowsPageNumbersAndAPublishedDocumentsBanner) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"\xE3\x81\x93\xE3\x81\x93\xE3\x81\x8B\xE3\x82\x89\xE6\x9C\xAC\xE6\x96\x87\xE3\x81\xA7\xE3\x81\x99\xE3\x80\x82",
       "page-skip-link"},                                                    // ここから本文です。
      {"\xEB\xB3\xB8\xEB\xAC\xB8 \xEB\xB0\x94\xEB\xA1\x9C\xEA\xB0\x80\xEA\xB8\xB0", "page-skip-link"},  // 본문 바로가기
      {"\xE3\x83\x9D\xE3\x82\xB9\xE3\x83\x88\xE3\x82\xB7\xE3\x82\xA7\xE3\x82\xA2 LINE\xE3\x81\xA7\xE9\x80\x81\xE3\x82\x8B",
       "share-button"},                                                      // ポストシェア LINEで送る
      {"\xE3\x83\x9A\xE3\x83\xBC\xE3\x82\xB8\xE7\x95\xAA\xE5\x8F\xB7\xEF\xBC\x9A" "1004387", "page-id"},  // ページ番号：1004387
      {"Automatically updated every 5 minutes", "page-published-doc"},
      {"Automatisch alle 5 Minuten aktualisiert", "page-published-doc"},
  };
  for (const auto& [line, rule] : cases) EXPECT_EQ(rule_for(f, line), rule) << line;
  // A sentence about sharing, and a page number inside a sentence, stay.
  for (const std::string line : {"\xE3\x82\xB7\xE3\x82\xA7\xE3\x82\xA2\xE3\x81\x97\xE3\x81\xA6\xE3\x81\x8F\xE3\x81\xA0\xE3\x81\x95\xE3\x81\x84\xE3\x80\x82",
                                 "The timetable is automatically updated every 5 minutes during the race."})
    EXPECT_EQ(rule_for(f, line), "") << line;
}

TEST(BoilerplateBuiltin, HashtagsKoreanBlogFurnitureAndBareAddresses) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"#health #productivity #career", "tag-list"},
      {"#health#productivity#remote", "tag-list"},
      {"\xEC\x9D\x80\xEC\x9E\xAC\xEC\x95\xBD\xEC\x82\xAC 2026. 12. 4. 21:37", "publish-date"},  // 은재약사 2026. 12. 4. 21:37
      {"\xEB\x8C\x93\xEA\xB8\x80 6 \xEB\x8C\x93\xEA\xB8\x80 \xEC\x97\xB4\xEA\xB3\xA0 \xEB\x8B\xAB\xEA\xB8\xB0",
       "page-comments"},                                                                             // 댓글 6 댓글 열고 닫기
      {"news.example.kr", "page-link-list"},
  };
  for (const auto& [line, rule] : cases) EXPECT_EQ(rule_for(f, line), rule) << line;
  for (const std::string line : {"We tagged the posts #1 and #2 in the trial.", "#1 tip: drink water before you feel thirsty."})
    EXPECT_EQ(rule_for(f, line), "") << line;
}

TEST(BoilerplateBuiltin, AlsoReadLinksFollowPromptsCreditsAndAChineseAccountsFooter) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Also Read | Winter pollution: doctors see more asthma in children", "promo"},
      {"ALSO READ: Why doctors want you to drink more water", "promo"},
      {"Written by: Nikhil Rao | Edited by: Ritu Bose", "byline"},
      {"\xE6\x96\x87\xE5\xAD\x97\xEF\xBD\x9C\xE5\x88\x98\xE9\x9D\x99 \xE7\xBC\x96\xE8\xBE\x91\xEF\xBD\x9C\xE6\x9E\x97\xE9\x9B\xA8",
       "byline"},  // 文字｜刘静 编辑｜林雨
      {"END", "page-account-footer"},
      {"\xE9\x83\xA8\xE5\x88\x86\xE5\x9B\xBE\xE7\x89\x87\xE6\x9D\xA5\xE6\xBA\x90\xE4\xBA\x8E\xE7\xBD\x91\xE7\xBB\x9C",
       "account-footer"},  // 部分图片来源于网络
      {"(With inputs from agencies)", "agency-credit"},
      {"Follow NewsTrail on WhatsApp for breaking news and live updates", "follow-prompt"},
      {"Receba as not\xC3\xAD" "cias do Vale no WhatsApp: entre no canal", "follow-prompt"},
  };
  for (const auto& [line, rule] : cases) EXPECT_EQ(rule_for(f, line), rule) << line;
  for (const std::string line : {"Also, read the label before you give a child any medicine.",
                                 "Follow the advice on the leaflet and call your GP if it gets worse.",
                                 "Join a support group on Facebook for people living with tinnitus.",
                                 "The end of the trial came sooner than planned."})
    EXPECT_EQ(rule_for(f, line), "") << line;
}

TEST(BoilerplateBuiltin, BroadcastNotesLastModifiedLinesAndEastAsianBackMatter) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Ce sujet a été traité dans l'émission La Matinale du samedi 5 décembre 2026.", "broadcast-note"},
      {"Dieses Thema im Programm: Nordjournal | 06.12.2026 | 08:00 Uhr", "broadcast-note"},
      {"Ultime modifiche: giovedì, 3 dicembre 2026, 18:42", "review-date"},
      {"Last modified: 3 December 2026", "review-date"},
      {"\xE6\xB7\xBB\xE4\xBB\x98\xE3\x83\x95\xE3\x82\xA1\xE3\x82\xA4\xE3\x83\xAB", "related"},  // 添付ファイル
  };
  for (const auto& [line, rule] : cases) EXPECT_EQ(rule_for(f, line), rule) << line;
  EXPECT_EQ(rule_for(f, "Last modified cars are banned from the rally, the organisers said."), "");
}

TEST(BoilerplateBuiltin, PlayerFallbacksListenAlsoPromosAndAHospitalsBookingBox) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Votre navigateur ne permet pas la lecture de ce fichier audio.", "player-fallback"},
      {"Listen 4:36 Your browser cannot play this audio.", "player-fallback"},
      {"\xC3\x80 \xC3\xA9" "couter aussi Engelures : comment les \xC3\xA9viter 3 min", "promo"},
      {"Accepting new patients", "call-to-action"},
      {"Patient stories are shared with permission. Individual results may vary.", "disclaimer"},
      {"Story continues below this ad", "advertisement"},
  };
  for (const auto& [line, rule] : cases) EXPECT_EQ(rule_for(f, line), rule) << line;
  EXPECT_EQ(rule_for(f, "Results varied widely between the two hospitals in the study."), "");
}

TEST(BoilerplateBuiltin, ALearningPlatformsCompletionBoxAndAChineseAccountsByline) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  EXPECT_EQ(rule_for(f, "Requisitos de conclus\xC3\xA3o"), "page-widget");
  EXPECT_EQ(rule_for(f, "Marcar como feito"), "page-widget");
  EXPECT_EQ(rule_for(f, "This document was published from a personal account. Learn more"), "page-published-doc");
  // 原创皮肤科李雯青岚健康说: "original", the author and the account run together.
  EXPECT_EQ(rule_for(f, "\xE5\x8E\x9F\xE5\x88\x9B\xE7\x9A\xAE\xE8\x82\xA4\xE7\xA7\x91\xE6\x9D\x8E\xE9\x9B\xAF"
                        "\xE9\x9D\x92\xE5\xB2\x9A\xE5\x81\xA5\xE5\xBA\xB7\xE8\xAF\xB4"),
            "byline");
  EXPECT_EQ(rule_for(f, "\xE3\x83\x9A\xE3\x83\xBC\xE3\x82\xB8\xE7\x95\xAA\xE5\x8F\xB7" "1008642"), "page-id");  // ページ番号1008642
}

TEST(BoilerplateBuiltin, AReviewBoxsLabelsAndADateAloneOnItsLine) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  EXPECT_EQ(rule_for(f, "Page last reviewed"), "review-date");
  EXPECT_EQ(rule_for(f, "Next review due"), "review-date");
  for (const std::string line : {"Next review due: October 2029", "Mise à jour le 27 novembre 2026",
                                 "Aktualisiert am 3. Dezember 2026", "Actualizado el 3 de diciembre de 2026",
                                 "Bijgewerkt op 3 maart 2026"})
    EXPECT_EQ(rule_for(f, line), "review-date") << line;
  EXPECT_EQ(rule_for(f, "Stand der Forschung ist, dass Bewegung hilft."), "");
  EXPECT_EQ(rule_for(f, "Contact Ana Ruiz at aruiz@paper.example or (555) 555-0161."), "byline");
  EXPECT_EQ(rule_for(f, "Contact your doctor at once if the rash spreads."), "");
  EXPECT_EQ(rule_for(f, "Toegrip Yoga Socks, $14 at Marketbay"), "call-to-action");
  EXPECT_EQ(rule_for(f, "Kids under 5, $10 at the door, and a lot of fun at the fair."), "");
  EXPECT_EQ(rule_for(f, "Sources (4)"), "sources");
  EXPECT_EQ(rule_for(f, "Sources (and how we check them) matter"), "");
  for (const std::string line : {"Priya Raman, MSW, RSW", "Dr. Owen Tremblay, C.Psych.", "Jordan Pryce-Adeyemi, NASM-CPT",
                                 "Clinically reviewed by Dr. Owen Tremblay, C.Psych."})
    EXPECT_EQ(rule_for(f, line), "byline") << line;
  EXPECT_EQ(rule_for(f, "Salt, sugar, fat"), "");
  EXPECT_EQ(rule_for(f, "December 2, 2026 \u00b7 5 min read"), "reading-time");
  EXPECT_EQ(rule_for(f, "9 de janeiro de 2028 \u00b7 5 min de leitura"), "reading-time");
  EXPECT_EQ(rule_for(f, "12. M\u00e4rz 2028 \u00b7 4 Min. Lesezeit"), "reading-time");
  EXPECT_EQ(rule_for(f, "Haben Sie einen Fehler entdeckt? Schreiben Sie uns."), "feedback-prompt");
  EXPECT_EQ(rule_for(f, "Haben Sie einen Arzt gefunden, der Hausbesuche macht?"), "");
  EXPECT_EQ(rule_for(f, "\u25b6 Listen \u00b7 5:12"), "reading-time");
  EXPECT_EQ(rule_for(f, "Laatst bijgewerkt: 12 november 2026"), "review-date");
  for (const std::string line : {"Produced by: Midwifery Practice Development, Linden Maternity Hospital.",
                                 "Approved by: Patient Information Committee. Date of issue: March 2025."})
    EXPECT_EQ(rule_for(f, line), "review-date") << line;
  EXPECT_EQ(rule_for(f, "\u3053\u306e\u8a18\u4e8b\u306e\u76e3\u4fee\u8005"), "author-bio");  // この記事の監修者
  EXPECT_EQ(rule_for(f, "Lesetipp: Erk\u00e4ltung oder Grippe?"), "promo");
  EXPECT_EQ(rule_for(f, "Zur Person: Dr. Anna Berger ist Allgemeinmedizinerin in Schwaz."), "byline");
  EXPECT_EQ(rule_for(f, "Autorka: Zuzanna Kmie\u0107 3 grudnia 2026 Czas czytania: 6 min"), "byline");
  EXPECT_EQ(rule_for(f, "Play video, \"How bird flu spreads\", duration 2:14"), "page-widget");
  EXPECT_EQ(rule_for(f, "Photography: Jonah Reyes. Styling: Mei Lin Carver."), "photo-credit");
  for (const std::string line : {"Page 1 of 3", "Strana 1 z 1", "Seite 2 von 4", "P\u00e1gina 1 de 2"})
    EXPECT_EQ(rule_for(f, line), "page-pager") << line;
  EXPECT_EQ(rule_for(f, "Page 3 of the leaflet explains the doses."), "");
  for (const std::string line : {"2 September 2026", "September 2, 2026", "Tuesday, 3 Dec. 2026", "12.05.2026", "2026-12-05"})
    EXPECT_EQ(rule_for(f, line), "publish-date") << line;
  for (const std::string line : {"May 2026 was the wettest month on record.", "2 September 2026: the clinic opens."})
    EXPECT_EQ(rule_for(f, line), "") << line;
}

TEST(BoilerplateBuiltin, PrintNotesCreditsTagsAndAComparisonSitesMoneyBox) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"SKIP ADVERTISEMENT", "advertisement"},
      {"This column ran in the Dec. 9, 2026, print edition, Section D, Page 6.", "print-edition"},
      {"An eye with drifting threads. Credit...Credit...Illustration by Moriah Feld", "photo-credit"},
      {"See more on: Eyes and Eyesight", "page-tags"},
      {"Advertiser disclosure", "affiliate-disclosure"},
      {"Ledgerly is funded by advertising. Some banks pay us when readers click their offers.", "affiliate-disclosure"},
      {"Harborline Online Savings 4.35% APY Learn more on Harborline Bank's website", "call-to-action"},
      {"Check price at Trailmart", "call-to-action"},
  };
  for (const auto& [line, rule] : cases) EXPECT_EQ(rule_for(f, line), rule) << line;
  for (const std::string line : {"Check prices at several pharmacies before you buy, because they vary a lot.",
                                 "The study ran in print and online editions of the journal in 2025 and 2026."})
    EXPECT_EQ(rule_for(f, line), "") << line;
}

TEST(BoilerplateBuiltin, PostNavigationRunIntoItsTitle) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  EXPECT_EQ(rule_for(f, "PreviousKeeping senior cats comfortable in the cold"), "post-navigation");
  EXPECT_EQ(rule_for(f, "NextHelping your pet cope with New Year fireworks"), "post-navigation");
  for (const std::string line : {"Next steps", "Nextcloud keeps the practice's files", "Previous research found no link."})
    EXPECT_EQ(rule_for(f, line), "") << line;
}

TEST(BoilerplateBuiltin, PatientQuestionsEarlierEpisodesAndMoreLanguagesPromosAndBylines) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  EXPECT_EQ(rule_for(f, "Preguntas de pacientes sobre hernia discal"), "page-comments");
  EXPECT_EQ(rule_for(f, "Puntate precedenti di Medicina in Onda"), "related");
  EXPECT_EQ(rule_for(f, "What our patients say"), "page-comments");
  EXPECT_EQ(rule_for(f, "Lisez aussi : Somnambulisme : faut-il réveiller un enfant ?"), "promo");
  EXPECT_EQ(rule_for(f, "Avec l'expertise du Dr Marc Leclercq, pédiatre"), "byline");
  EXPECT_EQ(rule_for(f, "A cura della Redazione · Con la consulenza del dott. Andrea Colombo"), "byline");
  // Labels in Arabic, Hebrew and Tagalog.
  EXPECT_EQ(rule_for(f, "بقلم: د. سلمى الحارثي، استشارية الغدد الصماء"), "byline");
  EXPECT_EQ(rule_for(f, "עודכן לאחרונה: 14.07.2027"), "publish-date");
  EXPECT_EQ(rule_for(f, "BASAHIN: Mga bakunang dapat kumpleto bago ang pasukan"), "promo");
  EXPECT_EQ(rule_for(f, "Mga Tag: tuli kalusugan bakasyon"), "page-widget");
  EXPECT_EQ(rule_for(f, "Читать ria-meridian.example в Telegram ВКонтакте Дзен"), "follow-prompt");
  EXPECT_EQ(rule_for(f, "Борщевик Сосновского. Архивное фото"), "photo-credit");
  EXPECT_EQ(rule_for(f, "Oluşturulma Tarihi: Mart 07, 2028 10:31 Güncelleme Tarihi: Mart 08, 2028"), "publish-date");
  EXPECT_EQ(rule_for(f, "SCROLL TO CONTINUE WITH CONTENT"), "advertisement");
  EXPECT_EQ(rule_for(f, "erid: 2VtzqwEXAMPLE01"), "advertisement");
  EXPECT_EQ(rule_for(f, "1 2 Selanjutnya"), "page-widget");
  EXPECT_EQ(rule_for(f, "김서연 기자 seoyeon@hanbit-ilbo.example"), "byline");
  EXPECT_EQ(rule_for(f, "Treść artykułu nie stanowi porady lekarskiej. Skonsultuj się z lekarzem."), "disclaimer");
  EXPECT_EQ(rule_for(f, "Alexander Fleming, Nobel lecture, Stockholm, 11 December 1945. \u21A9\uFE0E"), "sources");
  // A sentence about patients' questions stays.
  EXPECT_EQ(rule_for(f, "Patient questions often go unanswered in a short appointment, the survey found."), "");
}

TEST(BoilerplateBuiltin, CapitalsOfEveryScriptMatchAsLowercase) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  // Written "Lea también:", "Читайте также:" in the rules; a page's capitals still match.
  EXPECT_EQ(rule_for(f, "LEA TAMBIÉN: Dengue, zika y fiebre amarilla"), "promo");
  EXPECT_EQ(rule_for(f, "ЧИТАЙТЕ ТАКЖЕ: Как пережить жару"), "promo");
  EXPECT_EQ(rule_for(f, "PUBLICITÉ"), "advertisement");
  // A rule with capitals in a pattern matches the same words lowered.
  BoilerplateFilter own;
  own.add_rules("[[rule]]\nname = \"caps\"\nregex = '^ÚLTIMA HORA'\n", "test.toml");
  EXPECT_EQ(rule_for(own, "última hora: cierre de la autopista"), "caps");
  EXPECT_EQ(rule_for(own, "ÚLTIMA HORA: cierre"), "caps");
}


TEST(BoilerplateBuiltin, JournalBackMatterPitchesSponsorsAndPlayerNotes) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Article Information", "sources"},
      {"For More Information", "sources"},
      {"Journal reference: Journal of Example Nutrition and Epidemiology DOI: 10.5555/jene.2028.0417", "sources"},
      {"Corresponding Author: Marisa Alvarez, MD, MPH, Department of Medicine, Example University.", "article-info"},
      {"J Prev Cardiol Pract. 2028;14(3):e210. doi:10.5555/jpcp.2028.0210", "article-info"},
      {"Published Online: March 12, 2028", "publish-date"},
      {"\u2713 Medically reviewed by Samuel Adeyemi, MD", "byline"},
      {"Words: Callum Reid \u00B7 Photography: Priya Shah", "byline"},
      {"Nora Fitzgerald, MSN, FNP-C", "byline"},
      {"Quick disclaimer: I'm not a doctor or a physio. This is my own experience.", "disclaimer"},
      {"The JPCP Patient Page is a public service of JPCP. It may be copied noncommercially by clinicians.",
       "disclaimer"},
      {"This post is for educational purposes and is not a substitute for personalized medical advice.", "disclaimer"},
      {"The audio version of this article is generated by text-to-speech, a technology based on AI.", "player-note"},
      {"This article appears in the June 12, 2028, issue of The Arbor Weekly. Subscribe to the magazine.",
       "print-note"},
      {"Support local journalism", "donation-pitch"},
      {"The Lantern is free to read and powered by readers. If our reporting helps you, please chip in.",
       "donation-pitch"},
      {"TOGETHER WITH LAKESIDE HARDWARE & SUPPLY", "sponsor"},
      {"This week's Lantern is brought to you by Lakeside Hardware & Supply, your neighborhood store.", "sponsor"},
      {"Stay connected: Download the Lakefront 6 News app for breaking news and weather alerts.", "call-to-action"},
      {"WATCH NOW: What to watch in drugmakers' earnings this quarter VIDEO 3:41", "promo"},
      {"Card 3 of 6", "slide-counter"},
      {"Next card", "page-widget"},
      {"Listen (18 min)", "page-widget"},
      {"142 View comments", "page-widget"},
      {"Our Top Picks", "product-box"},
      {"Prices were accurate at the time of publishing.", "product-box"},
  };
  for (const auto& [line, rule] : cases) EXPECT_EQ(rule_for(f, line), rule) << line;
  for (const std::string line : {"I want to be clear that I am not a doctor, and nothing here is medical advice.",
                                 "Video visits are not for emergencies. If you have chest pain, call 911.",
                                 "Together with her GP, she made a plan to cut down slowly.",
                                 "Download the form, fill it in and bring it to your appointment."})
    EXPECT_EQ(rule_for(f, line), "") << line;
}


TEST(BoilerplateBuiltin, EuropeanPapersLabelsDatesGiftsAndBlogPostLinks) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Sant\u00E9 Article r\u00E9serv\u00E9 aux abonn\u00E9s", "paywall-label"},
      {"- Le 22 ao\u00FBt 2028 \u00E0 06:00 | mis \u00E0 jour le 22 ao\u00FBt 2028 \u00E0 10:42 - 4 min de lecture",
       "publish-date"},
      {"Service d'anesth\u00E9siologie \u00B7 Derni\u00E8re mise \u00E0 jour : 9 mars 2028", "review-date"},
      {"Stand: 11. J\u00E4nner 2028", "review-date"},
      {"Offrir cet article", "gift-article"},
      {"Als Abonnent k\u00F6nnen Sie diesen Artikel verschenken.", "gift-article"},
      {"Diskutieren Sie mit", "page-comments"},
      {"Zum Forum (64 Beitr\u00E4ge)", "page-comments"},
      {"Data de elabora\u00E7\u00E3o: fevereiro de 2028 \u00B7 Pr\u00F3xima revis\u00E3o: fevereiro de 2031",
       "review-date"},
      {"Avalie esta p\u00E1gina", "feedback-prompt"},
      {"M\u00E9dia: 4,6 (38 votos)", "page-rating"},
      {"Entrar no canal", "follow-prompt"},
      {"Revisado m\u00E9dicamente por: Dr. Arturo Mendoza Villalobos, m\u00E9dico internista", "byline"},
      {"Read this article in the Workline app", "call-to-action"},
      {"Threadit is better in the app", "call-to-action"},
      {"Open app \u00D7", "call-to-action"},
      {"\u2190 Seed potatoes and stubborn fingers", "page-post-links"},
      {"The raised bed diaries, part two \u2192", "page-post-links"},
  };
  for (const auto& [line, rule] : cases) EXPECT_EQ(rule_for(f, line), rule) << line;
  for (const std::string line : {"\u00AB La plupart des enfants peuvent \u00EAtre soign\u00E9s \u00E0 la maison \u00BB",
                                 "Stand der Forschung ist, dass Bewegung hilft.",
                                 "Le 22 ao\u00FBt, les pollens d'ambroisie ont atteint un record."})
    EXPECT_EQ(rule_for(f, line), "") << line;
}

TEST(BoilerplateBuiltin, CommunityPlatformsCountersPromotedPostsAndSignUpCards) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"\U0001F44D \u2764\uFE0F \U0001F4A1 1,284 86 Comments 41 Reposts", "page-widget"},
      {"4.9K 412 \U0001F3C6 6 Award Share", "page-widget"},
      {"312.4K views \u00B7 View upvotes \u00B7 View 4 shares \u00B7 Answer requested by Dana Whelan Upvote \u00B7 4.1K",
       "page-widget"},
      {"Related questions", "related"},
      {"Member discussion", "related"},
      {"Promoted", "advertisement"},
      {"Join 41,000 readers who get one clear, sourced answer to a health question each week.", "newsletter-prompt"},
      {"Email sent! Check your inbox to complete your signup.", "newsletter-prompt"},
      {"No spam. Unsubscribe any time.", "newsletter-prompt"},
      {"If this is your first visit, be sure to check out the FAQ by clicking the link above.", "forum-notice"},
      {"1. If this is your first visit, be sure to check out the FAQ by clicking the link above.", "forum-notice"},
      {"knitwitted is offline", "page-widget"},
      {"Welsh Wendy is online now", "page-widget"},
  };
  for (const auto& [line, rule] : cases) EXPECT_EQ(rule_for(f, line), rule) << line;
  for (const std::string line : {"Join 41,000 runners in the city's half marathon this spring, the organisers said.",
                                 "The study's 86 comments came from doctors in 12 countries."})
    EXPECT_EQ(rule_for(f, line), "") << line;
}

TEST(BoilerplateBuiltin, NewsSitesAdSlotsSignUpNotesAppBannersAndDrugFacts) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"This advertisement has not loaded yet, but your article continues below.", "advertisement"},
      {"By signing up you consent to receive the above newsletter from Prairie Media Network Inc.", "newsletter-prompt"},
      {"A welcome email is on its way. If you don't see it, please check your junk folder.", "newsletter-prompt"},
      {"Share this Story : Cannabis edibles sending more young children to hospital", "share-button"},
      {"Comments (3) Closed", "page-comments"},
      {"Recommend 42", "page-widget"},
      {"Join the Lion City Observer's Telegram channel and get the latest breaking news.", "follow-prompt"},
      {"Lion City Observer Read faster in the app, with breaking news alerts and offline reading.", "call-to-action"},
      {"Get the app \u00D7", "call-to-action"},
      {"Drug class: Selective serotonin reuptake inhibitors", "drug-facts"},
      {"Remember, keep this and all other medicines out of the reach of children, never share your medicines.",
       "disclaimer"},
      {"Reviewed by: Pediatric Emergency Medicine, Prairie Crocus Children's Hospital", "byline"},
      {"Members: log in to see your benefits, claims and digital ID card.", "call-to-action"},
  };
  for (const auto& [line, rule] : cases) EXPECT_EQ(rule_for(f, line), rule) << line;
  for (const std::string line : {"Join the queue early: the clinic opens at 8 and the Telegram channel is not official.",
                                 "Many readers read more in the app than on the web, the survey found."})
    EXPECT_EQ(rule_for(f, line), "") << line;
}

TEST(BoilerplateBuiltin, WordPressPluginsRowsRatingsAndPrintableCards) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Click to share on Facebook (Opens in new window)", "share-button"},
      {"Click to email a link to a friend (Opens in new window)", "share-button"},
      {"Click to Tweet", "page-widget"},
      {"How useful was this post?", "feedback-prompt"},
      {"Average rating 4.7 / 5. Vote count: 38", "page-rating"},
      {"Post category:Sleep Problems / Snoring", "publish-date"},
      {"Reading time:6 mins read", "publish-date"},
      {"You May Also Love", "related"},
      {"Estimated Cost $5", "card-facts"},
      {"Active Time 5 minutes", "card-facts"},
      {"Jump to Checklist Print Checklist", "page-widget"},
  };
  for (const auto& [line, rule] : cases) EXPECT_EQ(rule_for(f, line), rule) << line;
  for (const std::string line : {"Difficulty breathing is a reason to call 911 straight away.",
                                 "Click to share on the forum if this helped you, one reader wrote."})
    EXPECT_EQ(rule_for(f, line), "") << line;
}


TEST(BoilerplateBuiltin, SupplementDisclaimersAuthorBoxesTagSlugsAndTopicNotices) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  for (const char* line :
       {"*These statements have not been evaluated by the Food and Drug Administration. This product is not intended "
        "to diagnose, treat, cure, or prevent any disease.",
        "This article is for educational purposes only and is not a substitute for advice from your provider.",
        "About Brianna Castellucci, MS, RDN", "About Dr. Lena Ortiz, MD", "pinned-guide new-members",
        "This topic is pinned. It will appear at the top of Introductions until it is unpinned by staff."})
    EXPECT_TRUE(f.match(line)) << line;
  EXPECT_TRUE(f.match("About Brianna Castellucci, MS, RDN")->drops_section);
  for (const char* line : {"About the study, and what it cannot tell us", "long-term follow-up care",
                           "This topic is one that many parents ask about at the first visit."})
    EXPECT_FALSE(f.match(line)) << line;
}

TEST(BoilerplateBuiltin, PressWireLinesEncyclopediaReviewsAndBroadcastNotes) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  for (const char* line :
       {"SOURCE Clear Sight Alliance", "Media Contact: Priya Venkataraman Clear Sight Alliance (312) 555-0147",
        "Review Date 8/14/2028", "Updated by: Lorraine Abernethy-Cole, MD, Department of Dermatology.",
        "URL of this page: https://healthref.example/ency/article/001204.htm", "(SOUNDBITE OF MUSIC)",
        "This transcript was produced with automated software and lightly edited. It may contain errors.",
        "Heard on Ridgeline Morning", "About Dr. Meera Kulkarni", "48.2K subscribers",
        "1 song: \"Steady Ground\" by Holloway Audio Library", "126,408 views 14 Mar 2028 #firstaid",
        "This video is for general information and does not replace hands-on first aid training."})
    EXPECT_TRUE(f.match(line)) << line;
  EXPECT_TRUE(f.match("SOURCE Clear Sight Alliance")->drops_section);
  for (const char* line : {"Source of the outbreak is still unknown", "About dry eye and screens",
                           "The transcript of the hearing was released on Tuesday.", "Heard on the radio, the news "
                           "sounded far worse than it was, and parents across the county called the school."})
    EXPECT_FALSE(f.match(line)) << line;
}

TEST(BoilerplateBuiltin, AScienceNewsSummarysSourceCredit) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  EXPECT_TRUE(f.match("Story Source:")->drops_section);
  EXPECT_TRUE(f.match("Materials provided by University of Eastmoor. Note: Content may be edited for style and length."));
  EXPECT_FALSE(f.match("Materials provided by the school include a list of allergens in each meal."));
}

TEST(BoilerplateBuiltin, LeafletCardsAsianCountersAndCredits) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  for (const char* line :
       {"Department: Renal Dietitians", "Published: May 2028", "Review due: May 2031",
        "This leaflet has been converted from a PDF so that you can read it on screen.", "\xEC\xA1\xB0\xED\x9A\x8C\xEC\x88\x98: 4,812",
        "\xEB\x8B\xB4\xEB\x8B\xB9\xEB\xB6\x80\xEC\x84\x9C: \xEA\xB0\x90\xEC\x97\xBC\xEB\xB3\x91\xEA\xB4\x80\xEB\xA6\xAC\xEA\xB3\xBC",
        "\xE6\x96\x87\xEF\xBC\x8F\xE6\x9E\x97\xE9\x83\x81\xE5\xA9\xB7\xE3\x80\x80\xE8\xAB\xAE\xE8\xA9\xA2\xEF\xBC\x8F\xE9\x99\xB3\xE5\xBF\x97\xE6\x98\x8E"})
    EXPECT_TRUE(f.match(line)) << line;
  // A dateline's "Published in" and a department's sentence stay for their own rules.
  for (const char* line : {"Department stores report a rise in sunscreen sales this summer, but doctors say more is needed.",
                           "Department of Health advice for schools", "The full transcript is made public by the court",
                           "Version two of the guidance adds advice for children under five and for pregnant women."})
    EXPECT_FALSE(f.match(line)) << line;
  const auto dateline = f.match("Published in Indus Herald, March 3rd, 2028");
  EXPECT_TRUE(!dateline || dateline->rule != "leaflet-meta");
}

TEST(BoilerplateBuiltin, TurkishAndVietnameseReviewersAndAlsoReadLinks) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  for (const char* line : {"T\xC4\xB1" "bbi Dan\xC4\xB1\xC5\x9F" "man: Op. Dr. Murat Erdem, Ortopedi Uzman\xC4\xB1",
                           "\xC4\xB0lginizi \xC3\xA7" "ekebilir: Diz a\xC4\x9Fr\xC4\xB1s\xC4\xB1n\xC4\xB1n 9 yayg\xC4\xB1n nedeni",
                           "Baca juga: Kejang demam pada anak", "Xem th\xC3\xAAm: Vi\xC3\xAAm ru\xE1\xBB\x99t th\xE1\xBB\xAB" "a"})
    EXPECT_TRUE(f.match(line)) << line;
  EXPECT_FALSE(f.match("Baca juga label obat sebelum memberikannya kepada anak, karena dosisnya berbeda menurut usia."));
}

TEST(BoilerplateBuiltin, BookingBoxesAndPostCounters) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  for (const char* line : {"Check prices on StayFinder", "Check availability", "See dates and prices",
                           "From \xC2\xA3" "68 a night", "Tagged: tripods, travel, landscape", "Reblog (0)",
                           "48 likes \xC2\xB7 9 reposts \xC2\xB7 3 replies"})
    EXPECT_TRUE(f.match(line)) << line;
  for (const char* line : {"Check availability with your GP surgery before you travel, as vaccines can take weeks.",
                           "From \xC2\xA3" "68 a night in spring, prices rise sharply over the summer festival weeks."})
    EXPECT_FALSE(f.match(line)) << line;
}

TEST(BoilerplateBuiltin, InvitationsToWriteInAndContactLines) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  for (const char* line : {"Have a consumer problem you want us to look into? Email tips@station.example or call us.",
                           "Got a grassroots story? Tell us about your club: email clubs@sport.example.",
                           "Questions? Email the committee at health@tenants.example.",
                           "Email: nurse@school.example", "T\xC3\xA9l. 032 555 40 12 \xC2\xB7 anesthesie@hopital.example"})
    EXPECT_TRUE(f.match(line)) << line;
  for (const char* line : {"If you see a bloom at a lake, send a photo and the place to algae@county.example.",
                           "Consumers with questions may contact the creamery at orders@creamery.example.",
                           "Is it safe to swim after a storm? Most beaches close for two days, the county said."})
    EXPECT_FALSE(f.match(line)) << line;
}

TEST(BoilerplateBuiltin, FactSheetBackMatterBlogBylinesAndAskBoxes) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  for (const char* line : {"Posted by Priya Chauhan MPharm on 8th May 2029", "Reviewed March 2029.",
                           "Last reviewed: 12 May 2029",
                           "Developed by the Wattlebrook Emergency Department. We acknowledge the input of carers.",
                           "Kids Health Info is supported by the Children's Hospital Foundation. Donate now",
                           "This information is intended to support, not replace, discussion with your child's doctor.",
                           "Send us your question and we may answer it in a future post.",
                           "This long read is free for everyone. If you value journalism like this, please consider "
                           "supporting us."})
    EXPECT_TRUE(f.match(line)) << line;
  for (const char* line : {"Posted by a friend, the video was shared thousands of times.",
                           "Reviewed in March 2029, the guidance now covers children under five.",
                           "Developed by the team over two years, the app reminds parents of each dose.",
                           "Donate now, the charity urged, as winter demand for beds rose."})
    EXPECT_FALSE(f.match(line)) << line;
}

TEST(BoilerplateBuiltin, AnOpinionPagesNoteThatTheViewsAreTheWritersOwn) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  for (const char* line : {"The views expressed in this column are the author's own and do not necessarily reflect "
                           "those of the Blue Ridge Sentinel.",
                           "Views expressed here are the writer\u2019s own.",
                           "The opinions expressed by contributors do not necessarily represent those of the paper."})
    EXPECT_EQ(rule_for(f, line), "disclaimer") << line;
  // A column's own sentence about views stays.
  for (const char* line : {"The views expressed at the meeting were mostly against the new car park.",
                           "Opinions expressed by residents ranged from anger to relief, the council said."})
    EXPECT_EQ(rule_for(f, line), "") << line;
}

TEST(BoilerplateBuiltin, ALeafletsOtherFormatsItsReviewCreditAndAFinanceDisclaimer) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  EXPECT_EQ(rule_for(f, "If you would like this information in another language, large print, audio or Braille, "
                        "please contact the Patient Advice and Liaison Service."),
            "alternative-formats");
  EXPECT_EQ(rule_for(f, "This leaflet is also available in other languages and formats on request."),
            "alternative-formats");
  EXPECT_EQ(rule_for(f, "This guide was written by our information team and reviewed by clinical psychologist "
                        "Dr Imogen Farrant."),
            "byline");
  EXPECT_EQ(rule_for(f, "Our content is for general information and is not financial or legal advice."), "disclaimer");
  // The text's own sentences stay: who wrote a guide for whom, a leaflet's language, what advice is.
  for (const char* line : {"This guide was written by people who live with HS and checked by our medical advisers.",
                           "If you would like to bring someone with you to translate, that is fine.",
                           "A fee-only planner gives financial advice for a flat fee, not a commission."})
    EXPECT_EQ(rule_for(f, line), "") << line;
}

TEST(BoilerplateBuiltin, AnAustrianPapersPostingsAndABylineRowEndingInItsReadingTime) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  EXPECT_EQ(rule_for(f, "Postings (4)"), "page-comments");
  EXPECT_EQ(rule_for(f, "Katharina P\u00F6lzl 13. November 2029, 06:00 Lesezeit: 3 Min."), "reading-time");
  EXPECT_EQ(rule_for(f, "By Jo Roe, March 4, 2029 Reading time: 6 minutes"), "reading-time");
  // A sentence about reading time stays.
  EXPECT_EQ(rule_for(f, "The app shows an average reading time of 6 minutes for each of its health guides."), "");
}

TEST(BoilerplateBuiltin, ArabicReviewLineReadAlsoFeedbackAndDisclaimer) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  for (const char* line : {"\u0645\u0631\u0627\u062C\u0639\u0629 \u0637\u0628\u064A\u0629: \u062F. \u0643\u0631\u064A\u0645 \u0641\u0648\u0632\u064A",
                           "\u0627\u0642\u0631\u0623 \u0623\u064A\u0636\u064B\u0627: \u0627\u0644\u0635\u0641\u0631\u0627\u0621 \u0639\u0646\u062F \u062D\u062F\u064A\u062B\u064A \u0627\u0644\u0648\u0644\u0627\u062F\u0629",
                           "\u0647\u0644 \u0643\u0627\u0646 \u0647\u0630\u0627 \u0627\u0644\u0645\u0642\u0627\u0644 \u0645\u0641\u064A\u062F\u064B\u0627\u061F",
                           "\u0627\u0644\u0645\u0639\u0644\u0648\u0645\u0627\u062A \u0644\u0644\u062A\u0648\u0639\u064A\u0629 \u0641\u0642\u0637 \u0648\u0644\u0627 \u062A\u063A\u0646\u064A \u0639\u0646 \u0627\u0633\u062A\u0634\u0627\u0631\u0629 \u0627\u0644\u0637\u0628\u064A\u0628."})
    EXPECT_TRUE(f.match(line)) << line;
}

TEST(BoilerplateBuiltin, ANewspapersNewsletterBoxMarksAndItsAppealHeading) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  for (const char* line : {"after newsletter promotion", "skip past newsletter promotion",
                           "Privacy Notice: Newsletters may contain info about charities, online ads, and content "
                           "funded by outside parties."})
    EXPECT_EQ(rule_for(f, line), "newsletter-prompt") << line;
  EXPECT_EQ(rule_for(f, "Before you move on \u2026"), "reader-appeal");
  EXPECT_EQ(rule_for(f, "Before you move on to the next step, let the paint dry overnight."), "");
}

TEST(BoilerplateBuiltin, AReviewLineThatGoesOnToItsDates) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  EXPECT_EQ(rule_for(f, "Medically reviewed by Mr Tobias Renwick FRCS (Tr & Orth), Consultant Orthopaedic Surgeon. "
                        "Last reviewed: 29 January 2029. Next review due: January 2031."),
            "byline");
  // A sentence about a review in the text stays.
  EXPECT_EQ(rule_for(f, "The drug was reviewed by regulators last year, and doctors now prescribe it more often."), "");
}

TEST(BoilerplateBuiltin, AChineseDateFirstSourceLineAndARelatedReadingPrefix) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  EXPECT_EQ(rule_for(f, "2029-11-08 09:12 \u6765\u6E90\uFF1A\u6F6E\u6D8C\u665A\u62A5 \u4F5C\u8005\uFF1A"
                        "\u8BB0\u8005\u6797\u6653"),
            "publish-date");
  EXPECT_EQ(rule_for(f, "\u76F8\u5173\u9605\u8BFB\uFF1A\u5B69\u5B50\u8BEF\u541E\u5F02\u7269\u600E\u4E48\u529E"),
            "related");
  // A sentence that opens with a date stays: "2029年11月8日，市中心医院…".
  EXPECT_EQ(rule_for(f, "2029\u5E7411\u67088\u65E5\uFF0C\u5E02\u4E2D\u5FC3\u533B\u9662\u63A5\u8BCA\u4E8640"
                        "\u4F59\u4F8B\u60A3\u8005\u3002"),
            "");
}

TEST(BoilerplateBuiltin, RioplatenseReadAlsoAndASpanishBylineWithItsDate) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  EXPECT_EQ(rule_for(f, "Mariela Quiroga 17 de abril de 2029 - 08:45"), "byline");
  EXPECT_EQ(rule_for(f, "Sof\u00EDa Mart\u00EDnez 3 de mayo de 2029"), "byline");
  EXPECT_TRUE(f.match("Le\u00E9 tambi\u00E9n: Vacunaci\u00F3n antigripal: cu\u00E1ndo empieza la campa\u00F1a"));
  // A sentence that names a date stays.
  EXPECT_EQ(rule_for(f, "El Hospital Municipal 17 de abril de 2029 abri\u00F3 un nuevo vacunatorio."), "");
}

TEST(BoilerplateBuiltin, ANewswireReleasesCompanyParagraphForwardLookingStatementsAndSource) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  for (const char* line : {"About Prairie Loaf Bakeries Inc.", "SOURCE Prairie Loaf Bakeries Inc.",
                           "Forward-looking statements: This news release contains forward-looking statements about "
                           "the expected timing, cost and benefits of the expansion.",
                           "For further information: Media: Jolene Karpinski, 306-555-0182"})
    EXPECT_EQ(rule_for(f, line), "press-backmatter") << line;
  // A heading about a company in the text, and a sentence naming a source, stay.
  EXPECT_EQ(rule_for(f, "About the new bakery"), "");
  EXPECT_EQ(rule_for(f, "SOURCE of the outbreak was traced to a bakery."), "");
}

TEST(BoilerplateBuiltin, DateRowsReadingTimesMetersTrackbacksCorrectionsAndAKoreanDisclaimer) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  EXPECT_EQ(rule_for(f, "Published 6:02 a.m. CT May 22, 2029 | Updated 11:48 a.m. CT May 22, 2029"), "publish-date");
  EXPECT_EQ(rule_for(f, "Explainer \u00B7 8 min read \u00B7 Updated 24 April 2029"), "reading-time");
  EXPECT_EQ(rule_for(f, "2 \u092E\u093F\u0928\u091F \u092E\u0947\u0902 \u092A\u0922\u093C\u0947\u0902"),
            "reading-time");
  EXPECT_EQ(rule_for(f, "You have read 4 of your 5 free articles this month."), "paywall-meter");
  EXPECT_EQ(rule_for(f, "No Trackbacks"), "page-comments");
  EXPECT_EQ(rule_for(f, "\uBCF8 \uAC74\uAC15\uC815\uBCF4\uB294 \uC77C\uBC18\uC801\uC778 \uC815\uBCF4 \uC81C\uACF5\uC744 "
                        "\uBAA9\uC801\uC73C\uB85C \uD558\uBA70, \uC758\uC0AC\uC758 \uC9C4\uB2E8\uC774\uB098 "
                        "\uCE58\uB8CC\uB97C \uB300\uC2E0\uD558\uC9C0 \uC54A\uC2B5\uB2C8\uB2E4"),
            "disclaimer");
  EXPECT_EQ(rule_for(f, "We aim to correct mistakes quickly. Read our corrections policy or tell us about an error."),
            "corrections-policy");
  // Other versions of a leaflet, a Finnish writer's line, an Italian update date (heldout89, heldout90, heldout92).
  EXPECT_EQ(rule_for(f, "Also available in: Hindi | Tamil | Bengali | Download PDF"), "other-formats");
  EXPECT_EQ(rule_for(f, "This leaflet is available in large print, Braille, audio and other languages. Please ask a "
                        "member of staff."),
            "other-formats");
  EXPECT_EQ(rule_for(f, "Teksti: Aino Rautavaara, terveystoimittaja"), "byline");
  EXPECT_EQ(rule_for(f, "Ultimo aggiornamento: 14.03.2028 \u00B7 Reparto di Cardiologia"), "publish-date");
  EXPECT_EQ(rule_for(f, "available in most office buildings and climbing them briskly is a vigorous"), "");
  EXPECT_EQ(rule_for(f, "Ultimo aggiornamento del vaccino: chiedete al medico."), "");
  // A writer and a reviewer on one row (heldout89); a sentence about a review stays.
  EXPECT_EQ(rule_for(f, "By Zanele Ferreira-Dube Clinically reviewed by Dr Karabo Mahlangu-Visser, specialist physician 3 "
                        "June 2030 \u00B7 6 min read"),
            "byline");
  EXPECT_EQ(rule_for(f, "By law, every claim is reviewed by an independent panel before it is paid."), "");
  // A date alone in Spanish, Portuguese and Italian, with its time (heldout96); a sentence that opens so stays.
  for (const std::string line : {"9 de octubre de 2028 - 10:15 a. m.", "12 de mar\u00E7o de 2029, 08h30", "3 maggio 2029"})
    EXPECT_EQ(rule_for(f, line), "publish-date") << line;
  EXPECT_EQ(rule_for(f, "9 de octubre de 2028 fue el d\u00EDa m\u00E1s lluvioso."), "");
  // A print button in Dutch, German, Spanish and Finnish (heldout92).
  for (const std::string line : {"Deze pagina afdrukken", "Seite drucken", "Imprimir esta p\u00E1gina", "Tulosta sivu"})
    EXPECT_EQ(rule_for(f, line), "page-widget") << line;
  EXPECT_EQ(rule_for(f, "Deze pagina afdrukken kan ook als pdf, met alle tabellen erbij."), "");
  // The text's own sentences stay.
  EXPECT_EQ(rule_for(f, "Published 6 years ago, the study still shapes how doctors treat sprains."), "");
  EXPECT_EQ(rule_for(f, "You have read 4 of the 5 warning signs; the last is the most important."), "");
}


TEST(BoilerplateBuiltin, WireCreditsPaywallOffersMicroblogNotesAndVideoPlaylists) {
  const BoilerplateFilter f = BoilerplateFilter::builtin();
  // heldout101-104: a wire story's credits and chrome, a paywall's offer, edit notes in German and French.
  EXPECT_EQ(rule_for(f, "Reporting by Camila Ferrada in Santiago; Editing by Mark Potter"), "wire-credits");
  EXPECT_EQ(rule_for(f, "Our Standards: The Meridian Editorial Principles."), "wire-credits");
  EXPECT_EQ(rule_for(f, "Purchase Licensing Rights, opens new tab"), "wire-credits");
  EXPECT_EQ(rule_for(f, "Get unlimited access to all our stories, the ePaper and our market data tools."), "paywall-meter");
  EXPECT_EQ(rule_for(f, "Dieser Beitrag wurde bereits 1 Mal editiert, zuletzt von Kirsche77 (8. Februar 2028, 21:20)."),
            "page-edit-note");
  EXPECT_EQ(rule_for(f, "Derni\u00E8re \u00E9dition : 18 mars 2028"), "page-edit-note");
  // A microblog's notes and tags, a video playlist.
  EXPECT_EQ(rule_for(f, "2,418 notes"), "page-comments");
  EXPECT_EQ(rule_for(f, "\u2022 #library life"), "tag-list");
  EXPECT_EQ(rule_for(f, "Now playing 'It felt like a sauna': Passengers describe hours stuck on plane 01:52"), "promo");
  EXPECT_EQ(rule_for(f, "Ad Feedback"), "promo");
  // Pinterest's prompts on a blog's pictures.
  EXPECT_EQ(rule_for(f, "Pin this for later! Toy rotation for small homes."), "page-widget");
  EXPECT_EQ(rule_for(f, "Our four boxes, labelled A to D. Save this idea to your Kids' Room board!"), "page-widget");
  // Sentences that open so stay.
  EXPECT_EQ(rule_for(f, "Pin it to the wall with a drawing pin before the glue dries."), "");
  EXPECT_EQ(rule_for(f, "Reporting by local volunteers found the river had risen overnight."), "");
  EXPECT_EQ(rule_for(f, "Get unlimited support from our nurses by phone."), "");
}

}  // namespace
}  // namespace readaloud
