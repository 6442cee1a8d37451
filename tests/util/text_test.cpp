#include "util/text.hpp"

#include <gtest/gtest.h>

namespace readaloud {
namespace {

TEST(AsciiLower, LowersAsciiLettersOnly) {
  EXPECT_EQ(ascii_lower("Risks AND Side-Effects 2"), "risks and side-effects 2");
  EXPECT_EQ(ascii_lower("\xC3\x89TAPE"), "\xC3\x89tape");  // "ÉTAPE": the É stays as it is
  EXPECT_EQ(ascii_lower(""), "");
  EXPECT_EQ(ascii_lower('Q'), 'q');
  EXPECT_EQ(ascii_lower('@'), '@');  // the byte before 'A'
  EXPECT_EQ(ascii_lower('['), '[');  // the byte after 'Z'
  EXPECT_EQ(ascii_lower('\xC9'), '\xC9');
}

TEST(StartsWithAsciiCi, IgnoresTheCaseOfTheTextOnly) {
  EXPECT_TRUE(starts_with_ascii_ci("HTTPS://example.org", "https://"));
  EXPECT_TRUE(starts_with_ascii_ci("abc", ""));
  EXPECT_FALSE(starts_with_ascii_ci("http", "https"));
  EXPECT_FALSE(starts_with_ascii_ci("\xC3\x89t", "\xC3\xA9t"));  // only ASCII letters fold
}

TEST(FindAsciiCi, FindsTheNextPlaceIgnoringCase) {
  EXPECT_EQ(find_ascii_ci("Photo: A. Smith / PHOTO credit", "photo"), 0u);
  EXPECT_EQ(find_ascii_ci("Photo: A. Smith / PHOTO credit", "photo", 1), 18u);
  EXPECT_EQ(find_ascii_ci("Photo", "photos"), std::string_view::npos);
  EXPECT_EQ(find_ascii_ci("abc", ""), std::string_view::npos);
  EXPECT_EQ(find_ascii_ci("xxAB", "ab", 2), 2u);
  EXPECT_EQ(find_ascii_ci("xxAB", "ab", 3), std::string_view::npos);
}

TEST(WithoutPermalinkMark, DropsAHeadingsTrailingAnchorSymbol) {
  EXPECT_EQ(without_permalink_mark("Hypothermia\u00B6"), "Hypothermia");
  EXPECT_EQ(without_permalink_mark("What to do \u00A7 "), "What to do");
  EXPECT_EQ(without_permalink_mark("Severe cases \U0001F517"), "Severe cases");
  EXPECT_EQ(without_permalink_mark("Learning C#"), "Learning C#");  // a hash is part of names
  EXPECT_EQ(without_permalink_mark("\u00B6"), "\u00B6");            // nothing but the mark: left alone
  EXPECT_EQ(without_permalink_mark("\u00A7 12 of the act"), "\u00A7 12 of the act");
}

TEST(CaptionLabelSize, FindsAScreenReaderLabelBeforeACaption) {
  EXPECT_EQ(caption_label_size("Image caption, Ward 7 at night"), 15u);
  EXPECT_EQ(caption_label_size("Media caption, Watch: a night on Ward 7"), 15u);
  EXPECT_EQ(caption_label_size("Image caption, "), 0u);  // a label alone labels nothing
  EXPECT_EQ(caption_label_size("Captions help deaf viewers."), 0u);
}

TEST(Clock, ATimeAloneOrOpeningALine) {
  EXPECT_EQ(clock_bytes("9:48 Storm warning"), 4u);
  EXPECT_EQ(clock_bytes("01:48"), 5u);
  EXPECT_EQ(clock_bytes("948 people"), 0u);
  EXPECT_TRUE(is_clock("0:07"));
  EXPECT_TRUE(is_clock("00:41"));
  EXPECT_TRUE(is_clock("1:02:03"));
  EXPECT_FALSE(is_clock("1:02:3"));
  EXPECT_FALSE(is_clock("0:07 Introduction"));
  EXPECT_FALSE(is_clock("2:1"));
}

}  // namespace
}  // namespace readaloud
