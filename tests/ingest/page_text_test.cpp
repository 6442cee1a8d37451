#include "ingest/page_text.hpp"

#include <gtest/gtest.h>

#include <string>

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

}  // namespace
}  // namespace readaloud
