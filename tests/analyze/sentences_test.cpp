#include "analyze/sentences.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace readaloud {
namespace {

// The sentences as strings, so failures show text rather than offsets.
std::vector<std::string> sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const TextRange& r : split_sentences(text)) out.emplace_back(text.substr(r.begin, r.end - r.begin));
  return out;
}

using Strings = std::vector<std::string>;

TEST(SplitSentences, ExactRangesTrimmed) {
  const std::string_view text = "  Rinse daily.  Dry the tip!\nAsk first?  ";
  EXPECT_EQ(split_sentences(text),
            (std::vector<TextRange>{{2, 14}, {16, 28}, {29, 39}}));
}

TEST(SplitSentences, EmptyAndBlank) {
  EXPECT_TRUE(split_sentences("").empty());
  EXPECT_TRUE(split_sentences(" \n\t ").empty());
  EXPECT_EQ(sentences("No final stop"), (Strings{"No final stop"}));
}

TEST(SplitSentences, Abbreviations) {
  EXPECT_EQ(sentences("Use a mild rinse, e.g. Saline works. Dr. Patel agrees, i.e. Twice a day is fine."),
            (Strings{"Use a mild rinse, e.g. Saline works.", "Dr. Patel agrees, i.e. Twice a day is fine."}));
  EXPECT_EQ(sentences("Mr. Ortiz and Mrs. Chen met at St. Mary's clinic. Rest vs. Exercise was the topic."),
            (Strings{"Mr. Ortiz and Mrs. Chen met at St. Mary's clinic.", "Rest vs. Exercise was the topic."}));
  // "etc." ends a sentence before a capital, but not before a lowercase word.
  EXPECT_EQ(sentences("Bring socks, towels, etc. The room is cold. Pens, paper, etc. are provided."),
            (Strings{"Bring socks, towels, etc.", "The room is cold.", "Pens, paper, etc. are provided."}));
  EXPECT_EQ(sentences("See ref. No. 4 in the list. Done."), (Strings{"See ref. No. 4 in the list.", "Done."}));
}

TEST(SplitSentences, ForeignAbbreviations) {
  EXPECT_EQ(sentences("Nehmen Sie z. B. Ibuprofen. Das hilft."), (Strings{"Nehmen Sie z. B. Ibuprofen.", "Das hilft."}));
  EXPECT_EQ(sentences("La Dra. Ruiz lo explica. Mme. Roy aussi."),
            (Strings{"La Dra. Ruiz lo explica.", "Mme. Roy aussi."}));
}

TEST(SplitSentences, Decimals) {
  EXPECT_EQ(sentences("Take 2.5 mg at night. Do not take 7.5 mg."),
            (Strings{"Take 2.5 mg at night.", "Do not take 7.5 mg."}));
  EXPECT_EQ(sentences("The dose was 5 mg. 10 people reacted."), (Strings{"The dose was 5 mg.", "10 people reacted."}));
}

TEST(SplitSentences, Initials) {
  EXPECT_EQ(sentences("The study by J. K. Rowan and Mary T. Okafor ran for a year. It ended."),
            (Strings{"The study by J. K. Rowan and Mary T. Okafor ran for a year.", "It ended."}));
  // A lone capital after a lowercase word ends the sentence.
  EXPECT_EQ(sentences("Eat foods rich in vitamin C. Oranges count."),
            (Strings{"Eat foods rich in vitamin C.", "Oranges count."}));
  EXPECT_EQ(sentences("It is approved in the U.S. Europe may follow."),
            (Strings{"It is approved in the U.S. Europe may follow."}));
}

TEST(SplitSentences, Ellipses) {
  EXPECT_EQ(sentences("It works... mostly. Then it stops\xE2\x80\xA6 Nobody knows why."),
            (Strings{"It works... mostly.", "Then it stops\xE2\x80\xA6", "Nobody knows why."}));
  EXPECT_EQ(sentences("Wait... What now?! Stop."), (Strings{"Wait...", "What now?!", "Stop."}));
}

TEST(SplitSentences, ClosingQuotesAndBrackets) {
  EXPECT_EQ(sentences("She said \"Stop now.\" Then she left. (It was late.) Fine."),
            (Strings{"She said \"Stop now.\"", "Then she left.", "(It was late.)", "Fine."}));
  EXPECT_EQ(sentences("\xE2\x80\x9C" "Never again!" "\xE2\x80\x9D" " he said. \xC2\xAB" "Jam\xC3\xA1s." "\xC2\xBB" " Bien."),
            (Strings{"\xE2\x80\x9C" "Never again!" "\xE2\x80\x9D" " he said.", "\xC2\xAB" "Jam\xC3\xA1s." "\xC2\xBB", "Bien."}));
  // A quoted exclamation followed by a lowercase word continues the sentence.
  EXPECT_EQ(sentences("\"Ouch!\" she cried. Done."), (Strings{"\"Ouch!\" she cried.", "Done."}));
}

TEST(SplitSentences, QuestionsAndSpanish) {
  EXPECT_EQ(sentences("\xC2\xBF" "Es seguro? S\xC3\xAD. \xC2\xA1" "Cuidado!"),
            (Strings{"\xC2\xBF" "Es seguro?", "S\xC3\xAD.", "\xC2\xA1" "Cuidado!"}));
}

TEST(SplitSentences, BlankLineSeparatesAndNoBreakSpaces) {
  EXPECT_EQ(sentences("Heading without stop\n\nBody text here"), (Strings{"Heading without stop", "Body text here"}));
  EXPECT_EQ(sentences("One line\nwraps here. Next."), (Strings{"One line\nwraps here.", "Next."}));
  // U+00A0 around the text is trimmed like a space.
  EXPECT_EQ(sentences("\xC2\xA0" "First.\xC2\xA0" "Second.\xC2\xA0"), (Strings{"First.", "Second."}));
}

TEST(SplitSentences, LongInputIsLinear) {
  // 200,000 short sentences and one 1 MB "word": must finish quickly and not recurse.
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "Stop now. ";
  text += "A" + std::string(1 << 20, 'a');
  text += ".";
  const auto ranges = split_sentences(text);
  ASSERT_EQ(ranges.size(), 200001u);
  EXPECT_EQ(ranges.back().end, text.size());
}

}  // namespace
}  // namespace readaloud
