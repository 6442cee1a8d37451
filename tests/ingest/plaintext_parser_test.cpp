#include "ingest/plaintext_parser.hpp"

#include <gtest/gtest.h>

#include "ingest/expected_article.hpp"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/decode.hpp"

namespace readaloud {
namespace {

using expected::callout;
using expected::paragraph;
using expected::section;

// --- builders for expected structures -------------------------------------



struct Item {
  std::string text;
  int depth = 0;
};

Block list(bool ordered, int start, std::vector<Item> items, std::size_t line) {
  Block b;
  b.kind = BlockKind::List;
  b.ordered = ordered;
  b.start = start;
  b.line = line;
  for (auto& i : items) b.items.push_back(ListItem{make_text(std::move(i.text)), i.depth, std::nullopt});
  return b;
}


/// A readable dump, so that a failing comparison shows where the structures differ.
std::string dump(const Article& a) {
  std::ostringstream out;
  out << "title: " << a.title << "\n";
  for (const auto& s : a.sections) {
    out << "section L" << s.level << " @" << s.line << ": " << s.title << "\n";
    for (const auto& b : s.blocks) {
      out << "  " << to_string(b.kind) << " @" << b.line;
      if (b.kind == BlockKind::Callout) out << " " << to_string(b.callout);
      if (b.kind == BlockKind::List) out << (b.ordered ? " ordered start=" + std::to_string(b.start) : " bullets");
      out << ": " << plain_text(b.text) << "\n";
      for (const auto& i : b.items) out << "    [" << i.depth << "] " << plain_text(i.text) << "\n";
    }
  }
  for (const auto& d : a.dropped) out << "dropped @" << d.line << " " << d.reason << ": " << d.text << "\n";
  return out.str();
}

#define EXPECT_ARTICLE(actual, expected)      \
  do {                                        \
    const Article a_ = (actual);              \
    const Article e_ = (expected);            \
    EXPECT_EQ(dump(a_), dump(e_));            \
    EXPECT_TRUE(a_ == e_);                    \
  } while (0)

Article parse(std::string_view text) { return parse_plaintext(text, BoilerplateFilter::builtin()); }

Article article(std::string title, std::vector<Section> sections, std::vector<Dropped> dropped = {}) {
  Article a;
  a.title = std::move(title);
  a.sections = std::move(sections);
  a.dropped = std::move(dropped);
  return a;
}

// --- headings --------------------------------------------------------------

TEST(PlaintextHeadings, ShortStandaloneLinesAreHeadings) {
  EXPECT_ARTICLE(parse("Better sleep\n\nSleep matters.\n\nHabits\n\nKeep a routine.\n"),
                 article("Better sleep", {section("Better sleep", 1, 1, {paragraph("Sleep matters.", 3)}),
                                          section("Habits", 2, 5, {paragraph("Keep a routine.", 7)})}));
}

TEST(PlaintextHeadings, NumberedHeadingsKeepTheirNumbers) {
  const Article a = parse(
      "Three ways to save water\n\nSmall habits add up over a summer.\n\n"
      "1. Fix the drip\n\nA dripping tap can waste a bath of water every week.\n\n"
      "2. Shorter showers\n\nFour minutes is plenty for most people.\n");
  ASSERT_EQ(a.sections.size(), 3u);
  EXPECT_EQ(a.sections[1].title, "1. Fix the drip");
  EXPECT_EQ(a.sections[2].title, "2. Shorter showers");
  EXPECT_EQ(plain_text(a.sections[2].blocks.at(0).text), "Four minutes is plenty for most people.");
}

TEST(PlaintextHeadings, NumberedLinesSpacedByBlankLinesStayAList) {
  const Article a = parse("Shopping\n\nWe need a few things.\n\n1. Flour\n\n2. Sugar\n\nThat is all.\n");
  ASSERT_EQ(a.sections.size(), 1u);
  for (const Block& b : a.sections[0].blocks) {
    if (b.kind != BlockKind::List) {
      EXPECT_FALSE(plain_text(b.text).starts_with("1.")) << plain_text(b.text);
    }
  }
  EXPECT_EQ(a.sections[0].blocks.at(1).kind, BlockKind::List);
}

TEST(PlaintextCredits, ATrailingCreditLeavesTheCaption) {
  const Article a = parse("Harbour lights\n\nBoats moored in the harbour at dusk. (Image: Kit Marlow)\n\nThe end.\n");
  ASSERT_EQ(a.sections.size(), 1u);
  EXPECT_EQ(plain_text(a.sections[0].blocks.at(0).text), "Boats moored in the harbour at dusk.");
  ASSERT_FALSE(a.dropped.empty());
  EXPECT_EQ(a.dropped.back().text, "(Image: Kit Marlow)");
  EXPECT_EQ(a.dropped.back().reason, "photo-credit");
}

TEST(PlaintextHeadings, TextBeforeFirstHeadingGetsUntitledSection) {
  EXPECT_ARTICLE(parse("Intro text here.\n\nMain topic\n\nBody.\n"),
                 article("Main topic", {section("", 1, 1, {paragraph("Intro text here.", 1)}),
                                        section("Main topic", 1, 3, {paragraph("Body.", 5)})}));
}

TEST(PlaintextHeadings, HeadingFollowedByHeadingStillCounts) {
  EXPECT_ARTICLE(parse("Guide\n\nPart one\n\nText.\n"),
                 article("Guide", {section("Guide", 1, 1, {}), section("Part one", 2, 3, {paragraph("Text.", 5)})}));
}

TEST(PlaintextHeadings, RejectedCandidates) {
  // Each of these stands alone before a body paragraph, yet is not a heading.
  const std::vector<std::string> rejected = {
      "Ends with a period.",
      "Ends with a question?",
      "Ends with a bang!",
      "These conditions include:",
      "Semicolon ends it;",
      "Comma ends it,",
      "Trails off\xE2\x80\xA6",
      "He said \"stop.\"",
      "one two three four five six seven eight nine ten eleven twelve thirteen",
      "starts in lowercase",
      "42",
      "12.5 %",
      std::string(101, 'A'),
  };
  for (const auto& line : rejected) {
    const Article a = parse(line + "\n\nBody text.\n");
    ASSERT_EQ(a.sections.size(), 1u) << line;
    EXPECT_EQ(a.sections[0].title, "") << line;
    ASSERT_EQ(a.sections[0].blocks.size(), 2u) << line;
    EXPECT_EQ(plain_text(a.sections[0].blocks[0].text), line);
  }
}

TEST(PlaintextHeadings, TwelveWordsAndHundredBytesAreAllowed) {
  const std::string twelve = "One two three four five six seven eight nine ten eleven twelve";
  EXPECT_EQ(parse(twelve + "\n\nBody.\n").title, twelve);
  const std::string hundred = "A" + std::string(99, 'b');
  EXPECT_EQ(parse(hundred + "\n\nBody.\n").title, hundred);
  EXPECT_EQ(parse("Erectile dysfunction (ED)\n\nBody.\n").title, "Erectile dysfunction (ED)");
}

TEST(PlaintextHeadings, LastLineIsNotAHeading) {
  EXPECT_ARTICLE(parse("Title\n\nBody text.\n\nThanks for reading\n"),
                 article("Title", {section("Title", 1, 1, {paragraph("Body text.", 3), paragraph("Thanks for reading", 5)})}));
}

TEST(PlaintextHeadings, LineInsideParagraphIsNotAHeading) {
  EXPECT_ARTICLE(parse("Short line\nand more text.\n\nEnd.\n"),
                 article("Short line and more text", {section("", 1, 1, {paragraph("Short line and more text.", 1),
                                                                         paragraph("End.", 4)})}));
}

TEST(PlaintextHeadings, NoHeadingTitleFromFirstSentence) {
  EXPECT_EQ(parse("Drinking water helps. It is cheap.\n").title, "Drinking water helps");
  EXPECT_EQ(parse("A very long opening sentence that goes on and on about hydration and kidneys and the many "
                  "reasons to drink, without stopping\n")
                .title,
            "A very long opening sentence that goes on and on about hydration and kidneys and");
  EXPECT_EQ(parse("- only\n- a list\n").title, "");
  EXPECT_EQ(parse("").title, "");
  EXPECT_TRUE(parse("\n\n  \n").sections.empty());
}

// --- lists -----------------------------------------------------------------

TEST(PlaintextLists, NumberedKeepsStartNumber) {
  EXPECT_ARTICLE(parse("Steps\n\n  3. Rinse.\n  4. Dry.\n\n5) Rest.\n6) Repeat.\n"),
                 article("Steps", {section("Steps", 1, 1,
                                           {list(true, 3, {{"Rinse."}, {"Dry."}}, 3),
                                            list(true, 5, {{"Rest."}, {"Repeat."}}, 6)})}));
}

TEST(PlaintextLists, EachBulletMarker) {
  const std::vector<std::string> markers = {"\xE2\x80\xA2", "-", "*", "\xE2\x80\x93", "\xE2\x97\xA6",
                                            "\xE2\x96\xAA"};
  for (const auto& m : markers) {
    EXPECT_ARTICLE(parse(m + " apples\n" + m + " pears\n"),
                   article("", {section("", 1, 1, {list(false, 1, {{"apples"}, {"pears"}}, 1)})}));
  }
  // The typographic bullets need no space; ASCII markers do.
  EXPECT_ARTICLE(parse("\xE2\x80\xA2" "apples\n"),
                 article("", {section("", 1, 1, {list(false, 1, {{"apples"}}, 1)})}));
  EXPECT_ARTICLE(parse("-5 degrees outside.\n"),
                 article("-5 degrees outside", {section("", 1, 1, {paragraph("-5 degrees outside.", 1)})}));
  EXPECT_ARTICLE(parse("2019. A good year.\n"),
                 article("2019", {section("", 1, 1, {paragraph("2019. A good year.", 1)})}));
}

TEST(PlaintextLists, NestingByIndentation) {
  EXPECT_ARTICLE(parse("- fruit\n  - apples\n    - green\n  - pears\n- grains\n   * oats\n"),
                 article("", {section("", 1, 1,
                                      {list(false, 1,
                                            {{"fruit", 0}, {"apples", 1}, {"green", 2}, {"pears", 1},
                                             {"grains", 0}, {"oats", 1}},
                                            1)})}));
}

TEST(PlaintextLists, ContinuationLinesJoinTheItem) {
  EXPECT_ARTICLE(parse("1. Drink water\n   through the day.\n2. Sleep\n\tseven hours.\nAfter the list.\n"),
                 article("After the list",
                         {section("", 1, 1,
                                  {list(true, 1, {{"Drink water through the day."}, {"Sleep seven hours."}}, 1),
                                   paragraph("After the list.", 5)})}));
}

TEST(PlaintextLists, IntroLineThenListInOneParagraph) {
  EXPECT_ARTICLE(parse("You will need:\n- a towel\n- a hat\n"),
                 article("You will need", {section("", 1, 1, {paragraph("You will need:", 1),
                                                               list(false, 1, {{"a towel"}, {"a hat"}}, 2)})}));
}

TEST(PlaintextLists, MarkerKindChangeStartsNewList) {
  EXPECT_ARTICLE(parse("1. first\n- bullet\n"),
                 article("", {section("", 1, 1, {list(true, 1, {{"first"}}, 1), list(false, 1, {{"bullet"}}, 2)})}));
}

// --- boilerplate -----------------------------------------------------------

TEST(PlaintextBoilerplate, GluedAfterListIsDropped) {
  EXPECT_ARTICLE(
      parse("Benefits\n\n  1. Calmer mood.\n  2. Better sleep.\nWas this helpful?\n\nMore text.\n"),
      article("Benefits",
              {section("Benefits", 1, 1, {list(true, 1, {{"Calmer mood."}, {"Better sleep."}}, 3), paragraph("More text.", 7)})},
              {Dropped{"Was this helpful?", "feedback-prompt", 5}}));
}

TEST(PlaintextBoilerplate, CaptionCreditAndPromosDropped) {
  EXPECT_ARTICLE(parse("a cat on a sofaShare on Pinterest\nLina Berg/Getty Images\n\nCats at home\n\n"
                       "Cats sleep a lot.\nAdvertisement\nThey also play.\n\nRead more: Dogs at home \xC2\xBB\n"),
                 article("Cats at home",
                         {section("Cats at home", 1, 4, {paragraph("Cats sleep a lot.", 6), paragraph("They also play.", 8)})},
                         {Dropped{"a cat on a sofaShare on Pinterest", "share-button", 1},
                          Dropped{"Lina Berg/Getty Images", "photo-credit", 2},
                          Dropped{"Advertisement", "advertisement", 7},
                          Dropped{"Read more: Dogs at home \xC2\xBB", "promo", 10}}));
}

TEST(PlaintextBoilerplate, DropsParagraphAfterReviewMethod) {
  EXPECT_ARTICLE(parse("Title\n\nBody.\n\nHow we reviewed this article:\n\nHistory line one\nline two\n\nKept.\n"),
                 article("Title", {section("Title", 1, 1, {paragraph("Body.", 3), paragraph("Kept.", 10)})},
                         {Dropped{"How we reviewed this article:", "review-method", 5},
                          Dropped{"History line one", "review-method", 7},
                          Dropped{"line two", "review-method", 8}}));
}

TEST(PlaintextBoilerplate, UserRuleApplies) {
  BoilerplateFilter f = BoilerplateFilter::builtin();
  f.add_rules("[[rule]]\nname = \"cookie-banner\"\nstarts_with = \"We use cookies\"\n", "site.toml");
  EXPECT_ARTICLE(parse_plaintext("We use cookies here.\nReal text.\n", f),
                 article("Real text", {section("", 1, 2, {paragraph("Real text.", 2)})},
                         {Dropped{"We use cookies here.", "cookie-banner", 1}}));
}

// --- callouts, line ends, typography ----------------------------------------

TEST(PlaintextCallouts, LabelsBecomeCallouts) {
  EXPECT_ARTICLE(parse("Care\n\nWarning: Do not swallow.\n\nCAUTION: Hot.\n\nDanger: High voltage.\n\n"
                       "Important: Keep dry.\n\nNote: Shake well.\n\nTip: Use a timer.\n\nWarning:\n\nStop if dizzy.\n"),
                 article("Care", {section("Care", 1, 1,
                                          {callout(CalloutKind::Warning, "Do not swallow.", 3),
                                           callout(CalloutKind::Caution, "Hot.", 5),
                                           callout(CalloutKind::Danger, "High voltage.", 7),
                                           callout(CalloutKind::Important, "Keep dry.", 9),
                                           callout(CalloutKind::Note, "Shake well.", 11),
                                           callout(CalloutKind::Tip, "Use a timer.", 13),
                                           callout(CalloutKind::Warning, "Stop if dizzy.", 15)})}));
}

TEST(PlaintextCallouts, ShortLabelledLineIsNotAHeading) {
  EXPECT_ARTICLE(parse("Tip: Drink water\n\nMore.\n"),
                 article("Drink water", {section("", 1, 1, {callout(CalloutKind::Tip, "Drink water", 1), paragraph("More.", 3)})}));
}

TEST(PlaintextText, CrlfInput) {
  EXPECT_ARTICLE(parse("Title\r\n\r\nLine one\r\nline two.\r\n\r\n- item\r\n"),
                 article("Title", {section("Title", 1, 1, {paragraph("Line one line two.", 3), list(false, 1, {{"item"}}, 6)})}));
}

TEST(PlaintextText, CurlyQuotesStraightened) {
  EXPECT_ARTICLE(parse("\xE2\x80\x9CQuiet\xE2\x80\x9D hours\n\nIt\xE2\x80\x99s\xC2\xA0" "fine.\n"),
                 article("\"Quiet\" hours", {section("\"Quiet\" hours", 1, 1, {paragraph("It's fine.", 3)})}));
}

// --- size ------------------------------------------------------------------

TEST(PlaintextScale, HugeLineAndManyHeadings) {
  std::string text = "Big\n\n" + std::string(5'000'000, 'x') + ".\n\n";
  for (int i = 0; i < 10'000; ++i) text += "Heading " + std::to_string(i) + "\n\nBody " + std::to_string(i) + ".\n\n";
  const Article a = parse(text);
  ASSERT_EQ(a.sections.size(), 10'001u);
  EXPECT_EQ(a.title, "Big");
  ASSERT_EQ(a.sections[0].blocks.size(), 1u);
  EXPECT_EQ(plain_text(a.sections[0].blocks[0].text).size(), 5'000'001u);
  EXPECT_EQ(a.sections[10'000].title, "Heading 9999");
  EXPECT_EQ(a.sections[10'000].level, 2);
  EXPECT_EQ(a.sections[10'000].line, 4u + 4 * 9'999 + 1);
  EXPECT_EQ(plain_text(a.sections[10'000].blocks.at(0).text), "Body 9999.");
}

TEST(PlaintextParser, AQuestionAskedInTwoSentencesIsTheTitleWhole) {
  const Article asked = parse(
      "My toddler wakes at 3 am every night. Should we see a doctor?\n\nShe is 20 months old and used to sleep "
      "through the night. For two weeks she has woken at the same hour.\n");
  EXPECT_EQ(asked.title, "My toddler wakes at 3 am every night. Should we see a doctor?");
  // A statement is cut at its first sentence, as before.
  const Article told = parse(
      "Night waking is common at this age. It usually passes.\n\nKeep the same calm bedtime routine every "
      "night and settle her in her own cot.\n");
  EXPECT_EQ(told.title, "Night waking is common at this age");
}

TEST(PlaintextScale, DeepIndentationStaysFlat) {
  std::string text;
  for (int i = 0; i < 3'000; ++i) text += std::string(static_cast<std::size_t>(i), ' ') + "- x\n";
  const Article a = parse(text);
  ASSERT_EQ(a.sections.size(), 1u);
  ASSERT_EQ(a.sections[0].blocks.size(), 1u);
  EXPECT_EQ(a.sections[0].blocks[0].items.back().depth, 2'999);
}

// --- a whole scraped page ----------------------------------------------------

TEST(PlaintextFixture, ColdWaterSwimming) {
  std::ifstream in(std::string(READALOUD_SOURCE_DIR) + "/tests/fixtures/plain/cold-water-swimming-scraped.txt",
                   std::ios::binary);
  ASSERT_TRUE(in);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const Article a = parse(decode_text(bytes.str()));
  EXPECT_ARTICLE(
      a,
      article(
          "Cold water swimming",
          {section("Cold water swimming", 1, 4,
                   {paragraph("Cold water swimming means bathing in open water below about fifteen degrees. People take it "
                         "up for fitness, for company, or because they like how awake it makes them feel.",
                         6),
                    paragraph("Most of what swimmers report is personal experience. A handful of small studies exist, but "
                         "they rarely follow people for long, so firm conclusions are hard to draw.",
                         8)}),
           section("What people report", 2, 10,
                   {list(true, 1,
                         {{"A brighter mood for some hours after a swim."}, {"Less soreness after hard exercise."}}, 12),
                    paragraph("None of these effects has been confirmed in a large trial. Researchers who study them say:",
                         16)}),
           section("Mood", 2, 18,
                   {paragraph("Swimmers often describe what they call \"the glow\", a lift in mood that lasts into the "
                         "afternoon. Whether the water or the friendly group does the work is still unclear.",
                         20)}),
           section("Sleep", 2, 22,
                   {paragraph("Some people say they sleep more deeply on swimming days. Nobody has measured this carefully "
                         "yet, and it's hard to do.",
                         24)}),
           section("Risks", 2, 28,
                   {list(true, 1,
                         {{"Cold shock can make you gasp and inhale water."},
                          {"Your hands may stop working after a few minutes in very cold water."}},
                         30),
                    callout(CalloutKind::Warning,
                            "If you have a heart condition, talk to your doctor before your first cold swim.", 34),
                    paragraph("Start with short dips, stay close to the shore, and never swim alone. Bring warm clothes "
                         "and a hot drink for afterwards.",
                         36),
                    paragraph("Tips for a first swim:", 38),
                    list(false, 1,
                         {{"Wear a bright hat so others can see you."},
                          {"Get out before you start to shiver."},
                          {"Shivering means your body is already losing the fight against the cold. Warm up slowly "
                           "rather than in a hot shower.",
                           1}},
                         39)})},
          {Dropped{"woman wading into a grey lake at dawnShare on Pinterest", "share-button", 1},
           Dropped{"Elin Vass/Getty Images", "photo-credit", 2},
           Dropped{"Was this helpful?", "feedback-prompt", 14},
           Dropped{"Check out: Seven warm drinks for winter mornings \xC2\xBB", "promo", 26},
           Dropped{"Was this helpful?", "feedback-prompt", 32},
           Dropped{"Keep reading: How to choose a wetsuit \xC2\xBB", "promo", 44}}));
}

}  // namespace
}  // namespace readaloud
